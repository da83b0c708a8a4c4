"""Issue 12 leftovers (left13): "the town of X" is where an event is, not its target; "X positions"
is ground a force holds, not a stance; "troops from the African Union" are the Union's; a word of
an outlet's or a group's name lends no country to the article's parties; camps named head last
("Zamzam camp") are places. Hand-made sentences, several phrasings each, with negatives."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import by_trigger, target


def _locations(event: dict[str, Any]) -> list[str]:
    return [loc["text"] for loc in event["locations"]]


# 1. "the town of X": the named town is the place; nobody is the target unless the text says so.
@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "trigger", "places"),
    [
        ("Regime jets bombed the town of Ariha on Sunday.", "bombed", ["Ariha"]),
        ("Russian aircraft shelled the village of Kafr Nabl, activists said.", "shelled", ["Kafr Nabl"]),
        ("Regime jets bombed the town of Um Batna.", "bombed", ["Um Batna"]),
        ("Warplanes struck the city of Kafr Halab.", "struck", ["Kafr Halab"]),
        ("Jets struck the towns of Deir Hafer and Maskana.", "struck", ["Deir Hafer", "Maskana"]),
        (
            "Regime helicopters bombed the villages of Kafr Zita, Latamneh and Morek.",
            "bombed",
            ["Kafr Zita", "Latamneh", "Morek"],
        ),
        ("The town of Ariha was bombed by regime jets.", "bombed", ["Ariha"]),
    ],
)
def test_named_settlement_is_the_place_not_the_target(
    extract_text: Any, sentence: str, trigger: str, places: list[str]
) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert target(event) is None
    assert all(p in _locations(event) for p in places), _locations(event)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Regime jets bombed the town, killing five.", "bombed"),
        ("Artillery shelled the village overnight.", "shelled"),
        ("Airstrikes targeted a village near the border.", "targeted"),
    ],
)
def test_a_bare_settlement_is_no_target(extract_text: Any, sentence: str, trigger: str) -> None:
    assert target(by_trigger(extract_text(sentence), trigger)) is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        ("Regime jets bombed the town's market.", "bombed", "the town's market"),
        ("Rebels shelled the town's outskirts.", "shelled", "the town's outskirts"),
        ("The City of London police arrested two men.", "arrested", "two men"),
        ("Militants killed the villagers of Kukawa.", "killed", "the villagers of Kukawa"),
    ],
)
def test_settlement_negatives_keep_their_target(
    extract_text: Any, sentence: str, trigger: str, expected: str
) -> None:
    assert target(by_trigger(extract_text(sentence), trigger)) == expected


# 2. "X positions", "X bases", "X strongholds": an assault on X, not criticism of a stance.
@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "trigger", "target_name"),
    [
        (
            "Troops from the African Union attacked al-Shabaab positions near Mogadishu.",
            "attacked",
            "Al-Shabaab",
        ),
        ("Troops attacked al-Shabaab positions near Mogadishu.", "attacked", "Al-Shabaab"),
        ("Kenyan troops attacked al-Shabaab positions in Gedo.", "attacked", "Al-Shabaab"),
        ("Kenyan troops raided al-Shabaab's bases in Gedo.", "raided", "Al-Shabaab"),
        ("Soldiers attacked Taliban positions overnight.", "attacked", None),
        ("The army bombed Taliban strongholds in Helmand.", "bombed", None),
        ("Government forces attacked rebel positions in Daraa.", "attacked", None),
    ],
)
def test_positions_are_ground_held(
    extract_text: Any, sentence: str, trigger: str, target_name: str | None
) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert event["type"] == "ASSAULT"
    assert event["target"] is not None
    if target_name is not None:
        assert event["target"]["name"] == target_name


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "The opposition attacked the minister's position on taxes.",
        "Critics attacked the government's positions on immigration.",
        "Lawmakers attacked the president's position.",
    ],
)
def test_a_stance_attacked_is_still_criticism(extract_text: Any, sentence: str) -> None:
    assert by_trigger(extract_text(sentence), "attacked")["type"] == "ACCUSE"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "trigger", "name"),
    [
        (
            "Troops from the African Union attacked al-Shabaab positions near Mogadishu.",
            "attacked",
            "African Union",
        ),
        ("Troops from the African Union attacked the militants.", "attacked", "African Union"),
        (
            "Troops from the African Union mission attacked al-Shabaab strongholds in Lower Shabelle.",
            "attacked",
            "African Union",
        ),
        ("Peacekeepers from the United Nations mission fired on the crowd.", "fired on", "United Nations"),
        # a country after "from" is read through the place, as before: its military
        ("Soldiers from Kenya attacked al-Shabaab positions.", "attacked", "Military Forces of Kenya"),
        # a group's long name after "of"
        (
            "Fighters of the Islamic State of Iraq attacked a checkpoint in Mosul.",
            "attacked",
            "Islamic State",
        ),
        (
            "Militants of the Islamic State of Iraq and the Levant killed 12 soldiers.",
            "killed",
            "Islamic State",
        ),
    ],
)
def test_force_from_an_organisation_is_its(extract_text: Any, sentence: str, trigger: str, name: str) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert event["actor"] is not None and event["actor"]["name"] == name


@pytest.mark.slow
def test_a_group_named_like_a_town_lends_no_country(extract_text: Any) -> None:
    # "al-Shabaab" is also a town's name abroad: the bare "troops" are not that country's
    event = by_trigger(extract_text("Troops attacked al-Shabaab positions near Mogadishu."), "attacked")
    assert event["actor"]["country"] == "SO"
    assert "al-Shabaab" not in _locations(event)


# A seat of power standing for its government or body ("Brussels" for the EU, "Washington") is
# still the city things happen in: only a group's own name hides a town.
@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "trigger", "place"),
    [
        ("Police detained 20 activists outside NATO headquarters in Brussels.", "detained", "Brussels"),
        ("Police arrested 12 protesters in Brussels on Sunday.", "arrested", "Brussels"),
        ("A gunman shot dead two Swedish football fans in Brussels.", "shot dead", "Brussels"),
        ("Police arrested five protesters outside the White House in Washington.", "arrested", "Washington"),
    ],
)
def test_a_seat_of_power_is_still_a_place(extract_text: Any, sentence: str, trigger: str, place: str) -> None:
    assert place in _locations(by_trigger(extract_text(sentence), trigger))


# 3 and 6. A word of an outlet's name says where the outlet is, not whose police or troops act.
@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Police arrested two men, the Kabul Times reported.", "arrested"),
        ("The Jordan Times said troops opened fire on protesters.", "opened fire"),
        ("Gunmen killed three people, The Sydney Morning Herald reported.", "killed"),
        ("The Kyiv Independent reported that unidentified gunmen killed two people.", "killed"),
    ],
)
def test_outlet_name_lends_no_country(extract_text: Any, sentence: str, trigger: str) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert event["actor"] is None or event["actor"]["country"] is None
    assert not event["locations"], _locations(event)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "trigger", "country"),
    [
        ("Police arrested two men in Kabul, the agency said.", "arrested", "AF"),
        ("Police fired tear gas at protesters in Kolkata on Monday.", "fired", "IN"),
        ("The Kyiv Independent reported that Russian forces shelled Kharkiv.", "shelled", "RU"),
    ],
)
def test_outlet_negatives_keep_the_country(
    extract_text: Any, sentence: str, trigger: str, country: str
) -> None:
    assert by_trigger(extract_text(sentence), trigger)["actor"]["country"] == country


@pytest.mark.slow
def test_outlet_word_is_not_the_event_place(extract_text: Any) -> None:
    record = extract_text("The Kyiv Independent reported that Russian forces shelled Kharkiv.")
    assert _locations(by_trigger(record, "shelled")) == ["Kharkiv"]
    record = extract_text(
        "Fighters of the Islamic State of Iraq attacked a checkpoint in Mosul, "
        "the Sydney Morning Herald reported."
    )
    assert _locations(by_trigger(record, "attacked")) == ["Mosul"]


# 3. A bare "police" in a lower-case archive article is the police of the dateline's country,
# never of a foreign town a lower-case word happens to name ("khan", "pujan").
@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "kolkata : police lathi-charged the mob on monday. police arrested 12 people.",
        "ahmedabad: police opened fire on the mob in kalupur.",
        "patna: police arrested 20 kar sevaks before the bhoomi pujan ceremony.",
        "This story is from March 4, 2002\n\nkolkata : the arrest of azmal khan, a waiter in park street, "
        "has exposed the network. police arrested him on february 21.",
        "new delhi: police detained 20 students outside the university.",
    ],
)
def test_lower_case_dateline_gives_the_police_their_country(extract_text: Any, text: str) -> None:
    record = extract_text(text, published="2002-03-04")
    police = [e["actor"] for e in record["events"] if e["actor"] and e["actor"]["kind"] == "police"]
    assert police and all(a["country"] == "IN" for a in police), police


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "update: police detained 20 students.",
        "note: police detained 20 students.",
        "police said: the mob attacked the station.",
    ],
)
def test_a_lower_case_word_before_a_colon_is_no_dateline(extract_text: Any, text: str) -> None:
    assert not extract_text(text)["places"]


# 4. Camps named head last are places, not people.
@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "camp"),
    [
        ("Thousands of people fled to the Zamzam camp near El Fasher.", "Zamzam camp"),
        ("Thousands fled to the Kalma camp in South Darfur.", "Kalma camp"),
        (
            "Aid workers said the Zamzam camp, home to 500,000 displaced people, was shelled again.",
            "Zamzam camp",
        ),
        (
            "Residents of the Abu Shouk camp, where displaced families shelter, said militias attacked them.",
            "Abu Shouk camp",
        ),
        ("Gunmen attacked the Hamadiya refugee camp in Zalingei.", "Hamadiya refugee camp"),
    ],
)
def test_named_camp_is_a_place(extract_text: Any, text: str, camp: str) -> None:
    record = extract_text(text)
    assert camp in [p["text"] for p in record["places"]]
    assert all(camp not in (e["actor"] or {}).get("text", "") for e in record["events"])


@pytest.mark.slow
def test_camp_placed_by_its_town_is_a_landmark(extract_text: Any) -> None:
    record = extract_text("Thousands of people fled to the Zamzam camp near El Fasher.")
    camp = next(p for p in record["places"] if p["text"] == "Zamzam camp")
    assert camp["feature"] == "landmark" and camp["country"] == "SD"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Refugees in Dadaab camp protested on Monday.", "Dadaab"),  # a known town: read as it
        ("Gunmen attacked the Kakuma refugee camp in Kenya.", "Kakuma"),
    ],
)
def test_camp_of_a_known_town_keeps_the_town(extract_text: Any, text: str, place: str) -> None:
    record = extract_text(text)
    town = next(p for p in record["places"] if p["text"] == place)
    assert town["feature"] == "city" and town["status"] == "resolved"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text", ["The Trump camp said the poll was wrong.", "Aides in the Clinton camp denied the report."]
)
def test_a_political_camp_is_no_place(extract_text: Any, text: str) -> None:
    assert not [p for p in extract_text(text)["places"] if "camp" in p["text"]]
