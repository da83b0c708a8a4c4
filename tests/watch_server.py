"""A local HTTP server for the watch tests (127.0.0.1 only): feeds and article pages the test edits
between rounds, with ETags (304), failures (500), slow answers, redirects and robots.txt."""

from __future__ import annotations

import calendar
import contextlib
import hashlib
import threading
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from xml.sax.saxutils import escape

PLACES = (
    "Homs Hama Aleppo Idlib Raqqa Daraa Tartus Jableh Latakia Palmyra Manbij Afrin Kobani Qamishli "
    "Deir Hasakah Douma Zabadani Madaya Quneitra Suwayda Saraqib Jisr Ariha Maarat"
).split()


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0  # seconds before answering
    location: str | None = None  # a redirect's target
    etag: bool = True  # answer If-None-Match with 304 when the body is unchanged


class Server:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.not_modified: Counter[str] = Counter()
        self.agents: set[str] = set()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args: Any) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                path = self.path
                server.hits[path] += 1
                server.agents.add(self.headers.get("User-Agent", ""))
                route = server.routes.get(path)
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if route.delay:
                    time.sleep(route.delay)
                tag = '"' + hashlib.sha256(route.body).hexdigest()[:16] + '"'
                if route.status == 200 and route.etag and self.headers.get("If-None-Match") == tag:
                    server.not_modified[path] += 1
                    self.send_response(304)
                    self.send_header("ETag", tag)
                    self.end_headers()
                    return
                self.send_response(route.status)
                if route.location:
                    self.send_header("Location", route.location)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                if route.status == 200 and route.etag:
                    self.send_header("ETag", tag)
                    self.send_header("Last-Modified", formatdate(usegmt=True))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(route.body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    # ---- content ---------------------------------------------------------------------------------

    def page(self, path: str, title: str, text: str, **kw: Any) -> None:
        paras = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n") if p.strip())
        html = (
            f"<!doctype html><html lang=en><head><title>{escape(title)}</title></head><body>"
            f"<nav>Home | World | Sport</nav><article><h1>{escape(title)}</h1>{paras}</article>"
            f"<footer>Copyright Test Wire</footer></body></html>"
        )
        self.routes[path] = Route(body=html.encode("utf-8"), **kw)

    def feed(self, path: str, items: list[tuple[str, str, str, str]], title: str = "Test Wire") -> None:
        """An RSS feed of (link path, title, summary, RFC 822 date) items."""
        parts = [
            f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{escape(title)}'
            "</title><link>http://example.invalid/</link><description>test</description>"
        ]
        for link, head, summary, day in items:
            parts.append(
                f"<item><title>{escape(head)}</title><link>{escape(self.url(link))}</link>"
                f"<guid>{escape(self.url(link))}</guid><pubDate>{day}</pubDate>"
                f"<description>{escape(summary)}</description></item>"
            )
        parts.append("</channel></rss>")
        self.routes[path] = Route(body="".join(parts).encode("utf-8"), content_type="application/rss+xml")


class DatedExtractor:
    """The store tests' hand extractor, each event dated on its article's publication day, so the
    stories of these tests (published ten days apart) are separate real-world events to fusion."""

    def __init__(self) -> None:
        from store_extractor import HandExtractor

        self.hand = HandExtractor()

    def __call__(self, articles: list[Any]) -> list[Any]:
        out = self.hand(articles)
        for article, record in zip(articles, out, strict=True):
            day = article.published.isoformat() if article.published else None
            for ev in record["events"]:
                ev["date"] = day and {
                    "start": day,
                    "end": day,
                    "precision": "day",
                    "text": None,
                    "span": None,
                }
        return out


def put(store: Any, article_id: str, text: str, day: str, outlet: str = "Wire") -> None:
    """Store one article as ingest does (hand extraction, events dated on ``day``): through the ingest
    service, so it is fused and the change feed records it before this returns."""
    from polemos.service import IngestService
    from polemos.store import Stored
    from polemos.types import Article

    article = Article(id=article_id, text=text, published=date.fromisoformat(day), outlet=outlet)
    record = DatedExtractor()([article])[0]
    IngestService(store).write([Stored(record, text, article_id)], paths=[article_id], engine="test")


def published(n: int) -> str:
    """Story n's publication day, as an RFC 822 date for a feed."""
    day = date(2016, 1, 1) + timedelta(days=10 * n)
    return formatdate(calendar.timegm(day.timetuple()), usegmt=True)


def story(n: int, place: str | None = None) -> tuple[str, str]:
    """(title, text) of an English article with one '<n> killed in <Place>' event."""
    place = place or PLACES[n % len(PLACES)]
    title = f"Shelling hits {place} as fighting goes on"
    text = (
        f"{n + 2} people were killed in {place} on Monday when shells struck a market, local officials "
        "said. Residents described the attack as the heaviest in weeks, and aid groups said hospitals "
        "in the area were struggling to treat the wounded.\nThe government has not commented on the "
        "reports, which could not be independently verified by journalists working in the region."
    )
    return title, text


def add_stories(server: Server, feed: str, numbers: list[int], prefix: str = "/news") -> None:
    """Pages for these story numbers and a feed listing them (the feed is rewritten whole)."""
    items = []
    for n in numbers:
        title, text = story(n)
        server.page(f"{prefix}/{n}.html", title, text)
        items.append((f"{prefix}/{n}.html", title, text.split(".")[0] + ".", published(n)))
    server.feed(feed, items)
