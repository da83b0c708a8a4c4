"""Planner statistics: a store's query plans depend on them, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import logging

from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError

from polemos.store import SqlStore
from polemos.store.engine import redact
from polemos.store.schema import events, metadata

log = logging.getLogger(__name__)


def refresh_planner_stats(store: SqlStore) -> bool:
    """Run ANALYZE on a store whose planner statistics are missing or stale; True if it ran.

    Without them SQLite drives the correlated country/place filters from ``ix_locations_country``
    and scans every location of the country for each candidate event: on 10k events the filtered
    page took 1.3 s, after ANALYZE 7 ms (benchmarks/api.py). PostgreSQL's autovacuum analyses on
    its own, but only once it gets round to it: right after a bulk load the tables have none, and
    the fusion pass that follows plans its lookups blind. Ingest runs it at the end of every run,
    before fusion; the API when it starts.
    """
    if store.engine.dialect.name == "postgresql":
        return _analyze_postgres(store)
    if store.engine.dialect.name != "sqlite":
        return False
    with store.engine.connect() as conn:
        n_events = int(conn.scalar(select(func.count()).select_from(events)) or 0)
        has_stats = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='sqlite_stat1'"
        ).first()
        if has_stats:
            row = conn.exec_driver_sql("SELECT stat FROM sqlite_stat1 WHERE tbl='events' LIMIT 1").first()
            seen = int(str(row[0]).split()[0]) if row else 0
            if seen and n_events <= 2 * seen and seen <= 2 * n_events:
                return False
        if n_events < 1000:  # small stores plan well enough either way
            return False
    try:
        with store.engine.connect().execution_options(polemos_write=True) as conn, conn.begin():
            conn.exec_driver_sql("ANALYZE")
    except SQLAlchemyError as e:  # a read-only file: serve anyway, just slower
        log.warning("could not ANALYZE %s: %s", redact(store.url), e)
        return False
    return True


STALE = 0.2  # PostgreSQL: re-analyse a table once this share of its rows changed since the last time
# ... and vacuum it once this share of its rows are dead: fusion rewrites the fused tables on every
# pass, and until a table is vacuumed its pages are not all-visible, so a covering index is read
# through the heap (300k events, autovacuum off: the filtered page's SELECT 23 ms, vacuumed 13 ms)
DEAD = 0.2


def _analyze_postgres(store: SqlStore) -> bool:
    """ANALYZE the store's tables that were never analysed or changed by more than ``STALE`` since
    (PostgreSQL samples a fixed number of rows, so this costs seconds even on millions of events);
    VACUUM (ANALYZE) instead those whose dead rows pass ``DEAD`` (autovacuum may be off, or behind)."""
    # never analysed (reltuples -1, kept by a copy or a restore whose activity counters start at
    # zero), or changed by more than STALE of its rows since
    stale_q = text(
        "SELECT c.relname, coalesce(s.n_dead_tup, 0) > :dead * greatest(c.reltuples, 1000)"
        " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid"
        " WHERE n.nspname = current_schema() AND c.relkind = 'r'"
        " AND (c.reltuples < 0 OR coalesce(s.n_mod_since_analyze, 0) > :share * greatest(c.reltuples, 1000)"
        " OR coalesce(s.n_dead_tup, 0) > :dead * greatest(c.reltuples, 1000))"
    )
    try:
        with store.engine.connect() as conn:
            known = set(metadata.tables)
            found = sorted(
                (n, bool(dead)) for n, dead in conn.execute(stale_q, {"share": STALE, "dead": DEAD})
            )
        stale = [n for n, dead in found if n in known and not dead]
        dead = [n for n, dead in found if n in known and dead]
        if not stale and not dead:
            return False
        if stale:
            with store.engine.connect().execution_options(polemos_write=True) as conn, conn.begin():
                prep = conn.dialect.identifier_preparer
                conn.exec_driver_sql("ANALYZE " + ", ".join(prep.quote(n) for n in stale))
        if dead:  # VACUUM runs outside a transaction
            with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                prep = conn.dialect.identifier_preparer
                conn.exec_driver_sql("VACUUM (ANALYZE) " + ", ".join(prep.quote(n) for n in dead))
    except SQLAlchemyError as e:  # not the tables' owner: serve anyway, just slower
        log.warning("could not ANALYZE %s: %s", redact(store.url), e)
        return False
    return True
