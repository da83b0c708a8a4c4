"""The store's small interface: everything ingest, fusion, the watcher, the CLI, the API and exports
may ask of a database, as typed Protocols.

Every SQL statement of polemos lives under ``polemos.store``; the rest of the package talks to a
database only through these Protocols, so it can be read, tested and run without one. ``SqlStore``
(``polemos.store.sql``) implements ``Store`` over SQLite and PostgreSQL; anything with these methods
can stand in (a test double, another backend): ``tests/test_store_boundary.py`` drives fusion and
the API's read path over an in-memory one. This module holds only types: no SQLAlchemy, so a
double needs no database driver either.

- ``Store``: articles and ingest runs in, article-level events and articles out, fused events read
  (filtered, paged, sorted, by id, counted), the quarantine, the change feed's recorder.
- ``FusionTx``: what one fusion pass reads and writes inside its one transaction
  (``Store.fusion``); ``polemos.fuse.stored`` decides what to fuse, this says how it is stored.
- ``WatchStore``: the watcher's feeds and items (``Store.watch_state``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from polemos.fuse.history import Action

SORTS = ("-date", "date", "-killed", "killed", "type")  # the orders a page of events can come in
OPS = ("added", "updated", "merged", "removed")  # the kinds of change in the change feed


@dataclass(frozen=True)
class EventFilter:
    type: str | None = None  # PLOVER type, case-insensitive
    country: str | None = None  # ISO alpha-2 of any of the event's locations
    near: tuple[float, float, float] | None = None  # lat, lon, km
    since: str | None = None  # YYYY-MM-DD: events whose date range reaches this day or later
    until: str | None = None  # YYYY-MM-DD: events whose date range starts on or before this day
    actor: str | None = None  # actor or target, name or text, case-insensitive substring
    claimant: str | None = None
    modality: str | None = None
    article_id: str | None = None
    limit: int | None = None


@dataclass(frozen=True)
class EventQuery:
    """One page of events: a filter, a bounding box, an order (one of ``SORTS``), offset and size."""

    where: EventFilter
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north (degrees)
    sort: str = "-date"
    offset: int = 0
    limit: int = 50


@dataclass(frozen=True)
class Bucket:
    """One group of a statistic: its key (a type, a country, a day), events in it, killed in them."""

    key: Any
    count: int
    killed: int


@dataclass(frozen=True)
class StatRows:
    """The store's group-bys over a filtered set of events; the API shapes them (months, weeks)."""

    articles: int
    by_type: list[Bucket]
    by_country: list[Bucket]
    by_day: list[Bucket]


@dataclass(frozen=True)
class Stored:
    """One extracted article ready to store: its contract record, its text, and where it came from."""

    record: Mapping[str, Any]
    text: str
    source: str | None = None


@dataclass(frozen=True)
class Cause:
    """What broke an extraction, for a caller answering for one article (the API, ``Pipeline.process``);
    never stored. ``name``, ``detail``: the exception's class name and message, e.g. ("WorkerDied",
    "killed by SIGKILL"); ``code``, ``status``: a coded error's own (``PolemosError``: "E108", 422), so
    the API answers it as the error itself would be; ``error``: the exception itself, kept only where
    its raiser asks for it (``Pipeline.process`` raises it again) and never sent to Ray or JSON."""

    name: str
    detail: str
    code: str | None = None
    status: int | None = None
    error: BaseException | None = field(default=None, compare=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "detail": self.detail, "code": self.code, "status": self.status}


@dataclass(frozen=True)
class Failure:
    """An input that could not be read or extracted, for the quarantine table."""

    source: str  # the file
    line: int  # line (JSONL) or record number within the file; 0 for the whole file
    reason: str
    code: str | None = None
    article_id: str | None = None
    cause: Cause | None = field(default=None, compare=False)  # what broke an extraction; never stored

    def to_json(self) -> dict[str, Any]:
        """The failure as JSON (the cause without its exception): what crosses Ray's shards."""
        fields = {"source": self.source, "line": self.line, "reason": self.reason, "code": self.code}
        return {**fields, "article_id": self.article_id, "cause": self.cause and self.cause.to_json()}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Failure:
        cause = data.get("cause")
        return cls(data["source"], data["line"], data["reason"], data.get("code"), data.get("article_id"),
                   Cause(**cause) if cause else None)  # fmt: skip


@dataclass
class Progress:
    """Counters of one ingest run, recorded in the database with every batch."""

    seen: int = 0
    added: int = 0
    updated: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    extracted: int = 0  # results back from extraction, committed or not (not stored)
    files_done: list[str] = field(default_factory=list)


