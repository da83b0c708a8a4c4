"""Issue 12 item 3 (wiki4): a name the model reads as a person's is a place when the text puts
violence in or near it ("IS attacks in Badia al-Sukhnah and Badia al-Sham"): an attack happens at a
place, not in a person. The name stays unresolved when the gazetteer lacks it, and is the event's
place."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import by_trigger

pytestmark = pytest.mark.slow


def _places(record: dict[str, Any]) -> list[str]:
    return [p["text"] for p in record["places"]]


@pytest.mark.parametrize(
    ("sentence", "trigger", "names"),
    [
        (
            "More than 20 fighters were killed in IS attacks in Badia al-Sukhnah and Badia al-Sham, "
            "according to the monitor.",
            "killed",
            ["Badia al-Sukhnah", "Badia al-Sham"],
        ),
        ("Three soldiers were killed near Kafr Nabudah on Monday.", "killed", ["Kafr Nabudah"]),
        ("Two civilians were wounded in fighting in Hayan Bakr on Friday.", "wounded", ["Hayan Bakr"]),
        ("Scores died in the bombings in Karim Khan.", "bombings", ["Karim Khan"]),
    ],
)
def test_wiki4_a_name_violence_is_told_in_is_a_place(
    extract_text: Any, sentence: str, trigger: str, names: list[str]
) -> None:
    record = extract_text(sentence)
    assert all(n in _places(record) for n in names), record["places"]
    event = by_trigger(record, trigger)
    assert all(n in [loc["text"] for loc in event["locations"]] for n in names)


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("The attack was condemned by John Kerry on Monday.", "John Kerry"),
        ("Gunmen killed a man in the house of Ali Hassan.", "Ali Hassan"),
        ("The minister said he believed in Ahmed Shah's plan after the attack.", "Ahmed Shah"),
        ("Police interviewed Tamerlan Tsarnaev after the bombing.", "Tamerlan Tsarnaev"),
    ],
)
def test_wiki4_a_person_named_beside_violence_stays_a_person(
    extract_text: Any, sentence: str, person: str
) -> None:
    assert person not in _places(extract_text(sentence))


def _telling(record: dict[str, Any], trigger: str) -> dict[str, Any]:
    """The event told by the trigger: its own, or the incident that holds the trigger's sentence
    among its mentions ("Rebels attacked the town … Two civilians were killed in the town": one
    incident, the toll a mention of the attack)."""
    own = [e for e in record["events"] if e["trigger"]["text"].lower() == trigger.lower()]
    held = [e for e in record["events"] if any(trigger in m["text"].split() for m in e["mentions"])]
    return (own or held or [by_trigger(record, trigger)])[0]


@pytest.mark.parametrize(
    ("text", "trigger", "phrase", "name"),
    [
        (
            "Militants entered Kizlyar at dawn. They killed 12 people in the town.",
            "killed",
            "the town",
            "Kizlyar",
        ),
        (
            "Kidal and Gao were calm on Monday. Gunmen later killed two traders in the city.",
            "killed",
            "the city",
            "Gao",
        ),
        (
            "Rebels attacked the Ukrainian town of Avdiivka on Monday. "
            "Two civilians were killed in the town.",
            "killed",
            "the town",
            "Avdiyivka",  # the gazetteer's spelling
        ),
        (
            "The brigade was based in Belfast. By the end of the day, it had detonated at least 20 bombs "
            "across the city.",
            "detonated",
            "the city",
            "Belfast",
        ),
    ],
)
def test_wiki4_the_town_is_the_town_named_before(
    extract_text: Any, text: str, trigger: str, phrase: str, name: str
) -> None:
    record = extract_text(text)
    event = _telling(record, trigger)
    # the town is at the event once: as the phrase, inferred, or as its name when the event's evidence
    # names it (an event's places are distinct)
    found = [loc for loc in event["locations"] if loc["name"] == name]
    assert len(found) == 1, event["locations"]
    if found[0]["text"] == phrase:
        assert found[0]["status"] == "inferred", found
    else:
        assert phrase not in event["evidence"]["text"], event
    assert text[found[0]["start"] : found[0]["end"]] == found[0]["text"]


@pytest.mark.parametrize(
    ("text", "trigger", "phrase"),
    [
        # no town named before: nothing guessed
        ("Gunmen killed two traders in the town on Monday.", "killed", "the town"),
        # a town of its own name, or one not told before
        ("Kidal was calm. A bomb exploded in a town near the border.", "exploded", "a town"),
        # "the state" is often the government or the story's whole area, not a place told before
        (
            "Police fired on a mob in Gujarat. In the state, 40 people were killed in the riots.",
            "killed",
            "the state",
        ),
        # whose people, not where the deed was
        (
            "The army shelled Homs on Monday. Leaders of the city condemned the shelling.",
            "condemned",
            "the city",
        ),
    ],
)
def test_wiki4_a_kind_word_without_a_town_before_adds_no_place(
    extract_text: Any, text: str, trigger: str, phrase: str
) -> None:
    event = by_trigger(extract_text(text), trigger)
    assert all(loc["text"] != phrase for loc in event["locations"]), event["locations"]
