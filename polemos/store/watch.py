"""The watcher's state in the store (tables ``watch_sources`` and ``watch_items``), so a watcher killed
at any moment resumes where it was. ``WatchState`` implements the ``WatchStore`` Protocol
(``polemos.store.base``); the watcher (``polemos.watch``) gets one from ``Store.watch_state()``.

A feed's new items are written as *pending* in the same transaction as the feed's new validators
(ETag, Last-Modified): once a 304 can come back, every item of that feed is already recorded, and a
pending item is read next round whatever the feed says. An item becomes *done* once its article is
stored (or known, or quarantined); a page that cannot be fetched makes it *failed*, retried with a
doubling back-off, and *gave-up* after ``MAX_TRIES``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, delete, func, insert, or_, select, update

from polemos.store.base import Item
from polemos.store.errors import translated as _translated
from polemos.store.schema import watch_items, watch_sources

if TYPE_CHECKING:
    from polemos.store.sql import SqlStore

__all__ = ["MAX_TRIES", "Item", "WatchState", "backoff", "item_id"]

MAX_TRIES = 5  # fetches of one article page before the item is given up
_CHUNK = 500


def item_id(source: str, key: str) -> str:
    return hashlib.sha256(f"{source}\n{key}".encode("utf-8", "surrogatepass")).hexdigest()[:32]


def backoff(failures: int, base: float, cap: float) -> timedelta:
    """The wait after ``failures`` failures in a row: base, 2×base, 4×base, … up to ``cap`` seconds."""
    return timedelta(seconds=min(cap, base * 2 ** max(0, failures - 1)))


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime | None) -> datetime | None:
    """SQLite gives back naive datetimes; every one the watcher writes is UTC."""
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class WatchState:
    """``WatchStore`` over a ``SqlStore``: each method is one transaction."""

    def __init__(self, store: SqlStore) -> None:
        self.store = store

    def _conn(self) -> Any:
        return self.store._write()

    def source(self, source: str, kind: str) -> dict[str, Any]:
        """The source's row, created (status new) when it was never watched."""
        with _translated(self.store.url), self._conn() as conn, conn.begin():
            row = conn.execute(select(watch_sources).where(watch_sources.c.source == source)).first()
            if row is None:
                values = {"source": source, "kind": kind, "status": "new", "failures": 0, "items": 0}
                conn.execute(insert(watch_sources).values(**values))
                return values
            out = dict(row._mapping)
        out["next_try_at"] = _aware(out.get("next_try_at"))
        return out

    def sources(self) -> list[dict[str, Any]]:
        with _translated(self.store.url), self.store.engine.connect() as conn:
            return [
                dict(r._mapping) for r in conn.execute(select(watch_sources).order_by(watch_sources.c.source))
            ]

    def feed_read(
        self,
        source: str,
        items: list[tuple[str, str | None, dict[str, Any]]],
        *,
        etag: str | None,
        last_modified: str | None,
        final_url: str | None,
    ) -> tuple[int, int]:
        """A feed answered 200: record its new items as pending and its validators, in one
        transaction; an item already read whose entry changed (its text or its ``updated`` stamp) is
        pending again, so its page is read anew. Returns (new items, changed items)."""
        now = _now()
        rows = {item_id(source, key): (key, link, entry) for key, link, entry in items}
        with _translated(self.store.url), self._conn() as conn, conn.begin():
            known: dict[str, Any] = {}
            ids = sorted(rows)
            for at in range(0, len(ids), _CHUNK):
                q = select(watch_items.c.id, watch_items.c.state, watch_items.c.entry).where(
                    watch_items.c.id.in_(ids[at : at + _CHUNK])
                )
                known.update({r.id: r for r in conn.execute(q)})
            new = [
                {
                    "id": i,
                    "source": source,
                    "key": k,
                    "link": link,
                    "state": "pending",
                    "tries": 0,
                    "entry": entry,
                    "seen_at": now,
                }
                for i, (k, link, entry) in rows.items()
                if i not in known
            ]
            changed = [
                i
                for i, (_, _, entry) in rows.items()
                if i in known
                and known[i].state in ("done", "gave-up")
                and (known[i].entry or {}).get("digest") != entry.get("digest")
            ]
            for i in changed:
                conn.execute(
                    update(watch_items)
                    .where(watch_items.c.id == i)
                    .values(state="pending", tries=0, reason=None, next_try_at=None, entry=rows[i][2])
                )
            if new:
                conn.execute(insert(watch_items), new)
            conn.execute(
                update(watch_sources)
                .where(watch_sources.c.source == source)
                .values(
                    etag=etag,
                    last_modified=last_modified,
                    final_url=final_url,
                    status="ok",
                    failures=0,
                    reason=None,
                    next_try_at=None,
                    tried_at=now,
                    ok_at=now,
                    items=watch_sources.c["items"] + len(new),
                )
            )
        return len(new), len(changed)

    def source_ok(self, source: str, status: str = "ok") -> None:
        now = _now()
        with _translated(self.store.url), self._conn() as conn, conn.begin():
            conn.execute(
                update(watch_sources)
                .where(watch_sources.c.source == source)
                .values(status=status, failures=0, reason=None, next_try_at=None, tried_at=now, ok_at=now)
            )

    def source_failed(self, source: str, reason: str, base: float, cap: float) -> tuple[int, datetime]:
        """Record a failure; returns (failures in a row, when it is tried again)."""
        now = _now()
        with _translated(self.store.url), self._conn() as conn, conn.begin():
            failures = 1 + int(
                conn.scalar(select(watch_sources.c.failures).where(watch_sources.c.source == source)) or 0
            )
            again = now + backoff(failures, base, cap)
            conn.execute(
                update(watch_sources)
                .where(watch_sources.c.source == source)
                .values(status="failed", failures=failures, reason=reason, next_try_at=again, tried_at=now)
            )
        return failures, again

    def due_items(self, sources: Iterable[str]) -> list[Item]:
        """Items of these sources to read now: pending ones, and failed ones whose back-off is over."""
        names = sorted(set(sources))
        now = _now()
        out: list[Item] = []
        with _translated(self.store.url), self.store.engine.connect() as conn:
            for i in range(0, len(names), _CHUNK):
                q = (
                    select(watch_items)
                    .where(
                        watch_items.c.source.in_(names[i : i + _CHUNK]),
                        or_(
                            watch_items.c.state == "pending",
                            and_(
                                watch_items.c.state == "failed",
                                or_(watch_items.c.next_try_at.is_(None), watch_items.c.next_try_at <= now),
                            ),
                        ),
                    )
                    .order_by(watch_items.c.source, watch_items.c.seen_at, watch_items.c.id)
                )
                out.extend(
                    Item(r.id, r.source, r.key, r.link, r.tries, r.entry or {}) for r in conn.execute(q)
                )
        return out

    def items_done(self, done: Mapping[str, str | None]) -> None:
        """Items whose article is stored, known or quarantined: item id -> article id."""
        if not done:
            return
        now = _now()
        with _translated(self.store.url), self._conn() as conn, conn.begin():
            for item, article in done.items():
                conn.execute(
                    update(watch_items)
                    .where(watch_items.c.id == item)
                    .values(state="done", article_id=article, reason=None, next_try_at=None, done_at=now)
                )

    def item_failed(self, item: Item, reason: str, base: float, cap: float) -> str:
        """A page that could not be fetched: failed (retried after a back-off) or gave-up."""
        tries = item.tries + 1
        state = "gave-up" if tries >= MAX_TRIES else "failed"
        with _translated(self.store.url), self._conn() as conn, conn.begin():
            conn.execute(
                update(watch_items)
                .where(watch_items.c.id == item.id)
                .values(
                    state=state, tries=tries, reason=reason, next_try_at=_now() + backoff(tries, base, cap)
                )
            )
        return state

    def item_counts(self) -> dict[str, int]:
        with _translated(self.store.url), self.store.engine.connect() as conn:
            q = select(watch_items.c.state, func.count()).group_by(watch_items.c.state)
            return {state: int(n) for state, n in conn.execute(q)}

    def retry_now(self) -> None:
        """End every back-off: failed sources and items are tried in the next round."""
        with _translated(self.store.url), self._conn() as conn, conn.begin():
            conn.execute(update(watch_sources).values(next_try_at=None))
            conn.execute(update(watch_items).where(watch_items.c.state == "failed").values(next_try_at=None))

    def forget(self, source: str) -> None:
        """Drop a source and its items (tests, and a user who stops watching one)."""
        with _translated(self.store.url), self._conn() as conn, conn.begin():
            conn.execute(delete(watch_items).where(watch_items.c.source == source))
            conn.execute(delete(watch_sources).where(watch_sources.c.source == source))
