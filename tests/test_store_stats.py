"""Planner statistics on PostgreSQL: ``refresh_planner_stats`` analyses tables that never were, or that
changed by more than ``STALE`` of their rows since, vacuums those with more than ``DEAD`` of their
rows dead (fusion rewrites its tables), and leaves fresh ones alone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text
from store_fixtures import TEXT, _reset_pg, make_record, pg_schema_url  # noqa: F401  (fixture)

from polemos.store import SqlStore
from polemos.store.base import Progress, Stored
from polemos.store.stats import refresh_planner_stats


@pytest.fixture
def pg_store(pg_schema_url: str) -> Iterator[SqlStore]:  # noqa: F811
    _reset_pg(pg_schema_url)
    s = SqlStore(pg_schema_url)
    yield s
    s.close()


def _write(store: SqlStore, n: int, prefix: str) -> None:
    batch = [Stored(make_record(f"{prefix}{i}"), TEXT) for i in range(n)]
    store.write_batch(batch, [], run_id=None, progress=Progress())
    store.engine.dispose()  # a backend reports its activity counters when it ends (or ~1 s later)


@pytest.mark.postgres
def test_a_new_postgres_store_is_analysed_once(pg_store: SqlStore) -> None:
    assert refresh_planner_stats(pg_store) is True  # its tables were never analysed
    assert refresh_planner_stats(pg_store) is False  # nothing changed since


@pytest.mark.postgres
def test_a_bulk_load_makes_postgres_statistics_stale(pg_store: SqlStore) -> None:
    refresh_planner_stats(pg_store)
    _write(pg_store, 5, "small")
    assert refresh_planner_stats(pg_store) is False  # a few rows: the old figures still hold
    _write(pg_store, 300, "bulk")
    assert refresh_planner_stats(pg_store) is True
    assert refresh_planner_stats(pg_store) is False


def _dead_and_vacuumed(store: SqlStore, table: str) -> tuple[int, bool]:
    q = "SELECT n_dead_tup, last_vacuum IS NOT NULL FROM pg_stat_user_tables WHERE relname = :t"
    with store.engine.connect() as conn:
        row = conn.execute(text(q + " AND schemaname = current_schema()"), {"t": table}).one()
    return int(row[0]), bool(row[1])


@pytest.mark.postgres
def test_a_table_of_many_dead_rows_is_vacuumed(pg_store: SqlStore) -> None:
    _write(pg_store, 300, "bulk")
    refresh_planner_stats(pg_store)
    assert _dead_and_vacuumed(pg_store, "events")[1] is False  # analysed only: no row was dead
    with pg_store.engine.connect() as conn, conn.begin():
        conn.execute(text("UPDATE events SET type = type"))  # every row rewritten: one dead each
    pg_store.engine.dispose()
    assert _dead_and_vacuumed(pg_store, "events")[0] >= 300
    assert refresh_planner_stats(pg_store) is True
    assert _dead_and_vacuumed(pg_store, "events")[1] is True
    assert refresh_planner_stats(pg_store) is False  # vacuumed and analysed: nothing to do


@pytest.mark.postgres
def test_a_few_dead_rows_leave_a_table_alone(pg_store: SqlStore) -> None:
    _write(pg_store, 300, "bulk")
    refresh_planner_stats(pg_store)
    with pg_store.engine.connect() as conn, conn.begin():
        conn.execute(text("UPDATE events SET type = type WHERE uid IN (SELECT uid FROM events LIMIT 5)"))
    pg_store.engine.dispose()
    assert refresh_planner_stats(pg_store) is False
    assert _dead_and_vacuumed(pg_store, "events")[1] is False


def test_sqlite_small_store_is_not_analysed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = SqlStore(f"sqlite:///{tmp_path / 'p.db'}")
    try:
        assert refresh_planner_stats(store) is False  # under 1000 events it plans well either way
    finally:
        store.close()
