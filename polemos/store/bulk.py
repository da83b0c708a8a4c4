"""Many rows into one table, as fast as the database takes them.

psycopg's ``executemany`` (what SQLAlchemy uses for an INSERT with a list of rows on PostgreSQL)
sends and runs one INSERT per row; SQLAlchemy's multi-row INSERTs are slower still there (psycopg
rewrites each long statement's placeholders). ``COPY … FROM STDIN`` streams the rows into one
statement: on a fusion pass at 20k events the fused tables took 6 s of INSERTs. Elsewhere (SQLite)
an executemany INSERT is already one prepared statement run in a loop in C.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import JSON, Connection, Table, insert
from sqlalchemy.exc import DBAPIError


def _cell(value: Any, as_json: bool) -> Any:
    return json.dumps(value) if as_json and value is not None else value


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys, a table's column names) on ``conn``."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(insert(table), list(rows))
        return
    cols = list(dict.fromkeys(c for r in rows for c in r))  # a key some rows leave out: NULL there
    as_json = {c for c in cols if isinstance(table.c[c].type, JSON)}  # JSONB stores its own order
    prep = conn.dialect.identifier_preparer
    stmt = f"COPY {prep.format_table(table)} ({', '.join(prep.quote(c) for c in cols)}) FROM STDIN"
    raw: Any = conn.connection.dbapi_connection
    try:
        with raw.cursor() as cur, cur.copy(stmt) as copy:
            for r in rows:
                copy.write_row([_cell(r.get(c), c in as_json) for c in cols])
    except raw.Error as e:  # as SQLAlchemy would have raised it, for the store's one translation
        raise DBAPIError.instance(stmt, None, e, raw.Error) from e
