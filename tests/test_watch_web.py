"""The dashboard shows the change feed live: an event stored while the page is open appears without a
reload, marked new; the event page lists its versions (Debian's Chromium through Playwright)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from watch_server import put
from web_fixtures import LiveServer, browser, page  # noqa: F401  (fixtures)

from polemos.api import create_app
from polemos.store import SqlStore


@pytest.fixture
def live(tmp_path: Path) -> Iterator[tuple[str, SqlStore]]:
    url = f"sqlite:///{tmp_path / 'live.db'}"
    store = SqlStore(url)
    put(store, "a", "Shelling\n5 people were killed in Homs.", "2016-03-01")
    with LiveServer(create_app(url)) as base:
        yield base, store
    store.close()


def test_watch_web_new_events_appear_marked_without_a_reload(live: tuple[str, SqlStore], page: Any) -> None:  # noqa: F811
    base, store = live
    page.goto(base + "/?live=1")
    page.wait_for_function("() => document.body.dataset.liveCursor !== undefined")
    assert page.locator("#rows tr[data-id]").count() == 1
    page.evaluate("() => { window.__sameDocument = true; }")
    put(store, "b", "Raid\n2 people were killed in Daraa.", "2016-06-01")  # a watcher stores one more
    page.wait_for_function(  # the next poll (every second here) sees it; the table reloads in place
        "() => document.querySelectorAll('#rows tr[data-id]').length === 2"
        " && document.querySelector('#rows tr.pm-new .pm-badge') !== null",
        timeout=60_000,
    )
    assert (
        page.locator("#rows tr.pm-new").count() == 1
        and page.locator("#rows tr.pm-new .pm-badge").inner_text() == "new"
    )
    assert "1 new" in page.locator("#live").inner_text()
    assert page.evaluate("() => window.__sameDocument") is True  # no reload
    assert page.js_errors == []
    fid = page.locator("#rows tr.pm-new").get_attribute("data-id")
    page.goto(f"{base}/event/{fid}")
    assert page.locator("ol.versions li").first.inner_text().startswith("version 1: added")
