"""The pydantic models of the output contract (OUTPUT.md): ``polemos.article/1`` and ``polemos.event/1``.

The one source of the API's models (``polemos.api.models`` re-exports them) and of the published JSON
Schema (``polemos/data/schema/*.json``, written by ``python -m polemos.contract.schema``).

They describe, they do not narrow: every model allows extra keys, because the contract grows by
adding fields ("add fields, never rename") and the API must pass them through untouched. Response
models accept every record the store can hold: the store keeps a record exactly as it was written
(a key left out stays out, a null stays null), and fusion writes reports no event was read from
(``event_id: null``), so every field the store does not itself require is optional here.
``tests/test_api_stored_records.py`` builds stores from random records and walks every page.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from polemos.types import SCHEMA_ARTICLE, SCHEMA_EVENT


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


# ---- the article result: polemos.article/1 ------------------------------------------------------


class Span(_Open):
    """A character span into the article's text (the pipeline always fills all three)."""

    start: int | None = None
    end: int | None = None
    text: str | None = None


class Actor(_Open):
    text: str | None = None
    name: str | None = None
    kind: str | None = None
    country: str | None = None
    start: int | None = None
    end: int | None = None


class Claimant(Actor):
    party: bool | None = None


class EventActor(Actor):
    # how the text ties the doer to the deed when it does not tell it as a fact (docs/contract.md)
    attribution: Literal["claimed", "blamed", "inferred"] | None = None


class Place(_Open):
    text: str | None = None
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    feature: str | None = None
    start: int | None = None
    end: int | None = None
    precision: str | None = None
    status: str | None = None
    demonym: bool | None = None
    within: str | None = None


class EventDate(_Open):
    start: str | None = None
    end: str | None = None
    precision: str | None = None
    text: str | None = None


class Count(_Open):
    low: int | None = None
    best: int | None = None
    high: int | None = None
    text: str | None = None


class Counts(_Open):
    killed: Count | None = None
    injured: Count | None = None
    size: Count | None = None


class Claim(_Open):
    claimant: Claimant | None = None
    outlet: str | None = None
    start: int | None = None
    end: int | None = None


class Acled(_Open):
    event_type: str | None = None
    sub_event_type: str | None = None


class ArticleEvent(_Open):
    id: str
    type: str
    mode: str | None = None
    modality: str | None = None
    actor: EventActor | None = None
    target: Actor | None = None
    locations: list[Place] = []
    date: EventDate | None = None
    counts: Counts | None = None
    claims: list[Claim] = []
    trigger: Span | None = None
    evidence: Span | None = None
    mentions: list[Span] = []
    acled: Acled | None = None
    cameo: str | None = None
    confidence: float | None = None


class ArticleMeta(_Open):
    id: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None


class TimeExpr(_Open):
    text: str | None = None
    start: int | None = None
    end: int | None = None
    value: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    precision: str | None = None


class ArticleResult(_Open):
    schema_: str = Field(SCHEMA_ARTICLE, alias="schema")
    article: ArticleMeta
    events: list[ArticleEvent] = []
    places: list[Place] = []
    times: list[TimeExpr] = []
    noise: list[Span] = []


class ArticleWithText(ArticleResult):
    """An article result as stored, with the text every span indexes into."""

    text: str


# ---- the fused event: polemos.event/1 -----------------------------------------------------------


class FigureClaim(_Open):
    value: int | None = None
    text: str | None = None
    claimant: str | None = None
    outlet: str | None = None
    article_id: str | None = None


class FusedCount(_Open):
    low: int | None = None
    best: int | None = None
    high: int | None = None
    claims: list[FigureClaim] = []


class FusedClaim(_Open):
    claimant: dict[str, Any] | None = None
    outlet: str | None = None
    article_id: str | None = None


class Report(_Open):
    article_id: str | None = None
    event_id: str | None = Field(
        None,
        description="The article-level event's id; null for an article "
        "no event was read from that fusion joined to this event.",
    )
    outlet: str | None = None
    published: str | None = None
    evidence: Span | None = None


