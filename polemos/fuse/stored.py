"""Fused events in the store: bring them up to date after ingest, read them, merge and split by hand.

The pure fuser (``polemos.fuse.cluster``) works in memory; this module feeds it from the store and
writes its clusters back (tables ``fused_events``, ``fused_members``, ``fusion_history``):

- ``update(store)`` fuses every article-level event that belongs to no fused event yet (new ones, or
  ones whose fused event lost a member because an article changed), and every article no event was
  read from that fusion has not seen (it may join a fused event as one more source, table
  ``fused_articles``; it never makes one). It loads only the stored events
  whose dates lie near the new ones (plus every member of the fused events those touch), so its cost
  follows the news around the new reports, not the size of the store. Stored fused ids and people's
  decisions are handed to the fuser, so ids stay and decisions hold.
- ``refuse(store)`` fuses everything again (same ids, same decisions).
- ``merge`` / ``split`` record a decision with who, when and why, then re-fuse what it touches.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, exists, func, insert, select
from sqlalchemy import update as sql_update

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
from polemos.fuse.sources import article_places, article_times, unread_reports
from polemos.store.changes import chunks, fused_of, record_changes
from polemos.store.lock import fusion_transaction, ingest_holder
from polemos.store.query import EventFilter
from polemos.store.schema import (
    articles,
    events,
    fused_articles,
    fused_events,
    fused_members,
    fusion_history,
)
from polemos.store.sql import SqlStore, _translated
from polemos.types import SCHEMA_EVENT

PAD_DAYS = 14  # stored events this far around the new ones are fused with them
SLICE_DAYS = 31  # new reports are fused a month of dates at a time
ARTICLE = "article:"  # marks an article no event was read from among the seeds


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


def _actions(conn: Any) -> list[Action]:
    rows = conn.execute(select(fusion_history).order_by(fusion_history.c.id))
    return [
        Action(
            op=r.op,
            fused_ids=tuple(r.fused_ids or ()),
            reports=tuple(r.reports or ()),
            who=r.who,
            why=r.why,
            when=r.at,
            report=r.report,
            result_id=r.result_id,
        )
        for r in rows
    ]


def _members_of(conn: Any, fused_ids: Iterable[str]) -> set[str]:
    ids, out = sorted(set(fused_ids)), set()
    for chunk in chunks(ids):
        q = select(fused_members.c.event_uid).where(fused_members.c.fused_id.in_(chunk))
        out.update(conn.scalars(q))
    return out


def _seeds(conn: Any) -> set[str]:
    """Events in no fused event, and what is left of fused events that lost members."""
    unfused = select(events.c.uid).where(~exists().where(fused_members.c.event_uid == events.c.uid))
    seeds = set(conn.scalars(unfused))
    counts = (
        select(fused_members.c.fused_id, func.count().label("n"))
        .group_by(fused_members.c.fused_id)
        .subquery()
    )
    shrunk = (
        select(fused_events.c.id)
        .join(counts, counts.c.fused_id == fused_events.c.id)
        .where(counts.c.n != fused_events.c.n_reports)
    )
    seeds |= _members_of(conn, conn.scalars(shrunk))
    return seeds


def _unread_seeds(conn: Any) -> list[tuple[str, str]]:
    """(published, article id) of articles no event was read from that fusion has not seen yet."""
    q = select(articles.c.published, articles.c.id).where(
        ~exists().where(events.c.article_id == articles.c.id),
        ~exists().where(fused_articles.c.article_id == articles.c.id),
    )
    return [(r.published or "", r.id) for r in conn.execute(q)]


def pending(store: SqlStore) -> int:
    """How many stored reports fusion has not seen yet: events in no fused event, articles no event
    was read from that no pass has looked at, and fused events that lost a member. Ingest fuses
    before it returns, so this is 0 unless a store was written by an older polemos (before fusion
    became part of ingest) or a write was killed between its batches and its fusion pass; reads
    report it and ``polemos events fuse`` clears it. Reads only: nothing is written."""
    unfused = select(func.count()).where(~exists().where(fused_members.c.event_uid == events.c.uid))
    unread = select(func.count()).where(
        ~exists().where(events.c.article_id == articles.c.id),
        ~exists().where(fused_articles.c.article_id == articles.c.id),
    )
    counts = (
        select(fused_members.c.fused_id, func.count().label("n"))
        .group_by(fused_members.c.fused_id)
        .subquery()
    )
    shrunk = (
        select(func.count())
        .select_from(fused_events)
        .join(counts, counts.c.fused_id == fused_events.c.id)
        .where(counts.c.n != fused_events.c.n_reports)
    )
    with _translated(store.url), store.engine.connect() as conn:
        return sum(int(conn.scalar(q.select_from(t) if t is not None else q) or 0)
                   for q, t in ((unfused, events), (unread, articles), (shrunk, None)))  # fmt: skip


def _drop_orphans(conn: Any) -> None:
    """Fused events none of whose reports is stored any more (their articles were removed)."""
    orphans = select(fused_events.c.id).where(~exists().where(fused_members.c.fused_id == fused_events.c.id))
    for chunk in chunks(sorted(conn.scalars(orphans))):
        conn.execute(delete(fused_events).where(fused_events.c.id.in_(chunk)))
        conn.execute(
            sql_update(fused_articles).where(fused_articles.c.fused_id.in_(chunk)).values(fused_id=None)
        )


def _window(conn: Any, seeds: set[str], unread: AbstractSet[str]) -> tuple[set[str], set[str]]:
    """Stored events, and articles no event was read from, dated within ``PAD_DAYS`` of the seeds."""
    bounds: list[str] = []
    for chunk in chunks(sorted(seeds)):
        q = select(func.min(events.c.date_start), func.max(events.c.date_end)).where(events.c.uid.in_(chunk))
        bounds.extend(d for d in conn.execute(q).one() if d)
    for chunk in chunks(sorted(unread)):
        q = select(func.min(articles.c.published), func.max(articles.c.published)).where(
            articles.c.id.in_(chunk)
        )
        first, last = conn.execute(q).one()
        if first:  # its opening may date it up to UNREAD_LAG_DAYS before publication
            bounds.append(_shift(_day(first, date.max), -UNREAD_LAG_DAYS))
        bounds.extend(d for d in (first, last) if d)
    found, found_unread = set(seeds), set(unread)
    if bounds:
        start = _shift(_day(min(bounds), date.min), -PAD_DAYS)
        end = _shift(_day(max(bounds), date.max), PAD_DAYS)
        q = select(events.c.uid).where(events.c.date_start <= end, events.c.date_end >= start)
        found |= set(conn.scalars(q))
        lag = max(PUBLISHED_WINDOW, UNREAD_LAG_DAYS)  # an article may be published this long after
        late = _shift(_day(end, date.max), lag)
        q = select(articles.c.id).where(
            articles.c.published >= start,
            articles.c.published <= late,
            ~exists().where(events.c.article_id == articles.c.id),
        )
        found_unread |= set(conn.scalars(q))
    found |= set(conn.scalars(select(events.c.uid).where(events.c.date_start.is_(None))))
    return found, found_unread


def _unread_membership(conn: Any, article_ids: list[str]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for chunk in chunks(article_ids):
        q = select(fused_articles.c.article_id, fused_articles.c.fused_id).where(
            fused_articles.c.article_id.in_(chunk)
        )
        out.update({r.article_id: r.fused_id for r in conn.execute(q)})
    return out


def _unread_of(conn: Any, fused_ids: Iterable[str]) -> set[str]:
    ids, out = sorted(set(fused_ids)), set()
    for chunk in chunks(ids):
        out.update(
            conn.scalars(select(fused_articles.c.article_id).where(fused_articles.c.fused_id.in_(chunk)))
        )
    return out


def _fuse(
    store: SqlStore,
    conn: Any,
    seeds: set[str],
    unread: AbstractSet[str] = frozenset(),
    *,
    everything: bool = False,
) -> tuple[Fuser, set[str], Outcome]:
    if everything:
        uids = set(conn.scalars(select(events.c.uid)))
        no_event = ~exists().where(events.c.article_id == articles.c.id)
        aids = set(conn.scalars(select(articles.c.id).where(no_event)))
    else:
        uids, aids = _window(conn, seeds, unread)
    ids = fused_of(conn, sorted(uids))
    joined = _unread_membership(conn, sorted(aids))
    held = set(ids.values()) | {f for f in joined.values() if f}
    more = _members_of(conn, held) - uids  # whole fused events, never a part of one
    more_aids = _unread_of(conn, held) - aids
    uids |= more
    aids |= more_aids
    ids.update(fused_of(conn, sorted(more)))
    joined.update(_unread_membership(conn, sorted(more_aids)))
    actions = _actions(conn)
    records = store.events(sorted(uids), conn=conn)
    where = article_places(conn, sorted({r["article_id"] for r in records}))
    when = article_times(conn, sorted({r["article_id"] for r in records}))
    unread_found = unread_reports(conn, sorted(aids))
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


def _write(conn: Any, fuser: Fuser, old_ids: set[str]) -> int:
    now = datetime.now(UTC)
    rows, members = [], []
    unread_rows: list[dict[str, str | None]] = []
    for fid, cluster in sorted(fuser.clusters.items()):
        if not fuser.is_event(fid):  # an article no event was read from, that joined none
            unread_rows.extend(
                {"article_id": fuser.reports[u].article_id, "fused_id": None} for u in cluster.members
            )
            continue
        record = fused_record(cluster, fuser.members(fid), fuser.constraints.touching(cluster.members))
        date_ = record.get("date") or {}
        rows.append(
            {
                "id": fid,
                "type": record["type"],
                "date_start": date_.get("start"),
                "date_end": date_.get("end"),
                "n_reports": sum(1 for u in cluster.members if fuser.reports[u].read),
                "record": record,
                "updated_at": now,
            }
        )
        for uid in cluster.members:
            r = fuser.reports[uid]
            if r.read:
                members.append({"event_uid": uid, "fused_id": fid})
            else:
                unread_rows.append({"article_id": r.article_id, "fused_id": fid})
    uids = sorted(u for u, r in fuser.reports.items() if r.read)
    aids = sorted(r.article_id for r in fuser.reports.values() if not r.read)
    for chunk in chunks(uids):
        conn.execute(delete(fused_members).where(fused_members.c.event_uid.in_(chunk)))
    for chunk in chunks(sorted(old_ids | set(fuser.clusters))):
        conn.execute(delete(fused_events).where(fused_events.c.id.in_(chunk)))
    for chunk in chunks(aids):
        conn.execute(delete(fused_articles).where(fused_articles.c.article_id.in_(chunk)))
    if rows:
        conn.execute(insert(fused_events), rows)
        conn.execute(insert(fused_members), members)
    if unread_rows:
        conn.execute(insert(fused_articles), unread_rows)
    return len(rows)


def update(store: SqlStore, *, wait: bool = True) -> Outcome:
    """Fuse what is not fused yet (after an ingest); returns what was done.

    New reports are taken a month of dates at a time, so a corpus spanning years is fused in slices
    whose memory follows a month's news; each slice sees the ids the slices before it wrote. The whole
    pass is one transaction: killed anywhere, it leaves the store as it was, and the next pass gives
    what an unbroken one would have, ids included. ``wait=False``: if an ingest is running or another
    writer holds the store, do nothing (a reader about to list fused events goes on with what is
    fused; a long pass of a reader never makes an ingest's batch wait past SQLite's busy timeout).
    """
    total = Outcome()
    if not wait and ingest_holder(store):  # an ingest is running: its own pass fuses what it stores
        return total
    with fusion_transaction(store, wait=wait) as conn:
        if conn is None:
            return total
        crash_point("fuse-start")
        _drop_orphans(conn)
        seeds = _seeds(conn)
        dated: list[tuple[str, str]] = []
        for chunk in chunks(sorted(seeds)):
            q = select(events.c.uid, events.c.date_start).where(events.c.uid.in_(chunk))
            dated.extend((r.date_start or "", r.uid) for r in conn.execute(q))
        dated.extend((day, ARTICLE + aid) for day, aid in _unread_seeds(conn))
        for part in _slices(sorted(dated)):
            unread = {k[len(ARTICLE) :] for k in part if k.startswith(ARTICLE)}
            seeds_ = {k for k in part if not k.startswith(ARTICLE)}
            fuser, old_ids, outcome = _fuse(store, conn, seeds_, unread)
            total.reports += outcome.reports
            total.new += outcome.new
            total.fused_events += _write(conn, fuser, old_ids)
            crash_point("fuse-slice")
        crash_point("fuse-commit")
    return total


def _slices(dated: list[tuple[str, str]]) -> Iterator[set[str]]:
    """Seeds (date, uid) in date order, cut where a slice would span more than ``SLICE_DAYS``."""
    part: set[str] = set()
    first: date | None = None
    for day, uid in dated:
        d = _day(day, date.min)
        if first is not None and part and (d - first).days > SLICE_DAYS:
            yield part
            part, first = set(), None
        first = first or d
        part.add(uid)
    if part:
        yield part


def refuse(store: SqlStore) -> Outcome:
    """Fuse every stored event again; fused ids and people's decisions are kept."""
    with fusion_transaction(store) as conn:
        fuser, old_ids, outcome = _fuse(store, conn, set(), everything=True)
        outcome.fused_events = _write(conn, fuser, old_ids)
    record_changes(store)  # a write records what it changed (reads no longer catch the feed up)
    return outcome


