"""The batch runner: ``run(articles, backend=..., workers=...)`` extracts a stream of articles, in
order, on a ``Backend``: ``LocalBackend`` (this process, or the worker pool of ``polemos.workers``)
or ``RayBackend`` (Ray Data). Ingest, the watcher and ``polemos extract`` all call ``run``. One
article that crashes the extractor, or its worker process, becomes a ``Failure``, never a stopped run.

An *extractor* is a picklable callable ``list[Article] -> list[dict | Failure]`` (contract records),
built from an import path (``"module:factory"``, with keyword arguments) where it runs (for the
pool, once, in the process its workers are forked from; for Ray, once per actor), so nothing heavy
crosses processes. ``PipelineExtractor`` (the default) wraps ``polemos.pipeline.Pipeline``; a test
names its own.

Every call runs under a time budget (``timeout`` seconds per article, ``polemos.budget``): a chunk
that raises or runs over ``timeout × its size`` is done again one article at a time, each with
``timeout``, so only the article that breaks or outlasts the extractor becomes a ``Failure`` (E117,
E118) and the rest of its chunk is kept. The budget is enforced in whichever process or thread runs
the extractor (``safe_extract``), so it holds alike for one process, a ``--workers N`` pool and Ray
actors.

Ray is an optional extra (``pip install polemos[ray]``), imported only when ``RayBackend`` runs.
"""

from __future__ import annotations

import importlib
import json
import os
import pickle
import shutil
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError, Future
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date
from functools import partial
from math import inf
from typing import Any, Protocol

from polemos import workers
from polemos.budget import WALL_FACTOR, BudgetExceeded, time_limit
from polemos.errors import BatchError, Errors, PolemosError
from polemos.store.base import Cause, Failure
from polemos.types import Article, source_location
from polemos.workers import Handler, HandlerCrash, NotStarted, Pool, TimedOut, WorkerDied, WorkerFault

Outcome = dict[str, Any] | Failure
Extractor = Callable[[list[Article]], list[Outcome]]
DEFAULT_EXTRACTOR = "polemos.batch:PipelineExtractor"


class PipelineExtractor:
    """The polemos pipeline as an extractor (one spaCy model per process that builds it)."""

    def __init__(self, batch_size: int = 8) -> None:
        from polemos.pipeline import Pipeline  # heavy: spaCy loads on first use, once per worker

        self.pipeline = Pipeline(batch_size)
        # load the model and every lazy resource now, outside any article's time budget: a budget
        # that ran out while a resource was being built would leave it half-built for the next one
        self.pipeline.warm()

    def __call__(self, articles: list[Article]) -> list[Outcome]:
        from polemos.contract.article import result_to_dict

        return [result_to_dict(r) for r in self.pipeline.process_batch(articles)]


class ResultExtractor(PipelineExtractor):
    """The pipeline's own results (``ArticleResult``, not contract records): what ``Pipeline.process``
    yields when it runs on the pool. A batch that raises is not done again one article at a time
    (as ``safe_extract`` does for ingest): each of its articles is answered with one Failure whose
    cause keeps the exception, which ``process`` raises, as it does in one process."""

    def __call__(self, articles: list[Article]) -> list[Any]:
        try:
            return self.pipeline.process_batch(articles)
        except Exception as e:  # noqa: BLE001 - raised again by Pipeline.process, in order
            return [extraction_failure(articles[0], e, keep=True)] * len(articles)


def safe_extract(extract: Extractor, articles: list[Article], timeout: float | None = None) -> list[Outcome]:
    """``extract(articles)`` within ``timeout`` seconds an article; when the chunk raises or runs
    over, again one article at a time, so only the article that breaks the extractor (or outlasts
    its budget) becomes a Failure."""
    where = articles[0].source or articles[0].id if articles else "?"
    try:
        with time_limit(timeout * len(articles) if timeout else None, where):
            return list(extract(articles))
    except Exception as e:  # noqa: BLE001 - an extractor bug must not stop the run
        if len(articles) == 1:
            return [extraction_failure(articles[0], e)]
    return [o for article in articles for o in safe_extract(extract, [article], timeout)]


