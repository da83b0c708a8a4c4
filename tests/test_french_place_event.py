"""A French event's place (issue 15, issue 12 item 3): the most specific place the text puts the
event at. A dateline ("NIAMEY (AFP) -", "BAMAKO, 3 janvier 2021 (AFP) -") is where the story is filed,
not where the event is when its sentences name a place; "près de X" is near X, not in it; a compass
point ("ses parties Ouest et Sud-Est") is in the story's country, not in the one admin1 area it
names; a village the gazetteer lacks keeps its name, ``status`` unresolved and the admin1/country the
text gives, never a made-up point. Hand-made sentences with invented villages, several phrasings per
construction, and negatives."""

from __future__ import annotations

import pytest
from french_helpers import read

from polemos.lang.fr.event_place import is_french_dateline, not_filed_from, with_nearness
from polemos.lang.fr.situate import situate
from polemos.types import PlaceRef


def _ref(text: str, surface: str, **kw: object) -> PlaceRef:
    start = text.index(surface)
    return PlaceRef(surface, start, start + len(surface), **kw)  # type: ignore[arg-type]


def _niamey(text: str) -> PlaceRef:
    return _ref(text, text.split()[0].strip(","), name="Niamey", lat=13.5, lon=2.1, country="NE",
                feature="city", precision="exact", status="resolved")  # fmt: skip


# -- datelines (no model) ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "NIAMEY (AFP) - Douze civils ont été tués.",
        "Niamey (AFP) — Douze civils ont été tués.",
        "NIAMEY, 3 janvier 2021 (AFP) - Douze civils ont été tués.",
        "Niamey, le 4 oct. 2024 - Douze civils ont été tués.",
        "NIAMEY, 1er mars (Reuters) - Douze civils ont été tués.",
        "Titre\nNIAMEY (AFP) - Douze civils ont été tués.",
    ],
)
def test_a_french_dateline_is_read(text: str) -> None:
    start = text.lower().index("niamey")
    assert is_french_dateline(text, start, start + 6)


@pytest.mark.parametrize(
    "text",
    [
        "Des civils ont fui vers Niamey - la capitale - samedi.",
        "Selon un élu, Niamey (la capitale) - a été épargnée.",
        "Niamey a été épargnée, le 3 janvier 2021.",
    ],
)
def test_a_town_inside_a_line_is_no_dateline(text: str) -> None:
    start = text.index("Niamey")
    assert not is_french_dateline(text, start, start + 6)


@pytest.mark.parametrize(
    ("text", "name", "kw"),
    [
        ("NIAMEY (AFP) - Douze civils tués à Kobadiéré.", "Kobadiéré",
         {"country": "NE", "admin1": "Tillaberi"}),
        ("NIAMEY (AFP) - Douze civils tués à Kobadiéré.", "Kobadiéré", {}),
        ("NIAMEY, 3 janvier 2021 (AFP) - Douze civils tués à Ayorou.", "Ayorou",
         {"lat": 14.7, "lon": 0.9, "country": "NE", "feature": "city", "status": "resolved"}),
        ("NIAMEY (AFP) - Douze soldats tués au Burkina Faso.", "Burkina Faso",
         {"lat": 13.0, "lon": -2.0, "country": "BF", "feature": "country", "status": "resolved"}),
    ],
)  # fmt: skip
def test_the_dateline_gives_way_to_the_event_s_own_place(text: str, name: str, kw: dict[str, object]) -> None:
    own = _ref(text, name, **kw)
    assert not_filed_from(text, [_niamey(text), own]) == [own]


@pytest.mark.parametrize(
    "text",
    [
        "NIAMEY (AFP) - Douze soldats ont été tués dans une embuscade.",
        "NIAMEY, 3 janvier 2021 (AFP) - Douze soldats tués au Niger.",
    ],
)
def test_the_dateline_stays_when_the_event_names_no_place_of_its_own(text: str) -> None:
    line = _niamey(text)
    places = [line]
    if "Niger" in text:
        niger = _ref(text, "Niger", lat=16.0, lon=8.0, country="NE", feature="country", status="resolved")
        places.append(niger)
    assert line in not_filed_from(text, places)