class Disagreement(_Open):
    field: str | None = None
    values: list[Any] = []


class Fusion(_Open):
    method: str | None = None
    score: float | None = None
    reasons: list[str] = []


class FusedEvent(_Open):
    schema_: str = Field(SCHEMA_EVENT, alias="schema")
    id: str
    type: str
    mode: str | None = None
    modality: str | None = None
    actors: list[dict[str, Any]] = []
    targets: list[dict[str, Any]] = []
    locations: list[Place] = []
    date: EventDate | None = None
    counts: dict[str, FusedCount | None] = {}
    claims: list[FusedClaim] = []
    reports: list[Report] = []
    disagreements: list[Disagreement] = []
    fusion: Fusion | None = None
    acled: Acled | None = None
    cameo: str | None = None


class EventDetail(FusedEvent):
    """One event with each report's full article-level record (evidence, spans, claims)."""

    report_events: list[dict[str, Any]] = []


# ---- held against the contract's types --------------------------------------------------------
# Each model describes one object of a record whose keys the contract module owns (the article's
# key tables, the fused event's dataclasses). ``drift`` lists every key the contract writes that
# its model neither describes nor lists below as not described yet (the published schema says
# nothing of them; extra keys are allowed), and every key a model describes that the contract
# never writes (unless the model is shared with the other record). ``schema --check`` and
# ``tests/test_contract_fields.py`` fail on any.


def _mirrors() -> list[tuple[type[BaseModel], tuple[str, ...], frozenset[str], bool]]:
    """(model, the contract's keys of its object, keys not described yet, model shared)."""
    from polemos.contract import article as a
    from polemos.contract import event as e
    from polemos.contract.plain import json_fields as f

    def no(*keys: str) -> frozenset[str]:
        return frozenset(keys)

    return [
        (ArticleResult, a.RESULT_FIELDS, no(), False),
        (ArticleMeta, a.ARTICLE_FIELDS, no(), False),
        (ArticleEvent, a.EVENT_FIELDS, no(), False),
        (Span, a.SPAN_FIELDS, no(), False),
        (Span, a.MENTION_FIELDS, no("reasons"), False),
        (Actor, a.ACTOR_FIELDS, no(), False),
        (EventActor, a.DOER_FIELDS, no(), False),
        (Claimant, a.CLAIMANT_FIELDS, no(), False),
        (Place, a.PLACE_FIELDS, no(), True),
        (TimeExpr, a.TIME_FIELDS, no(), False),
        (Count, (*a.COUNT_FIELDS, "claims"), no("start", "end", "claims"), False),
        (Claim, a.CLAIM_FIELDS, no(), False),
        (EventDate, a.DATE_FIELDS, no("span", "basis"), True),
        (Acled, a.ACLED_FIELDS, no(), False),
        (FusedEvent, f(e.FusedEvent), no(), False),
        (Place, f(e.FusedPlace), no(), True),
        (EventDate, f(e.FusedDate), no(), True),
        (FusedCount, f(e.FusedCount), no(), False),
        (Counts, f(e.FusedCounts), no(), False),
        (FigureClaim, f(e.FigureClaim), no("low", "high", "party"), False),
        (FusedClaim, f(e.FusedClaim), no(), False),
        (Report, f(e.FusedReport), no("uid", "type"), False),
        (Disagreement, f(e.Disagreement), no(), False),
        (Fusion, f(e.Fusion), no("history"), False),
    ]


def drift() -> list[str]:
    """What the models and the contract's types disagree on (empty when they agree)."""
    out = []
    for model, keys, undescribed, shared in _mirrors():
        described = {field.alias or name for name, field in model.model_fields.items()}
        name = model.__name__
        out += [f"{name}: {k} is written but not described" for k in keys if k not in described | undescribed]
        out += [f"{name}: {k} is described now: unlist it" for k in sorted(undescribed & described)]
        if not shared:
            out += [f"{name}: {k} is described but never written" for k in sorted(described - set(keys))]
    return out
