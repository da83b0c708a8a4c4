"""Scoring polemos on an article gold: which coded events it found, with which fields right.

The definitions are the project's (``../shared/eval/score.py`` gives the same figures):

- A gold event is **found** when some polemos event of one of its types (``type`` or ``alt``) has an
  evidence span, or a restatement in ``mentions``, overlapping one of its anchors (a quoted piece of
  the text, its first occurrence, or ``spans``: character offsets). Only ``required`` events count
  for recall; optional ones are neither misses nor false alarms. Extra events overlapping a required
  one are ``duplicate_events``.
- **precision**: the share of polemos events that match some gold event (required or optional) and
  break no ``forbidden`` rule. A forbidden rule names a ``date`` no event may have, or anchors where
  no event may be (optionally only of one ``type``, or unless its modality is in ``modality_not``).
- **Fields**, on the best-matching event of each found gold event: ``actor`` / ``target`` /
  ``claimant`` (one of the gold names, folded to lower-case letters and digits, is contained in the
  event's text or name), ``location`` (some located place within ``km`` of a gold place, 25 km by
  default), ``date`` (within ``date_tol`` days; the same month when ``date_precision`` is
  ``month``), ``killed`` / ``size`` (the best figure within the gold range), ``modality`` (equal).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from polemos.errors import ConfigError, Errors
from polemos.evaluate.gold import GoldArticle

DEFAULT_KM = 25


def fold(s: Any) -> str:
    """Lower-case letters and digits, every other run of characters one space."""
    return re.sub(r"[^a-z0-9]+", " ", str(s or "").lower()).strip()


def names_of(party: Any) -> str:
    """The folded text and canonical name of an actor, target or claimant."""
    if not isinstance(party, dict):
        return ""
    return " ".join(fold(party[k]) for k in ("text", "name") if party.get(k))


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance on a sphere of the Earth's mean diameter (12,742 km)."""
    rad = math.pi / 180
    h = (
        math.sin((lat2 - lat1) * rad / 2) ** 2
        + math.cos(lat1 * rad) * math.cos(lat2 * rad) * math.sin((lon2 - lon1) * rad / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(h))


def iso_day(value: Any) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except (TypeError, ValueError):
        return None


def best_figure(count: Any) -> int | None:
    """The figure a count stands for: its best, else its low, else its high."""
    if not isinstance(count, dict):
        return None
    return next((count[k] for k in ("best", "low", "high") if count.get(k) is not None), None)


def rate(hits: int, total: int) -> float | None:
    return None if total == 0 else round(hits / total, 3)


@dataclass
class Check:
    field: str
    ok: bool
    expected: Any
    got: Any


def said_of(e: dict[str, Any]) -> dict[str, Any]:
    """What polemos said of one event, briefly, with its evidence span."""
    ev = e.get("evidence") or {}
    return {
        "type": e.get("type"),
        "mode": e.get("mode"),
        "modality": e.get("modality"),
        "actor": (e.get("actor") or {}).get("name") or (e.get("actor") or {}).get("text"),
        "target": (e.get("target") or {}).get("name") or (e.get("target") or {}).get("text"),
        "locations": [p.get("name") or p.get("text") for p in e.get("locations") or []],
        "date": (e.get("date") or {}).get("start"),
        "killed": best_figure((e.get("counts") or {}).get("killed")),
        "claimants": [names for c in e.get("claims") or [] if (names := _claimant_name(c))],
        "evidence": {"start": ev.get("start"), "end": ev.get("end"), "text": ev.get("text")},
    }


def _claimant_name(claim: dict[str, Any]) -> str | None:
    who = claim.get("claimant") or {}
    return who.get("name") or who.get("text")


def _checks(e: dict[str, Any], g: dict[str, Any]) -> list[Check]:
    """The gold event's field checks on one polemos event, in the gold's order of fields."""
    out = []
    for role in ("actor", "target"):
        if role in g:
            party = e.get(role)
            names = names_of(party)
            got = (party or {}).get("name") or (party or {}).get("text") if party else None
            out.append(Check(role, any(fold(a) in names for a in g[role]), g[role], got))
    if "locations" in g:
        located = [p for p in e.get("locations") or [] if p.get("lat") is not None]
        ok = any(
            great_circle_km(p["lat"], p["lon"], want["lat"], want["lon"]) <= want.get("km", DEFAULT_KM)
            for want in g["locations"]
            for p in located
        )
        places = [f"{w.get('name', '?')} within {w.get('km', DEFAULT_KM)} km" for w in g["locations"]]
        got_places = []
        for p in located:
            nearest = min(great_circle_km(p["lat"], p["lon"], w["lat"], w["lon"]) for w in g["locations"])
            got_places.append(f"{p.get('name') or p.get('text')} ({nearest:.0f} km away)")
        unplaced = [
            str(p.get("name") or p.get("text")) for p in e.get("locations") or [] if p.get("lat") is None
        ]
        out.append(Check("location", ok, places, got_places + [f"{n} (no coordinates)" for n in unplaced]))
    if "date" in g:
        got_day = (e.get("date") or {}).get("start")
        if g.get("date_precision") == "month":
            ok = isinstance(got_day, str) and got_day[:7] == g["date"][:7]
            expected = f"{g['date'][:7]} (month)"
        else:
            a, b = iso_day(got_day), iso_day(g["date"])
            tol = g.get("date_tol", 0)
            ok = a is not None and b is not None and abs((a - b).days) <= tol
            expected = f"{g['date']} ± {tol} days" if tol else str(g["date"])
        out.append(Check("date", ok, expected, got_day))
    for kind in ("size", "killed"):
        if kind in g:
            v = best_figure((e.get("counts") or {}).get(kind))
            lo, hi = g[kind]
            out.append(Check(kind, v is not None and lo <= v <= hi, lo if lo == hi else f"{lo}-{hi}", v))
    if "claimant" in g:
        names = " ".join(names_of(c.get("claimant")) for c in e.get("claims") or [])
        got_claimants = [n for c in e.get("claims") or [] if (n := _claimant_name(c))]
        out.append(
            Check("claimant", any(fold(a) in names for a in g["claimant"]), g["claimant"], got_claimants)
        )
    if "modality" in g:
        out.append(Check("modality", e.get("modality") == g["modality"], g["modality"], e.get("modality")))
    return out


@dataclass
class Tally:
    """Counts pooled over articles; figures are computed from them."""

    articles: int = 0
    required: int = 0
    found: int = 0
    predicted: int = 0
    matched: int = 0
    duplicates: int = 0
    violations: int = 0
    fields: dict[str, list[int]] = field(default_factory=dict)  # field → [right, checked]
    gold_types: dict[str, list[int]] = field(default_factory=dict)  # gold type → [found, required]
    said_types: dict[str, list[int]] = field(default_factory=dict)  # polemos type → [matched, predicted]

    def metrics(self) -> dict[str, Any]:
        """The figures, under score.py's names."""
        out: dict[str, Any] = {
            "required_events": self.required,
            "recall": rate(self.found, self.required),
            "predicted_events": self.predicted,
            "precision": rate(self.matched, self.predicted),
            "forbidden_violations": self.violations,
            "duplicate_events": self.duplicates,
        }
        for name in sorted(self.fields):
            right, checked = self.fields[name]
            out[f"{name}_accuracy"] = rate(right, checked)
        return out

    def per_type(self) -> dict[str, dict[str, Any]]:
        out = {}
        for t in sorted(set(self.gold_types) | set(self.said_types)):
            found, required = self.gold_types.get(t, [0, 0])
            matched, predicted = self.said_types.get(t, [0, 0])
            out[t] = {
                "required": required,
                "found": found,
                "recall": rate(found, required),
                "predicted": predicted,
                "matched": matched,
                "precision": rate(matched, predicted),
            }
        return out


def _anchor_spans(article: GoldArticle, items: list[dict[str, Any]]) -> dict[str, tuple[int, int]]:
    spans: dict[str, tuple[int, int]] = {}
    for g in items:
        for key in anchor_keys(g):
            if key.startswith("@"):
                a, b = key[1:].split("-")
                spans[key] = (int(a), int(b))
                continue
            at = article.text.find(key)
            if at < 0:
                raise ConfigError(Errors.E231.format(source=article.source, id=g.get("id", "?"), anchor=key))
            spans[key] = (at, at + len(key))
    return spans


def anchor_keys(g: dict[str, Any]) -> list[str]:
    """A gold item's anchors: quoted pieces of the text, then ``@start-end`` for its ``spans``."""
    a = g.get("anchor")
    quoted = [] if not a else [a] if isinstance(a, str) else list(a)
    return quoted + [f"@{s}-{e}" for s, e in g.get("spans", [])]


def score_article(article: GoldArticle, record: dict[str, Any] | None, tally: Tally) -> list[dict[str, Any]]:
    """Add one article's counts to ``tally``; return its per-record listing (every required gold event,
    every false alarm and forbidden output, with what was expected and what polemos said)."""
    events: list[dict[str, Any]] = list((record or {}).get("events") or [])
    spans = _anchor_spans(article, article.events + article.forbidden)

    def touches(e: dict[str, Any], g: dict[str, Any]) -> bool:
        regions = [e.get("evidence") or {}, *(e.get("mentions") or [])]
        return any(
            r.get("start") is not None and r["start"] < spans[k][1] and spans[k][0] < r["end"]
            for r in regions
            for k in anchor_keys(g)
        )

    def anchor_text(g: dict[str, Any]) -> dict[str, Any]:
        s, e = spans[anchor_keys(g)[0]]
        return {"start": s, "end": e, "text": article.text[s:e]}

    listing: list[dict[str, Any]] = []
    matched: set[int] = set()
    tally.articles += 1
    for g in article.events:
        types = {g["type"], *g.get("alt", [])}
        candidates = [e for e in events if touches(e, g) and e.get("type") in types]
        matched.update(id(e) for e in candidates)
        if not g.get("required"):
            continue
        tally.required += 1
        per_type = tally.gold_types.setdefault(g["type"], [0, 0])
        per_type[1] += 1
        tally.duplicates += max(0, len(candidates) - 1)
        row: dict[str, Any] = {"article": article.id, "gold": g.get("id"), "type": sorted(types),
                               "anchor": anchor_text(g)}  # fmt: skip
        if not candidates:
            nearby = [said_of(e) for e in events if touches(e, g)]
            listing.append({**row, "status": "missed", "said": nearby, "checks": []})
            continue
        tally.found += 1
        per_type[0] += 1
        scored = [(sum(c.ok for c in _checks(e, g)), e) for e in candidates]
        best = max(scored, key=lambda pair: pair[0])[1]  # the first of the best, in text order
        checks = _checks(best, g)
        for c in checks:
            right_checked = tally.fields.setdefault(c.field, [0, 0])
            right_checked[0] += c.ok
            right_checked[1] += 1
        listing.append({**row, "status": "found", "said": [said_of(best)],
                        "checks": [vars(c) for c in checks]})  # fmt: skip
    broken: list[str] = []
    forbidden: set[int] = set()

    def breaks(rule: dict[str, Any], e: dict[str, Any]) -> None:
        broken.append(rule["what"])
        matched.discard(id(e))
        forbidden.add(id(e))
        listing.append(
            {"article": article.id, "status": "forbidden", "what": rule["what"], "said": [said_of(e)]}
        )

    for rule in article.forbidden:
        for e in events:
            if "date" in rule and ((e.get("date") or {}).get("start") or "")[:10] == rule["date"]:
                breaks(rule, e)
            if anchor_keys(rule) and touches(e, rule):
                if "type" in rule and e.get("type") != rule["type"]:
                    continue
                if e.get("modality") in rule.get("modality_not", []):
                    continue
                breaks(rule, e)
    tally.violations += len(set(broken))
    tally.predicted += len(events)
    for e in events:
        said = tally.said_types.setdefault(str(e.get("type")), [0, 0])
        said[1] += 1
        if id(e) in matched:
            tally.matched += 1
            said[0] += 1
        elif id(e) not in forbidden:  # listed once, as the rule it breaks
            listing.append({"article": article.id, "status": "false_alarm", "said": [said_of(e)]})
    return listing
