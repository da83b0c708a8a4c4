"""A river named as a country is ("the Niger River", "le fleuve Niger", "the river Congo") is not that
country; a town's river ("the Sacramento River") stays a mention of the town, as geoparsing gold has
it. English and French, several phrasings; a plain country name stays a place."""

from __future__ import annotations

import pytest

from polemos.pipeline import Pipeline
from polemos.types import Article

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def places(pipeline: Pipeline, text: str) -> list[tuple[str | None, str | None]]:
    (res,) = list(pipeline.process([Article(id="t", text=text)]))
    return [(p.name, p.country) for p in res.places]


@pytest.mark.parametrize(
    "text, river, town",
    [
        ("Gunmen attacked a passenger boat on the Niger River near Timbuktu, killing 49 civilians.",
         "Niger", "Timbuktu"),
        ("Militants ambushed a convoy by the Congo river near Mbandaka on Monday, killing five soldiers.",
         "Congo", "Mbandaka"),
        ("Rebels crossed the river Congo and attacked a village near Mbandaka, killing five people.",
         "Congo", "Mbandaka"),
        ("Des hommes armés ont attaqué un bateau sur le fleuve Niger près de Tombouctou, tuant 49 civils.",
         "Niger", "Timbuktu"),
        ("Une embarcation a été attaquée sur le fleuve Sénégal, près de Kayes, faisant trois morts.",
         "Senegal", "Kayes"),
    ],
)  # fmt: skip
def test_a_river_is_no_place(pipeline, text, river, town):
    found = places(pipeline, text)
    assert all(name != river for name, _ in found), found
    assert any(name == town for name, _ in found), found


@pytest.mark.parametrize(
    "text, town",
    [
        ("Volunteers cleaned up the banks of the Sacramento River on Saturday.", "Sacramento"),
        ("Beers and sofas were found in the Kanawha River near Charleston.", "Kanawha County"),
    ],
)
def test_a_towns_river_stays_the_town(pipeline, text, town):
    assert any(name == town for name, _ in places(pipeline, text))


@pytest.mark.parametrize(
    "text, country",
    [
        ("Soldiers clashed with militants in Niger on Thursday, the army said.", "NE"),
        ("Des soldats ont été tués jeudi au Niger, selon l'armée.", "NE"),
        # the model tags "Niger" as a date here: a country's own name is the country
        ("Police arrested 20 people in Niger on Monday.", "NE"),
        ("Gunmen killed 12 villagers in Mali in May.", "ML"),
    ],
)
def test_the_country_named_plainly_stays(pipeline, text, country):
    assert any(cc == country for _, cc in places(pipeline, text))
