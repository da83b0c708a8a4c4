"""The dashboard in a real browser (headless Debian Chromium): map, filters, event page, paste page,
and article text that stays text on every page; and the pages under their Content-Security-Policy:
no violation on any page (scripts, styles, map libraries, borders, type colours), and the policy
refusing what it must (an inline script, a page framing the dashboard). One module: the browser
fixture is per module, and two Playwright instances cannot share the main thread."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from api_fixtures import HOSTILE, filled_url  # noqa: F401  (fixture)
from web_fixtures import LiveServer, browser, page, ready, settled, shoot  # noqa: F401  (fixtures)

from polemos.api import create_app
from polemos.store.records import event_uid

pytestmark = pytest.mark.slow


@pytest.fixture
def site(filled_url: str) -> Iterator[str]:  # noqa: F811
    with LiveServer(create_app(filled_url)) as base:
        yield base


def rows(page: Any) -> list[str]:  # noqa: F811
    return page.locator("#rows tr[data-id]").evaluate_all("rs => rs.map(r => r.dataset.type)")


def test_web_map_draws_markers_and_borders(site: str, page: Any) -> None:  # noqa: F811
    page.goto(site + "/")
    ready(page)
    page.wait_for_selector("#map[data-borders]")
    # three fused events (the two Homs reports are one), one place each
    assert page.locator("#map").get_attribute("data-markers") == "3"
    # every place is drawn, alone or in a cluster (the Syrian two are close at this zoom)
    # (read once the clusters' animations are over: while the map zooms, old and new clusters overlap)
    now = settled(page)
    assert now["markers"] + now["clustered"] == 3 and now["markers"] >= 1
    assert int(page.locator("#map").get_attribute("data-borders")) > 200  # Natural Earth countries
    assert len(rows(page)) == 3 and page.locator("#timeline rect.bar").count() == 3
    assert page.js_errors == []
    shoot(page, "dashboard")


def test_web_filter_changes_table_map_and_timeline(site: str, page: Any) -> None:  # noqa: F811
    page.goto(site + "/")
    ready(page)
    page.select_option("select[name=type]", "PROTEST")
    page.wait_for_function("() => document.querySelectorAll('#rows tr[data-id]').length === 1")
    ready(page)
    assert rows(page) == ["PROTEST"]
    assert page.locator("path.pm-marker").count() == 1
    assert page.locator("#timeline rect.bar").count() == 1
    assert "type=PROTEST" in page.url


def test_web_marker_sizes_follow_deaths(site: str, page: Any) -> None:  # noqa: F811
    page.goto(site + "/?country=SY")
    ready(page)
    radii = page.locator("path.pm-marker").evaluate_all(
        "ps => ps.map(p => p.getBoundingClientRect().width).sort((a, b) => a - b)")  # fmt: skip
    assert len(radii) == 2 and radii[0] < radii[1]  # the raid (no deaths) and the Homs bombing


def test_web_event_page_highlights_evidence(site: str, page: Any) -> None:  # noqa: F811
    page.goto(f"{site}/event/{event_uid('homs-a', 'e1')}")
    assert page.locator("section.report").count() == 2  # both outlets' reports, side by side
    marks = dict(page.locator("section.report[data-article='homs-a'] blockquote.evidence mark").evaluate_all(
        "ms => ms.map(m => [m.dataset.kind, m.textContent])"))  # fmt: skip
    assert marks["count"] == "12 people" and marks["place"] == "Homs"
    assert marks["date"] == "on Tuesday" and marks["claimant"] == "the governor"
    assert page.locator("table.claims .party").count() == 1
    assert "12 · 17" in page.locator("ul.disagreements").text_content()
    shoot(page, "event")


def test_web_article_page_marks_evidence(site: str, page: Any) -> None:  # noqa: F811
    page.goto(f"{site}/article/homs-b")
    assert page.locator(".text mark.hl-evidence").count() >= 1
    assert "Seventeen people" in page.locator(".text mark.hl-count").first.text_content()
    shoot(page, "article")


def test_web_unknown_event_page_says_so(site: str, page: Any) -> None:  # noqa: F811
    response = page.goto(f"{site}/event/nope")
    assert response.status == 404 and "E404" in page.locator("section.error").text_content()


@pytest.mark.parametrize("path", ["/", "/event/{uid}", "/article/hostile"])
def test_web_article_markup_stays_text(site: str, page: Any, path: str) -> None:  # noqa: F811
    page.goto(site + path.format(uid=event_uid("hostile", "e1")))
    if path == "/":
        ready(page)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img[src=x]").count() == 0
    assert page.locator("script:has-text('__pwned')").count() == 0
    assert HOSTILE in page.locator("main").text_content()


def test_web_paste_page_returns_events(page: Any) -> None:  # noqa: F811
    text = (
        "Shelling kills four in frontline town\nAt least four civilians were killed when artillery "
        "shells hit a market in the town of Kupiansk on Tuesday, the regional governor said."
    )
    with LiveServer(create_app(None)) as base:
        page.goto(base + "/paste")
        page.fill("textarea[name=text]", text)
        page.fill("input[name=published]", "2023-11-07")
        page.fill("input[name=outlet]", "Example Wire")
        page.click("button[type=submit]")
        ready(page, timeout_s=180)  # the first extraction of a fresh machine builds the place index
        assert page.locator("#events .report").count() >= 1
        marks = page.locator("#events blockquote.evidence mark").evaluate_all(
            "ms => ms.map(m => m.textContent)"
        )
        assert "Kupiansk" in marks and "Tuesday" in marks
        shoot(page, "paste")


def test_web_paste_page_shows_markup_as_text(page: Any) -> None:  # noqa: F811
    text = f"Attack reported\nFighters of the {HOSTILE} Brigade attacked the village of Kafr Nabl on Monday."
    with LiveServer(create_app(None)) as base:
        page.goto(base + "/paste")
        page.fill("textarea[name=text]", text)
        page.click("button[type=submit]")
        ready(page)
        assert page.evaluate("window.__pwned") is None
        assert page.locator("#events img").count() == 0
        assert "<script>" in page.locator("#events").text_content()


def test_web_map_degrades_without_npm_packages(
    filled_url: str,  # noqa: F811
    page: Any,  # noqa: F811
    tmp_path: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("POLEMOS_NODE_MODULES", str(tmp_path))
    monkeypatch.setattr("polemos.web.PACKAGED", tmp_path / "none")
    monkeypatch.chdir(tmp_path)
    with LiveServer(create_app(filled_url)) as base:
        page.goto(base + "/")
        ready(page)
        assert page.locator("#map-missing").is_visible()
        note = page.locator("#map-missing").text_content()
        assert "npm ci" in note and "wheel" in note and "leaflet" in note
        assert len(rows(page)) == 3 and page.js_errors == []


# ---- the Content-Security-Policy ------------------------------------------------------------

WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));
"""


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
