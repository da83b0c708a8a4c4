"""Hand-written article-level event records for the fusion tests (contract fields only)."""

from __future__ import annotations

from typing import Any

from polemos.fuse import report_from_record
from polemos.fuse.report import Report

PLACES = {  # name: (geonameid, lat, lon, country, admin1, feature)
    "Jableh": (169304, 35.36, 35.93, "SY", "Latakia", "city"),
    "Tartus": (163345, 34.89, 35.89, "SY", "Tartus", "city"),
    "Aleppo": (170063, 36.20, 37.16, "SY", "Aleppo", "city"),
    "Kabul": (1138958, 34.53, 69.17, "AF", "Kabul", "city"),
    "Shar-e Naw": (9000001, 34.535, 69.165, "AF", "Kabul", "neighbourhood"),
    "Karte Se": (9000002, 34.50, 69.12, "AF", "Kabul", "neighbourhood"),
    "Maiduguri": (2331447, 11.85, 13.16, "NG", "Borno", "city"),
    "Mosul": (99072, 36.34, 43.13, "IQ", "Nineveh", "city"),
}


def event(
    article: str,
    text: str,
    *,
    outlet: str = "Wire",
    published: str = "2016-05-24",
    type: str = "ASSAULT",
    mode: str | None = None,
    modality: str = "asserted",
    actor: str | None = None,
    actor_kind: str | None = None,
    target: str | None = None,
    target_kind: str | None = None,
    places: tuple[str, ...] = (),
    date: tuple[str, str, str] | None = None,  # start, end, precision (read from the text)
    killed: tuple[int | None, int | None, int | None] | None = None,
    claimant: str | None = None,
    party: bool = False,
    event_id: str = "ev1",
) -> dict[str, Any]:
    def who(name: str | None, kind: str | None) -> dict[str, Any] | None:
        if name is None:
            return None
        start = text.find(name)
        return {
            "text": name,
            "name": name,
            "kind": kind,
            "country": None,
            "start": start,
            "end": start + len(name),
        }

    locations = []
    for name in places:
        gid, lat, lon, cc, admin1, feature = PLACES[name]
        start = max(0, text.find(name))
        locations.append(
            {
                "text": name,
                "name": name,
                "geonameid": gid,
                "lat": lat,
                "lon": lon,
                "country": cc,
                "admin1": admin1,
                "feature": feature,
                "start": start,
                "end": start + len(name),
            }
        )
    counts: dict[str, Any] = {"killed": None, "injured": None, "size": None}
    if killed is not None:
        counts["killed"] = {"low": killed[0], "best": killed[1], "high": killed[2], "text": str(killed[1])}
    claim = {"claimant": None, "outlet": outlet, "start": None, "end": None}
    if claimant:
        claim["claimant"] = {
            "text": claimant,
            "name": claimant,
            "kind": "ngo",
            "country": None,
            "party": party,
        }
    if date is not None:
        date_obj = {
            "start": date[0],
            "end": date[1],
            "precision": date[2],
            "text": "on that day",
            "basis": "text",
        }
    else:
        date_obj = {
            "start": published,
            "end": published,
            "precision": "week",
            "text": None,
            "basis": "published",
        }
    return {
        "id": event_id,
        "type": type,
        "mode": mode,
        "modality": modality,
        "actor": who(actor, actor_kind),
        "target": who(target, target_kind),
        "locations": locations,
        "date": date_obj,
        "counts": counts,
        "claims": [claim],
        "trigger": {"text": "x", "start": 0, "end": 1},
        "evidence": {"start": 0, "end": len(text), "text": text},
        "mentions": [],
        "acled": None,
        "cameo": "18",
        "confidence": 0.8,
        "article_id": article,
        "outlet": outlet,
        "published": published,
    }


def reports(*records: dict[str, Any]) -> list[Report]:
    return [report_from_record(r) for r in records]
