"""French calendar expressions → ``TimeRef``, resolved against the publication date.

"le 5 avril", "jeudi 3 octobre", "samedi 02 janvier 2021", "mardi", "ce dimanche", "dimanche dernier",
"dans la nuit de samedi à dimanche", "la nuit du 2 au 3 octobre", "hier", "avant-hier", "la semaine
dernière", "le mois dernier", "en avril", "en 2020". A weekday or a day without year is the latest one on
or before publication (news tells the past); "la nuit de samedi à dimanche" starts on Saturday.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from polemos.lang.fr.lexicon import MONTHS, WEEKDAYS
from polemos.types import TimeRef

_WD = "|".join(WEEKDAYS)
_MO = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"(?:1er|[12]\d|3[01]|0?[1-9])"
_YEAR = r"(?:19|20)\d\d"
_S = r"[ \t\u00a0]+"

_NIGHT = re.compile(
    rf"\b(?:dans{_S})?la{_S}nuit{_S}(?:de{_S}|du{_S})(?P<w1>{_WD})(?:{_S}(?P<d1>{_DAY}))?{_S}(?:à|au){_S}"
    rf"(?P<w2>{_WD})(?:{_S}(?P<d2>{_DAY}))?(?:{_S}(?P<m>{_MO}))?(?:{_S}(?P<y>{_YEAR}))?",
    re.I,
)
_NIGHT_DAYS = re.compile(
    rf"\b(?:dans{_S})?la{_S}nuit{_S}du{_S}(?P<d1>{_DAY}){_S}au{_S}(?P<d2>{_DAY}){_S}(?P<m>{_MO})(?:{_S}(?P<y>{_YEAR}))?",
    re.I,
)
_FULL = re.compile(
    rf"\b(?:(?:le|ce){_S})?(?:(?P<w>{_WD}){_S})?(?P<d>{_DAY}){_S}(?P<m>{_MO})(?:{_S}(?P<y>{_YEAR}))?\b", re.I
)
_MONTH = re.compile(rf"\b(?:en|au mois d['’]|début|fin|mi-)?{_S}?(?P<m>{_MO})(?:{_S}(?P<y>{_YEAR}))?\b", re.I)
_WEEKDAY = re.compile(
    rf"\b(?:(?:ce|le|dès|depuis){_S})?(?P<w>{_WD})(?:{_S}(?:dernier|passé))?"
    rf"(?:{_S}(?:matin|soir|après-midi|midi))?\b",
    re.I,
)
_DEICTIC = re.compile(r"\b(?P<x>avant-hier|hier|aujourd['’]hui)\b(?:\s+(?:matin|soir))?", re.I)
_LAST = re.compile(
    r"\b(?:la|le|l['’])\s*(?P<u>semaine|mois|année|an|week-end)\s+(?:derni(?:er|ère)|passée?)\b", re.I
)
_YEAR_ONLY = re.compile(rf"\b(?:en|depuis)\s+(?P<y>{_YEAR})\b", re.I)


def _day(s: str) -> int:
    return 1 if s.lower() == "1er" else int(s)


def _latest_weekday(w: int, published: date) -> date:
    return published - timedelta(days=(published.weekday() - w) % 7)


def _day_of(d: int, m: int, y: int | None, published: date | None) -> date | None:
    try:
        if y is not None:
            return date(y, m, d)
        if published is None:
            return None
        found = date(published.year, m, d)
        if found > published + timedelta(days=1):
            found = date(published.year - 1, m, d)
        return found
    except ValueError:
        return None


def _ref(
    text: str, m: re.Match[str], value: str | None, a: date | None, b: date | None, prec: str | None
) -> TimeRef:
    start, end = m.span()
    while start < end and text[start].isspace():
        start += 1
    return TimeRef(text[start:end], start, end, value, a, b, prec)


def find_times(text: str, published: date | None) -> list[TimeRef]:
    """Every calendar expression of a French text, in text order; spans never overlap."""
    found: list[TimeRef] = []
    taken: list[tuple[int, int]] = []

    def free(m: re.Match[str]) -> bool:
        s, e = m.span()
        return not any(s < b and a < e for a, b in taken)

    def add(t: TimeRef) -> None:
        found.append(t)
        taken.append((t.start, t.end))

    for m in _NIGHT_DAYS.finditer(text):
        y = int(m["y"]) if m["y"] else None
        a = _day_of(_day(m["d1"]), MONTHS[m["m"].lower()], y, published)
        b = _day_of(_day(m["d2"]), MONTHS[m["m"].lower()], y, published)
        if a and b:
            add(_ref(text, m, a.isoformat(), a, b, "day"))
    for m in _NIGHT.finditer(text):
        if not free(m):
            continue
        if m["d2"] and m["m"]:
            y = int(m["y"]) if m["y"] else None
            b = _day_of(_day(m["d2"]), MONTHS[m["m"].lower()], y, published)
        elif published is not None:
            b = _latest_weekday(WEEKDAYS[m["w2"].lower()], published)
        else:
            b = None
        if b is not None:
            a = b - timedelta(days=1)
            add(_ref(text, m, a.isoformat(), a, b, "day"))
    for m in _FULL.finditer(text):
        if not free(m):
            continue
        y = int(m["y"]) if m["y"] else None
        d = _day_of(_day(m["d"]), MONTHS[m["m"].lower()], y, published)
        if d is not None:
            add(_ref(text, m, d.isoformat(), d, d, "day"))
    for m in _DEICTIC.finditer(text):
        if not free(m) or published is None:
            continue
        x = m["x"].lower()
        d = published - timedelta(days=2 if x.startswith("avant") else 1 if x == "hier" else 0)
        add(_ref(text, m, d.isoformat(), d, d, "day"))
    for m in _WEEKDAY.finditer(text):
        if not free(m) or published is None:
            continue
        d = _latest_weekday(WEEKDAYS[m["w"].lower()], published)
        if "dernier" in m.group(0).lower() and d == published:
            d -= timedelta(days=7)
        add(_ref(text, m, d.isoformat(), d, d, "day"))
    for m in _LAST.finditer(text):
        if not free(m) or published is None:
            continue
        unit = m["u"].lower()
        if unit == "semaine":
            ref = published - timedelta(days=7)
            a = ref - timedelta(days=ref.weekday())
            iso = a.isocalendar()
            add(_ref(text, m, f"{iso[0]}-W{iso[1]:02d}", a, a + timedelta(days=6), "week"))
        elif unit == "week-end":
            a = _latest_weekday(5, published - timedelta(days=1))
            add(_ref(text, m, a.isoformat(), a, a + timedelta(days=1), "day"))
        elif unit == "mois":
            last = published.replace(day=1) - timedelta(days=1)
            add(_ref(text, m, last.strftime("%Y-%m"), last.replace(day=1), last, "month"))
        else:
            y = published.year - 1
            add(_ref(text, m, str(y), date(y, 1, 1), date(y, 12, 31), "year"))
    for m in _MONTH.finditer(text):
        if not free(m):
            continue
        mo = MONTHS[m["m"].lower()]
        if m["y"]:
            y = int(m["y"])
        elif published is not None:
            y = published.year if mo <= published.month else published.year - 1
        else:
            continue
        if not m["y"] and not re.match(r"\s*(?:en|au|début|fin|mi-)", m.group(0), re.I):
            continue  # a bare month name: "mars" is also the planet, "mai" a conjunction elsewhere
        a = date(y, mo, 1)
        b = (date(y + (mo == 12), mo % 12 + 1, 1)) - timedelta(days=1)
        add(_ref(text, m, f"{y}-{mo:02d}", a, b, "month"))
    for m in _YEAR_ONLY.finditer(text):
        if not free(m):
            continue
        y = int(m["y"])
        t = _ref(text, m, str(y), date(y, 1, 1), date(y, 12, 31), "year")
        add(t)
    return sorted(found, key=lambda t: t.start)
