"""``POST /articles``: one extracted article written to the store, idempotent by content hash."""

from __future__ import annotations

from typing import Any

from polemos.store import Progress, SqlStore, Stored
from polemos.store.records import content_hash


def store_one(store: SqlStore, record: dict[str, Any], text: str) -> dict[str, Any]:
    """Store one extracted article (``record`` from ``polemos.extract``) unless the same text is there."""
    article_id = record["article"]["id"]
    events = len(record["events"])
    if store.known([(article_id, "")]).get(article_id) == content_hash(text):
        return {"ok": True, "article_id": article_id, "added": False, "events": events}
    store.write_batch([Stored(record, text, source="api")], [], run_id=None, progress=Progress())
    return {"ok": True, "article_id": article_id, "added": True, "events": events}
