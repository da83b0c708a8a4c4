"""Fused events in the store: bring them up to date after ingest, read them, merge and split by hand.

The pure fuser (``polemos.fuse.cluster``) works in memory; this module feeds it from the store and
writes its clusters back, through the store's Protocol (``polemos.store.base.Store`` and the
``FusionTx`` of one pass): it decides what to fuse, the store says how that is read and written, so
no SQL is here and a test double of the store can drive it.

- ``update(store)`` fuses every article-level event that belongs to no fused event yet (new ones, or
  ones whose fused event lost a member because an article changed), and every article no event was
  read from that fusion has not seen (it may join a fused event as one more source; it never makes
  one). It loads only the stored events whose dates lie near the new ones (plus every member of the
  fused events those touch), so its cost follows the news around the new reports, not the size of
  the store. Stored fused ids and people's decisions are handed to the fuser, so ids stay and
  decisions hold.
- ``refuse(store)`` fuses everything again (same ids, same decisions).
- ``merge`` / ``split`` record a decision with who, when and why, then re-fuse what it touches.
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from polemos.contract.event import flat_view
from polemos.errors import Errors, StoreError
from polemos.faults import crash_point
from polemos.fuse import fused_record
from polemos.fuse.cluster import Fuser
from polemos.fuse.history import MERGE, SPLIT, Action
from polemos.fuse.report import (
    PUBLISHED_WINDOW,
    UNREAD,
    UNREAD_LAG_DAYS,
    report_from_record,
    report_uid,
)
from polemos.fuse.sources import unread_reports
from polemos.store.base import EventFilter, FusedRow, FusionTx, Store

PAD_DAYS = 14  # stored events this far around the new ones are fused with them
SLICE_DAYS = 31  # new reports are fused a month of dates at a time
PASS_REPORTS = 50_000  # new reports fused per committed pass (one transaction)
ARTICLE = "article:"  # marks an article no event was read from among the seeds
_READ_CHUNK = 500  # fused records read at a time


@dataclass
class Outcome:
    reports: int = 0  # reports fused in this run (new and their neighbours)
    new: int = 0  # reports that had no fused event before
    fused_events: int = 0  # fused events written


def _day(value: str | None, default: date) -> date:
    try:
        return date.fromisoformat(value) if value else default
    except ValueError:
        return default


def _shift(day: date, days: int) -> str:
    """``day`` moved by ``days``, held within the calendar (a year-1 or year-9999 date is no error)."""
    try:
        return (day + timedelta(days=days)).isoformat()
    except OverflowError:
        return (date.min if days < 0 else date.max).isoformat()


def pending(store: Store) -> int:
    """How many stored reports fusion has not seen yet: events in no fused event, articles no event
    was read from that no pass has looked at, and fused events that lost a member. Ingest fuses
    before it returns, so this is 0 unless a store was written by an older polemos (before fusion
    became part of ingest) or a write was killed between its batches and its fusion pass; reads
    report it and ``polemos events fuse`` clears it. Reads only: nothing is written."""
    return store.pending_fusion()


def _window(tx: FusionTx, seeds: set[str], unread: AbstractSet[str]) -> tuple[set[str], set[str]]:
    """Stored events, and articles no event was read from, dated within ``PAD_DAYS`` of the seeds."""
    bounds: list[str] = list(tx.date_bounds(sorted(seeds)))
    for first, last in tx.published_bounds(sorted(unread)):
        if first:  # its opening may date it up to UNREAD_LAG_DAYS before publication
            bounds.append(_shift(_day(first, date.max), -UNREAD_LAG_DAYS))
        bounds.extend(d for d in (first, last) if d)
    found, found_unread = set(seeds), set(unread)
    if bounds:
        start = _shift(_day(min(bounds), date.min), -PAD_DAYS)
        end = _shift(_day(max(bounds), date.max), PAD_DAYS)
        found |= tx.events_between(start, end)
        lag = max(PUBLISHED_WINDOW, UNREAD_LAG_DAYS)  # an article may be published this long after
        found_unread |= tx.unread_published_between(start, _shift(_day(end, date.max), lag))
    found |= tx.undated_events()
    return found, found_unread


def _fuse(
    tx: FusionTx, seeds: set[str], unread: AbstractSet[str] = frozenset(), *, everything: bool = False
) -> tuple[Fuser, set[str], Outcome]:
    if everything:
        uids, aids = tx.all_events(), tx.all_unread()
    else:
        uids, aids = _window(tx, seeds, unread)
    ids = tx.fused_of(sorted(uids))
    joined = tx.unread_membership(sorted(aids))
    held = set(ids.values()) | {f for f in joined.values() if f}
    more = tx.members_of(held) - uids  # whole fused events, never a part of one
    more_aids = tx.unread_of(held) - aids
    uids |= more
    aids |= more_aids
    ids.update(tx.fused_of(sorted(more)))
    joined.update(tx.unread_membership(sorted(more_aids)))
    actions = tx.actions()
    records = tx.reports(sorted(uids))
    article_ids = sorted({r["article_id"] for r in records})
    where, when = tx.article_places(article_ids), tx.article_times(article_ids)
    unread_found = unread_reports(tx, sorted(aids))
    previous = dict(ids)
    previous.update({report_uid(a, UNREAD): f for a, f in joined.items() if f})
    fuser = Fuser(ids=previous, actions=actions)
    fuser.add(
        report_from_record(
            r, article_places=where.get(r["article_id"]), article_times=when.get(r["article_id"])
        )
        for r in records
    )
    fuser.add(unread_found)
    old = set(previous.values())
    new = len(uids - set(ids)) + len(aids - set(joined))
    return fuser, old, Outcome(reports=len(records) + len(unread_found), new=new)


def stored_rows(fuser: Fuser) -> list[FusedRow]:
    """The fuser's clusters as the store keeps them, in id order: a fused event with its read
    reports and the unread articles that joined it, or unread articles that joined nothing."""
    rows: list[FusedRow] = []
    for fid, cluster in sorted(fuser.clusters.items()):
        if not fuser.is_event(fid):  # an article no event was read from, that joined none
            rows.append(FusedRow(fid, None, (), tuple(fuser.reports[u].article_id for u in cluster.members)))
            continue
        read = tuple(u for u in cluster.members if fuser.reports[u].read)
        unread = tuple(fuser.reports[u].article_id for u in cluster.members if not fuser.reports[u].read)
        record = fused_record(cluster, fuser.members(fid), fuser.constraints.touching(cluster.members))
        date_ = record.get("date") or {}
        rows.append(FusedRow(fid, record, read, unread, date_.get("start"), date_.get("end")))
    return rows


def _write(tx: FusionTx, fuser: Fuser, old_ids: set[str]) -> int:
    rows = stored_rows(fuser)
    tx.replace_fused(
        rows,
        report_uids=sorted(u for u, r in fuser.reports.items() if r.read),
        article_ids=sorted(r.article_id for r in fuser.reports.values() if not r.read),
        old_ids=old_ids | set(fuser.clusters),
    )
    return sum(1 for r in rows if r.record is not None)


def update(store: Store, *, wait: bool = True, pass_reports: int | None = None) -> Outcome:
    """Fuse what is not fused yet (after an ingest); returns what was done.

    New reports are taken a month of dates at a time, so a corpus spanning years is fused in slices
    whose memory follows a month's news; each slice sees the ids the slices before it wrote. A slice
    is cut from what is still unfused when it starts (the earliest unfused report's date and the
    ``SLICE_DAYS`` after it), never from a plan made at the start, so the work left after any slice
    depends only on what the store holds then. Slices are committed in passes of about
    ``pass_reports`` new reports (``PASS_REPORTS``), each one transaction: killed anywhere, a pass
    leaves the store as the passes before it left it, and the next ``update`` resumes from there and
    gives what an unbroken run would have, ids included (a million reports is some twenty passes,
    not one transaction the database holds for the whole build). ``wait=False``: if an ingest is
    running or another writer holds the store, do nothing (a reader about to list fused events goes
    on with what is fused; a long pass of a reader never makes an ingest's batch wait past SQLite's
    busy timeout).
    """
    total = Outcome()
    if not wait and store.ingest_running():  # an ingest is running: its own pass fuses what it stores
        return total
    budget = max(1, pass_reports or PASS_REPORTS)
    while True:
        with store.fusion(wait=wait) as tx:
            if tx is None:
                return total
            crash_point("fuse-start")
            tx.drop_orphans()
            seeds = tx.seeds()
            dated = tx.event_starts(sorted(seeds))
            dated.extend((day, ARTICLE + aid) for day, aid in tx.unread_seeds())
            slices = _Slices(dated)
            taken = 0
            for part in slices:
                unread = {k[len(ARTICLE) :] for k in part if k.startswith(ARTICLE)}
                seeds_ = {k for k in part if not k.startswith(ARTICLE)}
                fuser, old_ids, outcome = _fuse(tx, seeds_, unread)
                total.reports += outcome.reports
                total.new += outcome.new
                total.fused_events += _write(tx, fuser, old_ids)
                slices.done(fuser)
                crash_point("fuse-slice")
                taken += len(part)
                if taken >= budget:
                    break
            crash_point("fuse-commit")
        if not slices.left:
            return total


class _Slices:
    """The seeds still unfused, a slice at a time: the earliest one's date and ``SLICE_DAYS`` after.

    ``done(fuser)`` after each slice is written takes out every seed that slice fused (its own and
    any neighbour among the seeds its window took in), so the next slice starts where an ``update``
    begun afresh on the store as it is then would start."""

    def __init__(self, dated: list[tuple[str, str]]) -> None:
        self._order = [(_day(day, date.min), key) for day, key in sorted(dated)]
        self.left = {key for _, key in self._order}
        self._at = 0

    def __iter__(self) -> Iterator[set[str]]:
        order, left = self._order, self.left
        while True:
            while self._at < len(order) and order[self._at][1] not in left:
                self._at += 1
            if self._at == len(order):
                return
            first = order[self._at][0]
            part: set[str] = set()
            for day, key in order[self._at :]:
                if (day - first).days > SLICE_DAYS:
                    break
                if key in left:
                    part.add(key)
            left -= part
            yield part

    def done(self, fuser: Fuser) -> None:
        for uid, report in fuser.reports.items():
            self.left.discard(uid if report.read else ARTICLE + report.article_id)


def _slices(dated: list[tuple[str, str]]) -> Iterator[set[str]]:
    """Seeds (date, uid) in date order, cut where a slice would span more than ``SLICE_DAYS``
    (the slices of a pass whose slices fuse nothing beyond their own seeds)."""
    return iter(_Slices(dated))


def refuse(store: Store) -> Outcome:
    """Fuse every stored event again; fused ids and people's decisions are kept."""
    with store.fusion() as tx:
        if tx is None:  # only with wait=False
            return Outcome()
        fuser, old_ids, outcome = _fuse(tx, set(), everything=True)
        outcome.fused_events = _write(tx, fuser, old_ids)
    store.record_changes()  # a write records what it changed (reads no longer catch the feed up)
    return outcome


