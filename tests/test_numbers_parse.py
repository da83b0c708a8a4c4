"""Numbers as news writes them: digits, words, vague plurals and hedges -> (low, best, high)."""

from __future__ import annotations

import pytest

from polemos.extraction.numbers import MAX_FIGURE, MAX_PHRASE, parse_number, parse_quantity


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("7", 7),
        ("6,000", 6000),
        ("1.5 million", 1_500_000),
        ("2.3m", 2_300_000),
        ("10k", 10_000),
        ("seven", 7),
        ("Seven", 7),
        ("twenty-five", 25),
        ("twenty five", 25),
        ("one hundred and twelve", 112),
        ("three thousand", 3000),
        ("two million", 2_000_000),
        ("6,000-strong", 6000),
        ("a hundred", 100),
        ("many", None),
        ("", None),
    ],
)
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("some 6,000", (6000, 6000, 6000)),
        ("about 40", (40, 40, 40)),
        ("an estimated 3,000", (3000, 3000, 3000)),
        ("over 100", (100, 100, None)),
        ("more than 100", (100, 100, None)),
        ("at least seven", (7, 7, None)),
        ("nearly 30", (None, 30, 30)),
        ("up to 50", (None, 50, 50)),
        ("fewer than 20", (None, 20, 20)),
        ("between 20 and 30", (20, 25, 30)),
        ("20 to 30", (20, 25, 30)),
        ("20-30", (20, 25, 30)),
        ("20 - 30", (20, 25, 30)),
        ("dozens", (24, 24, None)),
        ("Dozens", (24, 24, None)),
        ("hundreds", (200, 200, None)),
        ("thousands", (2000, 2000, None)),
        ("tens of thousands", (20000, 20000, None)),
        ("twelve", (12, 12, 12)),
        ("6,000-strong", (6000, 6000, 6000)),
    ],
)
def test_parse_quantity(text: str, triple: tuple[int | None, int | None, int | None]) -> None:
    assert parse_quantity(text) == triple


def test_upper_bound_keeps_low_honest() -> None:
    low, best, high = parse_quantity("nearly 30")  # type: ignore[misc]
    assert low is None and high == 30


def test_lower_bound_has_no_high() -> None:
    low, _, high = parse_quantity("over 100")  # type: ignore[misc]
    assert low == 100 and high is None


def test_reversed_range_is_not_a_range() -> None:
    assert parse_quantity("between 30 and 20") is None


@pytest.mark.parametrize("text", ["the army", "several", "over the border", "some soldiers"])
def test_non_numbers_are_none(text: str) -> None:
    assert parse_quantity(text) is None


# ---- hostile figures: never an overflow, never a count no event can have -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "1" + "0" * 308,  # a float's limit: inf, then int(round(inf)) overflowed
        "9" * 400,
        "1" + "0" * 5000,  # past Python's int() digit limit
        "10000000000000000000000",  # past 2^63: SQLite's driver overflowed
        "9,223,372,036,854,775,808",
        "3000000000",  # past 2^31: PostgreSQL's INTEGER refused it
        "2 billion",
        "1.5bn",
        "9999999999 billion billion",
        "12.5" + "0" * 400 + " million",
    ],
)
def test_figures_past_any_count_are_not_read(text: str) -> None:
    assert parse_number(text) is None
    assert parse_quantity(text) is None
    assert parse_quantity(f"at least {text}") is None and parse_quantity(f"between 5 and {text}") is None


@pytest.mark.parametrize("text", ["1,000,000,000", "one billion", "999,999,999", "1.5 million"])
def test_large_but_possible_figures_are_read(text: str) -> None:
    assert parse_number(text) is not None and parse_number(text) <= MAX_FIGURE  # type: ignore[operator]


@pytest.mark.parametrize("text", ["about " * 200 + "5", "some " * 5000 + "twenty", "over " * 30 + "100"])
def test_overlong_hedges_are_no_number_phrase(text: str) -> None:
    assert parse_quantity(text) is None  # no RecursionError, no time spent


def test_phrase_at_the_length_limit_is_still_read() -> None:
    text = "between twenty-five thousand and thirty thousand"
    assert len(text) <= MAX_PHRASE and parse_quantity(text) == (25000, 27500, 30000)
