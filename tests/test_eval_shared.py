"""polemos eval gives the same figures as the project's scorer (../shared/eval/score.py) on the
founding article's gold, on polemos's own output and on many changed copies of it, and on the
French dev golds (anchors as offsets) with records made from them."""

from __future__ import annotations

import copy
import importlib.util
import json
import random
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import SHARED

from polemos.evaluate import evaluate
from polemos.evaluate.articles import Tally, score_article
from polemos.evaluate.gold import load_articles

SEED = SHARED / "eval" / "seed-gold.json"
FR = SHARED / "eval" / "fr-dev"
pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not SEED.exists(), reason=f"{SEED} is absent (gold stays outside the repository)"),
]


@pytest.fixture(scope="module")
def score() -> ModuleType:
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def theirs(score: ModuleType, gold_path: Path, record: dict[str, Any] | None) -> dict[str, Any]:
    gold = json.loads(gold_path.read_text())
    text = (gold_path.parent / gold["article"]).read_text(encoding="utf-8")
    return score.score_article(record, gold, text)[0]


def ours(gold_path: Path, record: dict[str, Any] | None) -> dict[str, Any]:
    (article,) = load_articles(gold_path)
    tally = Tally()
    score_article(article, record, tally)
    return tally.metrics()


def variants(record: dict[str, Any], seed: int = 7) -> list[dict[str, Any]]:
    """Changed copies: each event dropped, retyped, redated, moved, without actor, with other figures."""
    rng = random.Random(seed)
    out = [{"events": []}]
    for i in range(len(record["events"])):
        dropped = copy.deepcopy(record)
        del dropped["events"][i]
        out.append(dropped)
        for change in ("type", "date", "place", "actor", "killed", "modality", "claims", "evidence"):
            v = copy.deepcopy(record)
            e = v["events"][i]
            if change == "type":
                e["type"] = rng.choice(["ASSAULT", "FIGHT", "AGREE", "PROTEST", "REQUEST", "THREATEN"])
            elif change == "date":
                e["date"] = {"start": rng.choice(["2016-05-22", "2016-05-15", "2016-04-30", "2016-03-04"])}
            elif change == "place":
                e["locations"] = [
                    {"name": "x", "lat": 36.2 + rng.uniform(-1, 1), "lon": 37.1 + rng.uniform(-1, 1)}
                ]
            elif change == "actor":
                e["actor"] = None if rng.random() < 0.5 else {"text": "someone", "name": "Somebody"}
            elif change == "killed":
                e["counts"] = {"killed": {"best": rng.choice([None, 5, 100, 150, 250]), "low": 99}}
            elif change == "modality":
                e["modality"] = rng.choice(["negated", "planned", "asserted", "proposed"])
            elif change == "claims":
                e["claims"] = []
            else:
                e["evidence"] = {"start": rng.randrange(0, 4000), "end": None}
                e["evidence"]["end"] = e["evidence"]["start"] + rng.randrange(5, 300)
                e["mentions"] = []
            out.append(v)
    doubled = copy.deepcopy(record)
    doubled["events"] += copy.deepcopy(record["events"])
    out.append(doubled)
    return out


@pytest.fixture(scope="module")
def seed_record(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from polemos.evaluate import _inputs, run_polemos

    (article,) = load_articles(SEED)
    records, refused = run_polemos(_inputs([article]))
    assert refused == []
    return records[article.id]


@pytest.mark.slow
def test_seed_gold_figures_equal_score_py(score: ModuleType, seed_record: dict[str, Any]) -> None:
    result = evaluate(SEED)  # runs polemos on the article, as a user would
    assert result.metrics == theirs(score, SEED, seed_record)
    assert result.metrics == ours(SEED, seed_record)


@pytest.mark.slow
def test_seed_gold_changed_records_equal_score_py(score: ModuleType, seed_record: dict[str, Any]) -> None:
    changed = variants(seed_record)
    assert len(changed) > 100
    for v in changed:
        assert ours(SEED, v) == theirs(score, SEED, v)


def _from_gold(gold: dict[str, Any], text: str, rng: random.Random) -> dict[str, Any]:
    """A record that reads the gold's events, some right and some not."""
    events = []
    for g in gold["events"]:
        if rng.random() < 0.2:
            continue
        s, e = g["spans"][0] if g.get("spans") else (text.index(g["anchor"]), text.index(g["anchor"]) + 5)
        loc = (g.get("locations") or [{}])[0]
        events.append(
            {
                "type": g["type"] if rng.random() < 0.8 else "PROTEST",
                "evidence": {"start": s, "end": e},
                "actor": {"text": (g.get("actor") or ["?"])[0]} if rng.random() < 0.7 else None,
                "target": {"name": (g.get("target") or ["?"])[0]},
                "locations": [{"lat": loc["lat"] + rng.uniform(-0.5, 0.5), "lon": loc["lon"]}] if loc else [],
                "date": {"start": g.get("date")},
                "counts": {"killed": {"best": (g.get("killed") or [0])[0] + rng.choice([0, 0, 3])}},
                "claims": [{"claimant": {"name": (g.get("claimant") or ["x"])[0]}}],
            }
        )
    return {"events": events}


@pytest.mark.skipif(not FR.exists(), reason=f"{FR} is absent")
def test_french_golds_equal_score_py(score: ModuleType) -> None:
    rng = random.Random(3)
    golds = sorted(FR.glob("fr-gold-*.json"))
    assert golds
    for path in golds:
        gold = json.loads(path.read_text())
        text = (path.parent / gold["article"]).read_text(encoding="utf-8")
        for _ in range(15):
            record = _from_gold(gold, text, rng)
            assert ours(path, record) == theirs(score, path, record), path.name
