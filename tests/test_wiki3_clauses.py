"""Violent deeds told inside a clause that describes a participant, and the slaying noun.

A relative clause or participle in the past ("the man who carried out the bombing") tells that the
deed happened, whatever the sentence's own event is (an accusation, an arrest, a request); the verb
that reacts to the deed ("the official who condemned the bombing") tells nothing of it.
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import by_trigger, events_of

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("sentence", "trigger", "other"),
    [
        (
            "Abedi, the British-Libyan who carried out the concert bombing in the city, accused the "
            "security services of missing several warnings.",
            "bombing",
            "ACCUSE",
        ),
        ("Police arrested the man who staged the attack on the mosque.", "attack", "COERCE"),
        ("Troops detained two men who had carried out the ambush on the convoy.", "ambush", "COERCE"),
        (
            "The minister urged the public to help find the gunmen who carried out the shooting.",
            "shooting",
            "REQUEST",
        ),
    ],
)
def test_a_deed_done_in_a_past_relative_clause_is_an_event(
    extract_text: Any, sentence: str, trigger: str, other: str
) -> None:
    record = extract_text(sentence)
    assert by_trigger(record, trigger)["type"] == "ASSAULT"
    assert events_of(record, other), [(e["type"], e["trigger"]["text"]) for e in record["events"]]


@pytest.mark.parametrize(
    "sentence",
    [
        "The official who condemned the bombing resigned on Monday.",
        "The senator who denounced the attack called for calm.",
        "Protesters called on the government to stop the attacks on villages.",
    ],
)
def test_a_deed_only_reacted_to_or_asked_for_stays_inside(extract_text: Any, sentence: str) -> None:
    record = extract_text(sentence)
    assert not events_of(record, "ASSAULT"), [(e["type"], e["trigger"]["text"]) for e in record["events"]]


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("The slaying of a journalist in the capital drew wide condemnation.", "a journalist"),
        ("Thousands marched after the slaying of two students by police.", "two students"),
        (
            "The opposition called for protests following the slaying of seven demonstrators.",
            "seven demonstrators",
        ),
    ],
)
def test_a_slaying_is_a_killing(extract_text: Any, sentence: str, target: str) -> None:
    event = by_trigger(extract_text(sentence), "slaying")
    assert event["type"] == "ASSAULT"
    assert (event.get("target") or {}).get("text") == target


@pytest.mark.parametrize(
    ("sentence", "trigger", "target"),
    [
        ("The government is pressuring public employees to vote.", "pressuring", "public employees"),
        ("Militiamen pressured the villagers into handing over their land.", "pressured", "the villagers"),
        ("The militia coerced young men into joining its ranks.", "coerced", "young men"),
        ("Bosses are obliging workers to attend the rally.", "obliging", "workers"),
    ],
)
def test_making_people_act_against_their_will_is_coercion(
    extract_text: Any, sentence: str, trigger: str, target: str
) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert (event["type"], event["mode"]) == ("COERCE", None)
    assert (event.get("target") or {}).get("text") == target


def test_coercion_is_an_occurrence_by_itself(extract_text: Any) -> None:
    event = by_trigger(
        extract_text("Residents described a campaign of coercion by the local militia."), "coercion"
    )
    assert event["type"] == "COERCE"


@pytest.mark.parametrize(
    "sentence",
    [
        "The United States pressured the government to hold elections.",
        "Rising prices put pressure on the central bank.",
        "Investors are under pressure to sell their shares.",
        "The company is obliged to pay its taxes by June.",
    ],
)
def test_pressure_on_an_institution_or_a_duty_is_no_coercion(extract_text: Any, sentence: str) -> None:
    record = extract_text(sentence)
    assert not events_of(record, "COERCE"), [(e["type"], e["trigger"]["text"]) for e in record["events"]]
