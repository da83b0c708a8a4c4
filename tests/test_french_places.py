"""French event places: a village the gazetteer lacks keeps its name, unresolved, with the country and
admin1 area the text gives; containers, borders, road ends and a mayor's town are not the event's
place; institutions are no places. Hand-made sentences (invented villages), several phrasings each."""

from __future__ import annotations

from datetime import date

import pytest

from polemos.lang import bundle
from polemos.lang.fr.situate import same_name
from polemos.types import Article, Event, PlaceRef

SATURDAY = date(2024, 3, 9)


def main(text: str) -> Event:
    b = bundle("fr")
    assert b.load is not None and b.analyse is not None
    doc = b.load()(text)
    res = b.analyse(doc, Article(id="t", text=text, published=SATURDAY, outlet="Test"))
    events = [e for e in res.events if e.type == "ASSAULT"]
    assert events, f"no attack in {text!r}"
    return events[0]


def village(e: Event, name: str) -> PlaceRef:
    found = [p for p in e.locations if p.text == name]
    assert found, (name, e.locations)
    return found[0]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "cc", "admin1"),
    [
        (
            "Des hommes armés ont attaqué samedi le village de Kobadiéré, dans la région de Tillabéri, "
            "tuant douze civils.",
            "Kobadiéré",
            "NE",
            "Tillaberi",
        ),
        (
            "« Les assaillants ont tué au moins 15 personnes à Kobadiéré », un village du département "
            "de Ouallam, a déclaré un élu local.",
            "Kobadiéré",
            "NE",
            "Tillaberi",
        ),
        (
            "Des jihadistes ont tué vingt civils samedi à Kobadiéré, une localité de la région de "
            "Tillabéri, selon une source sécuritaire.",
            "Kobadiéré",
            "NE",
            "Tillaberi",
        ),
        (
            "Le massacre a été perpétré à Kobadiéré, une localité du département de l'Artibonite, "
            "où un gang a tué au moins 30 personnes.",
            "Kobadiéré",
            "HT",
            "Artibonite",
        ),
    ],
)
def test_unknown_village_keeps_its_name_and_the_area_the_text_gives(
    text: str, name: str, cc: str, admin1: str
) -> None:
    e = main(text)
    v = village(e, name)
    assert v.status == "unresolved" and v.lat is None
    assert (v.country, v.admin1) == (cc, admin1)
    # the container only says where the village is: not an event place of its own
    assert not any(p.feature == "city" for p in e.locations), e.locations


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Des hommes armés ont attaqué les villages de Kobadiéré et Sinagodar dans la préfecture de Ouallam "
        "au Niger, tuant 40 personnes.",
        "Les villages de Kobadiéré et Sinagodar, dans la région de Tillabéri, ont été attaqués samedi par "
        "des jihadistes qui ont tué 40 personnes.",
    ],
)
def test_a_list_of_villages_shares_its_container(text: str) -> None:
    e = main(text)
    for name in ("Kobadiéré", "Sinagodar"):
        v = village(e, name)
        assert (v.country, v.admin1, v.lat) == ("NE", "Tillaberi", None)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "not_place"),
    [
        (
            "Des hommes armés ont tué dix civils samedi à Kobadiéré, un village frontalier du Mali, "
            "dans la région de Tillabéri.",
            "Mali",
        ),
        (
            "Un gang a tué 25 personnes à Kobadiéré, une localité située sur la route reliant Port-au-Prince "
            "à Cap-Haïtien, dans le département de l'Artibonite.",
            "Port-au-Prince",
        ),
        (
            "Des jihadistes ont tué 30 villageois samedi à Kobadiéré, près de la frontière avec le Mali, "
            "dans la région de Tillabéri.",
            "Mali",
        ),
    ],
)
def test_references_are_not_the_event_place(text: str, not_place: str) -> None:
    e = main(text)
    assert not any(p.text == not_place for p in e.locations), e.locations
    assert any(p.text == "Kobadiéré" for p in e.locations)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Des jihadistes ont attaqué samedi le village de Kobadiéré, dans le nord-ouest du Niger, tuant "
        "dix civils. Le maire de Kobadiéré a confirmé le bilan.",
        "Dix civils ont été tués samedi à Kobadiéré au Niger. Le Niger est régulièrement visé par des "
        "attaques jihadistes.",
    ],
)
def test_the_country_the_text_gives(text: str) -> None:
    v = village(main(text), "Kobadiéré")
    assert v.country == "NE" and v.lat is None


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Un gang a tué 20 personnes à Kobadiéré, a indiqué le Haut-Commissariat de l'ONU aux droits de "
        "l'homme dans un communiqué.",
        "Des jihadistes ont tué 20 personnes à Kobadiéré, s'est indigné le chef de l'État nigérien.",
    ],
)
def test_institutions_are_no_places(text: str) -> None:
    e = main(text)
    assert [p.text for p in e.locations] == ["Kobadiéré"], e.locations


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Tchoma Bangou", "Tchombangou", True),
        ("Tchomo-Bangou", "Tchoma Bangou", True),
        ("Zaroumdareye", "Zaroumadareye", True),
        ("Kobadiéré", "Kobadiere", True),
        ("Zaroumdareye", "Tchombangou", False),
        ("Gao", "Goa", False),
    ],
)
def test_spellings_of_one_village_meet(a: str, b: str, same: bool) -> None:
    assert same_name(a, b) is same
