"""Every bad input of the issue, through the real CLI: one coded line on stderr, exit 1, no
traceback, and every good record of the run still written (in order)."""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import run_cli

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("built_gazetteer")]

GOOD = "Rebel fighters shelled an army base near Idlib on Sunday, killing three soldiers, the ministry said."
SPANISH = (
    "Las fuerzas del gobierno dijeron el lunes que habían recuperado el control de la ciudad tras tres "
    "días de combates, y que los rebeldes que la ocupaban se retiraron a las colinas del norte. El "
    "ejército dijo que estaba limpiando de minas las carreteras y que los vecinos podrían volver en "
    "una semana. Según las autoridades locales, las escuelas de la ciudad seguirán cerradas hasta el "
    "final del mes, y los convoyes de ayuda humanitaria llegarán por la carretera del sur en cuanto "
    "se reparen los puentes."
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
        # Spanish: polemos reads English and French (polemos/lang), and refuses other languages
        (d / "spanish.txt").write_text("Título\n" + SPANISH + " " + SPANISH, encoding="utf-8")
        return str(d / "spanish.txt"), "E108", []
    if kind == "50mb":
        with open(d / "huge.txt", "w", encoding="utf-8") as f:
            line = GOOD + "\n"
            f.write(line * (50 * 1_000_000 // len(line) + 1))
        return str(d / "huge.txt"), "E106", []
    if kind == "2mb":  # under --max-mb, over what the parser takes in one document
        with open(d / "long.txt", "w", encoding="utf-8") as f:
            f.write((GOOD + "\n") * (2_000_000 // (len(GOOD) + 1)))
        return str(d / "long.txt"), "E112", []
    if kind == "malformed-line":
        path = d / "middle.jsonl"
        good = [json.dumps({"id": i, "text": GOOD}) for i in ("mid-1", "mid-2")]
        path.write_text(f'{good[0]}\n{{"id": "broken", "text": \n{good[1]}\n', encoding="utf-8")
        return str(path), "E104", ["mid-1", "mid-2"]
    if kind == "missing":
        return str(d / "no-such-file.txt"), "E107", []
    return _make_hostile(kind, d)


def _lines(path: Path, prefix: str, middle: bytes) -> tuple[str, list[str]]:
    """A JSON Lines file: a good record, ``middle`` (one bad line), another good record."""
    ids = [f"{prefix}-1", f"{prefix}-2"]
    good = [json.dumps({"id": i, "text": GOOD}).encode() for i in ids]
    path.write_bytes(good[0] + b"\n" + middle + b"\n" + good[1] + b"\n")
    return str(path), ids


def _make_hostile(kind: str, d: Path) -> tuple[str, str, list[str]]:
    if kind == "fifo":  # nobody writes to it: opening it to read would wait for ever
        os.mkfifo(d / "pipe.txt")
        return str(d / "pipe.txt"), "E113", []
    if kind == "device":
        return "/dev/zero", "E113", []
    if kind == "dangling-link":
        (d / "gone.txt").symlink_to(d / "deleted.txt")
        return str(d / "gone.txt"), "E110", []
    if kind == "link-loop":
        (d / "loop.txt").symlink_to(d / "loop.txt")
        return str(d / "loop.txt"), "E110", []
    if kind == "deep-json":
        path, ids = _lines(
            d / "deep.jsonl", "deep", b'{"id": "x", "text": "y", "n": ' + b"[" * 5000 + b"]" * 5000 + b"}"
        )
        return path, "E105", ids
    if kind == "nul-line":
        path, ids = _lines(d / "nul.jsonl", "nul", b'{"id": "x", "text": "Troops \x00 fired."}')
        return path, "E102", ids
    if kind == "surrogate":
        path, ids = _lines(d / "sur.jsonl", "sur", b'{"id": "x", "text": "Troops fired \\ud800 shots."}')
        return path, "E114", ids
    if kind == "truncated-warc":
        path = d / "crawl.warc.gz"
        _warc(path, [f"<html><body><article><p>{GOOD} ({n})</p></article></body></html>" for n in range(3)])
        data = path.read_bytes()
        path.write_bytes(data[: len(data) * 5 // 6])
        return str(path), "E116", ["https://news.example/0", "https://news.example/1"]
    if kind == "gz-bomb":  # 150 MB of spaces in one line, ~150 KB compressed
        path = d / "bomb.jsonl.gz"
        with gzip.open(path, "wb") as f:
            f.write(json.dumps({"id": "bomb-1", "text": GOOD}).encode() + b"\n")
            for _ in range(150):
                f.write(b" " * 1_000_000)
        return str(path), "E115", ["bomb-1"]
    raise AssertionError(kind)


def _warc(path: Path, pages: list[str]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for n, page in enumerate(pages):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
            body = page.encode()
            record = writer.create_warc_record(
                f"https://news.example/{n}", "response", payload=io.BytesIO(body), length=len(body),
                http_headers=headers,
            )  # fmt: skip
            writer.write_record(record)


KINDS = ["empty", "binary", "not-utf8", "not-english", "50mb", "2mb", "malformed-line", "missing", "fifo",
         "device", "dangling-link", "link-loop", "deep-json", "nul-line", "surrogate", "truncated-warc",
         "gz-bomb"]  # fmt: skip


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


def test_50mb_on_stdin_is_e106() -> None:
    data = (GOOD + "\n").encode() * (50 * 1_000_000 // (len(GOOD) + 1) + 1)
    proc = run_cli("extract", "-", "--format", "jsonl", stdin=data)
    (line,) = error_lines(proc.stderr)
    assert (
        proc.returncode == 1
        and line.startswith("Error [E106] <stdin>: 50.0 MB")
        and "Traceback" not in proc.stderr
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


# ---- one exit-code rule for extract and ingest ------------------------------------------------------


@pytest.mark.parametrize("kind", ["deep-json", "truncated-warc"])
def test_ingest_and_extract_exit_alike_on_the_same_bad_inputs(tmp_path: Path, kind: str) -> None:
    bad, code, inner = _make_bad(kind, tmp_path)
    before = _jsonl(tmp_path / "before.jsonl", "before")
    extracted = run_cli("extract", before, bad, "--format", "jsonl")
    ingested = run_cli("ingest", before, bad, "--db", str(tmp_path / "db.sqlite"))
    assert extracted.returncode == ingested.returncode == 1, (extracted.stderr, ingested.stderr)
    assert "Traceback" not in extracted.stderr + ingested.stderr
    assert "quarantined: see 'polemos ingest --report'" in ingested.stderr
    report = run_cli("ingest", "--report", "--db", str(tmp_path / "db.sqlite"))
    assert f"[{code}]" in report.stdout
    events = run_cli("export", "--format", "articles", "-o", "-", "--db", str(tmp_path / "db.sqlite"))
    stored = {json.loads(line)["article"]["id"] for line in events.stdout.splitlines()}
    assert {"before", *inner} <= stored


def test_ingest_and_extract_exit_0_on_clean_inputs(tmp_path: Path) -> None:
    good = _jsonl(tmp_path / "good.jsonl", "g1", "g2")
    extracted = run_cli("extract", good, "--format", "jsonl")
    ingested = run_cli("ingest", good, "--db", str(tmp_path / "db.sqlite"))
    assert extracted.returncode == ingested.returncode == 0, (extracted.stderr, ingested.stderr)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_articles_over_the_time_budget_are_refused_alone(tmp_path: Path, workers: str) -> None:
    good = _jsonl(tmp_path / "good.jsonl", "t1", "t2", "t3")
    proc = run_cli("extract", good, "--format", "jsonl", "--timeout", "0.000001", "--workers", workers)
    lines = error_lines(proc.stderr)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert [line.split()[1] for line in lines] == ["[E118]"] * 3
    assert [line.split()[2] for line in lines] == [f"{good}:{n}:" for n in (1, 2, 3)]


def test_a_309_digit_figure_is_no_count_and_loses_nothing(tmp_path: Path) -> None:
    huge = "Gunmen killed 1" + "0" * 308 + " people in Idlib on Sunday, the army said."
    big = "Gunmen killed 10000000000000000000000 people in Homs on Monday."
    texts = {"h1": GOOD, "huge": huge, "big": big, "h2": GOOD}
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in texts.items()))
    proc = run_cli("extract", str(path), "--format", "jsonl")
    records = {json.loads(line)["article"]["id"]: json.loads(line) for line in proc.stdout.splitlines()}
    assert proc.returncode == 0 and list(records) == list(texts), proc.stderr
    for ident in ("huge", "big"):
        assert all(e["counts"]["killed"] is None for e in records[ident]["events"])
    ingested = run_cli("ingest", str(path), "--db", str(tmp_path / "db.sqlite"))
    assert ingested.returncode == 0, ingested.stderr


@pytest.mark.parametrize("published", ["2016-05-23T23:30:00Z", "2016-05-23T08:00:00+03:00"])
def test_published_timestamp_gives_dates_without_a_time(tmp_path: Path, published: str) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "d", "text": GOOD, "published": published}) + "\n")
    (record,) = [
        json.loads(line) for line in run_cli("extract", str(path), "--format", "jsonl").stdout.splitlines()
    ]
    assert record["article"]["published"] == "2016-05-23"
    assert all(len(e["date"]["start"]) == 10 for e in record["events"] if e["date"])
