"""read: every source becomes an Article whose text is exactly what the user gave.

``iter_articles`` yields ``Article`` for each good document and ``ReadFailure`` for each bad one
(with where and why), so one bad line never stops a run.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from polemos.errors import Errors, ReadError
from polemos.read.decode import decode
from polemos.read.language import refuse_language
from polemos.types import Article

MAX_MB = 10.0  # one document; a long news article is ~0.1 MB


@dataclass(frozen=True)
class ReadFailure:
    source: str
    message: str  # coded, one line: "[E104] input.jsonl: line 3: not valid JSON (...)"


@dataclass(frozen=True)
class Defaults:
    """What the caller says about every article (CLI --published/--outlet/--title)."""

    published: date | None = None
    outlet: str | None = None
    title: str | None = None


Reader = Callable[[str, str, Defaults], Iterator["Article | ReadFailure"]]
# Extra readers by file suffix (".warc", ".rss", ...) registered by other modules.
READERS: dict[str, Reader] = {}


def text_id(text: str) -> str:
    """A stable id for a text without one: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def parse_date(value: object, source: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as e:
        raise ReadError(Errors.E109.format(source=source, value=value)) from e


def iter_articles(
    paths: Iterable[str], defaults: Defaults = Defaults(), max_mb: float = MAX_MB
) -> Iterator[Article | ReadFailure]:
    """Articles from files ("-" is standard input), in input order, failures in place."""
    for path in paths:
        yield from _iter_path(path, defaults, max_mb)


def _iter_path(path: str, defaults: Defaults, max_mb: float) -> Iterator[Article | ReadFailure]:
    source = "<stdin>" if path == "-" else path
    try:
        data = _read_bytes(path, source, max_mb)
        suffix = os.path.splitext(path.lower())[1]
        if suffix == ".gz":
            suffix = os.path.splitext(path.lower()[:-3])[1] + ".gz"
        if suffix in READERS:
            yield from READERS[suffix](path, source, defaults)
            return
        text = decode(data, source)
    except ReadError as e:
        yield ReadFailure(source, str(e))
        return
    kind = _kind(suffix, text)
    if kind == "jsonl":
        yield from _iter_jsonl(text, source, defaults, max_mb)
    else:
        yield _one(
            lambda: (
                _from_html(text, source, defaults) if kind == "html" else _from_text(text, source, defaults)
            ),
            source,
        )


def _one(make: Callable[[], Article], source: str) -> Article | ReadFailure:
    try:
        return check_article(make())
    except ReadError as e:
        return ReadFailure(source, str(e))


def _read_bytes(path: str, source: str, max_mb: float) -> bytes:
    try:
        if path == "-":
            return sys.stdin.buffer.read()
        if os.path.isdir(path):
            raise ReadError(Errors.E110.format(source=source, detail="is a directory (use 'polemos ingest')"))
        size = os.path.getsize(path)
        suffix = os.path.splitext(path.lower())[1]
        # JSON Lines and archives hold many documents: the per-document limit applies per line
        if suffix not in (".jsonl", ".ndjson", ".gz", ".warc") and size > max_mb * 1e6:
            raise ReadError(Errors.E106.format(source=source, size=round(size / 1e6, 1), limit=max_mb))
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError as e:
        raise ReadError(Errors.E107.format(source=source)) from e
    except OSError as e:
        raise ReadError(Errors.E110.format(source=source, detail=e.strerror or str(e))) from e


def _kind(suffix: str, text: str) -> str:
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".txt", ".text", ".md"):
        return "text"
    head = text.lstrip()[:200].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith(("<!doctype html", "<html", "<?xml", "<head", "<body", "<article")):
        return "html"
    return "text"


def check_article(article: Article) -> Article:
    """Refuse what cannot be read as English news; return the article unchanged otherwise."""
    if not article.text.strip():
        raise ReadError(Errors.E101.format(source=article.source))
    lang = refuse_language(article.text)
    if lang is not None:
        raise ReadError(Errors.E108.format(source=article.source, language=lang))
    return article


def _from_text(text: str, source: str, defaults: Defaults) -> Article:
    first = text.lstrip().split("\n", 1)[0].strip()
    title = defaults.title or (first if "\n" in text.strip() else None)
    return Article(
        id=text_id(text),
        text=text,
        title=title,
        published=defaults.published,
        outlet=defaults.outlet,
        source=source,
    )


def _from_html(html: str, source: str, defaults: Defaults) -> Article:
    import trafilatura  # heavy import: only when HTML is read

    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as e:  # trafilatura raises many kinds on broken markup
        raise ReadError(Errors.E110.format(source=source, detail=f"HTML could not be parsed: {e}")) from e
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        raise ReadError(Errors.E111.format(source=source))
    meta_date = getattr(doc, "date", None)
    return Article(
        id=text_id(body),
        text=body,
        title=defaults.title or getattr(doc, "title", None),
        published=defaults.published or parse_date(meta_date, source),
        outlet=defaults.outlet or getattr(doc, "sitename", None),
        url=getattr(doc, "url", None),
        source=source,
    )


def _iter_jsonl(text: str, source: str, defaults: Defaults, max_mb: float) -> Iterator[Article | ReadFailure]:
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        if len(line) > max_mb * 1e6:
            yield ReadFailure(
                where, Errors.E106.format(source=where, size=round(len(line) / 1e6, 1), limit=max_mb)
            )
            continue
        try:
            yield check_article(from_record(_json(line, source, n), where, defaults))
        except ReadError as e:
            yield ReadFailure(where, str(e))


def _json(line: str, source: str, n: int) -> dict[str, object]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise ReadError(Errors.E104.format(source=source, line=n, detail=e.msg)) from e
    if not isinstance(obj, dict):
        raise ReadError(Errors.E105.format(source=source, line=n, detail="expected a JSON object"))
    return obj


def from_record(obj: dict[str, object], where: str, defaults: Defaults = Defaults()) -> Article:
    """An Article from a JSON object {"id", "text", "title"?, "published"?, "outlet"?, "url"?}."""
    text = obj.get("text")
    if not isinstance(text, str):
        raise ReadError(
            Errors.E105.format(
                source=where.rsplit(":", 1)[0], line=where.rsplit(":", 1)[-1], detail='no "text" string'
            )
        )
    if not text.strip():
        raise ReadError(Errors.E101.format(source=where))
    ident = obj.get("id")
    title, outlet, url = obj.get("title"), obj.get("outlet"), obj.get("url")
    return Article(
        id=str(ident) if ident not in (None, "") else text_id(text),
        text=text,
        title=str(title) if title else defaults.title,
        published=parse_date(obj.get("published"), where) or defaults.published,
        outlet=str(outlet) if outlet else defaults.outlet,
        url=str(url) if url else None,
        source=where,
    )


from polemos.read import feeds as _feeds, warc as _warc  # noqa: E402,F401,I001  (register .warc/.rss/.atom readers)
