"""Ingest: idempotent, resumable after kill -9, quarantines bad inputs, readers run beside writers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_fixtures import *  # noqa: F403

from polemos.ingest import Options, ingest
from polemos.store import EventFilter, SqlStore

TESTS = Path(__file__).parent
ROOT = TESTS.parent
HAND = "store_extractor:HandExtractor"


def write_corpus(folder: Path, n: int, files: int = 2, start: int = 0) -> list[dict]:
    folder.mkdir(parents=True, exist_ok=True)
    records = []
    for i in range(start, start + n):
        text = f"Report {i}\n{i % 7 + 1} people were killed in Homs. Later 3 killed in Hama."
        records.append({"id": f"r{i}", "text": text, "outlet": "Wire", "published": "2016-05-23"})
    for f in range(files):
        with (folder / f"part-{f}.jsonl").open("a") as out:
            for r in records[f::files]:
                out.write(json.dumps(r) + "\n")
    return records


def run(store: SqlStore, *paths: Path, workers: int = 1, batch: int = 8):  # type: ignore[no-untyped-def]
    options = Options(extractor=HAND, workers=workers, batch_size=batch, chunk_size=4)
    return ingest([str(p) for p in paths], store, options)


def test_ingest_stores_every_article_and_event(store: SqlStore, tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 10)
    progress = run(store, tmp_path / "in")
    assert (progress.added, store.counts()["articles"], store.counts()["events"]) == (10, 10, 20)


def test_ingest_same_corpus_twice_adds_nothing(store: SqlStore, tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 10)
    run(store, tmp_path / "in")
    before = store.counts()
    second = run(store, tmp_path / "in")
    assert second.added == 0 and store.counts()["events"] == before["events"] == 20
    assert store.counts()["articles"] == before["articles"]


def test_ingest_same_articles_in_a_new_file_are_skipped_unextracted(store: SqlStore, tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 6)
    run(store, tmp_path / "in")
    copy = tmp_path / "copy.jsonl"
    copy.write_text((tmp_path / "in" / "part-0.jsonl").read_text())
    progress = run(store, copy)
    assert (progress.seen, progress.skipped, progress.added) == (3, 3, 0)


def test_ingest_finished_files_are_not_read_again(store: SqlStore, tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 6)
    run(store, tmp_path / "in")
    assert run(store, tmp_path / "in").seen == 0


def test_ingest_a_grown_file_adds_only_the_new_articles(store: SqlStore, tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 6)
    run(store, tmp_path / "in")
    write_corpus(tmp_path / "in", 4, start=6)  # appends to both files
    progress = run(store, tmp_path / "in")
    assert (progress.added, progress.skipped, store.counts()["articles"]) == (4, 6, 10)


def test_ingest_corrupted_file_in_a_folder_is_quarantined(store: SqlStore, tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 6, files=2)
    (tmp_path / "in" / "part-0b.jsonl").write_bytes(b"\x00\x01\x02binary\xff\xfe" * 50)
    progress = run(store, tmp_path / "in")
    (bad,) = list(store.quarantined())
    assert bad.source.endswith("part-0b.jsonl") and "E102" in bad.reason
    assert progress.added == 6 and store.counts()["articles"] == 6


def test_ingest_bad_line_is_quarantined_with_its_line(store: SqlStore, tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 4, files=1)
    with (tmp_path / "in" / "part-0.jsonl").open("a") as f:
        f.write("{not json\n")
    run(store, tmp_path / "in")
    (bad,) = list(store.quarantined())
    assert (bad.line, bad.code) == (5, "E104")


def test_ingest_extractor_crash_quarantines_only_that_article(store: SqlStore, tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 6, files=1)
    with (tmp_path / "in" / "part-0.jsonl").open("a") as f:
        f.write(json.dumps({"id": "boom", "text": "CRASH 5 killed in Homs"}) + "\n")
    progress = run(store, tmp_path / "in")
    (bad,) = list(store.quarantined())
    assert (bad.line, bad.article_id, progress.added) == (7, "boom", 6)
    assert "extraction failed" in bad.reason


def test_ingest_fixed_input_leaves_the_quarantine(store: SqlStore, tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text("{broken\n")
    run(store, path)
    path.write_text(json.dumps({"id": "ok", "text": "Now 4 killed in Homs."}) + "\n")
    run(store, path)
    assert list(store.quarantined()) == [] and store.counts()["articles"] == 1


def test_ingest_two_workers_store_what_one_does(db_url: str, tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 12)
    one = SqlStore(f"sqlite:///{tmp_path / 'one.db'}")
    run(one, tmp_path / "in")
    two = SqlStore(db_url)
    run(two, tmp_path / "in", workers=2)
    assert list(two.iter_articles()) == list(one.iter_articles())
    one.close(), two.close()


def test_ingest_missing_path_is_a_coded_error(store: SqlStore, tmp_path: Path) -> None:
    from polemos.errors import ReadError

    with pytest.raises(ReadError, match="E107"):
        run(store, tmp_path / "nope")


def _writer(db_url: str, corpus: Path, delay: float) -> subprocess.Popen:
    options = f"Options(extractor={HAND!r}, batch_size=5, chunk_size=5)"
    code = (
        "from polemos.store import SqlStore; from polemos.ingest import Options, ingest;"
        f"ingest([{str(corpus)!r}], SqlStore({db_url!r}), {options})"
    )
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{TESTS}", "POLEMOS_TEST_DELAY": str(delay)}
    return subprocess.Popen([sys.executable, "-c", code], env=env, stderr=subprocess.DEVNULL)


def _wait_for(
    store: SqlStore, table: str, at_least: int, proc: subprocess.Popen, timeout: float = 60
) -> None:
    deadline = time.monotonic() + timeout
    while store.counts()[table] < at_least:
        assert proc.poll() is None, "the writer exited early"
        assert time.monotonic() < deadline, "the writer made no progress"
        time.sleep(0.05)


def test_ingest_kill_9_then_resume_loses_and_doubles_nothing(db_url: str, tmp_path: Path) -> None:
    records = write_corpus(tmp_path / "in", 120)
    store = SqlStore(db_url)
    writer = _writer(db_url, tmp_path / "in", delay=0.03)
    _wait_for(store, "articles", 20, writer)
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    before = store.counts()["articles"]
    assert 20 <= before < len(records)  # killed mid-run, between or inside a batch
    progress = run(store, tmp_path / "in")
    after = store.counts()
    assert (after["articles"], after["events"]) == (len(records), 2 * len(records))
    assert progress.added == len(records) - before and progress.skipped == before
    assert store.runs()[0]["status"] == "running"  # the killed run says so; the resumed one finished
    assert store.runs()[-1]["status"] == "done"
    store.close()


def test_ingest_reader_queries_while_a_writer_ingests(db_url: str, tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 80)
    store = SqlStore(db_url)
    writer = _writer(db_url, tmp_path / "in", delay=0.02)
    seen = []
    while writer.poll() is None:
        uids = store.event_ids(EventFilter(type="ASSAULT"))
        records = store.events(uids[:20])
        assert all(r["type"] == "ASSAULT" for r in records)
        seen.append(len(uids))
    assert writer.returncode == 0
    assert seen == sorted(seen)  # every read saw a committed state, growing
    assert len(set(seen)) > 2  # and the reads really overlapped the writes
    assert len(store.event_ids(EventFilter(type="ASSAULT"))) == 160
    store.close()


def test_ingest_standard_input_is_read_and_not_remembered(store: SqlStore, tmp_path: Path) -> None:
    from polemos.read import iter_articles

    line = json.dumps({"id": "s1", "text": "Now 4 killed in Homs."}) + "\n"

    def stdin_reader(paths: list[str]):  # type: ignore[no-untyped-def]
        assert paths == ["-"]
        (tmp_path / "stdin.jsonl").write_text(line)
        return iter_articles([str(tmp_path / "stdin.jsonl")])

    options = Options(extractor=HAND)
    assert ingest(["-"], store, options, reader=stdin_reader).added == 1
    assert ingest(["-"], store, options, reader=stdin_reader).skipped == 1  # read again, known
    assert store.counts()["ingest_files"] == 0


def test_ingest_record_the_store_refuses_is_quarantined_alone(store: SqlStore, tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 6, files=1)
    with (tmp_path / "in" / "part-0.jsonl").open("a") as f:
        f.write(json.dumps({"id": "bad", "text": "BADRECORD 5 killed in Homs"}) + "\n")
    progress = run(store, tmp_path / "in", batch=64)
    (bad,) = list(store.quarantined())
    assert (bad.line, bad.code, bad.article_id) == (7, "E405", "bad")
    assert progress.added == 6 and store.counts()["articles"] == 6
    assert store.runs()[-1]["added"] == 6
