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
