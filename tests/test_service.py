"""The ingest service (``polemos.service``): every write path records a run, quarantines what fails and
fuses before it returns; reads never fuse and never write, and say when a store holds unfused reports.

Hand-made records (``store_fixtures.make_record``), on SQLite and PostgreSQL; POST /articles with a
stand-in for the extraction pool, so no model is loaded.
"""

from __future__ import annotations

import copy
from typing import Any

from api_fixtures import Client
from store_fixtures import *  # noqa: F403  (the store and db_url fixtures: SQLite and PostgreSQL)
from store_fixtures import TEXT, make_record
from typer.testing import CliRunner

from polemos.api import create_app
from polemos.api.pool import TimedOut
from polemos.cli import app as cli
from polemos.fuse.stored import iter_fused, pending
from polemos.service import IngestService, fuse
from polemos.store import EventFilter, Failure, Progress, SqlStore, Stored

OTHER = TEXT.replace("Over 100 people", "More than 100 people")  # a second outlet's wording


def _items() -> list[Stored | Failure]:
    return [
        Stored(make_record("a1"), TEXT, "in.jsonl:1"),
        Stored(make_record("a2", text=OTHER, outlet="AFP"), OTHER, "in.jsonl:2"),
        Failure("in.jsonl", 3, "[E104] in.jsonl: line 3: not valid JSON (x)", "E104"),
    ]


def _older_store(store: SqlStore) -> None:
    """What an older polemos left: reports stored, none fused (it fused when the store was read)."""
    items = [i for i in _items() if isinstance(i, Stored)]
    store.write_batch(items, [], run_id=None, progress=Progress())


def _fused_rows(store: SqlStore) -> dict[str, int]:
    counts = store.counts()
    return {k: counts[k] for k in ("fused_events", "fused_members", "fused_articles", "event_changes")}


def test_write_records_a_run_quarantines_and_fuses_before_it_returns(store: SqlStore) -> None:
    done = IngestService(store).write(_items(), paths=["in.jsonl"], engine="test", workers=2)
    assert pending(store) == 0, "every report fused by the write itself"
    assert done.fusion.new == store.counts()["events"] > 0
    fused = list(iter_fused(store, EventFilter()))
    outlets = {r["outlet"] for f in fused for r in f["reports"]}
    assert outlets == {"RT", "AFP"} and len(fused) < store.counts()["events"], "the two articles fused"
    (run,) = store.runs()
    assert run["id"] == done.run_id and run["status"] == "done" and run["engine"] == "test"
    assert (run["paths"], run["workers"], run["seen"], run["added"], run["failed"]) == (
        ["in.jsonl"],
        2,
        2,
        2,
        1,
    )
    (bad,) = store.quarantined()
    assert (bad.source, bad.line, bad.code) == ("in.jsonl", 3, "E104")
    assert done.changes is not None and done.changes.counts["added"] == len(fused), "the change feed says so"


def test_write_skips_what_is_stored_with_the_same_text(store: SqlStore) -> None:
    service = IngestService(store)
    service.write(_items()[:1], paths=["x"], engine="test")
    before = list(iter_fused(store, EventFilter()))
    again = service.write(_items()[:1], paths=["x"], engine="test")
    assert again.skipped == ["a1"] and again.progress.added == 0 and again.progress.skipped == 1
    assert store.runs()[-1]["skipped"] == 1
    assert list(iter_fused(store, EventFilter())) == before, "ids and records stay"


def test_write_quarantines_a_record_the_store_refuses_and_keeps_the_rest(store: SqlStore) -> None:
    broken = copy.deepcopy(make_record("a3"))
    del broken["events"][0]["type"]  # not a contract record: the store refuses it
    items: list[Stored | Failure] = [
        Stored(make_record("a1"), TEXT, "in.jsonl:1"),
        Stored(broken, TEXT, "in.jsonl:7"),
    ]
    done = IngestService(store).write(items, paths=["in.jsonl"], engine="test")
    assert [item.record["article"]["id"] for item, _ in done.refused] == ["a3"]
    assert store.counts()["articles"] == 1 and pending(store) == 0
    (bad,) = store.quarantined()
    assert (bad.source, bad.line, bad.article_id) == ("in.jsonl", 7, "a3")
    assert bad.code in ("E402", "E405")  # the database refused it, or it is not a contract record
    assert store.runs()[-1]["failed"] == 1


def test_ingest_of_files_fuses_inside_the_run(store: SqlStore, tmp_path: Any) -> None:
    """Paths go through the same service: read, extracted (a hand-made extractor), stored, fused."""
    import json

    src = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": f"h{i}", "text": f"{t} in Homs on Monday.", "published": "2016-03-14"})
             for i, t in enumerate(("12 people were killed", "12 killed"))]  # fmt: skip
    src.write_text("\n".join([lines[0], "{bad", lines[1]]) + "\n")
    from polemos.service import Options

    done = IngestService(store).ingest([str(src)], Options(extractor="store_extractor:HandExtractor"))
    assert done.progress.added == 2 and done.progress.failed == 1
    assert pending(store) == 0 and store.counts()["fused_events"] > 0
    assert store.runs()[-1]["id"] == done.run_id
    assert [f.line for f in store.quarantined()] == [2]


