"""The event's place: the town over the area of its name, datelines, villages the gazetteer lacks,
and names of outlets and groups that are no place of the event."""

from __future__ import annotations

import pytest

from polemos.pipeline import Pipeline
from polemos.types import Article


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def locations(pipeline: Pipeline, text: str) -> list:
    (res,) = list(pipeline.process([Article(id="t", text=text)]))
    assert res.events, text
    return list(res.events[0].locations)


@pytest.mark.parametrize(
    "text",
    [
        "Russian missiles struck the northeastern city of Kharkiv on Monday, killing three people.",
        "Shelling killed two civilians in Kharkiv city on Monday.",
        "KHARKIV, Ukraine — Russian missiles hit an apartment block on Monday, killing three people.",
        "Kharkiv, Ukraine (AP) — Russian missiles hit an apartment block on Monday, killing three people.",
        "A missile hit Kharkiv on Monday, killing three people.",
    ],
)
def test_city_over_the_province_of_its_name(pipeline, text):
    locs = locations(pipeline, text)
    assert any(p.name == "Kharkiv" and p.feature == "city" for p in locs), locs
    assert not any(p.feature == "admin1" for p in locs), locs


@pytest.mark.parametrize(
    "text",
    [
        "Government warplanes bombed the city of Aleppo, killing 12.",
        "ALEPPO, Syria (Reuters) - Government warplanes bombed a market, killing 12.",
        "Aleppo, Syria — Government warplanes bombed a market on Friday, killing 12.",
    ],
)
def test_dateline_or_city_word_gives_the_town(pipeline, text):
    locs = locations(pipeline, text)
    assert [p.feature for p in locs] == ["city"], locs
    assert locs[0].name == "Aleppo"


def test_area_word_still_gives_the_area(pipeline):
    locs = locations(pipeline, "Clashes in the countryside of Aleppo killed 12 fighters.")
    assert [p.feature for p in locs] == ["admin1"]


def test_dateline_abroad_does_not_place_the_event(pipeline):
    text = "BEIRUT, Lebanon — Airstrikes killed 12 people in Syria on Friday."
    locs = locations(pipeline, text)
    assert all(p.country == "SY" for p in locs), locs


@pytest.mark.parametrize(
    ("text", "village", "cc", "admin1"),
    [
        (
            "Gunmen killed five people in the town of Mainok in Borno state on Saturday.",
            "Mainok",
            "NG",
            "Borno",
        ),
        ("Gunmen killed five people in the village of Xyzabad in Borno state.", "Xyzabad", "NG", "Borno"),
        (
            "Gunmen killed five villagers in Xyzabad village, Ghazni province, Afghanistan.",
            "Xyzabad",
            "AF",
            "Ghazni",
        ),
    ],
)
def test_unknown_village_keeps_its_name_and_the_area_the_text_gives(pipeline, text, village, cc, admin1):
    locs = locations(pipeline, text)
    v = next(p for p in locs if p.text == village)
    assert v.status == "unresolved" and v.lat is None
    assert (v.country, v.admin1) == (cc, admin1)
    # the area stays with its point; no country centroid is passed off as the place
    assert any(p.feature == "admin1" and p.lat is not None for p in locs)
    assert not any(p.feature == "country" for p in locs)


@pytest.mark.parametrize(
    ("text", "cc", "admin1"),
    [
        ("Gunmen killed five people in Xyzabad, a village in Borno state, on Saturday.", "NG", "Borno"),
        ("In Borno state, gunmen killed five people in Xyzabad on Saturday.", "NG", "Borno"),
        (
            "Gunmen attacked Xyzabad on Saturday and killed five people, officials in Borno state said.",
            "NG",
            "Borno",
        ),
        (
            "Militants killed five civilians on Saturday in Xyzabad in the north of Aleppo province.",
            "SY",
            "Aleppo",
        ),
    ],
)
def test_unknown_village_takes_the_area_the_event_names_elsewhere(pipeline, text, cc, admin1):
    locs = locations(pipeline, text)
    v = next(p for p in locs if p.text == "Xyzabad")
    assert v.status == "unresolved" and v.lat is None and v.feature is None
    assert (v.country, v.admin1) == (cc, admin1)
    assert not any(p.feature == "country" for p in locs), locs


