"""French country names as doers (issue 15): "la Russie", "les Etats-Unis", "l'Algérie" alone name the
country's state, as English reads "Russia"; a capital's French name ("Moscou", "Le Caire"), a people
("les Russes") or an unknown name are not a state. Hand-made mentions and sentences."""

from __future__ import annotations

from datetime import date

import pytest

from polemos.lang import bundle
from polemos.lang.fr.actors import resolve
from polemos.types import Article


@pytest.mark.parametrize(
    ("mention", "cc"),
    [
        ("La Russie", "RU"),
        ("Russie", "RU"),
        ("les Etats-Unis", "US"),
        ("les États-Unis", "US"),
        ("l'Algérie", "DZ"),
        ("l’Allemagne", "DE"),
        ("la Chine", "CN"),
        ("la RDC", "CD"),
        ("le Niger", "NE"),
        ("la France", "FR"),
    ],
)
def test_a_country_name_alone_is_its_state(mention: str, cc: str) -> None:
    ref = resolve(mention, 0, len(mention))
    assert (ref.kind, ref.country) == ("state", cc), ref
    assert ref.name is not None


@pytest.mark.parametrize("mention", ["Moscou", "le Caire", "les Russes", "la Kobadiérie"])
def test_a_town_a_people_or_an_unknown_name_is_no_state(mention: str) -> None:
    ref = resolve(mention, 0, len(mention))
    assert ref.kind != "state", ref


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cc"),
    [
        ("La Russie a bombardé la ville d'Alep samedi.", "RU"),
        ("Les Etats-Unis ont condamné l'attaque.", "US"),
        ("L'Algérie a condamné samedi l'attaque contre le village.", "DZ"),
    ],
)
def test_a_country_as_subject_is_the_state_actor(text: str, cc: str) -> None:
    b = bundle("fr")
    assert b.load is not None and b.analyse is not None
    res = b.analyse(b.load()(text), Article(id="t", text=text, published=date(2024, 3, 9), outlet="Test"))
    actors = [e.actor for e in res.events if e.actor is not None and e.actor.start == 0]
    assert actors, res.events
    assert (actors[0].kind, actors[0].country) == ("state", cc)
