"""Constructions of issue 12 on hand-made sentences: verb phrases split by their object ("took him
into custody"), the attack a condemnation's relative clause reports, and what is neither doer nor
target ("a statement", the gas fired)."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import actor, by_trigger, events_of, target

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("sentence", "doer", "held"),
    [
        ("Police took him into custody on Monday.", "Police", "him"),
        ("the police took him into custody after the raid.", "the police", "him"),
        ("Officers took the suspects into custody near the border.", "Officers", "the suspects"),
        ("police took three men into custody in connection with the killing.", "police", "three men"),
        ("The army put the commander under arrest.", "The army", "the commander"),
        ("police rounded them up near the station.", "police", "them"),
    ],
)
def test_a_verb_phrase_split_by_its_object_is_an_arrest(
    extract_text: Any, sentence: str, doer: str, held: str
) -> None:
    events = events_of(extract_text(sentence), "COERCE")
    assert [(e["mode"], actor(e), target(e)) for e in events] == [("arrest", doer, held)]


@pytest.mark.parametrize(
    "sentence",
    ["She took him into her confidence.", "He took the children into the garden."],
)
def test_other_split_phrases_are_no_arrest(extract_text: Any, sentence: str) -> None:
    assert events_of(extract_text(sentence), "COERCE") == []
