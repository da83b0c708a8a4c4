"""Words and regular expressions of English calendar expressions (used by ``dates.py``).

General English only: month, weekday, season and number words, plus the phrase list in
``polemos/data/dates_lexicon.tsv`` (document-relative references and holidays).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "last": -1, "final": -1,
}  # fmt: skip
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "a hundred": 100,
}  # fmt: skip
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip
CENTURY_WORDS = {
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "16th": 16, "17th": 17, "18th": 18, "19th": 19, "20th": 20, "21st": 21,
}  # fmt: skip


def _alt(words: Iterable[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _cap(words: Iterable[str]) -> str:
    """Case-sensitive alternation of Capitalized and UPPER forms (``may`` the verb is not a month)."""
    forms = {f for w in words for f in (w.capitalize(), w.upper())}
    return _alt(forms)


FULL_MONTH = _cap([m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")])
ABBR_MONTH = _cap([m for m in MONTHS if len(m) <= 4 and m not in ("may", "june", "july")])
# A month abbreviation needs its dot or a day number after it (``Jan`` alone may be a name).
MONTH = rf"(?:(?:{FULL_MONTH})\b|(?:{ABBR_MONTH})(?:\.|\b(?=\s*\d)))"
# not "Mondays" (a set), nor a newspaper or programme named after a day ("the Sunday Times")
WEEKDAY = (
    rf"(?:{_cap(WEEKDAYS)})\b(?!s\b)(?![ \t]+(?:Times|Telegraph|Express|Mirror|Herald|Post|Mail|Star|Tribune|"
    r"Independent|Sport|People|Observer|Night Live|School|Club)\b)"
)
# lower-case text ("on sunday", "last friday night"): the day name after a word that dates by it
_BEFORE_DAY = "on last next this since by until till from early late earlier later".split()
_AFTER_WORD = "|".join(r"(?<=\b" + w + " )" for w in _BEFORE_DAY)
WEEKDAY = rf"(?:{WEEKDAY}|(?:{_AFTER_WORD})(?:{_alt(WEEKDAYS)})\b(?!s\b))"
# "Bloody Sunday", "Black Friday", "Super Tuesday": named days of another year, not this week's
NAMED_DAY = re.compile(r"\b(?:Bloody|Black|Super|Ash|Holy|Maundy|Palm|Cyber|Blue|Red|Manic)[ \t]+$")
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d%])"
YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d%]|-\d|\s*(?:per ?cent|percent)\b)"
S = r"[ \t\u00a0]"  # a space inside an expression: never a line break
_ci = "(?i:{})".format  # a case-insensitive piece inside the case-sensitive patterns
NUM = _ci(r"\d{1,3}|" + _alt(NUMBERS))
UNIT = _ci(r"days?|weeks?|months?|years?|decades?")
SEASON = _ci(_alt(SEASONS))
ORD = _ci(_alt(ORDINALS))
REL = _ci(
    r"last|next|this|past|previous|coming|this coming|the coming|the past|the last|the previous|"
    r"the next|the current|the following|the same"
)
EDGE = _ci(r"early|earlier|late|later|mid|the (?:beginning|start|end|middle|rest|remainder) of")
PART = _ci(r"week|weekend|month|year|quarter|half|decade|spring|summer|autumn|fall|winter")

DEICTIC = "the day before yesterday|the day after tomorrow|today|yesterday|tomorrow"
EDGE_OF = "early|late|mid|the end of|the beginning of|the start of|the middle of"


def compile_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Named patterns, tried all; overlaps go to the longest match (``dates.py``)."""
    p = [
        # Friday, Oct. 23, 1998 / Oct. 23 / 23 October 2016 / October 23rd
        (
            "mdy",
            rf"(?:(?P<wd>{WEEKDAY}),?{S}+)?(?P<mon>{MONTH}){S}*(?P<day>{DAY})\b"
            rf"(?:,?{S}+(?P<year>{YEAR}))?",
        ),
        (
            "dmy",
            rf"(?:(?P<wd>{WEEKDAY}),?{S}+)?(?:{_ci('the')}{S}+)?(?P<day>{DAY})(?:{S}+{_ci('of')})?{S}+"
            rf"(?P<mon>{MONTH})(?:,?{S}+(?P<year>{YEAR}))?",
        ),
        (
            "my",
            rf"(?:(?P<edge>{EDGE})[- ]?{S}*)?(?P<mon>{MONTH})(?:,?{S}+{_ci('of')})?,?{S}+"
            rf"(?P<year>{YEAR})",
        ),
        ("iso", r"(?<![\d/.-])(?P<year>(?:19|20)\d\d)-(?P<mon>0[1-9]|1[0-2])-(?P<day>[0-3]\d)(?![\d])"),
        (
            "num",
            r"(?<![\d/.-])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)"
            r"(?P<year>(?:19|20)\d\d)(?![\d/])",
        ),
        # last week, this year, next month, the past year, earlier this month, late last year
        (
            "rel",
            rf"(?:(?P<edge>{EDGE})[- ]?{S}*)?(?P<rel>{REL}){S}+"
            rf"(?P<part>{PART}|{MONTH}|{WEEKDAY})(?!-)",
        ),
        # anaphoric: "the next day", "that same morning", "that year" (dated from the last date given)
        (
            "anaday",
            rf"(?P<det>{_ci('the|that')}){S}+"
            rf"(?:(?P<rel>{_ci('next|following|previous|same|very')}){S}+)?"
            rf"(?P<part>{_ci('day|morning|afternoon|evening|night|week|month|year')})\b(?!-)",
        ),
        (
            "edge_part",
            rf"(?P<edge>{EDGE})[- ]?{S}*(?:{_ci('the')}{S}+)?"
            rf"(?P<part>{_ci('week|month|year')})\b(?!-)",
        ),
        # "later in the day", "earlier in the week": the day or week the text is at
        (
            "inthe",
            rf"(?P<edge>{_ci('earlier|later|early|late')}){S}+{_ci('in')}{S}+{_ci('the')}{S}+"
            rf"(?P<part>{_ci('day|week|month|year')})\b(?!-)",
        ),
        ("weekday", rf"(?:(?P<edge>{_ci('early|late|earlier|later')}){S}+)?(?P<wd>{WEEKDAY})"),
        (
            "deictic",
            rf"(?:(?P<edge>{_ci('early|earlier|late|later')}){S}+)?"
            rf"(?P<word>{_ci(DEICTIC)})\b",
        ),
        ("daypart", rf"(?P<word>{_ci('last night|tonight|this morning|this afternoon|this evening')})\b"),
        (
            "ago",
            rf"(?P<num>{NUM}){S}+(?P<unit>{UNIT}){S}+"
            rf"(?P<dir>{_ci('ago|earlier|later|before now|from now|hence')})\b",
        ),
        # "a year earlier", "year-earlier", "the year-ago quarter", "the same period a year earlier"
        (
            "yago",
            rf"(?:{_ci('the')}{S}+)?(?P<what>{_ci('year-earlier|year-ago|year earlier|year ago')})"
            rf"(?:{S}+(?:{ORD}{S}+)?(?P<part>{_ci('quarter|period|half|month')}))?",
        ),
        (
            "same",
            rf"{_ci('the')}{S}+(?:{_ci('same|corresponding|comparable|like')}){S}+"
            rf"{_ci('period|quarter|month')}"
            rf"{S}+(?:{_ci('a year (?:earlier|ago|before)|last year|of last year|the previous year')})",
        ),
        ("lastyrq", rf"{_ci('last year')}'s{S}+(?:{ORD}{S}+)?(?P<part>{_ci('quarter|period')})"),
        # the third quarter (of 1989), third-quarter, Q3 2016, this year's third quarter, first half
        (
            "quarter",
            rf"(?:(?P<pre>{_ci('the|this|last|next')}){S}+)?"
            rf"(?:(?P<pyear>{YEAR}|{_ci('this year|last year|next year')})"
            rf"(?:'s)?{S}+)?(?P<ord>{ORD})[- ](?P<unit>{_ci('quarter|half')})\b"
            rf"(?:{S}+{_ci('of')}{S}+(?:(?P<year>{YEAR})|"
            rf"(?P<ryear>{_ci('this year|last year|next year|the year')})))?",
        ),
        ("qcode", rf"\b(?P<q>Q[1-4]|H[12])(?:{S}+(?P<year>{YEAR}))?\b"),
        (
            "curq",
            rf"{_ci('the')}{S}+"
            rf"(?P<which>{_ci('current|latest|most recent|past|previous|last|next|coming')})"
            rf"{S}+(?P<unit>{_ci('quarter')})\b",
        ),
        ("thisq", rf"(?P<which>{_ci('this|last|next')}){S}+(?P<unit>{_ci('quarter')})\b"),
        ("season", rf"(?:{_ci('the')}{S}+)?(?P<season>{SEASON}){S}+(?:{_ci('of')}{S}+)?(?P<year>{YEAR})"),
        (
            "decade",
            rf"(?:{_ci('the')}{S}+)?(?:(?P<edge>{_ci('early|late|mid')})[- ]?)?"
            rf"(?P<dec>(?:1[6-9]|20)\d0)'?s\b",
        ),
        ("decade2", rf"(?:{_ci('the')}{S}+)?(?:(?P<edge>{_ci('early|late|mid')})[- ]?)?'(?P<d2>\d)0s\b"),
        (
            "decadew",
            rf"{_ci('the')}{S}+(?:(?P<edge>{_ci('early|late|mid')})[- ]?)?"
            rf"(?P<word>{_ci(_alt(DECADE_WORDS))})\b",
        ),
        ("century", rf"{_ci('the')}{S}+(?P<word>{_ci(_alt(CENTURY_WORDS))}){S}+{_ci('century')}"),
        (
            "edge_year",
            rf"(?P<edge>{_ci(EDGE_OF)})"
            rf"[- ]?{S}*(?P<year>{YEAR})",
        ),
        (
            "edge_month",
            rf"(?P<edge>{_ci(EDGE_OF)})"
            rf"[- ]?{S}*(?P<mon>{MONTH})",
        ),
        ("weekend", rf"{_ci('the')}{S}+{_ci('weekend')}\b"),
        (
            "weekof",
            rf"{_ci('the')}{S}+{_ci('week')}{S}+{_ci('of')}{S}+(?P<mon>{MONTH}){S}*(?P<day>{DAY})\b"
            rf"(?:,?{S}+(?P<year>{YEAR}))?",
        ),
        ("yearq", rf"{_ci('the')}{S}+(?P<year>{YEAR}){S}+(?P<unit>{_ci('quarter|period|half')})\b"),
        ("anaq", rf"{_ci('the')}{S}+(?:{_ci('same')}{S}+)?(?P<unit>{_ci('quarter')})\b(?!-)"),
        ("month", rf"(?P<mon>{MONTH})(?!{S}*\d)"),
        # a bare season, but not "the fall of Mosul", "the fall in prices", "spring to life"
        ("bseason", rf"(?P<season>{SEASON})\b(?!{S}+(?:{_ci('of|in|to|from|into|back')})\b)"),
        ("year", rf"(?<![\d.,$£€#/-])(?<!\d )(?P<year>{YEAR})\b(?!,\d)"),
    ]
    lex = lexicon()
    refs = _alt(k for k, v in lex.items() if v[0] == "ref")
    # "the past" but not "the past two weeks" / "the past decade" (durations or units of their own)
    not_unit = rf"(?!{S}+(?:{NUM}|{UNIT}|{_ci('few|several|many|couple|century')})\b)"
    # nor "the future of Syria" (a fate, not a time) nor "now-defunct"
    p.append(("ref", rf"\b(?P<word>{_ci(refs)})\b{not_unit}(?!{S}+of\b)(?!-\w)"))
    hol = _alt(k for k, v in lex.items() if v[0] == "holiday")
    p.append(("holiday", rf"(?P<word>{_ci(hol)})(?:{S}+(?P<year>{YEAR}))?\b"))
    # Every expression starts at a word start: telling the engine so makes the scan ~3x cheaper.
    return [(name, re.compile(r"(?<!\w)" + rx)) for name, rx in p]


@lru_cache(maxsize=1)
def lexicon() -> dict[str, tuple[str, str]]:
    """phrase -> (kind, value or rule), from ``polemos/data/dates_lexicon.tsv``."""
    out: dict[str, tuple[str, str]] = {}
    text = resources.files("polemos").joinpath("data/dates_lexicon.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, phrase, value = line.split("\t")
        out[phrase] = (kind, value)
    return out
