"""One `polemos watch` round over 50 local feeds × 20 items, and the round after it (every feed 304).

    PYTHONPATH=. python benchmarks/watch.py                      # the real pipeline
    PYTHONPATH=. python benchmarks/watch.py --extractor benchmarks.watch:NoEvents   # the watcher alone
    PYTHONPATH=. python benchmarks/watch.py --db postgresql://postgres@127.0.0.1:5432/polemos_bench

Feeds and article pages (HTML, generated English news from ``benchmarks/ingest.py``'s corpus
generator) are served by HTTP servers this script starts on 127.0.0.1, ``--hosts`` of them (one port
each, so the per-host politeness holds as with real outlets: one request at a time per host). Nothing
leaves the machine. The first round fetches every feed and page, reads the pages with the HTML reader,
extracts, stores, fuses and records the change feed; the second finds every feed unchanged.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).parent))
from ingest import generate_corpus  # noqa: E402  (benchmarks/ingest.py)


class NoEvents:
    """An extractor that finds nothing: what the watcher itself costs (fetch, read, store, fuse)."""

    def __call__(self, articles: list[Any]) -> list[dict[str, Any]]:
        return [
            {"schema": "polemos.article/1", "events": [], "places": [], "times": [],
             "article": {"id": a.id, "title": a.title, "outlet": a.outlet, "url": a.url, "language": "en",
                         "published": a.published.isoformat() if a.published else None}}
            for a in articles
        ]  # fmt: skip


def _page(record: dict[str, Any]) -> bytes:
    paras = "".join(f"<p>{escape(p)}</p>" for p in record["text"].split("\n")[1:])
    return (
        f"<!doctype html><html lang=en><head><title>{escape(record['title'])}</title>"
        f'<meta property="article:published_time" content="{record["published"]}"></head>'
        f"<body><nav>Home | World</nav><article><h1>{escape(record['title'])}</h1>{paras}</article>"
        "<footer>About us</footer></body></html>"
    ).encode()


def _feed(title: str, items: list[tuple[str, dict[str, Any]]]) -> bytes:
    parts = [f'<?xml version="1.0"?><rss version="2.0"><channel><title>{escape(title)}</title>']
    for link, r in items:
        day = time.mktime(time.strptime(r["published"], "%Y-%m-%d"))
        parts.append(
            f"<item><title>{escape(r['title'])}</title><link>{escape(link)}</link><guid>{escape(link)}</guid>"
            f"<pubDate>{formatdate(day, usegmt=True)}</pubDate>"
            f"<description>{escape(r['text'].split(chr(10))[1][:200])}</description></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode()


def _serve(routes: dict[str, bytes]) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_a: Any) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            body = routes.get(self.path)
            tag = f'"{hash(body)}"'
            if body is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if self.headers.get("If-None-Match") == tag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            kind = "application/rss+xml" if self.path.endswith(".rss") else "text/html; charset=utf-8"
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", tag)
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--feeds", type=int, default=50)
    ap.add_argument("--items", type=int, default=20)
    ap.add_argument("--hosts", type=int, default=10, help="local servers (ports) the feeds are spread over")
    ap.add_argument("--db", default=None, help="database URL (default: a fresh SQLite file)")
    ap.add_argument("--extractor", default="polemos.batch:PipelineExtractor")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()

    from polemos.ingest import Options
    from polemos.store import SqlStore
    from polemos.watch import Settings, run_round

    work = Path(tempfile.mkdtemp(prefix="polemos-watch-bench-"))
    n = args.feeds * args.items
    records = [
        json.loads(line)
        for path in generate_corpus(n, work / "corpus", files=1)
        for line in path.read_text().splitlines()
    ]
    routes: list[dict[str, bytes]] = [{} for _ in range(args.hosts)]
    servers = [_serve(r) for r in routes]
    feeds = []
    for f in range(args.feeds):
        host = f % args.hosts
        base = servers[host][1]
        items = []
        for i in range(args.items):
            r = records[f * args.items + i]
            path = f"/f{f}/{i}.html"
            routes[host][path] = _page(r)
            items.append((base + path, r))
        routes[host][f"/feed-{f}.rss"] = _feed(f"Outlet {f}", items)
        feeds.append(f"{base}/feed-{f}.rss")
    store = SqlStore(args.db or f"sqlite:///{work / 'watch.db'}")
    settings = Settings(min_interval=0.0, retry_base=60.0,
                        options=Options(extractor=args.extractor, workers=args.workers))  # fmt: skip
    t0 = time.perf_counter()
    first = run_round(store, feeds, settings)
    t1 = time.perf_counter()
    second = run_round(store, feeds, settings)
    t2 = time.perf_counter()
    peak_mb = (
        max(resource.getrusage(w).ru_maxrss for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024
    )
    result = {
        "feeds": args.feeds, "items": n, "hosts": args.hosts, "extractor": args.extractor,
        "database": store.engine.dialect.name,
        "round_1_s": round(t1 - t0, 2), "items_per_s": round(n / (t1 - t0), 1),
        "articles_added": first.progress.added, "pages": first.pages,
        "page_failures": len(first.page_failures),
        "quarantined": first.progress.failed, "events": first.progress.events,
        "changes": first.changes.counts, "round_2_s": round(t2 - t1, 2),
        "round_2_unchanged": second.status_count("unchanged"), "peak_rss_mb": round(peak_mb),
    }  # fmt: skip
    print(first.line(1), file=sys.stderr)
    print(second.line(2), file=sys.stderr)
    print(json.dumps(result, indent=2))
    store.close()
    for httpd, _ in servers:
        httpd.shutdown()


if __name__ == "__main__":
    main()
