"""French roles and figures that misread hand-made reports of incidents polemos was never built on:
a group's name running on into "contre le village de X"; a group named inside the done-to's words
("une base de la CPC", "un convoi escorté par les VDP", "dont trois VDP") taken as the doer; what
an attack that is the subject of "viser" / "toucher" hit; numbers in words the tokenizer splits at
their hyphens ("Cinquante-huit")."""

from __future__ import annotations

import pytest
from french_helpers import read

from polemos.types import Event

pytestmark = pytest.mark.slow


def first_violent(text: str) -> Event:
    events = [e for e in read(text).events if e.type == "ASSAULT"]
    assert events, text
    return events[0]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Au moins 30 civils ont été tués lors d'une attaque attribuée à l'État islamique au Sahel contre"
         " le village de Tinabaw.", "l'État islamique au Sahel"),
        ("Une attaque du JNIM contre le camp militaire de Boulkessi a fait dix morts.", "JNIM"),
        ("L'attaque des ADF contre la localité de Biakato a fait douze morts.", "ADF"),
        ("Les jihadistes de l'EIGS près de Ménaka ont tué quatre civils.", "Les jihadistes de l'EIGS"),
    ],
)  # fmt: skip
def test_the_doer_ends_before_another_role(text: str, actor: str) -> None:
    e = first_violent(text)
    assert e.actor is not None and e.actor.text == actor, e.actor


@pytest.mark.parametrize(
    ("text", "not_doer"),
    [
        ("Une frappe de drone a visé lundi une base de la Coalition des patriotes pour le changement (CPC)"
         " près de Bambari.", "CPC"),
        ("Une embuscade tendue mercredi contre un convoi escorté par l'armée et des Volontaires pour la"
         " défense de la patrie (VDP) a fait 47 morts.", "Volontaires"),
        ("Une attaque a fait 12 morts, dont trois membres des FDS, près de Téra.", "FDS"),
        ("L'explosion a touché un véhicule de la MINUSMA près de Kidal, faisant deux morts.", "MINUSMA"),
    ],
)  # fmt: skip
def test_a_group_among_the_done_to_is_no_doer(text: str, not_doer: str) -> None:
    e = first_violent(text)
    assert e.actor is None or not_doer not in e.actor.text, e.actor


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Une frappe de drone a visé lundi une base rebelle près de Bambari.", "une base rebelle"),
        ("L'attaque a visé un poste de police à Gao.", "un poste de police"),
        ("L'explosion a touché un marché de Maiduguri.", "un marché"),
        ("Une attaque menée jeudi contre un camp de déplacés a fait cinq morts.", "un camp de déplacés"),
    ],
)
def test_what_the_attack_hit(text: str, target: str) -> None:
    e = first_violent(text)
    assert e.target is not None and e.target.text.startswith(target), e.target


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Cinquante-huit terroristes ont été tués par l'armée.", 58),
        ("Trente-Cinq civils ont été tués dans l'attaque.", 35),
        ("Vingt-deux personnes ont été tuées jeudi.", 22),
        ("Quatre-vingt-dix personnes ont été tuées dans le massacre.", 90),
        ("Trois cents personnes ont été tuées dans le massacre.", 300),
    ],
)
def test_numbers_in_words_are_whole(text: str, killed: int) -> None:
    e = first_violent(text)
    c = e.counts.get("killed")
    assert c is not None and c.best == killed and all(f.best == killed for f in c.claims or ()), c


@pytest.mark.parametrize(
    "text",
    [
        "Un engin explosif improvisé a explosé lundi au passage d'un véhicule militaire près de Kidal.",
        "Une bombe a explosé jeudi dans un marché de Maiduguri, tuant six personnes.",
        "Une roquette a frappé mardi un quartier de Tripoli, faisant trois morts.",
        "Une mine a tué deux soldats dimanche près de Djibo.",
    ],
)
def test_the_weapon_is_no_doer_nor_the_day_a_target(text: str) -> None:
    e = first_violent(text)
    assert e.actor is None, e.actor
    days = ("lundi", "jeudi", "mardi", "dimanche")
    assert e.target is None or e.target.text.split()[0] not in days, e.target


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Un engin explosif a explosé lundi au passage d'un véhicule militaire.", "un véhicule"),
        ("Une mine a explosé au passage d'un convoi de la Minusma, blessant quatre soldats.", "un convoi"),
    ],
)
def test_what_the_blast_was_set_for(text: str, target: str) -> None:
    e = first_violent(text)
    assert e.target is not None and e.target.text.startswith(target), e.target


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # "Beni" is also a Bolivian department: the FARDC say which country the story is of
        ("Un engin a explosé au passage d'un véhicule des FARDC sur la route de Beni, tuant deux soldats.",
         "CD"),
        ("Les FAMa ont repoussé une attaque à Boni, selon l'armée.", "ML"),
        ("La PNH a arrêté trois suspects à Carrefour, a indiqué la police.", "HT"),
    ],
)  # fmt: skip
def test_a_states_forces_name_its_country(text: str, country: str) -> None:
    places = read(text).places
    assert places and all(p.country == country for p in places), places


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # another town's other spelling in GeoNames ("Boni" of Bonn, "Mambasa" of Mombasa) is not it
        ("Les FAMa ont repoussé une attaque à Boni, selon l'armée.", "Boni", "ML"),
        ("Les FARDC ont repoussé une attaque des ADF à Mambasa, selon l'armée.", "Mambasa", "CD"),
        # a capital abroad by its French name stays that capital
        ("Des soldats maliens ont été formés à Bruxelles.", "Brussels", "BE"),
        ("Une délégation malienne est arrivée à Varsovie.", "Warsaw", "PL"),
    ],
)
def test_another_towns_spelling_abroad(text: str, name: str, country: str) -> None:
    places = read(text).places
    assert any((p.name or p.text) == name and p.country == country for p in places), places


