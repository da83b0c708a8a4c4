"""polemos eval on an article gold, with hand-made records (no model): found and missed events,
precision, duplicates, forbidden outputs, every field check, the listing, and gold formats."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from eval_fixtures import HODEIDAH, TEXT, event, gold, perfect, record_with, span

from polemos.errors import ConfigError
from polemos.evaluate import evaluate
from polemos.evaluate.articles import Tally, fold, great_circle_km, score_article
from polemos.evaluate.gold import article_from, load_articles


def score(record: dict[str, Any] | None, g: dict[str, Any] | None = None) -> tuple[dict[str, Any], list]:
    tally = Tally()
    listing = score_article(article_from(g or gold(), Path("gold.json")), record, tally)
    return tally.metrics(), listing


def test_perfect_record_scores_one_everywhere() -> None:
    m, listing = score(perfect())
    assert m["required_events"] == 3 and m["recall"] == 1.0 and m["precision"] == 1.0
    assert m["forbidden_violations"] == 0 and m["duplicate_events"] == 0
    accuracies = {k: v for k, v in m.items() if k.endswith("_accuracy")}
    assert set(accuracies) == {
        "actor_accuracy",
        "target_accuracy",
        "location_accuracy",
        "date_accuracy",
        "killed_accuracy",
        "claimant_accuracy",
        "modality_accuracy",
    }
    assert set(accuracies.values()) == {1.0}
    assert [r["status"] for r in listing] == ["found"] * 3


def test_no_record_misses_everything() -> None:
    m, listing = score(None)
    assert (m["recall"], m["predicted_events"], m["precision"]) == (0.0, 0, None)
    assert [r["status"] for r in listing] == ["missed"] * 3
    assert listing[0]["anchor"] == span("A car bomb killed nine")


def test_wrong_type_is_a_miss_with_what_polemos_read_there() -> None:
    m, listing = score(record_with(e0={"type": "PROTEST"}))
    assert m["recall"] == round(2 / 3, 3) and m["precision"] == round(2 / 3, 3)
    missed = next(r for r in listing if r["gold"] == "G1")
    assert missed["status"] == "missed" and missed["said"][0]["type"] == "PROTEST"
    assert missed["said"][0]["evidence"]["text"].startswith("A car bomb")
    assert any(r["status"] == "false_alarm" and r["said"][0]["type"] == "PROTEST" for r in listing)


@pytest.mark.parametrize("other", ["FIGHT", "ASSAULT"])
def test_alternative_types_are_found(other: str) -> None:
    m, _ = score(record_with(e1={"type": other}))
    assert m["recall"] == 1.0


def test_evidence_elsewhere_but_a_mention_on_the_anchor_is_found() -> None:
    moved = record_with(
        e0={"evidence": span("READ MORE: Yemen's war in maps"), "mentions": [span("car bomb")]}
    )
    m, _ = score(moved)
    assert m["recall"] == 1.0
    assert m["forbidden_violations"] == 1 and m["precision"] == round(2 / 3, 3)  # it also sits on READ MORE


def test_second_event_on_one_gold_event_is_a_duplicate_not_a_false_alarm() -> None:
    rec = perfect()
    rec["events"].append(event("killed nine people", "ASSAULT"))
    m, _ = score(rec)
    assert (m["duplicate_events"], m["precision"], m["predicted_events"]) == (1, 1.0, 4)


def test_optional_event_is_neither_missed_nor_false_alarm() -> None:
    rec = perfect()
    rec["events"].append(event("the governor said", "ACCUSE"))
    m, listing = score(rec)
    assert m["required_events"] == 3 and m["precision"] == 1.0
    assert not [r for r in listing if r["status"] == "false_alarm"]


def test_event_touching_no_gold_is_a_false_alarm() -> None:
    rec = perfect()
    rec["events"].append(event("Separately", "COERCE"))
    m, listing = score(rec)
    assert m["precision"] == 0.75
    (alarm,) = [r for r in listing if r["status"] == "false_alarm"]
    assert alarm["said"][0]["evidence"] == span("Separately")


@pytest.mark.parametrize(
    ("rule", "changed", "broken"),
    [
        ({"what": "date", "date": "2024-01-01"}, {"date": {"start": "2024-01-01"}}, 1),
        ({"what": "typed", "anchor": "A car bomb", "type": "ASSAULT"}, {}, 1),
        ({"what": "typed", "anchor": "A car bomb", "type": "PROTEST"}, {}, 0),
        ({"what": "not negated", "anchor": "A car bomb", "modality_not": ["negated"]}, {}, 1),
        ({"what": "not negated", "anchor": "A car bomb", "modality_not": ["asserted"]}, {}, 0),
    ],
)
def test_forbidden_rules(rule: dict[str, Any], changed: dict[str, Any], broken: int) -> None:
    g = gold()
    g["forbidden"] = [rule]
    m, listing = score(record_with(e0=changed), g)
    assert m["forbidden_violations"] == broken
    assert m["precision"] == (round(2 / 3, 3) if broken else 1.0)  # a forbidden event is no true positive
    assert len([r for r in listing if r["status"] == "forbidden"]) == broken


@pytest.mark.parametrize(
    ("change", "field", "expected", "got"),
    [
        ({"e1": {"actor": {"text": "government forces"}}}, "actor", ["rebel"], "government forces"),
        ({"e1": {"actor": None}}, "actor", ["rebel"], None),
        ({"e1": {"target": {"name": "Sanaa"}}}, "target", ["Hodeidah"], "Sanaa"),
        (
            {"e0": {"locations": [{"name": "Hodeidah", "lat": HODEIDAH[0], "lon": HODEIDAH[1]}]}},
            "location",
            ["Aden within 20 km"],
            ["Hodeidah (318 km away)"],
        ),
        (
            {"e0": {"locations": [{"name": "Aden", "lat": None, "lon": None}]}},
            "location",
            ["Aden within 20 km"],
            ["Aden (no coordinates)"],
        ),
        ({"e0": {"date": {"start": "2024-03-05"}}}, "date", "2024-03-04", "2024-03-05"),
        ({"e1": {"date": {"start": "2024-03-05"}}}, "date", "2024-03-03 ± 1 days", "2024-03-05"),
        ({"e2": {"date": {"start": "2024-03-30"}}}, "date", "2024-04 (month)", "2024-03-30"),
        ({"e0": {"counts": {"killed": {"low": 8, "best": None, "high": 10}}}}, "killed", 9, 8),
        ({"e0": {"counts": {"killed": None}}}, "killed", 9, None),
        ({"e0": {"claims": [{"claimant": {"text": "residents"}}]}}, "claimant", ["governor"], ["residents"]),
        ({"e2": {"modality": "asserted"}}, "modality", "planned", "asserted"),
    ],
)
def test_each_field_check_says_what_was_expected(change: dict, field: str, expected: Any, got: Any) -> None:
    m, listing = score(record_with(**change))
    assert m["recall"] == 1.0 and m[f"{field}_accuracy"] < 1.0
    (wrong,) = [c for r in listing for c in r.get("checks", []) if not c["ok"]]
    assert (wrong["field"], wrong["expected"], wrong["got"]) == (field, expected, got)


def test_date_within_tolerance_is_right() -> None:
    m, _ = score(record_with(e1={"date": {"start": "2024-03-02"}}))
    assert m["date_accuracy"] == 1.0


def test_best_candidate_is_the_one_with_most_fields_right() -> None:
    rec = perfect()
    rec["events"].insert(0, event("A car bomb killed nine people", "ASSAULT"))  # first, but no field right
    m, listing = score(rec)
    assert m["killed_accuracy"] == 1.0 and m["duplicate_events"] == 1
    assert next(r for r in listing if r["gold"] == "G1")["said"][0]["killed"] == 9


def test_fold_and_distance() -> None:
    assert fold("  Al-Nusra  Front! ") == "al nusra front" and fold(None) == ""
    assert round(great_circle_km(36.2, 37.16, 33.51, 36.29)) == 309  # Aleppo to Damascus


def test_anchor_not_in_the_text_is_a_coded_error() -> None:
    g = gold()
    g["events"][0]["anchor"] = "a sentence nobody wrote"
    with pytest.raises(ConfigError, match=r"E231.*G1.*a sentence nobody wrote"):
        score(perfect(), g)


# ---------------------------------------------------------------- many articles, gold files


def _second() -> dict[str, Any]:
    g = copy.deepcopy(gold())
    g["id"] = "aden-2"
    return g


def test_many_articles_pool_counts_and_give_per_type(tmp_path: Path) -> None:
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text(json.dumps(gold()) + "\n" + json.dumps(_second()) + "\n")
    second = record_with(e1={"type": "PROTEST"})
    second["article"]["id"] = "aden-2"
    preds = tmp_path / "pred.jsonl"
    preds.write_text(json.dumps(perfect()) + "\n" + json.dumps(second) + "\n")
    result = evaluate(gold_file, predictions=preds)
    assert result.documents == 2 and result.metrics["required_events"] == 6
    assert result.metrics["recall"] == round(5 / 6, 3) and result.metrics["precision"] == round(5 / 6, 3)
    assert result.per_type["ASSAULT"] == {
        "required": 4,
        "found": 3,
        "recall": 0.75,
        "predicted": 3,
        "matched": 3,
        "precision": 1.0,
    }
    assert result.per_type["PROTEST"]["precision"] == 0.0 and result.per_type["PROTEST"]["required"] == 0
    assert [(r["article"], r["gold"]) for r in result.errors() if r["status"] == "missed"] == [
        ("aden-2", "G2")
    ]


@pytest.mark.parametrize("layout", ["object", "array", "jsonl", "folder", "text-file"])
def test_gold_layouts(tmp_path: Path, layout: str) -> None:
    g = gold()
    if layout == "object":
        path = tmp_path / "g.json"
        path.write_text(json.dumps(g))
    elif layout == "array":
        path = tmp_path / "g.json"
        path.write_text(json.dumps([g, _second()]))
    elif layout == "jsonl":
        path = tmp_path / "g.jsonl"
        path.write_text(json.dumps(g) + "\n\n" + json.dumps(_second()) + "\n")
    elif layout == "folder":
        path = tmp_path / "golds"
        path.mkdir()
        (path / "a.json").write_text(json.dumps(g))
        (path / "b.json").write_text(json.dumps(_second()))
    else:
        path = tmp_path / "g.json"
        (tmp_path / "article.txt").write_text(TEXT)
        del g["text"], g["id"]
        g["article"] = "article.txt"
        path.write_text(json.dumps(g))
    arts = load_articles(path)
    assert all(a.text == TEXT and len(a.events) == 4 for a in arts)
    assert len(arts) == (1 if layout in ("object", "text-file") else 2)
    if layout == "text-file":
        assert arts[0].id == "article"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"text": "x"}', 'an "events" list'),
        ('{"events": []}', 'as "text" or as "article"'),
        ('{"text": "x", "events": [{"anchor": "x"}]}', 'has no "type"'),
        ('{"text": "x", "events": [{"id": "Q", "type": "ASSAULT"}]}', 'Q has no "anchor" or "spans"'),
        ('{"article": "missing.txt", "events": []}', "cannot read its text"),
    ],
)
def test_bad_gold_is_a_coded_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "g.json"
    path.write_text(content)
    with pytest.raises(ConfigError, match=r"E230") as e:
        load_articles(path)
    assert message in str(e.value)


def test_predictions_are_matched_by_article_id(tmp_path: Path) -> None:
    (tmp_path / "g.json").write_text(json.dumps([gold(), _second()]))
    preds = tmp_path / "p.json"
    only_second = perfect()
    only_second["article"]["id"] = "aden-2"
    preds.write_text(json.dumps([only_second]))
    result = evaluate(tmp_path / "g.json", predictions=preds)
    assert result.metrics["recall"] == 0.5  # the first article has no record: all missed
