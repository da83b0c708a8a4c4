"""The seam between the API and the store: paging, sorting, a bounding box and statistics over the
store's event filter, and the ``polemos.event/1`` shape every event is served in.

Events are the store's fused events (``fused_events``, kept up to date by ``polemos.fuse.stored``):
a fused event matches a filter when one of its reports does, as in ``polemos events``. Filtering
the reports is the store's own ``select_event_uids``; this module adds what the API needs on top
(bbox, sort, offset, total, group-bys), all in SQL. A store whose fused events cannot be brought up
to date (a read-only file) is served report by report, each as a fused event of one report.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Select, exists, func, or_, select
from sqlalchemy.exc import SQLAlchemyError

from polemos.errors import Errors, StoreError
from polemos.store import EventFilter, SqlStore
from polemos.store.engine import redact
from polemos.store.query import select_event_uids
from polemos.store.schema import articles, counts, events, fused_events, fused_members, locations

log = logging.getLogger("polemos.api")
SORTS = ("-date", "date", "-killed", "killed", "type")
INTERVALS = ("day", "week")
FUSED_SCHEMA = "polemos.event/1"


@dataclass(frozen=True)
class EventQuery:
    where: EventFilter
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north (degrees)
    sort: str = "-date"
    offset: int = 0
    limit: int = 50


@contextlib.contextmanager
def _connect(store: SqlStore) -> Iterator[Connection]:
    """A read connection; database errors become a coded ``StoreError`` here, as in the store."""
    try:
        with store.engine.connect() as conn:
            yield conn
    except SQLAlchemyError as e:
        detail = str(getattr(e, "orig", None) or e).strip().splitlines()[0]
        raise StoreError(Errors.E402.format(detail=f"{detail} ({redact(store.url)})")) from e


def _killed() -> Any:
    """An event's killed figure (best, else low) as a correlated scalar subquery."""
    return (
        select(func.max(func.coalesce(counts.c.best, counts.c.low)))
        .where(counts.c.event_uid == events.c.uid, counts.c.kind == "killed")
        .scalar_subquery()
    )


def _filtered(where: EventFilter, bbox: tuple[float, float, float, float] | None) -> Select[Any]:
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


def _member_uids(store: SqlStore, conn: Connection, where: EventFilter, bbox: Any) -> Any:
    """The reports matching the filter, as a subquery (or a list when --near refines in Python)."""
    stmt = _filtered(where, bbox).order_by(None)
    if not where.near:
        return stmt
    near = set(store.event_ids(replace(where, limit=None)))
    return [u for u in conn.scalars(stmt) if u in near]


def _fused_matching(store: SqlStore, conn: Connection, where: EventFilter, bbox: Any) -> Select[Any]:
    members = select(fused_members.c.fused_id).where(
        fused_members.c.event_uid.in_(_member_uids(store, conn, where, bbox))
    )
    return select(fused_events.c.id).where(fused_events.c.id.in_(members))


def _fused_killed() -> Any:
    return fused_events.c.record["counts"]["killed"]["best"].as_integer()


def _fused_ordered(stmt: Select[Any], sort: str) -> Select[Any]:
    newest = (fused_events.c.date_start.desc().nulls_last(), fused_events.c.id)
    if sort == "date":
        return stmt.order_by(fused_events.c.date_start.asc().nulls_last(), fused_events.c.id)
    if sort in ("-killed", "killed"):
        key = _fused_killed().desc() if sort == "-killed" else _fused_killed().asc()
        return stmt.order_by(key.nulls_last(), *newest)
    if sort == "type":
        return stmt.order_by(fused_events.c.type, *newest)
    return stmt.order_by(*newest)


def page_events(store: SqlStore, q: EventQuery, fused: bool = True) -> tuple[int, list[dict[str, Any]]]:
    """(number of matching events, one page of them in the fused shape)."""
    if fused:
        from polemos.fuse.stored import fused as fused_records

        with _connect(store) as conn:
            stmt = _fused_matching(store, conn, q.where, q.bbox)
            total = int(conn.scalar(select(func.count()).select_from(stmt.subquery())) or 0)
            ids = list(conn.scalars(_fused_ordered(stmt, q.sort).offset(q.offset).limit(q.limit)))
        return total, fused_records(store, ids)
    stmt = _ordered(_filtered(q.where, q.bbox), q.sort)
    with _connect(store) as conn:
        if q.where.near:  # the store refines --near by great-circle distance in Python
            near = set(store.event_ids(replace(q.where, limit=None)))
            uids = [u for u in conn.scalars(stmt) if u in near]
            total, uids = len(uids), uids[q.offset : q.offset + q.limit]
        else:
            total = int(conn.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0)
            uids = list(conn.scalars(stmt.offset(q.offset).limit(q.limit)))
    return total, [as_fused(ev) for ev in store.events(uids)]


