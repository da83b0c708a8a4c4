"""Worker processes that load a handler once, and the one pool that the batch runner (``polemos.batch``:
batch extraction, ``Pipeline.process`` and the API's extraction all go through it) runs on.

- A **handler** is named ``"module:factory"`` with keyword arguments (``Handler``): the factory builds,
  once per process, a callable ``payload -> answer`` (an extractor with its spaCy model loaded).
- ``Worker.call(payload, timeout)`` sends one payload to one process and returns the answer. Past
  ``timeout`` seconds of wall-clock time the process is killed (its memory goes with it) and
  ``TimedOut`` raised; a process that exits mid-call (a crash, out of memory, ``kill -9``) raises
  ``WorkerDied`` with its exit status. Either way the next call starts a fresh process. What the
  handler raises comes back raised, as itself (``HandlerCrash``, its class name and message, when it
  does not pickle).
- ``Pool(size, handler)``: ``size`` workers fed from one queue by one thread each;
  ``submit(payload, timeout)`` gives a ``concurrent.futures.Future``. ``close()`` (or leaving its
  ``with``, collecting it, the interpreter's exit) stops every process it started.

**Start-up.** On POSIX the workers are forked from a *zygote*: a process started clean with
``python -c`` (so no thread of the caller, a progress display or a web server, is
copied mid-lock), which builds the handler once and then forks a worker whenever the pool asks. A
worker so starts warm in milliseconds, shares the model's memory pages with its siblings, and a
worker killed past its budget is replaced at the same cost. Without ``fork`` (Windows) each worker
is a spawned process that builds the handler itself. The zygote and its workers end when the pool's
end of their socket closes, even if the pool's process was killed.
"""

from __future__ import annotations

import contextlib
import os
import queue
import socket
import threading
import time
import weakref
from concurrent.futures import Future
from multiprocessing.connection import Connection
from typing import Any

from polemos.workers.process import (
    START_TIMEOUT,
    Handler,
    HandlerCrash,
    NotStarted,
    TimedOut,
    WorkerDied,
    WorkerFault,
    Zygote,
    answer_of,
    exit_detail,
    spawned_main,
)

__all__ = ["Handler", "HandlerCrash", "Job", "NotStarted", "Pool", "TimedOut", "Worker", "WorkerDied",
           "WorkerFault"]  # fmt: skip

# ---- one worker -------------------------------------------------------------------------------------


class Worker:
    """One worker process, talked to by one thread at a time; started on the first call."""

    def __init__(self, spec: Handler, zygote: Zygote | None = None) -> None:
        self.spec = spec
        self.zygote = zygote
        self.conn: Connection | None = None
        self.pid: int | None = None
        self._spawned: Any = None  # the multiprocessing Process, without a zygote
        self.started = 0  # processes started so far (a test reads it)

    @property
    def alive(self) -> bool:
        return self.conn is not None

    def start(self) -> None:
        if self.zygote is not None:
            mine, theirs = socket.socketpair()
            try:
                with theirs:
                    self.pid = self.zygote.request({"op": "fork"}, [theirs.fileno()])["pid"]
            except BaseException:
                mine.close()
                raise
            self.conn = Connection(mine.detach())
        else:
            self._spawn()
        self.started += 1

    def _spawn(self) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")
        mine, theirs = ctx.Pipe()
        proc = ctx.Process(target=spawned_main, args=(theirs, self.spec), daemon=True)
        proc.start()
        theirs.close()
        self._spawned, self.pid, self.conn = proc, proc.pid, mine
        if not mine.poll(START_TIMEOUT):
            self.stop()
            raise NotStarted("it did not start: no answer")
        try:
            kind, value = mine.recv()
        except (EOFError, OSError) as e:
            raise NotStarted(f"it did not start: {exit_detail(self.stop())}") from e
        if kind != "ok":
            self.stop()
            answer_of(kind, value)

    def call(self, payload: Any, timeout: float | None = None) -> Any:
        """The handler's answer to ``payload``; past ``timeout`` seconds the process is killed."""
        if self.conn is not None and self.conn.poll(0):  # idle, yet readable: it exited meanwhile
            self._reap()
        if self.conn is None:
            self.start()
        assert self.conn is not None
        try:
            self.conn.send(payload)
            if timeout is not None and not self.conn.poll(timeout):
                self.stop()
                raise TimedOut(timeout)
            kind, value = self.conn.recv()
        except (EOFError, OSError) as e:
            raise WorkerDied(exit_detail(self._reap())) from e
        return answer_of(kind, value)

    def _reap(self) -> int | None:
        """The exit status of a process whose end of the channel closed (it has exited)."""
        return self._end(kill=False)

    def stop(self) -> int | None:
        """Kill the process (if any) and wait for it; its exit status."""
        return self._end(kill=True)

    def _end(self, *, kill: bool) -> int | None:
        conn, self.conn = self.conn, None
        pid, self.pid = self.pid, None
        proc, self._spawned = self._spawned, None
        status = None
        if proc is not None:
            if kill:
                proc.kill()
            proc.join()
            status = proc.exitcode
        elif pid is not None and self.zygote is not None:
            with contextlib.suppress(WorkerFault):
                status = self.zygote.request({"op": "kill" if kill else "wait", "pid": pid})["status"]
        if conn is not None:
            conn.close()
        return status


