"""Reports (article-level events) as ``Store.events`` gives them: rebuilt from their tables once, when
they are written, and read back whole from ``events.record`` after (migration 0006).

A report's record depends only on its own rows and its article's (outlet, published, url, title),
which are written and removed together: fusion, merges and splits never change it, and a replaced
article's reports are deleted and written anew, record and all. So the record is stored per report
(not per fused event, whose set of reports every fusion pass may change) and is right for as long as
its row exists. It is the JSON text of exactly what ``rebuild`` returns (built from the batch's rows
before they are inserted, ``from_rows``, else read back in the writing transaction), so a stored
record and a rebuilt one are the same dict, keys in the same order, on SQLite and PostgreSQL alike
(TEXT, not JSONB, which would reorder keys).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import JSON, Connection, Float, Table, bindparam, select, update

from polemos.store.records import rebuild_event
from polemos.store.schema import EVENT_CHILDREN, articles, events

CHUNK = 500  # ids per IN (...) list: well under SQLite's and PostgreSQL's parameter limits
_COLUMNS = [c for c in events.c if c.name != "record"]
_ARTICLE = ("outlet", "published", "url", "title")  # what a report's record takes from its article
_FLOATS = {
    t.name: [c.name for c in t.c if isinstance(c.type, Float)] for t in (articles, events, *EVENT_CHILDREN)
}
_JSONS = {
    t.name: [c.name for c in t.c if isinstance(c.type, JSON)] for t in (articles, events, *EVENT_CHILDREN)
}


class _NotAsStored(Exception):
    """A JSON value whose JSONB reading back this module does not mimic (left to the rebuild)."""


def _jsonb_key(key: str) -> tuple[int, bytes]:
    raw = key.encode()
    return (len(raw), raw)


def as_jsonb(value: Any) -> Any:
    """A JSON value as PostgreSQL's JSONB gives it back: object keys shorter first, then by their
    bytes (JSONB's own order), arrays as they were. A float JSONB may give back otherwise (written
    in exponent form, which numeric reads back as plain digits, perhaps an int; minus zero) raises
    ``_NotAsStored``."""
    if isinstance(value, dict):
        return {k: as_jsonb(value[k]) for k in sorted(value, key=_jsonb_key)}
    if isinstance(value, list):
        return [as_jsonb(v) for v in value]
    if type(value) is float and ("e" in repr(value) or math.copysign(1.0, value) < 0 and value == 0):
        raise _NotAsStored(repr(value))
    return value


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


def _as_read(
    table: Table, row: Mapping[str, Any], only: Sequence[str] = (), *, jsonb: bool = False
) -> dict[str, Any]:
    """A row about to be inserted as the database gives it back: every column (None where left
    out), an integer in a REAL column as a float, and (``jsonb``: PostgreSQL) each JSON column's
    value in JSONB's key order. ``flatten`` has refused every other value the database would give
    back otherwise (``records.check_storable``: types per column, JSON of plain values only)."""
    out = {n: row.get(n) for n in (only or table.c.keys())}
    for n in _FLOATS[table.name]:
        v = out.get(n)
        if type(v) is int:
            out[n] = float(v)
    if jsonb:
        for n in _JSONS[table.name]:
            if out.get(n) is not None:
                out[n] = as_jsonb(out[n])
    return out


def from_rows(
    rows: Mapping[str, list[dict[str, Any]]], *, jsonb: bool = False
) -> list[dict[str, Any] | None]:
    """The record of each report in ``rows["events"]`` (one batch as ``flatten`` gives it, about to
    be inserted), built from those rows as ``rebuild`` builds it from the tables once they are
    stored, so a batch is not read back (None: left to the rebuild after the insert). ``jsonb``
    (PostgreSQL): the JSON columns' values as JSONB gives them back, keys in its order."""
    arts = {a["id"]: _as_read(articles, a, _ARTICLE) for a in rows["articles"]}
    kids: dict[str, dict[str, list[dict[str, Any] | None]]] = {}
    for table in EVENT_CHILDREN:
        by_uid: dict[str, list[dict[str, Any] | None]] = {}
        for r in rows[table.name]:
            try:
                kid: dict[str, Any] | None = _as_read(table, r, jsonb=jsonb)
            except _NotAsStored:  # this report left to the rebuild
                kid = None
            by_uid.setdefault(r["event_uid"], []).append(kid)
        kids[table.name] = by_uid
    out: list[dict[str, Any] | None] = []
    for row in rows["events"]:
        try:
            ev: dict[str, Any] | None = _as_read(events, row, jsonb=jsonb)
        except _NotAsStored:
            ev = None
        art = arts.get(row["article_id"])
        mine = {t.name: kids[t.name].get(row["uid"], []) for t in EVENT_CHILDREN}
        if ev is None or art is None or any(k is None for ks in mine.values() for k in ks):
            out.append(None)
            continue
        try:  # ordered as rebuild reads them: by seq, then id (the order they are inserted in)
            ordered = {name: sorted(ks, key=lambda r: r["seq"]) for name, ks in mine.items()}  # type: ignore[index]
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
