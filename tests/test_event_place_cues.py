"""The event's place against the cues that misled it (issue 12): a dateline town beside the town
the sentence names, holidays named "X Day", a group's name that is also a town's, head-first posts
and buildings ("Camp X", "Fort X", "Hotel X"), and a city cue over the province of its name."""

from __future__ import annotations

import pytest

from polemos.pipeline import Pipeline
from polemos.resolve.places_facility import embedded_names, facility_kind
from polemos.types import Article


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def result(pipeline: Pipeline, text: str):
    (res,) = list(pipeline.process([Article(id="t", text=text)]))
    assert res.events, text
    return res


def locations(pipeline: Pipeline, text: str) -> list:
    return list(result(pipeline, text).events[0].locations)


@pytest.mark.parametrize(
    "text, town",
    [
        (
            "KYIV, Ukraine (AP) — A Russian missile strike killed five people in the city of Zaporizhzhia.",
            "Zaporizhzhya",
        ),
        (
            "KYIV, Ukraine — Russian shelling killed two civilians in Kherson on Sunday, officials said.",
            "Kherson",
        ),
        (
            "MOSCOW (Reuters) - Ukrainian drones attacked the city of Belgorod, killing one person.",
            "Belgorod",
        ),
        (
            "KABUL, Afghanistan (AP) — A roadside bomb killed four soldiers in Helmand province on Tuesday.",
            "Helmand",
        ),
    ],
)
def test_the_town_the_sentence_names_beats_the_dateline(pipeline, text, town):
    locs = locations(pipeline, text)
    assert [p.name for p in locs] == [town], locs


@pytest.mark.parametrize(
    "text, town",
    [
        ("KHARKIV, Ukraine — Russian shelling killed two civilians on Sunday, the governor said.", "Kharkiv"),
        (
            "ODESA, Ukraine (Reuters) - A drone attack wounded four people, the regional governor said.",
            "Odesa",
        ),
        (
            "KYIV, Ukraine (AP) — A Russian missile strike killed three people overnight, officials said.",
            "Kyiv",
        ),
    ],
)
def test_a_dateline_alone_still_places_the_event_at_its_town(pipeline, text, town):
    locs = locations(pipeline, text)
    assert [(p.name, p.feature) for p in locs] == [(town, "city")], locs


@pytest.mark.parametrize(
    "text, town",
    [
        ("Police clashed with protesters in Lahore on Independence Day, injuring 20.", "Lahore"),
        ("Protesters clashed with police in Dhaka on Victory Day, injuring 30.", "Dhaka"),
        ("A bomb exploded during the Republic Day parade in Imphal, wounding four.", "Imphal"),
        ("Gunmen attacked a rally in Sydney on Australia Day, wounding two people.", "Sydney"),
    ],
)
def test_a_holiday_named_x_day_is_no_place(pipeline, text, town):
    res = result(pipeline, text)
    assert [p.name for p in res.events[0].locations] == [town], res.events[0].locations
    assert [p.name for p in res.places] == [town], res.places


@pytest.mark.parametrize(
    "text, town",
    [
        (
            "MOGADISHU, Somalia — Al-Shabaab fighters attacked a base in Baidoa, killing ten soldiers.",
            "Baidoa",
        ),
        ("Al-Shabaab gunmen stormed a hotel in Kismayo on Friday, killing nine people.", "Kismayo"),
        ("Fighters from al-Shabaab ambushed a convoy near Beledweyne, killing six soldiers.", "Beledweyne"),
    ],
)
def test_a_groups_name_is_not_the_town_of_that_name(pipeline, text, town):
    locs = locations(pipeline, text)
    assert all(p.country == "SO" for p in locs), locs
    assert town in [p.name or p.within for p in locs], locs


@pytest.mark.parametrize(
    "text, post, cc",
    [
        (
            "Militants fired rockets at Camp Taji, north of Baghdad, wounding three soldiers.",
            "Camp Taji",
            "IQ",
        ),
        ("Gunmen stormed the Hotel Serena in Kabul on Friday, killing six guests.", "Hotel Serena", "AF"),
        ("A bomb exploded at the Hotel Kandahar, killing two guards.", "Hotel Kandahar", "AF"),
        ("Iraqi troops shelled Camp Ashraf in Diyala province, killing 11 residents.", "Camp Ashraf", "IQ"),
    ],
)
def test_head_first_posts_and_buildings_are_kept_whole(pipeline, text, post, cc):
    locs = locations(pipeline, text)
    assert post in [p.text for p in locs], locs
    assert {p.country for p in locs} == {cc}, locs


@pytest.mark.parametrize(
    "text",
    [
        "A soldier opened fire at Fort Hood, killing 13 people.",
        "Insurgents attacked Camp Chapman, killing seven officers.",
    ],
)
def test_an_unplaced_post_gets_no_empty_country(pipeline, text):
    locs = locations(pipeline, text)
    assert not any(p.status == "inferred" and p.country is None for p in locs), locs


def test_a_town_named_fort_stays_a_town(pipeline):
    locs = locations(pipeline, "A gunman killed three people in Fort Worth on Sunday.")
    assert [(p.name, p.feature) for p in locs] == [("Fort Worth", "city")], locs


@pytest.mark.parametrize(
    "text, town, cc",
    [
        (
            "A car bomb exploded in the southern city of Kandahar on Monday, killing eight people.",
            "Kandahar",
            "AF",
        ),
        ("Gunmen attacked a police checkpoint in the city of Herat, killing three officers.", "Herat", "AF"),
        ("Rebels shelled the northern city of Aleppo on Tuesday, killing 12 civilians.", "Aleppo", "SY"),
        ("A suicide bomber killed 20 people in the northwestern city of Idlib.", "Idlib", "SY"),
        ("Militants stormed a school in the northeastern city of Kunduz, killing five.", "Kunduz", "AF"),
    ],
)
def test_a_city_cue_picks_the_city_over_its_province(pipeline, text, town, cc):
    locs = [p for p in locations(pipeline, text) if p.name == town or p.within == town]
    assert locs and all(p.country == cc for p in locs), locs
    assert not any(p.feature == "admin1" for p in locs), locs


def test_head_first_names_carry_the_name_after_the_head():
    assert embedded_names("Camp Taji") == ["Taji"]
    assert embedded_names("Hotel Kandahar Palace") == ["Kandahar Palace", "Kandahar"]
    assert facility_kind("Fort Worth") is None  # the gazetteer, not the head word, tells a town
