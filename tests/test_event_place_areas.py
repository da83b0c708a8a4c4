"""The event's place inside an area the text names (issue 12): a post or a checkpoint in "X
province" placed in that area at its precision, a spelling-drift reading outside the area an
apposition gives, and villages the text names as such."""

from __future__ import annotations

import pytest

from polemos.pipeline import Pipeline
from polemos.types import Article


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def result(pipeline: Pipeline, text: str):
    (res,) = list(pipeline.process([Article(id="t", text=text)]))
    assert res.events, text
    return res


@pytest.mark.parametrize(
    ("text", "cc", "admin1"),
    [
        ("Militants attacked an army checkpoint in Kunar province, killing four soldiers.", "AF", "Kunar"),
        ("Gunmen stormed a military base in Borno state, killing 12 soldiers.", "NG", "Borno"),
        ("Jihadists overran a base in Tillaberi region, killing 30 soldiers.", "NE", "Tillaberi"),
        ("Insurgents attacked a checkpoint in Helmand, killing three.", "AF", "Helmand"),
    ],
)
def test_a_post_in_an_area_is_placed_in_it_at_the_areas_precision(pipeline, text, cc, admin1):
    locs = list(result(pipeline, text).events[0].locations)
    spot = next(p for p in locs if p.feature == "landmark")
    assert (spot.country, spot.admin1, spot.within) == (cc, admin1, admin1), locs
    assert spot.status == "approximate" and spot.precision == "admin1", spot


def test_a_post_in_a_town_stays_near_the_town(pipeline):
    text = "Militants attacked a police checkpoint in Kandahar on Monday, killing four officers."
    spot = next(p for p in result(pipeline, text).events[0].locations if p.feature == "landmark")
    assert spot.within == "Kandahar" and spot.precision == "near", spot


@pytest.mark.parametrize(
    "text",
    [
        "LRA Attack January 10, 2015 | Rafai, Mbomou, CAR",
        "LRA fighters attacked Rafai, Mbomou, killing two.",
    ],
)
def test_no_spelling_drift_outside_the_container_the_text_gives(pipeline, text):
    res = result(pipeline, text)
    rafai = next(p for p in res.places if p.text == "Rafai")
    assert rafai.lat is None and rafai.status == "unresolved", rafai
    assert (rafai.country, rafai.admin1) == ("CF", "Mbomou"), rafai


def test_a_known_name_in_its_container_still_resolves(pipeline):
    (res,) = list(pipeline.process([Article(id="t", text="A tornado killed two in Paris, Texas.")]))
    paris = next(p for p in res.places if p.text == "Paris")
    assert (paris.country, paris.admin1) == ("US", "Texas"), paris


@pytest.mark.parametrize(
    ("text", "village", "cc", "admin1"),
    [
        (
            "Gunmen attacked the village of Qaryat Zizi in Kunar province, killing three civilians.",
            "Qaryat Zizi",
            "AF",
            "Kunar",
        ),
        ("Militants stormed the village of Ein Tarma, killing four.", "Ein Tarma", None, None),
        ("Troops entered the town of Mainok after clashes that killed five.", "Mainok", None, None),
    ],
)
def test_a_name_the_text_calls_a_village_is_a_place(pipeline, text, village, cc, admin1):
    res = result(pipeline, text)
    assert village in [p.text for p in res.places], res.places
    v = next(p for p in res.events[0].locations if p.text == village)
    assert v.lat is None and v.status == "unresolved", v
    assert (v.country, v.admin1) == (cc, admin1), v
