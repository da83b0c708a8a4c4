"""A cluster of reports as the contract's fused event (``polemos.event/1``, OUTPUT.md).

Every report, claim and figure is kept; where reports differ the record says so in
``disagreements``. ``low`` is the smallest figure any report gives, ``high`` the largest, ``best``
the figure the most independent claimants support: each distinct claimant (else the outlet) counts
once per figure, a claimant that is a party to the conflict counts half.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from polemos.contract.event import (
    COUNT_KINDS,
    Disagreement,
    FigureClaim,
    FusedClaim,
    FusedClaimant,
    FusedCount,
    FusedCounts,
    FusedDate,
    FusedEvent,
    FusedParty,
    FusedPlace,
    FusedReport,
    Fusion,
    to_json,
)
from polemos.contract.plain import shaped
from polemos.fuse.cluster import METHOD, Cluster
from polemos.fuse.history import Action
from polemos.fuse.report import Report, fold
from polemos.types import PLOVER_TYPES

PARTY_WEIGHT = 0.5  # a figure given by a side in the conflict
OUTLET_WEIGHT = 0.8  # a figure an outlet gives without naming its source
NAMED_WEIGHT = 1.0  # a figure a named, non-party source gives
MAX_REASONS = 8


def _majority(values: Iterable[str | None], order: Sequence[str] = ()) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    rank = {v: i for i, v in enumerate(order)}
    return min(counts, key=lambda v: (-counts[v], rank.get(v, len(rank)), v))


def _people(reports: list[Report], role: str) -> tuple[FusedParty, ...]:
    seen: dict[str, FusedParty] = {}
    for r in reports:
        a = r.record.get(role)
        if not a:
            continue
        name = a.get("name") or a.get("text")
        if name and fold(str(name)) not in seen:
            seen[fold(str(name))] = FusedParty(name=name, kind=a.get("kind"), country=a.get("country"))
    return tuple(seen.values())


def _locations(reports: list[Report]) -> tuple[FusedPlace, ...]:
    seen: dict[str, FusedPlace] = {}
    for r in reports:
        for p in r.places:
            if p.key not in seen:
                seen[p.key] = FusedPlace(name=p.name, geonameid=p.geonameid, lat=p.lat, lon=p.lon,
                                         country=p.country, admin1=p.admin1, feature=p.feature)  # fmt: skip
    return tuple(seen.values())


def _claimant_of(record: Mapping[str, Any]) -> tuple[str | None, bool]:
    """The first named claimant of a report, and whether it is a party."""
    for c in record.get("claims") or ():
        who = c.get("claimant")
        if who and (who.get("name") or who.get("text")):
            return str(who.get("name") or who.get("text")), bool(who.get("party"))
    return None, False


def figure(kind: str, reports: list[Report]) -> dict[str, Any] | None:
    """One count across reports as the record writes it (``fused_count``)."""
    count = fused_count(kind, reports)
    return None if count is None else shaped(count)


def fused_count(kind: str, reports: list[Report]) -> FusedCount | None:
    """One count across reports: every claim kept, with low/best/high by the contract's rule."""
    claims: list[FigureClaim] = []
    bounds: list[tuple[int, int]] = []  # each figure's lowest and highest reading
    support: dict[int, dict[str, float]] = {}
    for r in reports:
        for f in r.figures:
            if f.kind != kind or f.value is None:
                continue
            claimant, party = _claimant_of(r.record)
            claims.append(FigureClaim(value=f.value, low=f.low, high=f.high, text=f.text, claimant=claimant,
                                      party=party, outlet=r.outlet, article_id=r.article_id))  # fmt: skip
            bounds.append((min(f.value, f.value if f.low is None else f.low),
                           max(f.value, f.value if f.high is None else f.high)))  # fmt: skip
            source = f"c:{fold(claimant)}" if claimant else f"o:{fold(r.outlet or r.article_id)}"
            weight = PARTY_WEIGHT if party else NAMED_WEIGHT if claimant else OUTLET_WEIGHT
            held = support.setdefault(f.value, {})
            held[source] = max(held.get(source, 0.0), weight)
    if not claims:
        return None
    totals = {v: sum(s.values()) for v, s in support.items()}
    top = max(totals.values())
    tied = sorted(v for v, t in totals.items() if abs(t - top) < 1e-9)
    best = tied[(len(tied) - 1) // 2]  # among equally supported figures, the (lower) median
    low, high = min(lo for lo, _ in bounds), max(hi for _, hi in bounds)
    return FusedCount(low=low, best=best, high=high, claims=tuple(claims))


def _date(reports: list[Report]) -> tuple[FusedDate | None, list[str]]:
    """The finest date any report reads from its text; else the publication window."""
    order = {"day": 0, "week": 1, "month": 2, "year": 3}
    # a date without a start is no date (and must never become the string "None")
    dated = [r for r in reports if r.date_from_text and (r.record.get("date") or {}).get("start")]
    if dated:
        finest = min(order.get(r.date_precision or "year", 3) for r in dated)
        picked = [r.record["date"] for r in dated if order.get(r.date_precision or "year", 3) == finest]
        starts = sorted({str(d["start"]) for d in picked})
        ends = sorted({str(d.get("end") or d["start"]) for d in picked})
        precision = next(p for p, i in order.items() if i == finest)
        return FusedDate(start=starts[0], end=ends[-1], precision=precision), starts
    pubs = sorted(r.published.isoformat() for r in reports if r.published)
    if not pubs:
        return None, []
    lo = min(r.date_lo for r in reports if r.date_lo)
    return FusedDate(start=lo.isoformat() if lo else pubs[0], end=pubs[0], precision="week"), []


def _claims(reports: list[Report]) -> tuple[FusedClaim, ...]:
    out, seen = [], set()
    for r in reports:
        for c in r.record.get("claims") or ():
            who = c.get("claimant")
            claimant = None
            if who:
                claimant = FusedClaimant(name=who.get("name") or who.get("text"), party=who.get("party"))
            name = fold(str(claimant.name)) if claimant else None
            key = (name, c.get("outlet") or r.outlet, r.article_id)
            if key not in seen:
                seen.add(key)
                out.append(FusedClaim(claimant=claimant, outlet=c.get("outlet") or r.outlet,
                                      article_id=r.article_id))  # fmt: skip
    return tuple(out)


def fused_record(cluster: Cluster, reports: list[Report], actions: Sequence[Action] = ()) -> dict[str, Any]:
    """The ``polemos.event/1`` record of one cluster (``reports`` are its members)."""
    return to_json(fused_event(cluster, reports, actions))


def fused_event(cluster: Cluster, reports: list[Report], actions: Sequence[Action] = ()) -> FusedEvent:
    """The typed ``polemos.event/1`` record of one cluster (``reports`` are its members)."""
    reports = sorted(reports, key=lambda r: (r.published.isoformat() if r.published else "", r.uid))
    read = [r for r in reports if r.read] or reports
    type_ = _majority((r.type for r in read), PLOVER_TYPES) or "OTHER"
    lead = next(r for r in reports if r.type == type_)
    counts = FusedCounts(killed=fused_count("killed", reports), injured=fused_count("injured", reports),
                         size=fused_count("size", reports))  # fmt: skip
    date, date_values = _date(reports)
    actors, targets, locations = _people(reports, "actor"), _people(reports, "target"), _locations(reports)
    disagreements = [
        Disagreement(kind, tuple(sorted({c.value for c in c_.claims})))
        for kind, c_ in zip(COUNT_KINDS, (counts.killed, counts.injured, counts.size), strict=True)
        if c_ and len({c.value for c in c_.claims}) > 1
    ]
    if len(date_values) > 1:
        disagreements.append(Disagreement("date", tuple(date_values)))
    for field, items in (("actors", actors), ("targets", targets), ("places", locations)):
        names = sorted({str(i.name) for i in items})
        if len(names) > 1 and field != "places" or field == "places" and _places_differ(reports):
            disagreements.append(Disagreement(field, tuple(names)))
    types = sorted({r.type for r in read})
    if len(types) > 1:
        disagreements.append(Disagreement("type", tuple(types)))
    reasons: list[str] = []
    for j in cluster.joins:
        for reason in j.reasons:
            if reason not in reasons:
                reasons.append(reason)
    fusion = Fusion(method=METHOD, score=min((j.score for j in cluster.joins), default=None),
                    reasons=tuple(reasons[:MAX_REASONS] if cluster.joins else ["one report"]),
                    history=tuple(a.to_dict() for a in actions))  # fmt: skip
    return FusedEvent(
        id=cluster.id, type=type_, mode=_majority(r.mode for r in read),
        modality=_majority((r.modality for r in read), ("asserted",)),
        actors=actors, targets=targets, locations=locations, date=date, counts=counts,
        claims=_claims(reports), reports=tuple(_member(r) for r in reports),
        disagreements=tuple(disagreements), fusion=fusion,
        acled=lead.record.get("acled"), cameo=lead.record.get("cameo"),
    )  # fmt: skip


def _member(r: Report) -> FusedReport:
    """A report as the fused record lists it; an article no event was read from has no event id or type."""
    published = r.published.isoformat() if r.published else None
    event_id, type_ = (r.event_id, r.type) if r.read else (None, None)
    return FusedReport(r.article_id, event_id, r.uid, r.outlet, published, type_, r.record.get("evidence"))


def _places_differ(reports: list[Report]) -> bool:
    """Reports name places and some report's places share nothing with another's."""
    sets = [{p.key for p in r.places} for r in reports if r.places]
    return any(not a & b for i, a in enumerate(sets) for b in sets[i + 1 :])
