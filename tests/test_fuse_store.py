"""Fused events in the store: fused after ingest, ids kept, people's decisions recorded and kept."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from typing import Any

import pytest
from fuse_helpers import event
from test_fuse_rules import jableh

from polemos.fuse import report_uid

schema = pytest.importorskip("polemos.store.schema")
if not hasattr(schema, "fused_events"):
    pytest.skip("the store has no fused-event tables yet", allow_module_level=True)

from store_fixtures import *  # noqa: E402,F403  (the store fixture: SQLite and PostgreSQL)

stored = importlib.import_module("polemos.fuse.stored")
SqlStore = importlib.import_module("polemos.store").SqlStore
Progress = importlib.import_module("polemos.store.base").Progress
Stored = importlib.import_module("polemos.store.base").Stored
EventFilter = importlib.import_module("polemos.store.query").EventFilter

_ARTICLE_KEYS = ("article_id", "outlet", "published")


def _article(ev: dict[str, Any]) -> Any:
    """One stored article holding one hand-written event (text = the evidence sentence)."""
    text = ev["evidence"]["text"]
    record = {
        "schema": "polemos.article/1",
        "article": {
            "id": ev["article_id"], "title": None, "published": ev["published"], "outlet": ev["outlet"],
            "url": None, "language": "en",
        },
        "events": [{k: v for k, v in ev.items() if k not in _ARTICLE_KEYS}],
        "places": [], "times": [],
    }  # fmt: skip
    return Stored(record, text)


def _put(store: Any, *evs: dict[str, Any]) -> None:
    store.write_batch([_article(e) for e in evs], [], run_id=None, progress=Progress())


def _partition(store: Any) -> dict[str, list[str]]:
    return {
        f["id"]: sorted(r["article_id"] for r in f["reports"])
        for f in stored.iter_fused(store, EventFilter())
    }


def test_fuse_store_every_report_in_one_fused_event(store: Any) -> None:
    _put(store, *jableh())
    outcome = stored.update(store)
    assert outcome.new == 4 and outcome.fused_events == 1
    assert list(_partition(store).values()) == [["rt", "sana", "weekly", "wire"]]


def test_fuse_store_update_is_idempotent_and_refusion_keeps_ids(store: Any) -> None:
    _put(store, *jableh())
    stored.update(store)
    before = _partition(store)
    assert stored.update(store).new == 0
    stored.refuse(store)
    assert _partition(store) == before


def test_fuse_store_new_report_joins_the_stored_event(store: Any) -> None:
    first, *rest = jableh()
    _put(store, first)
    stored.update(store)
    (fid,) = _partition(store)
    _put(store, *rest)
    stored.update(store)
    assert _partition(store) == {fid: ["rt", "sana", "weekly", "wire"]}


def test_fuse_store_merge_is_recorded_and_survives_refusion(store: Any) -> None:
    later = event("later", "Funerals held in Latakia province for victims of the coastal attacks",
                  outlet="Local", published="2016-05-26")  # fmt: skip
    _put(store, *jableh(), later)
    stored.update(store)
    ids = sorted(_partition(store))
    assert len(ids) == 2
    merged = stored.merge(store, ids, who="ana", why="same attack")
    stored.refuse(store)
    (record,) = stored.iter_fused(store, EventFilter())
    assert record["id"] == merged and len(record["reports"]) == 5
    (entry,) = record["fusion"]["history"]
    assert (entry["op"], entry["who"], entry["why"]) == ("merge", "ana", "same attack")
    assert entry["result_id"] == merged and entry["when"]


def test_fuse_store_cli_split_and_show(store: Any) -> None:
    _put(store, *jableh())
    stored.update(store)
    (fid,) = _partition(store)
    sana = report_uid("sana", "ev1")

    def cli(*args: str) -> str:
        command = [sys.executable, "-m", "polemos", *args, "--db", store.url]
        proc = subprocess.run(command, capture_output=True, text=True, check=True)
        return proc.stdout

    new = cli(
        "events", "split", fid, "--report", "sana:ev1", "--who", "ana", "--why", "a different blast"
    ).strip()
    assert new != fid
    shown = json.loads(cli("events", "show", fid, "--format", "json"))
    assert sana not in [r["uid"] for r in shown["reports"]]
    assert shown["fusion"]["history"][0]["who"] == "ana"
    listed = [json.loads(line) for line in cli("events", "--format", "jsonl").splitlines()]
    assert sorted(len(f["reports"]) for f in listed) == [1, 3]


def test_fuse_store_months_apart_are_fused_in_slices_like_all_at_once(store: Any) -> None:
    day = ("2016-12-10", "2016-12-10", "day")
    later = [
        event(f"dec-{i}", "A car bomb killed 10 in Mosul market", places=("Mosul",), mode="explode",
              outlet=outlet, published="2016-12-11", date=day, killed=(10, 10, 10))
        for i, outlet in enumerate(("AP", "AFP"))
    ]  # fmt: skip
    _put(store, *jableh(), *later)
    stored.update(store)
    sliced = _partition(store)
    stored.refuse(store)
    assert _partition(store) == sliced and sorted(map(len, sliced.values())) == [2, 4]


def test_fuse_store_article_without_a_read_event_joins_the_event(store: Any) -> None:
    _, wire, *_ = jableh()
    text = "Jableh and Tartus bombings: 148 dead, Syrian Observatory"
    jableh_place = {"text": "Jableh", "start": 0, "end": 6, "name": "Jableh", "geonameid": 169304,
                    "lat": 35.36, "lon": 35.93, "country": "SY", "admin1": "Latakia",
                    "feature": "city"}  # fmt: skip
    record = {
        "schema": "polemos.article/1",
        "article": {"id": "bare", "title": None, "published": "2016-05-24", "outlet": "AFP", "url": None,
                    "language": "en"},
        "events": [], "places": [jableh_place], "times": [],
    }  # fmt: skip
    _put(store, wire)
    store.write_batch([Stored(record, text)], [], run_id=None, progress=Progress())
    stored.update(store)
    (fused,) = stored.iter_fused(store, EventFilter())
    reports_ = sorted((r["article_id"], r["event_id"] or "") for r in fused["reports"])
    assert reports_ == [("bare", ""), ("wire", "ev1")]
    assert stored.update(store).new == 0  # seen once, not fused again
