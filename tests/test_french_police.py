"""French police work (issue 12 item 6, issue 15): a force breaking up a crowd is crowd control
("disperser la foule", "à coups de gaz lacrymogène"), and the doer of an infinitive is the subject of
the verb it hangs on ("la PNH a indiqué avoir arrêté", "ont tiré pour disperser"). Several phrasings."""

from __future__ import annotations

import pytest
from french_helpers import read

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("La police a dispersé samedi une manifestation de l'opposition à N'Djamena.", "La police"),
        ("Les forces de l'ordre ont dispersé la foule devant le palais.", "Les forces de l'ordre"),
        ("Les gendarmes ont fait usage de gaz lacrymogène pour disperser les manifestants.", "Les gendarmes"),
        ("La police anti-émeute a dispersé un rassemblement à Conakry.", "La police anti-émeute"),
    ],
)
def test_a_crowd_dispersed_is_crowd_control(text: str, actor: str) -> None:
    events = [e for e in read(text).events if e.type == "ASSAULT"]
    assert events and events[0].mode == "crowd-control", [(e.type, e.mode) for e in read(text).events]
    assert events[0].actor is not None and events[0].actor.text == actor, events[0].actor


def test_tear_gas_fire_is_crowd_control() -> None:
    events = [e for e in read("Des tirs de gaz lacrymogène ont visé les manifestants à Conakry.").events]
    assert [(e.type, e.mode) for e in events] == [("ASSAULT", "crowd-control")]


@pytest.mark.parametrize(
    "text",
    [
        "Les assaillants se sont dispersés dans la brousse.",
        "Le gouvernement veut disperser les rumeurs.",
        "Les nuages se sont dispersés en fin de journée.",
    ],
)
def test_no_crowd_no_crowd_control(text: str) -> None:
    assert not [e for e in read(text).events if e.mode == "crowd-control"]


@pytest.mark.parametrize(
    ("text", "type_", "actor"),
    [
        ("La PNH a indiqué avoir arrêté trois suspects à Pétion-Ville.", "COERCE", "La PNH"),
        ("L'armée affirme avoir tué vingt terroristes près de Djibo.", "ASSAULT", "L'armée"),
        ("Les FARDC disent avoir repris le contrôle de la localité.", "COERCE", "Les FARDC"),
    ],
)
def test_the_infinitives_doer_is_the_speaker(text: str, type_: str, actor: str) -> None:
    events = [e for e in read(text).events if e.type == type_]
    assert events and events[0].actor is not None and events[0].actor.text == actor, events


def test_an_order_to_shoot_is_not_the_shooting_of_who_ordered() -> None:
    events = read("Le chef a ordonné de tirer sur la foule.").events
    assert all(e.actor is None or e.actor.text != "Le chef" for e in events if e.type == "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "Les forces de l'ordre ont dispersé jeudi à coups de gaz lacrymogène plusieurs centaines de "
        "manifestants qui protestaient contre la présence de troupes étrangères à Niamey, a constaté un "
        "journaliste de l'AFP.",
        "La police a dispersé samedi plusieurs centaines de manifestants à Conakry.",
        "Les gendarmes ont dispersé une centaine de manifestants devant la mairie de Bamako.",
    ],
)
def test_a_crowd_dispersed_counted_or_misattached(text: str) -> None:
    events = [e for e in read(text).events if e.mode == "crowd-control"]
    assert events, read(text).events
    e = events[0]
    assert e.target is not None and "manifestants" in e.target.text, e.target
    assert e.actor is not None and e.actor.kind == "police", e.actor


def test_dispersing_no_crowd_is_no_event() -> None:
    text = "Le ministre a voulu disperser les rumeurs sur la santé du président jeudi à Niamey."
    assert not [e for e in read(text).events if e.mode == "crowd-control"]
