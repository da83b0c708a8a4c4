"""The read answers (``polemos.api.answer``): the same bytes FastAPI writes for a response model, the
store read in one worker thread, the query checks on the event loop, the schema still declared."""

from __future__ import annotations

import asyncio
import inspect
from typing import Any

import pytest
from api_fixtures import Client, filled_url  # noqa: F401  (a fixture)
from fastapi import FastAPI
from fastapi.exceptions import ResponseValidationError

from polemos.api import create_app, routes
from polemos.api.answer import Shaped, on_loop
from polemos.api.models import EventDetail, EventPage, FusedEvent
from polemos.types import SCHEMA_EVENT


def _fused(ident: str, **fields: Any) -> dict[str, Any]:
    return {"schema": SCHEMA_EVENT, "id": ident, "type": "ASSAULT", **fields}


# records as a store may hold them: keys left out, extra keys, key order not the model's, whole
# numbers where the model says float, text beyond ASCII, nested objects with keys of their own
KILLED = {"low": 3, "best": 12, "high": 12, "claims": [{"value": 12}]}
EVIDENCE = {"start": 0, "end": 4, "text": "Bomb"}
RECORDS = [
    _fused("a"),
    {"type": "PROTEST", "id": "b", "schema": SCHEMA_EVENT, "cameo": "14", "later": {"x": [1, 2.5]}},
    _fused("c", locations=[{"name": "Hōms", "lat": 34, "lon": 36.72, "country": "SY", "extra": None}],
           date={"start": "2016-03-15", "end": None, "precision": "day"}),
    _fused("d", counts={"killed": KILLED, "injured": None},
           fusion={"method": "rules", "score": 1, "reasons": ["same day"]}),
    _fused("e", claims=[{"claimant": {"name": "المرصد", "party": False}, "outlet": "Wire"}],
           reports=[{"article_id": "x", "event_id": None, "evidence": EVIDENCE}]),
    _fused("f", actors=[{"name": "army", "kind": "military"}], mode=None, modality="asserted",
           disagreements=[{"field": "killed", "values": [3, 12.0, "a dozen"]}]),
]  # fmt: skip


def _fastapi_bytes(model: type, content: Any) -> bytes:
    """What FastAPI itself writes for ``content`` returned by an endpoint declaring ``model``."""
    app = FastAPI()

    @app.get("/x", response_model=model)
    def x() -> Any:
        return content

    response = Client(app).get("/x")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    return response.content  # type: ignore[no-any-return]


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_api_answer_writes_the_bytes_fastapi_writes_for_one_event(record: dict[str, Any]) -> None:
    assert Shaped(FusedEvent).body(record) == _fastapi_bytes(FusedEvent, record)
    detail = {**record, "report_events": [{"uid": "u1", "id": "ev0", "type": "ASSAULT", "confidence": 1}]}
    assert Shaped(EventDetail).body(detail) == _fastapi_bytes(EventDetail, detail)


def test_api_answer_writes_the_bytes_fastapi_writes_for_a_page() -> None:
    page = {"ok": True, "total": 99, "offset": 50, "limit": 6, "sort": "-date", "events": RECORDS}
    body = Shaped(EventPage).body(page)
    assert body == _fastapi_bytes(EventPage, page)
    assert b'"mode":null' in body and "Hōms".encode() in body  # defaults filled in, UTF-8 not escaped


def test_api_answer_refuses_a_record_the_model_refuses_as_fastapi_does() -> None:
    with pytest.raises(ResponseValidationError) as caught:
        Shaped(FusedEvent).body({"schema": SCHEMA_EVENT, "id": "x"})  # no type
    assert caught.value.errors()[0]["loc"][:2] == ("response", "type")


def test_api_answer_on_loop_keeps_the_signature_and_the_plain_function() -> None:
    def parse(a: int, b: str = "x") -> str:
        return f"{a}{b}"

    wrapped = on_loop(parse)
    assert inspect.iscoroutinefunction(wrapped)
    assert inspect.signature(wrapped) == inspect.signature(parse)
    assert asyncio.run(wrapped(1, b="y")) == "1y"
    assert routes.event_filters(type="ASSAULT", country="SY")[0].country == "SY"  # still a plain call


def test_api_answer_read_endpoints_are_coroutines() -> None:
    for endpoint in (routes.list_events, routes.get_event, routes.get_article, routes.get_stats,
                     routes.get_store):  # fmt: skip
        assert inspect.iscoroutinefunction(endpoint), endpoint.__name__


def _on_a_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


class _Watched:
    """The app's store, noting for every call whether it was made on the event loop's thread."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.calls: list[tuple[str, bool]] = []

    def __getattr__(self, name: str) -> Any:
        found = getattr(self.store, name)
        if not callable(found):
            return found

        def call(*args: Any, **kw: Any) -> Any:
            self.calls.append((name, _on_a_loop()))
            return found(*args, **kw)

        return call


def test_api_answer_reads_the_store_off_the_event_loop(filled_url: str) -> None:  # noqa: F811
    app = create_app(filled_url)
    watched = _Watched(app.state.store)
    app.state.store = watched
    api = Client(app)
    page = api.get("/events?sort=-date&limit=2")
    assert page.status_code == 200, page.text
    first = page.json()["events"][0]["id"]
    for path in (f"/events/{first}", "/stats", "/articles/homs-a", "/events/nope"):
        assert api.get(path).status_code in (200, 404), path
    names = {name for name, _ in watched.calls}
    assert {"page_fused", "fused", "event_by_id", "stats", "article"} <= names
    assert [name for name, on_loop in watched.calls if on_loop] == []
    watched.calls.clear()
    assert api.get(f"/events/{first}").status_code == 200
    assert [name for name, _ in watched.calls] == ["event_by_id"]  # one store call by id


def test_api_answer_schema_still_declares_the_response_models() -> None:
    paths = create_app(None).openapi()["paths"]

    def ok_schema(path: str) -> Any:
        return paths[path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]

    assert ok_schema("/events") == {"$ref": "#/components/schemas/EventPage"}
    assert ok_schema("/events/{event_id}") == {"$ref": "#/components/schemas/EventDetail"}
    assert ok_schema("/stats") == {"$ref": "#/components/schemas/Stats"}
    assert ok_schema("/articles/{article_id}") == {"$ref": "#/components/schemas/ArticleWithText"}
    assert paths["/events"]["get"]["responses"]["422"]  # the error answers too
