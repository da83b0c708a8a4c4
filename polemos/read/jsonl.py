"""JSON Lines, streamed: one record a line, each line judged alone, the file never held whole.

A line is split at ``\\n`` only (JSON strings may hold U+2028, U+0085 or a form feed raw), read up to
``Limits.max_mb`` and no further, decoded as UTF-8 on its own, and parsed with a nesting limit. A bad
line (too long, a NUL byte, not UTF-8, not JSON, too deep, not a record) is one ``ReadFailure`` at
``file:N``; the lines around it are read. Only a file that is binary as a whole (many control bytes
in its first 8 KiB) is refused whole, as any other input.
"""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO

from polemos.errors import Errors, ReadError
from polemos.read.base import ReadFailure
from polemos.read.decode import decode, encoding_hint, looks_binary
from polemos.read.source import Limits, read_limited
from polemos.types import Article

# (record, "file:N") -> Article, raising ReadError for a record that is not an article
MakeArticle = Callable[[dict[str, object], str], Article]
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class _Chain(io.RawIOBase):
    """``head`` (already read to tell the kind of input) followed by the rest of ``stream``."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        super().__init__()
        self.head, self.stream = memoryview(head), stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        data = self.stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def iter_jsonl(
    stream: BinaryIO, head: bytes, source: str, limits: Limits, make: MakeArticle
) -> Iterator[Article | ReadFailure]:
    """Articles (or failures) of a JSON Lines stream whose first bytes, ``head``, are read already."""
    if head.startswith(_WIDE_BOMS):  # UTF-16/32: rare; read whole (bounded) and split the text
        data = read_limited(stream, 20 * limits.max_bytes, source, head)
        lines: Iterator[tuple[int, bytes | str | int]] = enumerate(decode(data, source).split("\n"), start=1)
    else:
        why = looks_binary(head, nul=False)  # a NUL byte is one line's fault, judged below
        if why:
            raise ReadError(Errors.E102.format(source=source, detail=why))
        lines = _lines(io.BufferedReader(_Chain(head, stream), buffer_size=1 << 16), limits.max_bytes)
    seen = False
    hint: list[str | None] = []  # the encoding hint, worked out once per file
    for n, raw in lines:
        where, named = f"{source}:{n}", f"{source}: line {n}"
        try:
            if isinstance(raw, int):  # a line over the limit, skipped: its size in bytes
                size = round(raw / 1e6, 1)
                raise ReadError(Errors.E106.format(source=where, size=size, limit=limits.max_mb))
            line = raw if isinstance(raw, str) else _decode_line(raw, named, n, hint)
            line = line.removesuffix("\r")
            if not line.strip():
                continue
            seen = True
            yield make(parse_record(line, source, n, limits.max_json_depth), where)
        except ReadError as e:
            seen = True
            yield ReadFailure.of(e, where)
    if not seen:
        yield ReadFailure(source, Errors.E101.format(source=source))


def _lines(reader: io.BufferedReader, limit: int) -> Iterator[tuple[int, bytes | int]]:
    """(line number, line without its "\\n") — or the byte size of a line longer than ``limit``."""
    n = 0
    while line := reader.readline(limit + 2):  # + "\r\n"
        n += 1
        if line.endswith(b"\n"):
            yield n, line[:-1]
            continue
        if len(line) <= limit:  # the last line, without a newline
            yield n, line
            continue
        size = len(line)
        while line and not line.endswith(b"\n"):  # skip the rest of the long line, 64 KiB at a time
            line = reader.readline(1 << 16)
            size += len(line)
        yield n, size


def _decode_line(raw: bytes, named: str, n: int, hint: list[str | None]) -> str:
    if n == 1 and raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise ReadError(Errors.E102.format(source=named, detail=f"a NUL byte at offset {nul}"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        if not hint:
            hint.append(encoding_hint(raw))
        tip = f"; it may be {hint[0]}, convert it with: iconv -f {hint[0]} -t utf-8" if hint[0] else ""
        detail = f"invalid byte 0x{raw[e.start]:02x} at offset {e.start}{tip}"
        raise ReadError(Errors.E103.format(source=named, detail=detail)) from e


def parse_record(line: str, source: str, n: int, max_depth: int) -> dict[str, object]:
    """One line as a JSON object, refused when it is not JSON, not an object or nested too deep."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise ReadError(Errors.E104.format(source=source, line=n, detail=e.msg)) from e
    except RecursionError as e:  # deeper than the interpreter's stack: surely deeper than the limit
        raise ReadError(_too_deep(source, n, max_depth)) from e
    if not isinstance(obj, dict):
        raise ReadError(Errors.E105.format(source=source, line=n, detail="expected a JSON object"))
    if _depth_over(obj, max_depth):
        raise ReadError(_too_deep(source, n, max_depth))
    return obj


def _too_deep(source: str, n: int, max_depth: int) -> str:
    return Errors.E105.format(source=source, line=n, detail=f"nested deeper than {max_depth} levels")


def _depth_over(obj: object, limit: int) -> bool:
    """Whether any container lies deeper than ``limit`` (iterative: no recursion on hostile input)."""
    stack: list[tuple[object, int]] = [(obj, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        children: Iterable[object] = item.values() if isinstance(item, dict) else item  # type: ignore[assignment]
        stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))
    return False
