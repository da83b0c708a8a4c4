"""The one worker pool (``polemos.workers``): warm workers, a budget that kills, crashes that cost one
call, order kept in batch extraction, nothing left running after the pool closes. Hand-made
handlers (``worker_handlers``), no model; both ways of starting a worker (forked from a zygote, and
spawned where fork is missing)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from polemos import batch
from polemos.errors import BatchError, ReadError
from polemos.store.base import Failure
from polemos.types import Article
from polemos.workers import Handler, HandlerCrash, NotStarted, Pool, TimedOut, WorkerDied

ECHO = Handler("worker_handlers:Echo")
EXITING = "worker_handlers:ExitingExtractor"


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    # a zombie is not running: only its parent can reap it, and a pool reaps all its processes
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()[0] == "Z"


@pytest.fixture(params=["fork", "spawn"])
def pool(request: pytest.FixtureRequest) -> Iterator[Pool]:
    with Pool(2, ECHO, start=request.param) as p:
        yield p


def test_pool_answers_in_submission_order(pool: Pool) -> None:
    jobs = [pool.submit(("echo", i)) for i in range(20)]
    assert [j.result(60) for j in jobs] == list(range(20))


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_worker_past_its_budget_is_killed_and_the_next_call_works(start: str) -> None:
    with Pool(1, ECHO, start=start) as p:
        pid = p.submit(("pid", None)).result(60)
        started = time.monotonic()
        with pytest.raises(TimedOut) as caught:
            p.submit(("sleep", 300), 0.5).result(120)
        assert caught.value.seconds == 0.5 and time.monotonic() - started < 100  # not the 300 s asked
        assert gone(pid) and not p.workers[0].alive
        assert [p.submit(("echo", n)).result(60) for n in ("a", "b", "c")] == ["a", "b", "c"]
        assert p.submit(("pid", None)).result(60) != pid and p.workers[0].started == 2


def test_a_crashed_worker_is_one_error_and_the_pool_goes_on(pool: Pool) -> None:
    with pytest.raises(WorkerDied, match="exit code 3"):
        pool.submit(("exit", 3)).result(60)
    after = [pool.submit(("echo", i)) for i in range(6)]
    assert [j.result(60) for j in after] == list(range(6))


def test_what_the_handler_raises_comes_back_raised(pool: Pool) -> None:
    with pytest.raises(ReadError) as refused:
        pool.submit(("refuse", "x.txt")).result(60)
    assert refused.value.code == "E101" and str(refused.value).startswith("[E101] x.txt: empty input")
    with pytest.raises(RuntimeError, match="boom"):
        pool.submit(("raise", "boom")).result(60)
    with pytest.raises(HandlerCrash, match="cannot be sent"):  # an answer that cannot cross processes
        pool.submit(("unpicklable", None)).result(60)
    assert pool.submit(("echo", "still here")).result(60) == "still here"


def test_forked_workers_share_the_handler_built_once() -> None:
    with Pool(2, ECHO, start="fork") as p:
        jobs = [p.submit(("sleep", 0.3)) for _ in range(4)]
        [j.result(60) for j in jobs]
        built = {p.submit(("built", None)).result(60) for _ in range(6)}
        workers = {w.pid for w in p.workers}
        assert p.zygote is not None and p.zygote.proc is not None
        assert built == {p.zygote.proc.pid}  # built in the zygote, not in each worker
        assert len(workers) == 2 and not workers & built


def test_a_handler_that_cannot_be_built_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLEMOS_TEST_BUILD_FAILS", "1")
    for start in ("fork", "spawn"):
        with Pool(1, ECHO, start=start) as p, pytest.raises(ReadError, match=r"^\[E101\] handler"):
            p.submit(("echo", 1)).result(120)
    with Pool(1, Handler("worker_handlers:NoSuchHandler")) as p, pytest.raises(AttributeError):
        p.submit(("echo", 1)).result(120)


def test_closing_the_pool_leaves_no_process() -> None:
    for start in ("fork", "spawn"):
        p = Pool(2, ECHO, start=start)
        jobs = [p.submit(("sleep", 0.2)) for _ in range(4)]
        [j.result(60) for j in jobs]
        running = p.submit(("sleep", 300))  # one still busy when the pool closes
        time.sleep(0.3)
        pids = p.pids()
        assert len(pids) == (3 if start == "fork" else 2)
        p.close()
        assert all(gone(pid) for pid in pids), pids
        with pytest.raises((WorkerDied, NotStarted)):
            running.result(30)
        with pytest.raises(RuntimeError):
            p.submit(("echo", 1))


# ---- batch extraction on the pool -------------------------------------------------------------------


def _articles(*texts: str) -> list[Article]:
    return [Article(id=f"a{i}", text=t, source=f"in.jsonl:{i + 1}") for i, t in enumerate(texts)]


def _kinds(found: list[tuple[Article, batch.Outcome]]) -> list[str]:
    return ["record" if isinstance(o, dict) else o.code or "?" for _, o in found]


def test_batch_worker_crash_is_one_e117_and_order_is_kept() -> None:
    texts = [f"{i + 2} killed in Homs." for i in range(9)]
    texts[4] = "EXIT 9 killed in Hama."
    found = list(batch.run(_articles(*texts), extractor=EXITING, workers=2, chunk_size=3, timeout=30))
    assert [a.id for a, _ in found] == [f"a{i}" for i in range(9)]
    assert _kinds(found) == ["record"] * 4 + ["E117"] + ["record"] * 4
    failure = found[4][1]
    assert isinstance(failure, Failure) and (failure.line, failure.article_id) == (5, "a4")
    assert failure.reason == (
        "[E117] in.jsonl:5: extraction failed (the worker process stopped: exit code 7); "
        "the other articles go on"
    )
    assert "\n" not in failure.reason
    for (article, outcome), i in zip(found, range(9), strict=True):
        if i != 4:
            assert isinstance(outcome, dict) and outcome["article"]["id"] == article.id


def test_batch_worker_the_budget_cannot_stop_is_killed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "KILL_SLACK", 1.0)  # the backstop, soon after the in-worker budget
    texts = ["3 killed in Homs.", "HANG 4 killed in Hama.", "5 killed in Idlib.", "6 killed in Gao."]
    found = list(batch.run(_articles(*texts), extractor=EXITING, workers=2, chunk_size=2,
                           timeout=0.05))  # fmt: skip
    assert _kinds(found) == ["record", "E118", "record", "record"]
    assert found[1][1].reason.startswith("[E118] in.jsonl:2: extraction took more than 0.05 s")  # type: ignore[union-attr]


def test_batch_extractor_that_cannot_start_stops_the_run() -> None:
    with pytest.raises(BatchError) as caught:
        list(batch.run(_articles("3 killed in Homs."), extractor="no_such_module:X", workers=2))
    assert caught.value.code == "E501" and "no extractor 'no_such_module:X'" in str(caught.value)


# ---- the API's pool on the same workers -------------------------------------------------------------


def test_api_pool_turns_what_the_runner_meets_into_coded_errors() -> None:
    """The API's pool is the batch runner's session (one article a chunk): a kill past the request's
    time is E612, a worker that dies E613, an extractor that raises E609, a bad field its own code."""
    from polemos.api import pool as api_pool

    extract = api_pool.ExtractPool(1, 2, timeout=0.5, extractor=EXITING)

    async def ask(text: str, **fields: object) -> dict[str, object]:
        return await extract.extract({"text": text, **fields})

    try:
        with pytest.raises(api_pool.TimedOut) as late:
            asyncio.run(ask("HANG 4 killed in Hama."))
        assert late.value.code == "E612" and "0.5 s" in str(late.value)
        assert not any(w.alive for w in extract.pool.workers)  # killed, its memory freed
        record = asyncio.run(ask("3 killed in Homs.", id="next", published="2016-05-23"))
        assert record["article"] == {**record["article"], "id": "next", "published": "2016-05-23"}  # type: ignore[dict-item]
        with pytest.raises(api_pool.WorkerDied) as died:
            asyncio.run(ask("EXIT 9 killed in Gao."))
        assert died.value.code == "E613" and "exit code 7" in str(died.value)
        with pytest.raises(api_pool.PipelineCrash) as crash:
            asyncio.run(ask("CRASH 4 killed in Hama."))
        assert crash.value.code == "E609" and "RuntimeError" in str(crash.value)
        with pytest.raises(ReadError) as refused:
            asyncio.run(ask("5 killed in Idlib.", published="soon"))
        assert refused.value.code == "E109"
        with pytest.raises(ReadError):
            asyncio.run(ask("  "))  # E101: read as polemos.extract reads it, before it takes a place
        assert asyncio.run(ask("5 killed in Idlib."))["events"] and extract.pending == 0
    finally:
        extract.close()


def test_a_pool_whose_process_is_killed_leaves_no_process(tmp_path: Path) -> None:
    script = (
        "import os, signal, sys\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from polemos.workers import Handler, Pool\n"
        "p = Pool(2, Handler('worker_handlers:Echo'))\n"
        "jobs = [p.submit(('sleep', 0.2)) for _ in range(4)]\n"
        "[j.result(60) for j in jobs]\n"
        "print(' '.join(map(str, p.pids())), flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert run.returncode == -9, run.stderr
    pids = [int(p) for p in run.stdout.split()]
    assert len(pids) == 3
    deadline = time.monotonic() + 30
    while not all(gone(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert all(gone(pid) for pid in pids), pids
