"""The dashboard under its Content-Security-Policy, in headless Chromium: every page loads what it
needs with no violation (scripts, styles, map libraries, borders, type colours), and the policy
refuses what it must (an inline script, a page framing the dashboard)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from api_fixtures import filled_url  # noqa: F401  (fixture)
from web_fixtures import LiveServer, browser, page, ready  # noqa: F401  (fixtures)

from polemos.api import create_app
from polemos.store.records import event_uid

pytestmark = pytest.mark.slow

WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));
"""


@pytest.fixture
def site(filled_url: str) -> Iterator[str]:  # noqa: F811
    app = create_app(filled_url)
    with LiveServer(app) as base:
        yield base
    app.state.pool.close()


def violations(page: Any) -> list[str]:  # noqa: F811
    return page.evaluate("window.__csp")  # type: ignore[no-any-return]


@pytest.mark.parametrize("path", ["/", "/?type=ASSAULT", "/event/{uid}", "/article/homs-a", "/paste"])
def test_web_pages_load_with_no_policy_violation(site: str, page: Any, path: str) -> None:  # noqa: F811
    page.add_init_script(WATCH)
    response = page.goto(site + path.format(uid=event_uid("homs-a", "e1")))
    assert "script-src 'self'" in response.headers["content-security-policy"]
    if path.startswith("/?") or path == "/":
        ready(page)
        page.wait_for_selector("#map[data-borders]")  # Leaflet and the borders loaded and drawn
    assert violations(page) == [] and page.js_errors == []


def test_web_type_badges_keep_their_colours(site: str, page: Any) -> None:  # noqa: F811
    page.add_init_script(WATCH)
    page.goto(f"{site}/event/{event_uid('homs-a', 'e1')}")
    colour = page.locator(".type[data-type=ASSAULT]").first.evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )
    assert colour == "rgb(192, 57, 43)"  # TYPE_COLORS["ASSAULT"], from /types.css
    page.goto(site + "/")
    ready(page)
    swatches = page.locator("#legend .swatch, .swatch").evaluate_all(
        "ss => ss.map(s => getComputedStyle(s).backgroundColor)"
    )
    assert swatches and all(c != "rgba(0, 0, 0, 0)" for c in swatches)  # set through the CSSOM
    assert violations(page) == []


def test_web_paste_page_colours_under_the_policy(page: Any) -> None:  # noqa: F811
    app = create_app(None)
    with LiveServer(app) as base:
        page.add_init_script(WATCH)
        page.goto(base + "/paste")
        page.fill("textarea[name=text]", "Rebels attacked an army post near Gao on Monday, officials said.")
        page.click("button[type=submit]")
        ready(page)
        colour = page.locator("#events .type").first.evaluate("e => getComputedStyle(e).backgroundColor")
        assert colour not in ("rgba(0, 0, 0, 0)", "rgb(119, 119, 119)")
        assert violations(page) == []
    app.state.pool.close()


def test_web_policy_refuses_an_inline_script(site: str, page: Any) -> None:  # noqa: F811
    page.add_init_script(WATCH)
    page.goto(site + "/paste")
    page.evaluate("""() => { const s = document.createElement("script");
                             s.textContent = "window.__ran = 1"; document.body.append(s); }""")
    assert page.evaluate("window.__ran") is None
    assert any(v.startswith("script-src") for v in violations(page))


def test_web_dashboard_cannot_be_framed(site: str, page: Any) -> None:  # noqa: F811
    page.set_content(f'<iframe id="f" src="{site}/" onload="this.dataset.loaded = 1"></iframe>')
    page.wait_for_selector("#f[data-loaded]", state="attached")  # the frame's load ends, refused or not
    assert page.frame_locator("#f").locator("header.top").count() == 0
