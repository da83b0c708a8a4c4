"""The bounded pool heavy requests run in (``POST /extract``, ``POST /articles``), apart from reads.

Reads are served by the event loop and its thread pool; extraction goes through the batch runner
(``polemos.batch``): a ``Session`` of ``LocalBackend`` kept open for the server's life, on the worker
pool of ``polemos.workers`` that ``polemos ingest`` uses too, with the same extractor
(``PipelineExtractor``), one article a chunk. The pool's own threads feed it, one per process, so no
extract load takes a thread, a lock or a core that reads need. A request's fields are read as
``polemos.extract`` reads them (``text_article``: E101, E109, ... answered as they are) before it
takes a place. It is admitted when fewer than ``workers + queue`` are running or waiting
(``polemos.api.places``); beyond that it is refused at once (``Busy``: 429 with Retry-After). Each
extraction has a time budget (``Job.deadline``): a worker past it is killed (its memory goes with
it) and the next request gets a fresh one, forked warm (``TimedOut``: 503); a worker that dies
mid-request is ``WorkerDied`` (500, E613), an extractor that raises ``PipelineCrash`` (500, E609),
unless what it raised is a coded error (a ``PolemosError``): that is answered with its own code and
status (``Refused``), as it would be raised in the server.
A process, not a thread, because only a process can be stopped mid-parse, and a parse holds the
interpreter's lock that reads would wait on. This module turns the runner's outcome for the
request's article (its record, or a ``Failure`` saying what broke it) into the API's coded errors.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import Future
from functools import partial
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from polemos import workers
from polemos.api.places import Places
from polemos.api.writes import WriteQueue, WritesBusy
from polemos.batch import DEFAULT_EXTRACTOR, Job, LocalBackend, Outcome
from polemos.errors import BatchError, Errors, PolemosError, code_of
from polemos.pipeline import text_article
from polemos.store.base import Cause, Failure

log = logging.getLogger("polemos.api")
NICENESS = 10  # the workers' priority: on a busy machine the server's reads come before extraction


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


class Refused(PolemosError):
    """A coded error the extractor raised on the request's article, from the runner's ``Failure``
    (its ``cause``): its message, code and HTTP status, answered as the error itself would be."""

    def __init__(self, cause: Cause) -> None:
        super().__init__(cause.detail, code=cause.code, status=cause.status)
        self.name = cause.name  # the error's class (ReadError, ExtractError, ...)


class ExtractPool:
    """``await pool.extract(fields)``: the record of ``polemos.extract(**fields)``, extracted by the
    batch runner in a worker, within the bounds. ``extractor`` (an import path, ``polemos.batch``):
    what the workers run, the pipeline unless a test names its own."""

    def __init__(
        self,
        workers: int = 1,
        queue_size: int = 8,
        timeout: float = 60.0,
        *,
        extractor: str = DEFAULT_EXTRACTOR,
        kwargs: dict[str, Any] | None = None,
    ) -> None:
        self.workers = max(1, workers)
        self.queue_size = max(0, queue_size)
        self.timeout = timeout
        self.places = Places(self.workers + self.queue_size, Busy, servers=self.workers)
        # no in-worker budget: past ``timeout`` seconds of wall-clock time the worker is killed;
        # workers start (warm, forked from one process that built the extractor) on the first request
        job = Job(extractor, kwargs, chunk_size=1, timeout=None, deadline=timeout)
        self.session = LocalBackend(self.workers).open(job, nice=NICENESS)

    @property
    def pool(self) -> workers.Pool:
        return self.session.pool

    @property
    def pending(self) -> int:
        """Extractions running or waiting."""
        return self.places.pending

    def busy(self) -> Busy | None:
        """The refusal a request would get now, or None when it would be admitted."""
        return self.places.busy()

    def _release(self, started: float, future: Future[Any]) -> None:
        self.places.leave(started, future.took if isinstance(future, workers.Job) else None)

    async def extract(self, fields: dict[str, Any]) -> dict[str, Any]:
        article = text_article(fields)  # the request's own fault (E101, E109, ...): no place taken
        started = self.places.enter()
        future = self.session.submit([article])
        future.add_done_callback(partial(self._release, started))
        try:
            (outcome,) = await asyncio.wrap_future(future)
        except BatchError as e:
            if isinstance(e.__cause__, workers.NotStarted):  # no worker could start: as one dying
                raise WorkerDied(e.__cause__.detail) from e
            raise
        except PolemosError:
            raise  # the extractor's coded refusal to start (a missing model), answered as it is
        except Exception as e:  # the session closed, or a bug of ours: 500 with its class name
            raise PipelineCrash(type(e).__name__) from e
        return self._answer(outcome)

    def _answer(self, outcome: Outcome) -> dict[str, Any]:
        """The record, or the API's error for what broke the extraction (``Failure.cause``)."""
        if not isinstance(outcome, Failure):
            return outcome
        cause = outcome.cause or Cause("", outcome.reason)
        if outcome.code == "E118":
            raise TimedOut(self.timeout)
        if cause.name in ("WorkerDied", "NotStarted"):
            raise WorkerDied(cause.detail)
        if cause.code is not None:  # the pipeline's own coded error (E108 ...): its code and status
            raise Refused(cause)
        log.error("extraction failed: %s", outcome.reason)  # the details E609 points to
        raise PipelineCrash(cause.name or "Exception")

    def close(self) -> None:
        self.session.close()


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
