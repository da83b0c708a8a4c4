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
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from polemos.store.records import rebuild_event
from polemos.store.schema import EVENT_CHILDREN, articles, events

CHUNK = 500  # ids per IN (...) list: well under SQLite's and PostgreSQL's parameter limits
_COLUMNS = [c for c in events.c if c.name != "record"]


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
