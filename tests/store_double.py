"""An in-memory stand-in for the store Protocol (``polemos.store.base.Store`` and ``FusionTx``), as
httpx's MockTransport stands in for a transport: fusion and the API's read path run over it with no
database, so a test of them says what they ask of a store and nothing about SQL.

It keeps plain dicts: article-level event records by uid (as ``Store.events`` returns them),
articles no event was read from, fused records, memberships and people's decisions; and, for the
ingest service (``polemos.service``, ``polemos.ingest``), stored articles, runs, the quarantine,
files read to their end and how often the ingest lock was taken. What none of them uses (the
change feed's reads, the watcher's state, statistics pages) raises ``NotImplementedError``.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from polemos.errors import Errors, StoreError
from polemos.fuse.history import Action
from polemos.fuse.report import report_uid
from polemos.store.base import (
    Bucket,
    ById,
    EventFilter,
    EventQuery,
    Failure,
    FusedRow,
    Progress,
    Recorded,
    StatRows,
    Stored,
)
from polemos.store.records import content_hash


def _start(ev: dict[str, Any]) -> str | None:
    return (ev.get("date") or {}).get("start")


def _end(ev: dict[str, Any]) -> str | None:
    return (ev.get("date") or {}).get("end")


class _State:
    def __init__(self) -> None:
        self.events: dict[str, dict[str, Any]] = {}  # uid -> event record (with article fields)
        self.unread: dict[str, dict[str, Any]] = {}  # article id -> id, text, title, published, outlet
        self.fused: dict[str, dict[str, Any]] = {}  # fused id -> polemos.event/1 record
        self.n_reports: dict[str, int] = {}
        self.members: dict[str, str] = {}  # report uid -> fused id
        self.joined: dict[str, str | None] = {}  # unread article id -> fused id (None: joined none)
        self.actions: list[Action] = []


class MemoryFusion:
    """``FusionTx`` over a copy of the double's state; the copy replaces the state on commit."""

    def __init__(self, state: _State) -> None:
        self.s = state

    def drop_orphans(self) -> None:
        alive = set(self.s.members.values())
        for fid in [f for f in self.s.fused if f not in alive]:
            del self.s.fused[fid], self.s.n_reports[fid]
            for a, f in self.s.joined.items():
                if f == fid:
                    self.s.joined[a] = None

    def seeds(self) -> set[str]:
        out = {u for u in self.s.events if u not in self.s.members}
        sizes: dict[str, int] = {}
        for f in self.s.members.values():
            sizes[f] = sizes.get(f, 0) + 1
        shrunk = {f for f, n in sizes.items() if f in self.s.fused and n != self.s.n_reports[f]}
        return out | self.members_of(shrunk)

    def unread_seeds(self) -> list[tuple[str, str]]:
        return [(a["published"] or "", i) for i, a in self.s.unread.items() if i not in self.s.joined]

    def event_starts(self, uids: Sequence[str]) -> list[tuple[str, str]]:
        return [(_start(self.s.events[u]) or "", u) for u in uids]

    def date_bounds(self, uids: Sequence[str]) -> list[str]:
        starts = [d for u in uids if (d := _start(self.s.events[u]))]
        ends = [d for u in uids if (d := _end(self.s.events[u]))]
        return ([min(starts)] if starts else []) + ([max(ends)] if ends else [])

    def published_bounds(self, article_ids: Sequence[str]) -> list[tuple[str | None, str | None]]:
        days = [d for a in article_ids if (d := self.s.unread[a]["published"])]
        return [(min(days), max(days))] if days else []

    def events_between(self, start: str, end: str) -> set[str]:
        return {
            u
            for u, e in self.s.events.items()
            if _start(e) and _end(e) and _start(e) <= end and _end(e) >= start  # type: ignore[operator]
        }

    def unread_published_between(self, start: str, end: str) -> set[str]:
        return {i for i, a in self.s.unread.items() if a["published"] and start <= a["published"] <= end}

    def undated_events(self) -> set[str]:
        return {u for u, e in self.s.events.items() if _start(e) is None}

    def all_events(self) -> set[str]:
        return set(self.s.events)

    def all_unread(self) -> set[str]:
        return set(self.s.unread)

    def fused_of(self, uids: Sequence[str]) -> dict[str, str]:
        return {u: self.s.members[u] for u in uids if u in self.s.members}

    def unread_membership(self, article_ids: Sequence[str]) -> dict[str, str | None]:
        return {a: self.s.joined[a] for a in article_ids if a in self.s.joined}

    def members_of(self, fused_ids: Iterable[str]) -> set[str]:
        wanted = set(fused_ids)
        return {u for u, f in self.s.members.items() if f in wanted}

    def unread_of(self, fused_ids: Iterable[str]) -> set[str]:
        wanted = set(fused_ids)
        return {a for a, f in self.s.joined.items() if f in wanted}

    def actions(self) -> list[Action]:
        return list(self.s.actions)

    def reports(self, uids: Sequence[str]) -> list[dict[str, Any]]:
        return [copy.deepcopy(self.s.events[u]) for u in uids if u in self.s.events]

    def article_places(self, article_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        return {}

    def article_times(self, article_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        return {}

    def unread_articles(self, article_ids: Sequence[str]) -> list[dict[str, Any]]:
        return [dict(self.s.unread[a]) for a in article_ids if a in self.s.unread]

    def replace_fused(
        self,
        rows: Sequence[FusedRow],
        *,
        report_uids: Sequence[str],
        article_ids: Sequence[str],
        old_ids: Iterable[str],
    ) -> None:
        for u in report_uids:
            self.s.members.pop(u, None)
        for f in old_ids:
            self.s.fused.pop(f, None)
            self.s.n_reports.pop(f, None)
        for a in article_ids:
            self.s.joined.pop(a, None)
        for r in rows:
            if r.record is not None:
                self.s.fused[r.id] = copy.deepcopy(r.record)
                self.s.n_reports[r.id] = len(r.members)
                self.s.members.update(dict.fromkeys(r.members, r.id))
            self.s.joined.update(dict.fromkeys(r.articles, r.id if r.record is not None else None))

    def record_action(self, action: Action) -> int:
        self.s.actions.append(action)
        return len(self.s.actions) - 1

    def set_action_result(self, action_id: int, result_id: str) -> None:
        self.s.actions[action_id] = replace(self.s.actions[action_id], result_id=result_id)


class MemoryStore:
    """The ``Store`` Protocol over dicts: fusion, fused reads and the API's pages (type and country
    filters, ``-date`` / ``date`` order)."""

    url = "memory://test-double"

    def __init__(self) -> None:
        self.state = _State()
        self.passes = 0  # fusion transactions committed
        self.articles: dict[str, tuple[dict[str, Any], str]] = {}  # id -> (contract record, text)
        self.quarantine: dict[tuple[str, int], Failure] = {}  # (file, line) -> its latest failure
        self.run_rows: list[dict[str, Any]] = []
        self.files: dict[str, tuple[int, int]] = {}  # path -> (size, mtime_ns) read to its end
        self.locks = 0  # times the ingest lock was taken
        self.locked = False  # whether it is held now

    # ---- ingest (what SqlStore.write_batch and the run bookkeeping do, over dicts) ---------------

    def known(self, keys: Iterable[tuple[str, str]]) -> dict[str, str]:
        return {i: content_hash(self.articles[i][1]) for i, _ in keys if i in self.articles}

    def write_batch(
        self, batch: list[Stored], failures: list[Failure], *, run_id: int | None, progress: Progress
    ) -> None:
        assert self.locked, "a write outside the ingest lock"
        for item in batch:  # checked first: the batch is stored whole or not at all, as in one transaction
            try:
                item.record["article"]["id"], list(item.record["events"])
            except (KeyError, TypeError) as e:  # not a contract record: refused as SqlStore refuses it
                detail = f"{type(e).__name__}: {e}"
                raise StoreError(Errors.E405.format(source=item.source or "?", detail=detail)) from e
        for item in batch:
            record = copy.deepcopy(dict(item.record))
            art = record["article"]
            replaced = self._forget(art["id"])
            progress.updated += replaced
            progress.added += not replaced
            self.articles[art["id"]] = (record, item.text)
            for ev in record["events"]:
                self.put({**ev, "article_id": art["id"], "outlet": art.get("outlet"),
                          "published": art.get("published"), "url": art.get("url"),
                          "title": art.get("title")})  # fmt: skip
                progress.events += 1
            if not record["events"]:
                self.put_unread(
                    art["id"], item.text, published=art.get("published"), outlet=art.get("outlet")
                )
            if item.source:  # an input that now reads fine leaves the quarantine
                path, _, line = item.source.rpartition(":")
                self.quarantine.pop((path, int(line)) if line.isdigit() else (item.source, 0), None)
        for f in failures:
            self.quarantine[(f.source, f.line)] = f
        if run_id is not None:
            row = self.run_rows[run_id - 1]
            for name in ("seen", "added", "updated", "skipped", "failed", "events"):
                row[name] = getattr(progress, name)

    def _forget(self, article_id: str) -> bool:
        """Drop a stored article and its reports (a changed text is stored anew); whether it was there."""
        for uid in [u for u, e in self.state.events.items() if e["article_id"] == article_id]:
            del self.state.events[uid]
        self.state.unread.pop(article_id, None)
        return self.articles.pop(article_id, None) is not None

    def start_run(self, *, paths: list[str], engine: str, workers: int) -> int:
        assert self.locked, "a run started outside the ingest lock"
        counters = dict.fromkeys(("seen", "added", "updated", "skipped", "failed", "events"), 0)
        self.run_rows.append({"id": len(self.run_rows) + 1, "paths": list(paths), "engine": engine,
                              "workers": workers, "status": "running", "started_at": datetime.now(UTC),
                              **counters})  # fmt: skip
        return len(self.run_rows)

    def finish_run(self, run_id: int, status: str = "done") -> None:
        self.run_rows[run_id - 1]["status"] = status

    def runs(self) -> list[dict[str, Any]]:
        return copy.deepcopy(self.run_rows)

    def file_done(self, path: str, size: int, mtime_ns: int) -> bool:
        return self.files.get(path) == (size, mtime_ns)

    def mark_file_done(
        self, path: str, size: int, mtime_ns: int, n_articles: int, run_id: int | None
    ) -> None:
        self.files[path] = (size, mtime_ns)

    @contextlib.contextmanager
    def ingest_lock(
        self, *, wait: bool | float = False, on_wait: Callable[[str], None] | None = None
    ) -> Iterator[None]:
        assert not self.locked, "the ingest lock taken twice"
        self.locks += 1
        self.locked = True
        try:
            yield
        finally:
            self.locked = False

    def refresh_stats(self) -> bool:
        return False

    def quarantined(self) -> Iterator[Failure]:
        return iter(sorted(self.quarantine.values(), key=lambda f: (f.source, f.line)))

    def counts(self) -> dict[str, int]:
        return {"articles": len(self.articles), "events": len(self.state.events),
                "quarantine": len(self.quarantine), "fused_events": len(self.state.fused)}  # fmt: skip

    def article(self, article_id: str) -> dict[str, Any] | None:
        found = self.articles.get(article_id)
        return copy.deepcopy(found[0]) if found else None

    def article_text(self, article_id: str) -> str | None:
        found = self.articles.get(article_id)
        return found[1] if found else None

    def iter_articles(self, ids: list[str] | None = None) -> Iterator[dict[str, Any]]:
        for i in sorted(self.articles) if ids is None else ids:
            if i in self.articles:
                yield copy.deepcopy(self.articles[i][0])

    # ---- filling it (what ingest would have written) ---------------------------------------------

    def put(self, *records: dict[str, Any]) -> None:
        """Article-level event records as ``Store.events`` gives them (article fields included)."""
        for r in records:
            uid = report_uid(r["article_id"], r["id"])
            self.state.events[uid] = {"uid": uid, "url": None, "title": None, **copy.deepcopy(r)}

    def put_unread(self, article_id: str, text: str, *, published: str | None, outlet: str | None) -> None:
        self.state.unread[article_id] = {"id": article_id, "text": text, "title": None,
                                         "published": published, "outlet": outlet}  # fmt: skip

    # ---- fusion ----------------------------------------------------------------------------------

    @contextlib.contextmanager
    def fusion(self, *, wait: bool = True) -> Iterator[MemoryFusion | None]:
        work = copy.deepcopy(self.state)
        yield MemoryFusion(work)  # an exception leaves self.state as it was: a rollback
        self.state = work
        self.passes += 1

    def ingest_running(self) -> str | None:
        return None

    def record_changes(self) -> Recorded:
        return Recorded()

    def pending_fusion(self) -> int:
        return len(MemoryFusion(self.state).seeds()) + len(MemoryFusion(self.state).unread_seeds())

    # ---- reads -----------------------------------------------------------------------------------

    def _matches(self, ev: dict[str, Any], where: EventFilter) -> bool:
        if where.type and ev.get("type") != where.type.upper():
            return False
        countries = {loc.get("country") for loc in ev.get("locations") or []}
        return not where.country or where.country in countries

    def event_ids(self, where: EventFilter) -> list[str]:
        found = [u for u, e in self.state.events.items() if self._matches(e, where)]
        found.sort(key=lambda u: (_start(self.state.events[u]) or "", u), reverse=True)
        return found[: where.limit] if where.limit else found

    def events(self, uids: list[str]) -> list[dict[str, Any]]:
        return [copy.deepcopy(self.state.events[u]) for u in uids if u in self.state.events]

    def fused_ids(self, where: EventFilter) -> list[str]:
        hit = {self.state.members[u] for u in self.event_ids(replace(where, limit=None))
               if u in self.state.members}  # fmt: skip
        ordered = sorted(hit, key=lambda f: ((self.state.fused[f].get("date") or {}).get("start") or "", f),
                         reverse=True)  # fmt: skip
        return ordered[: where.limit] if where.limit else ordered

    def fused(self, ids: list[str]) -> list[dict[str, Any]]:
        return [copy.deepcopy(self.state.fused[i]) for i in ids if i in self.state.fused]

    def fused_id_of(self, ident: str) -> str | None:
        return ident if ident in self.state.fused else self.state.members.get(ident)

    def fused_members(self, fused_id: str) -> list[str]:
        return sorted(u for u, f in self.state.members.items() if f == fused_id)

    def event_by_id(self, ident: str) -> ById | None:
        fid = self.fused_id_of(ident)
        if fid is None or fid not in self.state.fused:
            return None
        found = self.events(self.fused_members(fid))
        found.sort(key=lambda r: (r.get("published") or "", r.get("article_id") or "", r.get("uid")))
        return ById(copy.deepcopy(self.state.fused[fid]), tuple(found))

    def resolve_report(self, report: str) -> str | None:
        if report in self.state.events:
            return report
        article_id, _, event_id = report.rpartition(":")
        uid = report_uid(article_id, event_id)
        return uid if uid in self.state.events else None

    def page_fused(self, q: EventQuery) -> tuple[int, list[str]]:
        ids = self.fused_ids(replace(q.where, limit=None))
        if q.sort == "date":
            ids.reverse()
        return len(ids), ids[q.offset : q.offset + q.limit]

    def page_reports(self, q: EventQuery) -> tuple[int, list[str]]:
        uids = self.event_ids(replace(q.where, limit=None))
        if q.sort == "date":
            uids.reverse()
        return len(uids), uids[q.offset : q.offset + q.limit]

    def stats(self, where: EventFilter, bbox: Any, *, fused: bool) -> StatRows:
        records = self.fused(self.fused_ids(where))
        by: dict[str, dict[Any, list[int]]] = {"type": {}, "day": {}, "country": {}}
        for r in records:
            killed = ((r.get("counts") or {}).get("killed") or {}).get("best") or 0
            for key, value in (("type", r.get("type")), ("day", (r.get("date") or {}).get("start"))):
                slot = by[key].setdefault(value, [0, 0])
                slot[0], slot[1] = slot[0] + 1, slot[1] + killed
            for cc in {loc.get("country") for loc in r.get("locations") or [] if loc.get("country")}:
                by["country"].setdefault(cc, [0, 0])[0] += 1
        n_articles = len({e["article_id"] for e in self.state.events.values()} | set(self.state.unread))

        def buckets(name: str) -> list[Bucket]:
            return [Bucket(k, n, killed) for k, (n, killed) in by[name].items()]

        return StatRows(n_articles, buckets("type"), buckets("country"), buckets("day"))

    def facets(self) -> tuple[list[str], list[str]]:
        types = sorted({e["type"] for e in self.state.events.values() if e.get("type")})
        countries = sorted({loc["country"] for e in self.state.events.values()
                            for loc in e.get("locations") or [] if loc.get("country")})  # fmt: skip
        return types, countries

    def close(self) -> None:
        pass

    def __getattr__(self, name: str) -> Any:  # the ingest half of the Protocol: not needed here
        raise NotImplementedError(f"MemoryStore.{name}")
