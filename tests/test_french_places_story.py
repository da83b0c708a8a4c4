"""French event places across a story (issue 15): a village the gazetteer lacks is told several times
and every mention keeps the admin1 area one of them was given; the story's violent parts told without
a place of their own (houses burnt, a fight with the police during the attack) are at the story's
village; hyphenated saints' names after "à"/"de" are towns ("St-Marc", "Sainte-Rose"), a feast or
the Holy See are none. Hand-made sentences with invented villages, several phrasings each, negatives."""

from __future__ import annotations

import pytest
from french_helpers import read

from polemos.lang.fr.places import french_gazetteer, saint_spans
from polemos.lang.fr.situate import situate
from polemos.types import PlaceRef


def unknown(text: str, name: str, cc: str | None = None, admin1: str | None = None) -> PlaceRef:
    start = text.index(name)
    return PlaceRef(name, start, start + len(name), country=cc, admin1=admin1, status="unresolved")


# -- one sense per story, both ways (no model) -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "first", "later"),
    [
        (
            "Des bandits ont attaqué Bois-Rouge, dans le centre du pays. Bois-Rouge, dans la région de "
            "l'Artibonite, avait déjà été visé.",
            "Bois-Rouge",
            ("HT", None),
            ("HT", "Artibonite"),
        ),
        (
            "Vingt civils ont été tués à Kobadiéré. Kobadiéré, dans la région de Tillabéri, est isolé.",
            "Kobadiéré",
            (None, None),
            ("NE", "Tillaberi"),
        ),
    ],
)
def test_a_village_told_again_shares_its_admin1(
    text: str, name: str, first: tuple[str | None, str | None], later: tuple[str, str]
) -> None:
    a = unknown(text, name, *first)
    k = text.index(name, a.end)
    b = PlaceRef(name, k, k + len(name), country=later[0], admin1=later[1], status="unresolved")
    out, _ = situate(text, [a, b])
    assert [(p.country, p.admin1) for p in out] == [later, later]


def test_another_country_s_village_of_the_same_name_keeps_its_own() -> None:
    text = "Des bandits ont attaqué Bois-Rouge. Bois-Rouge, au Canada, n'a rien à voir."
    a = unknown(text, "Bois-Rouge", "HT", None)
    k = text.index("Bois-Rouge", a.end)
    b = PlaceRef("Bois-Rouge", k, k + 10, country="CA", admin1="Quebec", status="unresolved")
    out, _ = situate(text, [a, b])
    assert (out[0].country, out[0].admin1) == ("HT", None)


def test_different_villages_do_not_share() -> None:
    text = "Des bandits ont attaqué Bois-Rouge. Kobadiéré, dans la région de l'Artibonite, est calme."
    a = unknown(text, "Bois-Rouge", "HT", None)
    b = unknown(text, "Kobadiéré", "HT", "Artibonite")
    out, _ = situate(text, [a, b])
    assert out[0].admin1 is None


# -- saints' names (no model) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le commissaire du gouvernement de St-Marc a confirmé le bilan.", "St-Marc"),
        ("Les blessés ont été transportés à Saint-Nicolas-du-Port jeudi.", "Saint-Nicolas-du-Port"),
        ("Des tirs ont été entendus près de Sainte-Rose, selon la police.", "Sainte-Rose"),
        ("Le convoi roulait en direction de Ste-Anne quand il a été attaqué.", "Ste-Anne"),
    ],
)
def test_a_hyphenated_saint_after_a_locative_is_a_town(text: str, name: str) -> None:
    assert [text[a:b] for a, b, _ in saint_spans(text, [])] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Les combats ont repris après la Saint-Jean.",
        "Le Saint-Siège a appelé au calme.",
        "Des Saint-Cyriens ont défilé.",
        "Saint Marc a écrit un évangile.",
    ],
)
def test_feasts_and_the_holy_see_are_no_towns(text: str) -> None:
    assert saint_spans(text, []) == []


def test_a_known_span_is_not_taken_twice() -> None:
    text = "Des tirs à St-Marc."
    a = text.index("St-Marc")
    assert saint_spans(text, [(a, a + 7, False)]) == []


@pytest.mark.slow
@pytest.mark.parametrize(("short", "full"), [("st marc", "saint marc"), ("ste rose", "sainte rose")])
def test_st_and_ste_read_as_saint_and_sainte(short: str, full: str) -> None:
    g = french_gazetteer()
    found = g.lookup(full)
    if not found:
        pytest.skip(f"the gazetteer has no {full!r}")
    assert g.lookup(short)[:1] == found[:1]


# -- the story's parts without a place of their own (model) ------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Samedi, des bandits ont tué au moins 30 personnes à Kobadiéré, dans le département de "
        "l'Artibonite. Au moins 40 maisons et 12 véhicules ont été incendiés samedi.",
        "Samedi, un gang a tué au moins 30 personnes dans la localité de Kobadiéré, dans la région de "
        "l'Artibonite. Deux des blessés sont des membres du gang touchés samedi lors d'un échange de "
        "tirs avec la police.",
    ],
)
def test_a_part_of_the_story_is_at_the_story_s_village(text: str) -> None:
    events = [e for e in read(text).events if e.type in ("ASSAULT", "FIGHT", "COERCE")]
    assert len(events) >= 2, events
    for e in events:
        assert [p.text for p in e.locations] == ["Kobadiéré"], (e.evidence.text, e.locations)
        assert (e.locations[0].country, e.locations[0].admin1) == ("HT", "Artibonite")


@pytest.mark.slow
def test_another_day_s_attack_without_a_place_takes_none() -> None:
    text = (
        "Samedi, des bandits ont tué au moins 30 personnes à Kobadiéré, dans le département de "
        "l'Artibonite. En janvier 2019, une autre attaque avait fait dix morts."
    )
    events = [e for e in read(text).events if e.type == "ASSAULT"]
    for e in events:
        if "2019" in e.evidence.text:
            assert not e.locations, e.locations


@pytest.mark.slow
def test_a_wide_story_place_is_not_lent() -> None:
    text = (
        "Samedi, des bandits ont tué au moins 30 personnes en Haïti. Au moins 40 maisons ont été "
        "incendiées samedi."
    )
    events = [e for e in read(text).events if e.type == "ASSAULT"]
    burnt = [e for e in events if "maisons" in e.evidence.text and "tué" not in e.evidence.text]
    for e in burnt:  # the story's place is a whole country: nothing local to lend
        assert not any(p.feature == "country" for p in e.locations), e.locations
