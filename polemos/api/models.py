"""The API's request and answer models; the contract's records are ``polemos.contract.models``
(one source for the API, the OpenAPI document and the published JSON Schema)."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from polemos.contract.models import (
    Acled,
    Actor,
    ArticleEvent,
    ArticleMeta,
    ArticleResult,
    ArticleWithText,
    Claim,
    Claimant,
    Count,
    Counts,
    Disagreement,
    EventDate,
    EventDetail,
    FigureClaim,
    FusedClaim,
    FusedCount,
    FusedEvent,
    Fusion,
    Place,
    Report,
    Span,
    TimeExpr,
)

__all__ = [
    "Span",
    "Actor",
    "Claimant",
    "Place",
    "EventDate",
    "Count",
    "Counts",
    "Claim",
    "Acled",
    "ArticleEvent",
    "ArticleMeta",
    "TimeExpr",
    "ArticleResult",
    "ArticleWithText",
    "FigureClaim",
    "FusedCount",
    "FusedClaim",
    "Report",
    "Disagreement",
    "Fusion",
    "FusedEvent",
    "EventDetail",
]


# ---- requests and other answers -----------------------------------------------------------------


_SURROGATE = re.compile("[\ud800-\udfff]")


class ExtractRequest(BaseModel):
    """Refused (422) rather than cleaned: a lone surrogate (JSON's ``\\ud800`` unpaired) is not text,
    only a client's broken encoder writes one, and replacing it would change the text the answer's
    offsets index into. Field lengths are what the store's columns hold."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(..., min_length=1, description="The article text; all offsets index into it.")
    published: str | None = Field(None, max_length=40, description="Publication date, YYYY-MM-DD.")
    outlet: str | None = Field(None, max_length=500)
    title: str | None = Field(None, max_length=10_000)
    id: str | None = Field(None, max_length=2000)
    url: str | None = Field(None, max_length=10_000)

    @field_validator("*", mode="before")
    @classmethod
    def _unicode(cls, value: Any) -> Any:
        if isinstance(value, str) and (found := _SURROGATE.search(value)):
            at = found.start()
            raise PydanticCustomError("string_unicode", f"lone surrogate at character {at}")
        return value


class IngestRequest(ExtractRequest):
    """An article to extract and store (same fields as /extract)."""


class IngestAnswer(BaseModel):
    ok: bool = True
    article_id: str
    added: bool = Field(..., description="False when the same text was already stored under this id.")
    events: int
    run: int | None = Field(None, description="The ingest run this request was recorded as.")


class EventPage(BaseModel):
    ok: bool = True
    total: int
    offset: int
    limit: int
    sort: str
    events: list[FusedEvent]


class Bucket(BaseModel):
    key: str | None
    count: int
    killed: int = 0


class Stats(BaseModel):
    ok: bool = True
    articles: int
    events: int
    by_type: list[Bucket]
    by_country: list[Bucket]
    by_month: list[Bucket]
    timeline: list[Bucket]
    interval: Literal["day", "week"]


class Health(BaseModel):
    ok: bool = True
    version: str
    database: str | None
    map_assets: bool
    unfused_reports: int | None = Field(
        None,
        description="Stored reports no fused event holds (a store written by an older polemos): "
        "they are not served until 'polemos events fuse' fuses them. 0 normally; null without a store.",
    )


class ErrorBody(BaseModel):
    """The one shape of every error answer."""

    ok: Literal[False] = False
    error: str
    errors: list[Any] = []
    status: int
    code: str | None = None
