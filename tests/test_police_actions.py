"""Police actions short of force: registering a case, searches, stopping people, guarding, escorting
and cordoning off, keeping an alert; and the doer of an infinitive after a passive "was asked /
ordered / instructed to" (the one asked does it), in lower-case and mixed-case text."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import actor, by_trigger, events_of, target

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("sentence", "trigger", "doer"),
    [
        ("the police have registered a case of murder against the crowd.", "registered", "the police"),
        ("police registered an fir against the shopkeeper.", "registered", "police"),
        ("The Police registered a complaint against the two men.", "registered", "The Police"),
    ],
)
def test_registering_a_case_is_an_accusation(
    extract_text: Any, sentence: str, trigger: str, doer: str
) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert (event["type"], actor(event)) == ("ACCUSE", doer)


@pytest.mark.parametrize(
    "sentence",
    ["The company registered a profit of Rs 20 crore.", "she registered a new website for the shop."],
)
def test_registering_anything_else_is_no_event(extract_text: Any, sentence: str) -> None:
    assert events_of(extract_text(sentence), "ACCUSE") == []


@pytest.mark.parametrize(
    ("sentence", "trigger", "doer"),
    [
        ("police personnel are conducting searches in the temples.", "conducting", "police personnel"),
        ("the crpf carried out raids in three villages.", "carried out", "the crpf"),
        ("Policemen conducted a search of the house on Monday.", "conducted", "Policemen"),
    ],
)
def test_police_searches_are_coercion(extract_text: Any, sentence: str, trigger: str, doer: str) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert (event["type"], actor(event)) == ("COERCE", doer)


def test_a_survey_is_no_search(extract_text: Any) -> None:
    record = extract_text("the researchers conducted a survey of 200 households.")
    assert events_of(record, "COERCE") == []


@pytest.mark.parametrize(
    ("sentence", "trigger", "doer"),
    [
        ("they were intercepted by some very nervous police officials.", "intercepted", "police officials"),
        ("the police intercepted five youths near the bridge.", "intercepted", "the police"),
    ],
)
def test_police_stopping_people(extract_text: Any, sentence: str, trigger: str, doer: str) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert event["type"] == "COERCE" and doer in (actor(event) or "")


@pytest.mark.parametrize(
    ("sentence", "trigger", "doer"),
    [
        ("exams were held as per schedule with police guarding the exam centres.", "guarding", "police"),
        ("the families were escorted by the police to the camp.", "escorted", "the police"),
        ("the police cordoned off the area.", "cordoned off", "the police"),
        ("Police have sealed off the market.", "sealed off", "Police"),
        ("the bandh was peaceful with the police keeping a high alert.", "keeping", "the police"),
    ],
)
def test_police_presence(extract_text: Any, sentence: str, trigger: str, doer: str) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert (event["type"], event["mode"], actor(event)) == ("MOBILIZE", "police", doer)


@pytest.mark.parametrize(
    "sentence",
    ["the museum guards the old manuscripts.", "the tour guide escorted the visitors to the fort."],
)
def test_guarding_by_others_is_no_police_deployment(extract_text: Any, sentence: str) -> None:
    assert events_of(extract_text(sentence), "MOBILIZE") == []


@pytest.mark.parametrize(
    ("sentence", "trigger", "doer"),
    [
        ("the railway police have been instructed to keep a strict vigil.", "keep", "the railway police"),
        ("cops were told to round up the suspects.", "round up", "cops"),
        ("Policemen were ordered to fire on the mob.", "fire on", "Policemen"),
    ],
)
def test_the_one_asked_does_the_infinitive(extract_text: Any, sentence: str, trigger: str, doer: str) -> None:
    assert actor(by_trigger(extract_text(sentence), trigger)) == doer


@pytest.mark.parametrize(
    ("sentence", "trigger", "doer", "other"),
    [
        ("one dead in bengal police-vhp clash.", "clash", "police", "vhp"),
        ("the police-student clashes left ten injured.", "clashes", "police", "student"),
        ("Police-villager clashes erupted after the arrest.", "clashes", "Police", "villager"),
    ],
)
def test_a_hyphenated_pair_names_both_sides(
    extract_text: Any, sentence: str, trigger: str, doer: str, other: str
) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert (actor(event), target(event)) == (doer, other)


def test_a_hyphenated_name_stays_whole(extract_text: Any) -> None:
    event = by_trigger(extract_text("Al-Shabaab fighters clashed with troops."), "clashed")
    assert actor(event) == "Al-Shabaab fighters"


@pytest.mark.parametrize(
    ("sentence", "trigger", "doer"),
    [
        ("the convoy moved under police escort.", "police escort", "police"),
        ("the witness was given police protection.", "police protection", "police"),
        ("the families were being shifted to vadodara by the police.", "shifted", "the police"),
        ("police shifted 50 families to a relief camp.", "shifted", "police"),
        ("Police evacuated 200 residents from the old city.", "evacuated", "Police"),
    ],
)
def test_moving_people_under_police_protection(
    extract_text: Any, sentence: str, trigger: str, doer: str
) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert (event["type"], event["mode"], actor(event)) == ("MOBILIZE", "police", doer)


@pytest.mark.parametrize(
    "sentence",
    ["the company shifted its office to pune.", "the firm evacuated its servers to a new data centre."],
)
def test_moving_things_is_no_police_action(extract_text: Any, sentence: str) -> None:
    assert events_of(extract_text(sentence), "MOBILIZE") == []
