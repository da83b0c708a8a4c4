"""Deaths told by the wounds that caused them, and caption verbs the tagger reads as nouns
(hand-made sentences)."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import events_of

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("sentence", "victim"),
    [
        ("The man died of his wounds in hospital.", "The man"),
        ("Two soldiers later died from their wounds.", "Two soldiers"),
        ("the constable succumbed to his wounds on tuesday.", "the constable"),
        ("A third victim died of gunshot wounds overnight.", "A third victim"),
        ("TWO POLICEMEN DIED OF THEIR WOUNDS", "TWO POLICEMEN"),
    ],
)
def test_death_of_wounds_is_an_assault_with_its_victim(extract_text: Any, sentence: str, victim: str) -> None:
    found = events_of(extract_text(sentence), "ASSAULT")
    assert found, sentence
    assert found[0]["target"]["text"] == victim
    assert found[0]["actor"] is None  # the one who died is no doer, the wounds no party


@pytest.mark.parametrize(
    "sentence",
    [
        "He died of cancer.",
        "She died from injuries sustained in a car crash.",
        "The boy succumbed to his illness.",
        "the old man died in his sleep.",
    ],
)
def test_other_deaths_are_no_event(extract_text: Any, sentence: str) -> None:
    assert not events_of(extract_text(sentence), "ASSAULT")


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Supporters of the president march in the capital.", "Supporters of the president"),
        ("Protesters march in Caracas.", "Protesters"),
        ("Thousands of workers march through the streets of Paris.", "workers"),
    ],
)
def test_caption_march_is_a_protest(extract_text: Any, sentence: str, actor: str) -> None:
    found = events_of(extract_text(sentence), "PROTEST")
    assert found, sentence
    assert found[0]["actor"]["text"] == actor


@pytest.mark.parametrize(
    "sentence",
    [
        "The March rally drew thousands.",
        "Elections are due in March.",
        "The talks resume in March next year.",
    ],
)
def test_the_month_is_no_march(extract_text: Any, sentence: str) -> None:
    assert not [e for e in extract_text(sentence)["events"] if e["trigger"]["text"] == "March"]


@pytest.mark.parametrize(
    ("sentence", "victim"),
    [
        ("Two policemen suffered gunshot wounds.", "Two policemen"),
        ("three soldiers sustained bullet wounds.", "three soldiers"),
        ("Six civilians were hurt.", "Six civilians"),
        ("Two children were badly hurt in the shelling.", "Two children"),
        ("At least 30 people were martyred.", "At least 30 people"),
        ("two soldiers were martyred in the attack.", "two soldiers"),
    ],
)
def test_people_hurt_or_martyred_are_the_target(extract_text: Any, sentence: str, victim: str) -> None:
    found = events_of(extract_text(sentence), "ASSAULT")
    assert found, sentence
    assert found[0]["target"]["text"] == victim
    assert found[0]["actor"] is None


@pytest.mark.parametrize(
    "sentence",
    [
        "His feelings were hurt.",
        "The economy was hurt by sanctions.",
        "The team suffered a defeat.",
        "She sustained injuries in a car crash.",
        "A fire tore through the building.",
        "The storm ripped through the town.",
        "The ruling set off a debate across the country.",
        "The news set off alarm bells.",
    ],
)
def test_no_harm_no_assault(extract_text: Any, sentence: str) -> None:
    assert not events_of(extract_text(sentence), "ASSAULT")


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("A suicide bomber set off his explosives outside a mosque.", "A suicide bomber"),
        ("the militants set off a car bomb near the base.", "the militants"),
        ("Insurgents set off an IED as the convoy passed.", "Insurgents"),
        ("A bomb tore through a bus.", None),
        ("a car bomb ripped through a busy market on friday.", None),
        ("An explosion tore through the building.", None),
    ],
)
def test_bomb_set_off_or_tearing_through(extract_text: Any, sentence: str, actor: str | None) -> None:
    found = events_of(extract_text(sentence), "ASSAULT")
    assert found, sentence
    assert found[0]["mode"] == "explosives"
    assert (found[0]["actor"] or {}).get("text") == actor


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("no one was injured.", "injured"),
        ("No one was hurt.", "hurt"),
        ("NO ONE WAS KILLED", "KILLED"),
        ("Nobody was arrested.", "arrested"),
        ("No soldiers were killed.", "killed"),
    ],
)
def test_nobody_harmed_is_negated(extract_text: Any, sentence: str, trigger: str) -> None:
    found = [e for e in extract_text(sentence)["events"] if e["trigger"]["text"] == trigger]
    assert found, sentence
    assert found[0]["modality"] == "negated"
    assert found[0]["target"] is None  # "no one" is nobody, not a figure of victims


@pytest.mark.parametrize(
    "sentence",
    [
        "No one was hurt in the attack.",
        "No soldiers were killed in the ambush.",
        "nobody was injured in the explosion.",
    ],
)
def test_the_attack_nobody_was_hurt_in_still_happened(extract_text: Any, sentence: str) -> None:
    found = events_of(extract_text(sentence), "ASSAULT")
    assert found, sentence
    assert found[0]["modality"] == "asserted"
    assert found[0]["target"] is None


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("A missile slammed into a residential building.", "a residential building"),
        ("two rockets crashed into a school on monday.", "a school"),
        ("A drone smashed into an apartment block.", "an apartment block"),
        ("Shells landed in the town.", None),
        ("a mortar round landed near the hospital, wounding three.", None),
    ],
)
def test_projectile_that_hits_is_an_assault(extract_text: Any, sentence: str, target: str | None) -> None:
    found = events_of(extract_text(sentence), "ASSAULT")
    assert found, sentence
    if target is not None:
        assert found[0]["target"]["text"] == target


@pytest.mark.parametrize(
    "sentence",
    [
        "A car slammed into a tree.",
        "The plane landed in Kabul.",
        "The delegation landed in Geneva.",
    ],
)
def test_vehicles_and_travellers_are_no_event(extract_text: Any, sentence: str) -> None:
    assert not extract_text(sentence)["events"]


def test_slammed_the_decision_stays_a_criticism(extract_text: Any) -> None:
    assert events_of(extract_text("The opposition slammed the decision."), "ACCUSE")


@pytest.mark.parametrize(
    ("sentence", "detainee"),
    [
        ("The suspect is being held at a police station.", "The suspect"),
        ("two suspects were held for questioning.", "two suspects"),
        ("the accused is being held in judicial custody.", "the accused"),
        ("Authorities are holding several activists without charge.", "several activists"),
    ],
)
def test_people_held_are_detained(extract_text: Any, sentence: str, detainee: str) -> None:
    found = events_of(extract_text(sentence), "COERCE")
    assert found, sentence
    assert found[0]["target"]["text"] == detainee


@pytest.mark.parametrize(
    "sentence",
    ["Protesters held banners.", "The mother held her baby.", "The talks were held in Geneva."],
)
def test_other_things_held_are_no_detention(extract_text: Any, sentence: str) -> None:
    assert not events_of(extract_text(sentence), "COERCE")


@pytest.mark.parametrize(
    "sentence",
    [
        "On Wednesday, the Trump administration targeted 13 more Venezuelan officials, alleging corruption.",
        "the biden administration targeted five russian oligarchs.",
        "The administration hit three companies over the deal.",
    ],
)
def test_an_administration_targeting_people_sanctions_them(extract_text: Any, sentence: str) -> None:
    record = extract_text(sentence)
    assert events_of(record, "SANCTION")
    assert not events_of(record, "ASSAULT")


def test_militants_targeting_officials_still_attack(extract_text: Any) -> None:
    assert events_of(extract_text("Militants targeted government officials in the city."), "ASSAULT")


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Police and counter-terror officers launched further raids early Monday in east London.", "COERCE"),
        ("the police carried out raids across the district on sunday.", "COERCE"),
        ("Militants launched a raid on the base.", "ASSAULT"),
        ("Troops launched raids on rebel hideouts.", "ASSAULT"),
    ],
)
def test_a_raid_is_the_kind_its_doer_makes_it(extract_text: Any, sentence: str, kind: str) -> None:
    types = {e["type"] for e in extract_text(sentence)["events"]}
    assert kind in types and (kind == "ASSAULT" or "ASSAULT" not in types), types


@pytest.mark.parametrize(
    "sentence",
    [
        "The desert is rife with insurgents who continue to ambush pro-Syrian regime forces.",
        "Abu Sayyaf is a group that kidnaps foreigners for ransom.",
        "al-shabaab, which attacks african union troops, is based in somalia.",
    ],
)
def test_what_a_kind_of_people_do_is_no_event(extract_text: Any, sentence: str) -> None:
    assert not events_of(extract_text(sentence), "ASSAULT")


@pytest.mark.parametrize(
    "sentence",
    [
        "The militants who attacked the base fled.",
        "the gunmen, who opened fire on the bus, escaped.",
        "The group that is attacking the town has 500 fighters.",
    ],
)
def test_what_they_did_or_are_doing_is_an_event(extract_text: Any, sentence: str) -> None:
    assert events_of(extract_text(sentence), "ASSAULT")


@pytest.mark.parametrize(
    "sentence",
    [
        "Three militants died in the strike.",
        "two detainees died under torture.",
        "HE DIED IN THE STRIKE",
    ],
)
def test_a_death_in_the_act_tells_the_act(extract_text: Any, sentence: str) -> None:
    assert events_of(extract_text(sentence), "ASSAULT")


@pytest.mark.parametrize(
    "sentence",
    ["He died during the operation.", "After the strike, residents fled."],
)
def test_a_noun_that_needs_its_verb_still_does(extract_text: Any, sentence: str) -> None:
    assert not events_of(extract_text(sentence), "ASSAULT")


@pytest.mark.parametrize(
    ("sentence", "kind", "target"),
    [
        ("Protesters clashed with police, who arrested 20 people.", "COERCE", "20 people"),
        ("They demanded the release of activists who were detained on Monday.", "COERCE", "activists"),
        ("Police freed the hostages, who had been abducted in May.", "ASSAULT", "the hostages"),
        (
            "hundreds rallied against the militia, which killed 12 villagers last week.",
            "ASSAULT",
            "12 villagers",
        ),
    ],
)
def test_a_deed_told_in_a_relative_clause_is_its_own_event(
    extract_text: Any, sentence: str, kind: str, target: str
) -> None:
    found = events_of(extract_text(sentence), kind)
    assert found, sentence
    assert found[0]["target"]["text"] == target