def extraction_failure(article: Article, e: BaseException, *, keep: bool = False) -> Failure:
    """The Failure (E118 past the budget, else E117) for an article whose extraction raised ``e``;
    its cause says what ``e`` was, with a coded error's own code and status (the API answers with
    them) and, with ``keep``, ``e`` itself (as the pool would send it: by name if it does not pickle)."""
    where = article.source or article.id
    cause = cause_of(e, keep=keep)
    if isinstance(e, BudgetExceeded):
        return failure_of(article, str(e), e.code or "E118", cause)
    detail = str(e) if isinstance(e, WorkerFault) else f"{type(e).__name__}: {str(e)[:300]}".rstrip(": ")
    detail = detail.replace("\n", " ")
    return failure_of(article, Errors.E117.format(source=where, detail=detail), "E117", cause)


def cause_of(e: BaseException, *, keep: bool = False) -> Cause:
    """What ``e`` was: its class name and message (a coded message whole, others cut at 300
    characters), a ``PolemosError``'s code and HTTP status; with ``keep``, ``e`` itself."""
    if isinstance(e, PolemosError):
        return Cause(type(e).__name__, str(e), e.code, e.status, _portable(e) if keep else None)
    detail = e.detail if isinstance(e, WorkerDied) else str(e)[:300]
    return Cause(type(e).__name__, detail, error=_portable(e) if keep else None)


def _portable(e: BaseException) -> BaseException:
    """``e`` if it can cross processes, else its class name and message (``HandlerCrash``), as the
    worker pool sends an exception that does not pickle."""
    try:
        pickle.dumps(e)
    except Exception:  # noqa: BLE001 - an exception holding a lock, a socket, a lambda
        return HandlerCrash(type(e).__name__, str(e)[:500])
    return e


def failure_of(article: Article, reason: str, code: str | None = None, cause: Cause | None = None) -> Failure:
    path, line = source_location(article.source or article.id)
    return Failure(source=path, line=line, reason=reason, code=code, article_id=article.id, cause=cause)


def load_extractor(path: str = DEFAULT_EXTRACTOR, kwargs: dict[str, Any] | None = None) -> Extractor:
    """Build the extractor named ``module:factory`` (a class or a function returning a callable)."""
    module, _, name = path.partition(":")
    try:
        factory = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as e:
        raise BatchError(Errors.E501.format(detail=f"no extractor {path!r}: {e}")) from e
    extractor: Extractor = factory(**(kwargs or {}))
    return extractor


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _checked(chunk: list[Article], outcomes: list[Outcome]) -> Iterator[tuple[Article, Outcome]]:
    if len(outcomes) != len(chunk):
        raise BatchError(Errors.E501.format(detail=f"{len(outcomes)} results for {len(chunk)} articles"))
    yield from zip(chunk, outcomes, strict=True)


# ---- one process, or a pool ------------------------------------------------------------------------

IN_FLIGHT = 4  # chunks waiting or running per worker: a worker never idles while the next is sent
KILL_SLACK = 60.0  # seconds past a chunk's longest budget before its worker is killed


class ChunkHandler:
    """What a pool worker (``polemos.workers``) runs for ``LocalBackend``: the extractor, built once in
    the zygote its workers are forked from, on one chunk at a time within the time budget."""

    def __init__(self, extractor: str, kwargs: dict[str, Any] | None, timeout: float | None) -> None:
        self.extract = load_extractor(extractor, kwargs)
        self.timeout = timeout

    def __call__(self, chunk: list[Article]) -> list[Outcome]:
        return safe_extract(self.extract, chunk, self.timeout)


def kill_after(timeout: float | None, articles: int) -> float | None:
    """Wall-clock seconds after which a worker is killed on a chunk: a backstop far past the budget
    the worker keeps itself (CPU time, its wall-clock backstop, then one article at a time again),
    for work the budget cannot interrupt (one call into compiled code that never returns)."""
    return 2 * WALL_FACTOR * timeout * articles + KILL_SLACK if timeout else None


