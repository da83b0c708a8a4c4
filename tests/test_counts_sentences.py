"""killed / injured / size figures read from hand-made sentences, with spans into the text."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import events_of

pytestmark = pytest.mark.slow


def count(record: dict[str, Any], kind: str) -> dict[str, Any] | None:
    """The first event's figure of that kind (events in text order)."""
    found = [e["counts"][kind] for e in events_of(record) if e["counts"][kind]]
    return found[0] if found else None


def triple(c: dict[str, Any] | None) -> tuple[int | None, int | None, int | None] | None:
    return None if c is None else (c["low"], c["best"], c["high"])


@pytest.mark.parametrize(
    ("sentence", "kind", "expected"),
    [
        ("Some 6,000 fighters gathered near Aleppo.", "size", (6000, 6000, 6000)),
        ("Over 100 people were killed in the bombing.", "killed", (100, 100, None)),
        ("More than 100 people died in the blasts.", "killed", (100, 100, None)),
        ("Nearly 30 people were killed in the clashes.", "killed", (None, 30, 30)),
        ("Hundreds of protesters demonstrated in Cairo.", "size", (200, 200, None)),
        ("Dozens of protesters marched in the capital.", "size", (24, 24, None)),
        ("At least seven soldiers were killed when militants attacked a checkpoint.", "killed", (7, 7, None)),
        ("Twelve people died in the airstrike.", "killed", (12, 12, 12)),
        ("The bombing killed 14 people and wounded 30 others.", "killed", (14, 14, 14)),
        ("Police arrested five activists in the capital.", "size", (5, 5, 5)),
        ("Three people were injured when rebels shelled the market.", "injured", (3, 3, 3)),
    ],
)
def test_count_of_a_sentence(
    extract_text: Any, sentence: str, kind: str, expected: tuple[int | None, int | None, int | None]
) -> None:
    assert triple(count(extract_text(sentence), kind)) == expected


@pytest.mark.parametrize(
    ("sentence", "kind", "expected"),
    [
        ("Between 20 and 30 people were killed in the attack.", "killed", (20, 25, 30)),
        ("The attack killed between 20 and 30 people.", "killed", (20, 25, 30)),
        ("Dozens of people were killed in the bombing.", "killed", (24, 24, None)),
        ("The blast killed twenty-five people.", "killed", (25, 25, 25)),
        ("The rebels gathered a 6,000-strong force near the city.", "size", (6000, 6000, 6000)),
    ],
)
def test_count_of_ranges_number_words_and_strength(
    extract_text: Any, sentence: str, kind: str, expected: tuple[int | None, int | None, int | None]
) -> None:
    assert triple(count(extract_text(sentence), kind)) == expected


def test_count_text_is_the_hedged_phrase(extract_text: Any) -> None:
    c = count(
        extract_text("At least seven soldiers were killed when militants attacked a checkpoint."), "killed"
    )
    assert c is not None and c["text"] == "At least seven"


def test_count_span_indexes_the_text(extract_text: Any) -> None:
    text = "Headline here\nThe bombing killed 14 people and wounded 30 others near the market."
    c = count(extract_text(text), "injured")
    assert c is not None and text[c["start"] : c["end"]] == c["text"]


def test_killed_and_injured_are_kept_apart(extract_text: Any) -> None:
    record = extract_text("The bombing killed 14 people and wounded 30 others.")
    assert (triple(count(record, "killed")), triple(count(record, "injured"))) == ((14, 14, 14), (30, 30, 30))


def test_a_date_is_not_a_count(extract_text: Any) -> None:
    record = extract_text("Rebels attacked the town on May 22, 2016.")
    assert all(v is None for e in events_of(record) for v in e["counts"].values())


def test_a_percentage_is_not_a_count(extract_text: Any) -> None:
    record = extract_text("Rebels attacked the town, which lost 40 percent of its population.")
    assert all(v is None for e in events_of(record) for v in e["counts"].values())


def test_no_figure_gives_null_counts(extract_text: Any) -> None:
    (event,) = events_of(extract_text("Rebels attacked the army base."))
    assert event["counts"] == {"killed": None, "injured": None, "size": None}


def test_a_meeting_has_no_casualty_figure(extract_text: Any) -> None:
    record = extract_text("Twelve ministers met in Geneva to discuss the ceasefire.")
    assert all(e["counts"]["killed"] is None for e in events_of(record))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Police killed 12 Boko Haram fighters near Maiduguri.", (12, 12, 12)),
        ("Egypt police kill 8 Muslim Brotherhood loyalists in a raid.", (8, 8, 8)),
        ("The army said it killed between 20 and 30 Al-Shabaab fighters.", (20, 25, 30)),
        ("Troops killed five Islamic State militants in the desert.", (5, 5, 5)),
    ],
)
def test_a_name_before_the_counted_noun_is_part_of_it(
    extract_text: Any, sentence: str, expected: tuple[int | None, int | None, int | None]
) -> None:
    """ "12 Boko Haram fighters": the number counts the fighters, not the name between them."""
    assert triple(count(extract_text(sentence), "killed")) == expected
