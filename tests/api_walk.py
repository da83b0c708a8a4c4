"""Walk every API answer and dashboard page a store serves, collecting each one that is not 200.

Used by the tests of stored records (hand-made, random and real-news stores): every page of
``GET /events`` (each sort), ``GET /events/{id}`` for every fused id and report uid, every stored
article, ``/stats`` and the dashboard's pages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

SORTS = ("-date", "date", "-killed", "killed", "type")


def path_id(ident: str) -> str:
    """An id as one URL path segment (dots too, so '..' never collapses a path)."""
    return quote(ident, safe="").replace(".", "%2E")


def walk(get: Callable[[str], Any], fused_ids: list[str], report_uids: list[str], article_ids: list[str],
         *, page: int = 7) -> tuple[int, list[str]]:  # fmt: skip
    """(requests made, one line per answer that was not 200). ``get(path)`` returns a response."""
    bad: list[str] = []
    n = 0

    def ask(path: str) -> Any:
        nonlocal n
        n += 1
        r = get(path)
        if r.status_code != 200:
            bad.append(f"{path[:120]} -> {r.status_code} {r.text[:300]}")
        return r

    for sort in SORTS:
        offset, total = 0, None
        while total is None or offset < total:
            r = ask(f"/events?sort={sort}&offset={offset}&limit={page}")
            if r.status_code != 200:
                break
            total = r.json()["total"]
            offset += page
        ask(f"/fragments/events?sort={sort}")
    for path in ("/stats", "/stats?interval=week", "/", "/paste", "/health"):
        ask(path)
    for ident in [*fused_ids, *report_uids]:
        ask(f"/events/{path_id(ident)}")
        ask(f"/event/{path_id(ident)}")
    for ident in article_ids:
        ask(f"/articles/{path_id(ident)}")
        ask(f"/article/{path_id(ident)}")
    return n, bad


def stored_ids(store: Any) -> tuple[list[str], list[str], list[str]]:
    """(fused ids, report uids, article ids) of a store, read through the store's own API."""
    from polemos.fuse.stored import fused_ids
    from polemos.store import EventFilter

    uids = store.event_ids(EventFilter())
    articles = [a["article"]["id"] for a in store.iter_articles()]
    return fused_ids(store, EventFilter()), uids, articles
