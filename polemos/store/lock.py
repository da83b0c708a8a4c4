"""Locks that keep two writers of one store from stepping on each other, and that die with their holder.

- ``ingest_lock``: one ``polemos ingest`` per store at a time. The second refuses at once with
  ``StoreBusy`` (E407; the CLI exits 4), with ``wait=True`` waits for the first to finish, and with
  ``wait=<seconds>`` (``POST /articles``) waits that long at most, then refuses. SQLite:
  an exclusive ``flock`` on ``<database>-ingest.lock`` beside the file (the file stays; the lock does
  not); PostgreSQL: a session advisory lock on a connection held for the run. The kernel drops a flock
  and the server drops an advisory lock when the holder dies, so a run killed with ``kill -9`` never
  leaves a stale lock behind for its resume.
- ``fusion_transaction``: the one transaction a fusion pass runs in (every slice of it, so ``kill -9``
  leaves the store as it was before the pass). SQLite takes its write lock up front (``BEGIN
  IMMEDIATE``); PostgreSQL a transaction advisory lock, so two passes never interleave.
"""

from __future__ import annotations

import contextlib
import math
import os
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from polemos.errors import Errors, StoreBusy
from polemos.store.engine import SQLITE_BUSY_MS, is_sqlite, redact
from polemos.store.errors import translated as _translated

if TYPE_CHECKING:
    from polemos.store.sql import SqlStore

try:
    import fcntl
except ImportError:  # not POSIX: SQLite ingests are not locked against each other there
    fcntl = None  # type: ignore[assignment]

# PostgreSQL advisory locks are per database: the key pairs one of these constants (b"pol1", b"pol2")
# with a hash of the schema, so stores in two schemas of one database do not lock each other
INGEST_KEY = 0x706F6C31
FUSION_KEY = 0x706F6C32
_SCHEMA = "hashtext(current_schema())"

# what E407 tells a second ``polemos ingest`` that did not wait
RUN_AFTER = "run this one after it, or give --wait"
_POLL_FIRST, _POLL_MOST = 0.01, 0.2  # seconds between tries of a bounded wait: doubling up to 0.2


def _bound(wait: bool | float) -> float | None:
    """How long to wait for the lock: None (``True``) for ever, 0 (``False``, 0) not at all, else seconds."""
    if wait is True:
        return None
    return max(0.0, float(wait or 0))


def _poll(take: Callable[[], bool], seconds: float) -> bool:
    """Try ``take()`` until it succeeds or ``seconds`` have passed (short sleeps between tries)."""
    deadline = time.monotonic() + seconds
    pause = _POLL_FIRST
    while True:
        if take():
            return True
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        time.sleep(min(pause, left))
        pause = min(pause * 2, _POLL_MOST)


def _busy(store: SqlStore, holder: str, waited: float | None = None) -> StoreBusy:
    """E407: refused at once (the command line's advice), or after waiting ``waited`` seconds in vain
    (a retry in as many seconds: the API's ``Retry-After``)."""
    if waited is None:
        return StoreBusy(Errors.E407.format(url=redact(store.url), holder=holder, advice=RUN_AFTER))
    advice = f"waited {waited:g} s for it to finish; try again later"
    return StoreBusy(Errors.E407.format(url=redact(store.url), holder=holder, advice=advice),
                     retry_after=max(1, math.ceil(waited)))  # fmt: skip


def _sqlite_file(url: str) -> str | None:
    database = make_url(url).database
    return None if not database or database == ":memory:" or database.startswith("file:") else database


_PG_HOLDER = text(
    "SELECT min(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2"
    " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
    f" AND classid::bigint = :k AND objid::bigint = ({_SCHEMA}::bigint & 4294967295)"
)


def _pg_holder(conn: Any) -> str | None:
    """Who holds the ingest lock of this schema ("server pid N"), or None."""
    pid = conn.scalar(_PG_HOLDER, {"k": INGEST_KEY})
    conn.commit()
    return None if pid is None else f"server pid {pid}"


