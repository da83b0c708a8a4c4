"""governing_time: the date expression that dates an event in its sentence."""

from datetime import date

from polemos.resolve.dates import find_times, governing_time

WED = date(2016, 5, 25)


def test_nearest_dated_expression_in_the_sentence_wins():
    text = "Officials said on Tuesday that jets struck Idlib on Monday. Talks resume next week."
    times = find_times(text, WED)
    sent_end = text.index(".") + 1
    got = governing_time(times, 0, sent_end, text.index("struck"), text)
    assert got is not None and got.text == "Monday" and got.value == "2016-05-23"


def test_without_text_the_nearest_wins():
    text = "On Monday jets struck Idlib, and on Tuesday they returned."
    times = find_times(text, WED)
    got = governing_time(times, 0, len(text), text.index("struck"))
    assert got is not None and got.text == "Monday"


def test_reporting_date_is_used_when_it_is_the_only_one():
    text = "Jets struck Idlib, activists said on Tuesday."
    times = find_times(text, WED)
    got = governing_time(times, 0, len(text), text.index("struck"), text)
    assert got is not None and got.value == "2016-05-24"


def test_expressions_outside_the_sentence_are_ignored():
    text = "Jets struck Idlib. Talks resume next week."
    times = find_times(text, WED)
    assert governing_time(times, 0, text.index(".") + 1, text.index("struck")) is None


def test_present_ref_does_not_date_an_event():
    text = "Jets are now striking Idlib."
    times = find_times(text, WED)
    assert [t.value for t in times] == ["PRESENT_REF"]
    assert governing_time(times, 0, len(text), text.index("striking")) is None
