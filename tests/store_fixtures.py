"""Fixtures shared by the store, ingest and export tests: a fresh store on SQLite and on PostgreSQL,
and hand-made contract records.

PostgreSQL: ``POLEMOS_TEST_PG`` (default ``postgresql://postgres@127.0.0.1:5432/polemos_test``). The
database is created when missing; each test session works in its own schema (dropped at the end), so
concurrent runs do not see each other. Tests skip PostgreSQL, saying why, only when no server answers.
"""

from __future__ import annotations

import copy
import os
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from polemos.store import SqlStore

__all__ = ["db_url", "pg_schema_url", "store"]  # fixtures: `from store_fixtures import *`

PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/polemos_test"


def pg_base_url() -> str:
    return os.environ.get("POLEMOS_TEST_PG", PG_DEFAULT)


def _pg_admin_ready(url: str) -> str | None:
    """Make sure the test database exists; None when ready, else why PostgreSQL is unavailable."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed"
    from sqlalchemy.engine import make_url

    target = make_url(url.replace("postgresql://", "postgresql+psycopg://", 1))
    conninfo = dict(
        host=target.host or "127.0.0.1", port=target.port or 5432, user=target.username or "postgres"
    )
    if target.password:
        conninfo["password"] = target.password
    try:
        with psycopg.connect(dbname=target.database, connect_timeout=3, **conninfo):
            return None
    except psycopg.OperationalError as e:
        if "does not exist" not in str(e):
            where = f"{target.host}:{target.port or 5432}"
            return f"no PostgreSQL server answers at {where} ({str(e).strip()[:120]})"
    try:
        with psycopg.connect(dbname="postgres", connect_timeout=3, autocommit=True, **conninfo) as conn:
            conn.execute(f'CREATE DATABASE "{target.database}"')
    except psycopg.Error as e:
        if "already exists" not in str(e):
            return f"cannot create the test database {target.database}: {str(e).strip()[:120]}"
    return None


@pytest.fixture(scope="session")
def pg_schema_url() -> Iterator[str]:
    """A URL whose search_path is a schema of this test session alone."""
    base = pg_base_url()
    why = _pg_admin_ready(base)
    if why:
        pytest.skip(f"PostgreSQL unavailable: {why} (set POLEMOS_TEST_PG)")
    import psycopg

    schema = f"t_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    plain = base.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def _reset_pg(url: str) -> None:
    import psycopg

    schema = url.rsplit("search_path%3D", 1)[1]
    plain = url.split("?")[0].replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        conn.execute(f'CREATE SCHEMA "{schema}"')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path) -> str:  # type: ignore[no-untyped-def]
    """A URL to an empty database: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'polemos.db'}"
    url = request.getfixturevalue("pg_schema_url")
    _reset_pg(url)
    return url


@pytest.fixture
def store(db_url: str) -> Iterator[SqlStore]:
    s = SqlStore(db_url)
    yield s
    s.close()


TEXT = (
    "Blasts kill over 100 in Jableh and Tartus\n"
    "Over 100 people were killed in bomb attacks in Jableh and Tartus on Monday, the Syrian Observatory "
    "for Human Rights said. Islamic State claimed the blasts.\n"
    "Some 6,000 fighters gathered near Aleppo, the Russian Defense Ministry said."
)


def _span(text: str, piece: str) -> dict[str, Any]:
    start = text.index(piece)
    return {"text": piece, "start": start, "end": start + len(piece)}


