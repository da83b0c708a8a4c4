"""``polemos.event/1`` (OUTPUT.md): the fused event, one record per real-world event, as types.

``FusedEvent`` and the records inside it are frozen dataclasses like the stage records of
``polemos.types``; their fields are the contract's keys in the contract's order, so ``to_json``
(``polemos.contract.plain.shaped``) writes every field of them and nothing else, and ``from_json``
reads a record back (keys the types do not declare are kept in ``extra`` and written again last):
``to_json(from_json(j)) == j`` for every record fusion writes (a record missing one of the declared
keys is refused: every field is the builder's to give). Fusion
(``polemos.fuse.record.fused_event``) is the only builder of the typed record; ``of_one_report``
serves one article-level event as a fused event of one report (a store whose fused events cannot be
brought up to date) through that same builder, so both paths give one shape. ``flat_view`` is the
one flat view of a record (CSV, GeoJSON and Parquet rows).

Three parts are kept as the JSON they come as: a report's ``evidence`` and the event's ``acled``
are the article-level event's own objects, as its record gives them, and ``fusion.history`` holds
``polemos.fuse.history.Action`` records, which write themselves. The API's pydantic models
(``polemos.contract.models``) are derived from these types (``models.DESCRIBED``).
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


@dataclass(frozen=True)
class _Record:
    """Every part of the record: its declared fields (all given by the builder), then ``extra``, the
    keys a record read back carried beyond them (written again last, as they came)."""

    extra: Json = field(default_factory=dict, repr=False, hash=False, kw_only=True)


@dataclass(frozen=True)
class FusedParty(_Record):
    """An actor or target of the fused event: one per name across its reports."""

    name: Any  # the report's canonical name, else its text
    kind: str | None
    country: str | None


@dataclass(frozen=True)
class FusedPlace(_Record):
    name: str  # the report's canonical name, else its text
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    feature: str | None


@dataclass(frozen=True)
class FusedDate(_Record):
    start: str | None
    end: str | None
    precision: str | None  # day, week, month, year


@dataclass(frozen=True)
class FigureClaim(_Record):
    """One figure a report gives, with who gave it."""

    value: int
    low: int | None
    high: int | None
    text: str | None
    claimant: str | None
    party: bool
    outlet: str | None
    article_id: str


@dataclass(frozen=True)
class FusedCount(_Record):
    low: int | None
    best: int | None
    high: int | None
    claims: tuple[FigureClaim, ...]


@dataclass(frozen=True)
class FusedCounts(_Record):
    """The event's figures by kind (``COUNT_KINDS``): null where no report gives one."""

    killed: FusedCount | None
    injured: FusedCount | None
    size: FusedCount | None


@dataclass(frozen=True)
class FusedClaimant(_Record):
    """Who says the event happened, and whether it is a side in the conflict."""

    name: Any
    party: bool | None


@dataclass(frozen=True)
class FusedClaim(_Record):
    claimant: FusedClaimant | None
    outlet: str | None
    article_id: str


@dataclass(frozen=True)
class FusedReport(_Record):
    article_id: str
    event_id: str | None  # None: an article no event was read from, that fusion joined
    uid: str
    outlet: str | None
    published: str | None
    type: str | None
    evidence: Json | None


@dataclass(frozen=True)
class Disagreement(_Record):
    """A field the reports give different values of (a count's kind, date, actors, places, type)."""

    field: str
    values: tuple[Any, ...]


@dataclass(frozen=True)
class Fusion(_Record):
    method: str | None
    score: float | None
    reasons: tuple[str, ...]
    history: tuple[Json, ...]  # people's decisions touching the event (Action.to_dict)


@dataclass(frozen=True, kw_only=True)
class FusedEvent(_Record):
    """One ``polemos.event/1`` record (its fields in the contract's order, ``schema`` first)."""

    schema: str = SCHEMA_EVENT
    id: str
    type: str
    mode: str | None
    modality: str | None
    actors: tuple[FusedParty, ...]
    targets: tuple[FusedParty, ...]
    locations: tuple[FusedPlace, ...]
    date: FusedDate | None
    counts: FusedCounts
    claims: tuple[FusedClaim, ...]
    reports: tuple[FusedReport, ...]
    disagreements: tuple[Disagreement, ...]
    fusion: Fusion | None
    acled: Json | None  # the lead report's own acled object
    cameo: str | None


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
    return to_json(replace(event, reports=(first,), fusion=Fusion(UNFUSED, None, (), ())))


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
