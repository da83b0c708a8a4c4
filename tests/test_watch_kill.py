"""`polemos watch --once` as users run it (a subprocess), killed with kill -9 mid-round and run again:
nothing lost, nothing doubled; its one-line summary and exit codes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_fixtures import *  # noqa: F403
from watch_server import Route, Server, add_stories

from polemos.store import SqlStore
from polemos.store.changes import changes_since
from polemos.watch.state import WatchState

REPO = Path(__file__).resolve().parent.parent
EXTRACTOR = "watch_server:DatedExtractor"


@pytest.fixture
def server() -> Iterator[Server]:
    s = Server()
    yield s
    s.close()


def watch(
    db_url: str, *sources: str, delay: float = 0.0, wait: bool = True
) -> subprocess.Popen | subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "polemos", "watch", *sources, "--once", "--db", db_url, "--per-host", "0",
           "--retry", "0", "--timeout", "5s", "--batch-size", "5", "--extractor", EXTRACTOR]  # fmt: skip
    env = {
        **os.environ,
        "PYTHONPATH": f"{REPO}{os.pathsep}{REPO / 'tests'}",
        "POLEMOS_TEST_DELAY": str(delay),
    }
    if not wait:
        return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)


def test_watch_kill_9_mid_round_then_restart_loses_and_doubles_nothing(db_url: str, server: Server) -> None:
    feeds = [f"/feed-{f}.rss" for f in range(3)]
    for f, feed in enumerate(feeds):
        add_stories(server, feed, list(range(20 * f, 20 * f + 20)), prefix=f"/news{f}")
    urls = [server.url(f) for f in feeds]
    store = SqlStore(db_url)
    proc = watch(db_url, *urls, delay=0.05, wait=False)
    deadline = time.monotonic() + 120
    while store.counts()["articles"] < 12:
        assert proc.poll() is None, "the watcher exited early"
        assert time.monotonic() < deadline, "the watcher made no progress"
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    before = store.counts()["articles"]
    assert 12 <= before < 60  # killed mid-round
    done = watch(db_url, *urls)  # the restart: every feed answers 304 now, the pending items are read
    assert done.returncode == 0, done.stderr
    assert "3 unchanged" in done.stderr.splitlines()[-1]
    counts = store.counts()
    assert (counts["articles"], counts["events"], counts["fused_events"]) == (60, 60, 60)
    assert WatchState(store).item_counts() == {"done": 60}
    assert max(n for p, n in server.hits.items() if p.startswith("/news")) <= 2  # at most re-read once
    found, _, _ = changes_since(store, 0, 10_000)
    added = [c["id"] for c in found if c["op"] == "added"]
    assert len(added) == len(set(added)) == 60 and {c["op"] for c in found} == {"added"}
    again = watch(db_url, *urls)  # a third round: nothing new
    assert again.returncode == 0 and store.counts()["articles"] == 60
    assert "0 added" in again.stderr.splitlines()[-1]
    store.close()


def test_watch_cli_summary_and_exit_codes(db_url: str, server: Server) -> None:
    add_stories(server, "/feed.rss", [1, 2])
    server.routes["/down.rss"] = Route(status=500)
    ok = watch(db_url, server.url("/feed.rss"))
    assert ok.returncode == 0, ok.stderr
    line = ok.stderr.splitlines()[-1]
    assert line.startswith("round 1: 1 sources (1 ok") and "2 new items" in line and "2 added" in line
    bad = watch(db_url, server.url("/feed.rss"), server.url("/down.rss"))
    assert bad.returncode == 1
    assert any("failed: " + server.url("/down.rss") in x and "HTTP 500" in x for x in bad.stderr.splitlines())
    assert "1 failed" in bad.stderr.splitlines()[-1]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    cmd = [sys.executable, "-m", "polemos", "watch", "--status", "--db", db_url]
    shown = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert shown.returncode == 0, shown.stderr
    down = next(x for x in shown.stdout.splitlines() if server.url("/down.rss") in x)
    assert down.startswith("failed") and "1 failure(s) in a row" in down and "HTTP 500" in down
    assert "feed items: 2 done" in shown.stderr


def test_watch_every_runs_rounds_until_sigterm(tmp_path: Path, server: Server) -> None:
    add_stories(server, "/feed.rss", [1])
    db = f"sqlite:///{tmp_path / 'w.db'}"
    log = tmp_path / "watch.log"
    cmd = [sys.executable, "-m", "polemos", "watch", server.url("/feed.rss"), "--every", "1s", "--db", db,
           "--per-host", "0", "--extractor", EXTRACTOR]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{REPO / 'tests'}"}
    with log.open("w") as err:
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        deadline = time.monotonic() + 60
        while log.read_text().count("\nround ") + log.read_text().startswith("round ") < 3:
            assert proc.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
        add_stories(server, "/feed.rss", [1, 2])  # appears while it watches
        while log.read_text().count("1 new items") < 2:  # round 1 read one; a later round the new one
            assert proc.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    text = log.read_text()
    assert "round 1: 1 sources (1 ok" in text and "1 unchanged" in text and "watch: stopped after" in text
    assert SqlStore(db).counts()["articles"] == 2
