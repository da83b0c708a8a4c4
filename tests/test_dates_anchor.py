"""find_times: which date a relative expression counts from (resolve/dates_resolve.py): "ago" from
publication, "later" / "earlier" from the last date the text gave."""

from __future__ import annotations

from datetime import date

import pytest

from polemos.resolve.dates import find_times

WED = date(2016, 5, 18)


def value_of(text: str, expr: str, published: date = WED) -> str | None:
    found = [t for t in find_times(text, published) if t.text == expr]
    assert len(found) == 1, find_times(text, published)
    return found[0].value


@pytest.mark.parametrize(
    ("text", "expr", "want"),
    [
        ("Clashes erupted on May 3, 2014. Two days later, troops left.", "Two days later", "2014-05-05"),
        ("The plant closed in 2012 and reopened two years later.", "two years later", "2014"),
        ("The town fell in March 2015. A month earlier, rebels had massed.", "A month earlier", "2015-02"),
        ("The war began in 2011. Five years earlier, protests spread.", "Five years earlier", "2006"),
        ("Talks opened on Monday. Three days later they collapsed.", "Three days later", "2016-05-19"),
    ],
)
def test_dates_anchor_later_and_earlier_count_from_the_last_date(text: str, expr: str, want: str) -> None:
    assert value_of(text, expr) == want


@pytest.mark.parametrize(
    ("text", "expr", "want"),
    [
        ("Rebels seized the town in 2012. Two weeks ago they lost it.", "Two weeks ago", "2016-W18"),
        ("The town fell in March 2015. It was retaken two years ago.", "two years ago", "2014"),
    ],
)
def test_dates_anchor_ago_counts_from_publication(text: str, expr: str, want: str) -> None:
    assert value_of(text, expr) == want


def test_dates_anchor_later_than_nothing_dated_is_no_date() -> None:
    assert find_times("Rebels seized the town three days later.", WED) == []


def test_dates_anchor_a_coarser_date_gives_no_day() -> None:
    # "in 2015 ... three days later": not a day of 2015 we could name; from publication instead
    text = "Sales fell in 2015. Three days earlier, shares dropped."
    assert value_of(text, "Three days earlier") == "2016-05-15"


@pytest.mark.parametrize(
    ("text", "expr", "want"),
    [
        ("Rebels attacked on Monday. Later in the day, troops arrived.", "Later in the day", "2016-05-16"),
        ("Earlier in the day, rebels attacked the town.", "Earlier in the day", "2016-05-18"),
        ("Rebels attacked on 3 May 2014. Later in the week, troops came.", "Later in the week", "2014-W18"),
        ("The minister will travel to Geneva later in the week.", "later in the week", "2016-W20"),
    ],
)
def test_dates_anchor_later_in_the_day_is_the_day_the_text_is_at(text: str, expr: str, want: str) -> None:
    assert value_of(text, expr) == want


@pytest.mark.parametrize(
    ("published", "want"),
    [
        (date(2016, 5, 22), "2016-W20"),  # a Sunday: the week now ending
        (date(2016, 5, 21), "2016-W19"),  # a Saturday: the week before this one
        (date(2016, 5, 16), "2016-W19"),  # a Monday
    ],
)
def test_dates_anchor_last_week_said_on_a_sunday(published: date, want: str) -> None:
    assert value_of("Rebels seized the town last week.", "last week", published) == want
