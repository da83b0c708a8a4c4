"""Scoring polemos on an ACLED-style CSV: each row's text (``notes``) tells one coded event.

polemos reads each row's text; the event that stands for the row is its first violent one (ASSAULT,
COERCE: the kind ACLED codes most), else its first, in text order. Checked where the row
gives the value:

- ``detected``: polemos read some event;
- ``event_type`` / ``sub_event_type``: polemos's ACLED types equal the row's;
- ``location``: one of its located places is within ``km`` (25 by default) of ``latitude``/``longitude``;
- ``country``: one of its places is in the row's ``country`` (a name or an ISO code);
- ``date``: its date is within ``days`` (0 by default) of ``event_date`` (ISO or "05 March 2024");
- ``fatalities``: its best killed figure (none read: 0) equals the row's, for rows with deaths;
  ``fatalities_none`` the same for rows with 0 (so rows without deaths do not hide misses);
- ``actor`` / ``target``: at least half the words (of 3 letters or more, outside brackets) of
  ``actor1`` / ``actor2`` are in the event's actor / target (its text or canonical name).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from polemos.evaluate.articles import Check, best_figure, fold, great_circle_km, iso_day, names_of, said_of
from polemos.evaluate.gold import GoldRow

VIOLENT = ("ASSAULT", "COERCE")


def standing_event(record: dict[str, Any] | None) -> dict[str, Any] | None:
    """The event that stands for a one-event text: its first violent one, else its first."""
    events = list((record or {}).get("events") or [])
    pool = [e for e in events if e.get("type") in VIOLENT] or events
    if not pool:
        return None
    first: dict[str, Any] = min(pool, key=lambda e: (e.get("evidence") or {}).get("start", 0))
    return first


def acled_day(value: str) -> date | None:
    """An ACLED date: ISO (``2024-03-05``) or as ACLED's exports write it (``05 March 2024``)."""
    day = iso_day(value)
    if day:
        return day
    for fmt in ("%d %B %Y", "%d %b %Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None


@lru_cache(maxsize=512)
def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 of a country name or code ("Syria", "SYR", "SY"); None when unknown."""
    import pycountry

    try:
        return str(pycountry.countries.lookup(name.strip()).alpha_2)
    except LookupError:
        return None


def _number(value: str) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _words_in(gold_name: str, party: Any) -> bool:
    words = [w for w in fold(re.sub(r"\(.*?\)", "", gold_name)).split() if len(w) > 2]
    have = names_of(party)
    return bool(words) and sum(w in have for w in words) / len(words) >= 0.5


def row_checks(g: dict[str, Any], e: dict[str, Any] | None, *, km: float, days: int) -> list[Check]:
    """The checks of one row (``g``: its ACLED fields) on the event that stands for it."""
    out = [Check("detected", e is not None, "an event", e.get("type") if e else None)]
    e = e or {}
    acled = e.get("acled") or {}
    for col in ("event_type", "sub_event_type"):
        if g.get(col):
            out.append(Check(col, acled.get(col) == g[col], g[col], acled.get(col)))
    lat, lon = _number(g.get("latitude", "")), _number(g.get("longitude", ""))
    if lat is not None and lon is not None:
        located = [p for p in e.get("locations") or [] if p.get("lat") is not None]
        dists = [great_circle_km(p["lat"], p["lon"], lat, lon) for p in located]
        got = [
            f"{p.get('name') or p.get('text')} ({d:.0f} km away)" for p, d in zip(located, dists, strict=True)
        ]
        want = f"{g.get('location') or f'{lat}, {lon}'} within {km:g} km"
        out.append(Check("location", any(d <= km for d in dists), want, got))
    if g.get("country"):
        want_code = country_code(g["country"])
        codes = [str(p.get("country") or "").upper() for p in e.get("locations") or []]
        out.append(
            Check("country", bool(want_code) and want_code in codes, g["country"], sorted(set(codes) - {""}))
        )
    day = acled_day(g.get("event_date", "")) if g.get("event_date") else None
    if day:
        got_day = iso_day((e.get("date") or {}).get("start"))
        ok = got_day is not None and abs((got_day - day).days) <= days
        out.append(Check("date", ok, day.isoformat() + (f" ± {days} days" if days else ""),
                         got_day.isoformat() if got_day else None))  # fmt: skip
    killed = _number(g.get("fatalities", ""))
    if killed is not None:
        got_killed = best_figure((e.get("counts") or {}).get("killed"))
        name = "fatalities" if killed > 0 else "fatalities_none"
        out.append(Check(name, (got_killed or 0) == killed, int(killed), got_killed))
    for col, role in (("actor1", "actor"), ("actor2", "target")):
        if g.get(col):
            party = e.get(role)
            got_name = (party or {}).get("name") or (party or {}).get("text") if party else None
            out.append(Check(role, _words_in(g[col], party), g[col], got_name))
    return out


def score_row(row: GoldRow, record: dict[str, Any] | None, *, km: float, days: int) -> dict[str, Any]:
    """One row's checks and what polemos said, for the listing and the figures."""
    e = standing_event(record)
    checks = row_checks(row.gold, e, km=km, days=days)
    excerpt = row.text if len(row.text) <= 300 else row.text[:297] + "..."
    return {"record": row.id, "line": row.line, "gold_type": row.gold.get("event_type") or None,
            "status": "found" if e else "missed", "text": excerpt, "said": [said_of(e)] if e else [],
            "checks": [vars(c) for c in checks]}  # fmt: skip


def figures(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Field accuracies over scored rows (``detected`` is the share of rows polemos read an event in)."""
    tot: dict[str, list[int]] = {}
    for r in rows:
        for c in r["checks"]:
            right_checked = tot.setdefault(c["field"], [0, 0])
            right_checked[0] += bool(c["ok"])
            right_checked[1] += 1
    out: dict[str, Any] = {"records": len(rows)}
    for name, (right, checked) in tot.items():
        out[name if name == "detected" else f"{name}_accuracy"] = (
            round(right / checked, 3) if checked else None
        )
    return out


def per_type(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The same figures for each ACLED event type of the gold."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(r["gold_type"] or "(none)", []).append(r)
    return {t: figures(rs) for t, rs in sorted(groups.items())}
