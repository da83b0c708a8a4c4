"""Find calendar expressions in an article and normalize them against its publication date.

``find_times(text, published, hints)`` returns every date-like expression (dates, days, weeks,
months, quarters, seasons, years, decades, and TIMEX3's PRESENT_REF / PAST_REF / FUTURE_REF) with its
exact span, a TIMEX3 ``value`` and an inclusive ``start_date``/``end_date``. Durations ("48 hours",
"for two weeks"), frequencies ("daily") and clock times are left out.

Spans come from our own patterns (``dates_lex``), each anchored on a calendar word; ``hints`` (the
spaCy DATE entities) only license ambiguous words ("May", "March", a bare "2008", "spring").
Relative expressions are resolved against ``published``; the words around an unanchored one
("will", "next", "starting", "ago", past-tense verbs) decide between past and future.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime

from polemos.resolve.dates_lex import NAMED_DAY, compile_patterns
from polemos.resolve.dates_resolve import Doc, resolve
from polemos.types import TimeRef

_PATTERNS: list[tuple[str, re.Pattern[str]]] | None = None
# Words that make a bare month, year or season a date rather than a name or a number.
_CUES = {
    "in", "since", "by", "until", "till", "through", "throughout", "during", "from", "of", "before",
    "after", "between", "early", "late", "mid", "last", "next", "this", "that", "fiscal",
    "around", "circa", "end", "beginning", "start", "middle", "as", "on", "for", "year", "spring", "summer",
    "autumn", "fall", "winter", "the", "each", "every", "earlier", "later", "than", "following",
}  # fmt: skip
_NEED_LICENCE = {"month", "year", "bseason"}
_ANAPHORIC = {"yago", "same", "lastyrq", "anaq", "yearq", "ago"}
_DATELINE_REACH = 400
_DATELINE = re.compile(
    r"(?:^|\n)[ \t]*(?:(?:Published|Posted|Updated|Dated)[ \t]*:?[ \t]*)?(?P<date>"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+)?"
    r"(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?,?[ \t]+\d{4}"
    r"|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?,?[ \t]+\d{4}"
    r"|\d{4}-\d\d-\d\d))[ \t]*(?=\n|$)"
)
_AFTER_DATE = re.compile(
    r"(?:\b(?:1[6-9]|20)\d\d|\b(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December))[ \t]*(?:,[ \t]*|[ \t]+(?:and|or|to|through|until)[ \t]+|[-\u2013])$"
)
_REPORTING = re.compile(
    r"\b(?:said|says|say|told|announced|reported|added|stated|confirmed|claimed|declared)"
    r"(?:[ \t]+(?:on|late|early|that))?[ \t]+$"
)
_YEAR_WRITTEN = re.compile(r"\d{4}|'\d\d\b")
_LAST_WORD = re.compile(r"([A-Za-z]+)[\s-]*$")


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    global _PATTERNS
    if _PATTERNS is None:
        _PATTERNS = compile_patterns()
    return _PATTERNS


def _licensed(text: str, start: int, end: int, hints: Sequence[tuple[int, int]]) -> bool:
    if any(hs < end and start < he for hs, he in hints):
        return True
    m = _LAST_WORD.search(text, max(0, start - 30), start)
    if m and m.group(1).lower() in _CUES:
        if m.group(1).lower() != "the" or text[start:end].lower() != "fall":
            return True
        # "the fall" alone is too often the noun ("after the fall, looting began"): "in the fall"
        m = _LAST_WORD.search(text, max(0, m.start() - 30), m.start())
        return bool(m and m.group(1).lower() in _CUES and m.group(1).lower() != "the")
    # "in 2008 and 2009", "from March to May": a list or range continues a date before it
    return bool(_AFTER_DATE.search(text, max(0, start - 40), start))


def _candidates(text: str, hints: Sequence[tuple[int, int]]) -> list[tuple[int, int, str, re.Match[str]]]:
    found = []
    for order, (name, rx) in enumerate(_patterns()):
        for m in rx.finditer(text):
            s, e = m.span()
            if e <= s:
                continue
            if name in _NEED_LICENCE and not _licensed(text, s, e, hints):
                continue
            if name == "weekday" and NAMED_DAY.search(text, max(0, s - 12), s):
                continue
            found.append((s, e, order, name, m))
    # Longest match first, then the earlier pattern; keep those that overlap nothing kept.
    found.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    kept: list[tuple[int, int, str, re.Match[str]]] = []
    taken: list[tuple[int, int]] = []
    for s, e, _, name, m in found:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        kept.append((s, e, name, m))
    kept.sort(key=lambda c: c[0])
    return kept


def find_times(text: str, published: date | None, hints: Sequence[tuple[int, int]] = ()) -> list[TimeRef]:
    """Every calendar expression of ``text`` as a ``TimeRef`` in text order (see module doc)."""
    return _find(text, published, hints, keep_dateline=False)


def as_past(t: TimeRef, published: date | None) -> TimeRef | None:
    """``t`` read again as told of the past ("Friday" the latest Friday on or before publication,
    "in June" the latest June), for an event the parse shows to have happened; None when it cannot
    lie on or before ``published`` (an anaphoric or explicit later date)."""
    if published is None or t.start_date is None:
        return t
    if isinstance(published, datetime):
        published = published.date()
    if t.start_date <= published:
        return t
    found = _find(t.text, published, [(0, len(t.text))], keep_dateline=True, direction=-1)
    whole = next((f for f in found if f.start == 0 and f.end == len(t.text)), None)
    if whole is None or whole.start_date is None or whole.end_date is None or whole.value is None:
        return None
    if whole.start_date > published and whole.precision == "day" and not _YEAR_WRITTEN.search(t.text):
        # "on June 30" of a past event a month before June 30: last year's (the 60 days' leeway
        # of a yearless day is for target dates, which a past event is not)
        try:
            d = whole.start_date.replace(year=whole.start_date.year - 1)
        except ValueError:  # February 29
            return None
        whole = TimeRef(t.text, 0, 0, d.isoformat() + whole.value[10:], d, d, "day")
    if whole.start_date is None or whole.start_date > published:
        return None
    return TimeRef(t.text, t.start, t.end, whole.value, whole.start_date, whole.end_date, whole.precision)


def _find(
    text: str,
    published: date | None,
    hints: Sequence[tuple[int, int]],
    keep_dateline: bool,
    direction: int | None = None,
) -> list[TimeRef]:
    if not text:
        return []
    if isinstance(published, datetime):
        published = published.date()  # a datetime does not compare with the dates below
    doc = Doc(text, published, direction)
    out: list[TimeRef] = []
    line = None if keep_dateline else _dateline_span(text)
    for s, e, name, m in _candidates(text, hints):
        if line and line[0] <= s and e <= line[1]:
            continue
        try:
            val = resolve(doc, name, m)
        except (ValueError, OverflowError):  # Feb 30, year 0: not a date after all
            continue
        if val is None:
            continue
        s, e = _trim(text, s, e)
        doc.seen.append((s, val, name in _ANAPHORIC))
        out.append(TimeRef(text[s:e], s, e, val.value, val.start, val.end, val.precision))
    return out


def _dateline_span(text: str) -> tuple[int, int] | None:
    """The span of a dateline: a line near the top holding only a date ("March 06, 2008")."""
    m = _DATELINE.search(text, 0, min(len(text), _DATELINE_REACH))
    return m.span("date") if m else None


def dateline(text: str) -> TimeRef | None:
    """The article's dateline as a resolved ``TimeRef`` (its publication date when none is given).

    ``find_times`` leaves the dateline out: it dates the article, not anything the article reports.
    """
    span = _dateline_span(text)
    if span is None:
        return None
    found = _find(text[: span[1]], None, (), keep_dateline=True)
    return next((t for t in found if t.start == span[0] and t.start_date), None)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and text[e - 1] in " \t\n,;:-":
        e -= 1
    while s < e and text[s] in " \t\n,;:-":
        s += 1
    return s, e


def governing_time(
    times: Sequence[TimeRef],
    sentence_start: int,
    sentence_end: int,
    trigger_start: int,
    text: str | None = None,
) -> TimeRef | None:
    """The time expression of an event's sentence that dates its trigger, or None.

    Only expressions with a date range count (PRESENT_REF and the like never date an event). The
    nearest to the trigger wins, one after it first at equal distance ("struck ... on Monday").
    Given the article ``text``, an expression attached to a reporting verb ("said on Tuesday",
    "Tuesday's statement said") dates the saying, so it loses to any other in the sentence.
    """
    pool = [t for t in times if sentence_start <= t.start and t.end <= sentence_end and t.start_date]
    if not pool:
        return None

    def rank(t: TimeRef) -> tuple[int, int, int]:
        gap = t.start - trigger_start if t.start >= trigger_start else trigger_start - t.end
        said = int(text is not None and bool(_REPORTING.search(text, max(0, t.start - 25), t.start)))
        return (said, gap, 0 if t.start >= trigger_start else 1)

    return min(pool, key=rank)