@dataclass
class Recorded:
    """What one ``record_changes`` call appended, by kind, and the last cursor."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OPS, 0))
    cursor: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class FusedRow:
    """One cluster of a fusion pass as it is stored: a fused event (``record`` set) with its read
    reports and the articles no event was read from that joined it, or (``record`` None) articles
    no event was read from that joined nothing (stored so the next pass knows it saw them)."""

    id: str
    record: dict[str, Any] | None
    members: tuple[str, ...] = ()  # article-level event uids
    articles: tuple[str, ...] = ()  # ids of articles no event was read from
    date_start: str | None = None
    date_end: str | None = None


@dataclass(frozen=True)
class ById:
    """One fused event as ``GET /events/{id}`` answers it, read in one go (``Store.event_by_id``):
    its stored ``polemos.event/1`` record and its reports' records (as ``Store.events`` gives them)
    in the answer's order: by publication date, article id, uid."""

    record: dict[str, Any]
    reports: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class Item:
    """One entry of a watched feed, as the watcher's state holds it."""

    id: str
    source: str
    key: str
    link: str | None
    tries: int
    entry: dict[str, Any]


class FusionTx(Protocol):
    """What a fusion pass reads and writes, all in one transaction (``Store.fusion``).

    Reports are article-level events (by uid); "unread" articles are articles no event was read
    from, which may join a fused event as one more source. Lists of bounds come one entry per slice
    of ids the store read them in (the caller takes min and max)."""

    def drop_orphans(self) -> None:
        """Remove fused events none of whose reports is stored any more."""
        ...

    def seeds(self) -> set[str]:
        """Reports in no fused event, and the reports left in fused events that lost a member."""
        ...

    def unread_seeds(self) -> list[tuple[str, str]]:
        """(published, article id) of unread articles no fusion pass has seen yet."""
        ...

    def event_starts(self, uids: Sequence[str]) -> list[tuple[str, str]]:
        """(date_start or "", uid) of these reports."""
        ...

    def date_bounds(self, uids: Sequence[str]) -> list[str]:
        """Earliest start and latest end of these reports' dates (per slice, missing ones left out)."""
        ...

    def published_bounds(self, article_ids: Sequence[str]) -> list[tuple[str | None, str | None]]:
        """(earliest, latest) publication date of these articles, per slice."""
        ...

    def events_between(self, start: str, end: str) -> set[str]:
        """Reports whose date range overlaps [start, end]."""
        ...

    def unread_published_between(self, start: str, end: str) -> set[str]:
        """Unread articles published within [start, end]."""
        ...

    def undated_events(self) -> set[str]: ...
    def all_events(self) -> set[str]: ...
    def all_unread(self) -> set[str]: ...

    def fused_of(self, uids: Sequence[str]) -> dict[str, str]:
        """The fused event each of these reports is a member of now."""
        ...

    def unread_membership(self, article_ids: Sequence[str]) -> dict[str, str | None]:
        """For unread articles a pass has seen: the fused event each joined (None: joined none)."""
        ...

    def members_of(self, fused_ids: Iterable[str]) -> set[str]: ...
    def unread_of(self, fused_ids: Iterable[str]) -> set[str]: ...

    def actions(self) -> list[Action]:
        """People's merges and splits, oldest first."""
        ...

    def reports(self, uids: Sequence[str]) -> list[dict[str, Any]]:
        """Event records as ``Store.events`` gives them, read in this transaction."""
        ...

    def article_places(self, article_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]: ...
    def article_times(self, article_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]: ...

    def unread_articles(self, article_ids: Sequence[str]) -> list[dict[str, Any]]:
        """id, text, title, published and outlet of these articles."""
        ...

    def replace_fused(
        self,
        rows: Sequence[FusedRow],
        *,
        report_uids: Sequence[str],
        article_ids: Sequence[str],
        old_ids: Iterable[str],
    ) -> None:
        """Forget fused events ``old_ids`` and the memberships of these reports and articles; write
        ``rows``."""
        ...

    def record_action(self, action: Action) -> int: ...
    def set_action_result(self, action_id: int, result_id: str) -> None: ...


class WatchStore(Protocol):
    """The watcher's state: one row per watched source, one per feed item (``polemos.watch``)."""

    def source(self, source: str, kind: str) -> dict[str, Any]: ...
    def sources(self) -> list[dict[str, Any]]: ...

    def feed_read(
        self,
        source: str,
        items: list[tuple[str, str | None, dict[str, Any]]],
        *,
        etag: str | None,
        last_modified: str | None,
        final_url: str | None,
    ) -> tuple[int, int]: ...

    def source_ok(self, source: str, status: str = "ok") -> None: ...
    def source_failed(self, source: str, reason: str, base: float, cap: float) -> tuple[int, datetime]: ...
    def due_items(self, sources: Iterable[str]) -> list[Item]: ...
    def items_done(self, done: Mapping[str, str | None]) -> None: ...
    def item_failed(self, item: Item, reason: str, base: float, cap: float) -> str: ...
    def item_counts(self) -> dict[str, int]: ...
    def retry_now(self) -> None: ...
    def forget(self, source: str) -> None: ...


