"""Issue 12 leftovers: hedges of the press, "is to" plans, dates in relative clauses about things,
"died in police firing", organisations that are no places. Hand-made sentences, several phrasings
each, with negatives."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import by_trigger

pytestmark = pytest.mark.slow


# a. hedges: an event passed on, not vouched for, is "reported" (as the French "aurait tué" is),
# and it is still the event, with its roles.
@pytest.mark.parametrize(
    ("sentence", "trigger", "actor"),
    [
        ("Police allegedly beat him in custody.", "beat", "Police"),
        ("Rebels reportedly attacked the army base near Idlib on Sunday.", "attacked", "Rebels"),
        ("Troops purportedly shelled the town overnight.", "shelled", "Troops"),
        ("Soldiers allegedly opened fire on protesters on Monday.", "opened fire", "Soldiers"),
        ("The militants are said to have killed five villagers.", "killed", "The militants"),
        ("The gunmen are believed to have kidnapped 20 students.", "kidnapped", "The gunmen"),
        ("Police were reported to have fired on the crowd.", "fired on", "Police"),
    ],
)
def test_hedged_event_is_reported_with_its_actor(
    extract_text: Any, sentence: str, trigger: str, actor: str
) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert event["modality"] == "reported"
    assert event["actor"] and event["actor"]["text"] == actor


@pytest.mark.parametrize(
    ("sentence", "trigger", "modality"),
    [
        ("Police beat him in custody.", "beat", "asserted"),
        ("Rebels attacked the base, the governor said.", "attacked", "asserted"),
        ("The army claimed to have killed 20 militants.", "killed", "asserted"),
        # a stronger reading wins over the hedge
        ("Police reportedly did not arrest anyone.", "arrest", "negated"),
        ("The rebels will reportedly attack the city.", "attack", "planned"),
    ],
)
def test_hedge_negatives(extract_text: Any, sentence: str, trigger: str, modality: str) -> None:
    assert by_trigger(extract_text(sentence), trigger)["modality"] == modality


def test_hedged_past_weekday_stays_past(extract_text: Any) -> None:
    # published on a Monday: "on Sunday" of a reported attack is the day before, not six days on
    event = by_trigger(
        extract_text("Rebels reportedly attacked the base on Sunday.", published="2016-05-23"), "attacked"
    )
    assert event["date"]["start"] == "2016-05-22"


# b. "is to", "is due to", "is about to": still to come, with the weekday read forward.
@pytest.mark.parametrize(
    ("sentence", "trigger", "start"),
    [
        ("The minister is to visit Kabul on Wednesday.", "visit", "2016-06-01"),
        ("The president is due to meet the rebels on Wednesday.", "meet", "2016-06-01"),
        ("The two envoys are to meet in Doha on Tuesday.", "meet", "2016-05-31"),
        ("Troops are to withdraw next month.", "withdraw", None),
        ("The army is about to attack the town.", "attack", None),
    ],
)
def test_is_to_is_planned_and_dated_ahead(
    extract_text: Any, sentence: str, trigger: str, start: str | None
) -> None:
    # published on a Friday: a Wednesday still to come is the next one, not two days back
    event = by_trigger(extract_text(sentence, published="2016-05-27"), trigger)
    assert event["modality"] == "planned"
    if start is not None:
        assert event["date"]["start"] == start


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("The minister visited Kabul on Wednesday.", "visited"),
        ("Police are to blame for the killing of the protesters.", "blame"),
    ],
)
def test_is_to_negatives(extract_text: Any, sentence: str, trigger: str) -> None:
    event = by_trigger(extract_text(sentence, published="2016-05-27"), trigger)
    assert event["modality"] == "asserted"
    if trigger == "visited":
        assert event["date"]["start"] == "2016-05-25"


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [("The aim is to attack the base.", "attack"), ("The goal is to capture the city.", "capture")],
)
def test_aim_is_no_actor(extract_text: Any, sentence: str, trigger: str) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert event["modality"] == "planned"
    assert event["actor"] is None


def test_aims_owner_is_the_actor(extract_text: Any) -> None:
    event = by_trigger(extract_text("The rebels' goal is to capture the city."), "capture")
    assert event["actor"] and event["actor"]["text"] == "The rebels"


# c. a date inside a relative clause (or participle) about a building or thing dates that clause.
@pytest.mark.parametrize(
    ("sentence", "trigger", "never"),
    [
        ("They condemned the bombing of the hospital, which was built in 1990.", "condemned", "1990"),
        ("The UN condemned the attack on the school, which opened in 2005.", "condemned", "2005"),
        ("Officials condemned the strike on a mosque built in 1990.", "condemned", "1990"),
        ("The army attacked the village, which it had captured in 2014.", "attacked", "2014"),
    ],
)
def test_date_of_a_thing_is_not_the_events(
    extract_text: Any, sentence: str, trigger: str, never: str
) -> None:
    event = by_trigger(extract_text(sentence, published="2016-05-27"), trigger)
    assert not (event["date"] or {}).get("start", "").startswith(never)


@pytest.mark.parametrize(
    ("sentence", "trigger", "start"),
    [
        # the event's own relative clause, and a clause of harm hung on what was hit, still date it
        ("The bombing, which took place on Monday, killed five people.", "killed", "2016-05-23"),
        ("The attack, which happened on Monday, killed five people.", "killed", "2016-05-23"),
        (
            "The UN condemned the bombing of the hospital, which wounded 30 patients on Monday.",
            "bombing",
            "2016-05-23",
        ),
        ("Rebels shelled the bridge, which was completed in 1998, on Monday.", "shelled", "2016-05-23"),
        ("A convoy travelling from Aleppo on Monday was ambushed.", "ambushed", "2016-05-23"),
    ],
)
def test_relative_clause_dates_kept(extract_text: Any, sentence: str, trigger: str, start: str) -> None:
    event = by_trigger(extract_text(sentence, published="2016-05-27"), trigger)
    assert event["date"]["start"] == start


# d. "died in police firing": the one who died is the target, the police the actor.
@pytest.mark.parametrize(
    ("sentence", "trigger", "target"),
    [
        ("A youth died in police firing.", "firing", "A youth"),
        ("Two protesters died in police firing on Monday.", "firing", "Two protesters"),
        ("A man died during police firing in the town.", "firing", "A man"),
        ("Two people died in firing by the police on Wednesday.", "firing", "Two people"),
        ("A constable was killed in police firing.", "killed", "A constable"),
        ("Three farmers were killed in police firing in Mandsaur.", "killed", "Three farmers"),
    ],
)
def test_died_in_police_firing(extract_text: Any, sentence: str, trigger: str, target: str) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert event["type"] == "ASSAULT"
    assert event["actor"] and event["actor"]["text"].lower().endswith("police")
    assert event["target"] and event["target"]["text"] == target


@pytest.mark.parametrize(
    ("sentence", "trigger", "target"),
    [
        # the firers' own target, and a time after "on"/"at" that is nobody fired on
        ("Police were firing at the crowd.", "firing at", "the crowd"),
        ("Rebels fired at the convoy on Monday.", "fired at", "the convoy"),
    ],
)
def test_firing_targets_kept(extract_text: Any, sentence: str, trigger: str, target: str) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert event["target"] and event["target"]["text"] == target


def test_firing_on_a_day_is_no_target(extract_text: Any) -> None:
    record = extract_text("Two protesters died in police firing on Monday.")
    event = by_trigger(record, "firing")  # not "firing on": Monday is the day
    assert event["date"]["start"] == "2016-05-23"


# e. international organisations are bodies, never where an event happened.
@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("The European Union imposed sanctions on Minsk.", "Minsk"),
        ("The African Union condemned the attack in Mogadishu.", "Mogadishu"),
        ("NATO airstrikes hit targets in Libya.", "Libya"),
        ("European Union monitors were attacked near Donetsk.", "Donetsk"),
        ("Troops of the African Union Mission in Somalia were ambushed near Afgoye.", "Afgoye"),
        ("Police detained 20 activists outside NATO headquarters in Brussels.", "Brussels"),
    ],
)
def test_organisation_is_no_event_place(extract_text: Any, sentence: str, place: str) -> None:
    record = extract_text(sentence)
    assert record["events"]
    for event in record["events"]:
        assert [loc["text"] for loc in event["locations"]] in ([], [place])
    assert any(loc["text"] == place for e in record["events"] for loc in e["locations"])


@pytest.mark.parametrize(
    "sentence",
    [
        "The EU imposed new sanctions.",
        "Two soldiers were killed at the African Union base.",
        "A European Union delegation was attacked.",
        "Farmers protested at the European Union headquarters.",
        "Migrants were detained in the EU.",
        "Five African Union peacekeepers were killed.",
        "The Organization for Security and Cooperation in Europe said its monitors were shot at.",
        "The Economic Community of West African States said its troops were attacked.",
    ],
)
def test_organisation_alone_gives_no_event_place(extract_text: Any, sentence: str) -> None:
    record = extract_text(sentence)
    assert record["events"]
    assert all(e["locations"] == [] for e in record["events"])


def test_a_region_is_still_a_place(extract_text: Any) -> None:
    record = extract_text("Five people were killed in Europe.")
    assert [loc["text"] for e in record["events"] for loc in e["locations"]] == ["Europe"]
