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
