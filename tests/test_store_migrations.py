"""Alembic migrations create exactly the tables schema.py declares; old databases are refused."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from store_fixtures import *  # noqa: F403

from polemos.errors import MigrationError
from polemos.store import SqlStore
from polemos.store.engine import make_engine, normalize_url
from polemos.store.migrate import current_revision, head_revision, upgrade
from polemos.store.schema import SCHEMA_REVISION, metadata


def test_store_migrations_match_schema(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    engine.dispose()
    assert diff == []


def test_store_migrations_head_is_what_the_code_reads() -> None:
    assert head_revision() == SCHEMA_REVISION


def test_store_migrations_new_database_is_created_on_open(db_url: str) -> None:
    store = SqlStore(db_url)
    assert current_revision(store.engine) == head_revision()
    store.close()


def test_store_migrations_upgrade_twice_is_harmless(db_url: str) -> None:
    engine = make_engine(db_url)
    assert upgrade(engine) == upgrade(engine) == head_revision()
    engine.dispose()


def test_store_migrations_refuse_a_database_at_another_revision(db_url: str) -> None:
    SqlStore(db_url).close()
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0000'"))
    engine.dispose()
    with pytest.raises(MigrationError, match="E403"):
        SqlStore(db_url)


def test_store_migrations_plain_postgresql_url_uses_psycopg() -> None:
    assert normalize_url("postgresql://u@h/db").startswith("postgresql+psycopg://")
    assert normalize_url("data/x.db") == "sqlite:///data/x.db"
