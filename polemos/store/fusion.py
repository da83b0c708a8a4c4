"""Fusion's reads and writes in SQL, inside the one transaction a fusion pass runs in.

``polemos.fuse.stored`` decides *what* to fuse (which reports, which date window, which fused ids to
keep) and builds the fused records; it asks this module, through the ``FusionTx`` Protocol of
``polemos.store.base``, for the rows it needs and hands back the rows to write. Everything here runs
on the connection of ``fusion_transaction`` (``polemos.store.lock``), so a pass killed anywhere
leaves the store as it was. Tables: ``fused_events``, ``fused_members`` (report → fused event),
``fused_articles`` (an article no event was read from → the fused event it joined, or none),
``fusion_history`` (people's merges and splits), and ``fused_keys`` (each member report's filter
columns, what a filtered page reads: written beside ``fused_members``, gone with the report). Every
write here bumps the ``fusion`` counter first (``bump_fusion``), so a reader's cached totals go.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, exists, func, insert, select, update

from polemos.fuse.history import Action
from polemos.store.base import FusedRow
from polemos.store.bulk import insert_rows
from polemos.store.changes import chunks, fused_of
from polemos.store.counters import bump_fusion
from polemos.store.schema import (
    articles,
    events,
    fused_articles,
    fused_events,
    fused_keys,
    fused_members,
    fusion_history,
    locations,
    places,
    times,
)

if TYPE_CHECKING:
    from polemos.store.sql import SqlStore

_PLACE_COLUMNS = ("text", "name", "geonameid", "lat", "lon", "country", "admin1", "feature")


def best_killed(record: dict[str, Any]) -> int | None:
    """``counts.killed.best`` of a fused record, kept in its own column so a page sorts by toll
    without reading each record's JSON."""
    killed = (record.get("counts") or {}).get("killed") or {}
    best = killed.get("best") if isinstance(killed, dict) else None
    return int(best) if isinstance(best, int | float) and not isinstance(best, bool) else None


def _unfused() -> Any:
    """Reports (article-level events) in no fused event."""
    return ~exists().where(fused_members.c.event_uid == events.c.uid)


def _unread_unseen() -> list[Any]:
    """Articles no event was read from that no fusion pass has looked at yet."""
    return [
        ~exists().where(events.c.article_id == articles.c.id),
        ~exists().where(fused_articles.c.article_id == articles.c.id),
    ]


def _shrunk() -> Any:
    """Fused events that lost a member since they were written (an article changed or went)."""
    counts = (
        select(fused_members.c.fused_id, func.count().label("n"))
        .group_by(fused_members.c.fused_id)
        .subquery()
    )
    return (
        select(fused_events.c.id)
        .join(counts, counts.c.fused_id == fused_events.c.id)
        .where(counts.c.n != fused_events.c.n_reports)
    )


def write_keys(conn: Connection, members: dict[str, str], fused_starts: dict[str, str | None]) -> None:
    """The ``fused_keys`` rows of these reports (uid → the fused id just written for it, whose
    ``date_start`` is in ``fused_starts``): one row per located country of the report, or one with
    country '' for a report with none, so a filter without a country still finds it.

    Read as two lookups by key and joined here: the one INSERT … SELECT it was had PostgreSQL
    scan ``locations`` and ``fused_members`` whole for every slice (a table this very pass fills
    looks small to the planner), 100 ms a slice at 20k events and growing with the store."""
    uids = sorted(members)
    for chunk in chunks(uids):
        found: dict[str, set[str]] = {}
        located = select(locations.c.event_uid, locations.c.country).where(
            locations.c.event_uid.in_(chunk), locations.c.country.is_not(None)
        )
        for r in conn.execute(located):
            found.setdefault(r.event_uid, set()).add(r.country)
        q = select(events.c.uid, events.c.type, events.c.modality, events.c.date_start, events.c.date_end)
        rows = [
            {"event_uid": r.uid, "country": country, "fused_id": members[r.uid], "type": r.type,
             "modality": r.modality, "date_start": r.date_start, "date_end": r.date_end,
             "fused_start": fused_starts.get(members[r.uid])}
            for r in conn.execute(q.where(events.c.uid.in_(chunk)))
            for country in sorted(found.get(r.uid) or {""})
        ]  # fmt: skip
        insert_rows(conn, fused_keys, rows)


