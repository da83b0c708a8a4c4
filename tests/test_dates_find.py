"""find_times: which expressions are found, with exact spans, and what is left out."""

from datetime import date

from polemos.resolve.dates import dateline, find_times

MON = date(2016, 5, 23)  # a Monday


def only(text, published=MON, hints=()):
    found = find_times(text, published, hints)
    assert len(found) == 1, found
    return found[0]


def test_span_indexes_text_exactly():
    text = "The talks, which began on May 22, 2016 in Geneva, collapsed."
    t = only(text)
    assert text[t.start : t.end] == t.text == "May 22, 2016"


def test_expression_does_not_cross_a_line_break():
    found = find_times("Markets closed until Friday\nSeptember 18, 2008 was a Thursday.", date(2008, 9, 18))
    assert [t.text for t in found] == ["Friday", "September 18, 2008", "Thursday"]


def test_durations_are_not_dates():
    text = "The 72-hour truce held for two weeks and fighting lasted 48 hours over the past three months."
    assert find_times(text, MON) == []


def test_clock_times_and_ages_are_not_dates():
    assert find_times("The blast at 10 p.m. killed a 6-year-old boy.", MON) == []


def test_modal_may_is_not_a_month():
    assert find_times("The rebels May attack again; they may not.", MON) == []


def test_bare_month_after_a_preposition_is_a_month():
    assert only("The offensive began in March.").value == "2016-03"


def test_bare_month_licensed_by_a_spacy_date_hint():
    text = "March saw the heaviest shelling."
    assert find_times(text, MON) == []
    assert only(text, hints=[(0, 5)]).value == "2016-03"


def test_troop_numbers_are_not_years():
    assert find_times("Some 2,000 troops and 2000 police were deployed at a cost of $2010.", MON) == []


def test_year_after_preposition_is_a_year():
    t = only("The town was captured in 2008.")
    assert (t.value, t.precision) == ("2008", "year")
    assert (t.start_date, t.end_date) == (date(2008, 1, 1), date(2008, 12, 31))


def test_present_reference():
    t = only("Aid convoys are now reaching the city.")
    assert (t.text, t.value, t.start_date) == ("now", "PRESENT_REF", None)


def test_past_reference_but_not_a_past_duration():
    assert only("Such attacks happened in the past.").value == "PAST_REF"
    assert find_times("Attacks rose over the past two months.", MON) == []


def test_future_reference():
    assert only("Talks may resume in the near future.").value == "FUTURE_REF"


def test_dateline_is_left_out_and_given_by_dateline():
    text = "Rebels shell Aleppo\nMarch 06, 2008\nRebels shelled the city on Wednesday."
    found = find_times(text, date(2008, 3, 6))
    assert [t.text for t in found] == ["Wednesday"]
    d = dateline(text)
    assert d is not None and (d.text, d.value) == ("March 06, 2008", "2008-03-06")


def test_no_published_date_keeps_absolute_values_and_nulls_relative_ones():
    found = find_times("On Monday, a year after the May 22, 2016 attack, they met.", None)
    by_text = {t.text: t.value for t in found}
    assert by_text == {"Monday": None, "May 22, 2016": "2016-05-22"}


def test_possessive_weekday_span_excludes_the_s():
    t = only("Friday's warning was ignored.")
    assert t.text == "Friday"


def test_year_list_continues_a_year():
    assert [t.value for t in find_times("Polls were held in 2008 and 2012.", MON)] == ["2008", "2012"]


def test_published_may_be_a_datetime():
    from datetime import datetime

    assert only("Jets struck on Monday.", datetime(2016, 5, 25, 14, 30)).value == "2016-05-23"


def test_impossible_dates_are_dropped_not_raised():
    assert find_times("It happened on February 30, 2016 and on 31/02/2016.", MON) == []


def test_empty_and_dateless_text():
    assert find_times("", MON) == []
    assert find_times("No time words here at all.", MON) == []


def test_future_of_something_and_now_compounds_are_not_times():
    assert find_times("The future of the now-defunct truce is unclear.", MON) == []


def test_the_fall_of_a_city_is_not_autumn():
    assert find_times("After the fall of Mosul and the fall in oil prices, the fall hurt.", MON) == []
    assert only("Talks resume in the fall.").value == "2016-FA"


def test_named_days_and_newspapers_are_not_this_weeks_days():
    text = "The Sunday Times recalled Bloody Sunday and Black Friday."
    assert find_times(text, MON) == []
