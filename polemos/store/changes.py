"""Versions of fused events and the change feed: what was added, updated, merged or removed, in order.

Fusion (``polemos.fuse.stored``) rewrites ``fused_events`` as it likes; this module does not touch its
transaction. ``record_changes`` compares the fused events with what it saw last time
(``event_versions``) and appends one row per difference to ``event_changes``, whose ``seq`` is the
cursor a reader continues from:

- **added**: a fused id not seen before (or seen, gone, and back), at version 1 (or the next one);
- **updated**: its record differs from the one last seen (a new report, a correction, a split that
  took a report out): the version goes up by one;
- **merged**: a fused id gone while its reports now sit in another fused event (``into``);
- **removed**: a fused id gone with its reports (their articles were removed).

Only fused events whose ``updated_at`` moved are read, so a round that changes nothing costs one
indexed comparison. It is a comparison, not a hook: a recorder killed before it ran loses nothing,
the next one sees the same differences. Recorders are serialized (SQLite's write lock, a table lock
on PostgreSQL), so cursors are committed in order and a reader never skips one.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, and_, exists, func, insert, or_, select, update

from polemos.store.base import Recorded
from polemos.store.errors import translated as _translated
from polemos.store.schema import event_changes, event_versions, fused_events, fused_members

if TYPE_CHECKING:
    from polemos.store.sql import SqlStore

_CHUNK = 500


def digest(record: Any) -> str:
    """The sha256 of a record in a canonical JSON form (key order and spacing do not count)."""
    text = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def chunks(items: list[str]) -> Iterator[list[str]]:
    """``items`` in slices short enough for one ``IN (…)`` on every database."""
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _members(conn: Connection, fused_ids: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for chunk in chunks(fused_ids):
        q = select(fused_members.c.fused_id, fused_members.c.event_uid).where(
            fused_members.c.fused_id.in_(chunk)
        )
        for r in conn.execute(q):
            out.setdefault(r.fused_id, []).append(r.event_uid)
    return {k: sorted(v) for k, v in out.items()}


def fused_of(conn: Connection, uids: list[str]) -> dict[str, str]:
    """The fused event each of ``uids`` (report uids) is a member of now."""
    out: dict[str, str] = {}
    for chunk in chunks(uids):
        q = select(fused_members.c.event_uid, fused_members.c.fused_id).where(
            fused_members.c.event_uid.in_(chunk)
        )
        out.update({r.event_uid: r.fused_id for r in conn.execute(q)})
    return out


def _moved() -> Any:
    """Fused events new, back, or rewritten since their last seen version."""
    ev = event_versions
    return (
        select(fused_events.c.id, fused_events.c.record, fused_events.c.updated_at, ev.c.version,
               ev.c.digest, ev.c.gone)
        .outerjoin(ev, ev.c.fused_id == fused_events.c.id)
        .where(or_(ev.c.fused_id.is_(None), ev.c.gone, ev.c.seen_at != fused_events.c.updated_at))
    )  # fmt: skip


def _gone() -> Any:
    """Versions whose fused event is no longer there."""
    ev = event_versions
    return select(ev.c.fused_id, ev.c.version, ev.c.members).where(
        and_(~ev.c.gone, ~exists().where(fused_events.c.id == ev.c.fused_id))
    )


def _pending(store: SqlStore) -> bool:
    """Whether there is anything to record, read without taking the write lock."""
    with _translated(store.url), store.engine.connect() as conn:
        one = _moved().with_only_columns(fused_events.c.id).limit(1)
        two = _gone().with_only_columns(event_versions.c.fused_id).limit(1)
        return conn.execute(one).first() is not None or conn.execute(two).first() is not None


def record_changes(store: SqlStore) -> Recorded:
    """Append the differences between the fused events and their last seen versions to the feed."""
    out = Recorded()
    if not _pending(store):  # the usual case (a poll, a round that changed nothing): no write lock
        out.cursor = latest_cursor(store)
        return out
    now = datetime.now(UTC)
    with _translated(store.url), store._write() as conn, conn.begin():
        if conn.dialect.name == "postgresql":  # one recorder at a time: cursors commit in order
            conn.exec_driver_sql("LOCK TABLE event_versions IN EXCLUSIVE MODE")
        ev = event_versions
        moved = _moved().order_by(fused_events.c.id)
        rows = list(conn.execute(moved))
        members = _members(conn, [r.id for r in rows])
        changes: list[dict[str, Any]] = []
        for r in rows:
            d = digest(r.record)
            state = {"digest": d, "members": members.get(r.id, []), "seen_at": r.updated_at, "gone": False}
            if r.version is None:
                conn.execute(insert(ev).values(fused_id=r.id, version=1, **state))
                changes.append({"fused_id": r.id, "op": "added", "version": 1})
            elif r.gone or r.digest != d:
                version = r.version + 1
                conn.execute(update(ev).where(ev.c.fused_id == r.id).values(version=version, **state))
                changes.append({"fused_id": r.id, "op": "added" if r.gone else "updated", "version": version})
            else:  # rewritten by fusion, same record: no new version
                conn.execute(update(ev).where(ev.c.fused_id == r.id).values(seen_at=r.updated_at))
        gone_q = _gone().order_by(ev.c.fused_id)
        gone = list(conn.execute(gone_q))
        where_now = fused_of(conn, sorted({u for g in gone for u in g.members or []}))
        for g in gone:
            into = Counter(where_now[u] for u in g.members or [] if u in where_now)
            target = min(into.items(), key=lambda kv: (-kv[1], kv[0]))[0] if into else None
            conn.execute(update(ev).where(ev.c.fused_id == g.fused_id).values(gone=True, seen_at=None))
            op = "merged" if target else "removed"
            changes.append({"fused_id": g.fused_id, "op": op, "version": g.version, "into_id": target})
        for c in changes:
            c.setdefault("into_id", None)
            conn.execute(insert(event_changes).values(at=now, **c))
            out.counts[c["op"]] += 1
        out.cursor = int(conn.scalar(select(func.max(event_changes.c.seq))) or 0)
    return out


def parse_cursor(value: str | int | None) -> int:
    """A cursor as given by a reader ("" or None: from the start); ValueError when it is not one."""
    if value is None or value == "":
        return 0
    n = int(str(value).strip())
    if n < 0:
        raise ValueError("a cursor is 0 or more")
    return n


def latest_cursor(store: SqlStore) -> int:
    """The cursor of the last change recorded (0: none yet): where a reader that wants only what
    happens from now on starts."""
    with _translated(store.url), store.engine.connect() as conn:
        return int(
            conn.scalar(select(event_changes.c.seq).order_by(event_changes.c.seq.desc()).limit(1)) or 0
        )


def changes_since(
    store: SqlStore, cursor: int, limit: int = 1000, *, with_events: bool = True
) -> tuple[list[dict[str, Any]], int, bool]:
    """Changes after ``cursor`` in order: (changes, the cursor to continue from, whether more wait).

    Each change is ``{"cursor", "op", "id", "version", "into", "at"}``; added and updated ones carry
    the fused event's current record as ``event`` (absent when it has changed again since, or is gone:
    a later change says so)."""
    with _translated(store.url), store.engine.connect() as conn:
        q = (
            select(event_changes)
            .where(event_changes.c.seq > cursor)
            .order_by(event_changes.c.seq)
            .limit(limit + 1)
        )
        rows = list(conn.execute(q))
        more = len(rows) > limit
        rows = rows[:limit]
        records: dict[str, tuple[int, Any]] = {}
        if with_events:
            wanted = sorted({r.fused_id for r in rows if r.op in ("added", "updated")})
            for chunk in chunks(wanted):
                q2 = (
                    select(fused_events.c.id, fused_events.c.record, event_versions.c.version)
                    .join(event_versions, event_versions.c.fused_id == fused_events.c.id)
                    .where(fused_events.c.id.in_(chunk))
                )
                records.update({r.id: (r.version, r.record) for r in conn.execute(q2)})
    out = []
    for r in rows:
        change: dict[str, Any] = {
            "cursor": str(r.seq),
            "op": r.op,
            "id": r.fused_id,
            "version": r.version,
            "into": r.into_id,
            "at": _iso(r.at),
        }
        held = records.get(r.fused_id)
        if held and held[0] == r.version:
            change["event"] = held[1]
        out.append(change)
    return out, (rows[-1].seq if rows else cursor), more


def versions(store: SqlStore, fused_id: str) -> list[dict[str, Any]]:
    """The change-feed history of one fused event (its versions, and a merge or removal)."""
    with _translated(store.url), store.engine.connect() as conn:
        q = select(event_changes).where(event_changes.c.fused_id == fused_id).order_by(event_changes.c.seq)
        return [
            {"cursor": str(r.seq), "op": r.op, "version": r.version, "into": r.into_id, "at": _iso(r.at)}
            for r in conn.execute(q)
        ]


def _iso(value: Any) -> str:
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    return str(value)
