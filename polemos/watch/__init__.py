"""``polemos watch``: keep the store current from feeds and folders, one round at a time.

A round (``run_round``):

1. **Folders and files** go through ``polemos.ingest.ingest`` as with ``polemos ingest``: a file
   read to its end is skipped until it changes.
2. **Feeds** are fetched with a conditional GET (the ETag and Last-Modified of their last 200); a 304
   costs nothing more. A 200's entries not seen before are recorded as pending items, with the new
   validators, in one transaction (``polemos.watch.state``).
3. **Items** due (pending, or failed with their back-off over) are read: the entry's link is fetched
   (robots.txt obeyed, one request at a time per host) and read by the same HTML reader as ``ingest``
   (``polemos.read.read_bytes``), so offsets and metadata are the same. The article id is the link,
   so the same page is one article however many feeds list it, and a page whose text changed becomes
   a new version of it. An item without a link, or whose page robots.txt forbids, is read from the
   feed's own text. Articles go through the ingest run (``_Run``): known ones are skipped before
   extraction, batches commit with their run's counters, failures are quarantined.
4. The new reports are fused and the differences written to the change feed
   (``polemos.store.changes``).

A failing source (DNS, a 404 or 500, a timeout, a malformed feed) is recorded with its reason and
tried again after a doubling back-off; it never stops the others.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from polemos.errors import Errors, PolemosError
from polemos.ingest import INPUT_SUFFIXES, Options, _Run, ingest
from polemos.read import Defaults, Limits, ReadFailure, read_bytes
from polemos.store.base import Progress, Recorded, Store, Stored
from polemos.store.changes import digest
from polemos.types import Article
from polemos.watch.fetch import Fetcher, FetchError
from polemos.watch.state import Item

FEED, FOLDER, FILE = "feed", "folder", "file"
_WINDOW = 32  # pages fetched ahead of extraction


@dataclass
class Settings:
    timeout: float = 20.0  # seconds for one whole response
    max_mb: float = 10.0  # largest feed or page
    min_interval: float = 1.0  # seconds between two requests to one host
    robots: bool = True
    retry_base: float = 60.0  # seconds of back-off after a first failure; doubles with each
    retry_cap: float = 6 * 3600.0
    fetchers: int = 8  # threads fetching (each host still gets one request at a time)
    options: Options = field(default_factory=Options)
    limits: Limits = field(default_factory=Limits)


@dataclass
class SourceOutcome:
    source: str
    kind: str
    status: str  # ok, unchanged, failed, waiting
    new_items: int = 0
    changed_items: int = 0  # read before, changed since: read again
    reason: str | None = None
    failures: int = 0
    next_try: datetime | None = None


@dataclass
class RoundResult:
    sources: list[SourceOutcome] = field(default_factory=list)
    progress: Progress = field(default_factory=Progress)  # feed items' articles
    files: Progress = field(default_factory=Progress)  # folders' and files' articles
    pages: int = 0  # article pages fetched
    page_failures: list[tuple[str, str]] = field(default_factory=list)  # (link, reason)
    changes: Recorded | None = None  # what the round's fusion wrote to the change feed
    seconds: float = 0.0

    def status_count(self, status: str) -> int:
        return sum(1 for s in self.sources if s.status == status)

    @property
    def failed(self) -> bool:
        """Whether something failed: a source now or still backing off, a page, an input quarantined."""
        bad = self.status_count("failed") + self.status_count("waiting")
        return bool(bad or self.page_failures or self.progress.failed or self.files.failed)

    def line(self, n: int) -> str:
        p, f = self.progress, self.files
        c = self.changes.counts if self.changes is not None else {}
        count = self.status_count
        parts = [
            f"round {n}: {len(self.sources)} sources ({count('ok')} ok, {count('unchanged')} unchanged, "
            f"{count('failed')} failed, {count('waiting')} waiting)",
            f"{sum(s.new_items for s in self.sources)} new items "
            f"({sum(s.changed_items for s in self.sources)} changed), {self.pages} pages, "
            f"{len(self.page_failures)} page failures",
            f"articles: {p.added + f.added} added, {p.updated + f.updated} changed, "
            f"{p.skipped + f.skipped} known, {p.failed + f.failed} quarantined",
            f"{p.events + f.events} events",
            f"changes: {c.get('added', 0)} added, {c.get('updated', 0)} updated, "
            f"{c.get('merged', 0)} merged, "
            f"{c.get('removed', 0)} removed" + (f" (cursor {self.changes.cursor})" if self.changes else ""),
            f"{self.seconds:.1f} s",
        ]
        return " · ".join(parts)


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def _listing(path: str) -> list[str] | None:
    """The sources a file lists (one a line, '#' comments), or None when it is not such a list."""
    if path.lower().endswith(INPUT_SUFFIXES[3:]):  # .html .jsonl .rss …: a document, never a list
        return None
    try:
        with open(path, "rb") as fh:
            head = fh.read(1_000_001)
    except OSError:
        return None
    if len(head) > 1_000_000:
        return None
    lines = [ln.strip() for ln in head.decode("utf-8", "replace").splitlines()]
    wanted = [ln for ln in lines if ln and not ln.startswith("#")]
    if wanted and all(len(ln.split()) == 1 and (is_url(ln) or os.path.exists(ln)) for ln in wanted):
        return wanted
    return None


def expand(sources: list[str]) -> list[tuple[str, str]]:
    """(kind, source) for every source given: URLs are feeds, folders are folders, a file listing
    sources gives those (one level), any other file is ingested as it is."""
    out: list[tuple[str, str]] = []
    for given in sources:
        for source in [given] if is_url(given) or os.path.isdir(given) else _listing(given) or [given]:
            if is_url(source):
                out.append((FEED, source))
            elif os.path.isdir(source):
                out.append((FOLDER, source))
            elif os.path.isfile(source):
                out.append((FILE, source))
            else:
                out.append((FILE, source))  # recorded as a failing source, retried: it may appear
    return list(dict.fromkeys(out))


def _entries(data: bytes, source: str, limits: Limits) -> list[tuple[str, str | None, dict[str, Any]]]:
    """(key, link, entry) of a feed's entries; ``FetchError`` when it is no feed."""
    import feedparser

    from polemos.read.feeds import _article

    try:
        parsed = feedparser.parse(data)
    except RecursionError as e:
        raise FetchError(
            Errors.E110.format(source=source, detail="not an RSS/Atom feed (nested too deep)")
        ) from e
    if not parsed.entries and (parsed.get("bozo") or not parsed.get("version")):
        detail = str(parsed.get("bozo_exception") or "no entries")
        raise FetchError(Errors.E110.format(source=source, detail=f"not an RSS/Atom feed ({detail})"))
    outlet = parsed.feed.get("title") or None
    out = []
    for n, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link") or None
        try:
            a = _article(entry, f"{source}:{n}", outlet, Defaults())
            text, title, published = a.text, a.title, a.published
        except Exception:  # noqa: BLE001 - an entry with no text is still read from its page
            text, title, published = "", None, None
        key = str(entry.get("id") or link or (text and a.id) or f"{source}#{n}")
        out.append(
            (
                key,
                link,
                {
                    "text": text,
                    "title": title,
                    "outlet": outlet,
                    "published": published.isoformat() if published else None,
                    # what tells a changed entry (same id): its text, or the stamp the feed gives it
                    "digest": digest([text, str(entry.get("updated") or "")]),
                },
            )
        )
    return out


