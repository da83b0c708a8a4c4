"""French places in the country the text names: a small town abroad is no reading of a name in a story
about another country (the village stays, unresolved, in the text's country); a compass word is a
direction in the named country, never another country's area of that name; an apposition ("un village
du département de …") makes a name the model took for a person a place. Hand-made sentences (invented
or borrowed village names), several phrasings each."""

from __future__ import annotations

from datetime import date

import pytest

from polemos.lang import bundle
from polemos.lang.fr.places import DIRECTIONS, demonym_countries
from polemos.resolve.gazetteer_names import fold
from polemos.types import Article, ArticleResult, PlaceRef

SATURDAY = date(2024, 3, 9)


def read(text: str) -> ArticleResult:
    b = bundle("fr")
    assert b.load is not None and b.analyse is not None
    return b.analyse(b.load()(text), Article(id="t", text=text, published=SATURDAY, outlet="Test"))  # type: ignore[no-any-return]


def place(res: ArticleResult, name: str) -> PlaceRef:
    found = [p for p in res.places if p.text == name]
    assert found, (name, res.places)
    return found[0]


def event_countries(res: ArticleResult) -> set[str | None]:
    return {p.country for e in res.events for p in e.locations}


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("Des soldats nigériens ont été tués.", {"NE"}),
        ("L'armée malienne et les FACA centrafricaines", {"ML", "CF"}),
        ("des militaires burkinabè", {"BF"}),
        ("les autorités haïtiennes", {"HT"}),
        ("une patrouille nigériane", {"NG"}),
        ("Des hommes armés ont tué dix civils.", set()),
        ("les médias français", set()),  # the language too: no evidence of a country
    ],
)
def test_french_adjectives_of_nationality_name_countries(text: str, countries: set[str]) -> None:
    assert demonym_countries(text) == countries


def test_compass_words() -> None:
    for word in ("Nord-Ouest", "nord-est", "Sud", "Centre-Nord", "Extrême-Nord", "Est"):
        assert fold(word) in DIRECTIONS
    for word in ("Nord-Kivu", "Tillabéri", "Sahel"):
        assert fold(word) not in DIRECTIONS


