"""What the API reads, in SQL: pages of events (a bounding box, an order, offset and total on top of
the store's event filter), group-bys for statistics, and the facets for the filter choices.

Fused events (``fused_events``) match a filter when one of their reports does, as in ``polemos
events``. The report's type, modality, dates and countries are read from ``fused_keys`` (one row per
member report and country, copied at fusion time), so a filter on those is one range of a covering
index; the rest (actor, claimant, article, near, bbox) is ``select_event_uids`` over the reports
(``polemos.store.query``), joined by uid. The total of a filter is kept (per store object) until the
``fusion`` counter moves (``polemos.store.counters``). A store whose fused events cannot be read (the
API serves it report by report) is paged over ``events`` instead. Only ids come back; the API reads
the records (``Store.fused`` / ``Store.events``) and shapes them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Select, exists, func, or_, select

from polemos.store.base import Bucket, EventFilter, EventQuery, StatRows
from polemos.store.counters import fusion_counter
from polemos.store.errors import translated
from polemos.store.query import select_event_uids
from polemos.store.schema import (
    articles,
    counts,
    events,
    fused_events,
    fused_keys,
    fused_members,
    locations,
)

if TYPE_CHECKING:
    from polemos.store.sql import SqlStore

Box = tuple[float, float, float, float] | None


def _killed() -> Any:
    """An event's killed figure (best, else low) as a correlated scalar subquery."""
    return (
        select(func.max(func.coalesce(counts.c.best, counts.c.low)))
        .where(counts.c.event_uid == events.c.uid, counts.c.kind == "killed")
        .scalar_subquery()
    )


def _filtered(where: EventFilter, bbox: Box) -> Select[Any]:
    stmt = select_event_uids(replace(where, limit=None))
    if bbox is not None:
        west, south, east, north = bbox
        lon_ok = (
            locations.c.lon.between(west, east)
            if west <= east  # a box across the antimeridian has west > east
            else or_(locations.c.lon >= west, locations.c.lon <= east)
        )
        stmt = stmt.where(
            exists().where(
                locations.c.event_uid == events.c.uid, locations.c.lat.between(south, north), lon_ok
            )
        )
    return stmt


def _ordered(stmt: Select[Any], sort: str) -> Select[Any]:
    stmt = stmt.order_by(None)
    if sort == "date":
        return stmt.order_by(events.c.date_start.asc().nulls_last(), events.c.uid)
    if sort in ("-killed", "killed"):
        killed = _killed()
        key = killed.desc() if sort == "-killed" else killed.asc()
        return stmt.order_by(key.nulls_last(), events.c.date_start.desc().nulls_last(), events.c.uid)
    if sort == "type":
        return stmt.order_by(events.c.type, events.c.date_start.desc().nulls_last(), events.c.uid)
    return stmt.order_by(events.c.date_start.desc().nulls_last(), events.c.uid)


def _member_uids(store: SqlStore, conn: Connection, where: EventFilter, bbox: Box) -> Any:
    """The reports matching the filter, as a subquery (or a list when --near refines in Python)."""
    stmt = _filtered(where, bbox).order_by(None)
    if not where.near:
        return stmt
    near = set(store.event_ids(replace(where, limit=None)))
    return [u for u in conn.scalars(stmt) if u in near]


def _fused_matching(store: SqlStore, conn: Connection, where: EventFilter, bbox: Box) -> Select[Any]:
    """The fused events with a report matching the filter: (fused id, fused start), distinct."""
    k = fused_keys.c
    if where == EventFilter() and bbox is None:  # every fused event that still has a report
        has_member = exists().where(fused_members.c.fused_id == fused_events.c.id)
        return select(
            fused_events.c.id.label("fused_id"), fused_events.c.date_start.label("fused_start")
        ).where(has_member)
    conds: list[Any] = []
    if where.type:
        conds.append(k.type == where.type.upper())
    if where.country:
        conds.append(k.country == where.country.upper())
    if where.modality:
        conds.append(k.modality == where.modality.lower())
    if where.since:
        conds.append(k.date_end >= where.since)
    if where.until:
        conds.append(k.date_start <= where.until)
    rest = replace(where, type=None, country=None, modality=None, since=None, until=None, limit=None)
    if rest != EventFilter() or bbox is not None:  # the filters fused_keys does not hold
        conds.append(k.event_uid.in_(_member_uids(store, conn, rest, bbox)))
    return select(k.fused_id, k.fused_start).where(*conds).distinct()


def _fused_killed() -> Any:
    return fused_events.c.killed


def _fused_ordered(matching: Select[Any], sort: str) -> Select[Any]:
    """The ids of ``matching`` in the order ``sort`` asks for (by date: straight from ``matching``)."""
    m = matching.subquery("m")
    if sort == "date":
        return select(m.c.fused_id).order_by(m.c.fused_start.asc().nulls_last(), m.c.fused_id)
    if sort not in ("-killed", "killed", "type"):
        return select(m.c.fused_id).order_by(m.c.fused_start.desc().nulls_last(), m.c.fused_id)
    newest = (fused_events.c.date_start.desc().nulls_last(), fused_events.c.id)
    stmt = select(fused_events.c.id).where(fused_events.c.id.in_(select(m.c.fused_id)))
    if sort == "type":
        return stmt.order_by(fused_events.c.type, *newest)
    key = _fused_killed().desc() if sort == "-killed" else _fused_killed().asc()
    return stmt.order_by(key.nulls_last(), *newest)


