"""GET /events, /events/{id}, /articles/{id} and /stats over a store of hand-made records."""

from __future__ import annotations

import pytest
from api_fixtures import Client, filled_url  # noqa: F401  (fixture)

from polemos.api import create_app
from polemos.store.records import event_uid


@pytest.fixture
def api(filled_url: str) -> Client:  # noqa: F811
    return Client(create_app(filled_url))


def ids(body: dict) -> list[str]:
    return [e["reports"][0]["article_id"] for e in body["events"]]


def test_api_events_lists_all_newest_first(api: Client) -> None:
    body = api.get("/events").json()
    assert body["ok"] is True and body["total"] == 4
    assert ids(body)[0] == "kharkiv" and ids(body)[-1] == "hostile"


def test_api_events_are_in_the_fused_shape(api: Client) -> None:
    ev = api.get("/events?type=PROTEST").json()["events"][0]
    assert ev["schema"] == "polemos.event/1"
    assert ev["id"] == event_uid("kharkiv", "e1")
    assert ev["locations"][0]["country"] == "UA" and ev["reports"][0]["event_id"] == "e1"


def test_api_events_pages(api: Client) -> None:
    first = api.get("/events?limit=3").json()
    second = api.get("/events?limit=3&offset=3").json()
    assert first["total"] == second["total"] == 4
    assert len(first["events"]) == 3 and len(second["events"]) == 1
    assert not set(ids(first)) & set(ids(second))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=assault", {"homs-a", "homs-b", "hostile"}),
        ("country=ua", {"kharkiv"}),
        ("since=2016-03-15&until=2016-03-31", {"homs-a", "homs-b"}),
        ("claimant=monitoring", {"homs-b"}),
        ("actor=brigade", {"hostile"}),
        ("modality=asserted&country=SY", {"homs-a", "homs-b", "hostile"}),
        ("near=34.7,36.7,20", {"homs-a", "homs-b"}),
        ("article_id=homs-a", {"homs-a"}),
    ],
)
def test_api_events_filters(api: Client, query: str, expected: set[str]) -> None:
    body = api.get(f"/events?{query}").json()
    assert set(ids(body)) == expected and body["total"] == len(expected)


def test_api_events_bbox(api: Client) -> None:
    assert set(ids(api.get("/events?bbox=30,45,40,55").json())) == {"kharkiv"}


def test_api_events_bbox_across_the_antimeridian(api: Client) -> None:
    assert api.get("/events?bbox=170,-10,-170,10").json()["total"] == 0
    assert api.get("/events?bbox=30,30,-170,60").json()["total"] == 4


def test_api_events_sort_by_killed(api: Client) -> None:
    body = api.get("/events?sort=-killed").json()
    assert ids(body)[:2] == ["homs-b", "homs-a"]
    assert [e["counts"]["killed"]["best"] for e in body["events"][:2]] == [17, 12]


def test_api_events_sort_oldest_first(api: Client) -> None:
    assert ids(api.get("/events?sort=date").json())[0] == "hostile"


def test_api_event_detail_has_reports_claims_evidence(api: Client) -> None:
    uid = event_uid("homs-b", "e1")
    ev = api.get(f"/events/{uid}").json()
    assert ev["id"] == uid
    report = ev["report_events"][0]
    assert report["evidence"]["text"].startswith("Seventeen people died")
    assert report["claims"][0]["claimant"]["party"] is False
    assert ev["counts"]["killed"]["claims"][0] == {
        "value": 17, "text": "Seventeen people", "claimant": "a monitoring group", "outlet": "Levant Wire",
        "article_id": "homs-b"}  # fmt: skip
    assert ev["claims"][0]["claimant"] == {"name": "a monitoring group", "party": False}


def test_api_article_has_text_and_true_spans(api: Client) -> None:
    art = api.get("/articles/homs-a").json()
    ev = art["events"][0]
    for field in (ev["evidence"], ev["counts"]["killed"], ev["locations"][0], ev["trigger"]):
        assert art["text"][field["start"] : field["end"]] == field["text"]
    assert art["schema"] == "polemos.article/1" and art["article"]["outlet"] == "Orontes Observer"


def test_api_stats(api: Client) -> None:
    s = api.get("/stats").json()
    assert s["articles"] == 4 and s["events"] == 4
    by_type = {b["key"]: (b["count"], b["killed"]) for b in s["by_type"]}
    assert by_type == {"ASSAULT": (3, 29), "PROTEST": (1, 0)}
    assert {b["key"]: b["count"] for b in s["by_country"]} == {"SY": 3, "UA": 1}
    assert [(b["key"], b["count"]) for b in s["by_month"]] == [("2016-03", 3), ("2023-11", 1)]
    assert [b["key"] for b in s["timeline"]] == ["2016-03-14", "2016-03-15", "2023-11-04"]


def test_api_stats_by_week_follow_filters(api: Client) -> None:
    s = api.get("/stats?interval=week&country=SY").json()
    assert s["events"] == 3
    assert [(b["key"], b["count"], b["killed"]) for b in s["timeline"]] == [("2016-03-14", 3, 29)]


def test_api_health_names_the_database_without_password(api: Client) -> None:
    h = api.get("/health").json()
    assert h["ok"] is True and h["database"].startswith("sqlite:///")


def test_api_openapi_lists_every_endpoint(api: Client) -> None:
    spec = api.get("/openapi.json").json()
    for path in ("/events", "/events/{event_id}", "/articles/{article_id}", "/articles", "/extract", "/stats",
                 "/health"):  # fmt: skip
        assert path in spec["paths"]
    assert "ErrorBody" in spec["components"]["schemas"]
    assert api.get("/docs").status_code == 200
