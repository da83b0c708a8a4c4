"""`polemos extract` output: jsonl, json and the analyst's table; options; workers keep order."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, run_cli

pytestmark = pytest.mark.slow

EXAMPLE = REPO / "examples" / "report-2023-kharkiv.txt"
STORIES = [
    "Rebel fighters shelled an army base near Idlib on Sunday, killing three soldiers.",
    "Police arrested five activists in the capital on Monday, the interior ministry said.",
    "Some 6,000 fighters gathered near Aleppo, the defence ministry said.",
    "The foreign minister met his Turkish counterpart in Ankara on Friday.",
    "Protesters rallied outside the embassy on Saturday.",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "in.jsonl"
    rows = [{"id": f"s{i}", "text": t, "published": "2016-05-23"} for i, t in enumerate(STORIES * 4)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_jsonl_one_line_per_article_in_input_order(corpus: Path) -> None:
    proc = run_cli("extract", str(corpus), "--format", "jsonl", "--batch-size", "3")
    ids = [json.loads(line)["article"]["id"] for line in proc.stdout.splitlines()]
    assert proc.returncode == 0 and ids == [f"s{i}" for i in range(20)]


def test_two_workers_give_the_same_records_as_one(corpus: Path) -> None:
    one = run_cli("extract", str(corpus), "--format", "jsonl", "--batch-size", "4")
    two = run_cli("extract", str(corpus), "--format", "jsonl", "--batch-size", "4", "--workers", "2")
    assert two.returncode == 0 and two.stdout == one.stdout


def test_json_of_one_article_is_one_object() -> None:
    proc = run_cli("extract", str(EXAMPLE), "--format", "json", "--published", "2023-11-07")
    record = json.loads(proc.stdout)
    assert proc.returncode == 0 and record["schema"] == "polemos.article/1" and record["events"]


def test_json_of_several_articles_is_a_list(corpus: Path) -> None:
    proc = run_cli("extract", str(corpus), "--format", "json")
    assert proc.returncode == 0 and len(json.loads(proc.stdout)) == 20


def test_output_is_jsonl_when_not_a_terminal() -> None:
    proc = run_cli("extract", str(EXAMPLE))
    assert json.loads(proc.stdout.splitlines()[0])["schema"] == "polemos.article/1"


def test_options_fill_the_article(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORIES[0], encoding="utf-8")
    proc = run_cli(
        "extract",
        str(path),
        "--format",
        "json",
        "--published",
        "2016-05-23",
        "--outlet",
        "Wire",
        "--title",
        "T",
    )
    article = json.loads(proc.stdout)["article"]
    assert (article["published"], article["outlet"], article["title"]) == ("2016-05-23", "Wire", "T")


def test_outlet_option_reaches_the_claims(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORIES[0], encoding="utf-8")
    proc = run_cli("extract", str(path), "--format", "json", "--outlet", "Wire")
    claims = [c for e in json.loads(proc.stdout)["events"] for c in e["claims"]]
    assert claims and all(c["outlet"] == "Wire" for c in claims)


def test_table_has_the_analyst_columns() -> None:
    proc = run_cli("extract", str(EXAMPLE), "--format", "table", "--published", "2023-11-07")
    header = proc.stdout
    assert proc.returncode == 0
    for column in ("type", "modality", "who", "whom", "where", "when", "how many", "according to"):
        assert column in header


def test_table_has_a_row_per_event(extract_text: Any) -> None:
    proc = run_cli("extract", str(EXAMPLE), "--format", "table", "--published", "2023-11-07")
    record = extract_text(EXAMPLE.read_text(encoding="utf-8"), published="2023-11-07")
    rows = [line for line in proc.stdout.splitlines() if re.match(r"^│ [A-Z]{4,}", line)]
    assert len(rows) == len(record["events"])


def test_table_of_an_article_without_events_says_so(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("The museum opened a new wing devoted to medieval tapestries.", encoding="utf-8")
    proc = run_cli("extract", str(path), "--format", "table")
    assert proc.returncode == 0 and "(no events)" in proc.stdout


def test_help_lists_the_options() -> None:
    proc = run_cli("extract", "--help")
    for option in ("--published", "--outlet", "--title", "--format", "--workers"):
        assert option in proc.stdout


def test_no_arguments_prints_usage_not_a_traceback() -> None:
    proc = run_cli()
    assert "Traceback" not in proc.stderr and "extract" in proc.stdout + proc.stderr