_KEPT = 512  # totals kept per store object


def _total(store: SqlStore, conn: Connection, q: EventQuery, matching: Select[Any]) -> int:
    """How many fused events match; kept while the store's ``fusion`` counter stands still."""
    kept: dict[Any, tuple[int, int]] = store.__dict__.setdefault("_fused_totals", {})
    key, now = (replace(q.where, limit=None), q.bbox), fusion_counter(conn)
    if now is not None and key in kept and kept[key][0] == now:
        return kept[key][1]
    total = int(conn.scalar(select(func.count()).select_from(matching.subquery())) or 0)
    if now is not None:
        if len(kept) >= _KEPT:
            kept.pop(next(iter(kept)))
        kept[key] = (now, total)
    return total


def page_fused(store: SqlStore, q: EventQuery) -> tuple[int, list[str]]:
    """(number of matching fused events, the ids of one page of them)."""
    with translated(store.url), store.engine.connect() as conn:
        matching = _fused_matching(store, conn, q.where, q.bbox)
        total = _total(store, conn, q, matching)
        ids = list(conn.scalars(_fused_ordered(matching, q.sort).offset(q.offset).limit(q.limit)))
    return total, ids


def page_reports(store: SqlStore, q: EventQuery) -> tuple[int, list[str]]:
    """(number of matching article-level events, the uids of one page of them)."""
    stmt = _ordered(_filtered(q.where, q.bbox), q.sort)
    with translated(store.url), store.engine.connect() as conn:
        if q.where.near:  # the store refines --near by great-circle distance in Python
            near = set(store.event_ids(replace(q.where, limit=None)))
            uids = [u for u in conn.scalars(stmt) if u in near]
            return len(uids), uids[q.offset : q.offset + q.limit]
        total = int(conn.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0)
        return total, list(conn.scalars(stmt.offset(q.offset).limit(q.limit)))


def _buckets(rows: Any, killed: bool = True) -> list[Bucket]:
    return [Bucket(r[0], int(r[1]), int(r[2]) if killed else 0) for r in rows]


def stats(store: SqlStore, where: EventFilter, bbox: Box, *, fused: bool) -> StatRows:
    """Counts (and killed sums) by type, country and day over the filtered events."""
    if fused:
        return _fused_stats(store, where, bbox)
    uids = _filtered(where, bbox).order_by(None).subquery()
    killed = (
        select(counts.c.event_uid, func.max(func.coalesce(counts.c.best, counts.c.low)).label("k"))
        .where(counts.c.kind == "killed")
        .group_by(counts.c.event_uid)
        .subquery()
    )
    base = events.outerjoin(killed, killed.c.event_uid == events.c.uid)
    in_filter = events.c.uid.in_(select(uids.c.uid))
    k = func.coalesce(func.sum(killed.c.k), 0)

    def grouped(key: Any) -> list[Bucket]:
        stmt = select(key.label("key"), func.count(), k).select_from(base).where(in_filter).group_by(key)
        return _buckets(conn.execute(stmt))

    with translated(store.url), store.engine.connect() as conn:
        n_articles = int(conn.scalar(select(func.count()).select_from(articles)) or 0)
        by_type = grouped(events.c.type)
        by_day = grouped(events.c.date_start)
        by_country = _buckets(
            conn.execute(
                select(locations.c.country, func.count(func.distinct(locations.c.event_uid)))
                .where(locations.c.event_uid.in_(select(uids.c.uid)), locations.c.country.is_not(None))
                .group_by(locations.c.country)
            ),
            killed=False,
        )
    return StatRows(n_articles, by_type, by_country, by_day)


def _fused_stats(store: SqlStore, where: EventFilter, bbox: Box) -> StatRows:
    with translated(store.url), store.engine.connect() as conn:
        ids = _fused_matching(store, conn, where, bbox).subquery()
        in_filter = fused_events.c.id.in_(select(ids.c.fused_id))
        k = func.coalesce(func.sum(_fused_killed()), 0)

        def grouped(key: Any) -> list[Bucket]:
            stmt = select(key.label("key"), func.count(), k).where(in_filter).group_by(key)
            return _buckets(conn.execute(stmt))

        n_articles = int(conn.scalar(select(func.count()).select_from(articles)) or 0)
        by_type = grouped(fused_events.c.type)
        by_day = grouped(fused_events.c.date_start)
        in_country = (
            select(locations.c.country, func.count(func.distinct(fused_members.c.fused_id)))
            .join(fused_members, fused_members.c.event_uid == locations.c.event_uid)
            .where(fused_members.c.fused_id.in_(select(ids.c.fused_id)), locations.c.country.is_not(None))
            .group_by(locations.c.country)
        )
        by_country = _buckets(conn.execute(in_country), killed=False)
    return StatRows(n_articles, by_type, by_country, by_day)


def facets(store: SqlStore) -> tuple[list[str], list[str]]:
    """The event types and location countries in the store (index-only scans), for filter choices."""
    with translated(store.url), store.engine.connect() as conn:
        types = [t for t in conn.scalars(select(events.c.type).distinct().order_by(events.c.type)) if t]
        countries = conn.scalars(
            select(locations.c.country)
            .where(locations.c.country.is_not(None))
            .distinct()
            .order_by(locations.c.country)
        )
        return types, [c for c in countries if c]
