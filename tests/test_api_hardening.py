"""The API's answers to hostile or unlucky requests (issue 11, point 6): bounds on paging and filters,
ids no store holds, database errors that name no database, security headers on every response and a
Host check against DNS rebinding."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from api_fixtures import Client, filled_url  # noqa: F401  (fixture)
from store_fixtures import _reset_pg, pg_schema_url  # noqa: F401  (fixture)

from polemos.api import create_app
from polemos.api.security import DOCS_POLICY, PAGE_POLICY

SHAPE = {"ok", "error", "errors", "status", "code"}


def check(response: Any, status: int, code: str) -> dict[str, Any]:
    body = response.json()
    assert response.status_code == status, body
    assert set(body) == SHAPE and body["code"] == code and body["status"] == status
    return body  # type: ignore[no-any-return]


@pytest.fixture
def api(filled_url: str) -> Iterator[Client]:  # noqa: F811
    app = create_app(filled_url, token="s3cret", max_body=10_000)
    yield Client(app)
    app.state.pool.close()


# ---- paging and filters ----------------------------------------------------------------------


@pytest.mark.parametrize("offset", [2**63, 2**64 + 5, 10**30])
def test_api_offset_past_a_bigint_is_422(api: Client, offset: int) -> None:
    check(api.get(f"/events?offset={offset}"), 422, "E602")


def test_api_offset_at_the_largest_bigint_is_an_empty_page(api: Client) -> None:
    body = api.get(f"/events?offset={2**63 - 1}").json()
    assert body["events"] == [] and body["total"] == 3


def test_api_rows_fragment_clamps_a_huge_offset(api: Client) -> None:
    response = api.get(f"/fragments/events?offset={10**30}")
    assert response.status_code == 200 and "No event matches" in response.text


@pytest.mark.parametrize(
    ("name", "size"),
    [("actor", 60_000), ("claimant", 1001), ("type", 41), ("modality", 41), ("article_id", 2049),
     ("since", 41), ("near", 201), ("bbox", 201), ("country", 41)],
)  # fmt: skip
@pytest.mark.parametrize("path", ["/events", "/stats"])
def test_api_filter_too_long_is_422(api: Client, name: str, size: int, path: str) -> None:
    body = check(api.get(path, params={name: "a" * size}), 422, "E602")
    assert name in body["error"]


def test_api_filter_at_its_length_is_answered(api: Client) -> None:
    assert api.get("/events", params={"actor": "b" * 1000}).json()["total"] == 0


@pytest.mark.parametrize("name", ["actor", "claimant", "type", "article_id", "modality"])
def test_api_filter_with_a_nul_is_422(api: Client, name: str) -> None:
    body = check(api.get("/events", params={name: "bri\x00gade"}), 422, "E602")
    assert "NUL" in body["error"]


@pytest.mark.parametrize("ident", ["a\x00b", "x" * 3000])
def test_api_ids_no_store_holds_are_404(api: Client, ident: str) -> None:
    from urllib.parse import quote

    check(api.get(f"/events/{quote(ident)}"), 404, "E404")
    check(api.get(f"/articles/{quote(ident)}"), 404, "E607")
    assert api.get(f"/event/{quote(ident)}").status_code == 404
    assert api.get(f"/article/{quote(ident)}").status_code == 404


def test_api_request_fields_are_bounded_by_the_store(api: Client) -> None:
    body = check(api.post("/extract", json={"text": "x", "outlet": "o" * 501}), 422, "E602")
    assert "outlet" in body["error"]


# ---- database errors name no database ------------------------------------------------------------


def test_api_sqlite_error_names_no_file(filled_url: str) -> None:  # noqa: F811
    from sqlalchemy import text

    app = create_app(filled_url)
    with app.state.store.engine.begin() as conn:
        conn.execute(text("DROP TABLE fused_members"))
    body = check(Client(app).get("/events"), 500, "E402")
    path = filled_url.removeprefix("sqlite:///")
    assert "fused_members" in body["error"] and path not in body["error"] and "sqlite" not in body["error"]


def _secrets_of(url: str) -> list[str]:
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    return [s for s in ("postgresql", parsed.host, parsed.username, parsed.database, str(parsed.port)) if s]


@pytest.mark.postgres
def test_api_postgres_statement_error_names_no_database(pg_schema_url: str) -> None:  # noqa: F811
    from sqlalchemy import text

    from polemos.store import SqlStore

    SqlStore(pg_schema_url).close()
    app = create_app(pg_schema_url)
    with app.state.store.engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS fused_members CASCADE"))
    try:
        body = check(Client(app).get("/events"), 500, "E402")
        assert "fused_members" in body["error"]
        for secret in [*_secrets_of(pg_schema_url), "search_path"]:
            assert secret not in body["error"], secret
    finally:
        app.state.store.close()
        _reset_pg(pg_schema_url)  # a fresh schema for the session's other tests


@pytest.mark.postgres
def test_api_postgres_connection_error_names_no_host_user_or_password(pg_schema_url: str) -> None:  # noqa: F811
    from polemos.store.engine import make_engine

    _reset_pg(pg_schema_url)
    app = create_app(pg_schema_url)
    gone = "postgresql://polemos_reader:s3cr3t-pw@127.0.0.1:1/polemos_archive"
    app.state.store.engine.dispose()
    app.state.store.engine = make_engine(gone)  # the server went away, or its address changed
    for path in ("/events", "/stats", "/events/abc", "/articles/abc"):
        body = check(Client(app).get(path), 500, "E402")
        for secret in ("s3cr3t-pw", "polemos_reader", "127.0.0.1", "polemos_archive", "postgresql", ":1"):
            assert secret not in body["error"], (path, secret, body["error"])
    app.state.store.engine.dispose()


# ---- security headers and the Host check -------------------------------------------------------


def _assert_guarded(response: Any, policy: str = PAGE_POLICY) -> None:
    h = response.headers
    assert h["content-security-policy"] == policy
    assert h["x-frame-options"] == "DENY" and "frame-ancestors 'none'" in policy
    assert h["x-content-type-options"] == "nosniff" and h["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize(
    "path", ["/health", "/events", "/events/0000", "/", "/paste", "/static/polemos.css", "/types.css",
             "/no/such/page", "/openapi.json", "/stats?interval=hour"],
)  # fmt: skip
def test_api_security_headers_on_every_response(api: Client, path: str) -> None:
    _assert_guarded(api.get(path))


def test_api_security_headers_on_errors_before_the_app(api: Client) -> None:
    _assert_guarded(api.post("/extract", json={"text": "x" * 20_000}))  # 413 from the body limit
    _assert_guarded(api.get("/health", headers={"host": "evil.example"}))  # 400 from the Host check


def test_api_security_headers_on_a_crash(filled_url: str) -> None:  # noqa: F811
    app = create_app(filled_url)

    def boom() -> None:
        raise RuntimeError("secret internals")

    app.add_api_route("/boom", boom)
    response = Client(app).get("/boom")
    check(response, 500, "E609")
    _assert_guarded(response)


def test_api_docs_get_their_own_policy_that_still_allows_the_package_origin(api: Client) -> None:
    _assert_guarded(api.get("/docs"), DOCS_POLICY)
    for policy in (PAGE_POLICY, DOCS_POLICY):
        assert "script-src 'self'" in policy and "style-src 'self'" in policy  # /vendor, /static
    assert "'unsafe-inline'" not in PAGE_POLICY


def test_api_map_assets_served_with_the_policy(api: Client) -> None:
    if not api.get("/health").json()["map_assets"]:
        pytest.skip("the npm packages are not installed (npm ci)")
    _assert_guarded(api.get("/vendor/leaflet/leaflet.js"))


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example",
                                  "localhost.evil.example", "[::2]:80", "0x7f000001"])  # fmt: skip
def test_api_host_not_allowed_is_400(api: Client, host: str) -> None:
    body = check(api.get("/events", headers={"host": host}), 400, "E615")
    assert "--allowed-host" in body["error"]


@pytest.mark.parametrize("host", ["localhost", "LOCALHOST:8000", "127.0.0.1:5", "[::1]:8000", "localhost."])
def test_api_local_hosts_are_allowed(api: Client, host: str) -> None:
    assert api.get("/health", headers={"host": host}).status_code == 200


def test_api_allowed_hosts_from_the_caller_and_the_environment(
    filled_url: str,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("POLEMOS_ALLOWED_HOSTS", "events.example.org, maps.example.org")
    api = Client(create_app(filled_url, allowed_hosts=["10.0.0.5"]))
    for host in ("events.example.org", "maps.example.org:443", "10.0.0.5:8000", "localhost"):
        assert api.get("/health", headers={"host": host}).status_code == 200, host
    check(api.get("/health", headers={"host": "example.org"}), 400, "E615")


def test_api_allowed_host_star_allows_any(filled_url: str) -> None:  # noqa: F811
    api = Client(create_app(filled_url, allowed_hosts=["*"]))
    assert api.get("/health", headers={"host": "anything.example"}).status_code == 200
