"""The bounded pool heavy requests run in (``POST /extract``, ``POST /articles``), apart from reads.

Reads are served by the event loop and its thread pool; extraction runs in worker processes
(``polemos.api.worker``), fed by this pool's own threads, one per process, so no extract load takes
a thread, a lock or a core that reads need. A request is admitted when fewer than ``workers +
queue`` are running or waiting; beyond that it is refused at once (``Busy``: 429 with Retry-After).
Each extraction has a time budget: a worker past it is killed (its memory goes with it) and the
next request starts a fresh one (``TimedOut``: 503). A process, not a thread, because only a
process can be stopped mid-parse, and a parse holds the interpreter's lock that reads would wait on.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import os
import queue
import selectors
import subprocess
import sys
import threading
import time
import weakref
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from polemos import errors as polemos_errors
from polemos.errors import Errors, PolemosError, code_of

log = logging.getLogger("polemos.api")
START_TIMEOUT = 300.0  # seconds for a worker to load the pipeline (a first run may build the gazetteer)


class PoolError(Exception):
    """What the pool answers instead of a record; ``code`` is its message's (E609, E611-E613)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.code = code_of(message)


class Busy(PoolError):
    """The pool is full: ``retry_after`` seconds is when a slot is likely free."""

    def __init__(self, waiting: int, retry_after: int) -> None:
        super().__init__(Errors.E611.format(waiting=waiting, seconds=retry_after))
        self.retry_after = retry_after


class TimedOut(PoolError):
    def __init__(self, seconds: float) -> None:
        super().__init__(Errors.E612.format(seconds=f"{seconds:g}"))


class PipelineCrash(PoolError):
    """The pipeline raised something unexpected in the worker (answered as E609, like any crash)."""

    def __init__(self, name: str) -> None:
        super().__init__(Errors.E609.format(name=name))


class WorkerDied(PoolError):
    def __init__(self, detail: str) -> None:
        super().__init__(Errors.E613.format(detail=detail))


class _Worker:
    """One extraction process, talked to by one thread at a time."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen[bytes] | None = None
        self.buffer = b""

    def _start(self) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "polemos.api.worker"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, bufsize=0,
        )  # fmt: skip
        self.buffer = b""
        ready = self._read(START_TIMEOUT)
        if not ready.get("ready"):
            self.stop()
            raise WorkerDied("it did not start")

    def call(self, fields: dict[str, Any], timeout: float) -> dict[str, Any]:
        if self.proc is None or self.proc.poll() is not None:
            self._start()
        assert self.proc is not None and self.proc.stdin is not None
        line = json.dumps({"fields": fields}, ensure_ascii=True) + "\n"
        try:
            self.proc.stdin.write(line.encode("ascii"))
            self.proc.stdin.flush()
        except OSError as e:
            self.stop()
            raise WorkerDied(f"cannot write to it: {e.strerror}") from e
        return self._read(timeout)

    def _read(self, timeout: float) -> dict[str, Any]:
        """The next line the worker writes, within ``timeout`` seconds; else the worker is stopped."""
        assert self.proc is not None and self.proc.stdout is not None
        deadline = time.monotonic() + timeout
        fd = self.proc.stdout.fileno()
        with selectors.DefaultSelector() as sel:
            sel.register(fd, selectors.EVENT_READ)
            while b"\n" not in self.buffer:
                left = deadline - time.monotonic()
                if left <= 0 or not sel.select(left):
                    self.stop()
                    raise TimedOut(timeout)
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    code = self.proc.wait()
                    self.stop()
                    raise WorkerDied(f"exit code {code}")
                self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        return json.loads(line)  # type: ignore[no-any-return]

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        for pipe in (proc.stdin, proc.stdout):
            if pipe is not None:
                pipe.close()


class ExtractPool:
    """``await pool.extract(fields)``: ``polemos.extract(**fields)`` in a worker, within the bounds."""

    def __init__(self, workers: int = 1, queue_size: int = 8, timeout: float = 60.0) -> None:
        self.workers = max(1, workers)
        self.queue_size = max(0, queue_size)
        self.timeout = timeout
        self._lock = threading.Lock()
        self._pending = 0
        self._mean = 5.0  # seconds per extraction, a running mean: the Retry-After estimate
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._all = [_Worker() for _ in range(self.workers)]
        for w in self._all:
            self._idle.put(w)
        self._threads = ThreadPoolExecutor(self.workers, thread_name_prefix="polemos-extract")
        # workers stop with the pool: when the app is closed, collected, or the interpreter exits
        self._finalizer = weakref.finalize(self, _stop, self._threads, self._all)

    @property
    def pending(self) -> int:
        """Extractions running or waiting."""
        return self._pending

    def busy(self) -> Busy | None:
        """The refusal a request would get now, or None when it would be admitted."""
        with self._lock:
            return self._busy()

    def _busy(self) -> Busy | None:
        if self._pending < self.workers + self.queue_size:
            return None
        rounds = math.ceil((self._pending + 1) / self.workers)
        return Busy(self._pending, max(1, min(300, math.ceil(self._mean * rounds))))

    def _admit(self) -> None:
        with self._lock:
            if refused := self._busy():
                raise refused
            self._pending += 1

    def _release(self, _: Future[Any]) -> None:
        with self._lock:
            self._pending -= 1

    def _run(self, fields: dict[str, Any]) -> dict[str, Any]:
        worker = self._idle.get()
        t0 = time.monotonic()
        try:
            answer = worker.call(fields, self.timeout)
        finally:
            self._idle.put(worker)
            took = time.monotonic() - t0
            with self._lock:
                self._mean = 0.8 * self._mean + 0.2 * took
        if "ok" in answer:
            return answer["ok"]  # type: ignore[no-any-return]
        error = answer.get("error") or {}
        cls = getattr(polemos_errors, str(error.get("type")), None)
        if isinstance(cls, type) and issubclass(cls, PolemosError):
            raise cls(error.get("message", ""), code=error.get("code"))
        raise PipelineCrash(str(error.get("message") or "unknown"))

    async def extract(self, fields: dict[str, Any]) -> dict[str, Any]:
        self._admit()
        try:
            future = self._threads.submit(self._run, fields)
        except RuntimeError:  # shut down
            self._release(Future())
            raise
        future.add_done_callback(self._release)
        return await asyncio.wrap_future(future)

    def close(self) -> None:
        self._finalizer()


HEAVY = (("POST", "/extract"), ("POST", "/articles"))


class Admission:
    """ASGI middleware: a heavy request meets a full pool with 429 before its body is read or parsed,
    so a flood of large refused requests costs the server next to nothing (reads share its core)."""

    def __init__(self, app: ASGIApp, pool: ExtractPool) -> None:
        self.app = app
        self.pool = pool

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and (scope.get("method"), scope.get("path")) in HEAVY:
            refused = self.pool.busy()
            if refused is not None:
                from polemos.api.errors import retry_later

                response = retry_later(429, str(refused), refused.retry_after, refused.code)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _stop(threads: ThreadPoolExecutor, workers: list[_Worker]) -> None:
    threads.shutdown(wait=False, cancel_futures=True)
    for w in workers:
        w.stop()
