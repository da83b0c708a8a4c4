"""Ingest: read files and folders, extract what is new, store it in batches, survive being killed.

This is the run, not the store: it drives the extraction pool (``polemos.batch``) and writes through
the ``Store`` Protocol, so it lives outside ``polemos.store`` (which imports no pipeline).

- **Idempotent.** An article is known by its id (the caller's, or a hash of its text) and the SHA-256 of
  its text. Known and unchanged → skipped before extraction; same id, new text → stored anew.
- **Resumable.** Each batch of results, the failures read so far and the run's counters commit in one
  transaction; a file read to its end is recorded (path, size, mtime) and skipped next time. After
  ``kill -9`` the next run redoes at most one uncommitted batch and nothing is doubled.
- **Quarantine.** Unreadable inputs and extraction failures go to ``quarantine`` with file, line and
  reason, and the run goes on.
"""

from __future__ import annotations

import os
import stat as st
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from polemos.errors import Errors, ReadError, StoreError
from polemos.read.source import path_name
from polemos.store.base import Failure, Progress, Store, Stored
from polemos.store.records import content_hash
from polemos.types import Article, source_location

if TYPE_CHECKING:
    from polemos.batch import Backend
    from polemos.read import ReadFailure

# What a folder is searched for (files named on the command line are read whatever their suffix).
INPUT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".warc",
                  ".warc.gz", ".rss", ".atom", ".xml")  # fmt: skip
_KNOWN_CHUNK = 256
_FAILURE_CHUNK = 1000  # failures held before they are written on their own


@dataclass
class Options:
    engine: str = "local"  # local or ray
    workers: int = 1
    batch_size: int = 64  # articles per transaction
    chunk_size: int = 16  # articles per extractor call
    extractor: str = "polemos.batch:PipelineExtractor"
    ray_address: str | None = None
    shard_dir: str | None = None
    timeout: float | None = None  # seconds one article's extraction may take (polemos.budget)


def backend_of(options: Options) -> Backend:
    """The batch runner's backend for these options (``Options.engine``: local or ray)."""
    from polemos.batch import backend_for

    return backend_for(options.engine, workers=options.workers, address=options.ray_address,
                       shard_dir=options.shard_dir)  # fmt: skip


def list_inputs(paths: Iterable[str]) -> list[str]:
    """Files to read: named files as given, folders searched recursively (sorted, hidden ones skipped)."""
    files: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            found: list[str] = []
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    os.path.join(root, n)
                    for n in names
                    if not n.startswith(".") and n.lower().endswith(INPUT_SUFFIXES)
                )
            files.extend(sorted(found))
        elif path == "-" or os.path.lexists(path):  # "-": standard input; a broken link: quarantined
            files.append(path)
        else:
            raise ReadError(Errors.E107.format(source=path))
    return files


# What a write may raise for one record the database (or its driver) cannot take: the record is
# quarantined and the batch stored without it. A driver's own errors (OverflowError, UnicodeError)
# are here too, in case a record gets past the checks of ``records.check_storable``.
_REFUSED = (StoreError, ValueError, OverflowError, TypeError)


def _regular_stat(path: str) -> os.stat_result | None:
    """The file's stat when it is a regular file (to remember it as read), else None: the reader
    then reports a missing file, a broken link or a FIFO as a quarantined input."""
    try:
        found = None if path == "-" else os.stat(path)
    except OSError:
        return None
    return found if found is not None and st.S_ISREG(found.st_mode) else None


def read_failure(item: ReadFailure) -> Failure:
    """A reader's ``ReadFailure`` (where, coded message and its code) as a quarantine row."""
    return Failure(source=item.path, line=item.line, reason=item.message, code=item.code)


def refusal(item: Stored, e: BaseException) -> Failure:
    """The quarantine row of a record the database refused: E402 (the database refused it) or E405."""
    article_id = str((item.record.get("article") or {}).get("id") or "") or None
    path, line = source_location(item.source or "?")
    if isinstance(e, StoreError):
        reason, code = str(e), e.code if e.code == "E402" else "E405"
    else:
        detail = f"{type(e).__name__}: {e}"
        reason, code = Errors.E405.format(source=item.source or "?", detail=detail), "E405"
    return Failure(path, line, reason, code, article_id)


