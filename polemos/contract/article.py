"""``polemos.article/1`` (docs/contract.md): ``ArticleResult`` <-> the contract's JSON, both ways.

``to_json`` is the only writer of the record and ``from_json`` the only reader. The JSON does not
carry everything the typed record holds: the article's text and ``source`` (given back to
``from_json`` by the caller), a place's gazetteer ``score``, the ``party`` of an event's actor,
target and a figure's claimant (only a claim's claimant has one) and a target's ``attribution``. So
``to_json(from_json(j)) == j`` for every record, and ``from_json(to_json(x), text=...) == x`` for a
result whose fields the contract carries (an event's date is then one of the article's ``times``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from polemos import types as st
from polemos.contract.plain import plain, shaped
from polemos.types import SCHEMA_ARTICLE

COUNT_KINDS = ("killed", "injured", "size")

# The keys of every object of the record, in the contract's order (docs/contract.md). The writer
# reads them from here and nowhere else, so an object cannot be written without one of its keys;
# ``tests/test_contract_fields.py`` holds them against the API's models and the stage records.
RESULT_FIELDS = ("schema", "article", "events", "places", "times", "noise")
ARTICLE_FIELDS = ("id", "title", "published", "outlet", "url", "language")
EVENT_FIELDS = ("id", "type", "mode", "modality", "actor", "target", "locations", "date", "counts",
                "claims", "trigger", "evidence", "mentions", "acled", "cameo", "confidence")  # fmt: skip
SPAN_FIELDS = ("start", "end", "text")
MENTION_FIELDS = (*SPAN_FIELDS, "reasons")  # a restating sentence, with why it was judged the same
ACTOR_FIELDS = ("text", "name", "kind", "country", "start", "end")
DOER_FIELDS = (*ACTOR_FIELDS, "attribution")  # an event's actor: how the text ties it to the deed
CLAIMANT_FIELDS = (*ACTOR_FIELDS, "party")  # a claim's claimant: a side in the conflict or not
PLACE_FIELDS = ("text", "start", "end", "name", "geonameid", "lat", "lon", "country", "admin1", "feature",
                "precision", "status", "demonym", "within")  # fmt: skip
TIME_FIELDS = ("text", "start", "end", "value", "start_date", "end_date", "precision")
COUNT_FIELDS = ("low", "best", "high", "text", "start", "end")  # then "claims" when there are several
COUNT_CLAIM_FIELDS = ("low", "best", "high", "text", "start", "end", "update", "claimant")
CLAIM_FIELDS = ("claimant", "outlet", "start", "end")
DATE_FIELDS = ("start", "end", "precision", "text", "span", "basis")
ACLED_FIELDS = ("event_type", "sub_event_type")

# how each stage record nested in the result is written (where no role says otherwise)
SHAPES: dict[type, tuple[str, ...]] = {
    st.Span: SPAN_FIELDS, st.Mention: MENTION_FIELDS, st.ActorRef: ACTOR_FIELDS, st.PlaceRef: PLACE_FIELDS,
    st.TimeRef: TIME_FIELDS, st.CountClaim: COUNT_CLAIM_FIELDS, st.Claim: CLAIM_FIELDS,
}  # fmt: skip


def to_json(result: st.ArticleResult) -> dict[str, Any]:
    """The ``polemos.article/1`` record of one article's result (plain JSON values)."""
    return result_to_dict(result)


def result_to_dict(result: st.ArticleResult) -> dict[str, Any]:
    published = result.article.published
    meta = {**_shape(result.article, ARTICLE_FIELDS[:-1]), "language": result.language}
    body = _shape(result, RESULT_FIELDS[2:], events=lambda es: [event_to_dict(e, published) for e in es])
    return {"schema": SCHEMA_ARTICLE, "article": meta, **body}


def _shape(record: Any, names: tuple[str, ...], **convert: Callable[[Any], Any]) -> dict[str, Any]:
    return shaped(record, names, convert, SHAPES)


def span_to_dict(s: st.Span) -> dict[str, Any]:
    return _shape(s, SPAN_FIELDS)


def mention_to_dict(m: st.Span) -> dict[str, Any]:
    """A restating sentence, with why it was judged the same incident (when assembly says)."""
    return _shape(m, MENTION_FIELDS if isinstance(m, st.Mention) else SPAN_FIELDS)


def actor_to_dict(a: st.ActorRef | None) -> dict[str, Any] | None:
    return None if a is None else _shape(a, ACTOR_FIELDS)


def place_to_dict(p: st.PlaceRef) -> dict[str, Any]:
    return _shape(p, PLACE_FIELDS)


def time_to_dict(t: st.TimeRef) -> dict[str, Any]:
    return _shape(t, TIME_FIELDS)


def count_to_dict(c: st.Count | None) -> dict[str, Any] | None:
    if c is None:
        return None
    out = _shape(c, COUNT_FIELDS)
    if c.claims:
        out["claims"] = plain(c.claims, SHAPES)
    return out


def date_to_dict(t: st.TimeRef | None, published: date | None) -> dict[str, Any] | None:
    """The event's date; without one in the text, the publication week, saying so in ``basis``."""
    values: tuple[Any, ...]
    if t is not None and t.start_date is not None:
        values = (t.start_date, t.end_date or t.start_date, t.precision, t.text,
                  {"start": t.start, "end": t.end}, "text")  # fmt: skip
    elif published is not None:
        values = (published, published, "week", None, None, "published")
    else:
        return None
    return dict(zip(DATE_FIELDS, (plain(v) for v in values), strict=True))