@pytest.mark.parametrize(
    "text",
    [
        "British troops killed five fighters near Xyzabad on Saturday.",
        "American drones killed five fighters near Xyzabad on Saturday.",
    ],
)
def test_a_party_s_country_is_not_the_village_s(pipeline, text):
    """The country a demonym or party gives is the event's, inferred; the village stays unplaced."""
    locs = locations(pipeline, text)
    v = next(p for p in locs if p.text == "Xyzabad")
    assert v.lat is None and v.country is None
    assert all(p.status == "inferred" for p in locs if p.feature == "country")


@pytest.mark.parametrize(
    ("text", "not_place"),
    [
        ("A drone attack killed two people in Odesa, the Kyiv Independent reported.", "Kyiv"),
        ("The Kyiv Independent said a drone attack killed two people in Odesa.", "Kyiv"),
        ("A bomb killed four people in Mosul, the Jordan Times reported.", "Jordan"),
        ("The Sydney Morning Herald said gunmen killed three people in Lagos.", "Sydney"),
        ("Militants from the Khorasan Province group attacked a mosque, killing 40.", "Khorasan Province"),
        ("Fighters of the Sinai Province group killed five soldiers in Arish.", "Sinai"),
    ],
)
def test_names_of_outlets_and_groups_are_not_the_event_place(pipeline, text, not_place):
    locs = locations(pipeline, text)
    assert not any(p.text == not_place for p in locs), locs


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Gunmen attacked worshippers during Eid prayers in Kabul, killing six.", "Kabul"),
        ("A suicide bomber killed 20 people at a Christmas market in Berlin.", "Berlin"),
        ("Militants attacked a church in Lahore on Easter Sunday, killing 70.", "Lahore"),
        ("A car bomb killed 30 people in Baghdad during Ramadan.", "Baghdad"),
    ],
)
def test_holidays_are_not_places(pipeline, text, town):
    locs = locations(pipeline, text)
    assert {p.within or p.text for p in locs} == {town}, locs  # the town, or a spot in it


@pytest.mark.parametrize(
    "text",
    [
        "Fighting flared on Monday in Kismayo.\nSoldiers killed five militants, the army said.",
        "Residents of Kismayo fled on Monday.\nGunmen killed five soldiers, officials said.",
        "The port of Kismayo was calm.\nAl-Shabaab fighters ambushed a convoy, killing five soldiers.",
    ],
)
def test_the_one_town_an_article_names_over_the_country(pipeline, text):
    (res,) = list(pipeline.process([Article(id="t", text=text)]))
    ev = next(e for e in res.events if "killing" in e.evidence.text or "killed" in e.evidence.text)
    assert [p.name for p in ev.locations] == ["Kismayo"], ev.locations


def test_two_towns_leave_the_event_unplaced(pipeline):
    text = "Fighting flared in Kismayo and in Baidoa.\nGunmen killed five soldiers, officials said."
    (res,) = list(pipeline.process([Article(id="t", text=text)]))
    ev = next(e for e in res.events if "killed" in e.evidence.text)
    assert not any(p.feature == "city" for p in ev.locations), ev.locations


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed six worshippers on Eid al-Adha.",
        "A suicide bomber killed 12 mourners marking Ashura.",
        "Gunmen attacked a market on Easter, killing four.",
        "Bombers struck churches on Christmas Day, killing 30.",
    ],
)
def test_a_holiday_alone_gives_no_place(pipeline, text):
    (res,) = list(pipeline.process([Article(id="t", text=text)]))
    assert not res.places, res.places
    assert not any(p.text for e in res.events for p in e.locations), res.events


def test_a_place_named_after_a_holiday_stays_a_place(pipeline):
    locs = locations(pipeline, "Gunmen killed six people on Christmas Island.")
    assert [p.name for p in locs] == ["Christmas Island"]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked a market in Maiduguri on Friday. The attack in Maiduguri killed 12 people.",
        "Suicide bombers struck Maiduguri on Friday, killing 12. Maiduguri has been hit before.",
        "ATTACK IN MAIDUGURI KILLS 12\nGunmen attacked a market in Maiduguri on Friday, killing 12 people.",
    ],
)
def test_a_place_named_twice_is_one_location(pipeline, text):
    (res,) = list(pipeline.process([Article(id="t", text=text)]))
    event = res.events[0]
    named = [p for p in event.locations if p.name == "Maiduguri"]
    assert len(named) == 1, event.locations
    assert text[named[0].start : named[0].end].casefold() == "maiduguri"
    # the mention kept is the one in the evidence sentence, where the text says it
    assert event.evidence.start <= named[0].start < event.evidence.end
