"""A batch's report records are built from the rows in hand (``reports.from_rows``), not read back;
they equal the records rebuilt from the tables key for key, values typed as SQLite gives them back
(``flatten`` refuses a value SQLite would store otherwise; ``from_rows`` leaves such a report to the
rebuild all the same), and on PostgreSQL the extra columns' objects in JSONB's key order (shorter
keys first, then bytewise), a float JSONB would give back otherwise left to the rebuild."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select, text
from store_fixtures import *  # noqa: F403  (db_url: SQLite and PostgreSQL)
from test_api_by_id import _odd
from test_store_fused_keys import _article, _corpus, _ev

from polemos.store import Progress, SqlStore, reports
from polemos.store.records import TABLES, flatten
from polemos.store.schema import events


def _batch() -> list[Any]:
    whole = _ev("w", "Shelling hit Aleppo on 3 March.", type="ASSAULT", places=("Aleppo",))
    whole["locations"][0].update(lat=36, lon=37)  # integers in REAL columns come back as floats
    return [*_corpus(), _article(_odd("g", score=0.25, tiny=1e-05, note="x\n\x01")),
            _article(whole)]  # fmt: skip


def _rows(batch: list[Any]) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for item in batch:
        for name, table_rows in flatten(item.record, text=item.text, source=None, run_id=None).items():
            rows[name].extend(table_rows)
    return rows


def test_store_records_from_rows_are_the_rebuilt_ones(tmp_path: Any) -> None:
    batch = _batch()
    rows = _rows(batch)
    built = {e["uid"]: r for e, r in zip(rows["events"], reports.from_rows(rows), strict=True) if r}
    store = SqlStore(f"sqlite:///{tmp_path / 'r.db'}")
    try:
        store.write_batch(batch, [], run_id=None, progress=Progress())
        with store.engine.connect() as conn:
            uids = list(conn.scalars(select(events.c.uid)))
            rebuilt = reports.rebuild(conn, uids)
            texts = dict(conn.execute(select(events.c.uid, events.c.record)).all())
    finally:
        store.close()
    assert set(built) == set(uids)  # flatten refuses the values SQLite would store otherwise
    for uid, record in built.items():
        assert record == rebuilt[uid] and list(record) == list(rebuilt[uid]), uid
        assert json.dumps(record) == json.dumps(rebuilt[uid])
    for uid, stored_text in texts.items():
        assert stored_text == reports.as_text(rebuilt[uid]), uid  # what is stored, built or rebuilt


def _jsonb_batch() -> list[Any]:
    """Extra keys in an order JSONB does not keep: lengths, bytes beyond ASCII, nesting, arrays."""
    ev = _ev("j", "Shelling hit Aleppo on 3 March.", type="ASSAULT", places=("Aleppo",), actor="the army")
    ev.update({"zz": 1, "aaa": {"b": [{"yy": 1, "x": 2}, 3], "a": None}, "é": "e", "ab": True, "b": 0.5})
    ev["locations"][0].update({"zz_note": {"kk": 1, "k": [2, {"bb": 1, "a": 2}]}, "lat": 36})
    ev["actor"]["Ünï"] = {"z": 1, "y": 2}
    ev["claims"][0]["zz"] = {"z": 1, "y": 2}
    ev["date"]["zz"] = {"yy": [1], "x": 2}
    odd = _odd("k", tiny=1e-05, huge=3.2e16, neg_zero=-0.0)  # left to the rebuild on PostgreSQL
    plain = _odd("m", ratio=0.30000000000000004, neg=-7.5, whole=100.0, zero=0.0, big=1234567890123456789)
    return [*_corpus(), _article(ev), _article(odd), _article(plain)]


def test_store_records_from_rows_on_both_databases(db_url: str) -> None:
    batch = _jsonb_batch()
    rows = _rows(batch)
    store = SqlStore(db_url)
    pg = store.engine.dialect.name == "postgresql"
    try:
        built_rows = reports.from_rows(rows, jsonb=pg)
        built = {e["uid"]: r for e, r in zip(rows["events"], built_rows, strict=True) if r}
        store.write_batch(batch, [], run_id=None, progress=Progress())
        with store.engine.connect() as conn:
            uids = list(conn.scalars(select(events.c.uid)))
            rebuilt = reports.rebuild(conn, uids)
            texts = dict(conn.execute(select(events.c.uid, events.c.record)).all())
    finally:
        store.close()
    left = set(uids) - set(built)
    assert left == ({e["uid"] for e in rows["events"] if e["article_id"] == "k"} if pg else set())
    for uid, record in built.items():
        assert record == rebuilt[uid] and list(record) == list(rebuilt[uid]), uid
        assert json.dumps(record) == json.dumps(rebuilt[uid])
    for uid, record_text in texts.items():
        assert record_text == reports.as_text(rebuilt[uid]), uid  # what is stored, built or rebuilt


@pytest.mark.postgres
@pytest.mark.parametrize(
    "value",
    [
        {"zz": 1, "aaa": 2, "b": 3, "ab": 4, "": 5, "é": 6, "ae": 7, "Z": 8},
        {"outer": [{"yy": 1, "x": {"dd": 1, "c": 2}}, [3, {"bb": 0, "a": 1}]], "o": None},
        {"€": 1, "éé": 2, "aaa": 3, "ü": 4},  # length in bytes: the euro sign takes 3
        [0.25, 100.0, 0.0, -7.5, 0.30000000000000004, 1234567890123456789, True, None, "x\n\x01"],
    ],
)
def test_store_as_jsonb_is_what_postgresql_gives_back(pg_schema_url: str, value: Any) -> None:
    store = SqlStore(pg_schema_url)
    try:
        with store.engine.connect() as conn:
            back = conn.execute(text("SELECT CAST(:v AS jsonb)"), {"v": json.dumps(value)}).scalar_one()
    finally:
        store.close()
    mine = reports.as_jsonb(value)
    assert mine == back and json.dumps(mine) == json.dumps(back)


@pytest.mark.parametrize("value", [1e-05, 3.2e16, -0.0, {"a": [1e300]}])
def test_store_as_jsonb_refuses_floats_jsonb_would_change(value: Any) -> None:
    with pytest.raises(reports._NotAsStored):
        reports.as_jsonb(value)