@dataclass(frozen=True)
class Job:
    """What a backend runs: the extractor (an import path, built where it runs, with ``kwargs``),
    how many articles go to one call of it, and each article's time budget (seconds; None: none).
    ``deadline``: wall-clock seconds an article may take before its worker is killed (None: the
    backstop ``kill_after`` sets from ``timeout``; the API sets its per-request limit here)."""

    extractor: str = DEFAULT_EXTRACTOR
    kwargs: dict[str, Any] | None = None
    chunk_size: int = 16
    timeout: float | None = None
    deadline: float | None = None

    def kill_after(self, articles: int) -> float | None:
        """Wall-clock seconds after which the worker on a chunk of ``articles`` is killed."""
        return self.deadline * articles if self.deadline else kill_after(self.timeout, articles)


class Backend(Protocol):
    """Where a ``Job`` runs. Every backend yields (article, record or failure) in input order and
    keeps the same rule for failures: an article whose extraction raises or outlasts its budget is
    a ``Failure`` (E117, E118, built by ``safe_extract`` in whatever process runs the extractor),
    never a stopped run; what cannot run at all (no such extractor, no Ray) is a ``BatchError``."""

    name: str
    workers: int

    def outcomes(self, articles: Iterable[Article], job: Job) -> Iterator[tuple[Article, Outcome]]: ...


class LocalBackend:
    """This process (one worker) or the worker pool of ``polemos.workers`` (several). A worker that
    crashes or is killed on a chunk costs no article: the chunk is done again one article at a
    time, and only the article that brings its worker down again becomes a Failure (E117, E118)."""

    name = "local"

    def __init__(self, workers: int = 1) -> None:
        self.workers = workers

    def outcomes(self, articles: Iterable[Article], job: Job) -> Iterator[tuple[Article, Outcome]]:
        if self.workers <= 1:
            extract: Extractor | None = None  # built with the first chunk: no model for a run of bad inputs
            for chunk in _chunks(articles, job.chunk_size):
                extract = extract or load_extractor(job.extractor, job.kwargs)
                yield from _checked(chunk, safe_extract(extract, chunk, job.timeout))
            return
        with self.open(job) as session:
            inflight: deque[tuple[list[Article], Future[list[Outcome]]]] = deque()
            for chunk in _chunks(articles, job.chunk_size):
                inflight.append((chunk, session.submit(chunk)))
                if len(inflight) >= self.workers * IN_FLIGHT:  # bounded read-ahead: flat memory on any corpus
                    done, future = inflight.popleft()
                    yield from _checked(done, future.result())
            while inflight:
                done, future = inflight.popleft()
                yield from _checked(done, future.result())

    def open(self, job: Job, *, nice: int = 0) -> Session:
        """``job`` on a pool of ``workers`` processes (one at least) kept open across calls, as a
        server keeps it (``polemos.api.pool``); ``nice``: the processes' priority (0: ours)."""
        return Session(self.workers, job, nice=nice)


def backend_for(
    name: str = "local",
    *,
    workers: int = 1,
    address: str | None = None,
    shard_dir: str | None = None,
    window: int = 2000,
) -> Backend:
    """The backend called ``name`` ("local" or "ray", ``Options.engine``) with these settings."""
    if name == "local":
        return LocalBackend(workers)
    if name == "ray":
        return RayBackend(workers, address=address, shard_dir=shard_dir, window=window)
    raise BatchError(Errors.E501.format(detail=f"no engine {name!r}: use local or ray"))


def run(
    articles: Iterable[Article],
    *,
    backend: str | Backend = "local",
    workers: int = 1,
    extractor: str = DEFAULT_EXTRACTOR,
    extractor_kwargs: dict[str, Any] | None = None,
    chunk_size: int = 16,
    timeout: float | None = None,
    address: str | None = None,
    shard_dir: str | None = None,
) -> Iterator[tuple[Article, Outcome]]:
    """The one way to extract a stream of articles: (article, record or failure) in input order, on
    ``backend`` (a name for ``backend_for``, with ``workers``, ``address`` and ``shard_dir``, or a
    ``Backend``); ``timeout``: seconds an article may take (None: no limit)."""
    if isinstance(backend, str):
        backend = backend_for(backend, workers=workers, address=address, shard_dir=shard_dir)
    job = Job(extractor, extractor_kwargs, chunk_size, timeout)
    return backend.outcomes(articles, job)