# ---- people's decisions ----------------------------------------------------------------------------


def _record_action(conn: Any, action: Action) -> int:
    result = conn.execute(
        insert(fusion_history).values(
            op=action.op,
            fused_ids=list(action.fused_ids),
            reports=list(action.reports),
            report=action.report,
            who=action.who,
            at=action.when,
            why=action.why,
        )
    )
    return int(result.inserted_primary_key[0])


def _decide(store: SqlStore, action: Action, probe: str) -> str:
    """Record a decision, re-fuse what it touches, and note the fused id it led to."""
    with fusion_transaction(store) as conn:  # the decision and its re-fusion stand or fall together
        row = _record_action(conn, action)
        fuser, old_ids, _ = _fuse(store, conn, set(action.reports))
        _write(conn, fuser, old_ids)
        result = fuser.member_of[probe]
        conn.execute(sql_update(fusion_history).where(fusion_history.c.id == row).values(result_id=result))
    record_changes(store)  # a write records what it changed (reads no longer catch the feed up)
    return result


def members(store: SqlStore, fused_id: str) -> list[str]:
    with _translated(store.url), store.engine.connect() as conn:
        return sorted(_members_of(conn, [fused_id]))


def merge(store: SqlStore, fused_ids: list[str], who: str, why: str | None = None) -> str:
    """Make these fused events one; returns the id of the result."""
    uids: list[str] = []
    for fid in fused_ids:
        found = members(store, fid)
        if not found:
            raise StoreError(Errors.E404.format(id=fid))
        uids.extend(found)
    action = Action(MERGE, tuple(fused_ids), tuple(sorted(uids)), who=who, why=why)
    return _decide(store, action, sorted(uids)[0])


