"""Reports stored whole (``events.record``, migration 0006) are exactly the reports rebuilt from
their tables, keys in order, through fusion, merge, split, a replaced article and the migration of an
old store; the by-id answer reads them. ``pending_fusion`` keeps its count only while the store's
counters stand still."""

from __future__ import annotations

import json
from typing import Any

from alembic import command
from sqlalchemy import select, update
from store_fixtures import *  # noqa: F403  (the store fixture: SQLite and PostgreSQL)
from test_store_fused_keys import _article, _corpus, _ev, _fused_of, _put

from polemos.api import data
from polemos.fuse import report_uid, stored
from polemos.store import SqlStore, reports
from polemos.store.fusion import pending
from polemos.store.migrate import _config
from polemos.store.schema import events


def _stored(store: SqlStore) -> dict[str, str | None]:
    with store.engine.connect() as conn:
        return {r.uid: r.record for r in conn.execute(select(events.c.uid, events.c.record))}


def _rebuilt(store: SqlStore, uids: list[str]) -> dict[str, dict[str, Any]]:
    with store.engine.connect() as conn:
        return reports.rebuild(conn, uids)


def _assert_records(store: SqlStore) -> None:
    texts = _stored(store)
    want = _rebuilt(store, sorted(texts))
    assert set(want) == set(texts) and None not in texts.values()
    for uid, text in texts.items():
        assert text is not None
        got = json.loads(text)
        assert got == want[uid] and list(got) == list(want[uid]), uid  # same keys, same order
    assert store.events(sorted(texts)) == [want[u] for u in sorted(texts)]


def _assert_details(store: SqlStore) -> None:
    """Every by-id answer holds its reports as rebuilt from the tables."""
    for uid in _stored(store):
        detail = data.event_detail(store, uid)
        assert detail is not None
        members = store.fused_members(detail["id"])
        want = list(_rebuilt(store, members).values())
        want.sort(key=lambda r: (r.get("published") or "", r.get("article_id") or "", r.get("uid")))
        assert json.dumps(detail["report_events"]) == json.dumps(want)
        assert detail == {**store.fused([detail["id"]])[0], "report_events": want}


def test_store_report_records_are_the_rebuilt_reports(store: SqlStore) -> None:
    _put(store, *_corpus())
    _assert_records(store)
    stored.update(store)
    _assert_records(store)
    _assert_details(store)


def test_store_report_records_follow_merge_split_and_a_replaced_article(store: SqlStore) -> None:
    _put(store, *_corpus())
    stored.update(store)
    merged = stored.merge(store, [_fused_of(store, "a"), _fused_of(store, "c")], who="ana")
    _assert_records(store)
    _assert_details(store)
    assert len(data.event_detail(store, merged)["report_events"]) == 2  # type: ignore[index]
    stored.split(store, merged, report_uid("c", "ev1"), who="ana", why="another bomb")
    _assert_records(store)
    _assert_details(store)
    moved = _ev("b", "Protesters marched in Kabul on 4 March.", type="PROTEST", places=("Kabul",),
                date=("2020-03-04", "2020-03-04", "day"))  # fmt: skip
    _put(store, _article(moved))
    _assert_records(store)
    record = json.loads(_stored(store)[report_uid("b", "ev1")] or "null")
    assert "Kabul" in json.dumps(record) and "Mosul" not in json.dumps(record)
    stored.update(store)
    _assert_records(store)
    _assert_details(store)


def test_store_report_records_missing_are_rebuilt_on_read(store: SqlStore) -> None:
    _put(store, *_corpus())
    want = store.events(sorted(_stored(store)))
    with store.engine.begin() as conn:
        conn.execute(update(events).values(record=None))
    assert store.events(sorted(_stored(store))) == want


def test_store_report_records_filled_when_an_old_store_is_migrated(store: SqlStore) -> None:
    _put(store, *_corpus())
    stored.update(store)
    stored.merge(store, [_fused_of(store, "a"), _fused_of(store, "b")], who="ana")
    texts = _stored(store)
    details = {u: data.event_detail(store, u) for u in texts}
    with store.engine.begin() as conn:  # back to the schema before events.record, data kept
        command.downgrade(_config(conn), "0005")
    store.close()
    again = SqlStore(store.url, upgrade=True)
    try:
        assert _stored(again) == texts
        _assert_records(again)
        assert {u: data.event_detail(again, u) for u in texts} == details
        assert again.pending_fusion() == 0
    finally:
        again.close()


def _pending_now(store: SqlStore) -> int:
    with store.engine.connect() as conn:
        return pending(conn)


def test_store_pending_fusion_is_kept_only_while_nothing_is_written(store: SqlStore) -> None:
    corpus = _corpus()
    assert store.pending_fusion() == 0
    _put(store, *corpus[:3])
    assert store.pending_fusion() == _pending_now(store) == 3
    assert store.pending_fusion() == 3  # kept
    stored.update(store)
    assert store.pending_fusion() == _pending_now(store) == 0
    other = SqlStore(store.url)  # another process's writes move the counters too
    try:
        _put(other, *corpus[3:])
        assert store.pending_fusion() == _pending_now(store) == 4
        stored.update(other)
        assert store.pending_fusion() == 0
        moved = _ev("b", "Protesters marched in Kabul on 4 March.", type="PROTEST", places=("Kabul",),
                    date=("2020-03-04", "2020-03-04", "day"))  # fmt: skip
        _put(other, _article(moved))  # a replaced article: its report waits again
        assert store.pending_fusion() == _pending_now(store) > 0
        stored.update(other)
        assert store.pending_fusion() == _pending_now(store) == 0
        stored.merge(other, [_fused_of(other, "a"), _fused_of(other, "c")], who="ana")
        assert store.pending_fusion() == _pending_now(store)
    finally:
        other.close()
