"""Day ranges and lists whose month is written once: each day a time of its own (find_times), the
event dated by the whole stretch (date_range, and end to end)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from conftest import events_of

from polemos.resolve.dates import as_past, date_range, find_times

WED = date(2016, 5, 18)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The summit was held September 20th-22nd, 2015.", ["2015-09-20", "2015-09-22"]),
        ("The summit will be held 20-22 September.", ["2016-09-20", "2016-09-22"]),
        ("Talks took place between 3 and 5 May.", ["2016-05-03", "2016-05-05"]),
        ("The summit is on April 24 and 25.", ["2016-04-24", "2016-04-25"]),
        ("Talks ran from May 3 to 5, 2014, in Geneva.", ["2014-05-03", "2014-05-05"]),
        ("Fighting on 3\u20134 June 2015 killed 30.", ["2015-06-03", "2015-06-04"]),
    ],
)
def test_dates_ranges_each_day_is_a_time(text: str, want: list[str]) -> None:
    assert [t.value for t in find_times(text, WED)] == want
    for t in find_times(text, WED):
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    "text",
    [
        "On May 3 and 5 others were wounded.",
        "The vote on May 3 drew 20 people.",
        "Prices rose 20-22 per cent in May.",
        "On May 3 and 4,000 people marched.",
    ],
)
def test_dates_ranges_a_number_after_a_date_is_no_day(text: str) -> None:
    assert all(t.text[:1].isalpha() for t in find_times(text, WED))


@pytest.mark.parametrize(
    ("text", "start", "end", "span"),
    [
        ("The summit was held September 20th-22nd, 2015.", "2015-09-20", "2015-09-22", "September 20th-22nd"),
        ("The summit will be held 20-22 September.", "2016-09-20", "2016-09-22", "20-22 September"),
        ("Talks took place between 3 and 5 May.", "2016-05-03", "2016-05-05", "3 and 5 May"),
        ("Rebels struck from Monday to Wednesday.", "2016-05-16", "2016-05-18", "Monday to Wednesday"),
        ("Rebels attacked on 12 March and 14 March.", "2016-03-12", "2016-03-14", "12 March and 14 March"),
    ],
)
def test_dates_ranges_join_both_ends(text: str, start: str, end: str, span: str) -> None:
    times = find_times(text, WED)
    for t in times:
        joined = date_range(t, times, text)
        assert (joined.text, str(joined.start_date), str(joined.end_date)) == (span, start, end)
        assert text[joined.start : joined.end] == joined.text


def test_dates_ranges_two_dates_of_two_deeds_are_no_range() -> None:
    text = "Rebels attacked the town on 12 March and fled on 14 March."
    times = find_times(text, WED)
    assert date_range(times[0], times, text) == times[0]


def test_dates_ranges_a_range_read_as_past_keeps_both_ends() -> None:
    text = "The summit was held September 20th-22nd."
    times = find_times(text, date(2016, 9, 1))
    joined = date_range(times[0], times, text)
    past = as_past(joined, date(2016, 9, 1))
    assert past is not None
    assert (str(past.start_date), str(past.end_date)) == ("2015-09-20", "2015-09-22")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Troops clashed with rebels from 20-22 September 2015.", "2015-09-20", "2015-09-22"),
        ("Fighting raged between 3 and 5 May in the town.", "2016-05-03", "2016-05-05"),
        ("Protesters marched on May 3 to 5, 2014, in Kiev.", "2014-05-03", "2014-05-05"),
        ("Rebels shelled the town on September 20th-22nd, 2015.", "2015-09-20", "2015-09-22"),
    ],
)
def test_dates_ranges_an_event_over_days_keeps_its_end(
    extract_text: Any, text: str, start: str, end: str
) -> None:
    date_ = events_of(extract_text(text, published="2016-05-18"))[0]["date"]
    assert (date_["start"], date_["end"], date_["precision"]) == (start, end, "day")
    assert date_["basis"] == "text"
