"""`polemos eval` from the command line: the table, --json, the listing, errors as one coded line,
and the shipped example gold scored with the real model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REPO, run_cli
from eval_fixtures import gold, perfect, record_with

EXAMPLE = REPO / "examples" / "gold-kupiansk.json"


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    g = tmp_path / "gold.json"
    g.write_text(json.dumps(gold()))
    p = tmp_path / "pred.jsonl"
    p.write_text(json.dumps(record_with(e0={"date": {"start": "2024-03-09"}}, e2={"type": "PROTEST"})) + "\n")
    return g, p


def test_eval_prints_figures_and_disagreements(files: tuple[Path, Path]) -> None:
    done = run_cli("eval", str(files[0]), "--pred", str(files[1]))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "(article gold, 1 article(s))" in out
    assert "recall                0.667" in out and "date_accuracy         0.5" in out
    assert "G1 ASSAULT: date expected 2024-03-04, polemos said 2024-03-09" in out
    assert 'evidence [32:91] "A car bomb killed nine people at a market in Aden on Monday"' in out
    assert "G3 AGREE/CONSULT: MISSED at [" in out and "polemos read there: PROTEST (planned)" in out
    assert "no gold event here: polemos read PROTEST" in out


def test_eval_json(files: tuple[Path, Path]) -> None:
    done = run_cli("eval", str(files[0]), "--pred", str(files[1]), "--json")
    data = json.loads(done.stdout)
    assert data["kind"] == "article" and data["metrics"]["required_events"] == 3
    assert {r["status"] for r in data["records"]} == {"found", "missed", "false_alarm"}


def test_eval_limits_the_listing(files: tuple[Path, Path]) -> None:
    done = run_cli("eval", str(files[0]), "--pred", str(files[1]), "--max-errors", "1")
    assert "2 more (--max-errors 0 lists all" in done.stdout


def test_eval_perfect_record_lists_nothing(tmp_path: Path, files: tuple[Path, Path]) -> None:
    p = tmp_path / "good.json"
    p.write_text(json.dumps(perfect()))
    done = run_cli("eval", str(files[0]), "--pred", str(p))
    assert "where polemos and the gold disagree (0):" in done.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope.json"], "E230] nope.json: not a gold file polemos eval can read: no such file or folder"),
        (["{gold}", "--pred", "nope.jsonl"], "E230] nope.jsonl"),
    ],
)
def test_eval_errors_are_one_line(files: tuple[Path, Path], args: list[str], message: str) -> None:
    done = run_cli("eval", *[a.format(gold=files[0]) for a in args], cwd=files[0].parent)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert message in line


@pytest.mark.slow
def test_eval_example_gold_with_the_model(built_gazetteer: Path) -> None:
    done = run_cli("eval", str(EXAMPLE), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    m = data["metrics"]
    assert m["required_events"] == 6 and m["recall"] is not None and m["precision"] is not None
    found = [r for r in data["records"] if r["status"] == "found"]
    for r in found:  # every evidence span is the article's text
        ev = r["said"][0]["evidence"]
        text = (REPO / "examples" / "report-2023-kharkiv.txt").read_text()
        assert text[ev["start"] : ev["end"]] == ev["text"]


@pytest.mark.slow
def test_eval_example_csv_scores_type_place_and_fatalities(built_gazetteer: Path) -> None:
    done = run_cli("eval", str(REPO / "examples" / "acled-sample.csv"), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    m = data["metrics"]
    assert data["kind"] == "acled" and m["records"] == 4
    for name in (
        "detected",
        "event_type_accuracy",
        "location_accuracy",
        "fatalities_accuracy",
        "date_accuracy",
    ):
        assert 0 <= m[name] <= 1, name
    assert set(data["per_type"]) == {
        "Battles",
        "Explosions/Remote violence",
        "Protests",
        "Violence against civilians",
    }
    text = run_cli("eval", str(REPO / "examples" / "acled-sample.csv")).stdout
    assert "EX1 (line 2) Explosions/Remote violence" in text or "disagree (0)" in text
