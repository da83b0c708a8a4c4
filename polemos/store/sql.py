"""``SqlStore``: the store over SQLAlchemy Core, for SQLite and PostgreSQL alike; it implements the
``Store`` Protocol of ``polemos.store.base``, and its methods are the only way the rest of polemos
reaches a database (fusion's statements are in ``polemos.store.fusion``, the API's pages in
``polemos.store.pages``, fused reads in ``polemos.store.fused``, the watcher's in
``polemos.store.watch``).

Database errors become coded ``StoreError`` in one place, ``polemos.store.errors``.
A database polemos never touched is migrated on open; one at an older revision is refused (E403)
until ``polemos db upgrade``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, inspect, select, update
from sqlalchemy.exc import SQLAlchemyError

from polemos.errors import Errors, MigrationError, StoreError
from polemos.store import fused as fused_reads
from polemos.store import migrate, pages, reports
from polemos.store.base import (
    ById,
    EventFilter,
    EventQuery,
    Failure,
    FusionTx,
    Progress,
    Recorded,
    StatRows,
    Store,
    Stored,
    WatchStore,
)
from polemos.store.bulk import insert_rows
from polemos.store.counters import bump_fusion, bump_reports, counter_values
from polemos.store.engine import default_url, make_engine, normalize_url, redact
from polemos.store.errors import first_line as _first_line
from polemos.store.errors import translated as _translated
from polemos.store.query import near_ok, select_event_uids
from polemos.store.records import TABLES, flatten, rebuild_article, rebuild_event
from polemos.store.schema import (
    EVENT_CHILDREN,
    actors,
    articles,
    claims,
    counts,
    events,
    ingest_files,
    ingest_runs,
    locations,
    metadata,
    places,
    quarantine,
    spans,
    times,
)

_LOOKUP_CHUNK = 500  # ids per IN (...) list: well under SQLite's and PostgreSQL's parameter limits


class SqlStore:
    """A polemos database at a SQLAlchemy URL (a file path or ``postgresql://…`` is fine)."""

    def __init__(self, url: str | None = None, *, upgrade: bool = False) -> None:
        self.url = normalize_url(url) if url else default_url()
        self.engine = make_engine(self.url)
        # Called inside a batch's transaction, for stages built on the store (fusion): with the uids of
        # events about to be removed (a changed article), and with the uids of events just written.
        self.before_delete: list[Callable[[Connection, list[str]], None]] = []
        self.after_write: list[Callable[[Connection, list[str]], None]] = []
        # pending_fusion's last count, under the counters it was taken at (they move with every write
        # that can change it: a batch of articles, a fusion pass, a merge or split, a replaced article)
        self._pending: tuple[tuple[int, int], int] | None = None
        try:
            self._check_schema(upgrade)
        except BaseException:
            self.engine.dispose()
            raise

    def _check_schema(self, upgrade: bool) -> None:
        with _translated(self.url):
            try:
                found = migrate.current_revision(self.engine)
            except SQLAlchemyError as e:
                raise StoreError(Errors.E401.format(url=redact(self.url), detail=_first_line(e))) from e
            wanted = migrate.head_revision()
            if found is None and not inspect(self.engine).has_table("articles"):
                migrate.upgrade(self.engine)  # a new database: create the schema
            elif found != wanted:
                if not upgrade:
                    raise MigrationError(Errors.E403.format(url=redact(self.url), found=found, wanted=wanted))
                migrate.upgrade(self.engine)

    # ---- writing ---------------------------------------------------------------------------------

    def _write(self) -> Any:
        return self.engine.connect().execution_options(polemos_write=True)

    def known(self, keys: Iterable[tuple[str, str]]) -> dict[str, str]:
        ids = [k for k, _ in keys]
        found: dict[str, str] = {}
        with _translated(self.url), self.engine.connect() as conn:
            for i in range(0, len(ids), _LOOKUP_CHUNK):
                chunk = ids[i : i + _LOOKUP_CHUNK]
                rows = conn.execute(
                    select(articles.c.id, articles.c.content_hash).where(articles.c.id.in_(chunk))
                )
                found.update({r.id: r.content_hash for r in rows})
        return found

    def write_batch(
        self, batch: list[Stored], failures: list[Failure], *, run_id: int | None, progress: Progress
    ) -> None:
        rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        for item in batch:
            try:
                flat = flatten(item.record, text=item.text, source=item.source, run_id=run_id)
            except (KeyError, TypeError, AttributeError, ValueError) as e:  # not a contract record
                detail = f"{type(e).__name__}: {e}"
                raise StoreError(Errors.E405.format(source=item.source or "?", detail=detail)) from e
            for name, table_rows in flat.items():
                rows[name].extend(table_rows)
        # each report's record from the rows in hand, inserted with its row (None: rebuilt after)
        built = reports.from_rows(rows, jsonb=self.engine.dialect.name == "postgresql")
        for ev, record in zip(rows["events"], built, strict=True):
            ev["record"] = None if record is None else reports.as_text(record)
        ids = [r["id"] for r in rows["articles"]]
        now = datetime.now(UTC)
        after = replace(progress)  # counters as they will be once this transaction commits
        with _translated(self.url), self._write() as conn, conn.begin():
            bump_reports(conn)  # first, then (replacing) fusion: one order of the counters' row locks
            replaced = self._delete_articles(conn, ids)
            for table in (articles, events, actors, claims, locations, counts, spans, places, times):
                insert_rows(conn, table, rows[table.name])  # plain inserts: the old rows are gone
            after.added += len(ids) - replaced
            after.updated += replaced
            after.events += len(rows["events"])
            reports.store_records(conn, [e["uid"] for e in rows["events"] if e.get("record") is None])
            for hook in self.after_write:
                hook(conn, [e["uid"] for e in rows["events"]])
            self._unquarantine(conn, [i.source for i in batch if i.source])
            for f in failures:
                conn.execute(
                    delete(quarantine).where(quarantine.c.source == f.source, quarantine.c.line == f.line)
                )
                conn.execute(insert(quarantine).values(
                    source=f.source, line=f.line, code=f.code, reason=f.reason, article_id=f.article_id,
                    at=now, run_id=run_id))  # fmt: skip
            if run_id is not None:
                conn.execute(update(ingest_runs).where(ingest_runs.c.id == run_id).values(
                    updated_at=now, seen=after.seen, added=after.added, updated=after.updated,
                    skipped=after.skipped, failed=after.failed, events=after.events))  # fmt: skip
        progress.added, progress.updated, progress.events = after.added, after.updated, after.events

    def _unquarantine(self, conn: Connection, sources: list[str]) -> None:
        """Inputs that now read and extract fine leave the quarantine (one query when it holds none)."""
        wanted = {(src.rsplit(":", 1)[0] if _line(src) else src, _line(src)) for src in sources}
        files = sorted({f for f, _ in wanted})
        if not files:
            return
        q = select(quarantine.c.id, quarantine.c.source, quarantine.c.line).where(
            quarantine.c.source.in_(files)
        )
        stale = [r.id for r in conn.execute(q) if (r.source, r.line) in wanted]
        if stale:
            conn.execute(delete(quarantine).where(quarantine.c.id.in_(stale)))

    def _delete_articles(self, conn: Connection, ids: list[str]) -> int:
        """Remove these articles and everything under them (a changed article is stored anew)."""
        existing = (
            [r.id for r in conn.execute(select(articles.c.id).where(articles.c.id.in_(ids)))] if ids else []
        )
        if not existing:
            return 0
        bump_fusion(conn)  # their reports leave their fused events (fused_members cascades)
        if self.before_delete:
            doomed = list(conn.scalars(select(events.c.uid).where(events.c.article_id.in_(existing))))
            for hook in self.before_delete:
                hook(conn, doomed)
        uids = select(events.c.uid).where(events.c.article_id.in_(existing)).scalar_subquery()
        for table in EVENT_CHILDREN:
            conn.execute(delete(table).where(table.c.event_uid.in_(uids)))
        conn.execute(delete(events).where(events.c.article_id.in_(existing)))
        for table in (places, times):
            conn.execute(delete(table).where(table.c.article_id.in_(existing)))
        conn.execute(delete(articles).where(articles.c.id.in_(existing)))
        return len(existing)

    def start_run(self, *, paths: list[str], engine: str, workers: int) -> int:
        now = datetime.now(UTC)
        with _translated(self.url), self._write() as conn, conn.begin():
            result = conn.execute(insert(ingest_runs).values(
                started_at=now, updated_at=now, status="running", engine=engine, workers=workers, paths=paths,
                seen=0, added=0, updated=0, skipped=0, failed=0, events=0))  # fmt: skip
            return int(result.inserted_primary_key[0])

    def finish_run(self, run_id: int, status: str = "done") -> None:
        now = datetime.now(UTC)
        with _translated(self.url), self._write() as conn, conn.begin():
            conn.execute(update(ingest_runs).where(ingest_runs.c.id == run_id).values(
                status=status, finished_at=now, updated_at=now))  # fmt: skip

    def file_done(self, path: str, size: int, mtime_ns: int) -> bool:
        """Whether this file, unchanged since, was read to its end by an earlier run."""
        with _translated(self.url), self.engine.connect() as conn:
            row = conn.execute(select(ingest_files).where(ingest_files.c.path == path)).first()
        return row is not None and row.size == size and row.mtime_ns == str(mtime_ns)

    def mark_file_done(
        self, path: str, size: int, mtime_ns: int, n_articles: int, run_id: int | None
    ) -> None:
        with _translated(self.url), self._write() as conn, conn.begin():
            conn.execute(delete(ingest_files).where(ingest_files.c.path == path))
            conn.execute(insert(ingest_files).values(
                path=path, size=size, mtime_ns=str(mtime_ns), articles=n_articles, done_at=datetime.now(UTC),
                run_id=run_id))  # fmt: skip

    def ingest_lock(
        self, *, wait: bool | float = False, on_wait: Callable[[str], None] | None = None
    ) -> contextlib.AbstractContextManager[None]:
        from polemos.store.lock import ingest_lock

        return ingest_lock(self, wait=wait, on_wait=on_wait)

    def refresh_stats(self) -> bool:
        from polemos.store.stats import refresh_planner_stats

        return refresh_planner_stats(self)

    # ---- reading ---------------------------------------------------------------------------------

    def event_ids(self, where: EventFilter) -> list[str]:
        with _translated(self.url), self.engine.connect() as conn:
            uids = list(conn.scalars(select_event_uids(where)))
            if where.near:
                points: dict[str, list[tuple[float | None, float | None]]] = {}
                for i in range(0, len(uids), _LOOKUP_CHUNK):
                    chunk = uids[i : i + _LOOKUP_CHUNK]
                    q = select(locations.c.event_uid, locations.c.lat, locations.c.lon).where(
                        locations.c.event_uid.in_(chunk)
                    )
                    for r in conn.execute(q):
                        points.setdefault(r.event_uid, []).append((r.lat, r.lon))
                uids = [u for u in uids if near_ok(where, points.get(u, []))]
                if where.limit is not None:
                    uids = uids[: where.limit]
        return uids

    def events(self, uids: list[str], *, conn: Connection | None = None) -> list[dict[str, Any]]:
        """Stored events by uid; ``conn``: read in that connection's transaction (fusion's)."""
        out: dict[str, dict[str, Any]] = {}
        with _translated(self.url), contextlib.ExitStack() as stack:
            if conn is None:
                conn = stack.enter_context(self.engine.connect())
            for i in range(0, len(uids), _LOOKUP_CHUNK):
                out.update(self._load_events(conn, uids[i : i + _LOOKUP_CHUNK]))
        return [out[u] for u in uids if u in out]

    def _load_events(self, conn: Connection, uids: list[str]) -> dict[str, dict[str, Any]]:
        return reports.read(conn, uids)  # stored whole (migration 0006), rebuilt only where not

    def _children(self, conn: Connection, uids: list[str]) -> dict[str, dict[str, list[Any]]]:
        return reports.children(conn, uids)

    def article(self, article_id: str) -> dict[str, Any] | None:
        with _translated(self.url), self.engine.connect() as conn:
            art = conn.execute(select(articles).where(articles.c.id == article_id)).first()
            if art is None:
                return None
            return self._rebuild(conn, art._mapping)

    def article_text(self, article_id: str) -> str | None:
        with _translated(self.url), self.engine.connect() as conn:
            return conn.scalar(select(articles.c.text).where(articles.c.id == article_id))

    def iter_articles(self, ids: list[str] | None = None) -> Iterator[dict[str, Any]]:
        """Contract records of stored articles (all of them, in id order, when ``ids`` is None)."""
        with _translated(self.url), self.engine.connect() as conn:
            if ids is None:
                ids = list(conn.scalars(select(articles.c.id).order_by(articles.c.id)))
            for i in range(0, len(ids), _LOOKUP_CHUNK):
                chunk = ids[i : i + _LOOKUP_CHUNK]
                rows = {
                    r.id: r._mapping for r in conn.execute(select(articles).where(articles.c.id.in_(chunk)))
                }
                for article_id in chunk:
                    if article_id in rows:
                        yield self._rebuild(conn, rows[article_id])

    def _rebuild(self, conn: Connection, art: Any) -> dict[str, Any]:
        ev_rows = [
            r._mapping
            for r in conn.execute(
                select(events).where(events.c.article_id == art["id"]).order_by(events.c.seq)
            )
        ]
        kids = self._children(conn, [e["uid"] for e in ev_rows]) if ev_rows else {}
        evs = [
            rebuild_event(e, {n: kids[n].get(e["uid"], []) for n in kids} if kids else _no_kids())
            for e in ev_rows
        ]
        plist = list(
            conn.execute(select(places).where(places.c.article_id == art["id"]).order_by(places.c.seq))
        )
        tlist = list(conn.execute(select(times).where(times.c.article_id == art["id"]).order_by(times.c.seq)))
        return rebuild_article(art, evs, [p._mapping for p in plist], [t._mapping for t in tlist])

    def quarantined(self) -> Iterator[Failure]:
        with _translated(self.url), self.engine.connect() as conn:
            q = select(quarantine).order_by(quarantine.c.source, quarantine.c.line)
            for r in conn.execute(q):
                yield Failure(
                    source=r.source, line=r.line, reason=r.reason, code=r.code, article_id=r.article_id
                )

    def counts(self) -> dict[str, int]:
        """Rows per table (articles, events, quarantine, …): for reports and tests."""
        with _translated(self.url), self.engine.connect() as conn:
            return {
                t.name: int(conn.scalar(select(func.count()).select_from(t)) or 0)
                for t in metadata.sorted_tables
            }

    def runs(self) -> list[dict[str, Any]]:
        with _translated(self.url), self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(select(ingest_runs).order_by(ingest_runs.c.id))]

    # ---- fusion (its statements: polemos.store.fusion) -------------------------------------------

    @contextlib.contextmanager
    def fusion(self, *, wait: bool = True) -> Iterator[FusionTx | None]:
        from polemos.store.fusion import SqlFusion
        from polemos.store.lock import fusion_transaction

        with fusion_transaction(self, wait=wait) as conn:
            yield None if conn is None else SqlFusion(self, conn)

    def ingest_running(self) -> str | None:
        from polemos.store.lock import ingest_holder

        return ingest_holder(self)

    def record_changes(self) -> Recorded:
        from polemos.store.changes import record_changes

        return record_changes(self)

    def pending_fusion(self) -> int:
        from polemos.store.fusion import pending

        with _translated(self.url), self.engine.connect() as conn:
            key = counter_values(conn)  # read first: a count taken after it is at least as new
            cached = self._pending
            if key is not None and cached is not None and cached[0] == key:
                return cached[1]
            n = pending(conn)
        self._pending = None if key is None else (key, n)
        return n

    # ---- fused events (polemos.store.fused) and the API's pages (polemos.store.pages) ------------

    def fused_ids(self, where: EventFilter) -> list[str]:
        return fused_reads.fused_ids(self, where)

    def fused(self, ids: list[str]) -> list[dict[str, Any]]:
        return fused_reads.fused(self, ids)

    def fused_id_of(self, ident: str) -> str | None:
        return fused_reads.fused_id_of(self, ident)

    def fused_members(self, fused_id: str) -> list[str]:
        return fused_reads.fused_members(self, fused_id)

    def event_by_id(self, ident: str) -> ById | None:
        return fused_reads.event_by_id(self, ident)

    def resolve_report(self, report: str) -> str | None:
        return fused_reads.resolve_report(self, report)

    def page_fused(self, q: EventQuery) -> tuple[int, list[str]]:
        return pages.page_fused(self, q)

    def page_reports(self, q: EventQuery) -> tuple[int, list[str]]:
        return pages.page_reports(self, q)

    def stats(
        self, where: EventFilter, bbox: tuple[float, float, float, float] | None, *, fused: bool
    ) -> StatRows:
        return pages.stats(self, where, bbox, fused=fused)

    def facets(self) -> tuple[list[str], list[str]]:
        return pages.facets(self)

    def changes_since(
        self, cursor: int, limit: int = 1000, *, with_events: bool = True
    ) -> tuple[list[dict[str, Any]], int, bool]:
        from polemos.store.changes import changes_since

        return changes_since(self, cursor, limit, with_events=with_events)

    def latest_cursor(self) -> int:
        from polemos.store.changes import latest_cursor

        return latest_cursor(self)

    def event_versions(self, fused_id: str) -> list[dict[str, Any]]:
        from polemos.store.changes import versions

        return versions(self, fused_id)

    def schema_revision(self) -> str | None:
        with _translated(self.url):
            return migrate.current_revision(self.engine)

    def watch_state(self) -> WatchStore:
        from polemos.store.watch import WatchState

        return WatchState(self)

    def close(self) -> None:
        self.engine.dispose()


def _no_kids() -> dict[str, list[Any]]:
    return {t.name: [] for t in EVENT_CHILDREN}


def _line(source: str) -> int:
    tail = source.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def open_store(url: str | None = None, *, upgrade: bool = False) -> SqlStore:
    """The store at ``url`` (default: ``POLEMOS_DB`` or ./polemos.db), created if new."""
    return SqlStore(url, upgrade=upgrade)


def _is_a_store(store: SqlStore) -> Store:
    """Never called: mypy checks here that ``SqlStore`` has every method of the ``Store`` Protocol."""
    return store