# ---- the pool ---------------------------------------------------------------------------------------

_STOP = object()


class Job(Future[Any]):
    """A submitted payload's future; ``took``: the seconds its worker spent on it, once done."""

    took: float | None = None


class Pool:
    """``size`` workers of one handler; ``submit(payload, timeout)`` → Future of the answer.

    ``start``: "fork" (a zygote forks warm workers; POSIX) or "spawn" (each worker builds the handler);
    None picks fork where the platform has it."""

    def __init__(self, size: int, handler: Handler, *, start: str | None = None) -> None:
        self.size = max(1, size)
        self.handler = handler
        fork = hasattr(os, "fork") and hasattr(socket, "send_fds") and start != "spawn"
        self.zygote = Zygote(handler) if fork else None
        self.workers = [Worker(handler, self.zygote) for _ in range(self.size)]
        self._jobs: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._closed = False
        self._threads = [
            threading.Thread(target=_feed, args=(self._jobs, w), daemon=True, name=f"polemos-worker-{i}")
            for i, w in enumerate(self.workers)
        ]
        for t in self._threads:
            t.start()
        # processes stop with the pool: closed, collected, or at the interpreter's exit
        self._finalizer = weakref.finalize(self, _shutdown, self._jobs, self.workers, self._threads,
                                           self.zygote)  # fmt: skip

    def submit(self, payload: Any, timeout: float | None = None) -> Job:
        """The handler's answer to ``payload`` (or what the call met: ``TimedOut``, ``WorkerDied``,
        ``NotStarted``, the handler's exception), from the next free worker, in submission order."""
        if self._closed:
            raise RuntimeError("the pool is closed")
        future = Job()
        self._jobs.put((future, payload, timeout))
        return future

    def pids(self) -> list[int]:
        """The processes running now: the zygote (if any) and the started workers."""
        found = [w.pid for w in self.workers if w.pid is not None]
        if self.zygote is not None and self.zygote.proc is not None and self.zygote.known():
            found.insert(0, self.zygote.proc.pid)
        return found

    def close(self) -> None:
        self._closed = True
        self._finalizer()

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _feed(jobs: queue.SimpleQueue[Any], worker: Worker) -> None:
    """One pool thread: its worker answers one job after another until the pool stops."""
    while True:
        job = jobs.get()
        if job is _STOP:
            return
        future, payload, timeout = job
        if not future.set_running_or_notify_cancel():
            continue
        t0 = time.monotonic()
        try:
            answer = worker.call(payload, timeout)
        except BaseException as e:  # noqa: BLE001 - every outcome goes to the caller's future
            future.took = time.monotonic() - t0
            future.set_exception(e)
        else:
            future.took = time.monotonic() - t0
            future.set_result(answer)


def _shutdown(jobs: queue.SimpleQueue[Any], workers: list[Worker], threads: list[threading.Thread],
              zygote: Zygote | None) -> None:  # fmt: skip
    pending: list[Any] = []
    with contextlib.suppress(queue.Empty):
        while True:
            pending.append(jobs.get_nowait())
    for job in pending:
        if job is not _STOP:
            job[0].cancel()
    for _ in threads:
        jobs.put(_STOP)
    for w in workers:  # a call in progress meets the end of its channel and returns
        pid, proc = w.pid, w._spawned
        if proc is not None:
            proc.kill()
        elif pid is not None and zygote is not None:
            with contextlib.suppress(WorkerFault):
                zygote.request({"op": "kill", "pid": pid})
    deadline = time.monotonic() + 10
    for t in threads:
        if t is not threading.current_thread():
            t.join(max(0.0, deadline - time.monotonic()))
    for w in workers:
        w.stop()
    if zygote is not None:
        zygote.close()
