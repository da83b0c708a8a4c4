"""The spot in a named place an event is at ("at the Oxford Street bus station", "near the Kabul
police headquarters"): unit cases on place references, and hand-made sentences end to end."""

from __future__ import annotations

from typing import Any

import pytest

from polemos.extraction.sites import narrowed
from polemos.pipeline import Pipeline
from polemos.types import Article, PlaceRef


def _place(text: str, name: str, within: str | None = None) -> PlaceRef:
    start = text.index(name)
    return PlaceRef(
        text=name, start=start, end=start + len(name), name=name, geonameid=1, lat=1.0, lon=2.0,
        country="GB", feature="city", precision="exact", status="resolved", within=within,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "name", "spot"),
    [
        ("The bomb was at the Oxford Street bus station.", "Oxford Street", "Oxford Street bus station"),
        ("A car bomb exploded near the Kabul police headquarters.", "Kabul", "Kabul police headquarters"),
        ("A bomber struck in Baghdad market on Friday.", "Baghdad", "Baghdad market"),
        ("Shells fell on the Aleppo city centre.", "Aleppo", "Aleppo city centre"),
        ("Gunmen stormed a Mogadishu hotel.", "Mogadishu", "Mogadishu hotel"),
    ],
)
def test_a_spot_in_a_named_place(text: str, name: str, spot: str) -> None:
    site = narrowed(_place(text, name), text)
    assert site.text == spot and text[site.start : site.end] == spot
    assert (site.status, site.precision, site.within) == ("approximate", "near", name)
    assert (site.lat, site.lon, site.country) == (1.0, 2.0, "GB")
    assert site.geonameid is None and site.name is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gunmen killed five people in Kano on Sunday.", "Kano"),
        ("Clashes in Aleppo killed 12 people.", "Aleppo"),
        ("Police in Lagos said the attackers fled.", "Lagos"),
        ("Troops entered Mosul and the fighting ended.", "Mosul"),
    ],
)
def test_a_place_that_names_no_spot_stays(text: str, name: str) -> None:
    place = _place(text, name)
    assert narrowed(place, text) is place


def test_a_spot_already_placed_keeps_its_container() -> None:
    text = "The blast hit the Collins Avenue bus station."
    place = _place(text, "Collins Avenue", within="Miami Beach")
    assert narrowed(place, text).within == "Miami Beach"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "spot"),
    [
        (
            "The worst explosion was at the busy Oxford Street bus station in Belfast, where six "
            "people were killed.",
            "Oxford Street bus station",
        ),
        ("A car bomb exploded near the Kabul police headquarters on Monday.", "Kabul police headquarters"),
        ("A suicide bomber killed 12 people in Baghdad market on Friday.", "Baghdad market"),
    ],
)
def test_the_event_is_at_the_spot(pipeline: Pipeline, text: str, spot: str) -> None:
    (res,) = list(pipeline.process([Article(id="t", text=text)]))
    assert res.events, text
    assert spot in [p.text for p in res.events[0].locations]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "target", "place"),
    [
        ("Taliban gunmen attacked Camp Shorabak in Helmand Province on Friday.", "Camp Shorabak", "Helmand"),
        ("Rebels shelled the Hmeimim air base in Latakia.", "the Hmeimim air base", "Hmeimim"),
        ("Militants attacked an army outpost near Kandahar.", "an army outpost", "Kandahar"),
    ],
)
def test_an_attacked_military_post_is_the_target(
    extract_text: Any, sentence: str, target: str, place: str
) -> None:
    (event,) = [e for e in extract_text(sentence)["events"] if e["type"] == "ASSAULT"]
    assert event["target"] is not None and event["target"]["text"] == target
    assert any(place in loc["text"] for loc in event["locations"]), event["locations"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Israeli troops raided the Jenin camp on Monday.",
        "Rebels seized the town of Gao on Sunday.",
    ],
)
def test_a_camp_or_town_taken_is_the_place(extract_text: Any, sentence: str) -> None:
    (event,) = [e for e in extract_text(sentence)["events"] if e["type"] in ("ASSAULT", "COERCE")]
    assert event["target"] is None
    assert event["locations"]
