"""Bytes to text: certain encodings decoded, everything else refused with a coded reason."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from polemos.errors import ReadError
from polemos.read import ReadFailure, iter_articles
from polemos.read.decode import decode, looks_binary

TEXT = "Rebels shelled Darayya – the ministry’s “statement” said 12 died.\n"


def test_plain_utf8_is_decoded() -> None:
    assert decode(TEXT.encode("utf-8"), "x") == TEXT


def test_utf8_bom_is_stripped() -> None:
    assert decode(codecs.BOM_UTF8 + TEXT.encode("utf-8"), "x") == TEXT


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded(encoding: str) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    assert decode(bom + TEXT.encode(encoding), "x") == TEXT


def test_utf32_with_bom_is_decoded() -> None:
    assert decode(TEXT.encode("utf-32"), "x") == TEXT


def test_cp1252_is_refused_as_e103() -> None:
    with pytest.raises(ReadError, match=r"^\[E103\] story\.txt: not UTF-8"):
        decode(TEXT.encode("cp1252"), "story.txt")


def test_cp1252_refusal_names_the_byte_and_offset() -> None:
    data = TEXT.encode("cp1252")
    offset = data.index(b"\x96")  # the en dash
    with pytest.raises(ReadError, match=rf"invalid byte 0x96 at offset {offset}"):
        decode(data, "story.txt")


def test_cp1252_refusal_gives_a_conversion_hint() -> None:
    long_text = "Government troops said the “ceasefire” – agreed on Friday – held in Aleppo’s east. " * 20
    with pytest.raises(ReadError, match=r"iconv -f \S+ -t utf-8"):
        decode(long_text.encode("cp1252"), "story.txt")


def test_binary_with_nul_bytes_is_e102() -> None:
    with pytest.raises(ReadError, match=r"^\[E102\] x: binary data, not text \(contains NUL bytes\)"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "x")


def test_control_bytes_are_binary() -> None:
    assert looks_binary(bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 10) is not None


def test_ordinary_text_is_not_binary() -> None:
    assert looks_binary(TEXT.encode("utf-8")) is None


def test_whitespace_only_is_e101() -> None:
    with pytest.raises(ReadError, match=r"^\[E101\]"):
        decode(b" \n\t\n", "x")


def test_empty_file_is_a_read_failure(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    (failure,) = list(iter_articles([str(path)]))
    assert isinstance(failure, ReadFailure) and failure.message.startswith(f"[E101] {path}")


def test_utf16_file_keeps_text_exact(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(("Headline\n" + TEXT).encode("utf-16"))
    (article,) = list(iter_articles([str(path)]))
    assert article.text == "Headline\n" + TEXT
