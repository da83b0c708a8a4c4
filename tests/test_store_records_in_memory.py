"""On SQLite a batch's report records are built from the rows in hand (``reports.from_rows``), not
read back; they equal the records rebuilt from the tables key for key, values typed as SQLite gives
them back (``flatten`` refuses a value SQLite would store otherwise; ``from_rows`` leaves such a
report to the rebuild all the same)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
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
    for uid, text in texts.items():
        assert text == reports.as_text(rebuilt[uid]), uid  # what is stored, built or rebuilt
