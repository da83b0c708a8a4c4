"""The store's small interface: what ingest, the CLI, the API and exports may ask of a database.

``SqlStore`` (``polemos.store.sql``) implements it over SQLite and PostgreSQL; anything with these
methods can stand in (a test double, another backend).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from polemos.store.query import EventFilter


@dataclass(frozen=True)
class Stored:
    """One extracted article ready to store: its contract record, its text, and where it came from."""

    record: Mapping[str, Any]
    text: str
    source: str | None = None


@dataclass(frozen=True)
class Failure:
    """An input that could not be read or extracted, for the quarantine table."""

    source: str  # the file
    line: int  # line (JSONL) or record number within the file; 0 for the whole file
    reason: str
    code: str | None = None
    article_id: str | None = None


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


class Store(Protocol):
    def known(self, keys: Iterable[tuple[str, str]]) -> dict[str, str]:
        """For (article id, content hash) pairs: the hash stored under each id that is already there."""
        ...

    def write_batch(
        self, batch: list[Stored], failures: list[Failure], *, run_id: int | None, progress: Progress
    ) -> None:
        """Store a batch of articles and failures in one transaction, with the run's progress."""
        ...

    def event_ids(self, where: EventFilter) -> list[str]:
        """Uids of the article-level events matching the filter, newest first."""
        ...

    def events(self, uids: list[str]) -> list[dict[str, Any]]:
        """Event records (contract event fields plus article_id, outlet, published, uid) in uid order."""
        ...

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The contract record of one article, rebuilt from the tables."""
        ...

    def quarantined(self) -> Iterator[Failure]:
        """Every input that failed, with its file, line and reason."""
        ...

    def close(self) -> None: ...
