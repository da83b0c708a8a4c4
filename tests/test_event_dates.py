"""Event dates on hand-made articles (extraction/dating.py): which expression dates the event, what
never does (spans of time, eras, a "said on Monday" frame), a past event never after publication,
and an incident dated by any of its sentences."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from conftest import events_of

from polemos.extraction.dating import finer_date
from polemos.resolve.dates import as_past, find_times
from polemos.types import TimeRef

WEDNESDAY = "2016-05-25"


def _main(record: dict[str, Any]) -> dict[str, Any]:
    violent = events_of(record, "ASSAULT")
    assert violent, [(e["type"], e["trigger"]["text"]) for e in record["events"]]
    return violent[0]


def _start(record: dict[str, Any]) -> str:
    return _main(record)["date"]["start"]


# ---- another sentence dates the incident -----------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ("The attack took place on Saturday, the interior ministry said.", "2016-05-21"),
        ("The attack happened late Friday, police said.", "2016-05-20"),
        ("It happened on Saturday night, witnesses said.", "2016-05-21"),
        ("The incident occurred on Sunday near a checkpoint.", "2016-05-22"),
        ("Police said the blast took place on Saturday.", "2016-05-21"),
    ],
)
def test_a_later_sentence_dates_the_incident(extract_text: Any, second: str, expected: str) -> None:
    lead = "A suicide bomber killed 12 people at a market in Kabul, officials said."
    text = f"Bomber kills 12 in Kabul\n\n{lead} {second}"
    rec = extract_text(text, published=WEDNESDAY)
    ev = _main(rec)
    assert ev["date"]["start"] == expected
    assert ev["date"]["basis"] == "text"
    assert len(events_of(rec, "ASSAULT")) == 1


@pytest.mark.slow
def test_a_finer_date_of_another_mention_wins(extract_text: Any) -> None:
    text = (
        "Gunmen kill five in Maiduguri\n\nGunmen killed five villagers near Maiduguri this week. "
        "The attack took place late Tuesday near a market, police said."
    )
    assert _start(extract_text(text, published=WEDNESDAY)) == "2016-05-24"


# ---- a past event is never after publication -------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "A bomb exploded on Saturday in a market where shoppers were due to gather, killing eight.",
            "2016-05-21",
        ),
        ("Police fired tear gas at protesters on Thursday who plan to march again.", "2016-05-19"),
        ("Troops clashed with rebels on Friday until late in the night.", "2016-05-20"),
        ("Fighting erupted on Thursday as talks were set to begin.", "2016-05-19"),
        ("Gunmen attacked a police post on Wednesday.", "2016-05-25"),  # publication day counts
    ],
)
def test_a_past_event_takes_the_weekday_before_publication(
    extract_text: Any, sentence: str, expected: str
) -> None:
    rec = extract_text(f"Report\n\n{sentence}", published=WEDNESDAY)
    ev = _main(rec)
    assert ev["date"]["start"] == expected
    assert ev["date"]["start"] <= WEDNESDAY


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Rebels and the government will meet on Monday in Geneva.", "2016-05-30"),
        ("The two sides are due to hold talks on Friday.", "2016-05-27"),
        ("The foreign ministers plan to meet next Tuesday.", "2016-05-31"),
    ],
)
def test_a_future_event_takes_the_weekday_ahead(extract_text: Any, sentence: str, expected: str) -> None:
    rec = extract_text(f"Talks\n\n{sentence}", published=WEDNESDAY)
    consult = events_of(rec, "CONSULT")
    assert consult, [(e["type"], e["trigger"]["text"]) for e in rec["events"]]
    assert consult[0]["date"]["start"] == expected


def test_as_past_reads_an_expression_again_as_past() -> None:
    pub = date(2016, 5, 25)
    friday = next(t for t in find_times("They will strike on Friday.", pub))
    assert friday.start_date == date(2016, 5, 27)
    assert as_past(friday, pub).start_date == date(2016, 5, 20)  # type: ignore[union-attr]
    june = next(t for t in find_times("They will strike on June 30.", pub))
    assert as_past(june, pub).start_date == date(2015, 6, 30)  # type: ignore[union-attr]
    month = next(t for t in find_times("They will strike in June.", pub))
    assert as_past(month, pub).start_date == date(2015, 6, 1)  # type: ignore[union-attr]
    written = next(t for t in find_times("They will strike on June 30, 2016.", pub))
    assert as_past(written, pub) is None  # a written later year cannot be past


# ---- spans of time and eras are not event dates ----------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Since 2014, more than 14,000 people have been killed in the east.",
        "More than 14,000 people have been killed since 2014.",
        "Over the past week, at least 30 civilians were killed in the city.",
        "At least 30 civilians were killed during the past month.",
        "Rebels have shelled the city since the conflict began nearly two years ago.",
        "So far this year, 200 people have been killed in the province.",
        "Government forces shelled the town until Friday.",
        "Militias killed thousands of villagers in the 1990s.",
    ],
)
def test_spans_of_time_and_eras_date_nothing(extract_text: Any, sentence: str) -> None:
    rec = extract_text(f"Report\n\n{sentence}", published=WEDNESDAY)
    for ev in events_of(rec, "ASSAULT"):
        assert ev["date"]["basis"] == "published", (ev["trigger"], ev["date"])


@pytest.mark.slow
def test_a_durations_beside_the_events_own_date(extract_text: Any) -> None:
    text = (
        "Report\n\nAn airstrike hit a hospital in Aleppo on Friday, killing 14 people, the first such "
        "attack since the conflict began nearly two years ago."
    )
    assert _start(extract_text(text, published=WEDNESDAY)) == "2016-05-20"


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Around 130 people have been killed in the capital since Friday, the Red Cross said.",
        "Since Friday, militias have killed around 130 people in the capital.",
    ],
)
def test_a_run_of_days_since_a_recent_day_stands_as_a_week(extract_text: Any, sentence: str) -> None:
    ev = _main(extract_text(f"Report\n\n{sentence}", published=WEDNESDAY))
    assert (ev["date"]["start"], ev["date"]["end"], ev["date"]["precision"]) == (
        "2016-05-20",
        WEDNESDAY,
        "week",
    )


@pytest.mark.slow
def test_the_date_of_a_said_frame_is_not_the_events(extract_text: Any) -> None:
    text = "Report\n\nThe army said in a statement on Tuesday that rebels had shelled the town."
    assert _main(extract_text(text, published=WEDNESDAY))["date"]["basis"] == "published"


# ---- the incident's date from two mentions, on hand-made records -----------------------------------


def _ref(s: date, e: date, precision: str) -> TimeRef:
    return TimeRef("x", 0, 1, s.isoformat(), s, e, precision)


def test_finer_date_inside_the_coarser_wins() -> None:
    week = _ref(date(2016, 5, 23), date(2016, 5, 29), "week")
    tuesday = _ref(date(2016, 5, 24), date(2016, 5, 24), "day")
    elsewhere = _ref(date(2016, 4, 2), date(2016, 4, 2), "day")
    assert finer_date(week, tuesday) is tuesday
    assert finer_date(tuesday, week) is tuesday
    assert finer_date(week, elsewhere) is week
    assert finer_date(None, tuesday) is tuesday
    assert finer_date(tuesday, None) is tuesday


@pytest.mark.slow
@pytest.mark.parametrize(
    "update",
    [
        "The death toll from the bombing rose to 42 on Monday, officials said.",
        "On Monday the death toll from the bombing climbed to 42.",
    ],
)
def test_the_date_of_a_toll_update_is_not_the_incidents(extract_text: Any, update: str) -> None:
    text = (
        "Death toll from Kabul bombing rises to 42\n\nA suicide bomber killed dozens of people at a "
        f"market in Kabul. {update} The attack took place on Saturday."
    )
    rec = extract_text(text, published=WEDNESDAY)
    assert len(events_of(rec, "ASSAULT")) == 1
    assert _start(rec) == "2016-05-21"


@pytest.mark.slow
def test_a_date_of_another_event_in_the_sentence_is_that_ones(extract_text: Any) -> None:
    text = (
        "Sinai attack\n\nMilitants attacked a checkpoint in the Sinai, killing 12 soldiers. The attack "
        "came a year after a similar assault in 2015 killed 20. It happened on Saturday morning."
    )
    rec = extract_text(text, published=WEDNESDAY)
    assert _start(rec) == "2016-05-21"
    assert all(e["date"]["start"] != "2015-01-01" or "2015" in e["evidence"]["text"] for e in rec["events"])
