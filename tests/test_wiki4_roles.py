"""Issue 12 roles read on full news articles (wiki4): a bare figure told as the one a harm or an
arrest befell, as the subject, names the victims ("496 had been killed"; as an object, "killed 12",
it stays a count), and what a gun fires
("30 rounds") is the instrument, never the target."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import actor, by_trigger, target

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("sentence", "trigger", "victims"),
    [
        ("By the end of the year, 496 had been killed, 258 of them civilians.", "killed", "496"),
        ("Three were wounded in the blast.", "wounded", "Three"),
        ("Dozens were wounded when the bomb went off in the market.", "wounded", "Dozens"),
        ("Two died on the way to hospital after the attack.", "attack", "Two"),
        ("In 2015, 1,200 were arrested in the capital.", "arrested", "1,200"),
    ],
)
def test_wiki4_a_bare_figure_harmed_is_the_victims(
    extract_text: Any, sentence: str, trigger: str, victims: str
) -> None:
    assert target(by_trigger(extract_text(sentence), trigger)) == victims


@pytest.mark.parametrize(
    ("sentence", "trigger", "victims"),
    [
        # the people counted, not the figure
        ("Rebels seized hundreds of hostages.", "seized", "hostages"),
        ("Gunmen killed 12 people on Monday.", "killed", "12 people"),
        # an object figure is the count it gives (tests/test_roles_nominal.py)
        ("Gunmen killed 12 on Monday in the north of the country.", "killed", None),
        ("Police arrested 35 after the clashes.", "arrested", None),
    ],
)
def test_wiki4_a_figure_of_people_keeps_the_people_an_object_figure_the_count(
    extract_text: Any, sentence: str, trigger: str, victims: str
) -> None:
    assert target(by_trigger(extract_text(sentence), trigger)) == victims


@pytest.mark.parametrize(
    "sentence",
    [
        "The toll rose to 30 on Monday after the attack.",  # a figure of a toll, no one harmed by it
        "The army said 2016 was the deadliest year of the war.",
    ],
)
def test_wiki4_a_figure_that_is_not_harmed_is_no_target(extract_text: Any, sentence: str) -> None:
    record = extract_text(sentence)
    assert all(target(e) not in ("30", "2016") for e in record["events"])


@pytest.mark.parametrize(
    ("sentence", "trigger", "doer", "victim"),
    [
        ("The army fired 30 rounds at the crowd.", "fired", "The army", "the crowd"),
        ("Police fired several rounds at the protesters.", "fired", "Police", "the protesters"),
        ("Soldiers fired rounds into the air.", "fired", "Soldiers", None),
    ],
)
def test_wiki4_rounds_fired_are_the_instrument(
    extract_text: Any, sentence: str, trigger: str, doer: str, victim: str | None
) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert actor(event) == doer
    assert target(event) == victim


@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        (
            "In the 1990s, separatist warlords from neighbouring Chechnya openly led armed operations "
            "in Dagestan. In 1995, they seized hundreds of hostages in a hospital.",
            "seized",
            "separatist warlords",
        ),
        (
            "Local warlords controlled the road.\nThey killed two traders on Monday.",
            "killed",
            "Local warlords",
        ),
        (
            "Two brothers from the town joined the group in 2014. "
            "They carried out the bombing of the mosque.",
            "bombing",
            "Two brothers",
        ),
    ],
)
def test_wiki4_a_pronoun_doer_is_the_party_the_sentence_before_names(
    extract_text: Any, text: str, trigger: str, doer: str
) -> None:
    event = by_trigger(extract_text(text), trigger)
    assert actor(event) == doer
    assert event["actor"]["attribution"] == "inferred"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The peace talks failed in March. They attacked the convoy a week later.", "attacked"),
        ("The spokesman for the rebels spoke to reporters. They attacked the base at dawn.", "attacked"),
        ("The soldiers left the town on Friday. He attacked the base at dawn.", "attacked"),
    ],
)
def test_wiki4_a_pronoun_that_agrees_with_no_party_before_stays_unnamed(
    extract_text: Any, text: str, trigger: str
) -> None:
    assert actor(by_trigger(extract_text(text), trigger)) is None


@pytest.mark.parametrize(
    ("sentence", "trigger", "doer", "victim"),
    [
        (
            "A suicide bomber riding a motorcycle loaded with explosives crashed into a NATO foot patrol.",
            "crashed into",
            "A suicide bomber",
            "a NATO foot patrol",
        ),
        (
            "A suicide bomber rammed an explosives-laden car into a military convoy in Kabul.",
            "rammed",
            "A suicide bomber",
            "a military convoy",
        ),
        ("Militants rammed a checkpoint with a truck on Monday.", "rammed", "Militants", "a checkpoint"),
        ("The attacker slammed into the crowd at the market.", "slammed into", "The attacker", "the crowd"),
    ],
)
def test_wiki4_a_bomber_driven_into_a_target_is_an_attack_the_laden_vehicle_its_weapon(
    extract_text: Any, sentence: str, trigger: str, doer: str, victim: str
) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert event["type"] == "ASSAULT"
    assert (actor(event), target(event)) == (doer, victim)


@pytest.mark.parametrize(
    "sentence",
    [
        "A drunk driver crashed into a bus stop in Leeds.",
        "The car crashed into a wall on the motorway.",
        "The lorry ploughed into a ditch after the storm.",
    ],
)
def test_wiki4_a_vehicle_crashing_is_no_attack(extract_text: Any, sentence: str) -> None:
    assert not [e for e in extract_text(sentence)["events"] if e["type"] == "ASSAULT"]


@pytest.mark.parametrize(
    ("sentence", "trigger", "name"),
    [
        ("The group, known as ISIS-K, attacked the airport.", "attacked", "Islamic State Khorasan Province"),
        ("The militants, members of al-Shabaab, stormed the hotel.", "stormed", "Al-Shabaab"),
        ("A group called the Islamic State of Iraq claimed the bombing.", "bombing", "Islamic State"),
    ],
)
def test_wiki4_a_description_said_to_be_a_known_party_is_that_party(
    extract_text: Any, sentence: str, trigger: str, name: str
) -> None:
    assert by_trigger(extract_text(sentence), trigger)["actor"]["name"] == name


@pytest.mark.parametrize(
    ("sentence", "trigger", "doer"),
    [
        ("The men, two brothers from the town, attacked the police post.", "attacked", "The men"),
        ("The soldiers, known for their discipline, attacked the post.", "attacked", "The soldiers"),
    ],
)
def test_wiki4_a_description_of_no_known_party_stays(
    extract_text: Any, sentence: str, trigger: str, doer: str
) -> None:
    assert actor(by_trigger(extract_text(sentence), trigger)) == doer


def test_wiki4_two_victims_in_a_headline_are_not_a_described_doer(extract_text: Any) -> None:
    record = extract_text("Prayer leader, ANA official gunned down in Farah")
    assert all((e["actor"] or {}).get("text") != "ANA official" for e in record["events"])


@pytest.mark.parametrize(
    ("text", "trigger", "victims"),
    [
        (
            "165 were killed yesterday, including 23 Syrian citizens killed by coalition aircraft.",
            "killed",
            "23 Syrian citizens",
        ),
    ],
)
def test_wiki4_an_incident_keeps_the_target_that_says_who_over_a_bare_figure(
    extract_text: Any, text: str, trigger: str, victims: str
) -> None:
    assert target(by_trigger(extract_text(text), trigger)) == victims


@pytest.mark.parametrize(
    "text",
    [
        "new delhi: shankaracharya of govardhanpeeth swami adhokshajananda tirth on wednesday came out "
        "strongly against a move to hand over the acquired land at ayodhya to vhp. addressing a press "
        "conference here, he alleged that the kanchi shankaracharya was being used by the government.",
        "Moscow said on Monday it would respond. They attacked the convoy a week later.",
    ],
)
def test_wiki4_a_dateline_or_a_place_is_no_antecedent_of_a_doer_pronoun(extract_text: Any, text: str) -> None:
    for e in extract_text(text)["events"]:
        assert (e["actor"] or {}).get("text") not in ("he", "delhi", "new delhi", "Moscow"), e["actor"]