def event_detail(store: SqlStore, event_id: str, fused: bool = True) -> dict[str, Any] | None:
    """One event in the fused shape (by its id, or a report's uid), with each report's full record."""
    if not fused:
        found = store.events([event_id])
        return {**as_fused(found[0]), "report_events": found} if found else None
    from polemos.fuse.stored import fused as fused_records
    from polemos.fuse.stored import fused_id_of, members

    fid = fused_id_of(store, event_id)
    records = fused_records(store, [fid]) if fid else []
    if not records:
        return None
    reports = store.events(members(store, records[0]["id"]))
    reports.sort(key=lambda r: (r.get("published") or "", r.get("article_id") or "", r.get("uid")))
    return {**records[0], "report_events": reports}


def stats(
    store: SqlStore, where: EventFilter, bbox: Any = None, interval: str = "day", fused: bool = True
) -> dict[str, Any]:
    """Counts (and killed sums) by type, country, month and day or week, over the filtered events."""
    if fused:
        return _fused_stats(store, where, bbox, interval)
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

    def grouped(key: Any) -> list[dict[str, Any]]:
        stmt = select(key.label("key"), func.count(), k).select_from(base).where(in_filter).group_by(key)
        return [{"key": r[0], "count": int(r[1]), "killed": int(r[2])} for r in conn.execute(stmt)]

    with _connect(store) as conn:
        n_articles = int(conn.scalar(select(func.count()).select_from(articles)) or 0)
        by_type = grouped(events.c.type)
        by_day = grouped(events.c.date_start)
        by_country = [
            {"key": r[0], "count": int(r[1]), "killed": 0}
            for r in conn.execute(
                select(locations.c.country, func.count(func.distinct(locations.c.event_uid)))
                .where(locations.c.event_uid.in_(select(uids.c.uid)), locations.c.country.is_not(None))
                .group_by(locations.c.country)
            )
        ]
    return _answer(n_articles, by_type, by_country, by_day, interval)


def _fused_stats(store: SqlStore, where: EventFilter, bbox: Any, interval: str) -> dict[str, Any]:
    with _connect(store) as conn:
        ids = _fused_matching(store, conn, where, bbox).subquery()
        in_filter = fused_events.c.id.in_(select(ids.c.id))
        k = func.coalesce(func.sum(_fused_killed()), 0)

        def grouped(key: Any) -> list[dict[str, Any]]:
            stmt = select(key.label("key"), func.count(), k).where(in_filter).group_by(key)
            return [{"key": r[0], "count": int(r[1]), "killed": int(r[2])} for r in conn.execute(stmt)]

        n_articles = int(conn.scalar(select(func.count()).select_from(articles)) or 0)
        by_type = grouped(fused_events.c.type)
        by_day = grouped(fused_events.c.date_start)
        in_country = (
            select(locations.c.country, func.count(func.distinct(fused_members.c.fused_id)))
            .join(fused_members, fused_members.c.event_uid == locations.c.event_uid)
            .where(fused_members.c.fused_id.in_(select(ids.c.id)), locations.c.country.is_not(None))
            .group_by(locations.c.country)
        )
        by_country = [{"key": r[0], "count": int(r[1]), "killed": 0} for r in conn.execute(in_country)]
    return _answer(n_articles, by_type, by_country, by_day, interval)


def _answer(
    n_articles: int, by_type: list[Any], by_country: list[Any], by_day: list[Any], interval: str
) -> dict[str, Any]:
    dated = [b for b in by_day if _is_day(b["key"])]  # a stored date may be anything a record held
    by_month = _regroup(dated, lambda d: d[:7])
    timeline = dated if interval == "day" else _regroup(dated, _week_of)
    return {
        "ok": True,
        "articles": n_articles,
        "events": sum(b["count"] for b in by_type),
        "by_type": sorted(by_type, key=lambda b: (-b["count"], b["key"])),
        "by_country": sorted(by_country, key=lambda b: (-b["count"], b["key"])),
        "by_month": by_month,
        "timeline": sorted(timeline, key=lambda b: b["key"]),
        "interval": interval,
    }


def facets(store: SqlStore) -> tuple[list[str], list[str]]:
    """The event types and location countries in the store (index-only scans), for filter choices."""
    with _connect(store) as conn:
        types = [t for t in conn.scalars(select(events.c.type).distinct().order_by(events.c.type)) if t]
        countries = conn.scalars(
            select(locations.c.country)
            .where(locations.c.country.is_not(None))
            .distinct()
            .order_by(locations.c.country)
        )
        return types, [c for c in countries if c]


def _is_day(value: Any) -> bool:
    try:
        date.fromisoformat(str(value)[:10])
    except ValueError:
        return False
    return True


def _week_of(day: str) -> str:
    """The Monday of a date's ISO week, as YYYY-MM-DD."""
    d = date.fromisoformat(day[:10])
    return (d - timedelta(days=d.weekday())).isoformat()


def _regroup(buckets: list[dict[str, Any]], key: Any) -> list[dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for b in buckets:
        k = key(b["key"])
        slot = out.setdefault(k, {"key": k, "count": 0, "killed": 0})
        slot["count"] += b["count"]
        slot["killed"] += b["killed"]
    return [out[k] for k in sorted(out)]


# ---- the fused shape ----------------------------------------------------------------------------


def as_fused(ev: dict[str, Any]) -> dict[str, Any]:
    """An article-level event (as the store returns it) as a ``polemos.event/1`` record of one report."""
    from polemos.contract.event import of_one_report

    return of_one_report(ev)
