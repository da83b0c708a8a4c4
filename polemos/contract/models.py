"""The pydantic models of the output contract (OUTPUT.md): ``polemos.article/1`` and ``polemos.event/1``,
derived from the contract's types.

Every model is generated (``pydantic.create_model``) from the keys and type hints of the contract's
own records: the fused event's dataclasses (``polemos.contract.event``) and, for the article, the
key tables of ``polemos.contract.article`` typed by the stage records of ``polemos.types`` they are
written from. ``DESCRIBED`` below is the one table of what the types do not say themselves: a
model's name, which keys are required, the keys not described yet (written, but the published
schema says nothing of them; they pass as extra keys), the type a key is described with where its
record keeps it as JSON or writes it its own way, field descriptions, and the order of the one model
two records share (``Place``). A key added to a record type or a key table is therefore described,
in the API's models, its OpenAPI document and the published JSON Schema
(``polemos.contract.schema``), with nothing else to edit (``tests/test_contract_models.py``).

How a type hint is described: a record type is its model (``MODEL_OF``), a tuple a list (default
``[]``), a date an ISO string, a mapping kept as JSON an object; every key not required is optional
(``None``). The models describe, they do not narrow: every model allows extra keys, because the
contract grows by adding fields ("add fields, never rename") and the API must pass them through
untouched. Response models accept every record the store can hold: the store keeps a record
exactly as it was written (a key left out stays out, a null stays null), and fusion writes reports
no event was read from (``event_id: null``), so every field the store does not itself require is
optional here. ``tests/test_api_stored_records.py`` builds stores from random records and walks
every page.
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, Union, get_args, get_origin, get_type_hints

from pydantic import BaseModel, ConfigDict, Field, create_model

from polemos import types as st
from polemos.contract import article as a
from polemos.contract import event as e
from polemos.contract.plain import json_fields
from polemos.types import SCHEMA_ARTICLE, SCHEMA_EVENT


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


JSON_OBJECT = dict[str, Any]  # a part described as a JSON object, its keys not described


@dataclass(frozen=True)
class Described:
    """How one model is derived: its keys are those of ``sources`` (record types give their JSON
    fields, key tables their keys, first source first), each typed by the first record type among
    ``hints`` (else ``sources``) that declares it, unless ``types`` says otherwise."""

    name: str
    sources: tuple[type | tuple[str, ...], ...]
    hints: tuple[type, ...] = ()
    doc: str | None = None
    base: str | None = None  # a model this one adds keys to (its keys come first)
    schema: str | None = None  # the record's ``schema`` key and its value
    required: tuple[str, ...] = ()
    undescribed: tuple[str, ...] = ()  # written, not described yet
    types: Mapping[str, Any] = field(default_factory=dict)  # a model's name, or a type
    descriptions: Mapping[str, str] = field(default_factory=dict)
    order: tuple[str, ...] = ()  # a shared model's published order (keys not in it come after)


# The record types each model describes (a hint of one of them is described as that model).
MODEL_OF: dict[type, str] = {
    st.Span: "Span", st.Mention: "Span", st.ActorRef: "Actor", st.PlaceRef: "Place",
    st.TimeRef: "TimeExpr", st.Count: "Count", st.Claim: "Claim", st.Event: "ArticleEvent",
    st.Article: "ArticleMeta", e.FusedPlace: "Place", e.FusedDate: "EventDate",
    e.FigureClaim: "FigureClaim", e.FusedCount: "FusedCount", e.FusedClaim: "FusedClaim",
    e.FusedReport: "Report", e.Disagreement: "Disagreement", e.Fusion: "Fusion",
    e.FusedEvent: "FusedEvent",
}  # fmt: skip

# One row a model, each after the models it refers to.
DESCRIBED: tuple[Described, ...] = (
    # ---- the article result: polemos.article/1
    Described("Span", (a.SPAN_FIELDS,), (st.Span,),
              doc="A character span into the article's text (the pipeline always fills all three)."),
    Described("Actor", (a.ACTOR_FIELDS,), (st.ActorRef,)),
    Described("Claimant", (a.CLAIMANT_FIELDS,), (st.ActorRef,), base="Actor"),
    # how the text ties the doer to the deed when it does not tell it as a fact (docs/contract.md)
    Described("EventActor", (a.DOER_FIELDS,), (st.ActorRef,), base="Actor",
              types={"attribution": Literal["claimed", "blamed", "inferred"]}),
    Described("Place", (a.PLACE_FIELDS, e.FusedPlace), (st.PlaceRef,),
              order=("text", "name", "geonameid", "lat", "lon", "country", "admin1", "feature", "start",
                     "end", "precision", "status", "demonym", "within")),
    Described("EventDate", (a.DATE_FIELDS, e.FusedDate), undescribed=("span", "basis"),
              types={"text": str}),
    Described("Count", ((*a.COUNT_FIELDS, "claims"),), (st.Count,), undescribed=("start", "end", "claims")),
    Described("Counts", (a.COUNT_KINDS,), types=dict.fromkeys(a.COUNT_KINDS, "Count")),
    Described("Claim", (a.CLAIM_FIELDS,), (st.Claim,), types={"claimant": "Claimant"}),
    Described("Acled", (a.ACLED_FIELDS,), types=dict.fromkeys(a.ACLED_FIELDS, str)),
    Described("ArticleEvent", (a.EVENT_FIELDS,), (st.Event,), required=("id", "type"),
              types={"actor": "EventActor", "date": "EventDate", "counts": "Counts", "mentions": list["Span"],
                     "acled": "Acled"}),
    Described("ArticleMeta", (a.ARTICLE_FIELDS,), (st.Article, st.ArticleResult), required=("id",)),
    Described("TimeExpr", (a.TIME_FIELDS,), (st.TimeRef,)),
    Described("ArticleResult", (a.RESULT_FIELDS,), (st.ArticleResult,), schema=SCHEMA_ARTICLE,
              required=("article",)),
    Described("ArticleWithText", (("text",),), doc="An article result as stored, with the text every span "
              "indexes into.", base="ArticleResult", required=("text",), types={"text": str}),
    # ---- the fused event: polemos.event/1
    Described("FigureClaim", (e.FigureClaim,), undescribed=("low", "high", "party")),
    Described("FusedCount", (e.FusedCount,)),
    Described("FusedClaim", (e.FusedClaim,), types={"claimant": JSON_OBJECT}),
    Described("Report", (e.FusedReport,), undescribed=("uid", "type"), types={"evidence": "Span"},
              descriptions={"event_id": "The article-level event's id; null for an article no event was "
                            "read from that fusion joined to this event."}),
    Described("Disagreement", (e.Disagreement,)),
    Described("Fusion", (e.Fusion,), undescribed=("history",)),
    Described("FusedEvent", (e.FusedEvent,), schema=SCHEMA_EVENT, required=("id", "type"),
              types={"actors": list[JSON_OBJECT], "targets": list[JSON_OBJECT], "acled": "Acled",
                     "counts": dict[str, "FusedCount | None"]}),
    Described("EventDetail", (("report_events",),), base="FusedEvent",
              doc="One event with each report's full article-level record (evidence, spans, claims).",
              types={"report_events": list[JSON_OBJECT]}),
)  # fmt: skip


# ---- the generator --------------------------------------------------------------------------------


def _keys(source: type | tuple[str, ...]) -> tuple[str, ...]:
    return json_fields(source) if isinstance(source, type) else source


def keys_of(row: Described) -> tuple[str, ...]:
    """Every key the records of one model write, in order (``order`` first where given)."""
    found = dict.fromkeys(row.order)
    for source in row.sources:
        found.update(dict.fromkeys(_keys(source)))
    return tuple(found)


def _hint(row: Described, key: str) -> Any:
    for cls in (*row.hints, *(s for s in row.sources if isinstance(s, type))):
        if dataclasses.is_dataclass(cls) and key in {f.name for f in dataclasses.fields(cls)}:
            return get_type_hints(cls)[key]
    return None


def _optional(hint: Any) -> bool:
    return get_origin(hint) in (Union, types.UnionType) and type(None) in get_args(hint)


def _described(hint: Any, built: Mapping[str, type[BaseModel]]) -> Any:
    """The annotation a type hint (or a ``types`` entry) is described with."""
    if isinstance(hint, str):  # a model's name, or an annotation naming models
        return eval(hint, {"Any": Any}, dict(built))  # noqa: S307 (names from the table above)
    if isinstance(hint, type) and hint in MODEL_OF:
        return built[MODEL_OF[hint]]
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        inner = tuple(dict.fromkeys(_described(x, built) for x in args if x is not type(None)))
        return inner[0] if len(inner) == 1 else Union[inner]  # noqa: UP007
    if origin in (tuple, Sequence) and args and args[-1] is Ellipsis:
        return list[_described(args[0], built)]  # type: ignore[misc]
    if origin is list:
        return list[_described(args[0], built)]  # type: ignore[misc]
    if origin in (dict, Mapping):
        return dict[_described(args[0], built), _described(args[1], built)]  # type: ignore[misc]
    if hint is date:
        return str
    return hint


def _field(row: Described, key: str, built: Mapping[str, type[BaseModel]]) -> tuple[Any, Any]:
    hint = _hint(row, key)
    ann = _described(row.types.get(key, hint), built)
    about = row.descriptions.get(key)
    if key in row.required:
        return ann, Field(..., description=about)
    if get_origin(ann) is list:
        return ann, Field([], description=about)
    if get_origin(ann) is dict and hint is not None and not _optional(hint):
        return ann, Field({}, description=about)
    return ann | None, Field(None, description=about)


def build(rows: Sequence[Described] = DESCRIBED) -> dict[str, type[BaseModel]]:
    """The models of ``rows`` by name, each from its types and its row."""
    built: dict[str, type[BaseModel]] = {}
    for row in rows:
        base = built[row.base] if row.base else _Open
        inherited = set(base.model_fields) | {"schema"}
        fields: dict[str, Any] = {}
        for key in keys_of(row):
            if key == "schema" and row.schema is not None:
                fields["schema_"] = (str, Field(row.schema, alias="schema"))
            elif key not in inherited and key not in row.undescribed:
                fields[key] = _field(row, key, built)
        built[row.name] = create_model(
            row.name, __base__=base, __doc__=row.doc, __module__=__name__, **fields
        )
    return built


def drift(rows: Sequence[Described] = DESCRIBED) -> list[str]:
    """What the table says of keys no record writes (empty when it names only written keys)."""
    out = []
    for row in rows:
        keys = set(keys_of(row))
        for what, named in (
            ("undescribed", row.undescribed),
            ("required", row.required),
            ("types", tuple(row.types)),
            ("descriptions", tuple(row.descriptions)),
        ):
            out += [f"{row.name}: {k} ({what}) is never written" for k in named if k not in keys]
    return out


MODELS = build()

if TYPE_CHECKING:  # every model is an open pydantic model; its fields are the table's
    Span: TypeAlias = _Open
    Actor: TypeAlias = _Open
    Claimant: TypeAlias = _Open
    EventActor: TypeAlias = _Open
    Place: TypeAlias = _Open
    EventDate: TypeAlias = _Open
    Count: TypeAlias = _Open
    Counts: TypeAlias = _Open
    Claim: TypeAlias = _Open
    Acled: TypeAlias = _Open
    ArticleEvent: TypeAlias = _Open
    ArticleMeta: TypeAlias = _Open
    TimeExpr: TypeAlias = _Open
    ArticleResult: TypeAlias = _Open
    ArticleWithText: TypeAlias = _Open
    FigureClaim: TypeAlias = _Open
    FusedCount: TypeAlias = _Open
    FusedClaim: TypeAlias = _Open
    Report: TypeAlias = _Open
    Disagreement: TypeAlias = _Open
    Fusion: TypeAlias = _Open
    FusedEvent: TypeAlias = _Open
    EventDetail: TypeAlias = _Open
else:
    globals().update(MODELS)
