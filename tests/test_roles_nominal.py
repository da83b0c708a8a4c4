"""Roles from the constructions news uses beside a verb's subject and object: nominal events and
their modifiers, claims of responsibility, instruments, places, pronouns (hand-made sentences)."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import events_of

pytestmark = pytest.mark.slow


def violent(record: dict[str, Any]) -> dict[str, Any]:
    found = events_of(record, "ASSAULT")
    summary = [(e["type"], e["trigger"]["text"]) for e in record["events"]]
    assert found, f"no ASSAULT; got {summary}"
    return found[0]


def text_of(party: dict[str, Any] | None) -> str | None:
    return party["text"] if party else None


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        # a doer named on the event noun, as the subject of the verb that tells the harm
        ("A Russian missile strike hit a shopping centre in the city.", "Russian"),
        ("An Israeli air strike destroyed a house in the camp.", "Israeli"),
        ("A junta airstrike killed 12 villagers in the region.", "junta"),
        ("The army's shelling destroyed dozens of homes.", "The army's"),
        ("A Saudi-led offensive killed hundreds of fighters near the port.", "Saudi"),
        ("A US-backed operation killed a senior commander.", "US"),
        ("Police firing killed two protesters near the station.", "Police"),
        # the act that killed them, in the passive's "in" phrase
        ("Four soldiers were killed in a Taliban ambush in the south.", "Taliban"),
        ("Two persons were killed in police firing in the town on Friday.", "police"),
        ("Six people were killed in IS attacks in the desert.", "IS"),
        ("Three villagers were wounded in Russian shelling overnight.", "Russian"),
        ("Three policemen killed in Maoist attack in the district", "Maoist"),
        ("Five people died in an Islamist attack on a church.", "Islamist"),
        # a "by" phrase on the noun
        ("Three civilians died in an attack by Boko Haram.", "Boko Haram"),
        # a modifier that names the body on the weapon
        ("Regime jets bombed a hospital in the north.", "Regime jets"),
    ],
)
def test_nominal_event_gives_its_doer(extract_text: Any, sentence: str, actor: str) -> None:
    assert text_of(violent(extract_text(sentence))["actor"]) == actor


@pytest.mark.parametrize(
    "sentence",
    [
        "The Kabul attack killed 20 people.",
        "The Paris attacks killed 130 people.",
        "Civilian casualties rose after the shelling.",
        # what was hit, before the event noun
        "A police station attack killed three officers.",
        "An army base attack left five dead.",
        "The government building bombing killed 12.",
        "Two people were killed in the Rolando cafe bombing.",
        "Twelve people died in the Charlie Hebdo attack.",
    ],
)
def test_a_city_or_a_victim_modifier_is_no_doer(extract_text: Any, sentence: str) -> None:
    for event in events_of(extract_text(sentence), "ASSAULT"):
        assert event["actor"] is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Thousands joined an anti-government protest in the capital.",
        "An anti-Russian rally drew hundreds on Sunday.",
    ],
)
def test_what_a_protest_is_against_is_not_its_doer(extract_text: Any, sentence: str) -> None:
    for event in events_of(extract_text(sentence), "PROTEST"):
        assert event["actor"] is None


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("The attack was claimed by the Islamic State group.", "the Islamic State group"),
        ("Al-Shabaab claimed responsibility for the attack on the hotel.", "Al-Shabaab"),
        ("The Taliban claimed responsibility for the bombing in Kabul.", "The Taliban"),
        ("The Pakistani Taliban claimed the suicide bombing.", "The Pakistani Taliban"),
        ("The Taliban said it carried out the bombing.", "The Taliban"),
    ],
)
def test_a_claim_of_responsibility_gives_the_doer(extract_text: Any, sentence: str, actor: str) -> None:
    assert text_of(violent(extract_text(sentence))["actor"]) == actor


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Police burst tear-gas shells to disperse the mob.", None),
        ("A suicide bomber detonated an improvised explosive device at a wedding.", "a wedding"),
        ("Rebels fired rockets at the airport.", "the airport"),
        ("Militants fired mortar shells at an army post.", "an army post"),
        ("The protesters hurled stones at the police.", "the police"),
        ("Insurgents launched missiles at the base.", "the base"),
    ],
)
def test_the_instrument_is_never_the_target(extract_text: Any, sentence: str, target: str | None) -> None:
    record = extract_text(sentence)
    assert record["events"] and text_of(record["events"][0]["target"]) == target


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("The blast claimed the lives of 20 people.", "20 people"),
        ("The explosion claimed the lives of three soldiers.", "three soldiers"),
    ],
)
def test_the_lives_of_people_are_the_people(extract_text: Any, sentence: str, target: str) -> None:
    assert text_of(violent(extract_text(sentence))["target"]) == target


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("The attack, which killed three people, took place on Monday.", "three people"),
        ("Police are searching for a man behind a blast which injured several people.", "several people"),
        ("Two bombs exploded near the stadium, killing six people.", "six people"),
    ],
)
def test_the_result_clause_names_the_victims(extract_text: Any, sentence: str, target: str) -> None:
    assert text_of(violent(extract_text(sentence))["target"]) == target


@pytest.mark.parametrize(
    "sentence",
    [
        "The device detonated accidentally, killing three men.",
        "The bomb exploded near a checkpoint.",
        "Shells hit a market in the city.",
    ],
)
def test_the_weapon_is_never_the_doer(extract_text: Any, sentence: str) -> None:
    assert violent(extract_text(sentence))["actor"] is None


@pytest.mark.parametrize(
    "text",
    [
        "Kabul Hit By Two Car Bombs\nTwo car bombs exploded in the city on Monday.",
        "Mogadishu Rocked By Twin Blasts\nTwin blasts rocked the city on Monday.",
        "Baghdad Struck By Suicide Bomber\nA suicide bomber struck a market on Monday.",
    ],
)
def test_a_city_in_a_headline_is_the_place_not_the_doer(extract_text: Any, text: str) -> None:
    city = text.split()[0]
    for event in events_of(extract_text(text), "ASSAULT"):
        assert event["actor"] is None or city not in event["actor"]["text"]


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Washington called on Moscow to withdraw its troops.", "Washington"),
        ("Moscow condemned the strikes.", "Moscow"),
        ("Beijing rejected the accusation.", "Beijing"),
    ],
)
def test_a_capital_speaks_for_its_government(extract_text: Any, sentence: str, actor: str) -> None:
    record = extract_text(sentence)
    assert record["events"] and text_of(record["events"][0]["actor"]) == actor


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "A car bomb killed 12 people on Monday. Al-Shabaab claimed responsibility for the attack.",
            "Al-Shabaab",
        ),
        ("Gunmen stormed a hotel on Friday. The attack was claimed by al-Mourabitoun.", "al-Mourabitoun"),
        (
            "Gunmen stormed a hotel on Friday. Al-Mourabitoun said it carried out the attack.",
            "Al-Mourabitoun",
        ),
    ],
)
def test_the_incident_takes_its_doer_from_the_claim(extract_text: Any, text: str, actor: str) -> None:
    event = violent(extract_text(text))
    assert event["actor"]["text"] == actor and event["actor"]["attribution"] == "claimed"
    assert text[event["actor"]["start"] : event["actor"]["end"]] == actor


@pytest.mark.parametrize(
    ("text", "accused"),
    [
        (
            "A bomb exploded at a market on Monday. Officials blamed the Taliban for the attack.",
            "the Taliban",
        ),
        (
            "A bomb exploded at a market on Monday. The government accused the Taliban of "
            "carrying out the bombing.",
            "the Taliban",
        ),
        ("Gunmen killed 30 villagers on Sunday. The army blamed Boko Haram for the massacre.", "Boko Haram"),
        ("Officials blamed the Taliban for Monday's bombing that killed 12 people.", "the Taliban"),
    ],
)
def test_an_accusation_gives_a_blamed_doer(extract_text: Any, text: str, accused: str) -> None:
    record = extract_text(text)
    event = violent(record)
    assert event["actor"]["text"] == accused and event["actor"]["attribution"] == "blamed"
    assert [e["type"] for e in record["events"]].count("ACCUSE") == 1  # the accusation stays an event


def test_a_stated_doer_is_not_replaced_by_an_accusation(extract_text: Any) -> None:
    text = "Rebels attacked a checkpoint on Monday. Officials blamed the Taliban for the attack."
    event = violent(extract_text(text))
    assert event["actor"]["text"] == "Rebels" and event["actor"]["attribution"] is None


def test_an_accusation_of_no_deed_lends_nothing(extract_text: Any) -> None:
    text = "Gunmen killed 30 villagers on Sunday. The opposition accused the government of corruption."
    event = violent(extract_text(text))
    assert event["actor"]["text"] == "Gunmen" and event["actor"]["attribution"] is None


@pytest.mark.parametrize(
    ("text", "antecedent"),
    [
        (
            "Al-Shabaab stormed a hotel on Friday. In another attack, the insurgents killed five soldiers.",
            "Al-Shabaab",
        ),
        ("Al-Shabaab stormed a hotel on Friday. In another attack, they killed five soldiers.", "Al-Shabaab"),
        (
            "Boko Haram attacked a village. In a separate attack, the militants also killed 12 soldiers.",
            "Boko Haram",
        ),
    ],
)
def test_a_description_or_pronoun_takes_the_named_doer_before_it(
    extract_text: Any, text: str, antecedent: str
) -> None:
    events = events_of(extract_text(text), "ASSAULT")
    second = next(e for e in events if "soldiers" in (e["target"] or {}).get("text", ""))
    assert second["actor"]["name"] is not None
    assert text[second["actor"]["start"] : second["actor"]["end"]] == second["actor"]["text"]
    assert second["actor"]["text"] in (antecedent, "the militants")  # the dictionary may name it in place


def test_a_description_with_no_named_doer_before_it_stays_as_written(extract_text: Any) -> None:
    event = violent(extract_text("The insurgents killed five soldiers near the town on Friday."))
    assert event["actor"]["text"] == "The insurgents" and event["actor"]["attribution"] is None


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Scores died in the attacks.", "Scores"),
        ("Twelve people died in the airstrike.", "Twelve people"),
        ("Four guards were wounded in the ambush near the border.", "Four guards"),
    ],
)
def test_those_who_died_in_a_noun_event_are_its_target(extract_text: Any, sentence: str, target: str) -> None:
    assert text_of(violent(extract_text(sentence))["target"]) == target


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("The alleged killer, Cherif Chekatt, was shot dead by police.", "Cherif Chekatt"),
        ("Troops detained the group's leader, Abu Bakr, in a raid.", "Abu Bakr"),
    ],
)
def test_a_name_in_apposition_stands_for_the_description(
    extract_text: Any, sentence: str, target: str
) -> None:
    record = extract_text(sentence)
    assert record["events"] and text_of(record["events"][0]["target"]) == target


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Troops were deployed to the border on Monday.", "Troops"),
        (
            "Around 300 rapid action force personnel were deployed in the city.",
            "rapid action force personnel",
        ),
        ("Thousands of soldiers were mobilised in the north.", "soldiers"),
    ],
)
def test_the_force_deployed_is_who_mobilizes(extract_text: Any, sentence: str, actor: str) -> None:
    event = events_of(extract_text(sentence), "MOBILIZE")[0]
    assert actor in text_of(event["actor"]) and event["target"] is None


@pytest.mark.parametrize(
    ("sentence", "actor", "target"),
    [
        ("The convoy came under attack from Taliban fighters.", "Taliban fighters", "The convoy"),
        (
            "At least ten people were killed when Russian missiles struck the city.",
            "Russian",
            "At least ten people",
        ),
        ("The hospital was hit by a Russian missile on Monday.", "Russian", "The hospital"),
        (
            "Fighters loyal to the Islamic State attacked a checkpoint.",
            "Fighters loyal to the Islamic State",
            None,
        ),
    ],
)
def test_more_ways_of_naming_the_doer(
    extract_text: Any, sentence: str, actor: str, target: str | None
) -> None:
    event = violent(extract_text(sentence))
    assert text_of(event["actor"]) == actor
    if target is not None:
        assert text_of(event["target"]) == target


def test_an_allegiance_names_the_group(extract_text: Any) -> None:
    event = violent(extract_text("Fighters loyal to the Islamic State attacked a checkpoint."))
    assert event["actor"]["name"] == "Islamic State"


def test_a_group_named_in_the_singular_is_the_group(extract_text: Any) -> None:
    event = violent(extract_text("Three policemen killed in Maoist attack in the district"))
    assert event["actor"]["name"] == "CPI-Maoist"


@pytest.mark.parametrize(
    ("sentence", "actor", "target"),
    [
        ("Israeli tank fire killed two soldiers near the border.", "Israeli", "two soldiers"),
        ("Turkish artillery shelled Kurdish positions overnight.", "Turkish", "Kurdish positions"),
        ("Jaish-e-Mohammed claimed responsibility for the suicide bombing.", "Jaish-e-Mohammed", None),
        ("Lashkar-e-Taiba militants attacked the hotel.", "Lashkar-e-Taiba militants", "the hotel"),
    ],
)
def test_weapon_fire_and_hyphenated_names(
    extract_text: Any, sentence: str, actor: str, target: str | None
) -> None:
    event = violent(extract_text(sentence))
    assert (text_of(event["actor"]), text_of(event["target"])) == (actor, target)


def test_blaming_a_deed_on_a_party(extract_text: Any) -> None:
    text = "A bomb exploded at a market on Monday. Authorities blamed the blast on the Islamic State group."
    record = extract_text(text)
    accusation = events_of(record, "ACCUSE")[0]
    assert text_of(accusation["target"]) == "the Islamic State group"
    event = violent(record)
    assert event["actor"]["name"] == "Islamic State" and event["actor"]["attribution"] == "blamed"


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("The arrest of 20 activists sparked protests.", "20 activists"),
        ("Two soldiers died in the ambush of a convoy near the town.", "a convoy"),
    ],
)
def test_the_object_of_an_act_noun_is_its_target(extract_text: Any, sentence: str, target: str) -> None:
    record = extract_text(sentence)
    event = (events_of(record, "COERCE") or events_of(record, "ASSAULT"))[0]
    assert text_of(event["target"]) == target


def test_the_deed_an_attack_avenges_is_another_incident(extract_text: Any) -> None:
    text = (
        "Twin bombs exploded near the finish line of the marathon, killing three people.\n"
        "The suspect left a note that said the bombings were retaliation for the U.S. killing of Muslims."
    )
    events = events_of(extract_text(text), "ASSAULT")
    bombing = next(e for e in events if e["trigger"]["text"] == "exploded")
    assert bombing["actor"] is None
    assert any(e["actor"] and e["actor"]["text"] == "U.S." for e in events if e is not bombing)


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Protests followed the journalist's murder in the city.", "the journalist's"),
        ("The opposition leader's assassination sparked riots.", "The opposition leader's"),
    ],
)
def test_the_possessive_of_a_killing_is_its_victim(extract_text: Any, sentence: str, target: str) -> None:
    event = violent(extract_text(sentence))
    assert event["actor"] is None and text_of(event["target"]) == target


def test_with_an_of_object_the_possessive_is_the_doer(extract_text: Any) -> None:
    event = violent(extract_text("Russia's killing of civilians drew condemnation."))
    assert text_of(event["actor"]) == "Russia's"


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("The federal building was shattered by an explosion on Monday.", "The federal building"),
        ("During an hour of concentrated bombing at least 11 people died.", "at least 11 people"),
        ("The suspect died after a gunfight with police.", "The suspect"),
    ],
)
def test_who_underwent_a_noun_event_told_around_it(extract_text: Any, sentence: str, target: str) -> None:
    assert text_of(violent(extract_text(sentence))["target"]) == target


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("The employees were given an ultimatum by their bosses.", "The employees"),
        ("The army gave the rebels an ultimatum to leave the town.", "the rebels"),
        ("The ministry issued a warning to the militants.", "the militants"),
    ],
)
def test_who_is_given_a_warning_is_its_target(extract_text: Any, sentence: str, target: str) -> None:
    event = events_of(extract_text(sentence), "THREATEN")[0]
    assert text_of(event["target"]) == target


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Venezuela's political protests have been fueled by the economy.", None),
        ("Iranian protests spread to 20 cities.", None),
        ("Opposition protests drew thousands.", "Opposition"),
    ],
)
def test_a_country_is_not_the_doer_of_its_peoples_protests(
    extract_text: Any, sentence: str, actor: str | None
) -> None:
    event = events_of(extract_text(sentence), "PROTEST")[0]
    assert text_of(event["actor"]) == actor


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("The device detonated accidentally, killing the three on the spot.", "the three"),
        ("Police arrested the five on Monday.", "the five"),
        ("The blast killed 12.", None),
    ],
)
def test_a_definite_numeral_is_people_a_bare_figure_is_a_count(
    extract_text: Any, sentence: str, target: str | None
) -> None:
    record = extract_text(sentence)
    assert record["events"] and text_of(record["events"][0]["target"]) == target
