"""read: every source becomes an Article whose text is exactly what the user gave.

``iter_articles`` yields ``Article`` for each good document and ``ReadFailure`` for each bad one
(with where and why), so one bad line never stops a run.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import closing, nullcontext
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import BinaryIO

from polemos.errors import Errors, PolemosError, ReadError, code_of
from polemos.read.decode import decode
from polemos.read.language import refuse_language
from polemos.read.source import MAX_CHARS, MAX_MB, Inflated, Limits, open_input, path_name, read_limited
from polemos.types import Article, source_location

__all__ = ["MAX_CHARS", "MAX_MB", "Defaults", "Limits", "ReadFailure", "check_article", "from_record",
           "iter_articles", "parse_date", "read_bytes", "text_id"]  # fmt: skip


@dataclass(frozen=True)
class ReadFailure:
    """An input that could not be read, in place of its article: what every reader yields for one.

    ``source`` is where ("input.jsonl:3", or "story.txt" for a whole file), also as ``path`` and
    ``line`` (0 for a whole file); ``message`` one coded line and ``code`` its code ("E104"), taken
    from the message (an ``Errors`` message, or a ``ReadError``'s) unless given.
    """

    source: str
    message: str  # coded, one line: "[E104] input.jsonl: line 3: not valid JSON (...)"
    code: str | None = None
    path: str = field(init=False)
    line: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "code", self.code or code_of(self.message))
        object.__setattr__(self, "path", source_location(self.source)[0])
        object.__setattr__(self, "line", source_location(self.source)[1])
        # one line whatever a library's exception text (or a file name) holds, and a readable length
        line = " ".join(self.message.split())
        object.__setattr__(self, "message", line if len(line) <= 600 else line[:597] + "...")

    @classmethod
    def of(cls, error: PolemosError, source: str) -> ReadFailure:
        """The failure a reader yields for ``error`` raised while reading ``source``."""
        return cls(source, str(error), error.code)


@dataclass(frozen=True)
class Defaults:
    """What the caller says about every article (CLI --published/--outlet/--title)."""

    published: date | None = None
    outlet: str | None = None
    title: str | None = None


# A reader for a suffix: (open stream, size in bytes or None, source, defaults, limits) -> items
Reader = Callable[[BinaryIO, "int | None", str, Defaults, Limits], Iterator["Article | ReadFailure"]]
# Extra readers by file suffix (".warc", ".rss", ...) registered by other modules.
READERS: dict[str, Reader] = {}
_HEAD = 8192  # bytes read first to tell the kind of an input without a known suffix


def text_id(text: str) -> str:
    """A stable id for a text without one: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def parse_date(value: object, source: str) -> date | None:
    """A publication date: a ``date``, or ISO text (a timestamp's time is dropped, as is a datetime's)."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):  # a subclass of date: its time would leak into every event date
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as e:
        raise ReadError(Errors.E109.format(source=source, value=value)) from e


def iter_articles(
    paths: Iterable[str],
    defaults: Defaults = Defaults(),
    max_mb: float = MAX_MB,
    limits: Limits | None = None,
) -> Iterator[Article | ReadFailure]:
    """Articles from files ("-" is standard input), in input order, failures in place."""
    limits = limits or Limits(max_mb=max_mb)
    for path in paths:
        yield from _iter_path(path, defaults, limits)


def read_bytes(
    data: bytes,
    source: str,
    suffix: str = ".html",
    defaults: Defaults = Defaults(),
    limits: Limits | None = None,
) -> Iterator[Article | ReadFailure]:
    """Articles from a document fetched elsewhere (a web page), read as a file with ``suffix`` would be."""
    import io

    limits = limits or Limits()
    try:
        yield from _iter_stream(io.BytesIO(data), len(data), suffix, source, defaults, limits)
    except ReadError as e:
        yield ReadFailure.of(e, source)


def _suffix(path: str) -> str:
    lower = path.lower()
    suffix = os.path.splitext(lower)[1]
    if suffix == ".gz":
        suffix = os.path.splitext(lower[:-3])[1] + ".gz"
    return suffix


def _iter_path(path: str, defaults: Defaults, limits: Limits) -> Iterator[Article | ReadFailure]:
    source = "<stdin>" if path == "-" else path_name(path)
    try:
        stream, size = open_input(path, source)
    except ReadError as e:
        yield ReadFailure.of(e, source)
        return
    with closing(stream) if path != "-" else nullcontext():
        try:
            yield from _iter_stream(stream, size, _suffix(path), source, defaults, limits)
        except ReadError as e:  # a failure of the input as a whole, after what could be read
            yield ReadFailure.of(e, source)
        except Exception as e:  # noqa: BLE001 - a reader's bug ends this input, never the run
            detail = f"the reader failed ({type(e).__name__}: {e})"
            yield ReadFailure(source, Errors.E110.format(source=source, detail=detail))


def _iter_stream(
    stream: BinaryIO, size: int | None, suffix: str, source: str, defaults: Defaults, limits: Limits
) -> Iterator[Article | ReadFailure]:
    from polemos.read.jsonl import iter_jsonl

    if suffix in READERS:
        yield from READERS[suffix](stream, size, source, defaults, limits)
        return
    inflated = None
    if suffix.endswith(".gz"):  # "story.txt.gz", "corpus.jsonl.gz": read as what they hold
        inflated = Inflated(stream, source, limits.inflated_mb(size or 0))
        stream, size, suffix = inflated, None, suffix[:-3]  # type: ignore[assignment]
    elif size is not None and suffix not in (".jsonl", ".ndjson") and size > limits.max_bytes:
        raise ReadError(Errors.E106.format(source=source, size=round(size / 1e6, 1), limit=limits.max_mb))
    head = _read_head(stream)
    if _kind(suffix, _peek_text(head)) == "jsonl":
        yield from iter_jsonl(stream, head, source, limits, lambda obj, where: check_article(
            from_record(obj, where, defaults), limits.max_chars))  # fmt: skip
        _check_inflated(inflated, source)
        return
    data = read_limited(stream, limits.max_bytes, source, head)
    _check_inflated(inflated, source)
    text = decode(data, source)
    del data
    html = _kind(suffix, text) == "html"
    try:
        made = _from_html(text, source, defaults) if html else _from_text(text, source, defaults)
        yield check_article(made, limits.max_chars)
    except ReadError as e:
        yield ReadFailure.of(e, source)


def _read_head(stream: BinaryIO) -> bytes:
    parts, size = [], 0
    while size < _HEAD and (chunk := stream.read(_HEAD - size)):
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)


def _peek_text(head: bytes) -> str:
    """The first bytes as text, only to tell the kind of input (never the article's text)."""
    for bom, encoding in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                          (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):  # fmt: skip
        if head.startswith(bom):
            return head.decode(encoding, "ignore")
    return head.decode("utf-8", "replace").removeprefix("\ufeff")


def _check_inflated(inflated: Inflated | None, source: str) -> None:
    if inflated is not None and inflated.damage:
        raise ReadError(Errors.E116.format(source=source, detail=inflated.damage))


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


def check_article(article: Article, max_chars: int = MAX_CHARS) -> Article:
    """Refuse what cannot be read as English news; return the article otherwise (a ``datetime``
    published becomes its date)."""
    if not article.text.strip():
        raise ReadError(Errors.E101.format(source=article.source))
    if len(article.text) > max_chars:
        raise ReadError(Errors.E112.format(source=article.source, chars=len(article.text), limit=max_chars))
    for name in ("text", "id", "title", "outlet", "url"):
        check_chars(getattr(article, name), name, str(article.source))
    lang = refuse_language(article.text)
    if lang is not None:
        raise ReadError(Errors.E108.format(source=article.source, language=lang))
    if isinstance(article.published, datetime):
        article = replace(article, published=article.published.date())
    return article


def check_chars(value: str | None, name: str, source: str) -> None:
    """Refuse a NUL character or a lone surrogate, which no store (and no UTF-8 output) can hold.

    One rule for every store: PostgreSQL refuses NUL in text where SQLite would keep it, and neither
    can encode a surrogate; refused here, at reading, no store ever sees one."""
    if not value:
        return
    nul = value.find("\x00")
    if nul >= 0:
        where = "" if name == "text" else f" of the {name}"
        raise ReadError(Errors.E102.format(source=source, detail=f"a NUL character at offset {nul}{where}"))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        raise ReadError(
            Errors.E114.format(source=source, field=name, code=ord(value[e.start]), offset=e.start)
        ) from e


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


def from_record(obj: Mapping[str, object], where: str, defaults: Defaults = Defaults()) -> Article:
    """An Article from a JSON object {"id", "text", "title"?, "published"?, "outlet"?, "url"?}."""
    path, _, line = where.rpartition(":")
    path, line = (path, line) if line.isdigit() else (where, "0")
    text = obj.get("text")
    if not isinstance(text, str):
        raise ReadError(Errors.E105.format(source=path, line=line, detail='no "text" string'))
    if not text.strip():
        raise ReadError(Errors.E101.format(source=where))
    fields = {}
    for name in ("id", "title", "outlet", "url"):
        value = obj.get(name)
        if isinstance(value, dict | list):
            detail = f'"{name}" must be a string or a number, not {type(value).__name__}'
            raise ReadError(Errors.E105.format(source=path, line=line, detail=detail))
        fields[name] = str(value) if value not in (None, "") and (value or name == "id") else None
        check_chars(fields[name], name, where)
    check_chars(text, "text", where)  # before the text is hashed into an id
    return Article(
        id=fields["id"] or text_id(text),
        text=text,
        title=fields["title"] or defaults.title,
        published=parse_date(obj.get("published"), where) or defaults.published,
        outlet=fields["outlet"] or defaults.outlet,
        url=fields["url"],
        source=where,
    )


from polemos.read import feeds as _feeds, warc as _warc  # noqa: E402,F401,I001  (register .warc/.rss/.atom readers)