def test_a_place_span_stops_before_the_blank_line() -> None:
    text = "Ituri : 12 morts dans une attaque des ADF à Mambasa\n\nDouze personnes ont été tuées mardi."
    assert [p.text for p in read(text).places if p.text.startswith("Mamb")] == ["Mambasa"]


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Une embuscade a fait 47 morts, dont 30 civils, 14 soldats et trois VDP, a annoncé le gouvernement.",
         47, None),
        ("L'attaque a fait 70 morts, dont une dizaine de femmes et 12 enfants, selon un bilan.", 70, None),
        ("Douze civils ont été tués, dont deux enfants, et 15 autres blessés.", 12, 15),
        ("Au moins 20 personnes ont été tuées dont 5 soldats tandis que 30 ont été blessées.", 20, 30),
    ],
)  # fmt: skip
def test_the_parts_after_dont_are_no_toll_of_their_own(text: str, killed: int, injured: int | None) -> None:
    e = first_violent(text)
    k = e.counts.get("killed")
    assert k is not None and k.best == killed and all(f.best == killed for f in k.claims or ()), k
    i = e.counts.get("injured")
    assert (i.best if i is not None else None) == injured, i


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("La PNH affirme avoir abattu cinq bandits lors d'une opération menée mardi à Gressier.", 11),
        ("Les soldats ont tué trois assaillants au cours d'une patrouille effectuée lundi à Djibo.", 10),
        ("La police a arrêté douze suspects lors d'une opération conduite dimanche à Bamako.", 9),
    ],
)
def test_the_operation_dates_the_deed(text: str, day: int) -> None:
    from datetime import date

    events = read(text, date(2023, 7, 12)).events  # a Wednesday
    assert events and events[0].date is not None and events[0].date.start_date == date(2023, 7, day), events


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Des affrontements ont fait dix morts au quartier de Carrefour-Feuilles.", "Carrefour-Feuilles"),
        ("Des hommes armés ont attaqué vendredi le quartier de Carrefour-Feuilles.", "Carrefour-Feuilles"),
    ],
)
def test_a_hyphenated_name_is_whole(text: str, place: str) -> None:
    assert [p.text for p in read(text).places] == [place]


def test_a_road_is_named_by_its_ends() -> None:
    text = "Des hommes armés ont tendu une embuscade sur l'axe Kaya-Dori, tuant quatre soldats."
    assert "Kaya-Dori" not in [p.text for p in read(text).places]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Huit personnes ont été tuées lors d'une attaque de combattants de Boko Haram contre la localité"
         " de Mozogo.", "Boko Haram"),
        ("Cameroun : huit morts dans une attaque de Boko Haram à Mozogo", "Boko Haram"),
        ("Une attaque d'éléments du JNIM a fait six morts à Djibo.", "JNIM"),
    ],
)  # fmt: skip
def test_the_groups_fighters_are_the_doer(text: str, actor: str) -> None:
    e = first_violent(text)
    assert e.actor is not None and e.actor.text.endswith(actor) and "Mozogo" not in e.actor.text, e.actor


@pytest.mark.parametrize(
    "text",
    [
        "Le massacre de Tillabéri a fait au moins 132 morts, selon un bilan officiel.",
        "L'attaque de Mozogo a fait huit morts dans la nuit de dimanche à lundi.",
    ],
)
def test_the_place_of_a_massacre_the_text_names_is_no_doer(text: str) -> None:
    assert first_violent(text).actor is None


def test_the_day_before_the_object_is_no_target() -> None:
    e = first_violent("Des bandits armés ont incendié lundi plusieurs maisons à Gressier.")
    assert e.target is not None and e.target.text.startswith("plusieurs maisons"), e.target


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("Dix soldats ont été tués dans l'attaque, selon l'état-major.", "l'état-major"),
        ("Dix soldats ont été tués dans l'attaque, a indiqué le chef d'état-major de l'armée.",
         "le chef d'état-major de l'armée"),
    ],
)  # fmt: skip
def test_a_hyphenated_noun_is_one_word(text: str, claimant: str) -> None:
    e = first_violent(text)
    assert [c.claimant.text for c in e.claims if c.claimant is not None] == [claimant], e.claims


def test_a_counterattack_is_an_attack() -> None:
    e = first_violent("Une contre-attaque de l'armée a fait dix morts parmi les assaillants.")
    assert e.trigger.text == "contre-attaque"


@pytest.mark.parametrize(
    ("text", "dead", "hurt"),
    [
        ("Sept personnes ont été tuées et une dizaine blessées samedi dans des violences entre communautés "
         "dans la province du Ouaddaï.", 7, 10),
        ("Cinq civils ont été tués et une vingtaine blessés lundi dans l'attaque de Kaya.", 5, 20),
        ("Trois soldats ont été tués et une quinzaine blessés dans une embuscade près de Djibo.", 3, 15),
    ],
)  # fmt: skip
def test_the_second_figure_of_a_coordinated_toll_is_its_own(text: str, dead: int, hurt: int) -> None:
    e = first_violent(text)
    assert e.counts["killed"] is not None and e.counts["killed"].best == dead, e.counts
    assert e.counts["injured"] is not None and e.counts["injured"].best == hurt, e.counts
