"""The bounded pool heavy requests run in (``POST /extract``, ``POST /articles``), apart from reads.

Reads are served by the event loop and its thread pool; extraction runs in the worker pool of
``polemos.workers`` (the one batch extraction uses too; the handler is ``polemos.api.worker``), fed
by that pool's own threads, one per process, so no extract load takes a thread, a lock or a core
that reads need. A request is admitted when fewer than ``workers + queue`` are running or waiting;
beyond that it is refused at once (``Busy``: 429 with Retry-After). Each extraction has a time
budget: a worker past it is killed (its memory goes with it) and the next request gets a fresh one,
forked warm (``TimedOut``: 503); a worker that dies mid-request is ``WorkerDied`` (500, E613). A
process, not a thread, because only a process can be stopped mid-parse, and a parse holds the
interpreter's lock that reads would wait on. This module turns what the pool meets into the API's
coded errors.
"""

from __future__ import annotations

import asyncio
import logging
import math
import threading
from concurrent.futures import Future
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from polemos import workers
from polemos.api.worker import NICENESS
from polemos.api.writes import WriteQueue, WritesBusy
from polemos.errors import Errors, PolemosError, code_of
from polemos.workers import Handler, Pool

log = logging.getLogger("polemos.api")


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


class ExtractPool:
    """``await pool.extract(fields)``: ``polemos.extract(**fields)`` in a worker, within the bounds."""

    def __init__(
        self, workers: int = 1, queue_size: int = 8, timeout: float = 60.0, handler: Handler | None = None
    ) -> None:
        self.workers = max(1, workers)
        self.queue_size = max(0, queue_size)
        self.timeout = timeout
        self._lock = threading.Lock()
        self._pending = 0
        self._mean = 5.0  # seconds per extraction, a running mean: the Retry-After estimate
        # workers start (warm, forked from one process that loaded the pipeline) on the first request
        self.pool = Pool(self.workers, handler or Handler("polemos.api.worker:ExtractHandler", nice=NICENESS))

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

    def _release(self, future: Future[Any]) -> None:
        with self._lock:
            self._pending -= 1
            took = future.took if isinstance(future, workers.Job) else None
            if took is not None:
                self._mean = 0.8 * self._mean + 0.2 * took

    async def extract(self, fields: dict[str, Any]) -> dict[str, Any]:
        self._admit()
        try:
            future = self.pool.submit(fields, self.timeout)
        except RuntimeError:  # shut down
            self._release(Future())
            raise
        future.add_done_callback(self._release)
        try:
            return await asyncio.wrap_future(future)
        except workers.TimedOut as e:
            raise TimedOut(e.seconds) from e
        except workers.WorkerDied as e:
            raise WorkerDied(e.detail) from e
        except PolemosError:
            raise  # the library's coded refusal (E109 a bad date, ...), answered as it is
        except workers.HandlerCrash as e:
            raise PipelineCrash(e.name) from e
        except Exception as e:  # the pipeline's bug: 500 with its class name, the log has the rest
            raise PipelineCrash(type(e).__name__) from e

    def close(self) -> None:
        self.pool.close()


WRITE = ("POST", "/articles")
HEAVY = (("POST", "/extract"), WRITE)


class Admission:
    """ASGI middleware: a heavy request meets a full pool with 429 before its body is read or parsed,
    so a flood of large refused requests costs the server next to nothing (reads share its core)."""

    def __init__(self, app: ASGIApp, pool: ExtractPool, writes: WriteQueue | None = None) -> None:
        self.app = app
        self.pool = pool
        self.writes = writes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        route = (scope.get("method"), scope.get("path")) if scope["type"] == "http" else None
        if route not in HEAVY:
            await self.app(scope, receive, send)
            return
        from polemos.api.errors import retry_later

        refused = self.pool.busy()
        if refused is not None:
            response = retry_later(429, str(refused), refused.retry_after, refused.code)
            await response(scope, receive, send)
            return
        if route != WRITE or self.writes is None:
            await self.app(scope, receive, send)
            return
        # a POST /articles holds its place from here to its answer: extraction, then the store's lock
        try:
            started = self.writes.enter()
        except WritesBusy as full:
            await retry_later(full.status, str(full), full.retry_after, full.code)(scope, receive, send)
            return
        try:
            await self.app(scope, receive, send)
        finally:
            self.writes.leave(started)
