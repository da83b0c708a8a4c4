"""Reading fused events: by filter (a fused event matches when one of its reports does), by id, and
the other way round (the fused event of a report, the reports of a fused event).

The fused record (``polemos.event/1``) is stored whole in ``fused_events.record`` by fusion, so a
read returns it as written. ``SqlStore`` exposes these as methods of the ``Store`` Protocol; they
take the store for its engine and URL (errors are translated in ``polemos.store.errors``).
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from polemos.store import reports as report_records
from polemos.store.base import ById, EventFilter
from polemos.store.changes import chunks
from polemos.store.errors import translated
from polemos.store.fusion import fused_ids_of, members_of
from polemos.store.schema import events, fused_events
from polemos.store.schema import fused_members as members_table

if TYPE_CHECKING:
    from polemos.store.sql import SqlStore


def fused_ids(store: SqlStore, where: EventFilter) -> list[str]:
    """Ids of the fused events with at least one report matching ``where``, newest first."""
    uids = store.event_ids(replace(where, limit=None))
    with translated(store.url), store.engine.connect() as conn:
        dated = fused_ids_of(conn, uids)
    ordered = [fid for _, fid in sorted(dated, key=lambda t: (t[0], t[1]), reverse=True)]
    return ordered[: where.limit] if where.limit else ordered


def fused(store: SqlStore, ids: list[str]) -> list[dict[str, Any]]:
    """The stored ``polemos.event/1`` records of ``ids``, in that order."""
    out: dict[str, dict[str, Any]] = {}
    with translated(store.url), store.engine.connect() as conn:
        for chunk in chunks(ids):
            q = select(fused_events.c.id, fused_events.c.record).where(fused_events.c.id.in_(chunk))
            out.update({r.id: r.record for r in conn.execute(q)})
    return [out[i] for i in ids if i in out]


def fused_id_of(store: SqlStore, ident: str) -> str | None:
    """A fused id from a fused id or from one of its reports' uids."""
    with translated(store.url), store.engine.connect() as conn:
        if conn.scalar(select(fused_events.c.id).where(fused_events.c.id == ident)):
            return ident
        return conn.scalar(select(members_table.c.fused_id).where(members_table.c.event_uid == ident))


def event_by_id(store: SqlStore, ident: str) -> ById | None:
    """A fused event and its reports in two queries on one connection (one read transaction): the
    fused record, found by its id or by one of its reports' uids, then its members' stored records."""
    by_id = select(fused_events.c.id).where(fused_events.c.id == ident).scalar_subquery()
    by_member = select(members_table.c.fused_id).where(members_table.c.event_uid == ident).scalar_subquery()
    head = select(fused_events.c.record).where(fused_events.c.id == func.coalesce(by_id, by_member))
    with translated(store.url), store.engine.connect() as conn:
        record = conn.scalar(head)
        if record is None:
            return None
        members = (
            select(events.c.uid, events.c.record)
            .join(members_table, members_table.c.event_uid == events.c.uid)
            .where(members_table.c.fused_id == record["id"])
        )
        found: list[tuple[str, dict[str, Any]]] = []
        missing: list[str] = []
        for r in conn.execute(members):
            if r.record is None:  # stored before events.record: rebuilt, as Store.events does
                missing.append(r.uid)
            else:
                found.append((r.uid, json.loads(r.record)))
        for i in range(0, len(missing), report_records.CHUNK):
            rebuilt = report_records.rebuild(conn, missing[i : i + report_records.CHUNK])
            found += list(rebuilt.items())
    # the order Store.events and event_detail gave: by uid, then (stable) by publication and article
    found.sort(key=lambda f: f[0])
    found.sort(key=lambda f: (f[1].get("published") or "", f[1].get("article_id") or "", f[1].get("uid")))
    return ById(record, tuple(f[1] for f in found))


def fused_members(store: SqlStore, fused_id: str) -> list[str]:
    with translated(store.url), store.engine.connect() as conn:
        return sorted(members_of(conn, [fused_id]))


def resolve_report(store: SqlStore, report: str) -> str | None:
    """An article-level event's uid from its uid or ``ARTICLE_ID:EVENT_ID``; None when not stored."""
    with translated(store.url), store.engine.connect() as conn:
        if conn.scalar(select(events.c.uid).where(events.c.uid == report)):
            return report
        article_id, _, event_id = report.rpartition(":")
        uid = conn.scalar(
            select(events.c.uid).where(events.c.article_id == article_id, events.c.event_id == event_id)
        )
    return None if uid is None else str(uid)
