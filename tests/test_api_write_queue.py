"""At most ``write_queue`` ``POST /articles`` in the server at once (``create_app(write_queue=…)``,
``polemos serve --write-queue``): one more is answered 503 E616 with ``Retry-After`` before its body
is read, and nothing is stored; reads and ``POST /extract`` are not held back by it.

The extraction pool is a stand-in whose extractions wait at a gate the test opens, so requests stay
in the server as long as the test needs; no model is loaded.
"""

from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from api_fixtures import Client
from store_fixtures import TEXT, make_record

from polemos.api import create_app
from polemos.api.writes import WRITE_QUEUE, WriteQueue, WritesBusy
from polemos.errors import PolemosError

AUTH = {"Authorization": "Bearer s3cret"}


class _GatedPool:
    """The extraction pool's stand-in: every extraction waits for ``gate``, then gives ``record``."""

    workers = 1

    def __init__(self, record: dict[str, Any]) -> None:
        self.record = record
        self.gate = threading.Event()

    async def extract(self, fields: dict[str, Any]) -> dict[str, Any]:
        await asyncio.to_thread(self.gate.wait, 60)
        return self.record

    def busy(self) -> None:
        return None

    def close(self) -> None:
        self.gate.set()


def _app(tmp_path: Path, write_queue: int) -> tuple[Any, _GatedPool]:
    app = create_app(f"sqlite:///{tmp_path / 'w.db'}", token="s3cret", write_queue=write_queue)
    pool = _GatedPool(make_record("kup"))
    app.state.pool = pool
    return app, pool


def _until(check: Any, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "the requests never got in"
        time.sleep(0.02)


def test_a_post_beyond_the_write_queue_is_refused_with_503_e616_and_retry_after(tmp_path: Path) -> None:
    app, pool = _app(tmp_path, 2)
    api = Client(app)
    writes: WriteQueue = app.state.writes
    with ThreadPoolExecutor(2) as threads:
        held: list[Future[Any]] = [
            threads.submit(api.post, "/articles", json={"id": "kup", "text": TEXT}, headers=AUTH)
            for _ in range(2)
        ]
        _until(lambda: writes.pending == 2)
        for body in ({"id": "other", "text": TEXT}, {"not": "even valid"}):  # refused before it is read
            refused = api.post("/articles", json=body, headers=AUTH)
            assert refused.status_code == 503, refused.text
            answer = refused.json()
            assert (answer["ok"], answer["status"], answer["code"]) == (False, 503, "E616")
            assert answer["error"].startswith("the server is busy: 2 articles")
            assert 1 <= int(refused.headers["Retry-After"]) <= 300
        assert api.get("/health").status_code == 200  # reads are not held back
        assert api.get("/events").status_code == 200
        pool.gate.set()
        answers = [f.result(timeout=60) for f in held]
    assert sorted(a.status_code for a in answers) == [201, 201], [a.text for a in answers]
    assert sorted(a.json()["added"] for a in answers) == [False, True]  # the same text: stored once
    assert writes.pending == 0
    store = app.state.store
    assert store.counts()["articles"] == 1 and list(store.quarantined()) == []
    again = api.post("/articles", json={"id": "kup", "text": TEXT}, headers=AUTH)
    assert again.status_code == 201, again.text  # the places are free again
    store.close()


def test_a_place_is_given_back_when_the_request_fails(tmp_path: Path) -> None:
    app, pool = _app(tmp_path, 1)
    pool.gate.set()
    api = Client(app)
    for _ in range(3):  # no token: 401, each time with its place back
        assert api.post("/articles", json={"id": "kup", "text": TEXT}).status_code == 401
    assert app.state.writes.pending == 0
    assert api.post("/articles", json={"id": "kup", "text": TEXT}, headers=AUTH).status_code == 201
    app.state.store.close()


def test_write_queue_admits_its_limit_and_refuses_one_more() -> None:
    queue = WriteQueue(2)
    first, second = queue.enter(), queue.enter()
    assert queue.pending == 2 and isinstance(queue.busy(), WritesBusy)
    with pytest.raises(WritesBusy) as refused:
        queue.enter()
    e = refused.value
    assert isinstance(e, PolemosError) and (e.code, e.status) == ("E616", 503)
    assert e.retry_after == 5  # no request finished yet: the first estimate
    queue.leave(first)
    assert queue.busy() is None and queue.pending == 1
    queue.leave(second)
    assert queue._mean < 5.0  # two quick requests bring the estimate down
    assert WriteQueue(0).limit == 1  # a queue always admits one


def test_serve_passes_write_queue_to_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    import polemos.cli.serve as serve
    from polemos.cli import app as cli

    seen: list[dict[str, Any]] = []
    monkeypatch.setattr(serve, "_run", lambda db, host, port, token, limits, allowed: seen.append(limits))
    assert CliRunner().invoke(cli, ["serve", "--write-queue", "3"]).exit_code == 0
    assert CliRunner().invoke(cli, ["serve"]).exit_code == 0
    assert [s["write_queue"] for s in seen] == [3, WRITE_QUEUE] == [3, 16]
    assert CliRunner().invoke(cli, ["serve", "--write-queue", "0"]).exit_code == 2  # a usage error