def make_record(article_id: str = "a1", text: str = TEXT, **article: Any) -> dict[str, Any]:
    """A contract record (polemos.article/1) for ``text``, written by hand with true offsets."""
    s = lambda piece: _span(text, piece)  # noqa: E731
    ev1_sentence = text.split("\n")[1].split(" Islamic")[0]
    return {
        "schema": "polemos.article/1",
        "article": {
            "id": article_id,
            "title": text.split("\n")[0],
            "published": "2016-05-24",
            "outlet": "RT",
            "url": f"https://example.org/{article_id}",
            "language": "en",
            **article,
        },
        "events": [
            {
                "id": "e1",
                "type": "ASSAULT",
                "mode": "explode",
                "modality": "asserted",
                "actor": {
                    **s("Islamic State"),
                    "name": "Islamic State",
                    "kind": "terrorist-designated",
                    "country": None,
                },
                "target": None,
                "locations": [
                    {
                        **s("Jableh"),
                        "name": "Jableh",
                        "geonameid": 169304,
                        "lat": 35.3609,
                        "lon": 35.9256,
                        "country": "SY",
                        "admin1": "Latakia",
                        "feature": "city",
                    },
                    {
                        **s("Tartus"),
                        "name": "Tartus",
                        "geonameid": 163345,
                        "lat": 34.8890,
                        "lon": 35.8866,
                        "country": "SY",
                        "admin1": "Tartus",
                        "feature": "city",
                    },
                ],
                "date": {"start": "2016-05-23", "end": "2016-05-23", "precision": "day", "text": "on Monday"},
                "counts": {
                    "killed": {"low": 100, "best": 100, "high": None, "text": "Over 100"},
                    "injured": None,
                    "size": None,
                },
                "claims": [
                    {
                        "claimant": {
                            "text": "the Syrian Observatory for Human Rights",
                            "name": "Syrian Observatory for Human Rights",
                            "kind": "ngo",
                            "country": "GB",
                            "party": False,
                        },
                        "outlet": "RT",
                        **{
                            k: v
                            for k, v in s("the Syrian Observatory for Human Rights").items()
                            if k != "text"
                        },
                    }
                ],
                "trigger": s("killed"),
                "evidence": s(ev1_sentence),
                "mentions": [s(text.split("\n")[0])],
                "acled": {
                    "event_type": "Explosions/Remote violence",
                    "sub_event_type": "Remote explosive/landmine/IED",
                },
                "cameo": "18",
                "confidence": 0.82,
            },
            {
                "id": "e2",
                "type": "MOBILIZE",
                "mode": "troops",
                "modality": "asserted",
                "actor": None,
                "target": None,
                "locations": [
                    {
                        **s("Aleppo"),
                        "name": "Aleppo",
                        "geonameid": 170063,
                        "lat": 36.20124,
                        "lon": 37.16117,
                        "country": "SY",
                        "admin1": "Aleppo",
                        "feature": "city",
                    }
                ],
                "date": {"start": "2016-05-22", "end": "2016-05-28", "precision": "week", "text": None},
                "counts": {
                    "killed": None,
                    "injured": None,
                    "size": {"low": 6000, "best": 6000, "high": 6000, "text": "Some 6,000"},
                },
                "claims": [
                    {
                        "claimant": {
                            "text": "the Russian Defense Ministry",
                            "name": "Ministry of Defence (Russia)",
                            "kind": "state",
                            "country": "RU",
                            "party": True,
                        },
                        "outlet": "RT",
                        **{k: v for k, v in s("the Russian Defense Ministry").items() if k != "text"},
                    }
                ],
                "trigger": s("gathered"),
                "evidence": s(text.split("\n")[2]),
                "mentions": [],
                "acled": None,
                "cameo": "15",
                "confidence": 0.6,
            },
        ],
        "places": [
            {
                **s(p),
                "name": p,
                "geonameid": g,
                "lat": la,
                "lon": lo,
                "country": "SY",
                "admin1": a1,
                "feature": "city",
            }
            for p, g, la, lo, a1 in (
                ("Jableh", 169304, 35.3609, 35.9256, "Latakia"),
                ("Tartus", 163345, 34.889, 35.8866, "Tartus"),
                ("Aleppo", 170063, 36.20124, 37.16117, "Aleppo"),
            )
        ],
        "times": [
            {
                **s("on Monday"),
                "value": "2016-05-23",
                "start_date": "2016-05-23",
                "end_date": "2016-05-23",
                "precision": "day",
            }
        ],
    }


def clone(record: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(record)