class Session:
    """A ``Job`` on a pool of worker processes (``polemos.workers``) kept open across calls:
    ``submit(chunk)`` gives a future of the chunk's outcomes, in order, settled by the rule of
    ``LocalBackend``: a chunk whose worker died or was killed (past ``Job.kill_after``) is done again
    one article at a time, and only the article that brings its worker down again becomes a
    Failure (E117; E118 when killed past its time). What cannot run at all is the future's
    exception: ``BatchError`` (E501), or the extractor's own coded refusal to start. The future's
    ``took`` is the seconds workers spent on the chunk. ``LocalBackend`` runs a corpus through one;
    the API keeps one for the server's life. ``close()`` (or leaving its ``with``) stops it."""

    def __init__(self, workers: int, job: Job, *, nice: int = 0) -> None:
        settings = {"extractor": job.extractor, "kwargs": job.kwargs, "timeout": job.timeout}
        self.job = job
        self.workers = max(1, workers)
        self.pool = Pool(self.workers, Handler("polemos.batch:ChunkHandler", settings, nice=nice))

    def submit(self, chunk: list[Article]) -> workers.Job:
        settled = workers.Job()
        self._send(chunk, settled)
        return settled

    def _send(self, chunk: list[Article], settled: workers.Job) -> None:
        try:
            sent = self.pool.submit(chunk, self.job.kill_after(len(chunk)))
        except RuntimeError as e:  # the session is closed
            settled.set_exception(e)
            return
        sent.add_done_callback(partial(self._settle, chunk, settled))

    def _settle(self, chunk: list[Article], settled: workers.Job, sent: Future[Any]) -> None:
        """In the pool's thread that answered ``sent``: ``settled`` gets the chunk's outcomes."""
        took = sent.took if isinstance(sent, workers.Job) else None
        try:
            got: list[Outcome] = sent.result()
        except CancelledError:
            settled.cancel()
            return
        except NotStarted as e:  # the extractor cannot be built: no article would fare better
            error = BatchError(Errors.E501.format(detail=f"the extraction workers cannot start: {e}"))
            error.__cause__ = e
            settled.set_exception(error)
            return
        except PolemosError as e:  # the extractor's own refusal to start (E501: no such extractor)
            settled.set_exception(e)
            return
        except Exception as e:  # noqa: BLE001 - a worker killed, crashed, out of memory
            if len(chunk) > 1:  # each article again alone: only the one that brings it down fails
                _gather([self.submit([a]) for a in chunk], settled, took)
                return
            got = [fault_failure(chunk[0], e, self.job.timeout)]
        if len(got) != len(chunk):
            detail = f"{len(got)} results for {len(chunk)} articles"
            settled.set_exception(BatchError(Errors.E501.format(detail=detail)))
            return
        settled.took = took
        settled.set_result(got)

    def close(self) -> None:
        self.pool.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _gather(parts: list[workers.Job], settled: workers.Job, took: float | None) -> None:
    """``settled`` gets the outcomes of ``parts`` in order once every one is done (or the first error)."""
    left = len(parts)
    lock = threading.Lock()

    def one_done(_: Future[Any]) -> None:
        nonlocal left
        with lock:
            left -= 1
            if left:
                return
        try:
            outcomes = [o for p in parts for o in p.result()]
        except CancelledError:
            settled.cancel()
        except BaseException as e:  # noqa: BLE001 - the caller's future carries it
            settled.set_exception(e)
        else:
            settled.took = (took or 0.0) + sum(p.took or 0.0 for p in parts)
            settled.set_result(outcomes)

    for part in parts:
        part.add_done_callback(one_done)


def fault_failure(article: Article, e: BaseException, timeout: float | None) -> Failure:
    """The Failure of an article whose worker was killed past its time (E118) or died (E117)."""
    where = article.source or article.id
    if isinstance(e, TimedOut) and (timeout or e.seconds):
        reason = Errors.E118.format(source=where, limit=timeout or e.seconds)
        return failure_of(article, reason, "E118", Cause(type(e).__name__, str(e)))
    return extraction_failure(article, e)


