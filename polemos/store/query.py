"""Filters over article-level events, as SQL; separate from the record shape they return.

``EventFilter`` is what ``polemos events`` and ``polemos export`` accept; ``select_event_uids`` turns
it into one SELECT of event uids, so a different record shape (fused events) can reuse the filtering.
``--near`` is a bounding box in SQL (indexed lat/lon) refined by great-circle distance in Python.
"""

from __future__ import annotations

import math
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select

from polemos.store.base import EventFilter
from polemos.store.schema import actors, events, locations

__all__ = ["EventFilter", "bounding_box", "km_between", "near_ok", "select_event_uids"]

EARTH_KM = 6371.0088


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(lat: float, lon: float, km: float) -> tuple[float, float, float, float]:
    """(min lat, max lat, min lon, max lon) around a point; wide enough for the circle of ``km``."""
    dlat = math.degrees(km / EARTH_KM)
    coslat = math.cos(math.radians(lat))
    dlon = 180.0 if coslat < 1e-6 else min(180.0, math.degrees(km / (EARTH_KM * coslat)))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def _like(value: str) -> str:
    escaped = value.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def select_event_uids(where: EventFilter) -> Select[Any]:
    """A SELECT of the uids of matching events, newest first, without the --near refinement."""
    conds: list[Any] = []
    if where.type:
        conds.append(events.c.type == where.type.upper())
    if where.modality:
        conds.append(events.c.modality == where.modality.lower())
    if where.since:
        conds.append(events.c.date_end >= where.since)
    if where.until:
        conds.append(events.c.date_start <= where.until)
    if where.article_id:
        conds.append(events.c.article_id == where.article_id)
    if where.country:
        conds.append(
            exists().where(
                locations.c.event_uid == events.c.uid, locations.c.country == where.country.upper()
            )
        )
    if where.near:
        lat_lo, lat_hi, lon_lo, lon_hi = bounding_box(*where.near)
        conds.append(
            exists().where(
                locations.c.event_uid == events.c.uid,
                locations.c.lat.between(lat_lo, lat_hi),
                locations.c.lon.between(lon_lo, lon_hi),
            )
        )
    for roles, value in ((("actor", "target"), where.actor), (("claimant",), where.claimant)):
        if value:
            pattern = _like(value)
            conds.append(
                exists().where(
                    actors.c.event_uid == events.c.uid,
                    actors.c.role.in_(roles),
                    or_(
                        actors.c.name_fold.like(pattern, escape="\\"),
                        func.lower(actors.c.text).like(pattern, escape="\\"),
                    ),
                )
            )
    stmt = (
        select(events.c.uid)
        .where(and_(True, *conds))
        .order_by(events.c.date_start.desc().nulls_last(), events.c.uid)
    )
    if where.limit is not None and not where.near:
        stmt = stmt.limit(where.limit)
    return stmt


def near_ok(where: EventFilter, points: list[tuple[float | None, float | None]]) -> bool:
    """Whether any of an event's located points is within the --near radius."""
    if not where.near:
        return True
    lat, lon, km = where.near
    return any(
        plat is not None and plon is not None and km_between(lat, lon, plat, plon) <= km
        for plat, plon in points
    )