class Store(Protocol):
    url: str  # where it is (shown redacted; the API hides it from clients)

    # ---- ingest ----------------------------------------------------------------------------------

    def known(self, keys: Iterable[tuple[str, str]]) -> dict[str, str]:
        """For (article id, content hash) pairs: the hash stored under each id that is already there."""
        ...

    def write_batch(
        self, batch: list[Stored], failures: list[Failure], *, run_id: int | None, progress: Progress
    ) -> None:
        """Store a batch of articles and failures in one transaction, with the run's progress."""
        ...

    def start_run(self, *, paths: list[str], engine: str, workers: int) -> int: ...
    def finish_run(self, run_id: int, status: str = "done") -> None: ...

    def file_done(self, path: str, size: int, mtime_ns: int) -> bool:
        """Whether this file, unchanged since, was read to its end by an earlier run."""
        ...

    def mark_file_done(
        self, path: str, size: int, mtime_ns: int, n_articles: int, run_id: int | None
    ) -> None: ...

    def ingest_lock(
        self, *, wait: bool | float = False, on_wait: Callable[[str], None] | None = None
    ) -> AbstractContextManager[None]:
        """The one writer's lock, held for a whole write (ingest, fusion, the change feed): ``wait``
        False refuses at once with ``StoreBusy`` when another holds it, True waits, a number of
        seconds waits that long at most; ``on_wait(holder)`` is called once if it waits."""
        ...

    def refresh_stats(self) -> bool:
        """Bring the database's planner statistics up to date after a run (True if it did)."""
        ...

    # ---- articles and article-level events -------------------------------------------------------

    def event_ids(self, where: EventFilter) -> list[str]:
        """Uids of the article-level events matching the filter, newest first."""
        ...

    def events(self, uids: list[str]) -> list[dict[str, Any]]:
        """Event records (contract event fields plus article_id, outlet, published, uid) in uid order."""
        ...

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The contract record of one article, rebuilt from the tables."""
        ...

    def article_text(self, article_id: str) -> str | None: ...

    def iter_articles(self, ids: list[str] | None = None) -> Iterator[dict[str, Any]]:
        """Contract records of stored articles (all of them, in id order, when ``ids`` is None)."""
        ...

    def quarantined(self) -> Iterator[Failure]:
        """Every input that failed, with its file, line and reason."""
        ...

    def counts(self) -> dict[str, int]:
        """Rows per table (articles, events, quarantine, …)."""
        ...

    def runs(self) -> list[dict[str, Any]]: ...

    # ---- fusion ----------------------------------------------------------------------------------

    def fusion(self, *, wait: bool = True) -> AbstractContextManager[FusionTx | None]:
        """The one transaction of a fusion pass; None (nothing done) when ``wait`` is False and
        another writer holds the store."""
        ...

    def ingest_running(self) -> str | None:
        """Who holds the store's ingest lock (another process), or None."""
        ...

    def record_changes(self) -> Recorded:
        """Append what fusion changed to the change feed."""
        ...

    def pending_fusion(self) -> int:
        """Stored reports no fusion pass has taken in yet (reads only)."""
        ...

    # ---- fused events ----------------------------------------------------------------------------

    def fused_ids(self, where: EventFilter) -> list[str]:
        """Ids of the fused events with a report matching ``where``, newest first, up to its limit."""
        ...

    def fused(self, ids: list[str]) -> list[dict[str, Any]]:
        """The stored ``polemos.event/1`` records of ``ids``, in that order (unknown ids left out)."""
        ...

    def fused_id_of(self, ident: str) -> str | None:
        """A fused id from a fused id or from one of its reports' uids."""
        ...

    def fused_members(self, fused_id: str) -> list[str]:
        """The report uids of a fused event, sorted (empty: no such fused event)."""
        ...

    def event_by_id(self, ident: str) -> ById | None:
        """A fused event (by its id, or one of its reports' uids) with its reports' stored records,
        in as few queries as the store can (None: no such event)."""
        ...

    def resolve_report(self, report: str) -> str | None:
        """An article-level event's uid from its uid or ``ARTICLE_ID:EVENT_ID`` (None: not stored)."""
        ...

    def page_fused(self, q: EventQuery) -> tuple[int, list[str]]:
        """(number of fused events matching, the ids of one page of them)."""
        ...

    def page_reports(self, q: EventQuery) -> tuple[int, list[str]]:
        """(number of article-level events matching, the uids of one page of them)."""
        ...

    def stats(
        self, where: EventFilter, bbox: tuple[float, float, float, float] | None, *, fused: bool
    ) -> StatRows:
        """Counts and killed sums by type, country and day over the filtered events."""
        ...

    def facets(self) -> tuple[list[str], list[str]]:
        """The event types and location countries in the store."""
        ...

    # ---- the change feed (polemos.store.changes) ----------------------------------------------------

    def changes_since(
        self, cursor: int, limit: int = 1000, *, with_events: bool = True
    ) -> tuple[list[dict[str, Any]], int, bool]:
        """Changes after ``cursor`` in order: (changes, the cursor to continue from, whether more wait)."""
        ...

    def latest_cursor(self) -> int:
        """The cursor of the last change recorded (0: none yet)."""
        ...

    def event_versions(self, fused_id: str) -> list[dict[str, Any]]:
        """The change-feed history of one fused event."""
        ...

    # ---- the watcher, the schema, and the end ------------------------------------------------------

    def watch_state(self) -> WatchStore: ...

    def schema_revision(self) -> str | None:
        """The migration the database is at (None: not a polemos database yet)."""
        ...

    def close(self) -> None: ...
