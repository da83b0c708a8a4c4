"""French stories name a place by the state's administrative unit: Mali's cercles, the DRC's
territoires, the Central African préfectures, Burkina's provinces ("dans le cercle de Bankass",
"le territoire de Djugu"), often of names the tagger calls an organisation or a foreign word. The
dateline's town is where the story was filed from, not a finer place of the event."""

from __future__ import annotations

import pytest
from french_helpers import read

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Au moins 132 civils ont été tués dans plusieurs villages du cercle de Bankass, dans le centre du"
         " Mali.", "Bankass"),
        ("Des hommes armés ont tué cinq civils dans le territoire de Djugu, en Ituri.", "Djugu"),
        ("Une attaque a fait dix morts dans la préfecture de l'Ouham, selon la Minusca.", "Ouham"),
        ("Des jihadistes ont attaqué un poste militaire dans la province de l'Oudalan.", "Oudalan"),
    ],
)  # fmt: skip
def test_the_unit_names_the_place(text: str, place: str) -> None:
    events = [e for e in read(text).events if e.type == "ASSAULT"]
    assert events, text
    assert any(p.name == place for p in events[0].locations), events[0].locations


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("BAMAKO (AFP) - Au moins 132 civils ont été tués dans la nuit de samedi à dimanche dans plusieurs"
         " villages du cercle de Bankass, a annoncé lundi le gouvernement.", "Bankass"),
        ("NIAMEY (AFP) - Des hommes armés ont tué dix civils dans des villages de la région de Tillabéri,"
         " selon les autorités.", "Tillaberi"),
    ],
)  # fmt: skip
def test_the_dateline_is_no_finer_place(text: str, place: str) -> None:
    events = [e for e in read(text).events if e.type == "ASSAULT"]
    assert events
    names = [p.name for p in events[0].locations]
    assert place in names and "Bamako" not in names and "Niamey" not in names, names


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # no country named, only its provinces: a small town abroad of the name is not the place
        ("Ituri : au moins 45 morts dans une attaque contre le site de déplacés de Lala, en territoire de"
         " Djugu.", "Lala", "CD"),
        ("Sud-Kivu : trois civils tués par des hommes armés à Lala, territoire de Fizi.", "Lala", "CD"),
    ],
)  # fmt: skip
def test_a_story_of_one_countrys_provinces(text: str, name: str, country: str) -> None:
    found = [p for p in read(text).places if p.text == name]
    assert found and all(p.country == country for p in found), found