def _from_entry(item: Item, limits: Limits) -> Article | ReadFailure:
    """An item read from the feed's own text (no link, or robots.txt forbids its page)."""
    from polemos.read import check_article

    e = item.entry
    where = item.link or item.key
    if not e.get("text"):
        return ReadFailure(where, Errors.E101.format(source=where))
    published = date.fromisoformat(e["published"]) if e.get("published") else None
    try:
        return check_article(
            Article(
                id=item.link or item.key,
                text=e["text"],
                title=e.get("title"),
                published=published,
                outlet=e.get("outlet"),
                url=item.link,
                source=where,
            ),
            limits.max_chars,
        )
    except Exception as ex:  # noqa: BLE001 - ReadError: refused as any input would be
        return ReadFailure(where, str(ex), ex.code if isinstance(ex, PolemosError) else None)


def _suffix(content_type: str, url: str) -> str:
    if content_type in ("text/plain", "text/markdown"):
        return ".txt"
    if content_type.endswith("json") and url.endswith((".jsonl", ".ndjson")):
        return ".jsonl"
    return ".html"


class _Round:
    def __init__(self, store: Store, settings: Settings, log: Callable[[str], None]) -> None:
        self.store, self.settings, self.log = store, settings, log
        self.state = store.watch_state()
        self.fetcher = Fetcher(
            timeout=settings.timeout,
            max_bytes=int(settings.max_mb * 1e6),
            min_interval=settings.min_interval,
            robots=settings.robots,
        )
        self.result = RoundResult()

    def _failed(self, kind: str, source: str, reason: str) -> SourceOutcome:
        failures, again = self.state.source_failed(
            source, reason, self.settings.retry_base, self.settings.retry_cap
        )
        self.log(f"  failed: {source} — {reason} ({failures} in a row; next try after {again:%H:%M:%S} UTC)")
        return SourceOutcome(source, kind, "failed", reason=reason, failures=failures, next_try=again)

    def local(self, kind: str, source: str) -> SourceOutcome:
        self.state.source(source, kind)
        if not os.path.exists(source):
            return self._failed(kind, source, Errors.E107.format(source=source))
        before = replace(self.result.files)
        got = ingest(
            [source],
            self.store,
            self.settings.options,
            reader=lambda paths: _limited(paths, self.settings.limits),
        )
        f = self.result.files
        for name in ("seen", "added", "updated", "skipped", "failed", "events"):
            setattr(f, name, getattr(before, name) + getattr(got, name))
        self.state.source_ok(source, "ok" if got.seen else "unchanged")
        return SourceOutcome(source, kind, "ok" if got.seen else "unchanged")

    def feed(self, source: str) -> SourceOutcome:
        row = self.state.source(source, FEED)
        if row.get("next_try_at") and row["next_try_at"] > datetime.now(row["next_try_at"].tzinfo):
            self.log(
                f"  waiting: {source} — {row.get('reason')} ({row['failures']} in a row; "
                f"next try after {row['next_try_at']:%H:%M:%S} UTC)"
            )
            return SourceOutcome(
                source,
                FEED,
                "waiting",
                reason=row.get("reason"),
                failures=row["failures"],
                next_try=row["next_try_at"],
            )
        try:
            resp = self.fetcher.get(source, etag=row.get("etag"), last_modified=row.get("last_modified"))
            if resp.status == 304:
                self.state.source_ok(source, "unchanged")
                return SourceOutcome(source, FEED, "unchanged")
            entries = _entries(resp.body, source, self.settings.limits)
        except FetchError as e:
            return self._failed(FEED, source, e.reason)
        new, changed = self.state.feed_read(
            source,
            entries,
            etag=resp.headers.get("ETag"),
            last_modified=resp.headers.get("Last-Modified"),
            final_url=resp.url if resp.url != source else None,
        )
        return SourceOutcome(source, FEED, "ok", new_items=new, changed_items=changed)

    def read_item(self, item: Item) -> list[Article | ReadFailure] | FetchError:
        """The item's article (or why it cannot be read); a FetchError when the page did not come."""
        limits = self.settings.limits
        if not item.link or not is_url(item.link):
            return [_from_entry(item, limits)]
        try:
            self.fetcher.allowed(item.link)
        except FetchError as e:
            if e.code == "E132":  # the page is closed to robots: the feed's own text is what we have
                return [_from_entry(item, limits)]
            return e
        try:
            resp = self.fetcher.get(item.link)
        except FetchError as e:
            return e
        entry = item.entry
        published = date.fromisoformat(entry["published"]) if entry.get("published") else None
        defaults = Defaults(published=published, outlet=entry.get("outlet"))
        out: list[Article | ReadFailure] = []
        for got in read_bytes(resp.body, item.link, _suffix(resp.content_type, resp.url), defaults, limits):
            if isinstance(got, Article):
                got = replace(
                    got, id=item.link, title=got.title or entry.get("title"), url=got.url or resp.url
                )
            out.append(got)
        return out

    def articles(self, items: list[Item], owners: dict[str, list[str]]) -> Iterator[Article | ReadFailure]:
        """Every due item's article, pages fetched ahead on a few threads, in item order."""
        with ThreadPoolExecutor(max(1, self.settings.fetchers)) as pool:
            window: list[tuple[Item, Future[Any]]] = []
            pending = iter(items)
            for item in pending:
                window.append((item, pool.submit(self.read_item, item)))
                if len(window) >= _WINDOW:
                    break
            while window:
                item, future = window.pop(0)
                nxt = next(pending, None)
                if nxt is not None:
                    window.append((nxt, pool.submit(self.read_item, nxt)))
                got = future.result()
                if isinstance(got, FetchError):
                    state = self.state.item_failed(
                        item, got.reason, self.settings.retry_base, self.settings.retry_cap
                    )
                    self.result.page_failures.append((item.link or item.key, got.reason))
                    self.log(f"  page {state}: {got.reason}")
                    continue
                if item.link and is_url(item.link):
                    self.result.pages += 1
                for a in got:
                    key = a.id if isinstance(a, Article) else a.source
                    owners.setdefault(key, []).append(item.id)
                    yield a

    def items(self, feeds: list[str]) -> None:
        items = self.state.due_items(feeds)
        if not items:
            return
        owners: dict[str, list[str]] = {}  # article id (or failing link) -> item ids
        done: set[str] = set()

        def finish(keys: list[str]) -> None:
            marked = {i: k for k in keys for i in owners.get(k, []) if i not in done}
            self.state.items_done(marked)
            done.update(marked)

        _ingest_stream(
            self.store,
            self.settings.options,
            self.articles(items, owners),
            self.result.progress,
            label=[f"watch: {len(items)} feed items"],
            on_commit=finish,
        )
        finish(list(owners))  # known articles (skipped before extraction) are done too


