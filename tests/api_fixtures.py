"""Hand-made contract records for the API and web tests, and a store holding them.

Each article's text is written here and every span is found in it, so offsets are true
(``text[start:end] == field text``). One article carries markup in its text, title and fields:
the pages must show it as text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from polemos.store import SqlStore, Stored

HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'


def _span(text: str, piece: str, after: int = 0) -> dict[str, Any]:
    start = text.index(piece, after)
    return {"text": piece, "start": start, "end": start + len(piece)}


def place(text: str, piece: str, lat: float, lon: float, country: str) -> dict[str, Any]:
    return {**_span(text, piece), "name": piece, "geonameid": None, "lat": lat, "lon": lon,
            "country": country, "admin1": None, "feature": "city"}  # fmt: skip


def event(
    text: str,
    eid: str,
    sentence: str,
    type_: str,
    *,
    actor: str | None = None,
    places: list[dict[str, Any]] | None = None,
    day: str | None = None,
    date_text: str | None = None,
    killed: tuple[int, str] | None = None,
    claimant: str | None = None,
    party: bool | None = None,
    outlet: str = "Test Wire",
    modality: str = "asserted",
    trigger: str | None = None,
) -> dict[str, Any]:
    evid = _span(text, sentence)
    inside = evid["start"]
    claim: dict[str, Any] = {"claimant": None, "outlet": outlet, "start": None, "end": None}
    if claimant:
        c = _span(text, claimant, inside)
        claim = {"claimant": {**c, "name": claimant, "kind": "state", "country": None, "party": party},
                 "outlet": outlet, "start": c["start"], "end": c["end"]}  # fmt: skip
    date = None
    if day:
        date = {"start": day, "end": day, "precision": "day", "text": date_text,
                "span": _span(text, date_text, inside) if date_text else None}  # fmt: skip
    count = None
    if killed:
        count = {"low": killed[0], "best": killed[0], "high": killed[0], **_span(text, killed[1], inside)}
    return {
        "id": eid,
        "type": type_,
        "mode": None,
        "modality": modality,
        "actor": None
        if not actor
        else {**_span(text, actor, inside), "name": actor, "kind": "rebel", "country": None},  # fmt: skip
        "target": None,
        "locations": [{**p, **_span(text, p["text"], inside)} for p in places or []],
        "date": date,
        "counts": {"killed": count, "injured": None, "size": None},
        "claims": [claim],
        "trigger": _span(text, trigger, inside) if trigger else None,
        "evidence": evid,
        "mentions": [],
        "acled": None,
        "cameo": None,
        "confidence": 0.5,
    }


def record(article_id: str, text: str, events: list[dict[str, Any]], outlet: str, published: str) -> dict:
    return {
        "schema": "polemos.article/1",
        "article": {"id": article_id, "title": text.split("\n")[0], "published": published,
                    "outlet": outlet, "url": f"https://example.org/{article_id}", "language": "en"},
        "events": events,
        "places": [],
        "times": [],
    }  # fmt: skip


def corpus() -> list[Stored]:
    """Four articles: two outlets on one bombing in Homs, a protest in Kharkiv, and a hostile text."""
    out = []
    t1 = "Car bomb kills 12 in Homs\nA car bomb killed 12 people in Homs on Tuesday, the governor said."
    s1 = "A car bomb killed 12 people in Homs on Tuesday, the governor said."
    out.append(Stored(record("homs-a", t1, [event(
        t1, "e1", s1, "ASSAULT", places=[place(t1, "Homs", 34.73, 36.72, "SY")], day="2016-03-15",
        date_text="on Tuesday", killed=(12, "12 people"), claimant="the governor", party=True,
        outlet="Orontes Observer", trigger="killed")], "Orontes Observer", "2016-03-15"), t1))  # fmt: skip
    t2 = "Homs toll rises\nSeventeen people died in the Homs bombing on Tuesday, a monitoring group said."
    s2 = "Seventeen people died in the Homs bombing on Tuesday, a monitoring group said."
    out.append(Stored(record("homs-b", t2, [event(
        t2, "e1", s2, "ASSAULT", places=[place(t2, "Homs", 34.73, 36.72, "SY")], day="2016-03-15",
        date_text="on Tuesday", killed=(17, "Seventeen people"), claimant="a monitoring group", party=False,
        outlet="Levant Wire", trigger="died")], "Levant Wire", "2016-03-16"), t2))  # fmt: skip
    t3 = "Rally in Kharkiv\nSome 3,000 people protested in Kharkiv on Saturday against power cuts."
    s3 = "Some 3,000 people protested in Kharkiv on Saturday against power cuts."
    out.append(Stored(record("kharkiv", t3, [event(
        t3, "e1", s3, "PROTEST", places=[place(t3, "Kharkiv", 49.99, 36.23, "UA")], day="2023-11-04",
        date_text="on Saturday", trigger="protested", outlet="Example Wire")],
        "Example Wire", "2023-11-05"), t3))  # fmt: skip
    t4 = f"Raid on {HOSTILE} village\nFighters of the {HOSTILE} Brigade attacked the village on Monday."
    s4 = f"Fighters of the {HOSTILE} Brigade attacked the village on Monday."
    out.append(Stored(record("hostile", t4, [event(
        t4, "e1", s4, "ASSAULT", actor=f"{HOSTILE} Brigade", places=[place(t4, "village", 36.2, 37.16, "SY")],
        day="2016-03-14", date_text="on Monday", trigger="attacked", outlet=HOSTILE)],
        HOSTILE, "2016-03-14"), t4))  # fmt: skip
    return out


def fill(store: SqlStore) -> None:
    """Store the corpus as every write path does (polemos.service): recorded as a run, then fused."""
    from polemos.service import IngestService

    IngestService(store).write(corpus(), paths=["corpus"], engine="test")


@pytest.fixture
def filled_url(tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A SQLite file holding the hand-made corpus."""
    url = f"sqlite:///{tmp_path / 'api.db'}"
    store = SqlStore(url)
    fill(store)
    store.close()
    yield url


class Client:
    """A synchronous client that calls the ASGI app in-process (httpx's ASGITransport)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    def request(self, method: str, url: str, **kw: Any) -> Any:
        import asyncio
        import concurrent.futures

        import httpx

        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app, raise_app_exceptions=False)
            async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as c:
                return await c.request(method, url, **kw)

        # its own thread and loop: Playwright's sync API keeps a loop running in the main thread
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            return pool.submit(lambda: asyncio.run(go())).result()

    def get(self, url: str, **kw: Any) -> Any:
        return self.request("GET", url, **kw)

    def post(self, url: str, **kw: Any) -> Any:
        return self.request("POST", url, **kw)
