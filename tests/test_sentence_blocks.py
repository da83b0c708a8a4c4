"""Blocks of a page that an extractor joined on one line with a run of spaces ("…undertaken.
read this story in hindi    the delhi police had…") are separate sentences: a word of the block
before never becomes a party of the sentence after. Two or three spaces between words are a typing
slip inside one sentence and keep it whole."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import by_trigger


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("read this story in hindi     the delhi police held meetings with traders.", "the delhi police"),
        ("Tight security was in place.        Read more    Police arrested five men in Surat.", "Police"),
        ("share this story    facebook    twitter     the army was deployed in the old city.", "the army"),
    ],
)
def test_a_run_of_spaces_starts_a_sentence(nlp: Any, text: str, first: str) -> None:
    doc = nlp(text)
    starts = [s.text.strip() for s in doc.sents]
    assert any(s.startswith(first) for s in starts), starts


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Police arrested  five men in Surat on Monday.",
        "Police arrested   five men in Surat on Monday.",
        "Police  arrested five men in Surat on Monday.",
    ],
)
def test_two_or_three_spaces_keep_the_sentence(nlp: Any, text: str) -> None:
    assert len(list(nlp(text).sents)) == 1


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        (
            "tight security measures have been undertaken.        read this story in...     hindi    "
            "the delhi police had held meetings with intellectuals to ensure peace in the capital.",
            "meetings",
            "the delhi police",
        ),
        (
            "the bandh was peaceful.      also read      gujarat    police arrested 20 vhp activists "
            "in malda on friday.",
            "arrested",
            "police",
        ),
    ],
)
def test_the_block_before_gives_no_party(extract_text: Any, text: str, trigger: str, actor: str) -> None:
    event = by_trigger(extract_text(text, published="2002-03-01"), trigger)
    assert event["actor"] is not None and event["actor"]["text"] == actor
