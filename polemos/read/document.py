"""The built-in readers of whole documents: plain text, HTML, and JSON Lines (one article a line).

A ``.gz`` of any of them is read as what it holds; an input whose suffix says nothing is told by its
first bytes ("{" JSON Lines, "<html" ... HTML, else text), as it always was.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from polemos.errors import Errors, ReadError
from polemos.read.base import (
    Defaults,
    ReaderSpec,
    ReadFailure,
    check_article,
    from_record,
    parse_date,
    text_id,
)
from polemos.read.decode import decode
from polemos.read.source import Inflated, Limits, read_limited
from polemos.types import Article

_HEAD = 8192  # bytes read first to tell the kind of an input without a known suffix
JSONL_SUFFIXES = (".jsonl", ".ndjson")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt", ".text", ".md")


def read_document(
    stream: BinaryIO,
    size: int | None,
    source: str,
    defaults: Defaults,
    limits: Limits,
    suffix: str = "",
    kind: str | None = None,
) -> Iterator[Article | ReadFailure]:
    """Articles of a text, HTML or JSON Lines input: ``kind`` ("text", "html", "jsonl") when known,
    else told from ``suffix`` (".gz" inflated first) and then from the first bytes."""
    from polemos.read.jsonl import iter_jsonl

    inflated = None
    if suffix.endswith(".gz"):  # "story.txt.gz", "corpus.jsonl.gz": read as what they hold
        inflated = Inflated(stream, source, limits.inflated_mb(size or 0))
        stream, size, suffix = inflated, None, suffix[:-3]  # type: ignore[assignment]
    elif size is not None and kind != "jsonl" and suffix not in JSONL_SUFFIXES and size > limits.max_bytes:
        raise ReadError(Errors.E106.format(source=source, size=round(size / 1e6, 1), limit=limits.max_mb))
    head = _read_head(stream)
    if (kind or _kind(suffix, peek_text(head))) == "jsonl":
        yield from iter_jsonl(stream, head, source, limits, lambda obj, where: check_article(
            from_record(obj, where, defaults), limits.max_chars))  # fmt: skip
        _check_inflated(inflated, source)
        return
    data = read_limited(stream, limits.max_bytes, source, head)
    _check_inflated(inflated, source)
    text = decode(data, source)
    del data
    html = (kind or _kind(suffix, text)) == "html"
    try:
        made = _from_html(text, source, defaults) if html else _from_text(text, source, defaults)
        yield check_article(made, limits.max_chars)
    except ReadError as e:
        yield ReadFailure.of(e, source)


def read_text(
    stream: BinaryIO, size: int | None, source: str, defaults: Defaults, limits: Limits
) -> Iterator[Article | ReadFailure]:
    return read_document(stream, size, source, defaults, limits, kind="text")


def read_html(
    stream: BinaryIO, size: int | None, source: str, defaults: Defaults, limits: Limits
) -> Iterator[Article | ReadFailure]:
    return read_document(stream, size, source, defaults, limits, kind="html")


def read_jsonl(
    stream: BinaryIO, size: int | None, source: str, defaults: Defaults, limits: Limits
) -> Iterator[Article | ReadFailure]:
    return read_document(stream, size, source, defaults, limits, kind="jsonl")


def looks_jsonl(head: bytes) -> bool:
    """Whether the first line is a JSON object with a "text" string: JSON Lines whatever its name."""
    first = peek_text(head).lstrip()
    if not first.startswith("{"):
        return False
    line, newline, _ = first.partition("\n")
    if not newline and len(head) >= _HEAD:  # a first line longer than the head: not told cheaply
        return False
    try:
        obj = json.loads(line)
    except ValueError:
        return False
    return isinstance(obj, dict) and isinstance(obj.get("text"), str)


TEXT = ReaderSpec("text", read_text, TEXT_SUFFIXES)
HTML = ReaderSpec("html", read_html, HTML_SUFFIXES)
JSONL = ReaderSpec("jsonl", read_jsonl, JSONL_SUFFIXES)


def _read_head(stream: BinaryIO) -> bytes:
    parts, size = [], 0
    while size < _HEAD and (chunk := stream.read(_HEAD - size)):
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)


def peek_text(head: bytes) -> str:
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
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    head = text.lstrip()[:200].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith(("<!doctype html", "<html", "<?xml", "<head", "<body", "<article")):
        return "html"
    return "text"


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
