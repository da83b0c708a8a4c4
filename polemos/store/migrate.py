"""Run the Alembic migrations in code, and check a database is at the revision this code needs."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from polemos.errors import Errors, MigrationError
from polemos.store.reports import fill_missing

_SCRIPTS = Path(__file__).parent / "migrations"


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(_SCRIPTS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None  # the package always ships at least one migration
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for a database polemos never touched."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _passed(start: str | None, reached: str | None) -> set[str]:
    """The revisions an upgrade from ``start`` to ``reached`` applied."""
    if reached is None or start == reached:
        return set()
    scripts = ScriptDirectory.from_config(_config())
    return {s.revision for s in scripts.iterate_revisions(reached, start or "base") if s is not None}


def upgrade(engine: Engine, revision: str = "head") -> str:
    """Bring the database to ``revision`` (default: the newest); returns the revision reached."""
    try:
        with engine.begin() as conn:
            start = MigrationContext.configure(conn).get_current_revision()
            command.upgrade(_config(conn), revision)
            reached = MigrationContext.configure(conn).get_current_revision()
            # Data a migration adds is filled by today's code once the schema is at head: a fill inside
            # the migration would read that revision's tables, which later migrations change.
            if start is not None and reached == head_revision() and "0006" in _passed(start, reached):
                fill_missing(conn)
    except SQLAlchemyError as e:
        raise MigrationError(Errors.E402.format(detail=f"migration failed: {e}")) from e
    return current_revision(engine) or ""
