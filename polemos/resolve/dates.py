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
from datetime import date, datetime, timedelta

from polemos.resolve.dates_lex import DAY, MONTH, NAMED_DAY, WEEKDAY, YEAR, S, compile_patterns
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
# The other end of a day range or list whose month is written once: "September 20th-22nd",
# "April 24 and 25", "May 3 to 5, 2016" (a bare day after the date); "20-22 September",
# "between 3 and 5 May" (a bare day before it).
_LINK = rf"(?:{S}*[-\u2013\u2014]{S}*|{S}+(?i:to|through|thru|until|till|and|or){S}+)"
_BARE_AFTER = re.compile(
    rf"{_LINK}(?P<day>{DAY})\b(?!{S}*(?:{MONTH}|[-\u2013:/.,]?\d))(?:,?{S}+(?P<year>{YEAR}))?"
    rf"(?={S}*(?:$|[,.;:)!?\"'\u201d\n]|{S}(?i:in|at|on|when|as|while|after|before|with|for|and|to|of)\b))"
)
_BARE_BEFORE = re.compile(rf"(?<![\d.,$\u00a3\u20ac/-])(?P<day>{DAY}){_LINK}$")
# What joins two dates into one stretch: "May 3-5", "from Monday to Wednesday", "3 and 5 May".
_RANGE_LINK = re.compile(_LINK)
_RANGE_GRAINS = ("day",)
_WEEKDAY_ONLY = re.compile(rf"(?:(?i:early|late|earlier|later){S}+)?{WEEKDAY}")
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
    if whole is None and t.precision == "day" and t.end_date is not None and not _YEAR_WRITTEN.search(t.text):
        # a range ("September 20th-22nd", "between 3 and 5 May"): the same days a year back
        start, end = _year_back(t.start_date), _year_back(t.end_date)
        if start is None or end is None or start > published:
            return None
        return TimeRef(t.text, t.start, t.end, start.isoformat(), start, end, "day")
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
        t = TimeRef(text[s:e], s, e, val.value, val.start, val.end, val.precision)
        if name == "dmy" and not m.group("wd"):
            out.extend(_bare_day(text, t, before=True, taken=out))
        out.append(t)
        if name == "mdy":
            bare = _bare_day(text, t, before=False, taken=out)
            if bare and t.start_date and bare[0].start_date and bare[0].start_date.year != t.start_date.year:
                # "May 3 to 5, 2016": the year written after the range is its first day's too
                d = t.start_date.replace(year=bare[0].start_date.year)
                out[-1] = TimeRef(t.text, t.start, t.end, d.isoformat(), d, d, "day")
            out.extend(bare)
    return out


def _bare_day(text: str, t: TimeRef, before: bool, taken: Sequence[TimeRef]) -> list[TimeRef]:
    """The bare day that ends (or opens) a range or list with ``t`` ("September 20th-22nd", "20-22
    September", "between 3 and 5 May"): a date of its own, in ``t``'s month and year."""
    if t.start_date is None or t.value is None:
        return []
    if before:  # noqa: SIM108 (two searches of their own)
        m = _BARE_BEFORE.search(text, max(0, t.start - 20), t.start)
    else:
        m = _BARE_AFTER.match(text, t.end)
    if m is None or any(o.start < m.end("day") and m.start("day") < o.end for o in taken):
        return []
    n = int(re.match(r"\d+", m.group("day")).group())  # type: ignore[union-attr]
    year = int(m.group("year")) if not before and m.group("year") else t.start_date.year
    try:
        d = t.start_date.replace(year=year, day=n)
    except ValueError:  # "September 30-31": no such day
        return []
    if (d >= t.start_date) if before else (d.replace(year=t.start_date.year) <= t.start_date):
        return []  # "22-20 September": not a range
    return [TimeRef(m.group("day"), m.start("day"), m.end("day"), d.isoformat(), d, d, "day")]


def date_range(t: TimeRef, times: Sequence[TimeRef], text: str) -> TimeRef:
    """``t`` widened to the range or list it is one end of ("September 20th-22nd", "from Monday to
    Wednesday", "between 3 and 5 May": the first day to the last), else ``t`` itself. The other end
    takes the year that puts it just after the first (``t`` may have been read again as past)."""
    if t.start_date is None or t.precision not in _RANGE_GRAINS:
        return t
    for o in times:
        if o.start_date is None or o.end_date is None or o.precision != t.precision:
            continue
        if o.start >= t.end and _RANGE_LINK.fullmatch(text, t.end, o.start):
            first, last = t, o
        elif o.end <= t.start and _RANGE_LINK.fullmatch(text, o.end, t.start):
            first, last = o, t
        else:
            continue
        start, end = first.start_date, last.end_date
        assert start is not None and end is not None
        if _WEEKDAY_ONLY.fullmatch(o.text):  # "from Monday to Wednesday": the days of one stretch
            while first is o and start > end:
                start -= timedelta(days=7)
            while last is o and end < start:
                end += timedelta(days=7)
        elif first is o and not _YEAR_WRITTEN.search(o.text):
            start = _year_before(start, end)
        elif last is o and not _YEAR_WRITTEN.search(o.text):
            end = _year_after(end, start)
        if start is None or end is None or not 0 < (end - start).days <= 31:
            return t
        return TimeRef(
            text[first.start : last.end], first.start, last.end, first.value, start, end, t.precision
        )
    return t


def _year_back(d: date) -> date | None:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # February 29
        return None


def _year_after(d: date, start: date) -> date | None:
    """``d``'s month and day in the first year that does not put it before ``start``."""
    for y in (start.year, start.year + 1):
        try:
            c = d.replace(year=y)
        except ValueError:
            continue
        if c >= start:
            return c
    return None


def _year_before(d: date, end: date) -> date | None:
    for y in (end.year, end.year - 1):
        try:
            c = d.replace(year=y)
        except ValueError:
            continue
        if c <= end:
            return c
    return None


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
