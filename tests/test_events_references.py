"""Which words of full articles report events: an occurrence that dates another, bombs that go off,
and what looks like a trigger but names none (a warrant, a charge, a disease fought, a list of
related stories). Hand-made sentences, several phrasings each."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import events_of

pytestmark = pytest.mark.slow


def kinds(record: dict[str, Any]) -> list[tuple[str, str]]:
    return [(e["type"], e["trigger"]["text"].lower()) for e in record["events"]]


@pytest.mark.parametrize(
    ("sentence", "type_", "trigger"),
    [
        ("The man lost his job as a driver following his arrest.", "COERCE", "arrest"),
        ("His family has not heard from him since his arrest in May.", "COERCE", "arrest"),
        ("The opposition called for protests following the killing of seven.", "ASSAULT", "killing"),
        ("Residents demanded compensation after the bombing of the market.", "ASSAULT", "bombing"),
        ("Police arrested 20 people after the clashes in the old city.", "ASSAULT", "clashes"),
    ],
)
def test_an_occurrence_that_dates_another_is_an_event(
    extract_text: Any, sentence: str, type_: str, trigger: str
) -> None:
    found = kinds(extract_text(sentence))
    assert (type_, trigger) in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "The opposition called for protests following the killing of seven demonstrators.",
        "Residents demanded compensation after the bombing of the market.",
    ],
)
def test_the_verb_that_an_occurrence_dates_is_not_its_doer(extract_text: Any, sentence: str) -> None:
    (assault,) = events_of(extract_text(sentence), "ASSAULT")
    assert assault["actor"] is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Two soldiers were killed during the attack on the base.",
        "Two soldiers were killed in the ambush during the fighting.",
    ],
)
def test_the_same_kind_of_occurrence_stays_one_event(extract_text: Any, sentence: str) -> None:
    assert len(events_of(extract_text(sentence), "ASSAULT")) == 1, kinds(extract_text(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "By the time it was all over, some 21 bombs had gone off in the city.",
        "A bomb went off near the market on Friday.",
        "An explosive device went off outside the police station, wounding two officers.",
        "Two grenades went off in the crowd.",
    ],
)
def test_a_bomb_that_goes_off(extract_text: Any, sentence: str) -> None:
    (event,) = events_of(extract_text(sentence), "ASSAULT")
    assert event["mode"] == "explosives"


@pytest.mark.parametrize(
    "sentence",
    [
        "The alarm went off at six in the morning.",
        "The wedding went off without a hitch.",
        "Police said 27 arrest warrants have been issued.",
        "A judge issued an arrest warrant for the former minister.",
        "He is on trial on charges of murder and conspiracy.",
        "She faces two counts of murder.",
        "The money allows doctors to attack the virus early.",
        "Researchers found a way to attack cancer cells directly.",
    ],
)
def test_words_that_name_no_violent_event(extract_text: Any, sentence: str) -> None:
    found = kinds(extract_text(sentence))
    assert not [k for k in found if k[0] in ("ASSAULT", "COERCE")], found


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed six soldiers on Monday.\n==See also==\n* 2007 Bagram Airfield bombing\n"
        "* 2014 Bagram Airfield bombing\n",
        "Gunmen killed six soldiers on Monday.\nRelated stories:\n- Airstrikes on Aleppo\n"
        "- The Kabul bombing\n",
        "Gunmen killed six soldiers on Monday.\n• Hostage crisis in the capital\n"
        "• Suicide attack in the north\n",
    ],
)
def test_a_list_of_related_stories_is_no_event(extract_text: Any, text: str) -> None:
    found = kinds(extract_text(text))
    assert found == [("ASSAULT", "killed")], found


@pytest.mark.parametrize(
    "text",
    [
        "What happened:\n* A bomb killed five people in the capital.\n* Police arrested two suspects.",
        "Key points:\n- Gunmen attacked a checkpoint.\n- Soldiers detained three men.",
    ],
)
def test_a_bulleted_report_is_still_read(extract_text: Any, text: str) -> None:
    found = {k[0] for k in kinds(extract_text(text))}
    assert {"ASSAULT", "COERCE"} <= found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "He faces one criminal count of destroying records and two counts of lying to officials.",
        "The suspect destroyed evidence and deleted his emails.",
        "Officials were accused of destroying documents before the inquiry.",
    ],
)
def test_destroying_papers_is_no_violence(extract_text: Any, sentence: str) -> None:
    found = kinds(extract_text(sentence))
    assert not [k for k in found if k[0] == "ASSAULT"], found


@pytest.mark.parametrize(
    ("sentence", "victims"),
    [
        (
            "We express our deepest condolences to the families of the six service members killed "
            "and to all of those injured in the attack.",
            "the six service members",
        ),
        ("Relatives mourned the three soldiers killed in the ambush.", "the three soldiers"),
        ("Ten villagers killed in the raid were buried on Sunday.", "Ten villagers"),
    ],
)
def test_the_noun_a_reduced_passive_modifies_is_its_victim(
    extract_text: Any, sentence: str, victims: str
) -> None:
    killed = [e for e in events_of(extract_text(sentence), "ASSAULT") if e["trigger"]["text"] == "killed"]
    assert killed, kinds(extract_text(sentence))
    assert killed[0]["actor"] is None or killed[0]["actor"]["text"] != victims
    assert killed[0]["target"] is not None and killed[0]["target"]["text"] == victims


@pytest.mark.parametrize(
    "sentence",
    [
        "Militants have been using home-made explosives to make roadside bombs and landmines.",
        "The group built car bombs in a warehouse outside the city.",
        "Smugglers sold landmines to both sides.",
        "Three militants tried to plant a device along the road on Friday night to target security forces.",
    ],
)
def test_weapons_made_or_an_aim_are_no_attack(extract_text: Any, sentence: str) -> None:
    found = kinds(extract_text(sentence))
    assert not [k for k in found if k[0] == "ASSAULT"], found


@pytest.mark.parametrize(
    "sentence",
    [
        "A roadside bomb killed two soldiers on the highway.",
        "The militants continued to target police stations in the north.",
        "Airstrikes targeted rebel positions near the border.",
    ],
)
def test_weapons_used_and_targets_hit_are_attacks(extract_text: Any, sentence: str) -> None:
    assert events_of(extract_text(sentence), "ASSAULT"), kinds(extract_text(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "The proximity of Russian forces makes operations outside the area difficult.",
        "The new checkpoints made patrols harder.",
    ],
)
def test_what_made_something_harder_is_no_event(extract_text: Any, sentence: str) -> None:
    found = kinds(extract_text(sentence))
    assert not [k for k in found if k[0] == "ASSAULT"], found


@pytest.mark.parametrize(
    "sentence",
    [
        "Troops made an incursion into the village on Monday.",
        "The army made an incursion across the border.",
        "Troops carried out an operation against the rebels.",
    ],
)
def test_an_act_made_or_carried_out_is_an_event(extract_text: Any, sentence: str) -> None:
    assert events_of(extract_text(sentence), "ASSAULT"), kinds(extract_text(sentence))
