"""Event filters (type, country, near, dates, actor, claimant, modality, limit) on both databases."""

from __future__ import annotations

import pytest
from store_fixtures import *  # noqa: F403
from store_fixtures import TEXT, make_record

from polemos.store import EventFilter, Progress, SqlStore, Stored
from polemos.store.query import bounding_box, km_between


@pytest.fixture
def filled(store: SqlStore) -> SqlStore:
    second = make_record("a2", published="2016-04-12", outlet="AFP")
    second["events"][0]["date"] = {
        "start": "2016-04-11",
        "end": "2016-04-11",
        "precision": "day",
        "text": None,
    }
    second["events"][0]["modality"] = "denied"
    second["events"][1]["locations"][0].update(
        name="Kyiv", lat=50.45, lon=30.52, country="UA", geonameid=703448
    )
    batch = [Stored(make_record("a1"), TEXT), Stored(second, TEXT)]
    store.write_batch(batch, [], run_id=None, progress=Progress())
    return store


def _ids(store: SqlStore, **kw: object) -> list[tuple[str, str]]:
    return [(e["article_id"], e["id"]) for e in store.events(store.event_ids(EventFilter(**kw)))]


def test_store_query_type_is_case_insensitive(filled: SqlStore) -> None:
    assert _ids(filled, type="mobilize") == [("a1", "e2"), ("a2", "e2")]


def test_store_query_newest_first(filled: SqlStore) -> None:
    assert _ids(filled, type="ASSAULT") == [("a1", "e1"), ("a2", "e1")]


def test_store_query_country(filled: SqlStore) -> None:
    assert _ids(filled, country="ua") == [("a2", "e2")]


def test_store_query_near_keeps_the_circle_not_the_box(filled: SqlStore) -> None:
    assert set(_ids(filled, near=(36.2, 37.16, 10))) == {("a1", "e2")}
    assert set(_ids(filled, near=(35.36, 35.93, 60))) == {("a1", "e1"), ("a2", "e1")}
    assert _ids(filled, near=(0.0, 0.0, 50)) == []


def test_store_query_since_until_overlap_the_date_range(filled: SqlStore) -> None:
    assert set(_ids(filled, since="2016-05-25")) == {("a1", "e2"), ("a2", "e2")}  # the week 22–28 May
    assert _ids(filled, until="2016-04-30") == [("a2", "e1")]
    assert _ids(filled, since="2016-05-23", until="2016-05-23", type="ASSAULT") == [("a1", "e1")]


def test_store_query_actor_matches_name_or_text(filled: SqlStore) -> None:
    assert len(_ids(filled, actor="islamic state")) == 2
    assert _ids(filled, actor="nusra") == []


def test_store_query_claimant(filled: SqlStore) -> None:
    assert set(_ids(filled, claimant="russian")) == {("a1", "e2"), ("a2", "e2")}


def test_store_query_like_wildcards_are_literal(filled: SqlStore) -> None:
    assert _ids(filled, claimant="%") == []


def test_store_query_modality_and_limit(filled: SqlStore) -> None:
    assert _ids(filled, modality="denied") == [("a2", "e1")]
    assert len(_ids(filled, limit=3)) == 3
    assert len(_ids(filled, near=(35.36, 35.93, 60), limit=1)) == 1


def test_store_query_km_between_known_distance() -> None:
    assert 1100 < km_between(36.2, 37.16, 33.51, 36.29) * 4 < 1300  # Aleppo–Damascus ≈ 310 km


def test_store_query_bounding_box_contains_the_circle() -> None:
    lat_lo, lat_hi, lon_lo, lon_hi = bounding_box(60.0, 10.0, 100.0)
    assert km_between(60.0, 10.0, 60.0, lon_hi) >= 99.9 and km_between(60.0, 10.0, lat_lo, 10.0) >= 99.9
