"""Planner statistics: a SQLite store's query plans depend on them."""

from __future__ import annotations

import logging

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from polemos.store import SqlStore
from polemos.store.engine import redact
from polemos.store.schema import events

log = logging.getLogger(__name__)


def refresh_planner_stats(store: SqlStore) -> bool:
    """Run ANALYZE on a SQLite store whose planner statistics are missing or stale; True if it ran.

    Without them SQLite drives the correlated country/place filters from ``ix_locations_country``
    and scans every location of the country for each candidate event: on 10k events the filtered
    page took 1.3 s, after ANALYZE 7 ms (benchmarks/api.py). PostgreSQL's autovacuum analyses on
    its own. Ingest runs it at the end of every run; the API when it starts.
    """
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
