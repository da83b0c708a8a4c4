"""RSS and Atom feeds (.rss, .atom, .xml): every entry becomes an Article.

The text is the entry's title line, a blank line, then its content (or summary) as plain text, so the
title is the first line as for .txt articles. The entry's id (or link) is the article id; the feed's
title is the outlet. A feed that cannot be parsed at all is one ``ReadFailure``; an entry without text,
one ``ReadFailure`` at ``file:N`` (N: the entry's number).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from typing import Any, BinaryIO

from polemos.errors import Errors, ReadError
from polemos.read.base import Defaults, ReaderSpec, ReadFailure, check_article, text_id
from polemos.read.source import Limits, read_limited
from polemos.types import Article

_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "section",
    "article",
}


class _Text(HTMLParser):
    """HTML fragment to text: block elements become line breaks, scripts and styles vanish."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    if "<" not in fragment:
        return html.unescape(fragment).strip()
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def read_feed(
    stream: BinaryIO, size: int | None, source: str, defaults: Defaults, limits: Limits
) -> Iterator[Article | ReadFailure]:
    import feedparser

    if size is not None and size > limits.max_bytes:
        raise ReadError(Errors.E106.format(source=source, size=round(size / 1e6, 1), limit=limits.max_mb))
    try:
        parsed = feedparser.parse(read_limited(stream, limits.max_bytes, source))
    except RecursionError as e:  # markup nested deeper than the parser's stack
        detail = "not an RSS/Atom feed (nested too deep)"
        raise ReadError(Errors.E110.format(source=source, detail=detail)) from e
    if not parsed.entries:
        detail = str(parsed.get("bozo_exception") or "no entries")
        yield ReadFailure(
            source, Errors.E110.format(source=source, detail=f"not an RSS/Atom feed ({detail})")
        )
        return
    outlet = parsed.feed.get("title") or defaults.outlet
    for n, entry in enumerate(parsed.entries, start=1):
        where = f"{source}:{n}"
        try:
            yield check_article(_article(entry, where, outlet, defaults), limits.max_chars)
        except ReadError as e:
            yield ReadFailure.of(e, where)


def _article(entry: Any, where: str, outlet: str | None, defaults: Defaults) -> Article:
    title = html_to_text(entry.get("title") or "")
    contents = entry.get("content") or []
    body = html_to_text(contents[0].get("value", "") if contents else entry.get("summary") or "")
    if not body and not title:
        raise ReadError(Errors.E101.format(source=where))
    text = f"{title}\n\n{body}" if title and body else title or body
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
    link = entry.get("link") or None
    return Article(
        id=str(entry.get("id") or link or text_id(text)),
        text=text,
        title=title or None,
        published=published or defaults.published,
        outlet=outlet,
        url=link,
        source=where,
    )


_ROOT = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:rdf)[\s>/]", re.I | re.S)


def looks_feed(head: bytes) -> bool:
    """An RSS or Atom document: its root element (after an XML declaration or comments) says so."""
    return _ROOT.match(head.decode("utf-8", "replace").removeprefix("\ufeff")) is not None


FEED = ReaderSpec("feed", read_feed, (".rss", ".atom", ".xml"), sniff=looks_feed)
