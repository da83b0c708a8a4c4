"""A coded error the pipeline raises on a request's article (issue 13): ``POST /extract`` and ``POST
/articles`` answer it with its own code, status and message, as the server did before extraction went
through the batch runner, not 500 E609; a plain crash stays E609. The runner's ``Failure`` carries the
error's code and status in its ``cause``. The hand extractor (``store_extractor``: "REFUSE" raises a
ReadError E108, "UNREADY" a ResolveError E302 answered 503, "CRASH" a RuntimeError) in the API's pool:
no model is loaded."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from api_fixtures import Client

from polemos.api import create_app
from polemos.api.pool import ExtractPool, PipelineCrash, Refused

HAND = "store_extractor:HandExtractor"
AUTH = {"Authorization": "Bearer s3cret"}


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Any]:
    app = create_app(f"sqlite:///{tmp_path / 'api.db'}", token="s3cret")
    app.state.pool.close()
    app.state.pool = ExtractPool(1, 2, extractor=HAND)
    yield app
    app.state.pool.close()
    app.state.store.close()


@pytest.mark.parametrize(
    ("text", "status", "code"),
    [
        ("REFUSE 4 killed in Hama.", 422, "E108"),
        ("Reports said 4 killed in Hama. REFUSE", 422, "E108"),
        ("UNREADY 5 killed in Idlib.", 503, "E302"),
    ],
)
def test_extract_answers_a_coded_error_with_its_own_code_and_status(app: Any, text: str, status: int,
                                                                    code: str) -> None:  # fmt: skip
    response = Client(app).post("/extract", json={"id": "r1", "text": text})
    body = response.json()
    assert (response.status_code, body["code"], body["status"]) == (status, code, status)
    own = ("<text>: not a language", "cannot load the data file")  # the error's own message
    assert body["error"].startswith(own)


def test_extract_answers_a_plain_crash_e609_and_a_good_text_its_record(app: Any) -> None:
    api = Client(app)
    crash = api.post("/extract", json={"text": "CRASH 6 killed in Gao."})
    assert (crash.status_code, crash.json()["code"]) == (500, "E609")
    assert "RuntimeError" in crash.json()["error"]
    good = api.post("/extract", json={"id": "g1", "text": "7 killed in Aden."})
    assert good.status_code == 200 and good.json()["article"]["id"] == "g1" and good.json()["events"]


@pytest.mark.parametrize(
    ("text", "status", "code"),
    [("REFUSE 4 killed in Hama.", 422, "E108"), ("UNREADY 5 killed in Idlib.", 503, "E302")],
)
def test_post_articles_answers_and_quarantines_a_coded_error_with_its_code(app: Any, text: str, status: int,
                                                                           code: str) -> None:  # fmt: skip
    response = Client(app).post("/articles", json={"id": "bad", "text": text}, headers=AUTH)
    assert (response.status_code, response.json()["code"]) == (status, code)
    store = app.state.store
    (quarantined,) = store.quarantined()
    assert (quarantined.source, quarantined.code, quarantined.article_id) == ("api", code, "bad")
    assert quarantined.reason.startswith(f"[{code}] ")
    assert store.runs()[-1]["failed"] == 1
    assert Client(app).get("/events").json()["total"] == 0


def test_the_pool_raises_the_coded_error_as_refused_with_its_class_name() -> None:
    pool = ExtractPool(1, 0, extractor=HAND)
    try:
        with pytest.raises(Refused) as refused:
            asyncio.run(pool.extract({"id": "x", "text": "UNREADY 5 killed in Idlib."}))
        assert (refused.value.code, refused.value.status, refused.value.name) == ("E302", 503, "ResolveError")
        assert str(refused.value).startswith("[E302] cannot load the data file gazetteer.sqlite")
        with pytest.raises(PipelineCrash):
            asyncio.run(pool.extract({"text": "CRASH 6 killed in Gao."}))
        assert pool.pending == 0
    finally:
        pool.close()