def pending(conn: Connection) -> int:
    """How many stored reports no fusion pass has taken in (see ``polemos.fuse.stored.pending``)."""
    unfused = select(func.count()).select_from(events).where(_unfused())
    unread = select(func.count()).select_from(articles).where(*_unread_unseen())
    shrunk = select(func.count()).select_from(_shrunk().subquery())
    return sum(int(conn.scalar(q) or 0) for q in (unfused, unread, shrunk))


def fused_ids_of(conn: Connection, uids: list[str]) -> list[tuple[str, str]]:
    """(date_start or "", fused id) of the fused events these reports are members of."""
    found = sorted(set(fused_of(conn, uids).values()))
    dated: list[tuple[str, str]] = []
    for chunk in chunks(found):
        q = select(fused_events.c.id, fused_events.c.date_start).where(fused_events.c.id.in_(chunk))
        dated.extend((r.date_start or "", r.id) for r in conn.execute(q))
    return dated


def members_of(conn: Connection, fused_ids: Iterable[str]) -> set[str]:
    ids, out = sorted(set(fused_ids)), set[str]()
    for chunk in chunks(ids):
        q = select(fused_members.c.event_uid).where(fused_members.c.fused_id.in_(chunk))
        out.update(conn.scalars(q))
    return out


def _bounds(starts: list[str | None], ends: list[str | None]) -> tuple[str | None, str | None]:
    """(least start, greatest end), ignoring NULLs as SQL's min and max do (None when all are)."""
    known_starts = [d for d in starts if d is not None]
    known_ends = [d for d in ends if d is not None]
    return (min(known_starts) if known_starts else None, max(known_ends) if known_ends else None)


