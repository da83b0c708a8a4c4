"""``POST /articles``: one extracted article written through the ingest service (``polemos.service``):
idempotent by content hash, recorded as a run, quarantined when it fails, fused before the answer."""

from __future__ import annotations

from typing import Any

from polemos.service import IngestService
from polemos.store.base import Failure, Progress, Store, Stored

SOURCE = "api"  # the source of what POST /articles stores, and of what it quarantines
RUN_PATHS = ["POST /articles"]  # what its runs list as their inputs


def _service(store: Store, wait: float) -> IngestService:
    # a request behind another writer (an ingest, another request) is stored after it if that one
    # finishes within ``wait`` seconds; else StoreBusy (503 with Retry-After), nothing stored
    return IngestService(store, wait=wait)


def store_one(store: Store, record: dict[str, Any], text: str, *, workers: int = 1,
              wait: float) -> dict[str, Any]:  # fmt: skip
    """Store one extracted article (``record`` from ``polemos.extract``) unless the same text is there;
    a record the database refuses is quarantined and its error raised (the answer it always had).
    ``StoreBusy`` when another writer holds the store for over ``wait`` seconds."""
    article_id = record["article"]["id"]
    events = len(record["events"])
    done = _service(store, wait).write([Stored(record, text, source=SOURCE)], paths=RUN_PATHS, engine="api",
                                 workers=workers)  # fmt: skip
    if done.refused:
        raise done.refused[0][1]
    added = article_id not in done.skipped
    return {"ok": True, "article_id": article_id, "added": added, "events": events, "run": done.run_id}


def quarantine_one(store: Store | None, error: BaseException, article_id: str | None, *,
                   workers: int = 1, wait: float) -> None:  # fmt: skip
    """Quarantine an article whose extraction failed (the request is then answered with ``error``),
    in a run of its own: ``source`` "api", ``line`` the run's number (each failure keeps its row)."""
    if store is None:
        return
    reason = str(error) or type(error).__name__
    code = getattr(error, "code", None)
    service = _service(store, wait)
    with service.locked():
        run_id = store.start_run(paths=RUN_PATHS, engine="api", workers=workers)
        progress = Progress(extracted=1, failed=1)
        try:
            store.write_batch([], [Failure(SOURCE, run_id, reason, code, article_id)], run_id=run_id,
                              progress=progress)  # fmt: skip
        finally:
            store.finish_run(run_id, "done")
