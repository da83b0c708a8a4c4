"""Hostile and unlucky inputs to the readers, each built by hand in tmp_path: special files, broken
links, decompression bombs, truncated archives, deep JSON, NULs, lone surrogates, datetimes.

Every one must come out as one coded ``ReadFailure`` in place while the inputs around it are read;
nothing may raise, hang or grow without bound."""

from __future__ import annotations

import gzip
import io
import json
import os
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from polemos.errors import ReadError
from polemos.read import Article, Defaults, Limits, ReadFailure, check_article, from_record, iter_articles
from polemos.read.decode import decode, encoding_hint
from polemos.read.source import read_limited

GOOD = "Rebel fighters shelled an army base near Idlib on Sunday, killing three soldiers, the ministry said."
PAGE = (
    f"<html><head><title>Idlib</title></head><body><article><p>{GOOD} " * 3 + "</p></article></body></html>"
)


def items(*paths: Path | str, limits: Limits | None = None, defaults: Defaults = Defaults()) -> list:
    return list(iter_articles([str(p) for p in paths], defaults, limits=limits))


def codes(found: list) -> list[str]:
    return [i.message[1:5] if isinstance(i, ReadFailure) else "ok" for i in found]


def good_file(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_text(GOOD + "\n", encoding="utf-8")
    return path


def jsonl(path: Path, *lines: str) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def rec(ident: str, text: str = GOOD, **more: object) -> str:
    return json.dumps({"id": ident, "text": text, **more})


# ---- special files and links ----------------------------------------------------------------------


def test_fifo_named_txt_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)  # nobody writes to it: opening it for reading would wait forever
    found = items(good_file(tmp_path, "a.txt"), fifo, good_file(tmp_path, "b.txt"))
    assert codes(found) == ["ok", "E113", "ok"]
    assert "named pipe" in found[1].message and str(fifo) in found[1].message


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_devices_are_refused_up_front(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"{device} is absent")
    (failure,) = items(device)
    assert failure.message.startswith(f"[E113] {device}: not a regular file (a character device)")


def test_dangling_symlink_is_one_failure(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "deleted.txt")
    found = items(link, good_file(tmp_path, "a.txt"))
    assert codes(found) == ["E110", "ok"] and "broken symbolic link" in found[0].message


@pytest.mark.parametrize("hops", [1, 2, 3])
def test_symlink_loops_are_one_failure(tmp_path: Path, hops: int) -> None:
    names = [tmp_path / f"loop{i}.txt" for i in range(hops)]
    for i, name in enumerate(names):
        name.symlink_to(names[(i + 1) % hops])
    (failure,) = items(names[0])
    assert failure.message.startswith(f"[E110] {names[0]}") and "symbolic link loop" in failure.message