class SqlFusion:
    """``FusionTx`` over one SQLAlchemy connection (the fusion pass's transaction)."""

    def __init__(self, store: SqlStore, conn: Connection) -> None:
        self.store = store
        self.conn = conn
        # date_start of the unfused reports ``seeds`` read, for ``event_starts`` of this pass
        self._starts: dict[str, str] = {}

    # ---- what to fuse ------------------------------------------------------------------------------

    def drop_orphans(self) -> None:
        conn = self.conn
        orphans = select(fused_events.c.id).where(
            ~exists().where(fused_members.c.fused_id == fused_events.c.id)
        )
        found = sorted(conn.scalars(orphans))
        if found:
            bump_fusion(conn)
        for chunk in chunks(found):
            conn.execute(delete(fused_events).where(fused_events.c.id.in_(chunk)))
            conn.execute(
                update(fused_articles).where(fused_articles.c.fused_id.in_(chunk)).values(fused_id=None)
            )

    def seeds(self) -> set[str]:
        # read with their starts: a pass asks ``event_starts`` of every seed next, and at a million
        # unfused reports looking them up again by uid (IN lists of 500) was 13% of a pass
        rows = self.conn.execute(select(events.c.uid, events.c.date_start).where(_unfused()))
        self._starts = {r.uid: r.date_start or "" for r in rows}
        return set(self._starts) | members_of(self.conn, self.conn.scalars(_shrunk()))

    def unread_seeds(self) -> list[tuple[str, str]]:
        q = select(articles.c.published, articles.c.id).where(*_unread_unseen())
        return [(r.published or "", r.id) for r in self.conn.execute(q)]

    def event_starts(self, uids: Sequence[str]) -> list[tuple[str, str]]:
        known = self._starts  # what ``seeds`` read in this transaction; the rest from the table
        out = [(known[u], u) for u in sorted(uids) if u in known]
        for chunk in chunks(sorted(u for u in uids if u not in known)):
            q = select(events.c.uid, events.c.date_start).where(events.c.uid.in_(chunk))
            out.extend((r.date_start or "", r.uid) for r in self.conn.execute(q))
        return out

    # The bounds below are taken here rather than as SQL min()/max(): PostgreSQL answers
    # ``min(date_start) … WHERE uid IN (…)`` by walking ``ix_events_date_start`` from its start until
    # a row of the list turns up, a scan that grows with the store (43 ms a slice at 20k events).

    def date_bounds(self, uids: Sequence[str]) -> list[str]:
        out: list[str] = []
        for chunk in chunks(sorted(uids)):
            q = select(events.c.date_start, events.c.date_end).where(events.c.uid.in_(chunk))
            rows = self.conn.execute(q).all()
            out.extend(d for d in _bounds([r.date_start for r in rows], [r.date_end for r in rows]) if d)
        return out

    def published_bounds(self, article_ids: Sequence[str]) -> list[tuple[str | None, str | None]]:
        out: list[tuple[str | None, str | None]] = []
        for chunk in chunks(sorted(article_ids)):
            days = list(self.conn.scalars(select(articles.c.published).where(articles.c.id.in_(chunk))))
            first, last = _bounds(days, days)
            out.append((first, last))
        return out

    def events_between(self, start: str, end: str) -> set[str]:
        q = select(events.c.uid).where(events.c.date_start <= end, events.c.date_end >= start)
        return set(self.conn.scalars(q))

    def unread_published_between(self, start: str, end: str) -> set[str]:
        q = select(articles.c.id).where(
            articles.c.published >= start,
            articles.c.published <= end,
            ~exists().where(events.c.article_id == articles.c.id),
        )
        return set(self.conn.scalars(q))

    def undated_events(self) -> set[str]:
        return set(self.conn.scalars(select(events.c.uid).where(events.c.date_start.is_(None))))

    def all_events(self) -> set[str]:
        return set(self.conn.scalars(select(events.c.uid)))

    def all_unread(self) -> set[str]:
        no_event = ~exists().where(events.c.article_id == articles.c.id)
        return set(self.conn.scalars(select(articles.c.id).where(no_event)))

    # ---- what is fused now -------------------------------------------------------------------------

    def fused_of(self, uids: Sequence[str]) -> dict[str, str]:
        return fused_of(self.conn, sorted(uids))

    def unread_membership(self, article_ids: Sequence[str]) -> dict[str, str | None]:
        out: dict[str, str | None] = {}
        for chunk in chunks(sorted(article_ids)):
            q = select(fused_articles.c.article_id, fused_articles.c.fused_id).where(
                fused_articles.c.article_id.in_(chunk)
            )
            out.update({r.article_id: r.fused_id for r in self.conn.execute(q)})
        return out

    def members_of(self, fused_ids: Iterable[str]) -> set[str]:
        return members_of(self.conn, fused_ids)

    def unread_of(self, fused_ids: Iterable[str]) -> set[str]:
        ids, out = sorted(set(fused_ids)), set[str]()
        for chunk in chunks(ids):
            q = select(fused_articles.c.article_id).where(fused_articles.c.fused_id.in_(chunk))
            out.update(self.conn.scalars(q))
        return out

    def actions(self) -> list[Action]:
        rows = self.conn.execute(select(fusion_history).order_by(fusion_history.c.id))
        return [
            Action(op=r.op, fused_ids=tuple(r.fused_ids or ()), reports=tuple(r.reports or ()), who=r.who,
                   why=r.why, when=r.at, report=r.report, result_id=r.result_id)
            for r in rows
        ]  # fmt: skip

    # ---- the reports -------------------------------------------------------------------------------

    def reports(self, uids: Sequence[str]) -> list[dict[str, Any]]:
        return self.store.events(list(uids), conn=self.conn)

    def article_places(self, article_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        for chunk in chunks(list(article_ids)):
            q = select(places).where(places.c.article_id.in_(chunk)).order_by(places.c.seq)
            for r in self.conn.execute(q):
                place = {c: r._mapping[c] for c in _PLACE_COLUMNS}
                place["demonym"] = bool((r.extra or {}).get("demonym"))
                out.setdefault(r.article_id, []).append(place)
        return out

    def article_times(self, article_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        for chunk in chunks(list(article_ids)):
            q = select(times).where(times.c.article_id.in_(chunk)).order_by(times.c.seq)
            for r in self.conn.execute(q):
                out.setdefault(r.article_id, []).append({
                    "text": r.text, "start": r.span_start, "end": r.span_end, "start_date": r.start_date,
                    "end_date": r.end_date, "precision": r.precision,
                })  # fmt: skip
        return out

    def unread_articles(self, article_ids: Sequence[str]) -> list[dict[str, Any]]:
        out = []
        cols = (articles.c.id, articles.c.text, articles.c.title, articles.c.published, articles.c.outlet)
        for chunk in chunks(list(article_ids)):
            for r in self.conn.execute(select(*cols).where(articles.c.id.in_(chunk))):
                out.append(dict(r._mapping))
        return out

    # ---- writing -----------------------------------------------------------------------------------

    def replace_fused(
        self,
        rows: Sequence[FusedRow],
        *,
        report_uids: Sequence[str],
        article_ids: Sequence[str],
        old_ids: Iterable[str],
    ) -> None:
        """Drop the fused events ``old_ids`` and every membership of these reports and articles, then
        write ``rows`` with their members (an unread article's row with no fused id: seen, joined none)."""
        conn, now = self.conn, datetime.now(UTC)
        bump_fusion(conn)
        for chunk in chunks(list(report_uids)):
            conn.execute(delete(fused_keys).where(fused_keys.c.event_uid.in_(chunk)))
            conn.execute(delete(fused_members).where(fused_members.c.event_uid.in_(chunk)))
        for chunk in chunks(sorted(set(old_ids))):
            conn.execute(delete(fused_events).where(fused_events.c.id.in_(chunk)))
        for chunk in chunks(list(article_ids)):
            conn.execute(delete(fused_articles).where(fused_articles.c.article_id.in_(chunk)))
        events_ = [r for r in rows if r.record is not None]
        if events_:
            insert_rows(conn, fused_events, [
                {"id": r.id, "type": r.record.get("type"), "date_start": r.date_start, "date_end": r.date_end,
                 "n_reports": len(r.members), "record": r.record, "killed": best_killed(r.record),
                 "updated_at": now}
                for r in events_ if r.record is not None
            ])  # fmt: skip
            members = [{"event_uid": u, "fused_id": r.id} for r in events_ for u in r.members]
            if members:
                insert_rows(conn, fused_members, members)
                write_keys(conn, {m["event_uid"]: m["fused_id"] for m in members},
                           {r.id: r.date_start for r in events_})  # fmt: skip
        unread = [{"article_id": a, "fused_id": r.id if r.record is not None else None}
                  for r in rows for a in r.articles]  # fmt: skip
        insert_rows(conn, fused_articles, unread)

    def record_action(self, action: Action) -> int:
        result = self.conn.execute(insert(fusion_history).values(
            op=action.op, fused_ids=list(action.fused_ids), reports=list(action.reports),
            report=action.report, who=action.who, at=action.when, why=action.why))  # fmt: skip
        return int(result.inserted_primary_key[0])  # type: ignore[index]

    def set_action_result(self, action_id: int, result_id: str) -> None:
        q = update(fusion_history).where(fusion_history.c.id == action_id).values(result_id=result_id)
        self.conn.execute(q)