def _limited(paths: list[str], limits: Limits) -> Iterator[Any]:
    from polemos.read import iter_articles

    return iter_articles(paths, limits=limits)


def _ingest_stream(
    store: Store,
    options: Options,
    stream: Iterator[Article | ReadFailure],
    total: Progress,
    *,
    label: list[str],
    on_commit: Callable[[list[str]], None],
) -> None:
    """``polemos.ingest.ingest`` over articles read elsewhere (the same ``_Run``: known ones
    skipped before extraction, batches and failures committed with the run's counters), calling
    ``on_commit`` with the article ids (and failing sources) of every committed batch."""
    from polemos import batch

    run_id = store.start_run(paths=label, engine="watch", workers=options.workers)
    run = _Run(store, run_id, None)
    articles = run.stream(["<watch>"], lambda _paths: stream)
    outcomes = batch.run(
        articles,
        backend="local",
        workers=options.workers,
        extractor=options.extractor,
        chunk_size=options.chunk_size,
        timeout=options.timeout,
    )
    todo: list[Stored] = []
    keys: list[str] = []

    def commit() -> None:
        failed = [f.source for f in run.failures]
        run.commit(todo)
        on_commit(keys + failed)
        todo.clear()
        keys.clear()

    try:
        for article, outcome in outcomes:
            keys.append(article.id)
            run.take(article, outcome, todo)
            if len(todo) >= options.batch_size:
                commit()
        commit()
    except BaseException:
        store.finish_run(run_id, "failed")
        raise
    store.finish_run(run_id, "done")
    for name in ("seen", "added", "updated", "skipped", "failed", "events"):
        setattr(total, name, getattr(total, name) + getattr(run.progress, name))


def run_round(
    store: Store,
    sources: list[str],
    settings: Settings | None = None,
    log: Callable[[str], None] = lambda _line: None,
) -> RoundResult:
    """One round over ``sources`` (feed URLs, files listing them, folders, files)."""
    from polemos.service import settle

    t0 = time.monotonic()
    r = _Round(store, settings or Settings(), log)
    expanded = expand(sources)
    # a round is an ingest: it waits for one running into the same store (`polemos ingest`, another
    # watcher) rather than extracting the same articles and racing it in fusion
    with store.ingest_lock(wait=True, on_wait=lambda holder: log(f"waiting for {holder} to finish")):
        for kind, source in expanded:
            if kind != FEED:
                r.result.sources.append(r.local(kind, source))
        feeds = [s for k, s in expanded if k == FEED]
        with ThreadPoolExecutor(max(1, min(len(feeds), r.settings.fetchers))) as pool:
            r.result.sources.extend(pool.map(r.feed, feeds))  # in the order given
        r.items(feeds)
        _, r.result.changes = settle(store)  # fuse (also what a killed round stored), record changes
    r.result.seconds = time.monotonic() - t0
    return r.result
