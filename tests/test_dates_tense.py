"""find_times: the tense around a weekday or month decides its direction (resolve/dates_norm.py)."""

from __future__ import annotations

from datetime import date

import pytest

from polemos.resolve.dates import find_times

WED = date(2016, 5, 18)  # a Wednesday
FEB = date(1999, 2, 10)


def value(text: str, published: date = WED) -> str | None:
    found = find_times(text, published)
    assert len(found) == 1, found
    return found[0].value


@pytest.mark.parametrize(
    "text",
    [
        "Until Thursday, they had not named a suspect.",
        "Until Thursday, police hadn't called him a suspect.",
        "Police did not name a suspect until Thursday.",
        "They were not charged until Thursday.",
    ],
)
def test_dates_tense_not_until_in_the_past_is_the_past_day(text: str) -> None:
    assert value(text) == "2016-05-12"


@pytest.mark.parametrize(
    "text",
    [
        "Until Thursday, the border will stay closed.",
        "The border is closed until Thursday.",
        "The curfew remains in force until Thursday.",
        "The talks will be held until Thursday.",
    ],
)
def test_dates_tense_until_ahead_is_the_coming_day(text: str) -> None:
    assert value(text) == "2016-05-19"


def test_dates_tense_a_deadline_given_in_the_past_still_lies_ahead() -> None:
    assert value("The government gave the company until mid-November to submit its bid.") == "2016-11"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("On Friday, the minister will visit Kabul.", "2016-05-20"),
        ("On Friday, the minister visited Kabul.", "2016-05-13"),
        ("Next to nothing happened. On Friday, rebels will hand over their weapons.", "2016-05-20"),
        ("By Friday, the army had retaken the town.", "2016-05-13"),
    ],
)
def test_dates_tense_a_fronted_date_takes_the_tense_after_its_comma(text: str, want: str) -> None:
    assert value(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "In contrast to Monday, when 40 were arrested, the march was calm.",
        "Compared to Monday, the streets were quiet.",
    ],
)
def test_dates_tense_to_right_before_a_day_is_a_preposition(text: str) -> None:
    assert value(text) == "2016-05-16"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("NATO has decided to admit the three countries in early March, an official said.", "1999-03"),
        ("The April accession ceremony, officials said, is a formality.", "1999-04"),
        ("The December talks ended without a deal.", "1998-12"),
    ],
)
def test_dates_tense_a_month_without_tense_is_the_nearer_one(text: str, want: str) -> None:
    assert value(text, FEB) == want


@pytest.mark.parametrize(
    "text",
    [
        "The vote was postponed to Friday.",
        "The deadline was extended until Friday.",
        "The hearing was moved to Friday.",
        "The vote was pushed back to Friday.",
    ],
)
def test_dates_tense_a_date_put_off_to_lies_ahead(text: str) -> None:
    assert value(text) == "2016-05-20"