@pytest.mark.slow
def test_english_resolution_does_not_opt_in() -> None:
    """The shared resolver leaves a text as it always read it unless a bundle asks (English: never)."""
    from polemos.resolve.places import resolve_places

    text = "Central African Republic: rebels kill five civilians in Goya"
    spans = [(0, 24, False), (text.index("Goya"), len(text), False)]
    before = resolve_places(text, spans)
    assert before[1].country == "AR"
    after = resolve_places(text, spans, named_countries=frozenset())
    assert after[1].country is None and after[1].lat is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "cc"),
    [
        ("Centrafrique : des rebelles tuent cinq civils à Goya", "Goya", "CF"),
        ("RCA : des rebelles tuent cinq civils à Goya", "Goya", "CF"),
        ("Centrafrique : deux morts dans une attaque à Kolo", "Kolo", "CF"),
        ("Au Mali, des hommes armés ont tué sept civils à Goya.", "Goya", "ML"),
        (
            "Des soldats maliens ont été tués dans une embuscade près de Goya, dans le centre du pays.",
            "Goya",
            "ML",
        ),
        ("Centrafrique : des hommes armés attaquent le village de Pandé, dix morts", "Pandé", "CF"),
        ("Niger : des hommes armés tuent dix civils à Goya, dans la région de Tillabéri", "Goya", "NE"),
    ],
)
def test_a_village_is_in_the_country_the_text_names(text: str, name: str, cc: str) -> None:
    res = read(text)
    p = place(res, name)
    assert p.country == cc and p.lat is None, p  # no foreign namesake: unresolved, in the named country
    assert event_countries(res) <= {cc}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "cc"),
    [
        ("Mali : des jihadistes tuent huit civils, une manifestation à Paris", "Paris", "FR"),
        ("Des soldats nigériens ont été tués lors d'une embuscade près de Kolo.", "Kolo", "NE"),  # Kollo
    ],
)
def test_a_big_town_abroad_or_a_town_of_the_named_country_stays(text: str, name: str, cc: str) -> None:
    p = place(read(text), name)
    assert p.country == cc and p.lat is not None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "cc"),
    [
        ("Centrafrique : affrontements meurtriers dans le Nord-ouest", "Nord-ouest", "CF"),
        ("Au Mali, des jihadistes ont tué douze villageois dans le Nord-Est, selon une source locale.",
         "Nord-Est", "ML"),
        ("Tchad : une attaque de Boko Haram fait dix morts dans le Nord-Ouest", "Nord-Ouest", "TD"),
    ],
)  # fmt: skip
def test_a_compass_word_is_a_direction_in_the_named_country(text: str, name: str, cc: str) -> None:
    res = read(text)
    p = place(res, name)
    assert p.country == cc and p.lat is None and p.feature is None, p
    assert event_countries(res) <= {cc}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "cc", "admin1"),
    [
        ("Haïti : des gangs tuent 20 personnes dans le Nord-Est", "Nord-Est", "HT", "Nord-Est"),
        ("Burkina : des jihadistes tuent quinze civils dans le Centre-Nord", "Centre-Nord", "BF",
         "Centre-Nord"),
        ("Des affrontements ont fait dix morts dans le Nord-Ouest du Cameroun.", "Nord-Ouest", "CM",
         "North-West"),
    ],
)  # fmt: skip
def test_a_named_area_of_the_named_country_matches(text: str, name: str, cc: str, admin1: str) -> None:
    p = place(read(text), name)
    assert (p.country, p.admin1, p.feature) == (cc, admin1, "admin1")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "cc", "admin1"),
    [
        ("Xyzabadou, un village du département de Ouallam, a été attaqué samedi par des hommes armés qui "
         "ont tué dix civils.", "Xyzabadou", "NE", "Tillaberi"),
        ("Des hommes armés ont tué huit civils à Kabadou Gorou, une localité de la commune de "
         "Tondikiwindi, au Niger, selon une source locale.", "Kabadou Gorou", "NE", None),
        ("Dix civils ont été tués samedi à Kabadou Gorou, un hameau du département de Ouallam.",
         "Kabadou Gorou", "NE", "Tillaberi"),
        ("Xyzabadou, une petite localité de la région de Tillabéri, a été attaquée par des jihadistes qui "
         "ont tué douze civils.", "Xyzabadou", "NE", "Tillaberi"),
    ],
)  # fmt: skip
def test_an_apposition_makes_a_name_a_place(text: str, name: str, cc: str, admin1: str | None) -> None:
    res = read(text)
    p = place(res, name)
    assert p.lat is None and p.country == cc and p.admin1 == admin1, p
    assert any(q.text == name for e in res.events for q in e.locations), res.events


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cc"),
    [
        ("Niger : affrontements meurtriers entre l'armée et des jihadistes dans l'ouest", "NE"),
        ("Burkina Faso : violents combats entre l'armée et des jihadistes", "BF"),
        ("RD Congo : une attaque des ADF fait vingt morts", "CD"),
    ],
)
def test_a_headline_rubric_places_its_sentence(text: str, cc: str) -> None:
    """ "Niger : …": the rubric names where the headline's event is, though the parser cuts after it."""
    assert cc in event_countries(read(text))


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "RCA : au moins 19 morts dans une attaque près du village Kouki, dans le Nord-ouest",
        "Centrafrique : dix morts dans une attaque près du village Kouki",
        "Des rebelles ont tué dix civils dans la localité Kouki, en Centrafrique.",
    ],
)
def test_a_place_noun_before_a_name_and_no_near_spelling_abroad(text: str) -> None:
    """ "le village Kouki": a place, and no big town abroad of a near spelling (Kanggye) is it."""
    p = place(read(text), "Kouki")
    assert p.country == "CF" and p.lat is None, p


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("Basse Kotto : au moins six morts dans des affrontements entre rebelles et milices", "Basse Kotto",
         "Basse-Kotto"),
        ("Haut-Mbomou : des rebelles tuent cinq civils", "Haut-Mbomou", "Haut-Mbomou"),
    ],
)  # fmt: skip
def test_upper_and_lower_areas_are_one_name(text: str, name: str, admin1: str) -> None:
    p = place(read(text), name)
    assert (p.country, p.admin1) == ("CF", admin1)
