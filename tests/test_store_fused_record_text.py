"""A fused record comes back from the store with its keys in the order fusion wrote them, on
PostgreSQL as on SQLite (migration 0007: TEXT, not JSONB, which puts shorter keys first), and a
page sorts and sums by toll from ``fused_events.killed``, also for a store migrated from 0006."""

from __future__ import annotations

import json
from typing import Any

from alembic import command
from fuse_helpers import event
from sqlalchemy import select
from store_fixtures import *  # noqa: F403  (the store fixture: SQLite and PostgreSQL)

from polemos.contract.event import from_json, to_json
from polemos.fuse import stored
from polemos.store import SqlStore
from polemos.store.base import EventFilter, EventQuery, Progress, Stored
from polemos.store.fusion import best_killed
from polemos.store.migrate import _config
from polemos.store.schema import fused_events


def _article(ev: dict[str, Any]) -> Stored:
    keys = ("article_id", "outlet", "published")
    record = {
        "schema": "polemos.article/1",
        "article": {"id": ev["article_id"], "title": None, "published": ev["published"],
                    "outlet": ev["outlet"], "url": None, "language": "en"},
        "events": [{k: v for k, v in ev.items() if k not in keys}],
        "places": [], "times": [],
    }  # fmt: skip
    return Stored(record, ev["evidence"]["text"])


def _corpus() -> list[Stored]:
    return [
        _article(event("a", "Shelling killed 7 in Aleppo on 3 March.", places=("Aleppo",),
                       date=("2020-03-03", "2020-03-03", "day"), killed=(7, 7, 7), actor="Shelling")),
        _article(event("b", "A bomb killed 40 in Kabul in May.", places=("Kabul",),
                       date=("2021-05-01", "2021-05-31", "month"), killed=(40, 40, 40))),
        _article(event("c", "Gunmen killed 2 in Mosul on 9 June.", places=("Mosul",),
                       date=("2019-06-09", "2019-06-09", "day"), killed=(2, 2, 2), actor="Gunmen")),
        _article(event("d", "Protesters marched in Tartus.", type="PROTEST", places=("Tartus",),
                       date=("2018-01-02", "2018-01-02", "day"))),
    ]  # fmt: skip


def _fill(store: SqlStore) -> list[dict[str, Any]]:
    store.write_batch(_corpus(), [], run_id=None, progress=Progress())
    stored.update(store)
    return store.fused(store.fused_ids(EventFilter()))


def _killed_order(store: SqlStore, sort: str) -> list[int | None]:
    _, ids = store.page_fused(EventQuery(EventFilter(), None, sort, 0, 100))
    return [best_killed(r) for r in store.fused(ids)]


def test_a_fused_record_keeps_the_order_it_was_written_in(store: SqlStore) -> None:
    records = _fill(store)
    assert len(records) == 4
    for record in records:
        # the contract's own order, nested objects included (JSONB would give "id" before "schema")
        assert json.dumps(record) == json.dumps(to_json(from_json(record)))


def test_the_stored_toll_is_the_records_best_killed(store: SqlStore) -> None:
    _fill(store)
    with store.engine.connect() as conn:
        rows = list(conn.execute(select(fused_events.c.killed, fused_events.c.record)))
    assert sorted((k is None, k) for k, _ in rows) == [(False, 2), (False, 7), (False, 40), (True, None)]
    assert all(k == best_killed(r) for k, r in rows)


def test_pages_sort_by_toll_either_way_with_no_toll_last(store: SqlStore) -> None:
    _fill(store)
    assert _killed_order(store, "-killed") == [40, 7, 2, None]
    assert _killed_order(store, "killed") == [2, 7, 40, None]


def test_a_store_fused_at_0006_gets_its_tolls_and_keeps_its_records(store: SqlStore) -> None:
    records = _fill(store)
    with store.engine.begin() as conn:  # back to the schema before 0007, data kept
        command.downgrade(_config(conn), "0006")
    store.close()
    again = SqlStore(store.url, upgrade=True)
    try:
        after = again.fused(again.fused_ids(EventFilter()))
        assert sorted(json.dumps(r, sort_keys=True) for r in after) == sorted(
            json.dumps(r, sort_keys=True) for r in records
        )
        assert _killed_order(again, "-killed") == [40, 7, 2, None]
    finally:
        again.close()


def test_best_killed_reads_only_a_number() -> None:
    assert best_killed({"counts": {"killed": {"low": 1, "best": 3, "high": 5}}}) == 3
    assert best_killed({"counts": {"killed": {"low": None, "best": None, "high": None}}}) is None
    assert best_killed({"counts": {"killed": None}}) is None
    assert best_killed({"counts": {}}) is None
    assert best_killed({}) is None
    assert best_killed({"counts": {"killed": {"best": True}}}) is None
