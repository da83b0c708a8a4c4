"""Evidence with its spans marked, as plain segments the templates escape (text is data, never markup)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# the order a segment's kinds are listed in (its first kind gives the colour)
KINDS = ("count", "date", "actor", "target", "place", "claimant", "trigger", "time", "evidence")

Mark = tuple[int, int, str]


def segments(text: str, base: int, marks: Iterable[Mark]) -> list[tuple[str, str]]:
    """``text`` (which starts at offset ``base`` of its article) cut at every mark's edge.

    Each piece comes with the space-separated kinds of the marks covering it ("" for none). Marks
    that fall outside the text are clipped or dropped; overlapping marks simply both apply.
    """
    end = base + len(text)
    kept = [(max(s, base), min(e, end), k) for s, e, k in marks if s is not None and e is not None]
    kept = [(s, e, k) for s, e, k in kept if s < e]
    cuts = sorted({base, end, *(s for s, _, _ in kept), *(e for _, e, _ in kept)})
    out: list[tuple[str, str]] = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        kinds = sorted({k for s, e, k in kept if s <= lo and hi <= e}, key=_rank)
        piece = text[lo - base : hi - base]
        if out and out[-1][1] == " ".join(kinds):
            out[-1] = (out[-1][0] + piece, out[-1][1])
        else:
            out.append((piece, " ".join(kinds)))
    return out


def evidence_segments(ev: dict[str, Any]) -> list[tuple[str, str]]:
    """An article-level event's evidence cut at its fields' spans; its text unmarked when the evidence
    has no offset (a stored record keeps whatever it was written with), nothing when it has no text."""
    evid = ev.get("evidence")
    text = evid.get("text") if isinstance(evid, dict) else None
    if not isinstance(text, str):
        return []
    base = evid.get("start")  # type: ignore[union-attr]
    if not isinstance(base, int):
        return [(text, "")]
    return segments(text, base, event_marks(ev))


def _rank(kind: str) -> int:
    return KINDS.index(kind) if kind in KINDS else len(KINDS)


def _span(obj: Any) -> tuple[int | None, int | None]:
    if not isinstance(obj, dict):
        return None, None
    return obj.get("start"), obj.get("end")


def event_marks(ev: dict[str, Any]) -> list[Mark]:
    """The spans of an article-level event's fields: actor, target, places, date, counts, claimants."""
    marks: list[Mark] = []

    def add(obj: Any, kind: str) -> None:
        s, e = _span(obj)
        if isinstance(s, int) and isinstance(e, int):
            marks.append((s, e, kind))

    add(ev.get("actor"), "actor")
    add(ev.get("target"), "target")
    for loc in ev.get("locations") or []:
        add(loc, "place")
    date = ev.get("date") or {}
    add(date.get("span"), "date")
    for c in (ev.get("counts") or {}).values():
        add(c, "count")
    for claim in ev.get("claims") or []:
        add(claim.get("claimant"), "claimant")
    add(ev.get("trigger"), "trigger")
    return marks
