"""find_times: TIMEX3 values, ranges and precision against the publication date."""

from datetime import date

import pytest

from polemos.resolve.dates import find_times

MON = date(2016, 5, 23)  # a Monday
WED = date(2016, 5, 25)


def value(text, published=MON, expr=None):
    found = find_times(text, published)
    if expr is not None:
        found = [t for t in found if t.text == expr]
    assert len(found) == 1, found
    return found[0].value


def test_on_monday_in_past_reporting_is_the_latest_monday():
    assert value("Jets struck the town on Monday, activists said.", WED) == "2016-05-23"


def test_weekday_on_the_publication_day_is_that_day():
    assert value("Jets struck the town on Monday, activists said.", MON) == "2016-05-23"


def test_possessive_weekday_is_past():
    assert value("Friday's warning went unheeded.") == "2016-05-20"


def test_starting_weekday_is_future():
    assert value("A ceasefire holds starting Tuesday.") == "2016-05-24"


def test_will_on_weekday_is_future():
    assert value("The envoy will meet both sides on Thursday in Geneva.") == "2016-05-26"


def test_last_weekday_is_strictly_before():
    assert value("Protesters gathered last Monday.") == "2016-05-16"


def test_next_weekday_is_strictly_after():
    assert value("Voting is set for next Monday.") == "2016-05-30"


def test_month_in_past_reporting_is_the_latest_one():
    assert value("Fighting erupted in June.", expr="June") == "2015-06"


def test_month_already_passed_this_year():
    assert value("Fighting erupted in April.", expr="April") == "2016-04"


def test_month_in_future_reporting_is_the_next_one():
    assert value("Elections will be held in June.", expr="June") == "2016-06"


def test_month_day_without_year_takes_the_nearest_year():
    assert value("The siege began on February 27.") == "2016-02-27"


def test_month_day_past_tense_far_ahead_goes_to_last_year():
    assert value("The siege began on December 5.") == "2015-12-05"


@pytest.mark.parametrize("text", ["May 22, 2016", "22 May 2016", "Sunday, May 22, 2016", "2016-05-22"])
def test_full_dates(text):
    t = find_times(f"It happened on {text}.", None)[0]
    assert (t.value, t.precision, t.start_date, t.end_date) == (
        "2016-05-22",
        "day",
        date(2016, 5, 22),
        date(2016, 5, 22),
    )


def test_numeric_date_reads_day_first_when_month_first_is_impossible():
    assert value("Signed on 23/05/2016.", None) == "2016-05-23"


def test_month_and_year():
    t = find_times("In September 2015 Russia intervened.", None)[0]
    assert (t.value, t.precision, t.start_date, t.end_date) == (
        "2015-09",
        "month",
        date(2015, 9, 1),
        date(2015, 9, 30),
    )


@pytest.mark.parametrize(
    ("expr", "want"),
    [
        ("yesterday", "2016-05-22"),
        ("today", "2016-05-23"),
        ("tomorrow", "2016-05-24"),
        ("last week", "2016-W20"),
        ("this week", "2016-W21"),
        ("next week", "2016-W22"),
        ("last month", "2016-04"),
        ("this month", "2016-05"),
        ("earlier this month", "2016-05"),
        ("last year", "2015"),
        ("this year", "2016"),
        ("next year", "2017"),
        ("late last year", "2015"),
    ],
)
def test_deictic_and_relative_units(expr, want):
    assert value(f"Officials spoke {expr} about it.", expr=expr) == want


def test_week_value_has_week_range_and_precision():
    t = find_times("It was shelled last week.", MON)[0]
    assert (t.precision, t.start_date, t.end_date) == ("week", date(2016, 5, 16), date(2016, 5, 22))


def test_days_ago_and_weeks_ago():
    assert value("They fled ten days ago.") == "2016-05-13"
    assert value("They fled two weeks ago.") == "2016-W19"
    assert value("They fled three years ago.") == "2013"


def test_quarter_defaults_to_latest_started():
    assert value("Profits fell in the third quarter.", date(1989, 10, 27)) == "1989-Q3"
    assert value("Profits fell in the first quarter.", date(1989, 10, 27)) == "1989-Q1"


def test_quarter_with_explicit_year():
    assert value("Profits fell in the third quarter of 1984.", MON) == "1984-Q3"


def test_current_and_latest_quarter():
    assert value("Sales in the current quarter rose.", date(1989, 10, 27)) == "1989-Q4"
    assert value("Sales in the latest quarter rose.", date(1989, 10, 27)) == "1989-Q3"


def test_a_year_earlier_shifts_the_period_being_discussed():
    text = "Third-quarter profit fell to $5 million from $9 million a year earlier."
    assert value(text, date(1989, 10, 27), expr="a year earlier") == "1988-Q3"