def test_reads_never_fuse_or_write_and_say_what_is_unfused(db_url: str) -> None:
    store = SqlStore(db_url)
    _older_store(store)
    n = pending(store)
    assert n == store.counts()["events"] > 0
    before = _fused_rows(store)
    runner = CliRunner()
    listed = runner.invoke(cli, ["events", "--db", db_url, "--format", "jsonl"])
    assert listed.exit_code == 0 and listed.stdout == ""
    assert (
        f"{n} stored report(s) are not fused yet" in listed.stderr and "polemos events fuse" in listed.stderr
    )
    exported = runner.invoke(cli, ["export", "--db", db_url, "-f", "jsonl", "-o", "-"])
    assert exported.exit_code == 0 and "not fused yet" in exported.stderr
    assert runner.invoke(cli, ["events", "--db", db_url, "--changed-since", "0"]).exit_code == 0
    app = create_app(db_url)
    api = Client(app)
    assert api.get("/health").json()["unfused_reports"] == n
    assert api.get("/events").json()["total"] == 0 and api.get("/changes").json()["changes"] == []
    app.state.store.close()
    assert _fused_rows(store) == before and pending(store) == n, "no read wrote"
    fused = runner.invoke(cli, ["events", "fuse", "--db", db_url])
    assert fused.exit_code == 0 and f"{n} report(s) fused" in fused.stderr
    assert pending(store) == 0
    listed = runner.invoke(cli, ["events", "--db", db_url, "--format", "jsonl"])
    assert listed.stdout.count("\n") == len(list(iter_fused(store, EventFilter()))) > 0
    assert "not fused" not in listed.stderr
    assert store.counts()["event_changes"] > 0, "the explicit fuse recorded its changes"
    store.close()


def test_fuse_on_a_fused_store_finds_nothing(store: SqlStore) -> None:
    IngestService(store).write(_items(), paths=["in.jsonl"], engine="test")
    rows = _fused_rows(store)
    assert fuse(store).new == 0 and _fused_rows(store) == rows


class FakePool:
    """Stands in for the extraction pool: answers a hand-made record, or raises what it is given."""

    workers = 3

    def __init__(self, answer: dict[str, Any] | Exception) -> None:
        self.answer = answer

    async def extract(self, fields: dict[str, Any]) -> dict[str, Any]:
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer

    def busy(self) -> None:
        return None

    def close(self) -> None:
        pass


AUTH = {"Authorization": "Bearer s3cret"}


def test_post_articles_records_a_run_and_fuses_before_it_answers(db_url: str) -> None:
    app = create_app(db_url, token="s3cret")
    app.state.pool = FakePool(make_record("kup"))
    api = Client(app)
    first = api.post("/articles", json={"id": "kup", "text": TEXT}, headers=AUTH)
    assert first.status_code == 201
    body = first.json()
    assert (body["ok"], body["article_id"], body["added"], body["events"]) == (True, "kup", True, 2)
    store = app.state.store
    (run,) = store.runs()
    assert body["run"] == run["id"] and (run["paths"], run["engine"], run["workers"]) == (
        ["POST /articles"],
        "api",
        3,
    )
    assert (run["status"], run["added"], run["events"]) == ("done", 1, 2)
    assert pending(store) == 0 and api.get("/events").json()["total"] > 0
    again = api.post("/articles", json={"id": "kup", "text": TEXT}, headers=AUTH).json()
    assert again["added"] is False and store.runs()[-1]["skipped"] == 1
    app.state.store.close()


def test_post_articles_quarantines_what_fails_and_answers_as_before(db_url: str) -> None:
    app = create_app(db_url, token="s3cret")
    app.state.pool = FakePool(TimedOut(60.0))
    api = Client(app)
    answer = api.post("/articles", json={"id": "slow", "text": TEXT}, headers=AUTH)
    assert answer.status_code == 503 and answer.json()["code"] == "E612"
    api.post("/articles", json={"id": "slow2", "text": TEXT}, headers=AUTH)
    store = app.state.store
    bad = list(store.quarantined())
    assert [(f.source, f.code, f.article_id) for f in bad] == [
        ("api", "E612", "slow"),
        ("api", "E612", "slow2"),
    ]
    assert [f.line for f in bad] == [r["id"] for r in store.runs()], "each failure in a run of its own"
    assert all(r["failed"] == 1 and r["status"] == "done" for r in store.runs())
    app.state.store.close()


def test_post_articles_refused_by_the_store_is_quarantined_with_the_same_answer(db_url: str) -> None:
    broken = make_record("odd")
    del broken["events"][0]["type"]
    app = create_app(db_url, token="s3cret")
    app.state.pool = FakePool(broken)
    answer = Client(app).post("/articles", json={"id": "odd", "text": TEXT}, headers=AUTH)
    assert answer.status_code == 500 and answer.json()["code"] in ("E402", "E405")
    (bad,) = app.state.store.quarantined()
    assert (bad.code, bad.article_id) == (answer.json()["code"], "odd")
    app.state.store.close()