class _Run:
    """The state of one ingest run, shared by the article stream and the writer."""

    def __init__(self, store: Store, run_id: int, on_progress: Callable[[Progress], None] | None) -> None:
        self.store, self.run_id, self.on_progress = store, run_id, on_progress
        self.progress = Progress()
        self.failures: list[Failure] = []
        self.inflight: deque[int] = deque()  # input numbers of articles sent to extraction
        self.file_ends: deque[tuple[int, str, int, int, int]] = (
            deque()
        )  # (last input no., path, size, mtime, n)
        self.seen_ids: set[str] = set()
        self.files_total = 0
        self.files_done = 0

    def stream(self, files: list[str], reader: Callable[[list[str]], Iterator[Any]]) -> Iterator[Article]:
        """New or changed articles of every file, in order; known ones are counted as skipped."""
        number = 0
        for path in files:
            stat = _regular_stat(path)  # None: standard input, or what the reader will refuse
            name = path_name(path)  # as stored: a file name's non-UTF-8 bytes escaped
            if stat and self.store.file_done(name, stat.st_size, stat.st_mtime_ns):
                self.files_done += 1
                self.progress.files_done.append(name)
                continue
            pending: list[tuple[int, Article]] = []
            n_articles = 0
            for item in reader([path]):
                number += 1
                if not isinstance(item, Article):
                    self.failures.append(read_failure(item))
                    self.progress.failed += 1
                    if len(self.failures) >= _FAILURE_CHUNK:  # a file of bad lines: memory stays flat
                        self._write_failures()
                    continue
                n_articles += 1
                pending.append((number, item))
                if len(pending) >= _KNOWN_CHUNK:
                    yield from self._fresh(pending)
                    pending = []
            yield from self._fresh(pending)
            if stat:
                self.file_ends.append((number, name, stat.st_size, stat.st_mtime_ns, n_articles))

    def _write_failures(self) -> None:
        failures, self.failures = self.failures, []
        self.store.write_batch([], failures, run_id=self.run_id, progress=self.progress)

    def _fresh(self, pending: list[tuple[int, Article]]) -> Iterator[Article]:
        self.progress.seen += len(pending)
        stored = self.store.known((a.id, "") for _, a in pending) if pending else {}
        for number, article in pending:
            if article.id in self.seen_ids or stored.get(article.id) == content_hash(article.text):
                self.progress.skipped += 1
                continue
            self.seen_ids.add(article.id)
            self.inflight.append(number)
            yield article

    def take(self, article: Article, outcome: Any, todo: list[Stored]) -> None:
        """One extraction back: a failure for the quarantine, else a record for ``todo``."""
        self.inflight.popleft()
        self.progress.extracted += 1
        if isinstance(outcome, Failure):
            self.failures.append(outcome)
            self.progress.failed += 1
        else:
            todo.append(Stored(outcome, article.text, article.source))

    def commit(self, batch: list[Stored]) -> None:
        failures, self.failures = self.failures, []
        try:
            self.store.write_batch(batch, failures, run_id=self.run_id, progress=self.progress)
        except _REFUSED:
            if not batch:
                raise  # nothing but failures to write: the database itself is failing
            self._commit_one_by_one(batch, failures)
        # a file is done once every article of it that went to extraction is committed
        while self.file_ends and (not self.inflight or self.inflight[0] > self.file_ends[0][0]):
            _, path, size, mtime, n = self.file_ends.popleft()
            self.store.mark_file_done(path, size, mtime, n, self.run_id)
            self.files_done += 1
            self.progress.files_done.append(path)
        if self.on_progress:
            self.on_progress(self.progress)

    def _commit_one_by_one(self, batch: list[Stored], failures: list[Failure]) -> None:
        """A record the database refuses must not stop the run: store the batch one by one and
        quarantine what is refused (if the database refuses everything, the last write raises)."""
        for item in batch:
            try:
                self.store.write_batch([item], [], run_id=self.run_id, progress=self.progress)
            except _REFUSED as e:
                failures.append(refusal(item, e))
                self.progress.failed += 1
        self.store.write_batch([], failures, run_id=self.run_id, progress=self.progress)


def ingest(
    paths: Iterable[str],
    store: Store,
    options: Options | None = None,
    *,
    on_progress: Callable[[Progress], None] | None = None,
    on_start: Callable[[int], None] | None = None,
    reader: Callable[[list[str]], Iterator[Any]] | None = None,
) -> Progress:
    """Read, extract and store everything under ``paths``; returns the run's counters. The stage the
    ingest service (``polemos.service.IngestService``) runs inside the ingest lock and follows with
    fusion: call that, not this, to write a store that readers will see fused."""
    from polemos import batch

    options = options or Options()
    if options.engine == "ray":  # before the run is recorded: one line saying what to install
        from polemos.optional import require

        require("ray", "--engine ray")
    if reader is None:
        from polemos.read import iter_articles

        reader = iter_articles
    backend = backend_of(options)  # an unknown engine refused before the run is recorded
    paths = list(paths)
    files = list_inputs(paths)
    run_id = store.start_run(paths=[path_name(p) for p in paths],
                             engine=options.engine, workers=options.workers)  # fmt: skip
    run = _Run(store, run_id, on_progress)
    run.files_total = len(files)
    if on_start:
        on_start(len(files))
    articles = run.stream(files, reader)
    outcomes = batch.run(articles, backend=backend, extractor=options.extractor,
                         chunk_size=options.chunk_size, timeout=options.timeout)  # fmt: skip
    todo: list[Stored] = []
    try:
        for article, outcome in outcomes:
            run.take(article, outcome, todo)
            if len(todo) >= options.batch_size:
                run.commit(todo)
                todo = []
            elif on_progress:
                on_progress(run.progress)
        run.commit(todo)
    except BaseException:
        store.finish_run(run_id, "failed")
        raise
    store.finish_run(run_id, "done")
    store.refresh_stats()  # without statistics SQLite plans the filtered queries badly
    return run.progress
