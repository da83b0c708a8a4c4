"""Calendar expressions normalized against the publication date (first cut: spaCy DATE spans
through dateparser). Issue 2 item 6 replaces the internals; ``find_times`` and ``governing_time``
are the interface."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from polemos.types import TimeRef


def find_times(text: str, published: date | None, hints: Sequence[tuple[int, int]] = ()) -> list[TimeRef]:
    import dateparser

    out: list[TimeRef] = []
    base = datetime(published.year, published.month, published.day) if published else None
    for start, end in hints:
        expr = text[start:end]
        settings = {"PREFER_DATES_FROM": "past", "RELATIVE_BASE": base} if base else {}
        parsed = dateparser.parse(expr, settings=settings)  # type: ignore[arg-type]
        if parsed is None:
            continue
        d = parsed.date()
        out.append(TimeRef(expr, start, end, d.isoformat(), d, d, "day"))
    return out


def governing_time(
    times: Sequence[TimeRef], sentence_start: int, sentence_end: int, trigger_start: int
) -> TimeRef | None:
    inside = [t for t in times if sentence_start <= t.start < sentence_end]
    return min(inside, key=lambda t: abs(t.start - trigger_start)) if inside else None
