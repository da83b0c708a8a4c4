"""``POST /articles`` beside a long ``polemos ingest``: it waits a bounded time for the store's ingest
lock (``create_app(store_wait=…)``, ``polemos serve --store-wait``), then answers 503 E407 with
``Retry-After`` and stores nothing; once the holder lets go the same request is stored.

The lock is held by another process (a small Python child, ``ingest_lock`` until it reads a line),
on SQLite and PostgreSQL; the extraction pool is a stand-in, so no model is loaded.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from api_fixtures import Client
from store_fixtures import *  # noqa: F403  (db_url: SQLite and PostgreSQL)
from store_fixtures import TEXT, make_record

from polemos.api import create_app
from polemos.errors import StoreBusy
from polemos.store import SqlStore
from polemos.store.lock import ingest_lock

ROOT = Path(__file__).resolve().parent.parent
AUTH = {"Authorization": "Bearer s3cret"}
_HOLD = (
    "import sys\n"
    "from polemos.store import SqlStore\n"
    "from polemos.store.lock import ingest_lock\n"
    "store = SqlStore(sys.argv[1])\n"
    "with ingest_lock(store):\n"
    "    print('held', flush=True)\n"
    "    sys.stdin.readline()\n"
    "store.close()\n"
)


class _Pool:
    """The extraction pool's stand-in: every text extracts to ``record``."""

    workers = 1

    def __init__(self, record: dict[str, Any]) -> None:
        self.record = record

    async def extract(self, fields: dict[str, Any]) -> dict[str, Any]:
        return self.record

    def busy(self) -> None:
        return None

    def close(self) -> None:
        pass


class _Holder:
    """Another process holding the store's ingest lock until ``release()``."""

    def __init__(self, url: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        pipe = subprocess.PIPE
        self.proc = subprocess.Popen([sys.executable, "-c", _HOLD, url], stdin=pipe, stdout=pipe,
                                     stderr=pipe, text=True, env=env)  # fmt: skip
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        assert line.strip() == "held", self.proc.communicate()[1]

        self._once = threading.Lock()

    def release(self) -> None:
        """Let go of the lock and wait for the process to end (again: nothing more)."""
        with self._once:
            if self.proc.returncode is None:
                _, err = self.proc.communicate("\n", timeout=60)
                assert self.proc.returncode == 0, err


@pytest.fixture
def holder(db_url: str) -> Iterator[_Holder]:
    SqlStore(db_url).close()  # the schema exists before two processes open the store
    held = _Holder(db_url)
    yield held
    held.release()


def _app(db_url: str, store_wait: float) -> Any:
    app = create_app(db_url, token="s3cret", store_wait=store_wait)
    app.state.pool = _Pool(make_record("kup"))
    return app


def test_post_articles_behind_a_held_store_answers_503_with_retry_after(db_url: str, holder: _Holder) -> None:
    app = _app(db_url, 0.5)
    api = Client(app)
    start = time.monotonic()
    answer = api.post("/articles", json={"id": "kup", "text": TEXT}, headers=AUTH)
    took = time.monotonic() - start
    assert answer.status_code == 503, answer.text
    assert answer.headers["Retry-After"] == "1"
    body = answer.json()
    assert (body["ok"], body["status"], body["code"]) == (False, 503, "E407")
    assert body["error"].startswith("another ingest is writing to") and "try again later" in body["error"]
    assert "--wait" not in body["error"] and "pid " in body["error"]
    assert "polemos.db" not in body["error"] and "127.0.0.1" not in body["error"]  # no file, no host
    assert 0.5 <= took < 15, "it waited its bound, no more"
    store = app.state.store
    assert store.counts()["articles"] == 0 and store.runs() == [] and list(store.quarantined()) == []
    holder.release()
    again = api.post("/articles", json={"id": "kup", "text": TEXT}, headers=AUTH)
    assert again.status_code == 201, again.text
    assert again.json()["added"] is True and store.counts()["articles"] == 1
    store.close()


def test_post_articles_waits_for_a_holder_that_lets_go_within_the_bound(db_url: str, holder: _Holder) -> None:
    app = _app(db_url, 60)
    threading.Timer(1.0, holder.release).start()
    start = time.monotonic()
    answer = Client(app).post("/articles", json={"id": "kup", "text": TEXT}, headers=AUTH)
    assert answer.status_code == 201, answer.text
    assert 0.9 <= time.monotonic() - start < 30
    assert app.state.store.counts()["articles"] == 1
    app.state.store.close()


def test_post_articles_with_no_wait_is_refused_at_once(db_url: str, holder: _Holder) -> None:
    app = _app(db_url, 0)
    start = time.monotonic()
    answer = Client(app).post("/articles", json={"id": "kup", "text": TEXT}, headers=AUTH)
    assert answer.status_code == 503 and answer.json()["code"] == "E407"
    assert int(answer.headers["Retry-After"]) >= 1
    assert time.monotonic() - start < 5
    app.state.store.close()


@pytest.mark.parametrize("wait", [0.3, 1.2])
def test_ingest_lock_bounded_wait_gives_up_at_its_deadline(db_url: str, holder: _Holder, wait: float) -> None:
    store = SqlStore(db_url)
    waited: list[str] = []
    start = time.monotonic()
    with pytest.raises(StoreBusy) as refused, ingest_lock(store, wait=wait, on_wait=waited.append):
        pytest.fail("the lock is held by another process")
    took = time.monotonic() - start
    assert wait <= took < wait + 5
    assert len(waited) == 1 and waited[0].startswith(("pid ", "server pid ", "holder gone"))
    assert refused.value.code == "E407" and refused.value.status == 503 and refused.value.exit_code == 4
    assert refused.value.retry_after == (1 if wait < 1 else 2)
    store.close()


def test_ingest_lock_without_wait_refuses_at_once_with_the_cli_advice(db_url: str, holder: _Holder) -> None:
    store = SqlStore(db_url)
    waited: list[str] = []
    start = time.monotonic()
    with pytest.raises(StoreBusy) as refused, ingest_lock(store, wait=False, on_wait=waited.append):
        pytest.fail("the lock is held by another process")
    assert time.monotonic() - start < 5 and waited == []
    assert "run this one after it, or give --wait" in str(refused.value)
    assert refused.value.retry_after is None
    holder.release()
    with ingest_lock(store, wait=0.5):  # free now: taken at once
        pass
    store.close()


def test_ingest_lock_wait_true_waits_for_as_long_as_the_holder_holds(db_url: str, holder: _Holder) -> None:
    store = SqlStore(db_url)
    waited: list[str] = []
    threading.Timer(1.5, holder.release).start()
    start = time.monotonic()
    with ingest_lock(store, wait=True, on_wait=waited.append):
        assert time.monotonic() - start >= 1.4
    assert len(waited) == 1
    store.close()


def test_serve_passes_store_wait_to_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    import polemos.cli.serve as serve
    from polemos.api.app import STORE_WAIT
    from polemos.cli import app as cli

    seen: list[dict[str, Any]] = []
    monkeypatch.setattr(serve, "_run", lambda db, host, port, token, limits, allowed: seen.append(limits))
    assert CliRunner().invoke(cli, ["serve", "--store-wait", "2.5"]).exit_code == 0
    assert CliRunner().invoke(cli, ["serve"]).exit_code == 0
    assert [s["store_wait"] for s in seen] == [2.5, STORE_WAIT] == [2.5, 30.0]
    assert CliRunner().invoke(cli, ["serve", "--store-wait", "-1"]).exit_code == 2  # a usage error
