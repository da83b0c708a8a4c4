"""French articles: a seizure, a protest or an arrest told by the headline and again by the lead is one
event; two of them that differ on doer, place or day stay two. Hand-made articles, several phrasings."""

from __future__ import annotations

import pytest
from french_helpers import read

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Nord-Kivu : le M23 s'empare de la cité de Rubaya\n\nLes rebelles du M23 ont pris le contrôle mardi"
         " de la cité minière de Rubaya, dans le territoire de Masisi, selon des sources sécuritaires.",
         "COERCE"),
        ("Tchad : la police disperse une manifestation de l'opposition à N'Djamena\n\nUne manifestation de"
         " partisans de l'opposition a réuni samedi plusieurs centaines de personnes à N'Djamena.",
         "PROTEST"),
        ("Mali : des jihadistes s'emparent de la ville de Boni\n\nDes jihadistes ont pris jeudi le contrôle"
         " de la ville de Boni, dans le centre du pays, selon des sources locales.",
         "COERCE"),
        ("Niger : manifestation contre la vie chère à Niamey\n\nDes milliers de personnes ont manifesté"
         " dimanche à Niamey contre la hausse des prix, selon des journalistes sur place.",
         "PROTEST"),
    ],
)  # fmt: skip
def test_headline_and_lead_are_one_event(text: str, type_: str) -> None:
    events = read(text).events
    told = [e for e in events if e.type == type_]
    first = told[0]
    assert len(told) == 1, [(e.type, e.trigger.text) for e in events]
    # the lead tells it whole: its sentence is the evidence, the headline a mention
    assert first.evidence.start > text.index("\n")
    assert any(m.start < text.index("\n") and "headline and lead" in m.reasons for m in first.mentions)


@pytest.mark.parametrize(
    "text",
    [
        # two towns
        "Mali : des jihadistes s'emparent de la ville de Boni\n\nDes jihadistes ont pris jeudi le contrôle de"
        " la ville de Douentza, selon des sources locales.",
        # two days, two cities
        "Des milliers de personnes ont manifesté lundi à Niamey. Des centaines de personnes ont manifesté"
        " vendredi à Zinder contre la hausse des prix.",
    ],
)
def test_two_of_them_stay_two(text: str) -> None:
    events = read(text).events
    types = [e.type for e in events]
    assert len(events) >= 2 and types.count(events[0].type) >= 2, [(e.type, e.trigger.text) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "Haïti : la police arrête un chef de gang présumé à Port-au-Prince\n\nLa Police nationale d'Haïti a"
        " arrêté vendredi à Port-au-Prince un chef de gang présumé, a annoncé samedi un porte-parole.",
        "L'armée arrête trois suspects à Gao\n\nLes FAMa ont arrêté trois suspects jeudi à Gao, selon des"
        " sources sécuritaires.",
    ],
)
def test_one_state_s_force_under_two_names_is_one_doer(text: str) -> None:
    arrests = [e for e in read(text).events if e.mode == "arrest"]
    assert len(arrests) == 1, arrests


@pytest.mark.parametrize(
    ("text", "crime"),
    [
        ("La police a arrêté vendredi à Port-au-Prince un chef de gang recherché pour plusieurs enlèvements.",
         "enlèvements"),
        ("Un homme soupçonné d'assassinat a été arrêté jeudi à Gao.", "assassinat"),
        ("Le tribunal a condamné mardi à Bamako un ancien milicien pour meurtre.", "meurtre"),
    ],
)  # fmt: skip
def test_the_crime_someone_is_held_for_is_no_event(text: str, crime: str) -> None:
    for e in read(text).events:
        assert e.trigger.text != crime, e