def test_a_town_told_in_the_body_is_never_taken_for_a_dateline() -> None:
    text = "Douze civils ont été tués à Niamey et à Kobadiéré."
    town = _ref(text, "Niamey", lat=13.5, lon=2.1, country="NE", feature="city", status="resolved")
    assert not_filed_from(text, [town, _ref(text, "Kobadiéré", country="NE")])[0] == town


# -- near a town (no model) --------------------------------------------------------------------------


def _town(text: str, name: str) -> PlaceRef:
    return _ref(text, name, name=name, lat=14.7, lon=0.9, country="NE", feature="city", precision="exact",
                status="resolved")  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Douze civils ont été tués près de Ayorou.",
        "Douze civils ont été tués non loin de la ville d'Ayorou.",
        "Douze civils ont été tués aux environs de Ayorou.",
        "Douze civils ont été tués à proximité de la localité de Ayorou.",
        "Douze civils ont été tués à 30 km au nord de Ayorou.",
        "Douze civils ont été tués à une embuscade à 12 kilomètres d'Ayorou.",
    ],
)
def test_near_a_town_is_near(text: str) -> None:
    assert with_nearness(text, [_town(text, "Ayorou")])[0].precision == "near"


@pytest.mark.parametrize(
    "text",
    [
        "Douze civils ont été tués à Ayorou.",
        "Douze civils ont été tués dans la ville de Ayorou.",
        "Les habitants de Ayorou sont partis.",
    ],
)
def test_in_a_town_stays_exact(text: str) -> None:
    assert with_nearness(text, [_town(text, "Ayorou")])[0].precision == "exact"


def test_near_an_unresolved_village_adds_no_point() -> None:
    text = "Douze civils ont été tués près de Kobadiéré."
    village = _ref(text, "Kobadiéré", country="NE")
    assert with_nearness(text, [village]) == [village]


# -- compass points (no model) -----------------------------------------------------------------------

_STORY = (
    "Des hommes armés ont attaqué Kobadiéré samedi. Au Niger, la région de Tillabéri est visée. "
    "Le Niger est en proie à des attaques dans ses parties Ouest et Sud-Est, dans le Nord-Ouest et le Centre."
)


def _story_places() -> list[PlaceRef]:
    def country(k: int) -> PlaceRef:
        i = [m for m in range(len(_STORY)) if _STORY.startswith("Niger", m)][k]
        return PlaceRef("Niger", i, i + 5, name="Niger", lat=16.0, lon=8.0, country="NE", feature="country",
                        status="resolved")  # fmt: skip

    tillaberi = _ref(_STORY, "Tillabéri", name="Tillaberi", lat=14.1, lon=2.1, country="NE",
                     admin1="Tillaberi", feature="admin1", status="resolved")  # fmt: skip
    words = [_ref(_STORY, w) for w in ("Kobadiéré", "Ouest", "Sud-Est", "Nord-Ouest", "Centre")]
    return sorted([country(0), country(1), tillaberi, *words], key=lambda p: p.start)


@pytest.mark.parametrize("word", ["Ouest", "Sud-Est", "Nord-Ouest", "Centre"])
def test_a_compass_point_is_in_the_story_s_country_not_its_one_admin1(word: str) -> None:
    out, _ = situate(_STORY, _story_places())
    (p,) = [q for q in out if q.text == word]
    assert (p.country, p.admin1) == ("NE", None)


def test_a_village_still_takes_the_story_s_one_admin1() -> None:
    out, _ = situate(_STORY, _story_places())
    (p,) = [q for q in out if q.text == "Kobadiéré"]
    assert (p.country, p.admin1) == ("NE", "Tillaberi")


def test_a_compass_point_the_text_places_keeps_that_area() -> None:
    text = "Des attaques ont visé le Sud-Est, dans la région de Tillabéri."
    sud = _ref(text, "Sud-Est")
    tillaberi = _ref(text, "Tillabéri", name="Tillaberi", lat=14.1, lon=2.1, country="NE", admin1="Tillaberi",
                     feature="admin1", status="resolved")  # fmt: skip
    out, _ = situate(text, [sud, tillaberi])
    assert (out[0].country, out[0].admin1) == ("NE", "Tillaberi")


