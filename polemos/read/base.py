"""What every reader shares: the failure it yields, the caller's defaults, and the checks an article passes.

Readers (``polemos.read.document``, ``feeds``, ``warc`` and plugins) import these from here, never from
``polemos.read`` itself, which imports the readers: so no reader module is in an import cycle.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import BinaryIO

from polemos.errors import Errors, PolemosError, ReadError, code_of
from polemos.read.language import refuse_language
from polemos.read.source import MAX_CHARS, Limits
from polemos.types import Article, source_location

__all__ = ["Defaults", "ReadFailure", "Reader", "ReaderSpec", "check_article", "check_chars", "from_record",
           "parse_date", "text_id"]  # fmt: skip


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


# A reader: (open stream, size in bytes or None, source, defaults, limits) -> articles and failures
Reader = Callable[[BinaryIO, "int | None", str, Defaults, Limits], Iterator["Article | ReadFailure"]]


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
        from polemos.lang import supported

        raise ReadError(Errors.E108.format(source=article.source, language=lang, languages=supported()))
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


@dataclass(frozen=True)
class ReaderSpec:
    """A reader: its ``name``, the function that reads, the suffixes it takes (".foo", ".foo.gz"), and
    optionally ``sniff``: whether the input's first bytes (up to 8 KiB, maybe fewer) are its kind. Keep
    ``sniff`` cheap and sure: it is asked about every input whose suffix no reader claims.

    ``plugin`` is set by the registry for a reader from an entry point ("name (dist 1.0)").
    """

    name: str
    read: Reader
    suffixes: tuple[str, ...] = ()
    sniff: Callable[[bytes], bool] | None = None
    plugin: str | None = None
