"""Targets a violent act's words give beside a party's name: a building or a market that was hit is
the target and still where the event is; a town is only where (hand-made sentences)."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import events_of

pytestmark = pytest.mark.slow


def first(record: dict[str, Any], type_: str) -> dict[str, Any]:
    found = events_of(record, type_)
    summary = [(e["type"], e["trigger"]["text"]) for e in record["events"]]
    assert found, f"no {type_}; got {summary}"
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "target", "place"),
    [
        ("ETA carried out an attack at the Rolando cafe in Madrid.", "the Rolando cafe", "Rolando cafe"),
        ("A car bomb exploded at the Hamidiyah market in Homs.", "the Hamidiyah market", "Hamidiyah market"),
        ("Gunmen attacked the Kabul police headquarters on Monday.", "the Kabul police headquarters",
         "Kabul police headquarters"),
        ("Militants stormed the Herat central prison overnight.", "the Herat central prison",
         "Herat central prison"),
    ],
)  # fmt: skip
def test_a_building_hit_is_the_target_and_the_place(
    extract_text: Any, sentence: str, target: str, place: str
) -> None:
    hit = [
        e for e in events_of(extract_text(sentence), "ASSAULT") if (e["target"] or {}).get("text") == target
    ]
    assert hit, f"no ASSAULT on {target!r}"
    assert place in [loc["text"] for loc in hit[0]["locations"]]


@pytest.mark.parametrize(
    "sentence",
    [
        "Militants stormed the town of Gao.",
        "Rebels shelled Aleppo on Monday.",
        "Troops captured the city of Kismayo.",
    ],
)
def test_a_town_hit_is_only_where(extract_text: Any, sentence: str) -> None:
    events = [e for e in extract_text(sentence)["events"] if e["type"] in ("ASSAULT", "FIGHT", "COERCE")]
    assert events and all(e["target"] is None for e in events)
    assert events[0]["locations"]


@pytest.mark.parametrize(
    ("sentence", "spot"),
    [
        ("After midnight their posts in Anderstown came under intense gunfire.", "posts in Anderstown"),
        ("Gunmen seized dozens of hostages in hospitals in the towns of Budennovsk and Kizlyar.",
         "hospitals in the towns of Budennovsk"),
        ("Gunmen attacked a checkpoint near Arish.", "checkpoint near Arish"),
        ("Two soldiers were killed at an army post outside Kandahar.", "army post outside Kandahar"),
        ("A bomb exploded at a school in Kabul on Monday.", "school in Kabul"),
    ],
)  # fmt: skip
def test_a_site_noun_before_its_place_is_the_spot(extract_text: Any, sentence: str, spot: str) -> None:
    events = [e for e in extract_text(sentence)["events"] if e["type"] in ("ASSAULT", "COERCE")]
    assert events, "no violent event"
    assert spot in [loc["text"] for loc in events[0]["locations"]]


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Fighting raged in Aleppo on Monday.", "Aleppo"),
        ("Militants attacked the town of Gao overnight.", "Gao"),
        ("Police fired tear gas at protesters in the square in Cairo.", "Cairo"),
        ("Israeli troops raided the camp in Jenin on Monday.", "Jenin"),
    ],
)
def test_a_town_or_a_square_keeps_its_name(extract_text: Any, sentence: str, place: str) -> None:
    events = [e for e in extract_text(sentence)["events"] if e["type"] in ("ASSAULT", "FIGHT", "COERCE")]
    assert events, "no violent event"
    assert [loc["text"] for loc in events[0]["locations"]] == [place]


@pytest.mark.parametrize(
    ("sentence", "type_", "target"),
    [
        ("He and other transit employees were given an ultimatum by their bosses.", "THREATEN",
         "other transit employees"),
        ("Police arrested him and two other activists on Monday.", "COERCE", "two other activists"),
        ("Soldiers shot her and three other protesters.", "ASSAULT", "three other protesters"),
    ],
)  # fmt: skip
def test_a_pronoun_coordinated_with_a_description_gives_the_description(
    extract_text: Any, sentence: str, type_: str, target: str
) -> None:
    event = first(extract_text(sentence), type_)
    assert event["target"] is not None and event["target"]["text"] == target


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("Tamerlan, 26, died after a gunfight with police.", "Tamerlan"),
        ("Kasur, 34, was arrested at his home on Friday.", "Kasur"),
        ("Police said Jalalabad, 41, was shot dead outside a shop.", "Jalalabad"),
    ],
)
def test_a_name_with_an_age_is_a_person_not_a_place(extract_text: Any, sentence: str, person: str) -> None:
    record = extract_text(sentence)
    assert person not in [p["text"] for p in record["places"]]
    assert person not in [loc["text"] for e in record["events"] for loc in e["locations"]]


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Fighting erupted in Homs, Syria, on Monday.", "Homs"),
        ("Gunmen killed 12 people in Kabul, 20 km from the border.", "Kabul"),
    ],
)
def test_a_place_before_a_comma_stays_a_place(extract_text: Any, sentence: str, place: str) -> None:
    assert place in [p["text"] for p in extract_text(sentence)["places"]]


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Three soldiers died after the ambush.", "Three soldiers"),
        ("Three soldiers died two days after the ambush.", None),
        ("Two villagers died three weeks after the shelling.", None),
    ],
)
def test_a_time_since_an_attack_is_not_its_harm(extract_text: Any, sentence: str, target: str | None) -> None:
    events = [e for e in extract_text(sentence)["events"] if e["trigger"]["text"] in ("ambush", "shelling")]
    assert events, "no event on the noun"
    assert (events[0]["target"] or {}).get("text") == target
