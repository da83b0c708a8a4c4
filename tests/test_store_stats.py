"""Planner statistics on PostgreSQL: ``refresh_planner_stats`` analyses tables that never were, or that
changed by more than ``STALE`` of their rows since, and leaves fresh ones alone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
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


def test_sqlite_small_store_is_not_analysed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = SqlStore(f"sqlite:///{tmp_path / 'p.db'}")
    try:
        assert refresh_planner_stats(store) is False  # under 1000 events it plans well either way
    finally:
        store.close()
