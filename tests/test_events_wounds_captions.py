"""Deaths told by the wounds that caused them, and caption verbs the tagger reads as nouns
(hand-made sentences)."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import events_of

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("sentence", "victim"),
    [
        ("The man died of his wounds in hospital.", "The man"),
        ("Two soldiers later died from their wounds.", "Two soldiers"),
        ("the constable succumbed to his wounds on tuesday.", "the constable"),
        ("A third victim died of gunshot wounds overnight.", "A third victim"),
        ("TWO POLICEMEN DIED OF THEIR WOUNDS", "TWO POLICEMEN"),
    ],
)
def test_death_of_wounds_is_an_assault_with_its_victim(extract_text: Any, sentence: str, victim: str) -> None:
    found = events_of(extract_text(sentence), "ASSAULT")
    assert found, sentence
    assert found[0]["target"]["text"] == victim
    assert found[0]["actor"] is None  # the one who died is no doer, the wounds no party


@pytest.mark.parametrize(
    "sentence",
    [
        "He died of cancer.",
        "She died from injuries sustained in a car crash.",
        "The boy succumbed to his illness.",
        "the old man died in his sleep.",
    ],
)
def test_other_deaths_are_no_event(extract_text: Any, sentence: str) -> None:
    assert not events_of(extract_text(sentence), "ASSAULT")


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Supporters of the president march in the capital.", "Supporters of the president"),
        ("Protesters march in Caracas.", "Protesters"),
        ("Thousands of workers march through the streets of Paris.", "workers"),
    ],
)
def test_caption_march_is_a_protest(extract_text: Any, sentence: str, actor: str) -> None:
    found = events_of(extract_text(sentence), "PROTEST")
    assert found, sentence
    assert found[0]["actor"]["text"] == actor


@pytest.mark.parametrize(
    "sentence",
    [
        "The March rally drew thousands.",
        "Elections are due in March.",
        "The talks resume in March next year.",
    ],
)
def test_the_month_is_no_march(extract_text: Any, sentence: str) -> None:
    assert not [e for e in extract_text(sentence)["events"] if e["trigger"]["text"] == "March"]
