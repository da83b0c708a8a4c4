"""Numbers as news writes them: digits, number words and vague quantities, with their hedges.

``parse_quantity`` turns "some 6,000", "over 100", "nearly 30", "dozens", "between 20 and 30",
"at least seven" or "6,000-strong" into (low, best, high). It keeps ``low`` honest: an upper bound
("nearly 30", "up to 50") gives no low figure, a lower bound ("over 100") no high one.

A figure above ``MAX_FIGURE`` (one billion) is not a count of anything an event involves — no toll,
crowd or force comes near it — so it is not read as one (the phrase stays in the text, the count
null), and a phrase longer than ``MAX_PHRASE`` characters is no number phrase news writes. Both keep
a hostile text ("1" and 308 zeros) from overflowing a float or a database column.
"""

from __future__ import annotations

import math
import re

MAX_FIGURE = 1_000_000_000  # fits every store's integer column (PostgreSQL INTEGER: 2^31 - 1)
MAX_PHRASE = 120  # "between twenty-five thousand and thirty thousand" is 49

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1,
}  # fmt: skip
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_ABBREV = {"k": 1000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
# Vague plurals: the smallest number they can honestly mean (low = best; high unknown).
VAGUE = {
    "dozen": 12,
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2000,
    "tens of thousands": 20000,
    "hundreds of thousands": 200000,
    "millions": 2_000_000,
}
_LOWER_BOUND = re.compile(
    r"^(?:over|more than|at least|in excess of|upwards of|no fewer than|"
    r"no less than|above|exceeding|totall?ing over|totall?ing more than)\s+",
    re.I,
)
_UPPER_BOUND = re.compile(
    r"^(?:nearly|almost|up to|fewer than|less than|under|below|as many as|"
    r"close to|just under|not more than|no more than)\s+",
    re.I,
)
_ABOUT = re.compile(
    r"^(?:some|about|around|approximately|roughly|an estimated|estimated|nearly some|"
    r"circa|c\.|totall?ing|a total of)\s+",
    re.I,
)
_RANGE = re.compile(r"^(?:between\s+)?(.+?)\s+(?:and|to|-|–)\s+(.+)$", re.I)


def parse_number(text: str) -> int | None:
    """An integer from digits or number words ("6,000", "1.5 million", "twenty-five", "seven")."""
    s = text.strip().lower().replace(",", "").replace("\u2009", "")
    s = re.sub(r"-(?:strong|odd|plus)$", "", s)
    if not s or len(s) > MAX_PHRASE:
        return None
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(k|m|mn|bn|hundred|thousand|million|billion)?", s)
    if m:
        value = float(m.group(1))
        unit = m.group(2)
        if unit:
            value *= _ABBREV.get(unit) or _SCALES[unit]
        return _figure(value)
    return _words(s)


def _figure(value: float) -> int | None:
    """The integer of a parsed figure, or None past what any count can be (or not finite)."""
    if not math.isfinite(value) or value > MAX_FIGURE:
        return None
    return int(round(value))


_DIGIT_RANGE = re.compile(r"^(\d[\d.]*)\s*[-–]\s*(\d[\d.]*)$")


def _words(s: str) -> int | None:
    if len(re.findall(r"\d+(?:\.\d+)?", s)) > 1:
        return None  # "20-30" is a range, not 20 + 30
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", s):
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
        elif re.fullmatch(r"\d+(?:\.\d+)?", word):
            current += float(word)  # type: ignore[assignment]
        else:
            return None
        seen = True
    return _figure(total + current) if seen else None


def parse_quantity(text: str) -> tuple[int | None, int | None, int | None] | None:
    """(low, best, high) for a hedged number phrase, or None when it is not a number."""
    if len(text) > 4 * MAX_PHRASE:  # before any work on it: a phrase this long is no count
        return None
    s = " ".join(text.strip().split())
    if len(s) > MAX_PHRASE:
        return None
    low_s = s.lower()
    v: int | None
    if low_s in VAGUE:
        v = VAGUE[low_s]
        return v, v, None
    digits = _DIGIT_RANGE.match(s.replace(",", ""))
    if digits:
        a, b = parse_number(digits.group(1)), parse_number(digits.group(2))
        if a is not None and b is not None and a <= b:
            return a, (a + b) // 2, b
    m = _RANGE.match(s)
    if (
        m
        and low_s.startswith("between")
        or (m and parse_number(m.group(1)) is not None and parse_number(m.group(2)) is not None)
    ):
        a, b = parse_number(m.group(1)), parse_number(m.group(2))
        if a is not None and b is not None and a <= b:
            return a, (a + b) // 2, b
    for pattern, shape in ((_LOWER_BOUND, "low"), (_UPPER_BOUND, "high"), (_ABOUT, "about")):
        hit = pattern.match(s)
        if hit:
            inner = parse_quantity(s[hit.end() :])
            if inner is None:
                return None
            v = inner[1]
            if shape == "low":
                return v, v, None
            if shape == "high":
                return None, v, v
            return inner
    v = parse_number(s)
    return None if v is None else (v, v, v)
