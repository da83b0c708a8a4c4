"""What one store would keep and the other refuse is refused by both, before either sees it (E405),
and an ingest quarantines that record alone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from store_fixtures import *  # noqa: F403
from store_fixtures import TEXT, clone, make_record

from polemos.errors import StoreError
from polemos.ingest import Options, ingest
from polemos.store import Progress, SqlStore, Stored
from polemos.store.records import flatten

HAND = "store_extractor:HandExtractor"


def _set(path: str, value: Any) -> Any:
    def change(r: dict[str, Any]) -> None:
        target: Any = r
        *parts, last = path.split(".")
        for p in parts:
            target = target[int(p)] if p.isdigit() else target[p]
        target[last] = value

    return change


BAD = {
    "count past 2^63": _set("events.0.counts.killed.best", 2**63),
    "count past 2^31": _set("events.0.counts.killed.low", 3_000_000_000),
    "negative past 2^31": _set("events.0.counts.killed.high", -(2**31) - 1),
    "NaN confidence": _set("events.0.confidence", float("nan")),
    "infinite latitude": _set("events.0.locations.0.lat", float("inf")),
    "text in an integer column": _set("events.0.counts.killed.best", "148"),
    "bool in an integer column": _set("events.0.locations.0.geonameid", True),
    "NUL in the title": _set("article.title", "Blasts\x00"),
    "surrogate in the outlet": _set("article.outlet", "R\ud800T"),
    "id over the column": _set("article.id", "x" * 3000),
    "NUL in an unknown field": _set("events.0.note", "a\x00b"),
    "NaN in an unknown field": _set("events.0.scores", [1.0, float("nan")]),
    "huge int in an unknown field": _set("events.0.big", 2**64),
    "deep unknown field": _set("events.0.deep", json.loads("[" * 80 + "]" * 80)),
    "surrogate key": _set("events.0.extra", {"\udc00": 1}),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_unstorable_values_are_refused_in_flatten(name: str) -> None:
    record = clone(make_record())
    BAD[name](record)
    with pytest.raises(ValueError):
        flatten(record, text=TEXT)


def test_text_with_nul_or_surrogate_is_refused() -> None:
    for text in ("Blasts\x00 in Jableh", "Blasts \udfff in Jableh"):
        with pytest.raises(ValueError, match="articles.text"):
            flatten(make_record(), text=text)


def test_storable_record_passes() -> None:
    rows = flatten(make_record(), text=TEXT)
    assert rows["events"] and rows["counts"]


@pytest.mark.parametrize("name", ["count past 2^63", "count past 2^31", "NaN confidence", "NUL in the title",
                                  "id over the column", "surrogate in the outlet"])  # fmt: skip
def test_both_stores_refuse_the_same_record(store: SqlStore, name: str) -> None:
    record = clone(make_record("bad"))
    BAD[name](record)
    with pytest.raises(StoreError, match=r"^\[E405\]"):
        store.write_batch([Stored(record, TEXT, "x.jsonl:1")], [], run_id=None,
                          progress=Progress())  # fmt: skip
    assert store.counts()["articles"] == 0


@pytest.mark.parametrize("trigger", ["HUGECOUNT", "NANCONF"])
def test_ingest_quarantines_the_unstorable_record_alone(
    store: SqlStore, tmp_path: Path, trigger: str
) -> None:
    path = tmp_path / "in.jsonl"
    lines = [{"id": f"r{i}", "text": f"Report {i}: {i + 2} killed in Homs."} for i in range(5)]
    lines.insert(2, {"id": "bad", "text": f"{trigger} 5 killed in Homs."})
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    progress = ingest([str(path)], store, Options(extractor=HAND, batch_size=64, chunk_size=4))
    (bad,) = list(store.quarantined())
    assert (bad.line, bad.code, bad.article_id) == (3, "E405", "bad")
    assert progress.added == 5 and store.counts()["articles"] == 5