# -- whole articles (model) --------------------------------------------------------------------------


def _event_places(text: str) -> list[tuple[str, str | None, str | None, str]]:
    r = read(text)
    assert r.events, text
    return [(p.text, p.country, p.admin1, p.status) for p in r.events[0].locations]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "NIAMEY (AFP) - Des hommes armés ont attaqué samedi le village de Kobadiéré, dans la région de "
            "Tillabéri, tuant douze civils.",
            [("Kobadiéré", "NE", "Tillaberi", "unresolved")],
        ),
        (
            "NIAMEY (AFP) - Douze civils ont été tués samedi dans une attaque à Ayorou, "
            "dans l'ouest du Niger.",
            [("Ayorou", "NE", "Tillaberi", "resolved")],
        ),
        (
            "BAMAKO, 3 janvier 2021 (AFP) - Douze civils ont été tués samedi à Ayorou, "
            "dans l'ouest du Niger.",
            [("Ayorou", "NE", "Tillaberi", "resolved")],
        ),
        (
            "Port-au-Prince, le 4 octobre 2024 - Des gangs ont tué vingt personnes à Saint-Marc.",
            [("Saint-Marc", "HT", "Artibonite", "resolved")],
        ),
        (
            "BAMAKO (AFP) - Douze soldats ont été tués samedi dans une embuscade au Burkina Faso.",
            [("Burkina Faso", "BF", None, "resolved")],
        ),
        (
            "NIAMEY (AFP) - Douze soldats ont été tués samedi dans une embuscade, a annoncé le ministère.",
            [("NIAMEY", "NE", "Niamey", "resolved")],
        ),
    ],
)
def test_an_article_s_event_is_at_its_own_place_not_its_dateline(
    text: str, want: list[tuple[str, str | None, str | None, str]]
) -> None:
    assert _event_places(text) == want


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Des hommes armés ont tué douze civils samedi dans le village de Kobadiéré, "
        "dans la région de Tillabéri.",
        "Des hommes armés ont tué douze civils samedi à Kobadiéré, dans la région de Tillabéri, au Niger.",
        "Douze civils ont été tués samedi dans l'attaque du village de Kobadiéré, "
        "dans la région de Tillabéri.",
    ],
)
def test_an_unknown_village_keeps_its_name_and_the_text_s_region(text: str) -> None:
    r = read(text)
    (p,) = r.events[0].locations
    assert (p.text, p.country, p.admin1, p.status, p.lat, p.geonameid) == (
        "Kobadiéré", "NE", "Tillaberi", "unresolved", None, None,
    )  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Des jihadistes ont tué douze civils samedi près de Ayorou, dans la région de Tillabéri.",
        "Des jihadistes ont tué douze civils samedi non loin de la ville de Ayorou.",
        "Des jihadistes ont tué douze civils samedi à 30 km au nord de Ayorou.",
    ],
)
def test_an_article_s_event_near_a_town_says_near(text: str) -> None:
    (p,) = read(text).events[0].locations
    assert (p.name, p.precision) == ("Ayorou", "near")


@pytest.mark.slow
def test_the_commune_of_a_village_is_its_place_and_a_compass_point_takes_no_admin1() -> None:
    r = read(
        "Des jihadistes ont attaqué samedi la commune de Kobadiéré, dans l'ouest du Niger, "
        "tuant douze soldats. "
        "La région de Tillabéri est régulièrement visée. "
        "Le Niger est en proie à des attaques dans ses parties Ouest et Sud-Est."
    )
    assert [(p.text, p.country) for p in r.events[0].locations] == [("Kobadiéré", "NE")]
    assert {(p.text, p.admin1) for p in r.places if p.text in ("Ouest", "Sud-Est")} <= {
        ("Ouest", None), ("Sud-Est", None),
    }  # fmt: skip
