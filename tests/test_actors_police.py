"""Police and security forces by the words the press uses for them, in lower case too."""

from __future__ import annotations

import pytest

from polemos.resolve.actors import get_dictionary


@pytest.fixture(scope="module")
def actors():
    return get_dictionary()


def resolve(actors, mention, countries=("IN",)):
    return actors.resolve(mention, 0, len(mention), countries=countries)


@pytest.mark.parametrize(
    "mention",
    [
        "police",
        "the cops",
        "a cop",
        "constables",
        "the srp",
        "srp jawans",
        "the crpf",
        "crpf jawans",
        "CRPF",
        "the Central Reserve Police Force",
        "the central reserve police force",
        "rapid action force",
        "the rapid action force personnel",
        "raf personnel",
        "police officials",
        "the police team",
        "the station house officer",
        "home guards",
        "the anti-terrorist squad",
    ],
)
def test_police_in_india(actors, mention):
    ref = resolve(actors, mention)
    assert (ref.kind, ref.name, ref.country) == ("police", "Police of India", "IN")


def test_capital_raf_stays_the_royal_air_force(actors):
    ref = resolve(actors, "RAF", countries=("GB",))
    assert (ref.kind, ref.country) == ("military", "GB")


@pytest.mark.parametrize(
    ("mention", "kind"),
    [
        ("the mob", "protesters"),
        ("the mobs", "protesters"),
        ("jawans", "military"),
        ("miscreants", "unknown"),
    ],
)
def test_other_words_of_such_reports(actors, mention, kind):
    assert resolve(actors, mention).kind == kind


def test_without_a_country_the_police_stay_unnamed(actors):
    ref = resolve(actors, "the cops", countries=())
    assert (ref.kind, ref.name) == ("police", None)
