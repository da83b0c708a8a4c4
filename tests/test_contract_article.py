"""polemos.article/1 both ways (polemos.contract.article): the one writer and the one reader agree."""

from __future__ import annotations

import json
from dataclasses import replace as _replace
from datetime import date
from typing import Any

import pytest
from conftest import REPO, run_cli

from polemos.contract.article import from_json, to_json
from polemos.types import (
    ActorRef,
    Article,
    ArticleResult,
    Claim,
    Count,
    CountClaim,
    Event,
    Mention,
    PlaceRef,
    Span,
    TimeRef,
)

TEXT = "Rebels shelled Hama on Monday, killing at least seven civilians, the army said. More news."


def _result(**changes: Any) -> ArticleResult:
    monday = TimeRef("Monday", 27, 33, "2016-03-07", date(2016, 3, 7), date(2016, 3, 7), "day")
    hama = PlaceRef("Hama", 15, 19, name="Hama", geonameid=170017, lat=35.13, lon=36.75, country="SY",
                    admin1="Hama", feature="city", precision="exact", status="resolved")  # fmt: skip
    army = ActorRef("the army", 65, 73, name="Syrian Arab Army", kind="military", country="SY", party=True)
    said = _replace(army, party=None)  # a figure's claimant is written without ``party``
    seven = Count(7, 7, None, "at least seven civilians", 43, 67,
                  claims=(CountClaim(7, 7, None, "at least seven", 43, 57, claimant=said),))  # fmt: skip
    event = Event(
        id="e1", type="ASSAULT", mode="bombard", modality="asserted", trigger=Span(7, 14, "shelled"),
        evidence=Span(0, 80, TEXT[:80]), actor=ActorRef("Rebels", 0, 6, kind="rebel", attribution=None),
        target=ActorRef("civilians", 58, 67, kind="civilians"), locations=(hama,), date=monday,
        counts={"killed": seven}, claims=(Claim(army, None, 65, 73),),
        mentions=(Mention(81, 91, "More news.", ("same place",)), Span(81, 85, "More")),
        acled=("Explosions/Remote violence", "Shelling/artillery/missile attack"), cameo="19", confidence=0.8,
    )  # fmt: skip
    article = Article("a1", TEXT, title="Hama shelled", published=date(2016, 3, 8), outlet="Wire", url=None)
    fields: dict[str, Any] = {"article": article, "events": (event,), "places": (hama,), "times": (monday,),
                              "language": "en", "noise": (Span(81, 91, "More news."),)}  # fmt: skip
    fields.update(changes)
    return ArticleResult(**fields)


def test_typed_record_survives_json() -> None:
    result = _result()
    assert from_json(to_json(result), text=TEXT) == result
    assert from_json(json.loads(json.dumps(to_json(result))), text=TEXT) == result


def test_undated_event_and_no_publication() -> None:
    bare = Article("a2", TEXT)
    result = _result(article=bare, times=())
    undated = _result(article=bare, times=(), events=(_event_without_date(result.events[0]),))
    assert from_json(to_json(undated), text=TEXT) == undated
    assert to_json(undated)["events"][0]["date"] is None


def _event_without_date(e: Event) -> Event:
    from dataclasses import replace

    return replace(e, date=None, counts={}, mentions=(), claims=(), acled=None, actor=None, target=None)


def test_publication_week_is_no_date_of_the_text() -> None:
    record = to_json(_result(events=(_event_without_date(_result().events[0]),)))
    assert record["events"][0]["date"]["basis"] == "published"
    assert from_json(record, text=TEXT).events[0].date is None
    assert to_json(from_json(record, text=TEXT)) == record


@pytest.mark.slow
def test_demo_output_round_trip(built_gazetteer: Any) -> None:
    demo = REPO / "polemos" / "data" / "demo" / "demo.jsonl"
    out = run_cli("extract", str(demo), "--format", "jsonl")
    records = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    assert records and all(r["schema"] == "polemos.article/1" for r in records)
    for r in records:
        assert to_json(from_json(r)) == r


@pytest.mark.parametrize(
    ("start", "end", "precision"),
    [
        (date(2016, 3, 4), date(2016, 3, 8), "week"),  # "since Friday": Friday to publication
        (date(2016, 3, 7), date(2016, 3, 7), "week"),  # same day, read less precisely
        (date(2016, 3, 1), date(2016, 3, 31), "month"),  # widened to the month
    ],
)
def test_event_reading_of_a_time_expression_survives_json(start: date, end: date, precision: str) -> None:
    """The event's date can be its own reading of one of the article's time expressions; the record
    keeps that reading, not the expression's."""
    result = _result()
    own = _replace(result.times[0], start_date=start, end_date=end, precision=precision)
    widened = _result(events=(_replace(result.events[0], date=own),))
    back = from_json(to_json(widened), text=TEXT)
    assert back == widened
    assert back.times[0] == result.times[0]
    assert to_json(back) == to_json(widened)
