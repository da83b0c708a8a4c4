"""Fuzzing the readers and ``polemos.extract`` with hypothesis, on a bounded budget (CI runs it).

The properties: nothing escapes but the documented ``PolemosError`` types; every reader gives only
``Article`` and coded ``ReadFailure`` items; every article's text can be stored and printed (no NUL,
no lone surrogate, within the length limit); every span of an extraction is exact
(``text[start:end] == field.text``). The extraction part loads the model, so it is marked slow."""

from __future__ import annotations

import functools
import gzip
import io
import json
import os
import tempfile
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from polemos.errors import PolemosError
from polemos.read import MAX_CHARS, Article, Limits, ReadFailure, iter_articles

# CI's budget; POLEMOS_FUZZ_EXAMPLES=2000 for a deeper run by hand. No example database is written.
EXAMPLES = int(os.environ.get("POLEMOS_FUZZ_EXAMPLES", "40"))
BUDGET = settings(
    max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
SUFFIXES = [".txt", ".jsonl", ".html", ".warc", ".warc.gz", ".rss", ".txt.gz", ".jsonl.gz", ""]

# every code point, lone surrogates included (hypothesis leaves them out by default)
any_char = st.characters(exclude_categories=())
any_text = st.text(any_char, max_size=300)
json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(any_text, inner, max_size=4),
    max_leaves=30,
)


def read_bytes(data: bytes, suffix: str, limits: Limits | None = None) -> list[Article | ReadFailure]:
    fd, path = tempfile.mkstemp(suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        return list(iter_articles([path], limits=limits))
    finally:
        os.unlink(path)


def assert_readable(found: list[Article | ReadFailure]) -> None:
    for item in found:
        if isinstance(item, ReadFailure):
            assert item.message.startswith("[E1") and "\n" not in item.message, item.message
            assert "the reader failed" not in item.message, item.message  # a bug, caught at the edge
            continue
        assert isinstance(item, Article)
        assert item.text.strip() and len(item.text) <= MAX_CHARS
        for value in (item.text, item.id, item.title, item.outlet, item.url):
            if value is not None:
                assert "\x00" not in value
                value.encode("utf-8")  # no lone surrogate: every store and stdout can take it


@BUDGET
@given(st.binary(max_size=3000), st.sampled_from(SUFFIXES))
def test_fuzz_any_bytes_in_any_reader(data: bytes, suffix: str) -> None:
    assert_readable(read_bytes(data, suffix))


@BUDGET
@given(st.lists(st.one_of(json_value.map(json.dumps), any_text), max_size=6), st.sampled_from([".jsonl", ""]))
def test_fuzz_json_lines(lines: list[str], suffix: str) -> None:
    records = [json.dumps({"id": "x", "text": line}) if i % 2 else line for i, line in enumerate(lines)]
    data = "\n".join(records).encode("utf-8", "surrogatepass")
    assert_readable(read_bytes(data, suffix))


@BUDGET
@given(st.dictionaries(st.sampled_from(["id", "text", "title", "outlet", "url", "published"]), json_value))
def test_fuzz_one_record_of_any_shape(record: dict[str, Any]) -> None:
    line = json.dumps(record)  # ensure_ascii: surrogates travel as \\udXXX escapes
    found = read_bytes(line.encode() + b"\n", ".jsonl")
    assert len(found) == 1
    assert_readable(found)


@functools.cache
def _gz_corpus() -> bytes:
    lines = [json.dumps({"id": f"r{i}", "text": f"Report {i}: troops shelled the town."}) for i in range(40)]
    return gzip.compress("\n".join(lines).encode())


@BUDGET
@given(
    st.integers(min_value=0, max_value=2000),
    st.binary(max_size=40),
    st.sampled_from([".jsonl.gz", ".txt.gz"]),
)
def test_fuzz_cut_and_damaged_gzip(cut: int, junk: bytes, suffix: str) -> None:
    whole = _gz_corpus()
    found = read_bytes(whole[: min(cut, len(whole))] + junk, suffix, Limits(inflate_floor_mb=1))
    assert_readable(found)
    if cut < len(whole) - 8 and suffix == ".jsonl.gz":
        assert any(isinstance(i, ReadFailure) for i in found)  # damage is always told


@functools.cache  # built once: a WARC record's id and date change with every writing
def _warc(n: int) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for i in range(n):
        body = f"<html><body><p>Troops shelled the town of Idlib on day {i}, killing three.</p></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
        data = body.encode()
        record = writer.create_warc_record(f"https://news.example/{i}", "response", payload=io.BytesIO(data),
                                           length=len(data), http_headers=headers)  # fmt: skip
        writer.write_record(record)
    return out.getvalue()


@BUDGET
@given(st.integers(min_value=0, max_value=4000), st.binary(max_size=30))
def test_fuzz_cut_and_damaged_warc(cut: int, junk: bytes) -> None:
    whole = _warc(4)
    assert_readable(read_bytes(whole[: min(cut, len(whole))] + junk, ".warc.gz"))


# ---- extraction (the model) --------------------------------------------------------------------------

WORDS = (
    "Rebels shelled the army base near Aleppo on Monday , killing at least between and people soldiers "
    "said the ministry protesters gathered in Kyiv some dozens of over Boko Haram attacked Maiduguri . "
    "“ ” — (Reuters) - READ pic.twitter.com/x 2016 23 May Sunday's"
).split() + ["\n", "\n\n", "READ MORE:"]
numbers = st.one_of(
    st.integers(min_value=0, max_value=10**6).map(str),
    st.integers(min_value=1, max_value=400).map(lambda n: "1" + "0" * n),  # huge figures
    st.sampled_from(["6,000", "1.5 million", "twenty-five", "3 billion", "9" * 320]),
)
fragments = st.one_of(st.sampled_from(WORDS), numbers, st.text(any_char, min_size=1, max_size=8))
news_text = st.lists(fragments, min_size=1, max_size=60).map(" ".join)


def spans(node: Any) -> Iterator[dict[str, Any]]:
    """Every object with character offsets in a contract record."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("start"), int) and isinstance(item.get("end"), int):
                yield item
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


@pytest.mark.slow
@settings(
    max_examples=max(10, EXAMPLES * 3 // 4),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(news_text, st.sampled_from([None, "2016-05-23", "2016-05-23T08:30:00Z"]))
def test_fuzz_extract_gives_exact_spans_or_a_polemos_error(
    nlp: Any, text: str, published: str | None
) -> None:
    from polemos.pipeline import extract

    try:
        record = extract(text, published=published, outlet="Wire")
    except PolemosError as e:
        assert str(e).startswith("[E1"), str(e)
        return
    json.dumps(record, ensure_ascii=False).encode("utf-8")
    for found in spans(record):
        assert 0 <= found["start"] <= found["end"] <= len(text)
        if isinstance(found.get("text"), str):
            assert text[found["start"] : found["end"]] == found["text"], found
    for event in record["events"]:  # type: ignore[union-attr]
        for count in event["counts"].values():
            assert count is None or all(v is None or 0 <= v <= 10**9 for v in (count["low"], count["best"],
                                                                                 count["high"]))  # fmt: skip
        if event["date"]:
            assert len(event["date"]["start"]) == 10
