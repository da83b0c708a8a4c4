"""A French story's village the gazetteer lacks takes the story's country, and a country named only as
the other side of a border ("une localité proche de la frontière avec le Burkina Faso") is not that
country (issue 12 item 3, issue 15). Hand-made sentences with invented villages, no model."""

from __future__ import annotations

import pytest

from polemos.lang.fr.situate import situate
from polemos.types import PlaceRef


def country(text: str, name: str, cc: str) -> PlaceRef:
    start = text.index(name)
    return PlaceRef(name, start, start + len(name), name=name, lat=1.0, lon=1.0, country=cc,
                    feature="country", precision="country", status="resolved")  # fmt: skip


def unknown(text: str, name: str) -> PlaceRef:
    start = text.index(name)
    return PlaceRef(name, start, start + len(name), status="unresolved")


def village_country(text: str, village: str, countries: list[tuple[str, str]]) -> str | None:
    places = sorted(
        [unknown(text, village)] + [country(text, n, cc) for n, cc in countries], key=lambda p: p.start
    )
    out, _ = situate(text, places)
    return next(p.country for p in out if p.text == village)


@pytest.mark.parametrize(
    "text",
    [
        "Mali : attaque meurtrière\nDes jihadistes ont attaqué Sondoroua, une localité proche de la "
        "frontière avec le Burkina Faso, tuant cinq civils.",
        "Mali : cinq civils tués\nL'attaque a visé Sondoroua, près de la frontière avec la Burkina Faso.",
        "Mali : des civils tués\nSondoroua, un village frontalier du Burkina Faso, a été attaqué lundi.",
    ],
)
def test_the_country_across_the_border_is_not_the_story_s(text: str) -> None:
    other = "la Burkina Faso" if "la Burkina" in text else "Burkina Faso"
    assert village_country(text, "Sondoroua", [("Mali", "ML"), (other.replace("la ", ""), "BF")]) == "ML"


def test_without_the_border_two_countries_named_once_give_none() -> None:
    text = "Mali : attaque\nDes jihadistes ont attaqué Sondoroua, tuant cinq civils. Le Burkina Faso a réagi."
    assert village_country(text, "Sondoroua", [("Mali", "ML"), ("Burkina Faso", "BF")]) is None


def test_a_border_alone_gives_no_country() -> None:
    text = "Des jihadistes ont attaqué Sondoroua, près de la frontière avec le Niger, tuant cinq civils."
    assert village_country(text, "Sondoroua", [("Niger", "NE")]) is None


@pytest.mark.parametrize(
    ("text", "cc"),
    [
        ("Niger : attaque\nKobadiéré, un village frontalier du Mali, a été attaqué samedi.", "NE"),
        ("Niger : attaque\nDes hommes armés ont attaqué Kobadiéré, une localité frontalière du Mali.", "NE"),
    ],
)
def test_the_country_a_village_borders_does_not_hold_it(text: str, cc: str) -> None:
    assert village_country(text, "Kobadiéré", [("Niger", "NE"), ("Mali", "ML")]) == cc


def test_a_border_village_situated_in_an_area_is_in_it() -> None:
    text = "Kobadiéré, une localité frontalière située dans la région de Tillabéri, a été attaquée."
    start = text.index("Tillabéri")
    area = PlaceRef("Tillabéri", start, start + 9, name="Tillaberi", lat=14.0, lon=1.5, country="NE",
                    admin1="Tillaberi", feature="admin1", precision="admin1", status="resolved")  # fmt: skip
    out, containers = situate(text, [unknown(text, "Kobadiéré"), area])
    v = out[0]
    assert (v.country, v.admin1) == ("NE", "Tillaberi")
    assert (area.start, area.end) in containers
