"""Datelines at the start of a paragraph: wire style ("KYIV (Reuters) -") and the colon style of
Indian and some British papers, in lower, title or mixed case ("ahmedabad:", "New Delhi:")."""

from __future__ import annotations

import pytest

from polemos.read.noise import find_datelines


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("ahmedabad: the police on sunday arrested two men.", "ahmedabad"),
        ("This story is from March 1, 2002\n\nnew delhi : the centre said on friday", "new delhi"),
        ("Kolkata: Cops arrested two men.", "Kolkata"),
        ("New Delhi: The government said.", "New Delhi"),
        ("KYIV (Reuters) - Russian forces shelled the city.", "KYIV"),
    ],
)
def test_datelines(text: str, dateline: str) -> None:
    assert [s.text for s in find_datelines(text)] == [dateline]


@pytest.mark.parametrize(
    "text",
    [
        "the police said: we will not allow any procession.",
        "He told reporters: the curfew stays.",
        "a long line of words that is no dateline: here.",
        "In the town the police fired.",
    ],
)
def test_no_dateline(text: str) -> None:
    assert find_datelines(text) == ()
