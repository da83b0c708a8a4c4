"""Is an actor a side in the conflict where the event happens?"""

from __future__ import annotations

import pytest

from polemos.resolve.actors import get_dictionary
from polemos.types import ActorRef


@pytest.fixture(scope="module")
def actors():
    return get_dictionary()


def party(actors, mention, conflict):
    return actors.is_party(actors.resolve(mention, 0, len(mention)), conflict)


@pytest.mark.parametrize(
    "mention,conflict,expected",
    [
        ("the Russian Defense Ministry", "SY", True),
        ("Russian aircraft", "SY", True),
        ("the Syrian army", "SY", True),
        ("Al-Nusra Front", "SY", True),
        ("Boko Haram", "NG", True),
        ("the Syrian Observatory for Human Rights", "SY", False),
        ("the UN", "SY", False),
        ("Amnesty International", "SY", False),
        ("RT", "SY", False),
        ("the Russian Defense Ministry", "NG", False),
        ("the Nigerian army", "NG", True),
        ("Kenyan troops", "SO", True),
        ("AMISOM", "SO", True),
    ],
)
def test_actors_is_party(actors, mention, conflict, expected):
    assert party(actors, mention, conflict) is expected


def test_actors_official_is_party_through_the_body_he_belongs_to(actors):
    assert party(actors, "Sergey Lavrov", "SY") is True
    assert party(actors, "Kuralenko", "SY") is True


def test_actors_civilians_are_never_a_party(actors):
    assert actors.is_party(ActorRef("villagers", 0, 9, None, "civilians", None), "SY") is False


def test_actors_unknown_actor_party_is_unknown(actors):
    assert actors.is_party(ActorRef("gunmen", 0, 6, None, "unknown", None), "SY") is None


def test_actors_party_without_conflict_country_is_unknown_for_armed_actors(actors):
    assert party(actors, "the Russian Defense Ministry", None) is None


def test_actors_un_is_never_a_party_even_without_conflict_country(actors):
    assert party(actors, "the UN", None) is False
