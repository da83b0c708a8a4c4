"""The extraction pool (issue 11, point 3): ``POST /extract`` and ``POST /articles`` run in worker
processes apart from reads, with a queue limit (429 + Retry-After), a size budget (413) and a time
budget (503) per request. Behaviour only, never timings: a real uvicorn server on 127.0.0.1 flooded
by concurrent clients must refuse the excess at once and answer every read meanwhile."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from api_fixtures import Client, filled_url  # noqa: F401  (fixture)
from web_fixtures import LiveServer

from polemos.api import create_app

SENTENCES = (
    "Shelling killed {n} civilians in the town of Kupiansk on Tuesday, the regional governor said.",
    "Rebels attacked an army post near Gao on Monday and {n} soldiers died, officials said.",
    "Some {n} people protested in Kharkiv on Saturday against power cuts.",
)


def long_text(chars: int) -> str:
    """A report of about ``chars`` characters: hand-made sentences, each with its own figure."""
    parts: list[str] = []
    n = 0
    while sum(len(p) + 1 for p in parts) < chars:
        parts.append(SENTENCES[n % len(SENTENCES)].format(n=n + 3))
        n += 1
    return " ".join(parts)


@pytest.fixture
def small_budget(filled_url: str) -> Iterator[Any]:  # noqa: F811
    app = create_app(filled_url, token="s3cret", max_chars=1000)
    yield app
    app.state.pool.close()


@pytest.mark.parametrize("path", ["/extract", "/articles"])
def test_api_pool_text_over_the_budget_is_413(small_budget: Any, path: str) -> None:
    response = Client(small_budget).post(path, json={"text": long_text(1500)},
                                         headers={"Authorization": "Bearer s3cret"})  # fmt: skip
    body = response.json()
    assert response.status_code == 413 and body["code"] == "E610"
    assert "1,000" in body["error"] and "text" in body["error"]
    assert small_budget.state.pool.pending == 0  # refused before it took a place in the pool


@pytest.mark.slow
def test_api_pool_refuses_a_flood_and_keeps_answering_reads(filled_url: str) -> None:  # noqa: F811
    app = create_app(filled_url, extract_workers=1, extract_queue=2)
    pool = app.state.pool
    text = long_text(20_000)
    extracts: list[httpx.Response] = []
    reads: list[tuple[str, int, int]] = []  # (path, status, extractions pending when answered)
    lock = threading.Lock()
    flooding = threading.Event()
    with LiveServer(app) as base:

        def extract() -> None:
            with httpx.Client(base_url=base, timeout=300) as c:
                r = c.post("/extract", json={"text": text, "published": "2023-11-07"})
            with lock:
                extracts.append(r)

        def read() -> None:
            with httpx.Client(base_url=base, timeout=300) as c:
                flooding.wait()
                for _ in range(60):
                    for path in ("/health", "/events?limit=5", "/", "/stats"):
                        status = c.get(path).status_code
                        reads.append((path, status, pool.pending))

        threads = [threading.Thread(target=extract) for _ in range(30)] + [threading.Thread(target=read)]
        for t in threads:
            t.start()
        flooding.set()
        for t in threads:
            t.join(timeout=600)
        after = httpx.post(f"{base}/extract", json={"text": SENTENCES[0].format(n=4)}, timeout=300)
    pool.close()
    statuses = sorted(r.status_code for r in extracts)
    assert len(statuses) == 30 and set(statuses) <= {200, 429}, statuses
    refused = [r for r in extracts if r.status_code == 429]
    assert len(refused) >= 30 - 3 - 3  # one running and two waiting at a time; a few more as slots free
    for r in refused:
        assert r.json()["code"] == "E611" and int(r.headers["retry-after"]) >= 1
    assert all(status == 200 for _, status, _ in reads), [r for r in reads if r[1] != 200][:5]
    assert sum(1 for *_, pending in reads if pending > 0) >= 4, "no read was answered during extraction"
    assert after.status_code == 200 and after.json()["events"]


@pytest.mark.slow
def test_api_pool_stops_an_extraction_past_its_time_budget() -> None:
    app = create_app(None, extract_timeout=0.05)
    api = Client(app)
    response = api.post("/extract", json={"text": long_text(30_000), "published": "2023-11-07"})
    body = response.json()
    assert response.status_code == 503 and body["code"] == "E612" and "0.05 s" in body["error"]
    assert not any(w.alive for w in app.state.pool.pool.workers)  # the worker was stopped, its memory freed
    app.state.pool.close()


@pytest.mark.slow
def test_api_pool_passes_library_errors_through() -> None:
    app = create_app(None)
    response = Client(app).post("/extract", json={"text": "Shelling hit the town.", "published": "soon"})
    assert response.status_code == 422 and response.json()["code"] == "E109"
    app.state.pool.close()


@pytest.mark.parametrize("path", ["/extract", "/articles"])
def test_api_pool_full_refuses_before_reading_the_body(filled_url: str, path: str) -> None:  # noqa: F811
    app = create_app(filled_url, token="s3cret", extract_workers=1, extract_queue=0)
    pool = app.state.pool
    started = pool.places.enter()  # one extraction running, none may wait
    response = Client(app).post(
        path, content=b"{not json at all", headers={"content-type": "application/json"}
    )
    assert response.status_code == 429 and response.json()["code"] == "E611"  # not 400: never parsed
    assert int(response.headers["retry-after"]) >= 1
    assert response.headers["x-content-type-options"] == "nosniff"
    pool.places.leave(started)
    assert Client(app).get("/health").status_code == 200
    pool.close()
