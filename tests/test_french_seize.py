"""French seizures and occupations (PLOVER COERCE, mode ``seize``, as the English bundle codes "seize",
"capture", "occupy", "annex"): "ont pris le contrôle de", "se sont emparés de", "a annexé", "occupent la
ville", "a repris", "est tombée aux mains de", "est passée sous le contrôle de" — and their look-alikes
("s'occuper de", "occuper un poste", "prendre la parole", "reprendre les négociations") that are none.
Hand-made sentences, several phrasings per construction."""

from __future__ import annotations

import pytest
from french_helpers import read

from polemos.types import ActorRef, Event

pytestmark = pytest.mark.slow


def seizures(text: str) -> list[Event]:
    return [e for e in read(text).events if e.mode == "seize"]


def seizure(text: str) -> Event:
    found = seizures(text)
    assert len(found) == 1, f"{len(found)} seizures in {text!r}: {found}"
    e = found[0]
    assert e.type == "COERCE"
    # every span cuts the text exactly
    assert text[e.trigger.start : e.trigger.end] == e.trigger.text
    assert text[e.evidence.start : e.evidence.end] == e.evidence.text
    for ref in (e.actor, e.target):
        if ref is not None:
            assert_cut(text, ref)
    for p in e.locations:
        assert text[p.start : p.end] == p.text
    return e


def assert_cut(text: str, ref: ActorRef) -> None:
    assert ref.start is not None and ref.end is not None
    assert text[ref.start : ref.end] == ref.text


def text_of(ref: ActorRef | None) -> str | None:
    return None if ref is None else ref.text


POSITIVES = [
    # prendre le contrôle de
    ("Les jihadistes ont pris le contrôle de la ville de Boni.", "Les jihadistes", "la ville de Boni"),
    ("Des hommes armés ont pris le contrôle du camp militaire.", "Des hommes armés", "camp militaire"),
    ("Les rebelles avaient pris le contrôle de Bunagana.", "Les rebelles", "Bunagana"),
    # s'emparer de
    ("Les rebelles du M23 se sont emparés de Bunagana lundi.", "Les rebelles du M23", "Bunagana"),
    ("Les insurgés s'emparent de la localité de Tessit.", "Les insurgés", "la localité de Tessit"),
    ("Des combattants s'étaient emparés de la base de Boulkessi.", "Des combattants", "la base de Boulkessi"),
    # annexer, annexion
    ("La Russie a annexé la Crimée en 2014.", "La Russie", "la Crimée"),
    ("La péninsule a été annexée par la Russie.", "la Russie", "La péninsule"),
    ("L'annexion de la Crimée par la Russie a été condamnée.", "la Russie", "la Crimée"),
    # occuper, occupation
    ("Les soldats occupent la ville depuis mardi.", "Les soldats", "la ville"),
    ("La ville a été occupée par les rebelles.", "les rebelles", "La ville"),
    ("Les militaires ont occupé l'aéroport de Gao.", "Les militaires", "l'aéroport de Gao"),
    (
        "L'occupation de la ville de Ménaka par les jihadistes a duré trois jours.",
        "les jihadistes",
        "la ville de Ménaka",
    ),  # fmt: skip
    # reprendre
    ("L'armée a repris la ville de Kidal.", "L'armée", "la ville de Kidal"),
    ("Les forces armées ont repris le contrôle de la localité.", "Les forces armées", "la localité"),
    ("La ville de Kidal a été reprise par l'armée malienne.", "l'armée malienne", "La ville de Kidal"),
    # tomber aux mains de, passer sous le contrôle de: the place is the target, the taker the actor
    ("La localité est tombée aux mains des jihadistes.", "jihadistes", "La localité"),
    ("Bunagana est passée sous le contrôle du M23.", "M23", "Bunagana"),
    ("La ville de Tessit est tombée entre les mains des insurgés.", "insurgés", "La ville de Tessit"),
    # the model tags this "annexe" as a noun: read by its form
    ("Moscou annexe quatre régions ukrainiennes.", "Moscou", "quatre régions ukrainiennes"),
    # "reprendre X à Y": Y, the side it was taken from, is no part of the ground
    ("Les militaires ont repris trois villages aux jihadistes.", "Les militaires", "trois villages"),
    ("La prise de Kidal par les rebelles a surpris.", "les rebelles", "Kidal"),
    # libérer: ground freed is ground taken back (people freed stay a release)
    ("L'armée a libéré la ville de Kidal.", "L'armée", "la ville de Kidal"),
    ("Le village a été libéré par les forces armées.", "les forces armées", "Le village"),
]


