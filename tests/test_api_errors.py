"""Every error path of the API answers the one shape {ok: false, error, errors, status, code}."""

from __future__ import annotations

import json
import re

import pytest
from api_fixtures import Client, filled_url  # noqa: F401  (fixture)

from polemos.api import create_app

SHAPE = {"ok", "error", "errors", "status", "code"}


def check(response, status: int, code: str) -> dict:  # type: ignore[no-untyped-def]
    body = response.json()
    assert response.status_code == status
    assert set(body) == SHAPE
    assert body["ok"] is False and body["status"] == status and body["code"] == code
    assert isinstance(body["errors"], list) and body["error"] and not re.match(r"^\[E\d+\]", body["error"])
    return body


@pytest.fixture
def api(filled_url: str) -> Client:  # noqa: F811
    return Client(create_app(filled_url, token="s3cret", max_body=10_000))


@pytest.fixture
def bare() -> Client:
    return Client(create_app(None, token=None, max_body=10_000))


def test_api_errors_unknown_route(api: Client) -> None:
    check(api.get("/no/such/thing"), 404, "E605")


def test_api_errors_wrong_method(api: Client) -> None:
    check(api.request("DELETE", "/events"), 405, "E606")


def test_api_errors_missing_body_field(api: Client) -> None:
    body = check(api.post("/extract", json={"published": "2016-05-23"}), 422, "E602")
    assert body["errors"][0]["loc"] == ["body", "text"]


def test_api_errors_unknown_body_field(api: Client) -> None:
    check(api.post("/extract", json={"text": "x", "colour": "red"}), 422, "E602")


@pytest.mark.parametrize(
    ("body", "kind"),
    [(b"{not json", "application/json"), (b'{"text": "\xff\xfe"}', "application/json"),
     (b"text=hello", "application/x-www-form-urlencoded"), (b"hello", "text/plain"), (b"hello", None),
     (b'{"text": "a"', "application/json")],
)  # fmt: skip
def test_api_errors_body_not_json(api: Client, body: bytes, kind: str | None) -> None:
    headers = {"content-type": kind} if kind else {}
    check(api.post("/extract", content=body, headers=headers), 400, "E614")


@pytest.mark.parametrize("body", [b"[1]", b"null", b'"text"', b'{"text": 5}'])
def test_api_errors_json_of_the_wrong_shape(api: Client, body: bytes) -> None:
    check(api.post("/extract", content=body, headers={"content-type": "application/json"}), 422, "E602")


@pytest.mark.parametrize("field", ["text", "outlet", "title", "id", "url", "published"])
@pytest.mark.parametrize("path", ["/extract", "/articles"])
def test_api_errors_lone_surrogate_is_422(api: Client, field: str, path: str) -> None:
    fields = {"text": "Shelling hit the town.", field: "Homs \ud800 today"}
    body = json.dumps(fields).encode()  # the surrogate as a JSON escape: what a broken encoder sends
    assert b"\\ud800" in body
    response = api.post(path, content=body, headers={"content-type": "application/json",
                                                     "Authorization": "Bearer s3cret"})  # fmt: skip
    error = check(response, 422, "E602")
    assert field in error["error"] and "surrogate" in error["error"]


def test_api_errors_bad_publication_date(api: Client) -> None:
    body = check(api.post("/extract", json={"text": "Shelling hit the town.", "published": "yesterday"}),
                 422, "E109")  # fmt: skip
    assert "yesterday" in body["error"]


def test_api_errors_declared_body_over_limit(api: Client) -> None:
    body = check(api.post("/extract", json={"text": "x" * 20_000}), 413, "E601")
    assert "10000" in body["error"]


def test_api_errors_streamed_body_over_limit(api: Client) -> None:
    async def chunks():  # type: ignore[no-untyped-def]  (no content-length: chunked)
        for _ in range(30):
            yield b"x" * 1000

    check(api.post("/extract", content=chunks(), headers={"content-type": "application/json"}), 413, "E601")


@pytest.mark.parametrize(
    "query",
    ["since=2016-13-01", "until=soon", "bbox=1,2,3", "bbox=0,50,10,40", "near=33.5,36.3", "near=a,b,c",
     "sort=loudest", "limit=0", "limit=5000", "offset=-1", "country=Syria"],
)  # fmt: skip
def test_api_errors_bad_query(api: Client, query: str) -> None:
    check(api.get(f"/events?{query}"), 422, "E602")


def test_api_errors_bad_interval(api: Client) -> None:
    check(api.get("/stats?interval=hour"), 422, "E602")


def test_api_errors_no_such_event(api: Client) -> None:
    check(api.get("/events/0000000000000000"), 404, "E404")


def test_api_errors_no_such_article(api: Client) -> None:
    check(api.get("/articles/not-there"), 404, "E607")


def test_api_errors_write_without_token(api: Client) -> None:
    response = api.post("/articles", json={"text": "x"})
    check(response, 401, "E603")
    assert response.headers["www-authenticate"] == "Bearer"


def test_api_errors_write_with_wrong_token(api: Client) -> None:
    check(api.post("/articles", json={"text": "x"}, headers={"Authorization": "Bearer nope"}), 401, "E603")


def test_api_errors_write_with_other_scheme(api: Client) -> None:
    check(api.post("/articles", json={"text": "x"}, headers={"Authorization": "Basic s3cret"}), 401, "E603")


def test_api_errors_writes_off_without_configured_token(bare: Client) -> None:
    check(bare.post("/articles", json={"text": "x"}, headers={"Authorization": "Bearer "}), 403, "E604")


@pytest.mark.parametrize("path", ["/events", "/events/abc", "/articles/abc", "/stats"])
def test_api_errors_no_database(bare: Client, path: str) -> None:
    check(bare.get(path), 503, "E608")


def test_api_errors_unexpected_exception_hides_the_traceback(filled_url: str) -> None:  # noqa: F811
    app = create_app(filled_url)

    def boom() -> None:
        raise RuntimeError("secret internals")

    app.add_api_route("/boom", boom)
    body = check(Client(app).get("/boom"), 500, "E609")
    assert "secret internals" not in body["error"] and "RuntimeError" in body["error"]


def test_api_errors_store_failure_is_coded(filled_url: str, tmp_path) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    app = create_app(filled_url)
    with app.state.store.engine.begin() as conn:
        conn.execute(text("DROP TABLE fused_members"))
    body = check(Client(app).get("/events"), 500, "E402")
    assert "fused_members" in body["error"]


def test_api_errors_unopenable_database_fails_at_start(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from polemos.errors import StoreError

    with pytest.raises(StoreError, match="E401"):
        create_app(f"sqlite:///{tmp_path}/missing/dir/x.db")