def split(store: SqlStore, fused_id: str, report: str, who: str, why: str | None = None) -> str:
    """Take one report (an article-level event uid, or ``ARTICLE_ID:EVENT_ID``) out of a fused event."""
    uids = members(store, fused_id)
    if not uids:
        raise StoreError(Errors.E404.format(id=fused_id))
    uid = resolve_report(store, report)
    if uid not in uids:
        raise StoreError(Errors.E406.format(report=report, id=fused_id))
    action = Action(SPLIT, (fused_id,), tuple(uids), who=who, why=why, report=uid)
    return _decide(store, action, uid)


def resolve_report(store: SqlStore, report: str) -> str:
    """An article-level event's uid from its uid or ``ARTICLE_ID:EVENT_ID``."""
    with _translated(store.url), store.engine.connect() as conn:
        if conn.scalar(select(events.c.uid).where(events.c.uid == report)):
            return report
        article_id, _, event_id = report.rpartition(":")
        uid = conn.scalar(
            select(events.c.uid).where(events.c.article_id == article_id, events.c.event_id == event_id)
        )
    if uid is None:
        raise StoreError(Errors.E404.format(id=report))
    return str(uid)


# ---- reading -------------------------------------------------------------------------------------------


def fused_ids(store: SqlStore, where: EventFilter) -> list[str]:
    """Ids of the fused events with at least one report matching ``where``, newest first."""
    limit = where.limit
    uids = store.event_ids(EventFilter(**{**where.__dict__, "limit": None}))
    found: set[str] = set()
    with _translated(store.url), store.engine.connect() as conn:
        found.update(fused_of(conn, uids).values())
        dated: list[tuple[str, str]] = []
        for chunk in chunks(sorted(found)):
            q = select(fused_events.c.id, fused_events.c.date_start).where(fused_events.c.id.in_(chunk))
            dated.extend((r.date_start or "", r.id) for r in conn.execute(q))
    ordered = [fid for _, fid in sorted(dated, key=lambda t: (t[0], t[1]), reverse=True)]
    return ordered[:limit] if limit else ordered


