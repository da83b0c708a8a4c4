"""Reading fused events: by filter (a fused event matches when one of its reports does), by id, and
the other way round (the fused event of a report, the reports of a fused event).

The fused record (``polemos.event/1``) is stored whole in ``fused_events.record`` by fusion, so a
read returns it as written. ``SqlStore`` exposes these as methods of the ``Store`` Protocol; they
take the store for its engine and URL (errors are translated in ``polemos.store.errors``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from polemos.store.base import EventFilter
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
