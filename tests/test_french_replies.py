"""French reports of an attack on the forces and the forces' reply: the attackers killed in the reply
are another event's toll, never the attack's; a statement's day dates what it reports; the side of a
fight the parser hangs on the verb; "les forces de l'ordre" as police; a town the tagger ran on into
a day ("Tessit jeudi" as an organisation)."""

from __future__ import annotations

import pytest
from french_helpers import read

from polemos.types import Event

pytestmark = pytest.mark.slow


def violent(text: str) -> list[Event]:
    events = [e for e in read(text).events if e.type == "ASSAULT"]
    assert events, text
    return events


def killed(e: Event) -> int | None:
    c = e.counts.get("killed")
    return c.best if c else None


@pytest.mark.parametrize(
    ("text", "toll", "reply"),
    [
        ("Au moins quinze soldats ont été tués dans l'attaque de leur base à Tessit jeudi, selon l'armée, "
         "qui affirme que trente terroristes ont été neutralisés lors de la riposte.", 15, 30),
        ("Douze militaires ont été tués mardi dans une embuscade près de Djibo. Selon l'état-major, vingt "
         "assaillants ont été abattus lors de la contre-offensive.", 12, 20),
        ("Quatre policiers ont péri samedi dans l'attaque de leur poste à Kaya ; une dizaine de terroristes "
         "ont été tués par les forces de défense et de sécurité.", 4, 10),
    ],
)  # fmt: skip
def test_the_reply_s_toll_is_not_the_attack_s(text: str, toll: int, reply: int) -> None:
    events = violent(text)
    assert [killed(e) for e in events] == [toll, reply], events
    attack, answer = events
    assert answer.date is not None and attack.date is not None
    assert answer.date.start_date == attack.date.start_date  # the reply is told on the attack's day
    # one mention is never both sides
    assert answer.actor is None or answer.target is None or answer.actor.start != answer.target.start


@pytest.mark.parametrize(
    "text",
    [
        "L'armée malienne a annoncé dimanche avoir repoussé une attaque jihadiste contre son camp de "
        "Boulkessi, tuant une vingtaine d'assaillants.",
        "L'armée a repoussé lundi une attaque contre son poste de Kaya et tué une dizaine d'assaillants.",
    ],
)
def test_one_toll_of_a_repelled_attack_is_one_event(text: str) -> None:
    events = violent(text)
    assert len(events) == 1, events


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("L'armée malienne a annoncé dimanche avoir repoussé une attaque jihadiste contre son camp de "
         "Boulkessi.", "2024-03-03"),
        ("L'armée a affirmé lundi avoir tué une trentaine de terroristes près de Djibo.", "2024-03-04"),
        ("Le gouvernement a annoncé vendredi que douze soldats avaient été tués dans une embuscade près de "
         "Kaya.", "2024-03-08"),
    ],
)  # fmt: skip
def test_a_statement_s_day_dates_what_it_reports(text: str, day: str) -> None:
    (e,) = violent(text)
    assert e.date is not None and str(e.date.start_date) == day, e.date
    assert e.date.text is not None and e.date.text in text


def test_a_visit_s_day_still_dates_nothing() -> None:
    text = "Le ministre s'est rendu dimanche sur les lieux de l'attaque qui a fait dix morts à Kaya."
    for e in violent(text):
        assert e.date is None or e.date.text != "dimanche", e.date


@pytest.mark.parametrize(
    "text",
    [
        "Trois manifestants ont été tués lors de heurts avec les forces de l'ordre à Conakry, a indiqué "
        "jeudi le Front national.",
        "Deux jeunes ont été tués jeudi lors d'affrontements avec la police à Kinshasa.",
        "Un étudiant a été tué mardi au cours de heurts avec les forces de l'ordre à Dakar.",
    ],
)
def test_the_side_of_a_fight_the_victims_died_in(text: str) -> None:
    e = violent(text)[0]
    assert e.actor is not None and e.actor.kind == "police", e.actor


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Au moins quinze soldats ont été tués dans l'attaque de leur base à Tessit jeudi.", "Tessit"),
        ("Des hommes armés ont attaqué le poste de Djibo lundi, tuant trois gendarmes.", "Djibo"),
    ],
)
def test_a_town_run_on_into_a_day_is_still_a_place(text: str, town: str) -> None:
    e = violent(text)[0]
    assert any(p.name == town for p in e.locations), e.locations


@pytest.mark.parametrize(
    "text",
    [
        "Au moins onze soldats maliens ont été tués jeudi dans l'attaque de leur camp à Dioura, a annoncé "
        "vendredi l'armée malienne, qui affirme avoir « neutralisé » une quinzaine d'assaillants lors de la "
        "riposte.",
        "Au moins onze soldats ont été tués jeudi dans l'attaque de leur poste, selon l'armée, qui dit avoir "
        "neutralisé une vingtaine d'assaillants.",
    ],
)
def test_the_army_that_says_it_killed_the_attackers(text: str) -> None:
    attack, reply = violent(text)[:2]
    assert killed(attack) == 11, attack
    assert reply.actor is not None and "armée" in reply.actor.text, reply.actor
    assert reply.target is not None and "assaillants" in reply.target.text, reply.target
