"""Numbers as news writes them: digits, words, vague plurals and hedges -> (low, best, high)."""

from __future__ import annotations

import pytest

from polemos.extraction.numbers import parse_number, parse_quantity


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
