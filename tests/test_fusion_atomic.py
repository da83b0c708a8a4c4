"""Fusion under kill -9 and beside another ingest: one pass is one transaction, one ingest per store.

A process killed anywhere in a fusion pass leaves the fused tables as they were before the pass, and
the resumed pass gives exactly what an unbroken one gives (ids, members, records). A second ingest into
a store another ingest is writing to stops with E407 and exit code 4 (or waits, with ``--wait``).
Kill points come from ``POLEMOS_CRASH_AT`` (``polemos.faults``): a real SIGKILL at a named point, or
some seconds after it.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from fuse_helpers import event
from sqlalchemy import delete, select
from store_fixtures import *  # noqa: F403  (db_url, store: SQLite and PostgreSQL)
from store_fixtures import _reset_pg

from polemos.fuse import stored
from polemos.store import SqlStore
from polemos.store.base import Progress, Stored
from polemos.store.schema import fused_articles, fused_events, fused_members

TESTS = Path(__file__).parent
ROOT = TESTS.parent
HAND = "store_extractor:HandExtractor"
_PLACES = ("Jableh", "Tartus", "Aleppo", "Kabul", "Maiduguri", "Mosul")
_KEYS = ("article_id", "outlet", "published")


def _events(days: int = 240) -> list[dict[str, Any]]:
    """Incidents every few days over eight months (so fusion runs in several date slices), each told
    by two to three outlets in different words, some dated by their text and some by publication only;
    incidents near a month's end straddle two slices."""
    out = []
    first = date(2016, 1, 1)
    for n, offset in enumerate(range(0, days, 3)):
        day = first + timedelta(days=offset)
        place = _PLACES[n % len(_PLACES)]
        killed = 3 + n % 11
        tellers = [
            (
                "Wire",
                f"{killed} people were killed in a bombing in {place}",
                (day.isoformat(),) * 2 + ("day",),
            ),
            ("Post", f"A blast in {place} left {killed} dead, officials said", None),
            (
                "Times",
                f"Bombers struck {place}; at least {killed - 1} died",
                (day.isoformat(),) * 2 + ("day",),
            ),
        ][: 2 + n % 2]
        for k, (outlet, text, when) in enumerate(tellers):
            published = (day + timedelta(days=k)).isoformat()
            out.append(
                event(
                    f"a{n}-{k}",
                    text,
                    outlet=outlet,
                    published=published,
                    mode="explode",
                    places=(place,),
                    date=when,
                    killed=(killed, killed, killed),
                )  # fmt: skip
            )
    return out


def _put(store: SqlStore, evs: list[dict[str, Any]]) -> None:
    batch = []
    for ev in evs:
        record = {
            "schema": "polemos.article/1",
            "article": {
                "id": ev["article_id"],
                "title": None,
                "published": ev["published"],
                "outlet": ev["outlet"],
                "url": None,
                "language": "en",
            },  # fmt: skip
            "events": [{k: v for k, v in ev.items() if k not in _KEYS}],
            "places": [],
            "times": [],
        }
        batch.append(Stored(record, ev["evidence"]["text"]))
    store.write_batch(batch, [], run_id=None, progress=Progress())


def snapshot(store: SqlStore) -> dict[str, Any]:
    """Everything fusion writes, but the time it wrote it."""
    with store.engine.connect() as conn:
        evs = {
            r.id: (r.type, r.date_start, r.date_end, r.n_reports, json.dumps(r.record, sort_keys=True))
            for r in conn.execute(select(fused_events))
        }
        members = sorted((r.event_uid, r.fused_id) for r in conn.execute(select(fused_members)))
        unread = sorted((r.article_id, r.fused_id or "") for r in conn.execute(select(fused_articles)))
    return {"events": evs, "members": members, "unread": unread}


def _unfuse(store: SqlStore) -> None:
    with store.engine.begin() as conn:
        for table in (fused_members, fused_articles, fused_events):
            conn.execute(delete(table))