def _party(c: st.ActorRef | None) -> dict[str, Any] | None:
    return None if c is None else _shape(c, CLAIMANT_FIELDS)


def event_to_dict(e: st.Event, published: date | None) -> dict[str, Any]:
    return _shape(
        e,
        EVENT_FIELDS,
        actor=lambda a: None if a is None else _shape(a, DOER_FIELDS),
        date=lambda t: date_to_dict(t, published),
        counts=lambda cs: {k: count_to_dict(cs.get(k)) for k in COUNT_KINDS},
        claims=lambda cs: [_shape(c, CLAIM_FIELDS, claimant=_party) for c in cs],
        acled=lambda a: None if a is None else dict(zip(ACLED_FIELDS, a, strict=True)),
    )


# ---- the reader ---------------------------------------------------------------------------------


def from_json(record: Mapping[str, Any], text: str = "", source: str | None = None) -> st.ArticleResult:
    """The typed result of a ``polemos.article/1`` record; ``text`` is the article's text (the
    record's spans index into it), ``source`` where it was read from ("file.jsonl:12")."""
    meta = record.get("article") or {}
    published = _day(meta.get("published"))
    article = st.Article(id=str(meta.get("id")), text=text, title=meta.get("title"), published=published,
                      outlet=meta.get("outlet"), url=meta.get("url"), source=source)  # fmt: skip
    times = tuple(time_from_dict(t) for t in record.get("times") or ())
    return st.ArticleResult(
        article=article,
        events=tuple(event_from_dict(e, times) for e in record.get("events") or ()),
        places=tuple(place_from_dict(p) for p in record.get("places") or ()),
        times=times,
        language=meta.get("language"),
        noise=tuple(span_from_dict(s) for s in record.get("noise") or ()),
    )


def _day(value: Any) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def span_from_dict(d: Mapping[str, Any]) -> st.Span:
    return st.Span(int(d["start"]), int(d["end"]), str(d["text"]))


def mention_from_dict(d: Mapping[str, Any]) -> st.Span | st.Mention:
    if "reasons" in d:
        return st.Mention(int(d["start"]), int(d["end"]), str(d["text"]), tuple(d["reasons"]))
    return span_from_dict(d)


def actor_from_dict(d: Mapping[str, Any] | None) -> st.ActorRef | None:
    if d is None:
        return None
    return st.ActorRef(text=d["text"], start=d["start"], end=d["end"], name=d.get("name"), kind=d.get("kind"),
                    country=d.get("country"), party=d.get("party"),
                    attribution=d.get("attribution"))  # fmt: skip


def place_from_dict(d: Mapping[str, Any]) -> st.PlaceRef:
    return st.PlaceRef(
        text=d["text"], start=d["start"], end=d["end"], name=d.get("name"), geonameid=d.get("geonameid"),
        lat=d.get("lat"), lon=d.get("lon"), country=d.get("country"), admin1=d.get("admin1"),
        feature=d.get("feature"), precision=d.get("precision"), status=d.get("status") or "unresolved",
        demonym=bool(d.get("demonym")), within=d.get("within"),
    )  # fmt: skip


def time_from_dict(d: Mapping[str, Any]) -> st.TimeRef:
    return st.TimeRef(text=d["text"], start=d["start"], end=d["end"], value=d.get("value"),
                   start_date=_day(d.get("start_date")), end_date=_day(d.get("end_date")),
                   precision=d.get("precision"))  # fmt: skip


def count_from_dict(d: Mapping[str, Any] | None) -> st.Count | None:
    if d is None:
        return None
    claims = tuple(
        st.CountClaim(
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
    return st.Count(low=d.get("low"), best=d.get("best"), high=d.get("high"), text=d["text"],
                    start=d["start"], end=d["end"], claims=claims)  # fmt: skip


def date_from_dict(d: Mapping[str, Any] | None, times: Sequence[st.TimeRef] = ()) -> st.TimeRef | None:
    """An event's date read from its text (``basis: text``), as the article's time expression at the
    same span when there is one; None for the publication week (``basis: published``)."""
    if not d or d.get("basis") != "text":
        return None
    span = d.get("span") or {}
    start, end, precision = _day(d.get("start")), _day(d.get("end")), d.get("precision")
    for t in times:
        if (t.start, t.end) == (span.get("start"), span.get("end")):
            if (t.start_date, t.end_date or t.start_date, t.precision) == (start, end, precision):
                return t
            # The event's reading of the expression, not the expression's own ("since Friday": from
            # Friday to publication, a week's precision, though "Friday" alone is one day).
            return replace(t, start_date=start, end_date=end, precision=precision)
    return st.TimeRef(text=d.get("text") or "", start=span.get("start", 0), end=span.get("end", 0),
                      value=None, start_date=start, end_date=end, precision=precision)  # fmt: skip


def _claim_from_dict(d: Mapping[str, Any]) -> st.Claim:
    return st.Claim(claimant=actor_from_dict(d.get("claimant")), outlet=d.get("outlet"), start=d.get("start"),
                 end=d.get("end"))  # fmt: skip


def event_from_dict(d: Mapping[str, Any], times: Sequence[st.TimeRef] = ()) -> st.Event:
    """One event of a ``polemos.article/1`` record (``times``: the article's, for its date)."""
    acled = d.get("acled")
    counts = {k: count_from_dict(c) for k, c in (d.get("counts") or {}).items() if c is not None}
    return st.Event(
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