# ---- people's decisions ----------------------------------------------------------------------------


def _decide(store: Store, action: Action, probe: str) -> str:
    """Record a decision, re-fuse what it touches, and note the fused id it led to."""
    with store.fusion() as tx:  # the decision and its re-fusion stand or fall together
        if tx is None:  # only with wait=False
            raise StoreError(Errors.E402.format(detail="no fusion transaction"))
        row = tx.record_action(action)
        fuser, old_ids, _ = _fuse(tx, set(action.reports))
        _write(tx, fuser, old_ids)
        result = fuser.member_of[probe]
        tx.set_action_result(row, result)
    store.record_changes()  # a write records what it changed (reads no longer catch the feed up)
    return result


def members(store: Store, fused_id: str) -> list[str]:
    return store.fused_members(fused_id)


def merge(store: Store, fused_ids: list[str], who: str, why: str | None = None) -> str:
    """Make these fused events one; returns the id of the result."""
    uids: list[str] = []
    for fid in fused_ids:
        found = members(store, fid)
        if not found:
            raise StoreError(Errors.E404.format(id=fid))
        uids.extend(found)
    action = Action(MERGE, tuple(fused_ids), tuple(sorted(uids)), who=who, why=why)
    return _decide(store, action, sorted(uids)[0])


def split(store: Store, fused_id: str, report: str, who: str, why: str | None = None) -> str:
    """Take one report (an article-level event uid, or ``ARTICLE_ID:EVENT_ID``) out of a fused event."""
    uids = members(store, fused_id)
    if not uids:
        raise StoreError(Errors.E404.format(id=fused_id))
    uid = resolve_report(store, report)
    if uid not in uids:
        raise StoreError(Errors.E406.format(report=report, id=fused_id))
    action = Action(SPLIT, (fused_id,), tuple(uids), who=who, why=why, report=uid)
    return _decide(store, action, uid)


def resolve_report(store: Store, report: str) -> str:
    """An article-level event's uid from its uid or ``ARTICLE_ID:EVENT_ID``."""
    uid = store.resolve_report(report)
    if uid is None:
        raise StoreError(Errors.E404.format(id=report))
    return uid


# ---- reading -------------------------------------------------------------------------------------------


def fused_ids(store: Store, where: EventFilter) -> list[str]:
    """Ids of the fused events with at least one report matching ``where``, newest first."""
    return store.fused_ids(where)


def fused(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    """The stored ``polemos.event/1`` records of ``ids``, in that order."""
    return store.fused(ids)


def iter_fused(store: Store, where: EventFilter) -> Iterator[dict[str, Any]]:
    ids = store.fused_ids(where)
    for i in range(0, len(ids), _READ_CHUNK):
        yield from store.fused(ids[i : i + _READ_CHUNK])


def fused_id_of(store: Store, ident: str) -> str | None:
    """A fused id from a fused id or from one of its reports' uids."""
    return store.fused_id_of(ident)


def row_view(record: dict[str, Any]) -> dict[str, Any]:
    """A fused record seen as one flat event (CSV, GeoJSON and Parquet rows): the contract's view."""
    return flat_view(record)
