"""The seam between the API and the store: one page of events, one event, statistics, facets, and
the ``polemos.event/1`` shape every event is served in.

Events are the store's fused events (kept up to date by ``polemos.fuse.stored``): a fused event
matches a filter when one of its reports does, as in ``polemos events``. The queries (filter, bbox,
sort, offset, total, group-bys) are the store's (``Store.page_fused``, ``Store.stats``, …, in
``polemos.store.pages``); this module asks for them through the ``Store`` Protocol and shapes the
answer. A store whose fused events cannot be brought up to date (a read-only file) is served report
by report, each as a fused event of one report.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import Any

from polemos.store.base import SORTS, Bucket, EventFilter, EventQuery, Store

__all__ = ["FUSED_SCHEMA", "INTERVALS", "SORTS", "EventQuery", "as_fused", "event_detail", "facets",
           "page_events", "stats"]  # fmt: skip

log = logging.getLogger("polemos.api")
INTERVALS = ("day", "week")
FUSED_SCHEMA = "polemos.event/1"


def page_events(store: Store, q: EventQuery, fused: bool = True) -> tuple[int, list[dict[str, Any]]]:
    """(number of matching events, one page of them in the fused shape)."""
    if fused:
        total, ids = store.page_fused(q)
        return total, store.fused(ids)
    total, uids = store.page_reports(q)
    return total, [as_fused(ev) for ev in store.events(uids)]


def event_detail(store: Store, event_id: str, fused: bool = True) -> dict[str, Any] | None:
    """One event in the fused shape (by its id, or a report's uid), with each report's full record:
    one store call (``Store.event_by_id``)."""
    if not fused:
        return _unfused_detail(store, event_id)
    found = store.event_by_id(event_id)
    return None if found is None else {**found.record, "report_events": list(found.reports)}


def _unfused_detail(store: Store, event_id: str) -> dict[str, Any] | None:
    found = store.events([event_id])
    return {**as_fused(found[0]), "report_events": found} if found else None


def stats(
    store: Store, where: EventFilter, bbox: Any = None, interval: str = "day", fused: bool = True
) -> dict[str, Any]:
    """Counts (and killed sums) by type, country, month and day or week, over the filtered events."""
    rows = store.stats(where, bbox, fused=fused)
    by_type, by_country, by_day = _dicts(rows.by_type), _dicts(rows.by_country), _dicts(rows.by_day)
    return _answer(rows.articles, by_type, by_country, by_day, interval)


def facets(store: Store) -> tuple[list[str], list[str]]:
    """The event types and location countries in the store, for filter choices."""
    return store.facets()


def _dicts(buckets: list[Bucket]) -> list[dict[str, Any]]:
    return [{"key": b.key, "count": b.count, "killed": b.killed} for b in buckets]


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
