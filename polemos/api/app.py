"""``create_app``: the one FastAPI application that serves the JSON API and the dashboard."""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager

from fastapi import FastAPI

from polemos import __version__
from polemos.api import security
from polemos.api.changes import router as changes_router
from polemos.api.errors import BodyLimit, install_handlers
from polemos.api.pool import Admission, ExtractPool
from polemos.api.routes import router
from polemos.api.security import Guard
from polemos.api.writes import WRITE_QUEUE, WriteQueue
from polemos.errors import StoreError
from polemos.store.base import Store
from polemos.store.stats import refresh_planner_stats

log = logging.getLogger("polemos.api")

MAX_BODY = 2_000_000  # bytes: a long news article is ~0.1 MB; JSON escaping can double it
# characters of text one request may send to extraction: ~8 s and ~550 MB of one worker on a long
# (98k-character) text; a 990k-character one took 131 s and 3.2 GB
MAX_CHARS = 100_000
# seconds POST /articles waits for another writer of the store (a `polemos ingest`) to finish; then
# 503 E407 with Retry-After, where a client's own timeout (often 30-60 s) would have cut it off blind
STORE_WAIT = 30.0


def create_app(
    db_url: str | None = None,
    token: str | None = None,
    *,
    max_body: int = MAX_BODY,
    max_chars: int = MAX_CHARS,
    extract_workers: int = 1,
    extract_queue: int = 8,
    extract_timeout: float = 60.0,
    store_wait: float = STORE_WAIT,
    write_queue: int = WRITE_QUEUE,
    allowed_hosts: Iterable[str] | None = None,
) -> FastAPI:
    """The app over the store at ``db_url`` (no store: only /extract, /health and the paste page work).

    ``token`` protects every write (``POST /articles``); it defaults to the ``POLEMOS_TOKEN``
    environment variable, and with neither set, writes are refused. Reads need no token.
    Extraction (``POST /extract``, ``POST /articles``) runs in ``extract_workers`` processes with
    ``extract_queue`` more requests waiting at most (429 beyond), ``extract_timeout`` seconds and
    ``max_chars`` characters of text per request (503 and 413 beyond). ``POST /articles`` waits
    ``store_wait`` seconds at most for another writer of the store (a ``polemos ingest``) to finish,
    then answers 503 (E407) with ``Retry-After``; nothing is stored. At most ``write_queue``
    ``POST /articles`` are in the server at once (extracting or waiting for the store); one more is
    answered 503 (E616) with ``Retry-After`` before its body is read. Requests whose Host is not
    localhost, 127.0.0.1, ::1, one of ``allowed_hosts`` or of ``POLEMOS_ALLOWED_HOSTS`` get 400
    (``*`` allows any).
    """
    from polemos.store import open_store
    from polemos.web import mount_web

    store = open_store(db_url) if db_url else None
    if store is not None:
        refresh_planner_stats(store)
        _note_unfused(store)  # reads never fuse: every write path fused what it stored

    pool = ExtractPool(extract_workers, extract_queue, extract_timeout)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()
        if store is not None:
            store.close()

    app = FastAPI(
        title="polemos",
        version=__version__,
        description="Conflict news as verifiable event data: extract, store and browse events with "
        "the evidence behind every field. Reads are open; writes need `Authorization: Bearer <token>`.",
        lifespan=lifespan,
        docs_url=None,  # /docs is polemos.web's, with Swagger UI from the package (no CDN)
        redoc_url=None,  # ReDoc would load from a CDN; /docs and /openapi.json cover it
    )
    app.state.store = store
    app.state.fused = store is not None  # serve fused events (False: report by report)
    app.state.pool = pool
    app.state.max_chars = max_chars
    app.state.store_wait = store_wait
    app.state.token = token if token is not None else (os.environ.get("POLEMOS_TOKEN") or None)
    install_handlers(app)
    app.include_router(router)
    app.include_router(changes_router)  # GET /changes (issue 14)
    mount_web(app)
    app.state.writes = writes = WriteQueue(write_queue)
    app.add_middleware(Admission, pool=pool, writes=writes)  # inside the body limit and the Guard
    app.add_middleware(BodyLimit, limit=max_body)
    app.add_middleware(Guard, hosts=security.allowed_hosts(allowed_hosts))  # outermost: added last
    return app


def _note_unfused(store: Store) -> None:
    """One warning when the store holds reports no fused event has taken in (written by an older
    polemos, which fused at read time): they are not served until ``polemos events fuse``."""
    from polemos.fuse.stored import pending

    try:
        n = pending(store)
    except StoreError as e:
        log.warning("cannot tell whether every stored report is fused: %s", e)
        return
    if n:
        log.warning("%d stored report(s) are not fused yet; 'polemos events fuse' fuses them (GET /health"
                    " counts them as unfused_reports)", n)  # fmt: skip
