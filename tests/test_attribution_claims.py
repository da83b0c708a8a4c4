"""Attribution: who says so, with the claimant's span into the text."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import by_trigger

pytestmark = pytest.mark.slow


def claimant_text(event: dict[str, Any]) -> str | None:
    named = [c["claimant"]["text"] for c in event["claims"] if c["claimant"]]
    return named[0] if named else None


def test_according_to(extract_text: Any) -> None:
    record = extract_text("Police arrested five activists, according to the interior ministry.")
    assert claimant_text(by_trigger(record, "arrested")) == "the interior ministry"


def test_subject_said(extract_text: Any) -> None:
    record = extract_text("The army said rebels shelled the town overnight.")
    assert claimant_text(by_trigger(record, "shelled")) == "The army"


def test_trailing_x_said(extract_text: Any) -> None:
    record = extract_text("Militants shelled the town overnight, the army said.")
    assert claimant_text(by_trigger(record, "shelled")) == "the army"


def test_inverted_said_x(extract_text: Any) -> None:
    record = extract_text("Gunmen attacked a convoy near the border, said Colonel Ahmed Khalil.")
    assert claimant_text(by_trigger(record, "attacked")) == "Colonel Ahmed Khalil"


def test_statement_by_names_the_body(extract_text: Any) -> None:
    record = extract_text("A statement by the rebel command said its fighters had attacked the airport.")
    assert claimant_text(by_trigger(record, "attacked")) == "the rebel command"


def test_quote_closed_by_said_x_covers_each_sentence(extract_text: Any) -> None:
    text = (
        "Army reports fighting\n"
        '"The rebels have regrouped near Homs. They also attacked our checkpoints overnight," '
        "said General Ali Mahmoud."
    )
    record = extract_text(text)
    assert claimant_text(by_trigger(record, "regrouped")) == "General Ali Mahmoud"
    assert claimant_text(by_trigger(record, "attacked")) == "General Ali Mahmoud"


def test_quote_continued_in_the_next_paragraph_keeps_its_speaker(extract_text: Any) -> None:
    text = (
        "Army reports fighting\n"
        '"The rebels attacked our checkpoints overnight," said General Ali Mahmoud.\n'
        '"They also shelled the airport and the road to the south."'
    )
    record = extract_text(text)
    assert claimant_text(by_trigger(record, "shelled")) == "General Ali Mahmoud"


def test_pronoun_speaker_takes_the_last_named_claimant(extract_text: Any) -> None:
    text = (
        "Army reports fighting\n"
        "General Ali Mahmoud said rebels attacked the checkpoints overnight.\n"
        "He said the rebels also shelled the airport."
    )
    record = extract_text(text)
    assert claimant_text(by_trigger(record, "shelled")) == "General Ali Mahmoud"


def test_headline_credit_covers_headline_and_lead(extract_text: Any) -> None:
    text = (
        "Militants shell Aleppo – Syrian army\n"
        "Militants shelled residential areas of Aleppo on Sunday.\n"
        "Residents fled to the west of the city."
    )
    event = by_trigger(extract_text(text), "shelled")
    assert claimant_text(event) == "Syrian army"


def test_claimant_span_indexes_the_text(extract_text: Any) -> None:
    text = "Headline\nMilitants shelled the town overnight, the army said."
    event = by_trigger(extract_text(text), "shelled")
    claim = event["claims"][0]
    assert text[claim["start"] : claim["end"]] == claim["claimant"]["text"] == "the army"


def test_unattributed_sentence_has_outlet_and_null_claimant(extract_text: Any) -> None:
    record = extract_text("Rebels attacked the army base near Idlib.", outlet="Example Wire")
    (claim,) = by_trigger(record, "attacked")["claims"]
    assert claim["claimant"] is None and claim["outlet"] == "Example Wire"


def test_outlet_travels_with_a_named_claimant(extract_text: Any) -> None:
    record = extract_text("Militants shelled the town overnight, the army said.", outlet="Example Wire")
    (claim,) = by_trigger(record, "shelled")["claims"]
    assert claim["outlet"] == "Example Wire"


def test_said_in_a_statement_on_monday_is_not_the_event_date(extract_text: Any) -> None:
    text = "Rebels attacked the base on Saturday, the army said in a statement on Monday."
    event = by_trigger(extract_text(text, published="2016-05-25"), "attacked")
    assert event["date"]["text"] == "Saturday"