def _env(crash: str | None = None, **more: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{TESTS}", **more}
    env.pop("POLEMOS_CRASH_AT", None)
    if crash:
        env["POLEMOS_CRASH_AT"] = crash
    return env


def _fuse_in_child(url: str, crash: str) -> subprocess.CompletedProcess:
    code = (
        "from polemos.store import SqlStore; from polemos.fuse.stored import update;"
        f"update(SqlStore({url!r}))"
    )
    return subprocess.run([sys.executable, "-c", code], env=_env(crash), capture_output=True, timeout=300)


# kill points: before anything, after the first and after a later slice, before the commit, and at
# times into the pass (wherever it is then: scoring, clustering, inside a slice's writes)
KILLS = ["fuse-start", "fuse-slice:1", "fuse-slice:4", "fuse-commit", "fuse-start+0.3", "fuse-start+0.8"]


def test_fusion_pass_spans_several_slices(store: SqlStore) -> None:
    evs = _events()
    dated = sorted((e["date"]["start"], e["article_id"]) for e in evs)
    assert len(list(stored._slices(dated))) >= 5  # else the kill points below test little


@pytest.mark.parametrize("crash", KILLS)
def test_fusion_killed_anywhere_then_resumed_equals_a_clean_run(store: SqlStore, crash: str) -> None:
    _put(store, _events())
    stored.update(store)
    clean = snapshot(store)
    assert len(clean["events"]) > 50 and any(n > 1 for _, _, _, n, _ in clean["events"].values())
    _unfuse(store)
    killed = _fuse_in_child(store.url, crash)
    if killed.returncode == 0:  # the pass ended before its timer: nothing to resume
        assert crash.partition("+")[2], killed.stderr
    else:
        assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()[-2000:]
        assert snapshot(store) == {"events": {}, "members": [], "unread": []}  # nothing half-written
        stored.update(store)  # the resume
    assert snapshot(store) == clean


def test_fusion_killed_after_an_earlier_fusion_keeps_its_ids(store: SqlStore) -> None:
    """A pass over a store with fused events already: killed mid-way, it leaves them as they were,
    and the resume gives what an unbroken second pass gives."""
    evs = _events()
    _put(store, evs[: len(evs) // 2])
    stored.update(store)
    before = snapshot(store)
    _put(store, evs[len(evs) // 2 :])
    killed = _fuse_in_child(store.url, "fuse-slice:2")
    assert killed.returncode == -signal.SIGKILL
    assert snapshot(store) == before
    stored.update(store)  # the resume
    resumed = snapshot(store)
    assert len(resumed["events"]) > len(before["events"])
    _unfuse(store)
    _restore(store, before)
    assert snapshot(store) == before
    stored.update(store)  # the same second pass, never killed
    assert snapshot(store) == resumed


def _restore(store: SqlStore, snap: dict[str, Any]) -> None:
    from datetime import UTC, datetime

    now = datetime.now(UTC)
    with store.engine.begin() as conn:
        rows = [
            {
                "id": fid,
                "type": t,
                "date_start": s,
                "date_end": e,
                "n_reports": n,
                "record": json.loads(r),
                "updated_at": now,
            }  # fmt: skip
            for fid, (t, s, e, n, r) in snap["events"].items()
        ]
        if rows:
            conn.execute(fused_events.insert(), rows)
        if snap["members"]:
            conn.execute(
                fused_members.insert(), [{"event_uid": u, "fused_id": f} for u, f in snap["members"]]
            )
        if snap["unread"]:
            conn.execute(
                fused_articles.insert(), [{"article_id": a, "fused_id": f or None} for a, f in snap["unread"]]
            )


def test_fusion_of_dates_at_the_ends_of_the_calendar(store: SqlStore) -> None:
    """Year 1 and year 9999 are dates: the windows around them are clamped, never an OverflowError."""
    evs = [
        event(
            "old",
            "3 people were killed in Aleppo",
            published="0001-01-02",
            places=("Aleppo",),
            date=("0001-01-01", "0001-01-01", "day"),
            killed=(3, 3, 3),
        ),  # fmt: skip
        event(
            "far",
            "4 people were killed in Mosul",
            published="9999-12-30",
            places=("Mosul",),
            date=("9999-12-31", "9999-12-31", "day"),
            killed=(4, 4, 4),
        ),  # fmt: skip
        event("farpub", "5 people were killed in Kabul", published="9999-12-31", places=("Kabul",)),
    ]
    _put(store, evs)
    assert stored.update(store).fused_events == 3
    records = stored.fused(store, sorted(snapshot(store)["events"]))
    assert sorted(r["date"]["start"] for r in records) == ["0001-01-01", "9999-12-24", "9999-12-31"]
    assert stored.update(store).new == 0


def test_fused_record_of_a_date_without_a_start_is_no_date_string() -> None:
    from polemos.fuse import fuse

    ev = event("x", "3 people were killed in Aleppo", published="2016-05-02", places=("Aleppo",))
    ev["date"] = {"start": None, "end": None, "precision": "day", "text": "that day", "basis": "text"}
    (record,) = fuse([ev])
    assert "None" not in json.dumps(record["date"])
    assert record["date"]["start"] == "2016-04-25"  # the publication window instead


# ---- the command line: `polemos ingest` killed in fusion, and two ingests into one store -------------


def _corpus(folder: Path, n: int = 60) -> Path:
    """Articles for the hand extractor over five months: the same deaths told twice a few days apart."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "news.jsonl"
    with path.open("w") as f:
        for i in range(n):
            day = date(2016, 1, 1) + timedelta(days=(i // 2) * 5 + i % 2)
            place = ("Homs", "Hama", "Idlib", "Daraa")[i // 2 % 4]
            text = f"Report {i}\n{i // 2 % 9 + 2} people were killed in {place}."
            f.write(json.dumps({"id": f"r{i}", "text": text, "outlet": f"Outlet{i % 2}",
                                "published": day.isoformat()}) + "\n")  # fmt: skip
    return path


# `polemos ingest` itself, with the hand extractor in place of the pipeline (the store is under test)
_CLI = (
    "import functools, sys; import polemos.ingest as i;"
    f"i.Options = functools.partial(i.Options, extractor={HAND!r}, batch_size=8, chunk_size=4);"
    "from polemos.cli import main; sys.argv = ['polemos', 'ingest', *sys.argv[1:]]; main()"
)


def _ingest(url: str, *args: str, crash: str | None = None, **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", _CLI, *args, "--db", url],
        env=_env(crash, **env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _done(proc: subprocess.Popen, timeout: float = 300) -> tuple[int, str]:
    _, err = proc.communicate(timeout=timeout)
    return proc.returncode, err


def _clean_store(db_url: str, corpus: Path) -> dict[str, Any]:
    code, err = _done(_ingest(db_url, str(corpus)))
    assert code == 0, err
    store = SqlStore(db_url)
    snap = snapshot(store)
    store.close()
    return snap


@pytest.mark.parametrize("crash", ["fuse-start", "fuse-slice:2", "fuse-commit", "fuse-start+0.2"])
def test_cli_ingest_killed_in_fusion_then_resumed_equals_a_clean_run(
    db_url: str, tmp_path: Path, crash: str
) -> None:
    corpus = _corpus(tmp_path / "in")
    clean = _clean_store(db_url, corpus)
    assert len(clean["events"]) >= 20 and any(n > 1 for _, _, _, n, _ in clean["events"].values())
    other = db_url.replace("polemos.db", "killed.db") if db_url.startswith("sqlite") else db_url
    if other == db_url:  # PostgreSQL: one schema, so start it over
        _reset_pg(db_url)
    code, err = _done(_ingest(other, str(corpus), crash=crash))
    assert code in (-signal.SIGKILL, 0), err
    store = SqlStore(other)
    if code == -signal.SIGKILL:
        # the pass left nothing behind, or all of it: a timed kill may land after the commit
        assert snapshot(store)["members"] in ([], clean["members"])
    code, err = _done(_ingest(other, str(corpus)))  # the resume: nothing to extract, fusion again
    assert code == 0, err
    assert snapshot(store) == clean
    store.close()


def _articles(url: str) -> int:
    store = SqlStore(url)
    try:
        return store.counts()["articles"]
    finally:
        store.close()


def _holding(db_url: str, corpus: Path) -> subprocess.Popen:
    """An ingest that holds the store for a while: it pauses 10 s once its fusion pass has begun."""
    SqlStore(db_url).close()  # the schema exists before two processes open the store
    first = _ingest(db_url, str(corpus), POLEMOS_PAUSE_AT="fuse-start+10")
    deadline = time.monotonic() + 120
    while _articles(db_url) < 60:  # its articles are stored: it is in fusion or just before it
        assert first.poll() is None, first.communicate()[1]
        assert time.monotonic() < deadline
        time.sleep(0.1)
    return first


def test_cli_second_ingest_into_a_busy_store_exits_4_with_one_line(db_url: str, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in")
    first = _holding(db_url, corpus)
    code, err = _done(_ingest(db_url, str(corpus)))
    assert code == 4, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error [E407] another ingest is writing to"), err
    assert "Traceback" not in err and "--wait" in lines[0]
    assert "pid " in lines[0] and "None" not in lines[0]  # it names who holds the store
    code, err = _done(first)
    assert code == 0, err
    store = SqlStore(db_url)
    snap = snapshot(store)
    counts = store.counts()
    store.close()
    assert counts["articles"] == 60
    assert {u for u, _ in snap["members"]} and set(snap["events"]) == {f for _, f in snap["members"]}
    assert all(n > 0 for _, _, _, n, _ in snap["events"].values())  # no fused row without members


def test_cli_second_ingest_with_wait_runs_after_the_first(db_url: str, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in")
    more = _corpus(tmp_path / "more", 70)  # ten articles the first ingest does not have
    first = _holding(db_url, corpus)
    second = _ingest(db_url, str(more), "--wait")
    code1, err1 = _done(first)
    code2, err2 = _done(second)
    assert (code1, code2) == (0, 0), err1 + err2
    assert "waiting for another ingest" in err2
    store = SqlStore(db_url)
    snap = snapshot(store)
    assert store.counts()["articles"] == 70
    assert len(snap["members"]) == store.counts()["events"] == 70  # every report fused
    store.close()
    assert set(snap["events"]) == {f for _, f in snap["members"]}  # no fused row without members


def test_ingest_lock_is_released_when_its_holder_is_killed(db_url: str, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in")
    code, _ = _done(_ingest(db_url, str(corpus), crash="fuse-start"))
    assert code == -signal.SIGKILL
    code, err = _done(_ingest(db_url, str(corpus)))  # no stale lock: the resume runs at once
    assert code == 0, err


def test_readers_list_events_while_an_ingest_holds_the_store(db_url: str, tmp_path: Path) -> None:
    """`polemos events` does not wait for an ingest's fusion pass: it lists what is fused."""
    corpus = _corpus(tmp_path / "in")
    first = _holding(db_url, corpus)
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "polemos", "events", "--db", db_url, "--format", "jsonl", "--limit", "0"],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert time.monotonic() - start < 6  # less than the pass's pause: it did not wait
    assert first.poll() is None or first.returncode == 0
    assert _done(first)[0] == 0


@pytest.mark.slow
def test_real_pipeline_ingest_killed_in_fusion_then_resumed_equals_a_clean_run(tmp_path: Path) -> None:
    """`python -m polemos ingest` with the real extractor, killed after its first date slice."""
    towns = ("Aleppo", "Mosul", "Kabul", "Maiduguri")
    phrasings = (
        "A car bomb killed {n} people in {town} on {weekday}, a local official said.",
        "At least {n} civilians died when a bomb exploded at a market in {town} on {weekday}.",
        "Gunmen attacked a checkpoint near {town} on {weekday}, killing {n} soldiers, the army said.",
    )
    weekdays = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    corpus = tmp_path / "news.jsonl"
    with corpus.open("w") as f:
        for i in range(24):
            day = date(2017, 1, 2) + timedelta(days=i * 9 + (i % 2))
            n, town = 4 + i // 2 % 5, towns[i // 2 % 4]
            text = phrasings[i % 3].format(n=n, town=town, weekday=weekdays[(day.weekday() - 1) % 7])
            f.write(json.dumps({"id": f"n{i}", "text": text, "outlet": f"Outlet{i % 3}",
                                "published": day.isoformat()}) + "\n")  # fmt: skip

    def ingest(db: Path, crash: str | None = None) -> int:
        cmd = [sys.executable, "-m", "polemos", "ingest", str(corpus), "--db", str(db)]
        return subprocess.run(cmd, env=_env(crash), capture_output=True, timeout=900).returncode

    assert ingest(tmp_path / "clean.db") == 0
    assert ingest(tmp_path / "killed.db", crash="fuse-slice:1") == -signal.SIGKILL
    assert ingest(tmp_path / "killed.db") == 0
    clean, resumed = SqlStore(str(tmp_path / "clean.db")), SqlStore(str(tmp_path / "killed.db"))
    assert len(list(stored._slices(sorted((r[1] or "", r[0]) for r in _dated(clean))))) >= 2
    assert snapshot(resumed) == snapshot(clean) and snapshot(clean)["events"]
    clean.close()
    resumed.close()


def _dated(store: SqlStore) -> list[tuple[str, str | None]]:
    from polemos.store.schema import events

    with store.engine.connect() as conn:
        return [(r.uid, r.date_start) for r in conn.execute(select(events.c.uid, events.c.date_start))]
