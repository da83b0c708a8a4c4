"""A sentence whose speaker is a pronoun with no one named before it ("he said …" after a sentence
that quotes nobody) has a speaker of its own, unknown: it does not take a claimant named later in
the paragraph, and that claimant's reach ends there for the sentences before it."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import by_trigger


def _claimants(event: dict[str, Any]) -> list[str | None]:
    return [(c["claimant"] or {}).get("text") for c in event["claims"]]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        (
            "Imam Syed Bukhari urged the community to remain calm. He said that he was going to meet "
            "the prime minister again. A railway spokesperson said trains were running.",
            "meet",
            "Imam Syed Bukhari",
        ),
        (
            "Opposition leader Ram Singh called for calm. He said he would meet the governor on "
            "Monday. An official of the railways said services had resumed.",
            "meet",
            "Opposition leader Ram Singh",
        ),
        (
            "The cleric condemned the violence. She said she would visit the families of the victims. "
            "A hospital spokesman said 12 people were treated.",
            "visit",
            "The cleric",
        ),
    ],
)
def test_an_unknown_pronoun_speaker_takes_no_later_claimant(
    extract_text: Any, text: str, trigger: str, actor: str
) -> None:
    event = by_trigger(extract_text(text, published="2002-03-01"), trigger)
    assert event["actor"] is not None and event["actor"]["text"] == actor
    later = text.rsplit(". ", 1)[1].split(" said")[0]
    assert later not in _claimants(event)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "later"),
    [
        (
            "Imam Syed Bukhari urged the community to remain calm. He said that he was going to meet "
            "the prime minister again. A railway spokesperson said trains were running.",
            "urged",
            "A railway spokesperson",
        ),
        (
            "Gunmen killed five people in Kano. He said they fled on foot. Police said the attackers "
            "fled on motorcycles.",
            "killed",
            "Police",
        ),
    ],
)
def test_a_later_claimant_does_not_reach_past_another_speaker(
    extract_text: Any, text: str, trigger: str, later: str
) -> None:
    assert later not in _claimants(by_trigger(extract_text(text, published="2002-03-01"), trigger))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "claimant"),
    [
        ("Gunmen killed five in Kano. Police said the attackers fled on motorbikes.", "killed", "Police"),
        ("Gunmen killed five in Kano. The attackers fled on motorbikes, police said.", "killed", "police"),
        (
            "Police spokesman Musa Ali said the gunmen came at night. He said they killed five people "
            "in Kano.",
            "killed",
            "Police spokesman Musa Ali",
        ),
    ],
)
def test_a_named_or_resolved_speaker_still_reaches_its_paragraph(
    extract_text: Any, text: str, trigger: str, claimant: str
) -> None:
    assert claimant in _claimants(by_trigger(extract_text(text, published="2002-03-01"), trigger))
