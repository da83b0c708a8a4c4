"""A small deterministic extractor for ingest tests (the store is under test here, not extraction).

It reads "<number> killed in <Place>" sentences with plain string search and writes contract records
with true offsets; text containing "CRASH" makes it raise, as an extractor bug would, "REFUSE" and
"UNREADY" raise coded errors of the pipeline's own (ReadError E108, 422; ResolveError E302 answered
503), "SPIN" makes it loop for ever (for time budgets), "HUGECOUNT" and "NANCONF" make records no
store can hold alike.
Tests that run the real pipeline end to end are marked slow and live beside these.
"""

from __future__ import annotations

import os
import re
import time
from typing import Any

from polemos.errors import Errors, ReadError, ResolveError
from polemos.types import Article

_KILLED = re.compile(r"(\d+) (?:people )?(?:were )?killed in ([A-Z][a-z]+)")


def record_for(article: Article) -> dict[str, Any]:
    events = []
    for n, m in enumerate(_KILLED.finditer(article.text), start=1):
        number, place = m.group(1), m.group(2)
        events.append(
            {
                "id": f"e{n}",
                "type": "ASSAULT",
                "mode": None,
                "modality": "asserted",
                "actor": None,
                "target": None,
                "locations": [
                    {
                        "text": place,
                        "name": place,
                        "geonameid": None,
                        "lat": None,
                        "lon": None,
                        "country": None,
                        "admin1": None,
                        "feature": None,
                        "start": m.start(2),
                        "end": m.end(2),
                    }
                ],
                "date": None,
                "counts": {
                    "killed": {"low": int(number), "best": int(number), "high": int(number), "text": number},
                    "injured": None,
                    "size": None,
                },
                "claims": [{"claimant": None, "outlet": article.outlet, "start": None, "end": None}],
                "trigger": {
                    "text": "killed",
                    "start": m.start() + m.group(0).index("killed"),
                    "end": m.start() + m.group(0).index("killed") + 6,
                },
                "evidence": {"start": m.start(), "end": m.end(), "text": m.group(0)},
                "mentions": [],
                "acled": None,
                "cameo": "18",
                "confidence": 0.5,
            }
        )
    return {
        "schema": "polemos.article/1",
        "article": {
            "id": article.id,
            "title": article.title,
            "published": article.published.isoformat() if article.published else None,
            "outlet": article.outlet,
            "url": article.url,
            "language": "en",
        },
        "events": events,
        "places": [],
        "times": [],
    }


class HandExtractor:
    def __init__(self) -> None:
        self.delay = float(
            os.environ.get("POLEMOS_TEST_DELAY", "0")
        )  # seconds per article: lets a test kill us

    def __call__(self, articles: list[Article]) -> list[Any]:
        out = []
        for article in articles:
            if "CRASH" in article.text:
                raise RuntimeError("the extractor broke on this text")
            if "REFUSE" in article.text:  # a coded refusal, as the pipeline's language check makes
                where = article.source or article.id
                raise ReadError(Errors.E108.format(source=where, language="German", languages="English"))
            if "UNREADY" in article.text:  # a coded error whose status is not its class's
                raise ResolveError(Errors.E302.format(path="gazetteer.sqlite", detail="locked"), status=503)
            while "SPIN" in article.text:  # Python steps, so a time budget can stop it
                pass
            if self.delay:
                time.sleep(self.delay)
            record = record_for(article)
            if "BADRECORD" in article.text:  # a record the store cannot take: an event without its id
                del record["events"][0]["id"]
            if "HUGECOUNT" in article.text:  # past 2^63: SQLite's driver overflows, PostgreSQL refuses
                record["events"][0]["counts"]["killed"]["best"] = 2**63
            if "NANCONF" in article.text:  # SQLite would store NULL, PostgreSQL NaN
                record["events"][0]["confidence"] = float("nan")
            out.append(record)
        return out


class TaggingExtractor(HandExtractor):
    """The hand extractor with a keyword argument, to show a backend builds the extractor with it."""

    def __init__(self, tag: str = "untagged") -> None:
        super().__init__()
        self.tag = tag

    def __call__(self, articles: list[Article]) -> list[Any]:
        out = super().__call__(articles)
        for record in out:
            record["article"]["title"] = self.tag
        return out
