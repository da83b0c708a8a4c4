"""``polemos.event/1`` (OUTPUT.md): the fused event, one record per real-world event, as types.

``FusedEvent`` and the records inside it are frozen dataclasses like the stage records of
``polemos.types``; their fields are the contract's keys in the contract's order, so ``to_json``
(``polemos.contract.plain.shaped``) writes every field of them and nothing else, and ``from_json``
reads a record back (keys the types do not declare are kept in ``extra`` and written again last):
``to_json(from_json(j)) == j`` for every record fusion writes. Fusion
(``polemos.fuse.record.fused_event``) is the only builder of the typed record; ``of_one_report``
serves one article-level event as a fused event of one report (a store whose fused events cannot be
brought up to date) through that same builder, so both paths give one shape. ``flat_view`` is the
one flat view of a record (CSV, GeoJSON and Parquet rows).

Three parts are kept as the JSON they come as: a report's ``evidence`` and the event's ``acled``
are the article-level event's own objects, as its record gives them, and ``fusion.history`` holds
``polemos.fuse.history.Action`` records, which write themselves. The API's pydantic models
(``polemos.contract.models``) are checked against these types (``models.drift``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from polemos.contract.plain import shaped, unshaped
from polemos.types import SCHEMA_EVENT

if TYPE_CHECKING:
    from polemos.fuse.cluster import Cluster
    from polemos.fuse.history import Action
    from polemos.fuse.report import Report

SCHEMA = SCHEMA_EVENT
UNFUSED = "none: one report (fused events are not in this store yet)"
COUNT_KINDS = ("killed", "injured", "size")

Json = Mapping[str, Any]  # a part of the record kept as the JSON object it comes as


def _extra() -> Any:
    return field(default_factory=dict, repr=False)


@dataclass(frozen=True)
class FusedParty:
    """An actor or target of the fused event: one per name across its reports."""

    name: Any = None  # the report's canonical name, else its text
    kind: str | None = None
    country: str | None = None
    extra: Json = _extra()


@dataclass(frozen=True)
class FusedPlace:
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    feature: str | None = None
    extra: Json = _extra()


@dataclass(frozen=True)
class FusedDate:
    start: str | None = None
    end: str | None = None
    precision: str | None = None  # day, week, month, year
    extra: Json = _extra()


@dataclass(frozen=True)
class FigureClaim:
    """One figure a report gives, with who gave it."""

    value: int | None = None
    low: int | None = None
    high: int | None = None
    text: str | None = None
    claimant: str | None = None
    party: bool = False
    outlet: str | None = None
    article_id: str | None = None
    extra: Json = _extra()


@dataclass(frozen=True)
class FusedCount:
    low: int | None = None
    best: int | None = None
    high: int | None = None
    claims: tuple[FigureClaim, ...] = ()
    extra: Json = _extra()


@dataclass(frozen=True)
class FusedCounts:
    killed: FusedCount | None = None
    injured: FusedCount | None = None
    size: FusedCount | None = None
    extra: Json = _extra()


@dataclass(frozen=True)
class FusedClaimant:
    name: Any = None
    party: bool | None = None
    extra: Json = _extra()


@dataclass(frozen=True)
class FusedClaim:
    claimant: FusedClaimant | None = None
    outlet: str | None = None
    article_id: str | None = None
    extra: Json = _extra()


@dataclass(frozen=True)
class FusedReport:
    article_id: str | None = None
    event_id: str | None = None  # None: an article no event was read from, that fusion joined
    uid: str | None = None
    outlet: str | None = None
    published: str | None = None
    type: str | None = None
    evidence: Json | None = None
    extra: Json = _extra()


@dataclass(frozen=True)
class Disagreement:
    field: str | None = None
    values: tuple[Any, ...] = ()
    extra: Json = _extra()


@dataclass(frozen=True)
class Fusion:
    method: str | None = None
    score: float | None = None
    reasons: tuple[str, ...] = ()
    history: tuple[Json, ...] = ()  # people's decisions touching the event (Action.to_dict)
    extra: Json = _extra()


@dataclass(frozen=True, kw_only=True)
class FusedEvent:
    """One ``polemos.event/1`` record (its fields in the contract's order, ``schema`` first)."""

    schema: str = SCHEMA_EVENT
    id: str
    type: str
    mode: str | None = None
    modality: str | None = None
    actors: tuple[FusedParty, ...] = ()
    targets: tuple[FusedParty, ...] = ()
    locations: tuple[FusedPlace, ...] = ()
    date: FusedDate | None = None
    counts: FusedCounts = FusedCounts()
    claims: tuple[FusedClaim, ...] = ()
    reports: tuple[FusedReport, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    fusion: Fusion | None = None
    acled: Json | None = None  # the lead report's own acled object
    cameo: str | None = None
    extra: Json = _extra()


def to_json(event: FusedEvent) -> dict[str, Any]:
    """The ``polemos.event/1`` record (plain JSON values) of a typed fused event."""
    return shaped(event)


def from_json(record: Mapping[str, Any]) -> FusedEvent:
    """The typed fused event of a ``polemos.event/1`` record; keys it does not declare are kept."""
    event: FusedEvent = unshaped(FusedEvent, record)
    return event


def of_cluster(cluster: Cluster, reports: list[Report], actions: Sequence[Action] = ()) -> dict[str, Any]:
    """The ``polemos.event/1`` record of one cluster of reports (``reports``: its members)."""
    from polemos.fuse.record import fused_event

    return to_json(fused_event(cluster, reports, actions))


def of_one_report(ev: Mapping[str, Any]) -> dict[str, Any]:
    """An article-level event as the store returns it (the contract event plus ``uid``,
    ``article_id``, ``outlet``, ``published``, ``title``) as a ``polemos.event/1`` record of one
    report that no fusion has joined: its id is the report's ``uid``."""
    from polemos.fuse.cluster import Cluster
    from polemos.fuse.record import fused_event
    from polemos.fuse.report import report_from_record

    report = report_from_record(ev)
    event = fused_event(Cluster(id=str(ev["uid"]), members=(report.uid,), joins=()), [report])
    first = replace(event.reports[0], extra={"title": ev.get("title")})
    return to_json(replace(event, reports=(first,), fusion=Fusion(method=UNFUSED, score=None)))


def flat_view(record: dict[str, Any]) -> dict[str, Any]:
    """A fused record seen as one flat event (for CSV, GeoJSON and Parquet rows); others pass as they are.

    The first actor and target stand for the lists, the outlets of all reports are joined, the earliest
    report gives the publication date and the evidence; the full record stays in Parquet's ``record``.
    Works on the JSON as stored, so a record some keys are missing from is viewed all the same.
    """
    if record.get("schema") != SCHEMA_EVENT:
        return record
    reports = record.get("reports") or []
    first = reports[0] if reports else {}
    outlets = "; ".join(dict.fromkeys(str(r.get("outlet")) for r in reports if r.get("outlet")))
    return {
        **record,
        "uid": record["id"],
        "id": None,
        "article_id": "; ".join(dict.fromkeys(str(r.get("article_id")) for r in reports)),
        "actor": (record.get("actors") or [None])[0],
        "target": (record.get("targets") or [None])[0],
        "outlet": outlets or None,
        "published": first.get("published"),
        "evidence": first.get("evidence") or {},
        "claims": [{"claimant": c.get("claimant")} for c in record.get("claims") or []],
        "confidence": (record.get("fusion") or {}).get("score"),
    }
