"""ArticleResult -> the contract's JSON (``polemos.article/1``, see docs/contract.md)."""

from __future__ import annotations

from datetime import date
from typing import Any

from polemos.types import (
    SCHEMA_ARTICLE,
    ActorRef,
    ArticleResult,
    Count,
    Event,
    Mention,
    PlaceRef,
    Span,
    TimeRef,
)


def result_to_dict(result: ArticleResult) -> dict[str, Any]:
    a = result.article
    return {
        "schema": SCHEMA_ARTICLE,
        "article": {
            "id": a.id,
            "title": a.title,
            "published": _iso(a.published),
            "outlet": a.outlet,
            "url": a.url,
            "language": result.language,
        },
        "events": [event_to_dict(e, a.published) for e in result.events],
        "places": [place_to_dict(p) for p in result.places],
        "times": [time_to_dict(t) for t in result.times],
        "noise": [span_to_dict(s) for s in result.noise],
    }


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def span_to_dict(s: Span) -> dict[str, Any]:
    return {"start": s.start, "end": s.end, "text": s.text}


def mention_to_dict(m: Span) -> dict[str, Any]:
    """A restating sentence, with why it was judged the same incident (when assembly says)."""
    out = span_to_dict(m)
    if isinstance(m, Mention):
        out["reasons"] = list(m.reasons)
    return out


def actor_to_dict(a: ActorRef | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {
        "text": a.text,
        "name": a.name,
        "kind": a.kind,
        "country": a.country,
        "start": a.start,
        "end": a.end,
    }


def place_to_dict(p: PlaceRef) -> dict[str, Any]:
    return {
        "text": p.text,
        "start": p.start,
        "end": p.end,
        "name": p.name,
        "geonameid": p.geonameid,
        "lat": p.lat,
        "lon": p.lon,
        "country": p.country,
        "admin1": p.admin1,
        "feature": p.feature,
        "precision": p.precision,
        "status": p.status,
        "demonym": p.demonym,
        "within": p.within,
    }


def time_to_dict(t: TimeRef) -> dict[str, Any]:
    return {
        "text": t.text,
        "start": t.start,
        "end": t.end,
        "value": t.value,
        "start_date": _iso(t.start_date),
        "end_date": _iso(t.end_date),
        "precision": t.precision,
    }


def count_to_dict(c: Count | None) -> dict[str, Any] | None:
    if c is None:
        return None
    out: dict[str, Any] = {
        "low": c.low, "best": c.best, "high": c.high, "text": c.text, "start": c.start, "end": c.end,
    }  # fmt: skip
    if c.claims:
        out["claims"] = [
            {
                "low": k.low,
                "best": k.best,
                "high": k.high,
                "text": k.text,
                "start": k.start,
                "end": k.end,
                "update": k.update,
                "claimant": None if k.claimant is None else actor_to_dict(k.claimant),
            }  # fmt: skip
            for k in c.claims
        ]
    return out


def date_to_dict(t: TimeRef | None, published: date | None) -> dict[str, Any] | None:
    """The event's date; without one in the text, the publication week, saying so in ``basis``."""
    if t is not None and t.start_date is not None:
        return {
            "start": _iso(t.start_date),
            "end": _iso(t.end_date or t.start_date),
            "precision": t.precision,
            "text": t.text,
            "span": {"start": t.start, "end": t.end},
            "basis": "text",
        }
    if published is not None:
        return {
            "start": _iso(published),
            "end": _iso(published),
            "precision": "week",
            "text": None,
            "span": None,
            "basis": "published",
        }
    return None


def _doer_to_dict(a: ActorRef | None) -> dict[str, Any] | None:
    """The event's actor: an actor object plus how the text ties it to the deed (``attribution``)."""
    out = actor_to_dict(a)
    if a is not None and out is not None:
        out["attribution"] = a.attribution
    return out


def event_to_dict(e: Event, published: date | None) -> dict[str, Any]:
    return {
        "id": e.id,
        "type": e.type,
        "mode": e.mode,
        "modality": e.modality,
        "actor": _doer_to_dict(e.actor),
        "target": actor_to_dict(e.target),
        "locations": [place_to_dict(p) for p in e.locations],
        "date": date_to_dict(e.date, published),
        "counts": {k: count_to_dict(e.counts.get(k)) for k in ("killed", "injured", "size")},
        "claims": [
            {
                "claimant": None
                if c.claimant is None
                else {**(actor_to_dict(c.claimant) or {}), "party": c.claimant.party},
                "outlet": c.outlet,
                "start": c.start,
                "end": c.end,
            }
            for c in e.claims
        ],
        "trigger": span_to_dict(e.trigger),
        "evidence": span_to_dict(e.evidence),
        "mentions": [mention_to_dict(m) for m in e.mentions],
        "acled": None if e.acled is None else {"event_type": e.acled[0], "sub_event_type": e.acled[1]},
        "cameo": e.cameo,
        "confidence": e.confidence,
    }