def ingest_holder(store: SqlStore) -> str | None:
    """Who holds the store's ingest lock (another process), or None when no ingest is running."""
    if not is_sqlite(store.engine):
        with _translated(store.url), store.engine.connect() as conn:
            return _pg_holder(conn)
    path = _sqlite_file(store.url)
    if path is None or fcntl is None or not os.path.exists(f"{path}-ingest.lock"):
        return None
    with open(f"{path}-ingest.lock") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return f"pid {f.read().strip() or '?'}"
        fcntl.flock(f, fcntl.LOCK_UN)
        return None


def _flock_now(f: Any) -> bool:
    try:
        fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _file_holder(f: Any) -> str:
    f.seek(0)
    return f"pid {f.read().strip() or '?'}"


@contextlib.contextmanager
def ingest_lock(
    store: SqlStore, *, wait: bool | float = False, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Hold the store's ingest lock for the body; ``on_wait(holder)`` is called once if it has to wait.

    ``wait``: False (or 0) refuses at once with ``StoreBusy`` when another process holds it, True
    waits for as long as that takes, a number of seconds waits that long at most, then refuses
    (``StoreBusy.retry_after`` set)."""
    bound = _bound(wait)
    if is_sqlite(store.engine):
        path = _sqlite_file(store.url)
        if path is None or fcntl is None:  # an in-memory store has one writer by construction
            yield
            return
        with open(f"{path}-ingest.lock", "a+") as f:
            if not _flock_now(f):
                holder = _file_holder(f)
                if bound == 0:  # False, 0: refuse at once (None: wait for ever)
                    raise _busy(store, holder) from None
                if on_wait:
                    on_wait(holder)
                if bound is None:
                    fcntl.flock(f, fcntl.LOCK_EX)
                elif not _poll(lambda: _flock_now(f), bound):
                    raise _busy(store, _file_holder(f), bound) from None
            f.seek(0)
            f.truncate()
            f.write(str(os.getpid()))
            f.flush()
            try:
                yield
            finally:
                fcntl.flock(f, fcntl.LOCK_UN)
        return
    with _translated(store.url), store.engine.connect() as conn:

        def take() -> bool:
            got = conn.scalar(
                text(f"SELECT pg_try_advisory_lock(CAST(:k AS integer), {_SCHEMA})"), {"k": INGEST_KEY}
            )
            conn.commit()
            return bool(got)

        if not take():
            # the holder may let go between the two statements: then no pid, and the wait is short
            holder = _pg_holder(conn) or "holder gone"
            conn.commit()
            if bound == 0:  # False, 0: refuse at once (None: wait for ever)
                raise _busy(store, holder)
            if on_wait:
                on_wait(holder)
            if bound is None:
                conn.execute(
                    text(f"SELECT pg_advisory_lock(CAST(:k AS integer), {_SCHEMA})"), {"k": INGEST_KEY}
                )
                conn.commit()
            elif not _poll(take, bound):
                raise _busy(store, _pg_holder(conn) or "holder gone", bound)
        try:
            yield
        finally:
            with contextlib.suppress(Exception):  # a broken connection has dropped the lock already
                conn.execute(
                    text(f"SELECT pg_advisory_unlock(CAST(:k AS integer), {_SCHEMA})"), {"k": INGEST_KEY}
                )
                conn.commit()


@contextlib.contextmanager
def fusion_transaction(store: SqlStore, *, wait: bool = True) -> Iterator[Any]:
    """A write transaction for one fusion pass; yields None (and does nothing) when ``wait`` is False
    and another writer holds the store."""
    with _translated(store.url), store._write() as conn:
        if is_sqlite(store.engine):
            raw = conn.connection.dbapi_connection
            if not wait:
                raw.execute("PRAGMA busy_timeout=0")
            try:
                trans = conn.begin()  # BEGIN IMMEDIATE: the write lock, or "database is locked"
            except OperationalError:
                if wait:
                    raise
                trans = None
            finally:
                raw.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
            if trans is None:
                yield None
                return
        else:
            trans = conn.begin()
            if wait:
                conn.execute(
                    text(f"SELECT pg_advisory_xact_lock(CAST(:k AS integer), {_SCHEMA})"), {"k": FUSION_KEY}
                )
            elif not conn.scalar(
                text(f"SELECT pg_try_advisory_xact_lock(CAST(:k AS integer), {_SCHEMA})"), {"k": FUSION_KEY}
            ):
                trans.rollback()
                yield None
                return
        with trans:
            yield conn