# ---- Ray Data --------------------------------------------------------------------------------------


def article_row(article: Article, seq: int) -> dict[str, Any]:
    row = asdict(article)
    row["published"] = article.published.isoformat() if article.published else None
    row["seq"] = seq
    return row


def row_article(row: dict[str, Any]) -> Article:
    published = row.get("published")
    return Article(
        id=row["id"], text=row["text"], title=row.get("title"), url=row.get("url"), outlet=row.get("outlet"),
        source=row.get("source"), published=date.fromisoformat(published) if published else None,
    )  # fmt: skip


class RayExtractor:
    """The stateful class Ray Data maps over batches: one extractor (one spaCy model) per actor."""

    def __init__(
        self,
        extractor: str = DEFAULT_EXTRACTOR,
        timeout: float | None = None,
        kwargs: dict[str, Any] | None = None,
        deadline: float | None = None,
    ) -> None:
        self.extract = load_extractor(extractor, kwargs)
        self.timeout = timeout
        self.job = Job(extractor, kwargs, timeout=timeout, deadline=deadline)

    def __call__(self, batch: Any) -> Any:
        import pyarrow as pa

        rows = batch.to_pylist()  # a pyarrow Table: None stays None (numpy batches turn it into NaN)
        # past the backstop (one call into compiled code the in-actor budget cannot interrupt) the
        # actor's process ends: Ray Data fails the window and ``_rescue`` finds the article
        with _exit_after(self.job.kill_after(len(rows))):
            outcomes = safe_extract(self.extract, [row_article(r) for r in rows], self.timeout)
        records = [json.dumps(o, ensure_ascii=False) if isinstance(o, dict) else None for o in outcomes]
        failures = [json.dumps(o.to_json()) if isinstance(o, Failure) else None for o in outcomes]
        columns = {"seq": [r["seq"] for r in rows], "record": records, "failure": failures}
        return pa.table(columns, schema=_typed(pa, OUTCOME_COLUMNS))


@contextmanager
def _exit_after(seconds: float | None) -> Iterator[None]:
    """End this process (an actor's) if the block is still running ``seconds`` from now."""
    if not seconds:
        yield
        return
    done = threading.Event()

    def watch() -> None:
        if not done.wait(seconds):
            os._exit(EXIT_PAST_DEADLINE)

    threading.Thread(target=watch, daemon=True, name="polemos-deadline").start()
    try:
        yield
    finally:
        done.set()


EXIT_PAST_DEADLINE = 118


# Column types given, not inferred: a batch whose values are all None (no failure in it, no title in
# any of its articles) would be typed null, and its shard then cannot be read beside one with strings.
ARTICLE_COLUMNS = {"id": "string", "text": "string", "title": "string", "published": "string",
                   "outlet": "string", "url": "string", "source": "string", "seq": "int64"}  # fmt: skip
OUTCOME_COLUMNS = {"seq": "int64", "record": "string", "failure": "string"}


def _typed(pa: Any, columns: dict[str, str]) -> Any:
    return pa.schema([(name, getattr(pa, kind)()) for name, kind in columns.items()])


