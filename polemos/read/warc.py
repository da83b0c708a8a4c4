"""WARC archives (.warc, .warc.gz): every HTML response (or resource) record becomes an Article.

The page's main text comes out through trafilatura; its URL (``WARC-Target-URI``) is the article's
url, and the crawl date (``WARC-Date``) stands in for the publication date when the page gives none.
A record that fails is one ``ReadFailure`` at ``file:N`` (N: the record's number in the archive).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from polemos.errors import Errors, ReadError
from polemos.read import READERS, Defaults, ReadFailure, check_article, parse_date, text_id
from polemos.types import Article

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: str, source: str, defaults: Defaults) -> Iterator[Article | ReadFailure]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type not in ("response", "resource"):
                    continue
                n += 1
                where = f"{source}:{n}"
                if not _is_html(record):
                    continue
                try:
                    yield check_article(_article(record, where, defaults))
                except ReadError as e:
                    yield ReadFailure(where, str(e))
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as e:  # truncated or not a WARC
        where = f"{source}:{n + 1}" if n else source
        yield ReadFailure(where, Errors.E110.format(source=where, detail=f"broken WARC: {e}"))
        return
    if n == 0:
        yield ReadFailure(source, Errors.E110.format(source=source, detail="no WARC response records"))


def _is_html(record: Any) -> bool:
    if record.rec_type == "response":
        ctype = record.http_headers.get_header("Content-Type") if record.http_headers else None
    else:
        ctype = record.rec_headers.get_header("Content-Type")
    return bool(ctype) and ctype.split(";")[0].strip().lower() in _HTML_TYPES


def _article(record: Any, where: str, defaults: Defaults) -> Article:
    import trafilatura  # heavy import: only when HTML is read

    raw = record.content_stream().read()
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


READERS[".warc"] = read_warc
READERS[".warc.gz"] = read_warc
