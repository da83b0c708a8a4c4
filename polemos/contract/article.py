"""``polemos.article/1`` (docs/contract.md): ``ArticleResult`` <-> the contract's JSON, both ways.

``to_json`` is the only writer of the record and ``from_json`` the only reader. The JSON does not
carry everything the typed record holds: the article's text and ``source`` (given back to
``from_json`` by the caller), a place's gazetteer ``score``, the ``party`` of an event's actor,
target and a figure's claimant (only a claim's claimant has one) and a target's ``attribution``. So
``to_json(from_json(j)) == j`` for every record, and ``from_json(to_json(x), text=...) == x`` for a
result whose fields the contract carries (an event's date is then one of the article's ``times``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from polemos.types import (
    SCHEMA_ARTICLE,
    ActorRef,
    Article,
    ArticleResult,
    Claim,
    Count,
    CountClaim,
    Event,
    Mention,
    PlaceRef,
    Span,
    TimeRef,
)

COUNT_KINDS = ("killed", "injured", "size")


def to_json(result: ArticleResult) -> dict[str, Any]:
    """The ``polemos.article/1`` record of one article's result (plain JSON values)."""
    return result_to_dict(result)


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
        "counts": {k: count_to_dict(e.counts.get(k)) for k in COUNT_KINDS},
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


# ---- the reader ---------------------------------------------------------------------------------


def from_json(record: Mapping[str, Any], text: str = "", source: str | None = None) -> ArticleResult:
    """The typed result of a ``polemos.article/1`` record; ``text`` is the article's text (the
    record's spans index into it), ``source`` where it was read from ("file.jsonl:12")."""
    meta = record.get("article") or {}
    published = _day(meta.get("published"))
    article = Article(id=str(meta.get("id")), text=text, title=meta.get("title"), published=published,
                      outlet=meta.get("outlet"), url=meta.get("url"), source=source)  # fmt: skip
    times = tuple(time_from_dict(t) for t in record.get("times") or ())
    return ArticleResult(
        article=article,
        events=tuple(event_from_dict(e, times) for e in record.get("events") or ()),
        places=tuple(place_from_dict(p) for p in record.get("places") or ()),
        times=times,
        language=meta.get("language"),
        noise=tuple(span_from_dict(s) for s in record.get("noise") or ()),
    )


def _day(value: Any) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def span_from_dict(d: Mapping[str, Any]) -> Span:
    return Span(int(d["start"]), int(d["end"]), str(d["text"]))


def mention_from_dict(d: Mapping[str, Any]) -> Span | Mention:
    if "reasons" in d:
        return Mention(int(d["start"]), int(d["end"]), str(d["text"]), tuple(d["reasons"]))
    return span_from_dict(d)


def actor_from_dict(d: Mapping[str, Any] | None) -> ActorRef | None:
    if d is None:
        return None
    return ActorRef(text=d["text"], start=d["start"], end=d["end"], name=d.get("name"), kind=d.get("kind"),
                    country=d.get("country"), party=d.get("party"),
                    attribution=d.get("attribution"))  # fmt: skip


def place_from_dict(d: Mapping[str, Any]) -> PlaceRef:
    return PlaceRef(
        text=d["text"], start=d["start"], end=d["end"], name=d.get("name"), geonameid=d.get("geonameid"),
        lat=d.get("lat"), lon=d.get("lon"), country=d.get("country"), admin1=d.get("admin1"),
        feature=d.get("feature"), precision=d.get("precision"), status=d.get("status") or "unresolved",
        demonym=bool(d.get("demonym")), within=d.get("within"),
    )  # fmt: skip


def time_from_dict(d: Mapping[str, Any]) -> TimeRef:
    return TimeRef(text=d["text"], start=d["start"], end=d["end"], value=d.get("value"),
                   start_date=_day(d.get("start_date")), end_date=_day(d.get("end_date")),
                   precision=d.get("precision"))  # fmt: skip


def count_from_dict(d: Mapping[str, Any] | None) -> Count | None:
    if d is None:
        return None
    claims = tuple(
        CountClaim(
            low=k.get("low"),
            best=k.get("best"),
            high=k.get("high"),
            text=k["text"],
            start=k["start"],
            end=k["end"],
            claimant=actor_from_dict(k.get("claimant")),
            update=bool(k.get("update")),
        )  # fmt: skip
        for k in d.get("claims") or ()
    )
    return Count(low=d.get("low"), best=d.get("best"), high=d.get("high"), text=d["text"], start=d["start"],
                 end=d["end"], claims=claims)  # fmt: skip


def date_from_dict(d: Mapping[str, Any] | None, times: Sequence[TimeRef] = ()) -> TimeRef | None:
    """An event's date read from its text (``basis: text``), as the article's time expression at the
    same span when there is one; None for the publication week (``basis: published``)."""
    if not d or d.get("basis") != "text":
        return None
    span = d.get("span") or {}
    for t in times:
        if (t.start, t.end) == (span.get("start"), span.get("end")):
            return t
    return TimeRef(text=d.get("text") or "", start=span.get("start", 0), end=span.get("end", 0), value=None,
                   start_date=_day(d.get("start")), end_date=_day(d.get("end")),
                   precision=d.get("precision"))  # fmt: skip


def _claim_from_dict(d: Mapping[str, Any]) -> Claim:
    return Claim(claimant=actor_from_dict(d.get("claimant")), outlet=d.get("outlet"), start=d.get("start"),
                 end=d.get("end"))  # fmt: skip


def event_from_dict(d: Mapping[str, Any], times: Sequence[TimeRef] = ()) -> Event:
    """One event of a ``polemos.article/1`` record (``times``: the article's, for its date)."""
    acled = d.get("acled")
    counts = {k: count_from_dict(c) for k, c in (d.get("counts") or {}).items() if c is not None}
    return Event(
        id=d["id"], type=d["type"], mode=d.get("mode"), modality=d["modality"],
        trigger=span_from_dict(d["trigger"]), evidence=span_from_dict(d["evidence"]),
        actor=actor_from_dict(d.get("actor")), target=actor_from_dict(d.get("target")),
        locations=tuple(place_from_dict(p) for p in d.get("locations") or ()),
        date=date_from_dict(d.get("date"), times), counts=counts,
        claims=tuple(_claim_from_dict(c) for c in d.get("claims") or ()),
        mentions=tuple(mention_from_dict(m) for m in d.get("mentions") or ()),
        acled=None if acled is None else (acled["event_type"], acled["sub_event_type"]),
        cameo=d.get("cameo"), confidence=d.get("confidence", 0.5),
    )  # fmt: skip
