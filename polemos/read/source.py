"""Opening inputs without trusting them: regular files only, bounded reads, bounded decompression.

Every way an input can make a run wait or grow without end is stopped here, before a byte is parsed:

- **Special files.** A FIFO, a device (``/dev/zero``), a socket or a directory is refused (E113, E110)
  from ``fstat`` of a descriptor opened with ``O_NONBLOCK``, so opening a FIFO never blocks and a file
  swapped between a check and the open is still seen for what it is.
- **Symbolic links.** A dangling link or a link loop is one failure with its reason (E110), not an
  ``OSError`` out of the run.
- **Size.** A document is read up to ``Limits.max_mb`` and no further (E106), standard input too.
- **Decompression.** ``Inflated`` wraps a gzip stream: it yields decompressed bytes in bounded chunks,
  stops past ``Limits.inflated_mb(compressed size)`` (E115: a decompression bomb), and records a
  truncated or damaged stream instead of ending it silently (E116).
"""

from __future__ import annotations

import errno
import fcntl
import gzip
import io
import os
import stat
import sys
import zlib
from dataclasses import dataclass
from typing import BinaryIO

from polemos.errors import Errors, ReadError

MAX_MB = 10.0  # one document; a long news article is ~0.1 MB
# One document's characters. spaCy's parser precomputes a table per token of a batch (~0.3 GB per
# 100,000 characters measured with en_core_web_sm): 150,000 characters keep one article's peak near
# 0.7 GB, under 1 GB with the model loaded. A long feature article is 30,000-60,000.
MAX_CHARS = 150_000
MAX_JSON_DEPTH = 64  # nesting of one JSON Lines record; an article record is 1 or 2 levels deep
# A compressed file may inflate to this many times its size (and at least INFLATE_FLOOR_MB): HTML and
# JSON compress 5-15 times, a gzip bomb ~1,000 times.
INFLATE_RATIO = 100
INFLATE_FLOOR_MB = 100.0
_CHUNK = 1 << 16


@dataclass(frozen=True)
class Limits:
    """How much one input may cost; the CLI's --max-mb and --max-chars set the first two."""

    max_mb: float = MAX_MB
    max_chars: int = MAX_CHARS
    max_json_depth: int = MAX_JSON_DEPTH
    inflate_ratio: int = INFLATE_RATIO
    inflate_floor_mb: float = INFLATE_FLOOR_MB

    @property
    def max_bytes(self) -> int:
        return int(self.max_mb * 1e6)

    def inflated_mb(self, compressed_bytes: int) -> float:
        return max(self.inflate_floor_mb, self.inflate_ratio * compressed_bytes / 1e6)


_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def path_name(path: str) -> str:
    """A path as messages and stores name it: bytes of a file name that are not UTF-8 (which Python
    holds as lone surrogates, and no store or UTF-8 output can take) written as ``\\xe9``."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def open_input(path: str, source: str) -> tuple[BinaryIO, int | None]:
    """The input as a binary stream and its size in bytes (None for standard input), or ReadError.

    Only regular files (through any number of good symbolic links) and ``-`` are opened."""
    if path == "-":
        return sys.stdin.buffer, None
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as e:
        raise ReadError(_open_error(path, source, e)) from e
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ReadError(Errors.E110.format(source=source, detail="is a directory (use 'polemos ingest')"))
        if not stat.S_ISREG(info.st_mode):
            kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a regular file")
            raise ReadError(Errors.E113.format(source=source, kind=kind))
        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
        fcntl.fcntl(fd, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)
        return os.fdopen(fd, "rb"), info.st_size
    except BaseException:
        os.close(fd)
        raise


def _open_error(path: str, source: str, e: OSError) -> str:
    if e.errno == errno.ENOENT:
        if os.path.islink(path):
            detail = f"a broken symbolic link (to {os.readlink(path)!r})"
            return Errors.E110.format(source=source, detail=detail)
        return Errors.E107.format(source=source)
    if e.errno == errno.ELOOP:
        return Errors.E110.format(source=source, detail="a symbolic link loop")
    return Errors.E110.format(source=source, detail=e.strerror or str(e))


def read_limited(stream: BinaryIO, limit: int, source: str, head: bytes = b"") -> bytes:
    """``head`` and the rest of ``stream``, or E106 past ``limit`` bytes. Past the limit the stream is
    drained (not kept) up to ten times the limit to tell its size, so ``/dev/zero`` cannot hold a run."""
    parts, size = [head], len(head)
    while size <= limit:
        chunk = stream.read(min(_CHUNK * 16, limit + 1 - size))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    if size <= limit:
        return b"".join(parts)
    parts.clear()
    while size <= 10 * limit and (chunk := stream.read(_CHUNK * 16)):
        size += len(chunk)
    told = f"{size / 1e6:.1f}" if size <= 10 * limit else f"more than {10 * limit / 1e6:.1f}"
    raise ReadError(Errors.E106.format(source=source, size=told, limit=limit / 1e6))


class Inflated(io.RawIOBase):
    """A gzip stream (one member or many, as in ``.warc.gz``), decompressed with limits.

    Past ``limit_mb`` of output it raises ``ReadError`` (E115). A stream that ends inside a member, or
    that is not gzip after its first member, ends the output there and sets ``damage`` (the reader
    reports it as E116 once it has used what could be read)."""

    def __init__(self, raw: BinaryIO, source: str, limit_mb: float) -> None:
        super().__init__()
        self._gz = gzip.GzipFile(fileobj=raw, mode="rb")
        self.source, self.limit_mb = source, limit_mb
        self.out = 0
        self.damage: str | None = None
        self.over = False  # past the limit: every later read is the end

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self.damage is not None or self.over:
            return 0
        try:
            data = self._gz.read1(min(len(buffer), _CHUNK))  # read1: a failure loses no data read
        except EOFError:
            self.damage = "the file ends inside a compressed record"
            return 0
        except (OSError, zlib.error) as e:  # BadGzipFile is an OSError
            self.damage = f"damaged compressed data ({e})"
            return 0
        self.out += len(data)
        if self.out > self.limit_mb * 1e6:
            self.over = True
            raise ReadError(Errors.E115.format(source=self.source, limit=f"{self.limit_mb:,.0f}"))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._gz.close()
        super().close()


def is_gzip(head: bytes) -> bool:
    return head[:2] == b"\x1f\x8b"