def test_good_symlink_is_read(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(good_file(tmp_path, "real.txt"))
    (article,) = items(link)
    assert isinstance(article, Article) and article.text == GOOD + "\n"


def test_endless_stream_is_cut_at_the_limit() -> None:
    class Zeros(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
            buffer[:] = b"\0" * len(buffer)
            return len(buffer)

    with pytest.raises(ReadError, match=r"^\[E106\] <stdin>: more than 10\.0 MB"):
        read_limited(Zeros(), 1_000_000, "<stdin>")


# ---- decompression ---------------------------------------------------------------------------------


def test_gzip_bomb_stops_at_the_inflate_limit(tmp_path: Path) -> None:
    bomb = tmp_path / "story.txt.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as f:
        for _ in range(8):
            f.write(b" " * 1_000_000)  # 8 MB of spaces: ~8 KB compressed
    limits = Limits(max_mb=100, inflate_floor_mb=2, inflate_ratio=100)
    (failure,) = items(bomb, limits=limits)
    assert failure.message.startswith(f"[E115] {bomb}: inflates to more than 2 MB")


def test_gzip_document_over_max_mb_is_e106(tmp_path: Path) -> None:
    path = tmp_path / "long.txt.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write((GOOD + "\n") * 20_000)  # ~2 MB of text
    (failure,) = items(path, limits=Limits(max_mb=1))
    assert failure.message.startswith("[E106]")


def test_gzipped_jsonl_is_read_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(rec("a") + "\n{broken\n" + rec("b") + "\n")
    assert codes(items(path)) == ["ok", "E104", "ok"]


def test_truncated_gzipped_jsonl_keeps_its_lines_and_reports_the_damage(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl.gz"
    whole = gzip.compress("".join(rec(f"r{i}") + "\n" for i in range(200)).encode())
    path.write_bytes(whole[: len(whole) // 2])
    found = items(path)
    assert codes(found)[-1] == "E116" and "truncated or damaged" in found[-1].message
    assert codes(found).count("ok") >= 1 and all(isinstance(i, Article) for i in found[:-2])


def test_not_gzip_named_gz_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "story.txt.gz"
    path.write_text(GOOD, encoding="utf-8")
    (failure,) = items(path)
    assert failure.message.startswith(f"[E116] {path}")


def _warc(path: Path, bodies: list[bytes]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=path.suffix == ".gz")
        for i, body in enumerate(bodies):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
            url, payload = f"https://news.example/{i}", io.BytesIO(body)
            record = writer.create_warc_record(
                url, "response", payload=payload, length=len(body), http_headers=headers
            )
            writer.write_record(record)


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_truncated_warc_reports_its_damage(tmp_path: Path, name: str) -> None:
    whole = tmp_path / ("whole-" + name)
    _warc(whole, [PAGE.replace("Idlib", town).encode() for town in ("Idlib", "Homs", "Hama")])
    data = whole.read_bytes()
    for cut in (len(data) - 60, len(data) * 2 // 3 + 37, len(data) * 2 // 3 + 300):
        path = tmp_path / name
        path.write_bytes(data[:cut])
        found = items(path)
        assert codes(found) == ["ok", "ok", "E116"], (cut, found)  # the records before the cut kept


def test_complete_warc_has_no_damage(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(path, [PAGE.encode()] * 3)
    assert codes(items(path)) == ["ok", "ok", "ok"]


def test_warc_record_over_max_mb_is_refused_alone(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    huge = b"<html><body><p>" + b"filler " * 400_000 + b"</p></body></html>"  # 2.8 MB
    _warc(path, [PAGE.encode(), huge, PAGE.replace("Idlib", "Homs").encode()])
    found = items(path, limits=Limits(max_mb=1))
    assert codes(found) == ["ok", "E106", "ok"] and found[1].source.endswith(":2")


def test_warc_bomb_stops_at_the_inflate_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.warc.gz"
    _warc(path, [PAGE.encode(), b" " * 6_000_000])
    found = items(path, limits=Limits(max_mb=1, inflate_floor_mb=3, inflate_ratio=100))
    assert codes(found)[0] == "ok" and "E115" in codes(found)


# ---- JSON Lines ------------------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [65, 900, 5000, 100_000])
def test_deep_json_line_fails_alone(tmp_path: Path, depth: int) -> None:
    deep = '{"id": "deep", "text": "x", "n": ' + "[" * depth + "]" * depth + "}"
    found = items(jsonl(tmp_path / "in.jsonl", rec("a"), deep, rec("b")))
    assert codes(found) == ["ok", "E105", "ok"] and "nested deeper than 64 levels" in found[1].message


def test_json_nesting_within_the_limit_is_read(tmp_path: Path) -> None:
    nested = json.dumps({"id": "n", "text": GOOD, "meta": json.loads("[" * 60 + "]" * 60)})
    assert codes(items(jsonl(tmp_path / "in.jsonl", nested))) == ["ok"]


def test_container_as_id_or_title_is_refused(tmp_path: Path) -> None:
    found = items(jsonl(tmp_path / "in.jsonl", rec(["a"]), json.dumps({"text": GOOD, "title": {"a": 1}})))  # type: ignore[arg-type]
    assert codes(found) == ["E105", "E105"] and '"id" must be a string or a number' in found[0].message


def test_nul_byte_inside_one_line_rejects_only_that_line(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\n".join([rec("a").encode(), rec("nul").encode()[:-2] + b'\x00"}', rec("b").encode()]))
    found = items(path)
    assert codes(found) == ["ok", "E102", "ok"] and "line 2" in found[1].message


@pytest.mark.parametrize("where", ["text", "title", "outlet", "id"])
def test_escaped_nul_in_a_record_is_refused(tmp_path: Path, where: str) -> None:
    record = {"id": "x", "text": GOOD, "title": "T", "outlet": "O"}
    record[where] += "\u0000tail"
    found = items(jsonl(tmp_path / "in.jsonl", rec("a"), json.dumps(record)))
    assert codes(found) == ["ok", "E102"] and "NUL character" in found[1].message


def test_nul_after_the_first_8_kib_is_refused_like_any_nul(tmp_path: Path) -> None:
    path = tmp_path / "late.txt"
    path.write_text(GOOD + "\n" + "word " * 3000 + "\x00 and more", encoding="utf-8")
    (failure,) = items(path)
    assert failure.message.startswith(f"[E102] {path}: binary data, not text (a NUL character at offset")


@pytest.mark.parametrize("field", ["text", "title", "outlet", "id", "url"])
@pytest.mark.parametrize("surrogate", ["\\ud800", "\\udfff", "x\\udc80y"])
def test_lone_surrogate_is_refused_without_unicode_errors(tmp_path: Path, field: str, surrogate: str) -> None:
    fields = {"id": "s", "text": GOOD, "title": "T", "outlet": "O", "url": "https://x.example/"}
    fields[field] += "@@"
    line = json.dumps(fields).replace("@@", surrogate)
    found = items(jsonl(tmp_path / "in.jsonl", line, rec("after")))
    assert codes(found) == ["E114", "ok"], found
    assert f"the {field} is not valid Unicode" in found[0].message


def test_surrogate_in_an_article_made_in_code_is_refused() -> None:
    with pytest.raises(ReadError, match=r"^\[E114\]"):
        check_article(Article(id="x", text=GOOD + "\udc00", source="code"))
    with pytest.raises(ReadError, match=r"^\[E114\]"):
        from_record({"text": "\ud83d" + GOOD}, "<text>")


def test_invalid_utf8_rejects_only_its_line_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\n".join([rec("a").encode(), rec("caf\u00e9").encode().replace(b"\\u00e9", b"\xe9"),
                                 rec("b").encode()]))  # fmt: skip
    found = items(path)
    assert codes(found) == ["ok", "E103", "ok"] and "cp1252" in found[1].message


def test_jsonl_binary_as_a_whole_is_still_refused_whole(tmp_path: Path) -> None:
    path = tmp_path / "photo.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)
    assert codes(items(path)) == ["E102"]


def test_jsonl_of_blank_lines_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text("\n \n\t\n", encoding="utf-8")
    assert codes(items(path)) == ["E101"]


# ---- dates -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "published", ["2016-05-23T08:30:00Z", "2016-05-23T23:59:59+05:00", "2016-05-23 08:30", "2016-05-23"]
)
def test_published_timestamp_keeps_only_its_date(tmp_path: Path, published: str) -> None:
    (article,) = items(jsonl(tmp_path / "in.jsonl", rec("a", published=published)))
    assert article.published == date(2016, 5, 23) and type(article.published) is date


def test_published_datetime_becomes_a_date() -> None:
    article = from_record({"text": GOOD, "published": datetime(2016, 5, 23, 8, 30)}, "<text>")
    assert type(article.published) is date
    made = check_article(Article(id="x", text=GOOD, published=datetime(2016, 5, 23, 23, 0)))
    assert type(made.published) is date and made.published == date(2016, 5, 23)


def test_default_published_datetime_becomes_a_date(tmp_path: Path) -> None:
    defaults = Defaults(published=datetime(2016, 5, 23, 8, 30))
    (article,) = items(good_file(tmp_path, "a.txt"), defaults=defaults)
    assert type(article.published) is date


# ---- the encoding hint -------------------------------------------------------------------------------

WESTERN = [
    ("The mayor of Orléans, François Dupont, said the café near the station was hit.", "latin-1"),
    ("Señor García told reporters in Logroño that the protest was peaceful.", "latin-1"),
    ("Police in Köln and Düsseldorf said the Straße was closed after the attack.", "latin-1"),
    ("Troops said the “ceasefire” – agreed on Friday – held in Aleppo’s east.", "cp1252"),
    ("São Paulo’s governor said the açaí market reopened…", "cp1252"),
]


@pytest.mark.parametrize(("text", "encoding"), WESTERN)
def test_western_8bit_text_is_hinted_as_cp1252(text: str, encoding: str) -> None:
    assert encoding_hint((text + " ").encode(encoding) * 5) == "cp1252"
    with pytest.raises(ReadError, match=r"iconv -f cp1252 -t utf-8"):
        decode((text + " ").encode(encoding) * 5, "story.txt")


def test_cyrillic_8bit_text_is_not_hinted_as_cp1252() -> None:
    text = "Правительство объявило, что войска отошли из города после трёх дней боёв. "
    assert encoding_hint((text * 5).encode("cp1251")) != "cp1252"


def test_file_name_that_is_not_utf8_is_read_and_named_printably(tmp_path: Path) -> None:
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(raw, "wb") as f:
        f.write(GOOD.encode())
    (article,) = items(os.fsdecode(raw))  # Python holds the byte 0xe9 as the lone surrogate U+DCE9
    assert isinstance(article, Article) and article.source == f"{tmp_path}/caf\\xe9.txt"
    article.source.encode("utf-8")


def test_a_reader_bug_ends_its_input_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from polemos.read.feeds import FEED
    from polemos.read.registry import ReaderSpec, readers

    def broken(*args: object) -> Iterator[Article]:
        raise IndexError("a bug in a reader")
        yield  # a generator, as readers are

    readers().register(ReaderSpec("feed", broken, FEED.suffixes))
    try:
        feed = tmp_path / "news.rss"
        feed.write_text("<rss></rss>")
        found = items(feed, good_file(tmp_path, "a.txt"))
    finally:
        readers().register(FEED)
    assert (
        codes(found) == ["E110", "ok"]
        and "the reader failed (IndexError: a bug in a reader)" in found[0].message
    )
