"""Constructions of issue 12 on hand-made sentences: verb phrases split by their object ("took him
into custody"), the attack a condemnation's relative clause reports, and what is neither doer nor
target ("a statement", the gas fired)."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import actor, by_trigger, events_of, target

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("sentence", "doer", "held"),
    [
        ("Police took him into custody on Monday.", "Police", "him"),
        ("the police took him into custody after the raid.", "the police", "him"),
        ("Officers took the suspects into custody near the border.", "Officers", "the suspects"),
        ("police took three men into custody in connection with the killing.", "police", "three men"),
        ("The army put the commander under arrest.", "The army", "the commander"),
        ("police rounded them up near the station.", "police", "them"),
    ],
)
def test_a_verb_phrase_split_by_its_object_is_an_arrest(
    extract_text: Any, sentence: str, doer: str, held: str
) -> None:
    events = events_of(extract_text(sentence), "COERCE")
    assert [(e["mode"], actor(e), target(e)) for e in events] == [("arrest", doer, held)]


@pytest.mark.parametrize(
    "sentence",
    ["She took him into her confidence.", "He took the children into the garden."],
)
def test_other_split_phrases_are_no_arrest(extract_text: Any, sentence: str) -> None:
    assert events_of(extract_text(sentence), "COERCE") == []


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("The president condemned the attack, which killed 20 soldiers.", 20),
        ("the un secretary-general condemned the attack, which killed 20 soldiers in the north.", 20),
        ("The government strongly condemned the bombing, which killed 14 people at a market.", 14),
        ("Pakistan condemned the suicide attack that killed 9 policemen in Quetta.", 9),
    ],
)
def test_the_attack_a_condemnation_tells_in_a_relative_clause_is_an_incident(
    extract_text: Any, sentence: str, killed: int
) -> None:
    record = extract_text(sentence)
    assert len(events_of(record, "ACCUSE")) == 1
    (attack,) = events_of(record, "ASSAULT")
    assert attack["counts"]["killed"]["best"] == killed


@pytest.mark.parametrize(
    "sentence",
    [
        "The president condemned the attack on the embassy.",
        "The president condemned the attack, which he called cowardly.",
        "The UN condemned the attacks on aid workers.",
    ],
)
def test_a_condemnation_alone_tells_no_attack(extract_text: Any, sentence: str) -> None:
    record = extract_text(sentence)
    assert (len(events_of(record, "ACCUSE")), events_of(record, "ASSAULT")) == (1, [])


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("gunmen killed five villagers in zamfara on thursday.", "2024-03-07"),
        ("a bomb exploded at a bus station in kano last friday night.", "2024-03-08"),
        ("three people were killed in police firing at the protest site on sunday.", "2024-03-10"),
    ],
)
def test_a_lower_case_weekday_dates_a_past_event_on_or_before_publication(
    extract_text: Any, sentence: str, day: str
) -> None:
    (event,) = extract_text(sentence, published="2024-03-13")["events"]
    assert (event["date"]["start"], event["date"]["basis"]) == (day, "text")


@pytest.mark.parametrize(
    "sentence",
    ["the sunday market was attacked by gunmen.", "gunmen attacked the market, he said sunday-school."],
)
def test_a_lower_case_day_name_without_a_dating_word_is_no_date(extract_text: Any, sentence: str) -> None:
    for event in extract_text(sentence, published="2024-03-13")["events"]:
        assert event["date"]["basis"] != "text"


@pytest.mark.parametrize(
    ("sentence", "doer", "trigger"),
    [
        ("The Taliban issued a statement claiming the attack on the base.", "The Taliban", "attack"),
        ("Islamic State posted a message claiming the attack.", "Islamic State", "attack"),
        ("the group released a statement claiming responsibility for the bombing.", "the group", "bombing"),
    ],
)
def test_a_statement_is_not_the_doer_of_the_deed_it_claims(
    extract_text: Any, sentence: str, doer: str, trigger: str
) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert (event["type"], actor(event)) == ("ASSAULT", doer)


@pytest.mark.parametrize(
    "sentence",
    [
        "Al-Shabaab released a statement saying its fighters attacked the base.",
        "The army released video footage of the strike.",
        "Police released the names of the victims.",
    ],
)
def test_releasing_what_is_published_is_no_release(extract_text: Any, sentence: str) -> None:
    assert events_of(extract_text(sentence), "RETREAT") == []


@pytest.mark.parametrize(
    "sentence", ["The rebels released 20 prisoners on Monday.", "Hamas released three hostages."]
)
def test_releasing_people_stays_a_release(extract_text: Any, sentence: str) -> None:
    assert len(events_of(extract_text(sentence), "RETREAT")) == 1


@pytest.mark.parametrize(
    ("sentence", "hit"),
    [
        ("Security forces fired tear gas at protesters in Srinagar.", "protesters"),
        ("Soldiers fired tear gas at the crowd.", "the crowd"),
        ("the police fired tear gas at stone pelters.", "stone pelters"),
        ("the police used pepper spray on the demonstrators.", "the demonstrators"),
    ],
)
def test_the_gas_fired_is_not_the_target(extract_text: Any, sentence: str, hit: str) -> None:
    (event,) = events_of(extract_text(sentence), "ASSAULT")
    assert (event["mode"], target(event)) == ("crowd-control", hit)


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        (
            "Gunmen killed nine worshippers at a mosque in Peshawar. The Pakistani Taliban later claimed "
            "responsibility.",
            "The Pakistani Taliban",
        ),
        (
            "a roadside bomb killed four soldiers in helmand. the taliban claimed responsibility.",
            "the taliban",
        ),
        (
            "A suicide bomber killed 15 people in Kabul. Islamic State claimed responsibility in a "
            "statement.",
            "Islamic State",
        ),
    ],
)
def test_a_claim_naming_no_deed_gives_the_incident_its_actor(extract_text: Any, text: str, doer: str) -> None:
    (event,) = extract_text(text)["events"]
    assert (actor(event), event["actor"]["attribution"], len(event["mentions"])) == (doer, "claimed", 1)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed nine worshippers in Peshawar. The Taliban did not claim responsibility.",
        "Gunmen killed nine worshippers in Peshawar. No group has claimed responsibility.",
        "Gunmen killed five people. Police said they claimed responsibility.",
    ],
)
def test_a_denied_or_nameless_claim_gives_no_actor(extract_text: Any, text: str) -> None:
    (event,) = extract_text(text)["events"]
    assert actor(event) == "Gunmen"


@pytest.mark.parametrize(
    "sentence",
    ["it is not possible to pull it out for deployment here.", "the mob pulled me and my parents out."],
)
def test_a_split_phrase_that_is_no_act_on_its_object_is_no_withdrawal(
    extract_text: Any, sentence: str
) -> None:
    assert events_of(extract_text(sentence), "RETREAT") == []


def test_an_arrest_that_is_only_likely_is_not_asserted(extract_text: Any) -> None:
    record = extract_text(
        "kolkata police is likely to take ansari into custody after the investigations are over."
    )
    assert [e["modality"] for e in events_of(record, "COERCE")] == ["hypothetical"]


@pytest.mark.parametrize(
    ("sentence", "doer", "moved"),
    [
        ("The victims were shifted to a camp by the police.", "the police", "The victims"),
        ("The families were shifted to a relief camp by police after the riot.", "police", "The families"),
        ("the two men were arrested from a house by the police.", "the police", "the two men"),
    ],
)
def test_a_passive_by_phrase_hung_on_the_noun_before_it_is_the_agent(
    extract_text: Any, sentence: str, doer: str, moved: str
) -> None:
    (event,) = [e for e in extract_text(sentence)["events"] if e["type"] in ("MOBILIZE", "COERCE")]
    assert (actor(event), target(event)) == (doer, moved)
