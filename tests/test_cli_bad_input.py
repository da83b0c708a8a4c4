"""Every bad input of the issue, through the real CLI: one coded line on stderr, exit 1, no
traceback, and every good record of the run still written (in order)."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import run_cli

pytestmark = pytest.mark.slow

GOOD = "Rebel fighters shelled an army base near Idlib on Sunday, killing three soldiers, the ministry said."
FRENCH = (
    "Les forces gouvernementales ont annoncé lundi qu'elles avaient repris le contrôle de la ville "
    "après trois jours de combats, et que les rebelles qui la tenaient se sont retirés dans les "
    "collines au nord. L'armée a indiqué qu'elle déminait les routes et que les habitants pourraient "
    "rentrer dans une semaine."
)


@dataclass
class Run:
    bad: str  # how the bad input is named in messages
    code: str
    ids: list[str]  # ids expected on stdout, in order
    proc: subprocess.CompletedProcess[str]


def _jsonl(path: Path, *ids: str) -> str:
    path.write_text("".join(json.dumps({"id": i, "text": GOOD}) + "\n" for i in ids), encoding="utf-8")
    return str(path)


def _make_bad(kind: str, d: Path) -> tuple[str, str, list[str]]:
    """(path argument, expected code, ids the bad input itself still yields)."""
    if kind == "empty":
        (d / "empty.txt").write_bytes(b"")
        return str(d / "empty.txt"), "E101", []
    if kind == "binary":
        (d / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)
        return str(d / "photo.txt"), "E102", []
    if kind == "not-utf8":
        text = "Government troops said the “ceasefire” – agreed on Friday – held in Aleppo’s east. " * 20
        (d / "cp1252.txt").write_bytes(text.encode("cp1252"))
        return str(d / "cp1252.txt"), "E103", []
    if kind == "not-english":
        (d / "french.txt").write_text("Titre\n" + FRENCH + " " + FRENCH, encoding="utf-8")
        return str(d / "french.txt"), "E108", []
    if kind == "50mb":
        with open(d / "huge.txt", "w", encoding="utf-8") as f:
            line = GOOD + "\n"
            f.write(line * (50 * 1_000_000 // len(line) + 1))
        return str(d / "huge.txt"), "E106", []
    if kind == "malformed-line":
        path = d / "middle.jsonl"
        good = [json.dumps({"id": i, "text": GOOD}) for i in ("mid-1", "mid-2")]
        path.write_text(f'{good[0]}\n{{"id": "broken", "text": \n{good[1]}\n', encoding="utf-8")
        return str(path), "E104", ["mid-1", "mid-2"]
    if kind == "missing":
        return str(d / "no-such-file.txt"), "E107", []
    raise AssertionError(kind)


KINDS = ["empty", "binary", "not-utf8", "not-english", "50mb", "malformed-line", "missing"]


@pytest.fixture(scope="module", params=KINDS)
def run(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Run:
    d = tmp_path_factory.mktemp(request.param)
    bad, code, inner = _make_bad(request.param, d)
    before, after = _jsonl(d / "before.jsonl", "before"), _jsonl(d / "after.jsonl", "after")
    proc = run_cli("extract", before, bad, after, "--format", "jsonl")
    return Run(bad, code, ["before", *inner, "after"], proc)


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Error")]


def test_exit_code_is_one(run: Run) -> None:
    assert run.proc.returncode == 1, run.proc.stderr


def test_one_coded_error_line(run: Run) -> None:
    (line,) = error_lines(run.proc.stderr)
    assert line.startswith(f"Error [{run.code}] ")


def test_error_line_names_the_input(run: Run) -> None:
    (line,) = error_lines(run.proc.stderr)
    assert run.bad in line


def test_no_traceback(run: Run) -> None:
    assert "Traceback" not in run.proc.stderr


def test_stderr_is_short(run: Run) -> None:
    # the error line, then one summary line: nothing else for a user to wade through
    assert len(run.proc.stderr.strip().splitlines()) <= 2, run.proc.stderr


def test_good_records_are_still_written_in_order(run: Run) -> None:
    ids = [json.loads(line)["article"]["id"] for line in run.proc.stdout.splitlines()]
    assert ids == run.ids


def test_malformed_line_message_names_file_and_line(run: Run) -> None:
    if run.code != "E104":
        pytest.skip("only a JSON Lines input has lines")
    (line,) = error_lines(run.proc.stderr)
    assert f"{run.bad}: line 2: not valid JSON" in line


def test_stdin_is_read(tmp_path: Path) -> None:
    proc = run_cli("extract", "-", "--format", "jsonl", "--published", "2016-05-23", stdin=GOOD.encode())
    (record,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert proc.returncode == 0 and record["article"]["published"] == "2016-05-23" and record["events"]


def test_stdin_jsonl_is_read(tmp_path: Path) -> None:
    data = "".join(json.dumps({"id": i, "text": GOOD}) + "\n" for i in ("s1", "s2")).encode()
    proc = run_cli("extract", "-", "--format", "jsonl", stdin=data)
    assert proc.returncode == 0 and [json.loads(x)["article"]["id"] for x in proc.stdout.splitlines()] == [
        "s1",
        "s2",
    ]


def test_bad_stdin_names_stdin() -> None:
    proc = run_cli("extract", "-", "--format", "jsonl", stdin=b"\x00\x01\x02binary\x00" * 100)
    (line,) = error_lines(proc.stderr)
    assert (
        proc.returncode == 1 and line.startswith("Error [E102] <stdin>:") and "Traceback" not in proc.stderr
    )


def test_empty_stdin_is_e101() -> None:
    proc = run_cli("extract", "-", "--format", "jsonl", stdin=b"")
    (line,) = error_lines(proc.stderr)
    assert proc.returncode == 1 and line.startswith("Error [E101] <stdin>")


def test_invalid_published_option_is_e109(tmp_path: Path) -> None:
    good = _jsonl(tmp_path / "a.jsonl", "a")
    proc = run_cli("extract", good, "--published", "23/05/2016", "--format", "jsonl")
    (line,) = error_lines(proc.stderr)
    assert (
        proc.returncode == 1
        and line.startswith("Error [E109] --published")
        and "Traceback" not in proc.stderr
    )


def test_unknown_format_is_e201(tmp_path: Path) -> None:
    good = _jsonl(tmp_path / "a.jsonl", "a")
    proc = run_cli("extract", good, "--format", "xml")
    (line,) = error_lines(proc.stderr)
    assert proc.returncode == 1 and line.startswith("Error [E201]") and "Traceback" not in proc.stderr


def test_directory_is_e110(tmp_path: Path) -> None:
    proc = run_cli("extract", str(tmp_path), "--format", "jsonl")
    (line,) = error_lines(proc.stderr)
    assert (
        proc.returncode == 1
        and line.startswith(f"Error [E110] {tmp_path}")
        and "Traceback" not in proc.stderr
    )
