"""Resolving one matched calendar expression to a TIMEX3 value (the handlers behind ``dates.py``)."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta

from polemos.resolve import dates_norm as N
from polemos.resolve.dates_lex import (
    CENTURY_WORDS,
    DECADE_WORDS,
    MONTH,
    MONTHS,
    NUMBERS,
    ORDINALS,
    SEASONS,
    WEEKDAYS,
    YEAR,
    lexicon,
)

# the rest of a month range whose year comes at its end ("April to July 1994")
_RANGE_END = re.compile(
    rf"[ \t]*(?i:to|and|through|until|till|-|\u2013)[ \t]*(?:(?i:early|mid|late)-?[ \t]*)?"
    rf"(?P<mon>{MONTH})[ \t,]+(?P<year>{YEAR})"
)
_DAY_REACH = 800  # characters back to the date an anaphoric "the next day" counts from
_FISCAL = frozenset({"quarter", "half"})
_PERIODS = frozenset({"quarter", "half", "month", "season"})
_SENT_END = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n+")
_ABBREV = re.compile(
    r"(?:\b[A-Z]|Mr|Ms|Mrs|Dr|St|Co|Jr|Sr|vs|No|Inc|Ltd|Gen|Col|Sgt|Lt|Rep|Sen|Gov|Corp|"
    r"Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.$"
)


def _sentences(text: str) -> list[tuple[int, int]]:
    out, s = [], 0
    for m in _SENT_END.finditer(text):
        if m.group().startswith(".") and _ABBREV.search(text, max(0, m.start() - 5), m.start() + 1):
            continue
        out.append((s, m.start() + 1))
        s = m.end()
    out.append((s, len(text)))
    return out


class Doc:
    """What resolving one expression needs: the text, the publication date, earlier values."""

    def __init__(self, text: str, published: date | None, direction: int | None = None):
        self.text = text
        self.dct = published
        self.direction = direction  # a tense the caller knows (the parse), over the word cues
        self.sents = _sentences(text)
        self.starts = [ss for ss, _ in self.sents]
        self.seen: list[tuple[int, N.Val, bool]] = []  # position, value, derived from another one

    def tense(self, s: int, e: int) -> int:
        if self.direction is not None:
            return self.direction
        i = bisect_right(self.starts, s) - 1
        if i < 0:
            return 0
        ss, se = self.sents[i]
        return N.tense(self.text, s, e, ss, max(se, e))

    def anchor(self, s: int, grains: frozenset[str] = _FISCAL) -> N.Val | None:
        """The nearest earlier period of these grains: what "a year earlier" shifts.

        By default only quarters and halves: "up from $5 million a year ago" in an earnings report
        means the same quarter; in other reporting "a year ago" is simply the year before.
        """
        for _, v, derived in reversed(self.seen):
            if not derived and v.grain in grains and v.start:
                return v
        return None

    def last_date(self, s: int) -> N.Val | None:
        """The nearest earlier dated expression: what "the next day" or "that year" counts from."""
        for pos, v, _ in reversed(self.seen):
            if s - pos > _DAY_REACH:
                return None
            if v.start and v.precision is not None:
                return v
        return None


def _year_of(word: str | None, dct: date | None) -> int | None:
    if not word:
        return None
    w = word.lower()
    if w[:4].isdigit():
        return int(w[:4])
    if dct is None:
        return None
    return dct.year + {"this year": 0, "last year": -1, "next year": 1, "the year": 0}.get(w, 0)


def resolve(doc: Doc, name: str, m: re.Match[str]) -> N.Val | None:
    dct, g = doc.dct, m.groupdict()
    if name in ("mdy", "dmy"):
        mon, d = MONTHS[g["mon"].rstrip(".").lower()], _day_number(g["day"])
        if g.get("year"):
            return N.day(date(int(g["year"]), mon, d))
        if dct is None:
            return N.NONE
        if g.get("wd"):  # "Friday, Oct. 23": the year in reach whose Oct. 23 is a Friday
            wd = WEEKDAYS[g["wd"].lower()]
            fits = [y for y in (dct.year, dct.year - 1, dct.year + 1) if _weekday_of(y, mon, d) == wd]
            if fits:
                return N.day(date(fits[0], mon, d))
        y = N.nearest_year(dct, mon, d, doc.tense(*m.span()))
        return N.day(date(y, mon, d)) if y else None
    if name == "my":
        return N.month(int(g["year"]), MONTHS[g["mon"].rstrip(".").lower()])
    if name == "iso":
        return N.day(date(int(g["year"]), int(g["mon"]), int(g["day"])))
    if name == "num":
        return _numeric(int(g["a"]), int(g["b"]), int(g["year"]), dct)
    if name == "year":
        return N.year(int(g["year"]))
    if name in ("edge_year",):
        return N.year(int(g["year"]))
    if name in ("decade", "decade2", "decadew"):
        return _decade(g, dct)
    if name == "century":
        return N.century(CENTURY_WORDS[g["word"].lower()])
    if name == "season" and g.get("year"):
        return N.season(int(g["year"]), SEASONS[g["season"].lower()])
    if name == "qcode":
        return _qcode(doc, m)
    if name == "ref":
        return N.ref(lexicon()[re.sub(r"\s+", " ", g["word"].lower())][1])
    if name == "holiday":
        return _holiday(doc, m)
    if dct is None:
        return N.NONE  # everything below is relative to the publication date
    if name == "weekday":
        wd = WEEKDAYS[g["wd"].lower()]
        # "Friday's warning": a possessive names something that has happened.
        possessive = doc.text.startswith(("'s", "’s"), m.end())
        return N.day(N.weekday_near(dct, wd, -1 if possessive else doc.tense(*m.span())))
    if name == "deictic":
        w = re.sub(r"\s+", " ", g["word"].lower())
        off = {
            "today": 0,
            "yesterday": -1,
            "tomorrow": 1,
            "the day before yesterday": -2,
            "the day after tomorrow": 2,
        }[w]
        return N.day(dct + timedelta(days=off))
    if name == "daypart":
        # TIMEX3 writes these as times of day (2016-05-22TNI); the day is what dates an event.
        w = re.sub(r"\s+", " ", g["word"].lower())
        night = dct - timedelta(days=1) if w == "last night" else dct
        code = {"morning": "MO", "afternoon": "AF", "evening": "EV"}.get(w.split()[-1], "NI")
        return N.Val(f"{night.isoformat()}T{code}", night, night, "day", "day")
    if name in ("month", "edge_month"):
        mon = MONTHS[g["mon"].rstrip(".").lower()]
        upto = _RANGE_END.match(doc.text, m.end())
        if upto:  # "from April to July 1994", "between March and May 2010": the range's year
            y, last = int(upto.group("year")), MONTHS[upto.group("mon").rstrip(".").lower()]
            return N.month(y if mon <= last else y - 1, mon)
        return N.month(N.month_near(dct, mon, doc.tense(*m.span())), mon)
    if name == "bseason":
        return _season_near(dct, SEASONS[g["season"].lower()], doc.tense(*m.span()))
    if name == "rel":
        return _relative(doc, m, dct)
    if name == "edge_part":
        return _unit(dct, g["part"].lower(), 0)
    if name == "ago":
        return _ago(doc, m, dct)
    if name == "weekend":
        # On a weekday, "the weekend" is the one just past unless the words point ahead.
        off = 0 if dct.weekday() >= 5 or doc.tense(*m.span()) > 0 else -1
        return _unit(dct, "weekend", off)
    if name == "weekof":
        mon, d = MONTHS[g["mon"].rstrip(".").lower()], _day_number(g["day"])
        y = int(g["year"]) if g.get("year") else N.nearest_year(dct, mon, d, doc.tense(*m.span()))
        return N.week(date(y, mon, d)) if y else None
    if name == "yearq":
        a = doc.anchor(m.start())
        y = int(g["year"])
        if g["unit"].lower() != "period" and a is not None and a.start and a.grain in ("quarter", "half"):
            return N.shift_year(a, y - a.start.year)
        return N.year(y)
    if name == "anaday":
        return _anaphoric(doc, m)
    if name == "inthe":
        return _in_the(doc, m, dct)
    if name == "anaq":
        a = doc.anchor(m.start())
        return a if a is not None and a.grain == "quarter" else None
    if name in ("yago", "same", "lastyrq"):
        a = doc.anchor(m.start(), _PERIODS if name == "same" else _FISCAL)
        return N.shift_year(a, -1) if a else N.year(dct.year - 1)
    if name == "quarter":
        return _quarter(doc, m)
    if name in ("curq", "thisq"):
        which = g["which"].lower()
        off = 0 if which in ("current", "this") else 1 if which in ("next", "coming") else -1
        return N.quarter(dct.year, (dct.month - 1) // 3 + 1 + off)
    return None


def _day_number(word: str) -> int:
    """The number leading a day word ("23", "23rd"); the patterns that match one make sure it leads."""
    found = re.match(r"\d+", word)
    assert found is not None
    return int(found.group())


def _weekday_of(y: int, mon: int, d: int) -> int | None:
    try:
        return date(y, mon, d).weekday()
    except ValueError:
        return None


def _numeric(a: int, b: int, y: int, dct: date | None) -> N.Val | None:
    """12/05/2016: day-first when the first number can't be a month, else month-first unless the
    day-first reading lies nearer the publication date."""
    opts = []
    for mon, d in ((a, b), (b, a)):
        try:
            opts.append(date(y, mon, d))
        except ValueError:
            continue
    if not opts:
        return None
    if dct is not None and len(opts) == 2:
        opts.sort(key=lambda x: abs((x - dct).days))
    return N.day(opts[0])


def _decade(g: dict, dct: date | None) -> N.Val:
    if g.get("dec"):
        return N.decade(int(g["dec"]))
    digit = int(g["d2"]) if g.get("d2") else DECADE_WORDS[g["word"].lower()]
    now = dct.year if dct else 1999
    first = (now // 100) * 100 + digit * 10
    if first > now:
        first -= 100
    return N.decade(first)


def _qcode(doc: Doc, m: re.Match[str]) -> N.Val:
    q = m.group("q")
    y = int(m.group("year")) if m.group("year") else (doc.dct.year if doc.dct else None)
    if y is None:
        return N.NONE
    return N.quarter(y, int(q[1])) if q[0] == "Q" else N.half(y, int(q[1]))


def _quarter(doc: Doc, m: re.Match[str]) -> N.Val:
    g, dct = m.groupdict(), doc.dct
    n = ORDINALS[g["ord"].lower()]
    is_half = g["unit"].lower() == "half"
    make = N.half if is_half else N.quarter
    if n == -1:
        n = 2 if is_half else 4
    y = _year_of(g.get("year"), dct) or _year_of(g.get("ryear"), dct) or _year_of(g.get("pyear"), dct)
    if y is None and g.get("pre") and g["pre"].lower() in ("last", "next") and dct:
        y = dct.year + (1 if g["pre"].lower() == "next" else -1)
    if y is not None:
        return make(y, n)
    if dct is None:
        return N.NONE
    this = make(dct.year, n)
    start, end = _span(this)
    if doc.tense(*m.span()) > 0:
        # "will report third-quarter results" in October: a period just ended still counts
        return this if end >= dct - timedelta(days=92) else make(dct.year + 1, n)
    return this if start <= dct else make(dct.year - 1, n)


def _span(v: N.Val) -> tuple[date, date]:
    """The first and last day of a period value (quarters, halves and seasons always have both)."""
    assert v.start is not None and v.end is not None
    return v.start, v.end


def _season_near(dct: date, code: str, direction: int, strict: bool = False) -> N.Val:
    opts = [N.season(y, code) for y in (dct.year - 1, dct.year, dct.year + 1)]
    if direction > 0:
        ok = [v for v in opts if (_span(v)[0] > dct if strict else _span(v)[1] >= dct)]
        return ok[0]
    ok = [v for v in opts if (_span(v)[1] < dct if strict else _span(v)[0] <= dct)]
    return ok[-1]


def _unit(dct: date, part: str, off: int) -> N.Val | None:
    if part == "week":
        return N.week(dct + timedelta(weeks=off))
    if part == "weekend":
        sat = dct - timedelta(days=dct.weekday()) + timedelta(days=5 + 7 * off)
        return N.weekend(sat)
    if part == "month":
        return N.month(dct.year, dct.month + off)
    if part == "year":
        return N.year(dct.year + off)
    if part == "quarter":
        return N.quarter(dct.year, (dct.month - 1) // 3 + 1 + off)
    if part == "decade":
        return N.decade(dct.year + 10 * off)
    if part == "half":
        return N.half(dct.year, 1 if dct.month <= 6 else 2) if off == 0 else None
    return None


def _relative(doc: Doc, m: re.Match[str], dct: date) -> N.Val | None:
    g = m.groupdict()
    rel = re.sub(r"\s+", " ", g["rel"].lower()).removeprefix("the ")
    part = g["part"]
    low = part.lower().rstrip(".")
    if rel in ("same", "following"):
        a = doc.last_date(m.start())
        if a is None or a.start is None or low not in ("week", "month", "year", "day"):
            return None
        base = a.start + (
            timedelta(days={"week": 7, "month": 31, "year": 366}[low]) if rel == "following" else timedelta(0)
        )
        return _unit(base, low, 0)
    off = {
        "last": -1,
        "past": -1,
        "previous": -1,
        "this": 0,
        "current": 0,
        "next": 1,
        "coming": 1,
        "this coming": 1,
    }[rel]
    if low in WEEKDAYS:
        wd = WEEKDAYS[low]
        if off == 0:
            return N.day(N.weekday_near(dct, wd, 1 if doc.tense(*m.span()) >= 0 else -1))
        return N.day(N.weekday_near(dct, wd, off, strict=True))
    if part[:1].isupper() and low in MONTHS:
        mon = MONTHS[low]
        if off == 0:
            return N.month(dct.year, mon)
        return N.month(N.month_near(dct, mon, off, strict=True), mon)
    if low in SEASONS:
        code = SEASONS[low]
        if off == 0:
            return N.season(dct.year - 1 if code == "WI" and dct.month <= 2 else dct.year, code)
        return _season_near(dct, code, off, strict=True)
    if low == "week" and off == -1 and dct.weekday() == 6 and rel == "last":
        return _unit(dct, low, 0)  # on a Sunday, "last week" is the one now ending
    return _unit(dct, low, off)


def _anaphoric(doc: Doc, m: re.Match[str]) -> N.Val | None:
    """ "the next day", "that same morning", "that year": counted from the last date given."""
    det, rel = m.group("det").lower(), (m.group("rel") or "").lower()
    part = m.group("part").lower()
    if det == "the" and rel not in ("next", "following", "previous", "same", "very"):
        return None  # a bare "the day" / "the year" is too loose to date
    a = doc.last_date(m.start())
    if a is None or a.start is None:
        return None
    start = a.start
    unit = "day" if part in ("day", "morning", "afternoon", "evening", "night") else part
    step = {"next": 1, "following": 1, "previous": -1}.get(rel, 0)
    if unit == "day":
        if a.precision != "day":
            return None
        return N.day(start + timedelta(days=step))
    if unit == "week":
        return N.week(start + timedelta(weeks=step))
    if unit == "month":
        return N.month(start.year, start.month + step)
    return N.year(start.year + step)


_UNIT_ORDER = {"day": 0, "week": 1, "month": 2, "quarter": 3, "half": 3, "season": 3, "year": 4, "decade": 5}


def _in_the(doc: Doc, m: re.Match[str], dct: date) -> N.Val | None:
    """ "later in the day", "earlier in the week": the unit of the last date given ("On Monday ...
    Later in the day" is Monday), else of publication."""
    part = m.group("part").lower()
    a = doc.last_date(m.start())
    base = a.start if a is not None and a.start is not None and a.grain == "day" else dct
    return N.day(base) if part == "day" else _unit(base, part, 0)


def _ago(doc: Doc, m: re.Match[str], dct: date) -> N.Val | None:
    """ "two weeks ago" counts from publication; "three days later", "two years earlier" from the
    last date the text gave ("On May 3 ... Two days later" is May 5), else from publication."""
    g = m.groupdict()
    num = g["num"].lower()
    n = int(num) if num.isdigit() else NUMBERS.get(num, 1)
    unit = g["unit"].lower().rstrip("s")
    way = g["dir"].lower()
    sign = 1 if way in ("from now", "hence", "later") else -1
    if unit == "year" and n == 1 and sign < 0:
        a = doc.anchor(m.start())
        if a is not None:
            return N.shift_year(a, -n)
    if way in ("earlier", "later"):
        a = doc.last_date(m.start())
        if a is not None and a.start is not None and _UNIT_ORDER.get(a.grain, 9) <= _UNIT_ORDER.get(unit, 0):
            dct = a.start  # noqa: PLW2901 (the reference time the text is at)
        elif way == "later":
            return None  # later than something the text does not date
    if unit == "day":
        return N.day(dct + timedelta(days=sign * n))
    if unit == "week":
        return N.week(dct + timedelta(weeks=sign * n))
    if unit == "month":
        return N.month(dct.year, dct.month + sign * n)
    if unit == "year":
        return N.year(dct.year + sign * n)
    if unit == "decade":
        return N.decade(dct.year + sign * 10 * n)
    return None


def _holiday(doc: Doc, m: re.Match[str]) -> N.Val:
    rule = lexicon()[re.sub(r"\s+", " ", m.group("word").lower())][1]
    if m.group("year"):
        d = N.holiday(int(m.group("year")), rule)
        return N.day(d) if d else N.NONE
    if doc.dct is None:
        return N.NONE
    dct, direction = doc.dct, doc.tense(*m.span())
    this = N.holiday(dct.year, rule)
    if this is None:
        return N.NONE
    # as for a yearless "May 3": this year's unless the tense puts it well on the other side
    y = N.nearest_year(dct, this.month, this.day, direction)
    d = N.holiday(y, rule) if y else None
    return N.day(d) if d else N.NONE
