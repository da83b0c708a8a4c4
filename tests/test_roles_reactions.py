"""Issue 12 roles and types: a reflexive object is no target; an indictment accuses; an asset
freeze sanctions; a plan or attempt speaks only for its own dependents; a reaction is no attack."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import by_trigger, events_of, only_event

pytestmark = pytest.mark.slow


def _text(role: dict[str, Any] | None) -> str | None:
    return None if role is None else role["text"]


@pytest.mark.parametrize(
    "sentence",
    [
        "A suicide bomber blew himself up at the market, killing 12 people.",
        "A suicide bomber detonated himself at a mosque in Quetta.",
        "Two militants blew themselves up outside the police station.",
        "The woman blew herself up near a checkpoint.",
        "The gunman shot himself after the siege.",
    ],
)
def test_reflexive_object_is_not_the_target(extract_text: Any, sentence: str) -> None:
    event = only_event(extract_text(sentence), "ASSAULT")
    assert _text(event.get("target")) not in ("himself", "herself", "themselves")
    assert event["actor"] is not None


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("A suicide bomber blew himself up at the market, killing 12 people.", "12 people"),
        ("A militant blew himself up in a crowded bazaar, killing 30 worshippers.", "30 worshippers"),
    ],
)
def test_reflexive_bomber_leaves_the_victims(extract_text: Any, sentence: str, target: str) -> None:
    assert _text(only_event(extract_text(sentence), "ASSAULT").get("target")) == target


def test_reflexive_bomber_site_is_the_place(extract_text: Any) -> None:
    event = only_event(
        extract_text("A suicide bomber blew himself up at a crowded market in Baghdad."), "ASSAULT"
    )
    assert event.get("target") is None
    assert any("market" in loc["text"] for loc in event["locations"])


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("A federal grand jury indicted the man on terrorism charges.", "indicted"),
        ("He was indicted for murder last week.", "indicted"),
        ("Prosecutors announced the indictment of three former officials.", "indictment"),
        ("The court unsealed an indictment against the militia leader.", "indictment"),
    ],
)
def test_indictment_accuses_not_arrests(extract_text: Any, sentence: str, trigger: str) -> None:
    record = extract_text(sentence)
    assert by_trigger(record, trigger)["type"] == "ACCUSE"
    assert events_of(record, "COERCE") == []


@pytest.mark.parametrize(
    ("sentence", "trigger", "target"),
    [
        ("The government froze the assets of the militant group.", "froze", "the militant group"),
        ("The Treasury froze all bank accounts of the company.", "froze", "the company"),
        ("Their assets were frozen by the Treasury.", "frozen", None),
        ("An asset freeze was imposed on the minister.", "asset freeze", "the minister"),
    ],
)
def test_asset_freeze_is_a_sanction(
    extract_text: Any, sentence: str, trigger: str, target: str | None
) -> None:
    record = extract_text(sentence)
    event = by_trigger(record, trigger)
    assert event["type"] == "SANCTION"
    assert events_of(record, "COERCE") == []
    if target is not None:
        assert _text(event.get("target")) == target


def test_frozen_assets_keep_their_own_target_without_owner(extract_text: Any) -> None:
    # a possessive pronoun is no party: the assets stay what was frozen
    event = by_trigger(extract_text("Their assets were frozen by the Treasury."), "frozen")
    assert _text(event.get("target")) != "Their"


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("He was tried for the bombing of the embassy.", "bombing"),
        ("The aim of the attacks was to terrorize the population.", "attacks"),
        ("She was tried in connection with the 2013 attack.", "attack"),
        ("The purpose of the raids was never explained.", "raids"),
    ],
)
def test_plan_word_across_a_preposition_is_no_plan(extract_text: Any, sentence: str, trigger: str) -> None:
    assert by_trigger(extract_text(sentence), trigger)["modality"] == "asserted"


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("The rebels tried to storm the city.", "storm"),
        ("Militants planned an attack on the embassy.", "attack"),
        ("Police uncovered plans for an attack on the parliament.", "attack"),
        ("The army is preparing for an offensive on the city.", "offensive"),
        ("The group aims to attack the capital.", "attack"),
    ],
)
def test_plan_word_over_its_own_dependent_still_plans(extract_text: Any, sentence: str, trigger: str) -> None:
    assert by_trigger(extract_text(sentence), trigger)["modality"] == "planned"


@pytest.mark.parametrize(
    "sentence",
    [
        "President Ghani termed the bombings in Kabul cowardly.",
        "The prime minister termed the twin bombings a cowardly act of terrorism.",
        "The UN Security Council condemned the attack on the convoy.",
        "Obama condemned the heinous attack on the embassy in Benghazi.",
        "The minister described the suicide bombing as a cowardly act.",
    ],
)
def test_condemnation_accuses_and_adds_no_attack(extract_text: Any, sentence: str) -> None:
    record = extract_text(sentence)
    assert only_event(record)["type"] == "ACCUSE"
    assert events_of(record, "ASSAULT") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The Pope said he was deeply saddened by the heinous attacks on worshippers in Colombo.",
        "I am deeply saddened by the heinous attacks in Brussels.",
        "The embassy expressed shock at the deadly attack on civilians.",
    ],
)
def test_mourning_is_no_attack(extract_text: Any, sentence: str) -> None:
    assert events_of(extract_text(sentence), "ASSAULT") == []


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Prosecutors announced the indictment of three former officials.", "three former officials"),
        ("The indictment of the militia leader was unsealed on Monday.", "the militia leader"),
    ],
)
def test_indictment_of_names_the_accused(extract_text: Any, sentence: str, target: str) -> None:
    assert _text(by_trigger(extract_text(sentence), "indictment").get("target")) == target


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        # the possessor's span keeps its "'s", as every possessive party does
        ("The Treasury froze Hamas's bank accounts.", "Hamas's"),
        ("Washington froze the militia's assets.", "the militia's"),
    ],
)
def test_frozen_assets_target_their_possessor(extract_text: Any, sentence: str, target: str) -> None:
    assert _text(by_trigger(extract_text(sentence), "froze").get("target")) == target
