"""Error codes are attributes, never read back out of a message's text (issue 13, point 4)."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

import polemos
from polemos.api.errors import ApiError, error_body
from polemos.errors import (
    BatchError,
    ConfigError,
    Errors,
    ExtractError,
    Message,
    MigrationError,
    MissingPart,
    PolemosError,
    ReadError,
    StoreBusy,
    StoreError,
    code_of,
)
from polemos.ingest import read_failure
from polemos.read import ReadFailure, iter_articles
from polemos.types import source_location


def test_errors_message_carries_its_code_and_keeps_its_text() -> None:
    message = Errors.E104.format(source="in.jsonl", line=3, detail="Expecting value")
    assert isinstance(message, Message) and message.code == "E104"
    assert message == "[E104] in.jsonl: line 3: not valid JSON (Expecting value)"
    assert code_of(Errors.E608) == "E608"  # a message without fields is coded as well
    assert code_of("[E104] typed by hand") is None  # plain text has no code, whatever it starts with
    assert code_of(message + " and more") is None  # other string operations give plain text
    assert type(f"Error {message}") is str


@pytest.mark.parametrize(
    ("error", "code", "status", "exit_code"),
    [
        (ReadError(Errors.E101.format(source="a.txt")), "E101", 422, 1),
        (ConfigError(Errors.E203.format(name="--workers", detail="must be 1 or more")), "E203", 400, 1),
        (MissingPart(Errors.E220.format(what="x", package="y", install="z")), "E220", 400, 3),
        (StoreError(Errors.E401.format(url="sqlite:///x.db", detail="no")), "E401", 503, 1),
        (StoreError(Errors.E402.format(detail="constraint failed")), "E402", 500, 1),
        (StoreBusy(Errors.E407.format(url="sqlite:///x.db", holder="pid 7", advice="wait")), "E407", 503, 4),
        (MigrationError(Errors.E403.format(url="u", found="1", wanted="2")), "E403", 503, 1),
        (ExtractError(Errors.E118.format(source="a.txt", limit=2.0)), "E118", 400, 1),
        (BatchError(Errors.E501.format(detail="gone")), "E501", 400, 1),
    ],
)
def test_errors_code_status_and_exit_code(
    error: PolemosError, code: str, status: int, exit_code: int
) -> None:
    assert (error.code, error.status, error.exit_code) == (code, status, exit_code)
    again = pickle.loads(pickle.dumps(error))  # across processes (the batch pool, Ray) too
    assert (again.code, again.status, again.exit_code, str(again)) == (code, status, exit_code, str(error))
    assert type(again.args[0]) is Message and again.args[0].code == code


def test_errors_given_code_and_status_win() -> None:
    e = StoreError("a message from elsewhere", code="E402", status=502, exit_code=9)
    assert (e.code, e.status, e.exit_code) == ("E402", 502, 9)
    assert PolemosError("no code").code is None


def test_errors_source_location() -> None:
    assert source_location("news.jsonl:12") == ("news.jsonl", 12)
    assert source_location("story.txt") == ("story.txt", 0)
    assert source_location("a:b.txt") == ("a:b.txt", 0)
    assert source_location("<stdin>:3") == ("<stdin>", 3)


def test_errors_read_failure_has_code_path_and_line(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "a", "text": "Shelling hit the town."}\n{not json\n[1, 2]\n', encoding="utf-8")
    failures = [i for i in iter_articles([str(path)]) if isinstance(i, ReadFailure)]
    assert [(f.code, f.path, f.line) for f in failures] == [("E104", str(path), 2), ("E105", str(path), 3)]
    row = read_failure(failures[0])  # the quarantine row takes them as they are
    assert (row.source, row.line, row.code, row.reason) == (str(path), 2, "E104", failures[0].message)


def test_errors_read_failure_of_a_whole_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    found = list(iter_articles([str(empty), str(missing)]))
    assert [(f.code, f.path, f.line) for f in found] == [("E101", str(empty), 0), ("E107", str(missing), 0)]


def test_errors_api_body_takes_the_code_given() -> None:
    body = error_body(503, Errors.E608)
    assert (body["code"], body["error"]) == ("E608", "this server has no database: start it with --db URL")
    assert error_body(500, "[E402] database error: x", code="E402")["error"] == "database error: x"
    plain = error_body(500, "[E999] looks coded but is not")
    assert plain["code"] is None and plain["error"] == "[E999] looks coded but is not"
    assert ApiError(404, Errors.E404.format(id="x")).code == "E404"


def test_errors_no_code_is_parsed_out_of_a_message() -> None:
    """No module but ``polemos.errors`` spells a code pattern or a coded prefix to look for."""
    root = Path(polemos.__file__).parent
    pattern = re.compile(r"""\\\[\(?E\\d|["']\[E\d|["']E\d{3}["']\s+(?:not\s+)?in\b|\[1:5\]""")
    found = [
        f"{p.relative_to(root)}:{n}"
        for p in sorted(root.rglob("*.py"))
        if p.name != "errors.py" or p.parent != root
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line.split("  # ")[0])  # a comment may show a message
    ]
    assert found == []
