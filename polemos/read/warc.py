"""WARC archives (.warc, .warc.gz): every HTML response (or resource) record becomes an Article.

The page's main text comes out through trafilatura; its URL (``WARC-Target-URI``) is the article's
url, and the crawl date (``WARC-Date``) stands in for the publication date when the page gives none.
A record that fails is one ``ReadFailure`` at ``file:N`` (N: the record's number in the archive).
"""

from __future__ import annotations

import contextlib
import io
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from polemos.errors import Errors, ReadError
from polemos.read.base import Defaults, ReaderSpec, ReadFailure, check_article, parse_date, text_id
from polemos.read.source import Inflated, Limits, is_gzip
from polemos.types import Article

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(
    stream: BinaryIO, size: int | None, source: str, defaults: Defaults, limits: Limits
) -> Iterator[Article | ReadFailure]:
    """Articles of a WARC file, compressed or not; each record read up to ``limits.max_mb``, the
    whole file inflated up to ``limits.inflated_mb``, a truncated end reported (E116)."""
    from warcio.archiveiterator import ArchiveIterator

    inflated = None
    body: BinaryIO = stream
    if is_gzip(stream.peek(2)[:2]):  # type: ignore[attr-defined]
        inflated = Inflated(stream, source, limits.inflated_mb(size or 0))
        body = io.BufferedReader(inflated)
    n, cut = 0, False  # cut: the last record read was reported cut short
    records = ArchiveIterator(body)
    try:
        for record in _quiet(records):
            if record.rec_type not in ("response", "resource"):
                continue
            n += 1
            where = f"{source}:{n}"
            if not _is_html(record):
                continue
            try:
                raw = _content(record, where, limits)
                yield check_article(_article(record, raw, where, defaults), limits.max_chars)
            except ReadError as e:
                cut = e.code == "E116"
                yield ReadFailure.of(e, where)
    except ReadError as e:  # the file inflates past its limit between records
        yield ReadFailure.of(e, f"{source}:{n + 1}")
        return
    except Exception as e:  # not a WARC, or broken: warcio raises many kinds (even AttributeError)
        if n:  # good records, then damage: a cut or corrupted archive
            detail = f"broken WARC after {n} record(s): {e}"
            yield ReadFailure(f"{source}:{n + 1}", Errors.E116.format(source=source, detail=detail))
        else:
            yield ReadFailure(source, Errors.E110.format(source=source, detail=f"broken WARC: {e}"))
        return
    if inflated is not None and inflated.damage and not inflated.over and not cut:
        detail = f"{inflated.damage}, after {n} record(s)"
        yield ReadFailure(f"{source}:{n + 1}", Errors.E116.format(source=source, detail=detail))
    elif inflated is None and size is not None and n and not cut and records.offset < size:
        # warcio ends quietly inside a record's headers: the bytes after the last whole record tell
        detail = f"{size - records.offset:,} bytes after record {n} are not a whole record"
        yield ReadFailure(f"{source}:{n + 1}", Errors.E116.format(source=source, detail=detail))
    elif n == 0:
        yield ReadFailure(source, Errors.E110.format(source=source, detail="no WARC response records"))


def _quiet(records: Any) -> Iterator[Any]:
    """warcio's records, without the warnings it writes to stderr on a damaged archive (the damage is
    reported as E116 instead); stderr is only taken while warcio reads, never across a yield."""
    while True:
        with contextlib.redirect_stderr(io.StringIO()):
            record = next(records, None)
        if record is None:
            return
        yield record


def _content(record: Any, where: str, limits: Limits) -> bytes:
    """The record's payload, at most ``limits.max_mb``; a record cut short by the file's end is E116."""
    raw: bytes = record.content_stream().read(limits.max_bytes + 1)
    if len(raw) > limits.max_bytes:
        size = f"more than {limits.max_mb:g}"
        raise ReadError(Errors.E106.format(source=where, size=size, limit=limits.max_mb))
    while record.raw_stream.read(1 << 16):  # what content decoding left (chunk trailers)
        pass
    if record.raw_stream.limit > 0:
        missing = record.raw_stream.limit
        raise ReadError(Errors.E116.format(source=where, detail=f"the record ends {missing:,} bytes short"))
    return raw


def _is_html(record: Any) -> bool:
    if record.rec_type == "response":
        ctype = record.http_headers.get_header("Content-Type") if record.http_headers else None
    else:
        ctype = record.rec_headers.get_header("Content-Type")
    return bool(ctype) and str(ctype).split(";")[0].strip().lower() in _HTML_TYPES


def _article(record: Any, raw: bytes, where: str, defaults: Defaults) -> Article:
    import trafilatura  # heavy import: only when HTML is read

    html = raw.decode("utf-8", errors="replace")  # trafilatura re-reads the declared charset
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False)  # fmt: skip
    except Exception as e:  # trafilatura raises many kinds on broken markup
        raise ReadError(Errors.E110.format(source=where, detail=f"HTML could not be parsed: {e}")) from e
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        raise ReadError(Errors.E111.format(source=where))
    crawled = record.rec_headers.get_header("WARC-Date")
    return Article(
        id=url or text_id(body),
        text=body,
        title=getattr(doc, "title", None) or defaults.title,
        published=parse_date(getattr(doc, "date", None), where)
        or defaults.published
        or parse_date(crawled, where),
        outlet=getattr(doc, "sitename", None) or defaults.outlet,
        url=url,
        source=where,
    )


def looks_warc(head: bytes) -> bool:
    """A WARC file by its first record's version line, also when gzip'd (its first bytes inflated)."""
    if is_gzip(head[:2]):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


WARC = ReaderSpec("warc", read_warc, (".warc", ".warc.gz"), sniff=looks_warc)