def fused(store: SqlStore, ids: list[str]) -> list[dict[str, Any]]:
    """The stored ``polemos.event/1`` records of ``ids``, in that order."""
    out: dict[str, dict[str, Any]] = {}
    with _translated(store.url), store.engine.connect() as conn:
        for chunk in chunks(ids):
            q = select(fused_events.c.id, fused_events.c.record).where(fused_events.c.id.in_(chunk))
            out.update({r.id: r.record for r in conn.execute(q)})
    return [out[i] for i in ids if i in out]


def iter_fused(store: SqlStore, where: EventFilter) -> Iterator[dict[str, Any]]:
    ids = fused_ids(store, where)
    for chunk in chunks(ids):
        yield from fused(store, chunk)


def fused_id_of(store: SqlStore, ident: str) -> str | None:
    """A fused id from a fused id or from one of its reports' uids."""
    with _translated(store.url), store.engine.connect() as conn:
        if conn.scalar(select(fused_events.c.id).where(fused_events.c.id == ident)):
            return ident
        return conn.scalar(select(fused_members.c.fused_id).where(fused_members.c.event_uid == ident))


def row_view(record: dict[str, Any]) -> dict[str, Any]:
    """A fused record seen as one flat event (for CSV, GeoJSON and Parquet rows); others pass as they are.

    The first actor and target stand for the lists, the outlets of all reports are joined, the earliest
    report gives the publication date and the evidence; the full record stays in Parquet's ``record``.
    """
    if record.get("schema") != SCHEMA_EVENT:
        return record
    reports = record.get("reports") or []
    first = reports[0] if reports else {}
    outlets = "; ".join(dict.fromkeys(str(r.get("outlet")) for r in reports if r.get("outlet")))
    return {
        **record,
        "uid": record["id"],
        "id": None,
        "article_id": "; ".join(dict.fromkeys(str(r.get("article_id")) for r in reports)),
        "actor": (record.get("actors") or [None])[0],
        "target": (record.get("targets") or [None])[0],
        "outlet": outlets or None,
        "published": first.get("published"),
        "evidence": first.get("evidence") or {},
        "claims": [{"claimant": c.get("claimant")} for c in record.get("claims") or []],
        "confidence": (record.get("fusion") or {}).get("score"),
    }
