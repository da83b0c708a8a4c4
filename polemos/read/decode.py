"""Bytes to text, refusing what is not text instead of guessing.

UTF-8 (with or without a BOM) and UTF-16/32 with a BOM are certain; anything else is refused with
a message that says what was found, because a wrong guess silently shifts every offset.
"""

from __future__ import annotations

import codecs

from polemos.errors import Errors, ReadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(data: bytes) -> str | None:
    """Why these bytes are not text, or None. Looks at the first 8 KiB only."""
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    if b"\x00" in head:
        return "contains NUL bytes"
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if head and controls / len(head) > 0.05:
        return f"{controls} control bytes in the first {len(head)}"
    return None


def decode(data: bytes, source: str) -> str:
    """Decode bytes to text, or raise ReadError saying what is wrong and where."""
    if not data.strip():
        raise ReadError(Errors.E101.format(source=source))
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as e:
                raise ReadError(Errors.E103.format(source=source, detail=str(e))) from e
    why = looks_binary(data)
    if why:
        raise ReadError(Errors.E102.format(source=source, detail=why))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        guess = _guess_encoding(data)
        hint = f"; it may be {guess}, convert it with: iconv -f {guess} -t utf-8" if guess else ""
        detail = f"invalid byte 0x{data[e.start]:02x} at offset {e.start}{hint}"
        raise ReadError(Errors.E103.format(source=source, detail=detail)) from e


def _guess_encoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # imported here: only needed on the error path

    best = from_bytes(data[:65536]).best()
    return best.encoding if best is not None else None
