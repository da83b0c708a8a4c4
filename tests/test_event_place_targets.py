"""The event's place from what the text says of its target and its names: a place that says where
the target is, a town after "on" in a phrase of violence, a name the text calls a town or a village
(before the word), and a country inside an armed force's own name."""

from __future__ import annotations

import pytest

from polemos.pipeline import Pipeline
from polemos.types import Article


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def result(pipeline: Pipeline, text: str):
    (res,) = list(pipeline.process([Article(id="t", text=text)]))
    return res


def locations(pipeline: Pipeline, text: str) -> list:
    res = result(pipeline, text)
    assert res.events, text
    return list(res.events[0].locations)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (
            "Casualties in airstrikes at the countryside of Saraqeb and cargo planes drop aid on Deir Ezzor",
            "Saraqeb",
        ),
        ("Gunmen killed the villagers of Kafr Nabl on Sunday.", "Kafr Nabl"),
        ("Warplanes struck the outskirts of Binnish and the villages around Saraqeb on Friday.", "Binnish"),
        ("Militants shot dead the mayor of Kidal on Tuesday.", "Kidal"),
    ],
)
def test_a_place_that_says_where_the_target_is_is_the_events(pipeline, text, town):
    locs = locations(pipeline, text)
    assert any(p.text == town and p.lat is not None for p in locs), locs


def test_a_country_after_of_in_the_target_says_whose_not_where(pipeline):
    locs = locations(pipeline, "Militants attacked the embassy of Syria in Ankara on Monday.")
    assert [p.text for p in locs] == ["Ankara"], locs


@pytest.mark.parametrize(
    "text",
    [
        "Airstrikes by the coalition on Manbij killed 9 civilians.",
        "Intense airstrikes by the coalition on Manbij and advances by the SDF near the city",
        "An attack by gunmen overnight on Manbij killed three policemen.",
    ],
)
def test_on_a_town_after_a_noun_of_violence_names_a_place(pipeline, text):
    locs = locations(pipeline, text)
    assert any(p.text == "Manbij" and p.name == "Manbij" for p in locs), locs


def test_on_after_a_verb_of_speech_names_no_small_town(pipeline):
    res = result(pipeline, "He commented on Manbij yesterday.")
    assert not [p for p in res.places if p.text == "Manbij"], res.places


@pytest.mark.parametrize(
    ("text", "village"),
    [
        ("ISIS cells kill 4 SDF members in al-Tayyana town", "al-Tayyana"),
        ("Aerial bombardment on al-Kharita town kills 5 civilians", "al-Kharita"),
        ("Gunmen raided Hazima village, north of Raqqa, killing 3.", "Hazima"),
        (
            "Shelling killed a family in Tal al Shayer village in Hasaka governorate on July 4",
            "Tal al Shayer",
        ),
    ],
)
def test_a_name_before_town_or_village_is_a_place_kept_by_its_name(pipeline, text, village):
    locs = locations(pipeline, text)
    found = [p for p in locs if p.text == village]
    assert found and found[0].status == "unresolved" and found[0].lat is None, locs


@pytest.mark.parametrize(
    "text",
    [
        "Shells hit the Kurdish town of Kobani and a Christian village on Monday.",
        "Protesters gathered outside Homs city council on Monday.",
        "Gunmen stormed the town hall in Kidal on Monday.",
        "The village was shelled on Monday, killing three.",
        "Clashes in Kidal killed two. This town has seen no peace since. The Town council met.",
    ],
)
def test_an_adjective_or_an_institution_before_town_is_no_village(pipeline, text):
    res = result(pipeline, text)
    assert not [p for p in res.places if p.status == "unresolved"], res.places


@pytest.mark.parametrize(
    "text",
    [
        "Clashes erupted between IS and the Syria Democratic Forces, killing 9.",
        "Fighting raged between the Taliban and the Afghanistan National Security Forces, killing 9.",
        "Heavy clashes between militants and the Iraq Security Forces killed four.",
    ],
)
def test_a_country_inside_a_forces_name_is_no_place_of_the_event(pipeline, text):
    locs = locations(pipeline, text)
    assert not [p for p in locs if p.feature == "country" and p.status == "resolved"], locs


@pytest.mark.parametrize(
    ("text", "cc"),
    [
        ("Shelling killed two civilians in the Lugansk region on Monday.", "UA"),
        ("Gunmen killed five people in Hasaka governorate on Monday.", "SY"),
        ("A drone attack in Kursk region wounded three, the governor said.", "RU"),
        ("Airstrikes in Hodeidah province killed 12 fighters.", "YE"),
    ],
)
def test_an_area_named_after_its_town_is_the_area_when_the_text_says_area(pipeline, text, cc):
    locs = locations(pipeline, text)
    assert [(p.feature, p.country) for p in locs] == [("admin1", cc)], locs


@pytest.mark.parametrize(
    "text",
    [
        "Militants killed five people in Hasaka city on Monday.",
        "A drone hit Kursk on Monday, wounding three.",
        "Shelling killed two civilians in Lugansk on Monday.",
    ],
)
def test_the_town_itself_stays_the_town(pipeline, text):
    locs = locations(pipeline, text)
    assert [p.feature for p in locs] == ["city"], locs


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed five people in Amhara region on Monday.",
        "Clashes in the Amhara region on Sunday killed 12 people.",
        "Drone strikes in Amhara region killed 30 civilians last week.",
    ],
)
def test_an_area_the_model_takes_for_a_date_is_still_a_place(pipeline, text):
    locs = locations(pipeline, text)
    assert [(p.feature, p.country) for p in locs] == [("admin1", "ET")], locs


@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked Mosul in May 2016, killing five.",
        "Militants attacked a base in Kidal in August, killing two.",
        "Fighting on Sunday killed four soldiers in Kidal.",
    ],
)
def test_a_month_or_a_day_is_no_place(pipeline, text):
    res = result(pipeline, text)
    assert not [p for p in res.places if p.text in ("May", "August", "Sunday")], res.places
