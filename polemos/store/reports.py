"""Reports (article-level events) as ``Store.events`` gives them: rebuilt from their tables once, when
they are written, and read back whole from ``events.record`` after (migration 0006).

A report's record depends only on its own rows and its article's (outlet, published, url, title),
which are written and removed together: fusion, merges and splits never change it, and a replaced
article's reports are deleted and written anew, record and all. So the record is stored per report
(not per fused event, whose set of reports every fusion pass may change) and is right for as long as
its row exists. It is the JSON text of exactly what ``rebuild`` returns, read back in the writing
transaction, so a stored record and a rebuilt one are the same dict, keys in the same order, on
SQLite and PostgreSQL alike (TEXT, not JSONB, which would reorder keys).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Float, Table, bindparam, select, update

from polemos.store.records import rebuild_event
from polemos.store.schema import EVENT_CHILDREN, articles, events

CHUNK = 500  # ids per IN (...) list: well under SQLite's and PostgreSQL's parameter limits
_COLUMNS = [c for c in events.c if c.name != "record"]
_ARTICLE = ("outlet", "published", "url", "title")  # what a report's record takes from its article
_FLOATS = {
    t.name: [c.name for c in t.c if isinstance(c.type, Float)] for t in (articles, events, *EVENT_CHILDREN)
}


def children(conn: Connection, uids: Sequence[str]) -> dict[str, dict[str, list[Any]]]:
    """The child rows (actors, claims, locations, …) of these reports, by table then uid, in order."""
    kids: dict[str, dict[str, list[Any]]] = {}
    for table in EVENT_CHILDREN:
        by_uid: dict[str, list[Any]] = {}
        for r in conn.execute(
            select(table).where(table.c.event_uid.in_(uids)).order_by(table.c.seq, table.c.id)
        ):
            by_uid.setdefault(r.event_uid, []).append(r._mapping)
        kids[table.name] = by_uid
    return kids


def rebuild(conn: Connection, uids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """These reports rebuilt from their tables (at most ``CHUNK`` uids), by uid."""
    q = (
        select(*_COLUMNS, articles.c.outlet, articles.c.published, articles.c.url, articles.c.title)
        .join(articles, articles.c.id == events.c.article_id)
        .where(events.c.uid.in_(uids))
    )
    ev_rows = [r._mapping for r in conn.execute(q)]
    kids = children(conn, uids)
    out = {}
    for ev in ev_rows:
        record = rebuild_event(ev, {name: kids[name].get(ev["uid"], []) for name in kids})
        out[ev["uid"]] = {
            "uid": ev["uid"], "article_id": ev["article_id"], "outlet": ev["outlet"],
            "published": ev["published"], "url": ev["url"], "title": ev["title"], **record,
        }  # fmt: skip
    return out


def as_text(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def store_records(conn: Connection, uids: Sequence[str]) -> None:
    """Write the stored record of these reports (just written, or stored before migration 0006)."""
    stmt = update(events).where(events.c.uid == bindparam("the_uid")).values(record=bindparam("the_record"))
    for i in range(0, len(uids), CHUNK):
        built = rebuild(conn, uids[i : i + CHUNK])
        if built:
            conn.execute(stmt, [{"the_uid": u, "the_record": as_text(r)} for u, r in built.items()])


def fill_missing(conn: Connection) -> None:
    """Store the record of every report that has none (a store migrated from before 0006)."""
    uids = [
        r.uid
        for r in conn.execute(select(events.c.uid).where(events.c.record.is_(None)).order_by(events.c.uid))
    ]
    store_records(conn, uids)


def _as_read(table: Table, row: Mapping[str, Any], only: Sequence[str] = ()) -> dict[str, Any]:
    """A row about to be inserted as SQLite gives it back: every column (None where left out), an
    integer in a REAL column as a float. ``flatten`` has refused every other value SQLite would give
    back otherwise (``records.check_storable``: types per column, JSON of plain values only)."""
    out = {n: row.get(n) for n in (only or table.c.keys())}
    for n in _FLOATS[table.name]:
        v = out.get(n)
        if type(v) is int:
            out[n] = float(v)
    return out


def from_rows(rows: Mapping[str, list[dict[str, Any]]]) -> list[dict[str, Any] | None]:
    """The record of each report in ``rows["events"]`` (one batch as ``flatten`` gives it, about to
    be inserted into SQLite), built from those rows as ``rebuild`` builds it from the tables once
    they are stored, so a batch is not read back (None: left to the rebuild after the insert). Not
    for PostgreSQL, whose JSONB orders the keys of the extra columns."""
    arts = {a["id"]: _as_read(articles, a, _ARTICLE) for a in rows["articles"]}
    kids: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for table in EVENT_CHILDREN:
        by_uid: dict[str, list[dict[str, Any]]] = {}
        for r in rows[table.name]:
            by_uid.setdefault(r["event_uid"], []).append(_as_read(table, r))
        kids[table.name] = by_uid
    out: list[dict[str, Any] | None] = []
    for row in rows["events"]:
        ev, art = _as_read(events, row), arts.get(row["article_id"])
        if art is None:
            out.append(None)
            continue
        try:  # ordered as rebuild reads them: by seq, then id (the order they are inserted in)
            ordered = {t.name: sorted(kids[t.name].get(row["uid"], []), key=lambda r: r["seq"])
                       for t in EVENT_CHILDREN}  # fmt: skip
        except TypeError:  # a seq missing: left to the rebuild
            out.append(None)
            continue
        ev.pop("record", None)
        ev.update(outlet=art["outlet"], published=art["published"], url=art["url"], title=art["title"])
        record = rebuild_event(ev, ordered)  # type: ignore[arg-type]
        out.append({
            "uid": ev["uid"], "article_id": ev["article_id"], "outlet": ev["outlet"],
            "published": ev["published"], "url": ev["url"], "title": ev["title"], **record,
        })  # fmt: skip
    return out


def read(conn: Connection, uids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """These reports (at most ``CHUNK`` uids) by uid: their stored records, rebuilt where none is."""
    out: dict[str, dict[str, Any]] = {}
    missing: list[str] = []
    for r in conn.execute(select(events.c.uid, events.c.record).where(events.c.uid.in_(uids))):
        if r.record is None:
            missing.append(r.uid)
        else:
            out[r.uid] = json.loads(r.record)
    if missing:
        out.update(rebuild(conn, missing))
    return out
