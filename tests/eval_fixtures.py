"""A hand-made article, its gold and polemos-like records for it, for the eval tests (no model)."""

from __future__ import annotations

import copy
from typing import Any

TEXT = (
    "Blast kills nine in Aden market\n"
    "A car bomb killed nine people at a market in Aden on Monday, the governor said.\n"
    "Separately, rebels shelled the port city of Hodeidah on Sunday, residents said.\n"
    "The government said it would hold talks with the rebels in Muscat next month.\n"
    "READ MORE: Yemen's war in maps"
)
ADEN, HODEIDAH = (12.78, 45.04), (14.80, 42.95)


def span(piece: str, text: str = TEXT) -> dict[str, Any]:
    start = text.index(piece)
    return {"start": start, "end": start + len(piece), "text": piece}


def gold() -> dict[str, Any]:
    return {
        "id": "aden",
        "text": TEXT,
        "published": "2024-03-05",
        "events": [
            {
                "id": "G1",
                "required": True,
                "type": "ASSAULT",
                "alt": [],
                "anchor": "A car bomb killed nine",
                "locations": [{"name": "Aden", "lat": ADEN[0], "lon": ADEN[1], "km": 20}],
                "date": "2024-03-04",
                "killed": [9, 9],
                "claimant": ["governor"],
                "modality": "asserted",
            },
            {
                "id": "G2",
                "required": True,
                "type": "ASSAULT",
                "alt": ["FIGHT"],
                "anchor": ["rebels shelled the port city", "the port city of Hodeidah"],
                "actor": ["rebel"],
                "target": ["Hodeidah"],
                "date": "2024-03-03",
                "date_tol": 1,
            },
            {
                "id": "G3",
                "required": True,
                "type": "CONSULT",
                "alt": ["AGREE"],
                "spans": [[TEXT.index("would hold talks"), TEXT.index("would hold talks") + 16]],
                "actor": ["government"],
                "date": "2024-04",
                "date_precision": "month",
                "modality": "planned",
            },
            {"id": "G4", "required": False, "type": "ACCUSE", "alt": [], "anchor": "the governor said"},
        ],
        "forbidden": [
            {"what": "any event from the READ MORE line", "anchor": "READ MORE"},
            {"what": "an event dated 2024-01-01", "date": "2024-01-01"},
        ],
    }


def event(piece: str, type_: str, **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "type": type_,
        "mode": None,
        "modality": "asserted",
        "actor": None,
        "target": None,
        "locations": [],
        "date": None,
        "counts": {"killed": None, "injured": None, "size": None},
        "claims": [],
        "evidence": span(piece),
        "mentions": [],
    }
    base.update(fields)
    return base


def perfect() -> dict[str, Any]:
    """What a reader who agrees with the gold would write."""
    return {
        "article": {"id": "aden"},
        "events": [
            event(
                "A car bomb killed nine people at a market in Aden on Monday",
                "ASSAULT",
                locations=[{"name": "Aden", "lat": 12.8, "lon": 45.03}],
                date={"start": "2024-03-04"},
                counts={"killed": {"low": 9, "best": 9, "high": 9}},
                claims=[{"claimant": {"text": "the governor", "name": "Governor of Aden"}}],
            ),
            event(
                "rebels shelled the port city of Hodeidah on Sunday",
                "ASSAULT",
                actor={"text": "rebels", "name": "Houthis"},
                target={"text": "the port city of Hodeidah"},
                date={"start": "2024-03-04"},
            ),
            event(
                "The government said it would hold talks",
                "CONSULT",
                modality="planned",
                actor={"text": "The government"},
                date={"start": "2024-04-01"},
            ),
        ],
    }


def record_with(**changes: Any) -> dict[str, Any]:
    rec = copy.deepcopy(perfect())
    for i, upd in changes.items():
        rec["events"][int(i[1:])].update(upd)
    return rec
