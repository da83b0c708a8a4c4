"""Roles: the doer (actor) and the one done to (target), as spans of the text."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import by_trigger, only_event

pytestmark = pytest.mark.slow


def party(event: dict[str, Any], role: str) -> str | None:
    return event[role]["text"] if event[role] else None


@pytest.mark.parametrize(
    ("sentence", "trigger", "actor", "target"),
    [
        ("Rebels attacked the army base near Idlib.", "attacked", "Rebels", "the army base"),
        (
            "Government troops shelled the army post overnight.",
            "shelled",
            "Government troops",
            "the army post",
        ),
        ("The convoy was attacked by gunmen near the border.", "attacked", "gunmen", "The convoy"),
        ("Police detained 40 protesters in the capital.", "detained", "Police", "40 protesters"),
        ("The United States imposed sanctions on Iran.", "sanctions", "The United States", "Iran"),
        ("The UN called on both sides to end the fighting.", "called on", "The UN", "both sides"),
        ("The minister accused the rebels of violating the truce.", "accused", "The minister", "the rebels"),
        ("The army launched an offensive against the rebels.", "offensive", "The army", "the rebels"),
        ("The foreign minister met his Turkish counterpart in Ankara.", "met", "The foreign minister", None),
        ("Russia and Turkey agreed to a ceasefire in Idlib.", "agreed", "Russia", "Turkey"),
        ("Al-Nusra is continuing to attack army posts with rockets.", "attack", "Al-Nusra", "army posts"),
        # a place that a material event hits is its location, not its target
        ("Al-Nusra is continuing to attack Aleppo with rockets.", "attack", "Al-Nusra", None),
        # a settlement, named or not, is where a material event is: "the village" too
        ("Government troops shelled the village overnight.", "shelled", "Government troops", None),
        ("The rebels regrouped and reinforced their positions.", "regrouped", "The rebels", None),
    ],
)
def test_actor_and_target(
    extract_text: Any, sentence: str, trigger: str, actor: str, target: str | None
) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert (party(event, "actor"), party(event, "target") if target is not None else None) == (actor, target)


def test_actor_span_indexes_the_text(extract_text: Any) -> None:
    text = "Fighting in the north\nGovernment troops shelled the army post overnight."
    event = by_trigger(extract_text(text), "shelled")
    for role in ("actor", "target"):
        assert text[event[role]["start"] : event[role]["end"]] == event[role]["text"]


def test_a_shelled_town_is_a_location_not_a_target(extract_text: Any) -> None:
    event = by_trigger(extract_text("Al-Nusra is continuing to attack Aleppo with rockets."), "attack")
    assert event["target"] is None and [p["text"] for p in event["locations"]] == ["Aleppo"]


def test_gathered_fighters_are_not_a_target(extract_text: Any) -> None:
    event = by_trigger(extract_text("The rebels gathered some 6,000 fighters near Aleppo."), "gathered")
    assert event["target"] is None


def test_we_is_the_speaker(extract_text: Any) -> None:
    text = '"We attacked the airport at dawn," said a rebel commander.'
    event = by_trigger(extract_text(text), "attacked")
    assert party(event, "actor") == "a rebel commander"


def test_victims_are_not_the_actor_of_the_strike_that_killed_them(extract_text: Any) -> None:
    event = by_trigger(extract_text("Twelve people died in the airstrike."), "airstrike")
    assert event["actor"] is None


def test_clashes_between_two_sides_name_both(extract_text: Any) -> None:
    event = only_event(extract_text("Heavy clashes between the army and rebels near Goma on Monday."))
    assert event["actor"]["text"] == "the army"
    assert event["target"]["text"] == "rebels"