def test_a_year_ago_without_a_period_is_last_year():
    assert value("The town fell a year ago.") == "2015"


def test_decades_and_centuries():
    assert value("Born in the 1990s.") == "199"
    assert value("Popular in the nineties.") == "199"
    assert value("Rare in the 20th century.") == "19"


def test_seasons():
    assert value("They attacked last summer.") == "2015-SU"
    assert value("They will attack this summer.") == "2016-SU"
    assert value("The winter of 1994 was harsh.") == "1994-WI"


def test_holidays():
    assert value("They attacked on Christmas Day 2015.", None) == "2015-12-25"
    assert value("The truce broke at Thanksgiving.", date(2016, 12, 1)) == "2016-11-24"


def test_weekend_in_past_reporting_is_the_one_just_past():
    assert value("Clashes over the weekend killed five.", WED) == "2016-W20-WE"


def test_for_before_a_month_marks_a_target_date():
    assert value("The next round, penciled in for June, is in doubt.", expr="June") == "2016-06"


def test_the_next_day_counts_from_the_last_date_given():
    text = "Rebels attacked on March 3, 2015. The next day, jets struck back."
    assert value(text, MON, expr="The next day") == "2015-03-04"


def test_that_year_counts_from_the_last_date_given():
    assert value("Elections were held in 2012; that year the war began.", MON, expr="that year") == "2012"


def test_anaphoric_day_without_an_earlier_date_is_left_out():
    assert find_times("The next day, jets struck back.", MON) == []


def test_weekday_with_month_day_picks_the_year_it_fits():
    assert value("Talks opened on Friday, Oct. 23.", date(2016, 1, 10)) == "2015-10-23"


def test_parts_of_day_date_the_day_with_a_timex3_time_value():
    t = find_times("Shelling resumed last night.", MON)[0]
    assert (t.text, t.value) == ("last night", "2016-05-22TNI")
    assert (t.start_date, t.precision) == (date(2016, 5, 22), "day")
    assert value("Talks resume this morning.") == "2016-05-23TMO"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Syrian forces will launch an offensive on Friday, a military source said.", "2016-05-27"),
        ("A car bomb killed 12 people in Baghdad on Friday, police said.", "2016-05-20"),
        ("The ceasefire, which took effect on Saturday, is largely holding.", "2016-05-21"),
        ("The UN Security Council is due to meet on Wednesday.", "2016-05-25"),
        ("The army said on Sunday it had killed 30 militants.", "2016-05-22"),
        ("Kerry is to travel to Moscow on Thursday.", "2016-05-26"),
        ("Elections are scheduled for October.", "2016-10"),
        ("Rebels seized the town in July.", "2015-07"),
    ],
)
def test_tense_of_conflict_reporting(text, want):
    assert value(text) == want


def test_the_noun_plan_is_not_a_future_cue():
    assert value("The bank announced the plan Aug. 21.", date(1989, 10, 27)) == "1989-08-21"


def test_a_year_ago_after_a_month_is_just_last_year():
    text = "Rebels seized the town in March. A year ago it was calm."
    assert value(text, MON, expr="A year ago") == "2015"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("A bomb exploded on Saturday in a market where shoppers were due to gather.", "2016-05-21"),
        ("Police fired tear gas at protesters on Monday who plan to march again.", "2016-05-23"),
        ("Troops clashed with rebels on Friday until late in the night.", "2016-05-20"),
        ("Fighting erupted on Tuesday as talks were set to begin.", "2016-05-24"),
        ("Gunmen stormed the hotel on Friday because guards were expected to leave.", "2016-05-20"),
    ],
)
def test_a_later_clause_of_its_own_does_not_move_a_past_weekday_ahead(text, want):
    assert value(text, WED) == want


@pytest.mark.parametrize(
    "text",
    [
        "The envoy, who met rebels last month, will see both sides on Thursday.",
        "Talks will resume on Thursday, when the envoy returns.",
    ],
)
def test_a_future_weekday_stays_ahead(text):
    assert value(text, WED, "Thursday") == "2016-05-26"


@pytest.mark.parametrize(
    ("text", "expr", "want"),
    [
        ("Massacres took place from April to July 1994.", "April", "1994-04"),
        ("Fighting raged between March and May 2010.", "March", "2010-03"),
        ("Sieges lasted from November to February 2015.", "November", "2014-11"),
        ("KILLINGS IN RWANDA FROM APRIL TO JULY 1994", "APRIL", "1994-04"),
        ("Offensives from April to mid-July 1994 failed.", "April", "1994-04"),
    ],
)
def test_a_month_takes_the_year_that_ends_its_range(text, expr, want):
    assert value(text, date(1996, 2, 29), expr) == want
