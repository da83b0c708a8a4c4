"""The one ingest service: discover → read → run → write → fuse, the same for every way in.

``polemos ingest``, ``polemos demo``, ``polemos watch`` and ``POST /articles`` all write through here,
so every write path

- holds the store's ingest lock (``polemos.store.lock``) for the whole of it, so two writers never
  extract the same articles or race in fusion;
- records a run (table ``ingest_runs``: its paths, engine, workers and counters, updated with every
  batch) and quarantines what it could not read, extract or store, with where and why;
- fuses what it stored before it returns, inside the lock, and records what that changed in the
  change feed (``docs/watch.md``).

Reads (``polemos events``, ``polemos export``, the API's GET routes) never fuse and never write:
what they list was fused by the write that stored it. A store written by an older polemos may hold
reports no fused event has taken in; ``pending`` says how many (the API's ``/health``, a notice on
the command line) and ``fuse`` (``polemos events fuse``) fuses them.

Paths (files and folders) go through ``polemos.ingest`` (discover, read, extract in a pool,
write in batches, resume after a kill); records extracted elsewhere (the API's extraction pool)
through ``IngestService.write``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

from polemos.fuse.stored import Outcome, pending
from polemos.fuse.stored import update as fuse_update
from polemos.ingest import _REFUSED, Options, refusal
from polemos.ingest import ingest as ingest_paths
from polemos.store.base import Failure, Progress, Recorded, Store, Stored
from polemos.store.records import content_hash

__all__ = ["Ingested", "IngestService", "Options", "fuse", "pending", "settle"]


@dataclass
class Ingested:
    """What one ingest did: its run's counters, what fusion did, and what the change feed recorded."""

    progress: Progress
    run_id: int | None = None
    fusion: Outcome = field(default_factory=Outcome)
    changes: Recorded | None = None
    # records ``write`` was given that the database refused (each quarantined), with the error
    refused: list[tuple[Stored, Exception]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # article ids already stored with the same text


def settle(store: Store) -> tuple[Outcome, Recorded]:
    """The end of every write, inside the ingest lock: fuse what is not fused yet (what this write
    stored, and what a killed one stored and never fused), then record what that changed."""
    outcome = fuse_update(store)
    return outcome, store.record_changes()


def fuse(
    store: Store, *, wait: bool | float = False, on_wait: Callable[[str], None] | None = None
) -> Outcome:
    """Fuse the reports a store holds unfused (one written by an older polemos), as a write: in the
    ingest lock, with the change feed recorded. ``polemos events fuse``."""
    with store.ingest_lock(wait=wait, on_wait=on_wait):
        outcome, _ = settle(store)
    return outcome


class IngestService:
    """Writes into one store: ``ingest(paths)`` reads, extracts and stores files and folders;
    ``write(items)`` stores records extracted elsewhere. Both record a run, quarantine failures and
    fuse before they return, holding the ingest lock (``wait``: True waits for another writer, a
    number of seconds that long at most, False not at all; then ``StoreBusy``; ``on_wait(holder)``
    is called once if it waits)."""

    def __init__(
        self,
        store: Store,
        *,
        wait: bool | float = False,
        on_wait: Callable[[str], None] | None = None,
    ) -> None:
        self.store = store
        self.wait = wait
        self.on_wait = on_wait

    def locked(self) -> AbstractContextManager[None]:
        """The store's ingest lock, as this service takes it."""
        return self.store.ingest_lock(wait=self.wait, on_wait=self.on_wait)

    def ingest(
        self,
        paths: Iterable[str],
        options: Options | None = None,
        *,
        reader: Callable[[list[str]], Iterator[Any]] | None = None,
        on_progress: Callable[[Progress], None] | None = None,
        on_start: Callable[[int], None] | None = None,
    ) -> Ingested:
        """Read, extract and store everything under ``paths``, then fuse it."""
        with self.locked():
            progress = ingest_paths(paths, self.store, options, on_progress=on_progress,
                                    on_start=on_start, reader=reader)  # fmt: skip
            fusion, changes = settle(self.store)
            runs = self.store.runs()
        return Ingested(progress, runs[-1]["id"] if runs else None, fusion, changes)

    def write(
        self,
        items: Sequence[Stored | Failure],
        *,
        paths: Sequence[str],
        engine: str,
        workers: int = 1,
    ) -> Ingested:
        """Store extracted records (and quarantine failures) as one run, then fuse them. A record
        whose article is stored with the same text is skipped; one the database refuses is
        quarantined and listed in ``refused`` with its error; the others are stored."""
        with self.locked():
            run_id = self.store.start_run(paths=list(paths), engine=engine, workers=workers)
            result = Ingested(Progress(), run_id)
            try:
                self._write(run_id, items, result)
            except BaseException:
                self.store.finish_run(run_id, "failed")
                raise
            self.store.finish_run(run_id, "done")
            result.fusion, result.changes = settle(self.store)
        return result

    def _write(self, run_id: int, items: Sequence[Stored | Failure], result: Ingested) -> None:
        progress = result.progress
        batch: list[Stored] = []
        failures: list[Failure] = []
        records = [i for i in items if isinstance(i, Stored)]
        known = self.store.known((_article_id(i), "") for i in records) if records else {}
        for item in items:
            if isinstance(item, Failure):
                failures.append(item)
                progress.failed += 1
            elif known.get(_article_id(item)) == content_hash(item.text):
                progress.skipped += 1
                result.skipped.append(_article_id(item))
            else:
                batch.append(item)
        progress.seen += len(records)
        progress.extracted += len(items)
        try:
            self.store.write_batch(batch, failures, run_id=run_id, progress=progress)
            return
        except _REFUSED:
            if not batch:
                raise  # nothing but failures to write: the database itself is failing
        # one by one: a record the database refuses is quarantined, the others are stored
        for item in batch:
            try:
                self.store.write_batch([item], [], run_id=run_id, progress=progress)
            except _REFUSED as e:
                result.refused.append((item, e))
                failures.append(refusal(item, e))
                progress.failed += 1
        self.store.write_batch([], failures, run_id=run_id, progress=progress)


def _article_id(item: Stored) -> str:
    return str((item.record.get("article") or {}).get("id") or "")
