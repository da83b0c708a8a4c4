"""Punctuation garbled by a wrong decoding ("â€œ", "â€™", "â€\ufffd", a word ending in "Â") is split
off the words it is glued to and read as the mark it stands for; clean text tokenizes as before."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import by_trigger


def _tokens(nlp: Any, text: str) -> list[tuple[str, str]]:
    return [(t.text, t.norm_) for t in nlp(text)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "token", "norm"),
    [
        ("â€œwe condemn the attack,â€\ufffd he said.", "â€œ", '"'),
        ("â€œwe condemn the attack,â€\ufffd he said.", "â€\ufffd", '"'),
        ("the writing on the wall is clear.â€™â€™ he said.", "â€™", "'"),
        ("why cant the left front do the same,â€\x9d asked the whip.", "â€\x9d", '"'),
        ("the shankaracharyaâ€™s formula was rejected.", "â€™s", "'s"),
        ("we donâ€™t know when theyâ€™ll come.", "nâ€™t", "n't"),
        ("two were killedâ€”police said.", "â€”", "-"),
        ("vhpÂ one dead in a clash", "Â", ","),
    ],
)
def test_a_garbled_mark_is_its_own_token_read_as_the_mark(nlp: Any, text: str, token: str, norm: str) -> None:
    assert (token, norm) in _tokens(nlp, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("â€œwe condemn the attack,â€\ufffd he said.", ["we", "attack", "he"]),
        ("the shankaracharyaâ€™s formula", ["shankaracharya", "formula"]),
        ("vhpÂ one dead in bengal police-vhp clashÂ nda allies uneasy", ["vhp", "clash", "nda"]),
    ],
)
def test_the_words_come_out_whole(nlp: Any, text: str, words: list[str]) -> None:
    texts = [t for t, _ in _tokens(nlp, text)]
    assert all(w in texts for w in words), texts


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "ROMÂNIA votes on Sunday.",
        "Âge et santé",
        "Police said it was the army's job, not theirs.",
        'A "clear" sign — or not… they said.',
        "Don't shoot, they're unarmed.",
    ],
)
def test_clean_text_tokenizes_as_before(nlp: Any, text: str) -> None:
    import spacy

    plain = spacy.blank("en")
    assert [t.text for t in nlp(text)] == [t.text for t in plain(text)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ("â€œwe condemn the killing of innocent people,â€\ufffd the party said.", "condemn", "the party"),
        ("â€œpolice fired in the air to disperse the mob,â€\ufffd an officer said.", "fired", "police"),
        ("the mob attacked the police station.â€™â€™ police arrested 20 people later.", "arrested", "police"),
    ],
)
def test_an_actor_never_carries_a_garbled_mark(
    extract_text: Any, text: str, trigger: str, actor: str
) -> None:
    event = by_trigger(extract_text(text, published="2002-03-01"), trigger)
    assert event["actor"] is not None and event["actor"]["text"] == actor
