"""The ingest service over the store Protocol alone: an in-memory double (``store_double.MemoryStore``)
and the hand extractor (``store_extractor``), so discover → read → run → write → fuse, the quarantine
and the runs are tested without a database or a model.

The double asserts what the service owes any store: every run and every write inside the ingest lock.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from store_double import MemoryStore
from store_extractor import record_for

from polemos.api.ingest import quarantine_one, store_one
from polemos.errors import StoreError
from polemos.fuse.stored import pending
from polemos.service import IngestService, Options
from polemos.store.base import Failure, Store, Stored
from polemos.types import Article

HAND = "store_extractor:HandExtractor"


def _line(article_id: str, text: str, outlet: str = "Wire") -> str:
    return json.dumps({"id": article_id, "text": text, "outlet": outlet, "published": "2016-05-23"}) + "\n"


def _corpus(folder: Path) -> Path:
    """Two outlets on one attack, one on another place, a text the extractor breaks on, a bad line."""
    folder.mkdir()
    (folder / "a.jsonl").write_text(
        _line("homs-1", "Report\n7 people were killed in Homs on Monday.")
        + _line("homs-2", "Monday: 7 killed in Homs, officials said.", outlet="Other")
        + _line("crash", "CRASH 4 killed in Hama.")
        + "{not json\n"
    )
    (folder / "b.jsonl").write_text(_line("idlib", "Later 3 killed in Idlib."))
    (folder / ".hidden.txt").write_text("9 killed in Gao.")  # discovery skips hidden files
    return folder


def _service(store: MemoryStore) -> IngestService:
    as_store: Store = store  # the double is the Protocol: mypy checks it here
    return IngestService(as_store)


def test_ingest_discovers_reads_runs_writes_and_fuses(tmp_path: Path) -> None:
    store = MemoryStore()
    done = _service(store).ingest([str(_corpus(tmp_path / "in"))], Options(extractor=HAND))
    assert (done.progress.seen, done.progress.added, done.progress.failed) == (4, 3, 2)
    assert [a["article"]["id"] for a in store.iter_articles()] == ["homs-1", "homs-2", "idlib"]
    assert store.locks == 1 and not store.locked
    # fused before it returned: every report is a member of a fused event
    assert pending(store) == 0 and store.passes == 1
    assert set(store.state.members) == set(store.state.events) and store.state.fused
    assert done.fusion.new == len(store.state.events) == 3


def test_ingest_quarantines_what_it_cannot_read_or_extract(tmp_path: Path) -> None:
    store = MemoryStore()
    folder = _corpus(tmp_path / "in")
    _service(store).ingest([str(folder)], Options(extractor=HAND))
    bad = {(Path(f.source).name, f.line): f for f in store.quarantined()}
    assert sorted(bad) == [("a.jsonl", 3), ("a.jsonl", 4)]
    crash, line = bad[("a.jsonl", 3)], bad[("a.jsonl", 4)]
    assert crash.code == "E117" and crash.article_id == "crash" and "the extractor broke" in crash.reason
    assert line.code == "E104" and line.reason.startswith("[E104]")


def test_every_ingest_is_a_run_and_a_second_one_skips_what_is_stored(tmp_path: Path) -> None:
    store = MemoryStore()
    folder = _corpus(tmp_path / "in")
    first = _service(store).ingest([str(folder)], Options(extractor=HAND, workers=1))
    (folder / "b.jsonl").write_text(_line("idlib", "Later 5 killed in Idlib."))  # changed: stored anew
    second = _service(store).ingest([str(folder)], Options(extractor=HAND))
    runs = store.runs()
    assert [r["id"] for r in runs] == [first.run_id, second.run_id] == [1, 2]
    assert [r["status"] for r in runs] == ["done", "done"] and runs[0]["engine"] == "local"
    assert (runs[0]["added"], runs[0]["failed"], runs[0]["events"]) == (3, 2, 3)
    assert (runs[1]["seen"], runs[1]["updated"], runs[1]["added"]) == (1, 1, 0)  # a.jsonl was read to its end
    assert store.locks == 2
    (idlib,) = [e for e in store.state.events.values() if e["article_id"] == "idlib"]
    assert idlib["counts"]["killed"]["best"] == 5 and idlib["uid"] in store.state.members


def test_a_run_that_breaks_is_recorded_failed_and_fuses_nothing(tmp_path: Path) -> None:
    store = MemoryStore()
    with pytest.raises(Exception, match="no extractor"):
        _service(store).ingest([str(_corpus(tmp_path / "in"))], Options(extractor="no_such_module:X"))
    assert [r["status"] for r in store.runs()] == ["failed"]
    assert store.passes == 0 and not store.locked


def _stored(article_id: str, text: str, outlet: str = "Wire") -> Stored:
    from datetime import date

    article = Article(id=article_id, text=text, outlet=outlet, published=date(2016, 5, 23))
    return Stored(record_for(article), text, source=f"in.jsonl:{article_id[-1]}")


def test_write_stores_skips_the_same_text_quarantines_and_fuses() -> None:
    store = MemoryStore()
    items: list[Stored | Failure] = [
        _stored("w1", "7 killed in Homs."),
        Failure("in.jsonl", 2, "[E104] in.jsonl: line 2: not valid JSON (x)", "E104"),
    ]
    done = _service(store).write(items, paths=["in.jsonl"], engine="test", workers=2)
    again = _service(store).write([_stored("w1", "7 killed in Homs.")], paths=["in.jsonl"], engine="test")
    assert done.progress.added == 1 and again.skipped == ["w1"] and again.progress.skipped == 1
    assert [(r["engine"], r["workers"], r["status"]) for r in store.runs()] == [
        ("test", 2, "done"),
        ("test", 1, "done"),
    ]
    assert [(f.line, f.code) for f in store.quarantined()] == [(2, "E104")]
    assert pending(store) == 0 and store.passes == 2


def test_write_quarantines_a_record_the_store_refuses_and_keeps_the_rest() -> None:
    store = MemoryStore()
    broken = Stored({"events": []}, "no article here", source="in.jsonl:9")  # not a contract record
    done = _service(store).write([_stored("w1", "7 killed in Homs."), broken], paths=["x"], engine="test")
    assert list(store.articles) == ["w1"]
    ((item, error),) = done.refused
    assert item is broken and isinstance(error, StoreError) and error.code == "E405"
    (failure,) = store.quarantined()
    assert (failure.source, failure.line, failure.code) == ("in.jsonl", 9, "E405")


def test_post_articles_path_over_the_protocol() -> None:
    store = MemoryStore()
    record: dict[str, Any] = record_for(Article(id="p1", text="3 killed in Gao.", outlet="Wire"))
    answer = store_one(store, record, "3 killed in Gao.", wait=0)
    assert answer == {"ok": True, "article_id": "p1", "added": True, "events": 1, "run": 1}
    assert store_one(store, record, "3 killed in Gao.", wait=0)["added"] is False
    quarantine_one(store, RuntimeError("the pipeline broke"), "p2", wait=0)
    runs = store.runs()
    assert [r["engine"] for r in runs] == ["api"] * 3 and runs[2]["failed"] == 1
    (failure,) = store.quarantined()
    assert (failure.source, failure.line, failure.article_id) == ("api", 3, "p2")
    assert store.locks == 3 and pending(store) == 0