def _local_runtime_env() -> dict[str, Any]:
    """A local cluster's workers import what this process imports: its own paths (not site-packages),
    e.g. a source checkout run with PYTHONPATH, go to the workers' PYTHONPATH."""
    own = [p for p in sys.path if p and os.path.isdir(p) and not p.startswith((sys.prefix, sys.base_prefix))]
    paths = [*own, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return {"env_vars": {"PYTHONPATH": os.pathsep.join(dict.fromkeys(paths))}}


class RayBackend:
    """Ray Data: each window of articles is mapped with ``map_batches`` over ``RayExtractor`` actors
    (``workers`` of them, one extractor each), written as Parquet shards under ``shard_dir`` (a
    temporary folder, removed after, when None), then read back in order. ``address``: a cluster to
    join (None: start a local one).

    An actor whose process dies (a segfault, the OOM killer) fails the whole Ray Data job; the
    window is then done again on actors of our own (``_rescue``) with the rule of ``LocalBackend``:
    a chunk whose actor died is done again one article at a time, and only the article that brings
    its actor down again becomes a Failure (E117); the rest of the window is kept."""

    name = "ray"

    def __init__(
        self,
        workers: int = 1,
        *,
        address: str | None = None,
        shard_dir: str | None = None,
        window: int = 2000,
    ) -> None:
        self.workers, self.address, self.shard_dir, self.window = workers, address, shard_dir, window

    def outcomes(self, articles: Iterable[Article], job: Job) -> Iterator[tuple[Article, Outcome]]:
        try:
            import pyarrow.parquet as pq
            import ray
        except ImportError as e:
            detail = "Ray is not installed: pip install 'polemos[ray]'"
            raise BatchError(Errors.E501.format(detail=detail)) from e
        cleanup, root = False, ""
        try:
            if not ray.is_initialized():
                ray.init(address=self.address, include_dashboard=False, log_to_driver=False,
                         configure_logging=False,
                         runtime_env=None if self.address else _local_runtime_env())  # fmt: skip
            ray.data.DataContext.get_current().enable_progress_bars = False
            root = self.shard_dir or tempfile.mkdtemp(prefix="polemos-ray-")
            cleanup = self.shard_dir is None  # shards the user did not ask to keep go once loaded
            buffer: list[Article] = []
            for n, article in enumerate(articles):
                buffer.append(article)
                if len(buffer) >= self.window:
                    yield from self._window(ray, pq, buffer, root, n, job)
                    buffer = []
            if buffer:
                yield from self._window(ray, pq, buffer, root, -1, job)
        except BatchError:
            raise
        except Exception as e:  # ray raises its own tree (RayError, RayTaskError, …): translate at the edge
            raise BatchError(Errors.E501.format(detail=f"Ray: {type(e).__name__}: {str(e)[:300]}")) from e
        finally:
            if cleanup:
                shutil.rmtree(root, ignore_errors=True)

    def _window(
        self, ray: Any, pq: Any, arts: list[Article], root: str, n: int, job: Job
    ) -> Iterator[tuple[Article, Outcome]]:
        out_dir = os.path.join(root, f"window-{n if n >= 0 else 'last'}-{os.getpid()}")
        import pyarrow as pa

        given = pa.Table.from_pylist([article_row(a, i) for i, a in enumerate(arts)],
                                     schema=_typed(pa, ARTICLE_COLUMNS))  # fmt: skip
        size = max(1, job.chunk_size)  # one block a chunk: every actor gets input
        ds = ray.data.from_arrow([given.slice(i, size) for i in range(0, len(given), size)])
        ds = ds.map_batches(
            RayExtractor,
            fn_constructor_kwargs={
                "extractor": job.extractor,
                "timeout": job.timeout,
                "kwargs": job.kwargs,
                "deadline": job.deadline,
            },
            batch_size=job.chunk_size,
            batch_format="pyarrow",
            concurrency=max(1, self.workers),
            # Ray Data restarts a dead actor and retries its batch for ever by default: an article that
            # kills its process would kill every restart. Fail at once and rescue the window instead.
            max_restarts=0,
        )
        try:
            ds.write_parquet(out_dir)
            table = pq.read_table(out_dir)
        except BatchError:
            raise
        except Exception:  # noqa: BLE001 - an actor died (or Ray Data failed): the window again, by hand
            shutil.rmtree(out_dir, ignore_errors=True)
            yield from zip(arts, _rescue(ray, arts, job, self.workers), strict=True)
            return
        rows = sorted(table.to_pylist(), key=lambda r: r["seq"])
        if len(rows) != len(arts):
            raise BatchError(
                Errors.E501.format(detail=f"Ray returned {len(rows)} results for {len(arts)} articles")
            )
        for row in rows:
            article = arts[row["seq"]]
            if row["record"] is not None:
                yield article, json.loads(row["record"])
            else:
                yield article, Failure.from_json(json.loads(row["failure"]))


class RayChunks:
    """The extractor on a Ray actor of ``_rescue``'s own, one chunk a call. An extractor that cannot
    be built is kept and told (``ready``), not raised: that is an E501, not a dying actor."""

    def __init__(self, extractor: str, timeout: float | None, kwargs: dict[str, Any] | None) -> None:
        self.extract: Extractor | None = None
        self.error: tuple[str | None, str] | None = None  # (code, message)
        self.timeout = timeout
        try:
            self.extract = load_extractor(extractor, kwargs)
        except PolemosError as e:  # E501: no such extractor
            self.error = (e.code, str(e))
        except Exception as e:  # noqa: BLE001 - told by ready(), raised in the driver as E501
            self.error = (None, Errors.E501.format(detail=f"{type(e).__name__}: {str(e)[:300]}"))

    def ready(self) -> tuple[str | None, str] | None:
        return self.error

    def run(self, chunk: list[Article]) -> list[Outcome]:
        assert self.extract is not None  # ready() said so before any chunk was sent
        return safe_extract(self.extract, chunk, self.timeout)


def _rescue(ray: Any, arts: list[Article], job: Job, workers: int) -> list[Outcome]:
    """A window's outcomes after Ray Data failed on it: its chunks on ``workers`` actors that are
    never restarted nor retried, so a death is seen; a chunk whose actor died, or ran past its
    wall-clock deadline (``Job.kill_after``: the actor is then killed), is done again one article
    at a time on a fresh actor, and an article whose actor died is a Failure (E117), one past its
    deadline E118, as on the local pool."""
    remote = ray.remote(max_restarts=0, max_task_retries=0)(RayChunks)

    def start() -> Any:
        actor = remote.remote(job.extractor, job.timeout, job.kwargs)
        error = ray.get(actor.ready.remote())
        if error is not None:
            ray.kill(actor)
            code, message = error
            raise BatchError(message, code=code or "E501")
        return actor

    size = max(1, job.chunk_size)
    todo = deque((at, arts[at : at + size]) for at in range(0, len(arts), size))
    out: list[Outcome | None] = [None] * len(arts)
    idle = [start() for _ in range(min(max(1, workers), len(todo)))]
    running: dict[Any, tuple[Any, int, list[Article], float]] = {}  # ref: actor, at, chunk, deadline
    try:
        while todo or running:
            while todo and idle:
                actor, (at, chunk) = idle.pop(), todo.popleft()
                limit = job.kill_after(len(chunk))
                running[actor.run.remote(chunk)] = (
                    actor,
                    at,
                    chunk,
                    time.monotonic() + limit if limit else inf,
                )
            first = min(d for *_, d in running.values())
            wait = None if first == inf else max(0.0, first - time.monotonic())
            ready, _ = ray.wait(list(running), num_returns=1, timeout=wait)
            # none ready: the first past its deadline, whose actor is killed as a local worker is
            ref = ready[0] if ready else next(r for r, (*_, d) in running.items() if d == first)
            actor, at, chunk, _deadline = running.pop(ref)
            fault: BaseException | None = None
            if not ready:
                fault = TimedOut(job.kill_after(len(chunk)) or 0.0)
            else:
                try:
                    got: list[Outcome] = ray.get(ref)
                except (ray.exceptions.RayActorError, ray.exceptions.WorkerCrashedError) as e:
                    fault = WorkerDied(f"the Ray actor's process ended ({type(e).__name__})")
            if fault is not None:
                ray.kill(actor)
                idle.append(start())
                if len(chunk) > 1:  # each article again alone, first, so the window keeps its order
                    todo.extendleft(reversed([(at + i, [a]) for i, a in enumerate(chunk)]))
                    continue
                got = [fault_failure(chunk[0], fault, job.timeout)]
            else:
                idle.append(actor)
            if len(got) != len(chunk):
                raise BatchError(Errors.E501.format(detail=f"{len(got)} results for {len(chunk)} articles"))
            out[at : at + len(chunk)] = got
    finally:
        for actor in idle + [a for a, *_ in running.values()]:
            ray.kill(actor)
    done = [o for o in out if o is not None]
    assert len(done) == len(arts)  # every chunk was answered or each of its articles again alone
    return done
