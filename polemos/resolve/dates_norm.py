"""Calendar arithmetic and tense cues for ``dates.py``: TIMEX3 values with their date ranges."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Val:
    """A normalized value: TIMEX3 string, inclusive range, precision (None for refs and decades)."""

    value: str | None
    start: date | None = None
    end: date | None = None
    precision: str | None = None
    grain: str = ""  # day, week, month, quarter, half, season, year, decade: for anchoring


NONE = Val(None)


def day(d: date) -> Val:
    return Val(d.isoformat(), d, d, "day", "day")


def month(y: int, m: int) -> Val:
    while m < 1:
        y, m = y - 1, m + 12
    while m > 12:
        y, m = y + 1, m - 12
    if not 1 <= y <= 9999:
        return NONE
    last = calendar.monthrange(y, m)[1]
    return Val(f"{y:04d}-{m:02d}", date(y, m, 1), date(y, m, last), "month", "month")


def year(y: int) -> Val:
    if not 1 <= y <= 9999:
        return NONE
    return Val(f"{y:04d}", date(y, 1, 1), date(y, 12, 31), "year", "year")


def week(d: date) -> Val:
    iy, iw, _ = d.isocalendar()
    mon = d - timedelta(days=d.weekday())
    return Val(f"{iy:04d}-W{iw:02d}", mon, mon + timedelta(days=6), "week", "week")


def weekend(d: date) -> Val:
    iy, iw, _ = d.isocalendar()
    sat = d - timedelta(days=d.weekday()) + timedelta(days=5)
    return Val(f"{iy:04d}-W{iw:02d}-WE", sat, sat + timedelta(days=1), "week", "week")


def quarter(y: int, q: int) -> Val:
    while q < 1:
        y, q = y - 1, q + 4
    while q > 4:
        y, q = y + 1, q - 4
    s = date(y, 3 * q - 2, 1)
    e = date(y, 3 * q, calendar.monthrange(y, 3 * q)[1])
    # No "quarter" precision in the contract: "year" never claims more than the text says.
    return Val(f"{y:04d}-Q{q}", s, e, "year", "quarter")


def half(y: int, h: int) -> Val:
    s, e = (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))
    return Val(f"{y:04d}-H{h}", s, e, "year", "half")


SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def season(y: int, code: str) -> Val:
    m = SEASON_MONTHS[code]
    s = date(y, m, 1)
    e = month(y, m + 2).end
    return Val(f"{y:04d}-{code}", s, e, "year", "season")


def decade(first_year: int) -> Val:
    d = first_year // 10
    return Val(f"{d:03d}", date(d * 10, 1, 1), date(d * 10 + 9, 12, 31), None, "decade")


def century(c: int) -> Val:
    """The 20th century is TIMEX3 ``19``."""
    return Val(f"{c - 1:02d}", date((c - 1) * 100, 1, 1), date((c - 1) * 100 + 99, 12, 31), None, "decade")


def ref(token: str) -> Val:
    return Val(token, None, None, None, "ref")


def shift_year(v: Val, n: int) -> Val:
    """The same calendar unit ``n`` years away (for "a year earlier", "the year-ago quarter")."""
    if not v.value or not v.start:
        return NONE
    y = v.start.year + n
    if v.grain == "quarter":
        return quarter(y, int(v.value[-1]))
    if v.grain == "half":
        return half(y, int(v.value[-1]))
    if v.grain == "month":
        return month(y, v.start.month)
    if v.grain == "season":
        return season(y, v.value[-2:])
    return year(y)


def weekday_near(ref_date: date, wd: int, direction: int, strict: bool = False) -> date:
    """The weekday ``wd`` on or before ``ref_date`` (direction <= 0) or on or after it (> 0)."""
    if direction > 0:
        ahead = (wd - ref_date.weekday()) % 7
        if strict and ahead == 0:
            ahead = 7
        return ref_date + timedelta(days=ahead)
    back = (ref_date.weekday() - wd) % 7
    if strict and back == 0:
        back = 7
    return ref_date - timedelta(days=back)


def month_near(ref_date: date, m: int, direction: int, strict: bool = False) -> int:
    """Year of month ``m``: most recent (direction < 0) or next (> 0) relative to ``ref_date``;
    with no tense (0), the nearer of the two ("in early March" in February is this March)."""
    y = ref_date.year
    if direction == 0 and not strict:
        ahead, back = (m - ref_date.month) % 12, (ref_date.month - m) % 12
        return month_near(ref_date, m, 1 if ahead < back else -1)
    if direction > 0:
        return y if m > ref_date.month or (m == ref_date.month and not strict) else y + 1
    return y if m < ref_date.month or (m == ref_date.month and not strict) else y - 1


def nearest_year(ref_date: date, m: int, d: int, direction: int) -> int | None:
    """Year of a day-of-month without year: the tense decides, else the one nearest ``ref_date``."""
    cands = []
    for y in (ref_date.year - 1, ref_date.year, ref_date.year + 1):
        try:
            cands.append(date(y, m, d))
        except ValueError:
            continue
    if not cands:
        return None
    this = [c for c in cands if c.year == ref_date.year]
    # Tense moves the date to another year only when this year's reading lies well on the wrong
    # side: "was extended to Nov. 16" two weeks before Nov. 16 is still this year's.
    if this and direction < 0 and this[0] > ref_date + timedelta(days=60):
        return ref_date.year - 1
    if this and direction > 0 and this[0] < ref_date - timedelta(days=60):
        return ref_date.year + 1
    return min(cands, key=lambda c: abs((c - ref_date).days)).year


def easter(y: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    mon = (h + el - 7 * m + 114) // 31
    dd = (h + el - 7 * m + 114) % 31 + 1
    return date(y, mon, dd)


def holiday(y: int, rule: str) -> date | None:
    kind, _, arg = rule.partition(":")
    if kind == "fixed":
        mon, d = arg.split("-")
        return date(y, int(mon), int(d))
    if kind == "nth":
        m, wd, n = (int(x) for x in arg.split(":"))
        if n > 0:
            first = date(y, m, 1)
            return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
        last = date(y, m, calendar.monthrange(y, m)[1])
        return last - timedelta(days=(last.weekday() - wd) % 7)
    if kind == "easter":
        return easter(y) + timedelta(days=int(arg))
    return None


# Tense cues: words that place an unanchored expression ("Tuesday", "in April") after or before the
# publication date. Each has a weight; the nearest cues in the same sentence count most.
_FUTURE = {
    "will": 3, "'ll": 3, "shall": 3, "won't": 3, "wo": 3, "gonna": 3, "next": 3, "coming": 3,
    "upcoming": 3, "starting": 2.5, "beginning": 1.5, "scheduled": 2.5, "planned": 2, "plans": 2,
    "plan": 2, "planning": 2, "expected": 1.5, "expects": 1.5, "due": 2, "set": 1, "would": 1.5,
    "until": 2, "till": 2, "intends": 2, "to": 0.5, "hopes": 1.5, "may": 1, "might": 1, "could": 0.8,
    "tomorrow": 2, "future": 2, "begins": 1.5, "starts": 1.5, "opens": 1, "resume": 1,
    "effective": 1.5, "supposed": 1.5, "aims": 1.5, "ahead": 2,
}  # fmt: skip
_PAST = {
    "was": 2, "were": 2, "had": 2, "did": 2, "been": 1, "ago": 3, "last": 3, "earlier": 2,
    "yesterday": 2, "said": 1, "told": 1, "announced": 1, "reported": 1, "took": 1.5, "held": 1.5,
    "met": 1.5, "began": 1.5, "came": 1.5, "went": 1.5, "left": 1, "fell": 1.5, "rose": 1.5,
    "gave": 1.5, "made": 1.5, "won": 1.5, "lost": 1.5, "killed": 1.5, "died": 1.5, "sent": 1.5,
    "saw": 1.5, "struck": 1.5, "hit": 1, "fled": 1.5, "shot": 1.5, "led": 1, "ended": 1.5,
    "since": 1,
}  # fmt: skip
_PLANNED = {
    "to",
    "due",
    "set",
    "scheduled",
    "expected",
    "planned",
    "planning",
    "going",
    "supposed",
    "slated",
    "about",
}
# Verbs of intent or commitment: their infinitive ("threatened to attack", "vowed to retake") is
# still to come when they are said, whatever their own tense.
_INTENDING = {
    "threaten", "threatens", "threatened", "vow", "vows", "vowed", "pledge", "pledges", "pledged",
    "promise", "promises", "promised", "decide", "decides", "decided", "agree", "agrees", "agreed",
    "intend", "intended", "vowing", "threatening", "pledging", "promising", "warned",
}  # fmt: skip
_NEEDS_TO = {"set", "due", "expected", "expects", "hopes", "intends", "aims", "going"}
_DETERMINERS = {"the", "a", "an", "this", "that", "its", "his", "her", "their", "our", "peace", "new"}
# The right context stops at a clause of its own: "exploded on Saturday in a market where shoppers
# were due to gather", "clashed on Friday until late", "erupted on Thursday as talks were set to begin".
_CLAUSE_END = re.compile(
    r"[,;:]|\s(?:and|but)\s|\s(?i:where|who|whom|which|as|while|because|until|till|after|before|when|whereas)\s"
)
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|'ll")
_NOT_PAST_ED = {
    "scheduled",
    "planned",
    "expected",
    "intended",
    "proposed",
    "needed",
    "red",
    "bed",
    "indeed",
    "united",
    "limited",
    "based",
    "related",
    "armed",
    "used",
    "speed",
    "need",
    "feed",
    "seed",
}


# Verbs that move a date to a new one, which lies ahead: "postponed to Friday", "extended until June".
_PUT_OFF = frozenset(
    "postponed delayed deferred moved adjourned extended rescheduled pushed put off back".split()
)
_PAST_AUX = frozenset({"had", "did", "was", "were"})
_NEGATIONS = frozenset({"not", "never"})
_PAST_NEGATED = frozenset({"hadn't", "didn't", "wasn't", "weren't"})


def tense(text: str, start: int, end: int, sent_start: int, sent_end: int) -> int:
    """+1 when the words around ``text[start:end]`` point to the future, -1 to the past, 0 neither.

    Looks left to the sentence start and right to the end of the clause ("..., officials said"
    does not date what comes before it); nearer cues weigh more.
    """
    left = text[sent_start:start]
    right = _CLAUSE_END.split(text[end:sent_end], maxsplit=1)[0]
    if not right.strip() and len(_WORD.findall(left)) <= 3 and text.startswith(",", end):
        # fronted ("On Friday, the minister will visit", "Until Thursday, they had not called"):
        # the expression dates the clause after its comma
        right = _CLAUSE_END.split(text[end + 1 : sent_end], maxsplit=1)[0]
    lw = [w.lower() for w in _WORD.findall(left)][::-1][:16]
    # words before the last comma on the left belong to another clause ("The envoy, who met rebels
    # last month, will see them on Thursday"): they count half
    cut = len(_WORD.findall(left[left.rfind(",") + 1 :])) if "," in left else len(lw)
    rw = [w.lower() for w in _WORD.findall(right)][:10]
    # "until Friday" looks ahead ("closed until Friday", "gave them until June"), but a past told
    # as not happening until then dates when it did happen ("Until Thursday, they had not called
    # him a suspect", "it was not until March that troops left")
    words = set(lw[:cut]) | set(rw)
    negated_past = bool(words & _PAST_NEGATED or (words & _PAST_AUX and words & _NEGATIONS))
    score = 0.0
    nxt_left = lw[1] if len(lw) > 1 else ""  # the word before "to" in "postponed to Friday"
    for seq, side in ((lw, 1.0), (rw, 0.7)):
        for i, w in enumerate(seq):
            near = side / (1.0 + 0.25 * i) * (0.5 if side == 1.0 and i >= cut else 1.0)
            # the word after w in the text
            nxt = (seq[i - 1] if i else "") if side == 1.0 else (seq[i + 1] if i + 1 < len(seq) else "")
            around = seq[i + 1 : i + 2] if side == 1.0 else seq[i - 1 : i] if i else []
            before = around[0] if around else ""
            if side == 1.0 and i == 0 and w == "for":
                score += 2  # "set for June", "talks planned for Tuesday": a target date
            elif side == 1.0 and i == 0 and w in ("to", "until", "till") and nxt_left in _PUT_OFF:
                score += 3  # "postponed to Friday", "extended until June": a new date ahead
            elif side == 1.0 and i == 0 and w == "to":
                continue  # "in contrast to Thursday", "from Monday to Friday": a preposition
            elif w in ("until", "till") and negated_past:
                score -= 2 * near
            elif side == 1.0 and w in _INTENDING and nxt == "to":
                score += 2 * near  # "threatened to attack on Friday", "vowed to strike": what is to come
            elif w in ("is", "are", "was", "were") and nxt in _PLANNED:
                score += 2 * near  # "is to resume", "were due to meet", "was planned for": planned
            elif w in _NEEDS_TO and nxt not in ("to", "for"):
                continue  # "set up", "expected losses": not about the future
            elif w in ("plan", "plans") and before in _DETERMINERS:
                continue  # "the plan", "its plans": a noun
            elif w in _FUTURE:
                score += _FUTURE[w] * near
            elif before == "be":
                continue  # "will be held", "to be released": a participle, not a past tense
            elif w in _PAST:
                score -= _PAST[w] * near
            elif len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST_ED:
                score -= 1.2 * near
    if score > 0.3:
        return 1
    if score < -0.3:
        return -1
    return 0
