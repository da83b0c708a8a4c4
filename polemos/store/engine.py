"""Opening a database by URL; the few places SQLite and PostgreSQL differ live here.

- URLs: a bare path or ``sqlite:///file`` for SQLite; ``postgresql://`` is read as psycopg 3
  (``postgresql+psycopg://``), the driver polemos ships with.
- SQLite runs in WAL mode with a busy timeout, so readers query while one writer ingests, and with
  foreign keys on. PostgreSQL needs nothing special.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from polemos.errors import Errors, StoreError
from polemos.optional import require

DEFAULT_DB = "polemos.db"
SQLITE_BUSY_MS = 60_000


def default_url() -> str:
    """``POLEMOS_DB`` if set, else ``polemos.db`` in the working directory."""
    return normalize_url(os.environ.get("POLEMOS_DB") or DEFAULT_DB)


def normalize_url(url: str) -> str:
    """A SQLAlchemy URL from what a user typed: a file path, ``sqlite:///…`` or ``postgresql://…``."""
    if "://" not in url:
        if url == ":memory:":
            return "sqlite://"
        return f"sqlite:///{Path(url).expanduser()}"
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            return "postgresql+psycopg://" + url[len(plain) :]
    return url


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def make_engine(url: str) -> Engine:
    """An engine for ``url`` (already normalized), configured for its dialect."""
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite":
            engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000})
            event.listen(engine, "connect", _sqlite_pragmas)
            # let SQLAlchemy own BEGIN so a batch is one write transaction (pysqlite's own is lazy)
            event.listen(engine, "begin", _sqlite_begin)
            return engine
        if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() == "psycopg":
            require("postgres", f"the database {redact(url)}")  # one line saying what to install
        return create_engine(url, pool_pre_ping=True)
    except (ArgumentError, SQLAlchemyError, ImportError) as e:
        raise StoreError(Errors.E401.format(url=redact(url), detail=str(e))) from e


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # autocommit at the driver; transactions come from _sqlite_begin
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable at checkpoints, never corrupt
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    # writers take the write lock up front (BEGIN IMMEDIATE) so they wait on busy_timeout instead of
    # failing when a read transaction would have to be upgraded
    write = conn.get_execution_options().get("polemos_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
