"""``POST /articles``: one article extracted and written to the store, idempotent by content hash."""

from __future__ import annotations

from typing import Any

from polemos.store import Progress, SqlStore, Stored
from polemos.store.records import content_hash


def ingest_one(store: SqlStore, fields: dict[str, Any]) -> dict[str, Any]:
    from polemos.pipeline import extract

    record = extract(**fields)
    article_id = record["article"]["id"]  # type: ignore[index]
    text = fields["text"]
    if store.known([(article_id, "")]).get(article_id) == content_hash(text):
        return {"ok": True, "article_id": article_id, "added": False, "events": len(record["events"])}  # type: ignore[arg-type]
    store.write_batch([Stored(record, text, source="api")], [], run_id=None, progress=Progress())
    return {"ok": True, "article_id": article_id, "added": True, "events": len(record["events"])}  # type: ignore[arg-type]