@pytest.mark.parametrize(("text", "actor", "target"), POSITIVES)
def test_seizure_roles(text: str, actor: str, target: str) -> None:
    e = seizure(text)
    assert text_of(e.actor) == actor
    assert text_of(e.target) == target
    assert e.modality == "asserted"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Les jihadistes ont pris le contrôle de la ville de Boni.", "Boni"),
        ("L'armée a repris la ville de Kidal.", "Kidal"),
        ("Les rebelles du M23 se sont emparés de Bunagana lundi.", "Bunagana"),
    ],
)
def test_the_taken_place_is_where_it_happened(text: str, place: str) -> None:
    assert place in [p.text for p in seizure(text).locations]


@pytest.mark.parametrize(
    "text",
    [
        "Les rebelles se seraient emparés de la ville.",
        "Les jihadistes auraient pris le contrôle de la localité de Boni.",
        "La ville aurait été occupée par les rebelles.",
    ],
)
def test_conditional_of_the_press_is_reported(text: str) -> None:
    assert seizure(text).modality == "reported"


def test_future_is_planned() -> None:
    assert seizure("Les troupes occuperont la ville de Gao.").modality == "planned"


@pytest.mark.parametrize(
    "text",
    ["Les ravisseurs ont libéré les trois otages.", "Les jihadistes ont libéré Dubois après deux ans."],
)
def test_people_freed_stay_a_release(text: str) -> None:
    assert seizures(text) == []
    assert "RETREAT" in [e.type for e in read(text).events]


def test_the_takers_home_is_not_where_it_happened() -> None:
    assert [p.text for p in seizure("Moscou annexe quatre régions ukrainiennes.").locations] == []


def test_taking_territory_is_an_acled_territorial_change() -> None:
    e = seizure("L'armée a repris la ville de Kidal.")
    assert e.acled is not None and e.acled[0] == "Battles"
    assert "territory" in e.acled[1]


@pytest.mark.parametrize(
    "text",
    [
        "Il s'occupera de la logistique du convoi.",
        "Le ministre s'occupe de la sécurité des élections.",
        "Elle occupe un poste de conseillère au ministère.",
        "Il a occupé des fonctions de premier plan dans l'armée.",
        "Le ministre a pris la parole devant les soldats.",
        "Le gouverneur a pris le contrôle de la situation.",
        "Le gouvernement veut reprendre les négociations avec les rebelles.",
        "Les enseignants ont repris le travail lundi.",
        "Les rebelles vivent dans les territoires occupés.",
        "Le rapport est annexé au document final.",
        "Le taux d'occupation des hôpitaux est élevé.",
        "Les jihadistes se sont emparés du dossier.",
        "Le blessé est tombé dans le coma.",
        "Le parti a pris position contre la réforme.",
        "L'équipe occupe la première position du classement.",
        "Des manifestants occupent la mairie depuis lundi.",
        "La société est passée sous le contrôle de l'État.",
        "Le journaliste Olivier Dubois est tombé aux mains du JNIM.",
        "La prise d'otages a duré trois heures.",
        "La reprise des combats inquiète l'ONU.",
        "Les jihadistes ont pris d'assaut le camp militaire de Boulkessi.",
    ],
)
def test_look_alikes_are_no_seizure(text: str) -> None:
    assert seizures(text) == []
