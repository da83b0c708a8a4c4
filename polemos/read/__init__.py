"""read: every source becomes an Article whose text is exactly what the user gave.

``iter_articles`` yields ``Article`` for each good document and ``ReadFailure`` for each bad one
(with where and why), so one bad line never stops a run. Which reader reads an input is the registry's
choice (``polemos.read.registry``: by suffix, then by the first bytes); the readers are
``polemos.read.document`` (text, HTML, JSON Lines), ``feeds``, ``warc`` and plugins (``docs/plugins.md``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import closing, nullcontext
from typing import BinaryIO

from polemos.errors import Errors, ReadError
from polemos.read.base import (
    Defaults,
    Reader,
    ReaderSpec,
    ReadFailure,
    check_article,
    check_chars,
    from_record,
    parse_date,
    text_id,
)
from polemos.read.document import read_document
from polemos.read.registry import readers, register_reader
from polemos.read.source import MAX_CHARS, MAX_MB, Limits, open_input, path_name
from polemos.types import Article

__all__ = ["MAX_CHARS", "MAX_MB", "Defaults", "Limits", "ReadFailure", "Reader", "ReaderSpec",
           "check_article", "check_chars", "from_record", "iter_articles", "parse_date", "read_bytes",
           "readers", "register_reader", "text_id"]  # fmt: skip


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
    peek = getattr(stream, "peek", None)
    spec = readers().choose(suffix, peek(8192) if peek is not None else b"")
    if spec is None:
        yield from read_document(stream, size, source, defaults, limits, suffix)
        return
    if spec.plugin is None:
        yield from spec.read(stream, size, source, defaults, limits)
        return
    yield from _from_plugin(spec, stream, size, source, defaults, limits)


def _from_plugin(
    spec: ReaderSpec, stream: BinaryIO, size: int | None, source: str, defaults: Defaults, limits: Limits
) -> Iterator[Article | ReadFailure]:
    """A plugin's items, each article checked as the built-ins check theirs (a refused one is its
    failure, the others go on); a plugin that raises ends its input with one line naming it (E110)."""
    try:
        for item in spec.read(stream, size, source, defaults, limits):
            if isinstance(item, ReadFailure):
                yield item
                continue
            if not isinstance(item, Article):
                raise TypeError(f"yielded a {type(item).__name__}, not an Article or a ReadFailure")
            try:
                yield check_article(item, limits.max_chars)
            except ReadError as e:
                yield ReadFailure.of(e, item.source or source)
    except ReadError:
        raise
    except Exception as e:  # noqa: BLE001 - a plugin's bug ends this input, never the run
        detail = f"the reader {spec.name!r} of plugin {spec.plugin} failed ({type(e).__name__}: {e})"
        yield ReadFailure(source, Errors.E110.format(source=source, detail=detail))
