"""The founding article end to end, scored by the project's own scorer (../shared/eval/score.py).

Asserts the issue's thresholds the code meets today; the fields that need later work (location:
the GeoNames gazetteer; date: the dates work) are expected failures until they land.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import SHARED

pytestmark = [
    pytest.mark.slow,
    pytest.mark.shared,
    pytest.mark.skipif(
        not (SHARED / "eval" / "seed-gold.json").is_file(),
        reason="../shared/eval/seed-gold.json is absent (gold data stays outside the repository)",
    ),
]

GOLD = SHARED / "eval" / "seed-gold.json"


def _score_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("polemos_eval_score", SHARED / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scored(extract_text: Any) -> dict[str, Any]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    article = (GOLD.parent / gold["article"]).resolve()
    text = article.read_text(encoding="utf-8")
    # exactly what evaluate.py gives the extractor: id, text, published, outlet
    record = extract_text(text, published=gold.get("published"), outlet=gold.get("outlet"), id="seed")
    metrics, rows, violations = _score_module().score_article(record, gold, text)
    return {"metrics": metrics, "rows": rows, "violations": violations, "text": text, "record": record}


def test_recall_of_required_events_is_one(scored: dict[str, Any]) -> None:
    assert scored["metrics"]["recall"] == 1.0, scored["rows"]


def test_precision_at_least_085(scored: dict[str, Any]) -> None:
    assert scored["metrics"]["precision"] >= 0.85


def test_no_forbidden_output(scored: dict[str, Any]) -> None:
    assert scored["violations"] == []


def test_at_most_one_duplicate_event(scored: dict[str, Any]) -> None:
    assert scored["metrics"]["duplicate_events"] <= 1


@pytest.mark.parametrize("field", ["actor", "target", "size", "killed", "claimant", "modality"])
def test_field_accuracy_at_least_09(scored: dict[str, Any], field: str) -> None:
    assert scored["metrics"][f"{field}_accuracy"] >= 0.9, scored["rows"]


@pytest.mark.xfail(
    reason="dates: 'starting Tuesday', 'On Sunday' need the dates work (issue 2 item 6)", strict=False
)
def test_date_accuracy_at_least_09(scored: dict[str, Any]) -> None:
    assert scored["metrics"]["date_accuracy"] >= 0.9


@pytest.mark.xfail(
    reason="locations need the GeoNames gazetteer (issue 3): coordinates are null", strict=False
)
def test_location_accuracy_at_least_09(scored: dict[str, Any]) -> None:
    assert scored["metrics"].get("location_accuracy", 0.0) >= 0.9


def test_every_span_of_the_seed_indexes_its_text(scored: dict[str, Any]) -> None:
    text, record = scored["text"], scored["record"]
    for e in record["events"]:
        for key in ("trigger", "evidence", *[f"mentions.{i}" for i in range(len(e["mentions"]))]):
            span = e["mentions"][int(key.split(".")[1])] if key.startswith("mentions") else e[key]
            assert text[span["start"] : span["end"]] == span["text"]


def test_tweet_dateline_and_promo_are_noise(scored: dict[str, Any]) -> None:
    noise = [n["text"] for n in scored["record"]["noise"]]
    assert any(n.startswith("— RT (@RT_com)") for n in noise)
    assert any(n.startswith("READ MORE:") for n in noise) and any(n.startswith("EXCLUSIVE:") for n in noise)


def test_scorer_sees_the_same_as_the_cli(tmp_path: Path, scored: dict[str, Any]) -> None:
    """The in-process record and `polemos extract --format jsonl` agree (the scorer reads the CLI)."""
    from conftest import run_cli

    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    path = tmp_path / "seed.jsonl"
    row = {"id": "seed", "text": scored["text"], "published": gold["published"], "outlet": gold["outlet"]}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    proc = run_cli("extract", str(path), "--format", "jsonl")
    assert proc.returncode == 0 and json.loads(proc.stdout) == scored["record"]
