"""GET /events, /events/{id}, /articles/{id} and /stats over a store of hand-made records.

The store holds four articles; two outlets report one bombing in Homs (12 and 17 killed), so the API
serves three fused events: Homs (two reports), a protest in Kharkiv, and the hostile article's raid.
"""

from __future__ import annotations

import pytest
from api_fixtures import Client, filled_url  # noqa: F401  (fixture)

from polemos.api import create_app
from polemos.store.records import event_uid


@pytest.fixture
def api(filled_url: str) -> Client:  # noqa: F811
    return Client(create_app(filled_url))


def arts(body: dict) -> set[str]:
    """The articles behind the events of an answer."""
    return {r["article_id"] for e in body["events"] for r in e["reports"]}


def firsts(body: dict) -> list[str]:
    return [sorted(r["article_id"] for r in e["reports"])[0] for e in body["events"]]


def test_api_events_lists_fused_events_newest_first(api: Client) -> None:
    body = api.get("/events").json()
    assert body["ok"] is True and body["total"] == 3
    assert firsts(body) == ["kharkiv", "homs-a", "hostile"]


def test_api_events_keep_every_report_and_figure(api: Client) -> None:
    homs = api.get("/events?type=ASSAULT&country=SY&sort=-killed").json()["events"][0]
    assert homs["schema"] == "polemos.event/1"
    assert {r["article_id"] for r in homs["reports"]} == {"homs-a", "homs-b"}
    killed = homs["counts"]["killed"]
    assert (killed["low"], killed["high"]) == (12, 17)
    assert sorted(c["value"] for c in killed["claims"]) == [12, 17]
    assert {"field": "killed", "values": [12, 17]} in homs["disagreements"]


def test_api_events_pages(api: Client) -> None:
    first = api.get("/events?limit=2").json()
    second = api.get("/events?limit=2&offset=2").json()
    assert first["total"] == second["total"] == 3
    assert len(first["events"]) == 2 and len(second["events"]) == 1
    assert not arts(first) & arts(second)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=assault", {"homs-a", "homs-b", "hostile"}),
        ("country=ua", {"kharkiv"}),
        ("since=2016-03-15&until=2016-03-31", {"homs-a", "homs-b"}),
        ("claimant=monitoring", {"homs-a", "homs-b"}),  # one report matches: its whole event comes
        ("actor=brigade", {"hostile"}),
        ("modality=asserted&country=SY", {"homs-a", "homs-b", "hostile"}),
        ("near=34.7,36.7,20", {"homs-a", "homs-b"}),
        ("article_id=homs-b", {"homs-a", "homs-b"}),
    ],
)
def test_api_events_filters(api: Client, query: str, expected: set[str]) -> None:
    assert arts(api.get(f"/events?{query}").json()) == expected


def test_api_events_bbox(api: Client) -> None:
    assert arts(api.get("/events?bbox=30,45,40,55").json()) == {"kharkiv"}


def test_api_events_bbox_across_the_antimeridian(api: Client) -> None:
    assert api.get("/events?bbox=170,-10,-170,10").json()["total"] == 0
    assert api.get("/events?bbox=30,30,-170,60").json()["total"] == 3


def test_api_events_sort_by_killed(api: Client) -> None:
    body = api.get("/events?sort=-killed").json()
    assert firsts(body)[0] == "homs-a"
    assert body["events"][0]["counts"]["killed"]["best"] in (12, 17)


def test_api_events_sort_oldest_first(api: Client) -> None:
    assert firsts(api.get("/events?sort=date").json())[0] == "hostile"


def test_api_event_detail_has_reports_side_by_side(api: Client) -> None:
    fused_id = api.get("/events?country=SY&since=2016-03-15").json()["events"][0]["id"]
    ev = api.get(f"/events/{fused_id}").json()
    assert ev["id"] == fused_id
    reports = {r["article_id"]: r for r in ev["report_events"]}
    assert set(reports) == {"homs-a", "homs-b"}
    assert reports["homs-b"]["evidence"]["text"].startswith("Seventeen people died")
    assert reports["homs-b"]["claims"][0]["claimant"]["party"] is False
    assert reports["homs-a"]["claims"][0]["claimant"]["party"] is True


def test_api_event_detail_by_a_reports_uid(api: Client) -> None:
    by_report = api.get(f"/events/{event_uid('homs-b', 'e1')}").json()
    fused_id = api.get("/events?country=SY&since=2016-03-15").json()["events"][0]["id"]
    assert by_report["id"] == fused_id


def test_api_events_served_report_by_report_when_unfused(filled_url: str) -> None:  # noqa: F811
    app = create_app(filled_url)
    app.state.fused = False  # what a store the server cannot fuse (read-only) gets
    api = Client(app)
    body = api.get("/events").json()
    assert body["total"] == 4 and all(len(e["reports"]) == 1 for e in body["events"])
    uid = event_uid("homs-b", "e1")
    assert api.get(f"/events/{uid}").json()["report_events"][0]["uid"] == uid
    assert api.get("/stats").json()["events"] == 4


def test_api_article_has_text_and_true_spans(api: Client) -> None:
    art = api.get("/articles/homs-a").json()
    ev = art["events"][0]
    for field in (ev["evidence"], ev["counts"]["killed"], ev["locations"][0], ev["trigger"]):
        assert art["text"][field["start"] : field["end"]] == field["text"]
    assert art["schema"] == "polemos.article/1" and art["article"]["outlet"] == "Orontes Observer"


def test_api_stats(api: Client) -> None:
    s = api.get("/stats").json()
    assert s["articles"] == 4 and s["events"] == 3
    by_type = {b["key"]: b["count"] for b in s["by_type"]}
    assert by_type == {"ASSAULT": 2, "PROTEST": 1}
    assert {b["key"]: b["count"] for b in s["by_country"]} == {"SY": 2, "UA": 1}
    assert [(b["key"], b["count"]) for b in s["by_month"]] == [("2016-03", 2), ("2023-11", 1)]
    assert [b["key"] for b in s["timeline"]] == ["2016-03-14", "2016-03-15", "2023-11-04"]


def test_api_stats_by_week_follow_filters(api: Client) -> None:
    s = api.get("/stats?interval=week&country=SY").json()
    assert s["events"] == 2
    (week,) = s["timeline"]
    assert week["key"] == "2016-03-14" and week["count"] == 2 and week["killed"] in (12, 17)


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
