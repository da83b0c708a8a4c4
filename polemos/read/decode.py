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


def looks_binary(data: bytes, nul: bool = True) -> str | None:
    """Why these bytes are not text, or None. Looks at the first 8 KiB only (``nul=False``: a NUL
    byte alone does not make them binary, only many control bytes do)."""
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    if nul and b"\x00" in head:
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
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        guess = encoding_hint(data)
        hint = f"; it may be {guess}, convert it with: iconv -f {guess} -t utf-8" if guess else ""
        detail = f"invalid byte 0x{data[e.start]:02x} at offset {e.start}{hint}"
        raise ReadError(Errors.E103.format(source=source, detail=detail)) from e
    # NUL anywhere (not only in the first 8 KiB): one rule for every store (PostgreSQL refuses NUL
    # in text, SQLite would keep it), applied here so no store ever sees one
    nul = text.find("\x00")
    if nul >= 0:
        raise ReadError(Errors.E102.format(source=source, detail=f"a NUL character at offset {nul}"))
    return text


# Windows-1252 (a superset of Latin-1's printable characters) decoded: Western European letters and
# the punctuation news uses. Central European text read as cp1252 shows signs instead (ą as ¹, ł as ³).
_WESTERN = set(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿŒœŠšŸŽž\u00a0‘’‚“”„–—…•€«»°£§©®·´¨¡¿"
)


def encoding_hint(data: bytes) -> str | None:
    """The likeliest 8-bit encoding of bytes that are not UTF-8, for a hint (never to decode with).

    polemos reads English, and English news in an 8-bit encoding is Windows-1252 or Latin-1 far more
    often than anything else, so cp1252 is named when the bytes read as it into Western letters and
    punctuation; charset-normalizer (which often says cp1250 for Latin-1) guesses otherwise."""
    sample = data[:65536]
    try:
        wide = {c for c in sample.decode("cp1252") if ord(c) > 127}
    except UnicodeDecodeError:
        wide = None
    if wide is not None and wide <= _WESTERN:
        return "cp1252"
    from charset_normalizer import from_bytes  # imported here: only needed on the error path

    best = from_bytes(sample).best()
    return best.encoding if best is not None else None
