"""POST /extract and POST /articles through the real pipeline (spaCy model: slow)."""

from __future__ import annotations

import pytest
from api_fixtures import Client, filled_url  # noqa: F401  (fixture)

from polemos.api import create_app

TEXT = (
    "Shelling kills four in frontline town\n"
    "At least four civilians were killed when artillery shells hit a market in the town of Kupiansk "
    "on Tuesday, the regional governor said."
)


@pytest.mark.slow
def test_api_extract_returns_the_contract_with_true_offsets() -> None:
    body = Client(create_app(None)).post("/extract", json={"text": TEXT, "published": "2023-11-07",
                                                           "outlet": "Example Wire"}).json()  # fmt: skip
    assert body["schema"] == "polemos.article/1" and body["article"]["outlet"] == "Example Wire"
    assert body["events"], "the killing is an event"
    for ev in body["events"]:
        assert TEXT[ev["evidence"]["start"] : ev["evidence"]["end"]] == ev["evidence"]["text"]
    assert any((ev["counts"]["killed"] or {}).get("low") == 4 for ev in body["events"])


@pytest.mark.slow
def test_api_post_article_stores_once(filled_url: str) -> None:  # noqa: F811
    api = Client(create_app(filled_url, token="s3cret"))
    auth = {"Authorization": "Bearer s3cret"}
    payload = {"id": "kupiansk", "text": TEXT, "published": "2023-11-07", "outlet": "Example Wire"}
    first = api.post("/articles", json=payload, headers=auth)
    assert first.status_code == 201 and first.json()["added"] is True
    assert api.get("/events?article_id=kupiansk").json()["total"] == first.json()["events"] > 0
    again = api.post("/articles", json=payload, headers=auth).json()
    assert again["added"] is False
    assert api.get("/stats").json()["articles"] == 5
