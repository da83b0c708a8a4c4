"""French figures and tolls: "au moins 12 morts", "une vingtaine de civils tués", "près de 300 personnes",
"plusieurs dizaines de blessés", "jusqu'à cinquante personnes", "Cent personnes ont été tuées".

``figures(sent)`` finds each figure (its tokens, low/best/high); ``tolls(sent)`` keeps those that count the
dead or the wounded, as ``(kind, Count, counted noun token)``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from polemos.lang.fr.lexicon import (
    ABOUT,
    INJURE_VERBS,
    INJURED_NOUNS,
    KILL_VERBS,
    KILLED_NOUNS,
    LOWER_BOUND,
    NUMBER_WORDS,
    PEOPLE,
    UP_TO,
    UPPER_BOUND,
    VAGUE,
    VAGUE_PLURAL,
)
from polemos.types import Count

_DIGITS = re.compile(r"^\d{1,3}(?:[ .\u00a0\u202f]\d{3})*$|^\d+$")
MAX_FIGURE = 1_000_000_000


def word_value(words: list[str]) -> int | None:
    """'cinquante', 'vingt-cinq', 'quatre-vingt-dix', 'trois cents', 'deux mille'."""
    parts: list[str] = []
    for w in words:
        parts.extend(p for p in re.split(r"[-\s]+", w.lower()) if p and p != "et")
    if not parts or any(p not in NUMBER_WORDS and p not in ("vingts", "quatre") for p in parts):
        return None
    total, current = 0, 0
    for p in parts:
        v = 20 if p == "vingts" else NUMBER_WORDS[p]
        if v == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif v == 100:
            current = max(current, 1) * 100
        elif v == 20 and current in (4,):  # quatre-vingt(s)
            current = 80
        else:
            current += v
    return total + current


@lru_cache(maxsize=8192)
def _word_value(word: str) -> int | None:
    """``word_value([word])``, remembered: ``figure_at`` asks it of every word of every sentence."""
    return word_value([word])


def _number(tok: Token) -> int | None:
    text = tok.text.replace("\u202f", " ").replace("\u00a0", " ")
    if _DIGITS.match(text):
        value = int(re.sub(r"\D", "", text))
        return value if value <= MAX_FIGURE else None
    return _word_value(text)


def _hyphen_tail(tok: Token) -> bool:
    """Is ``tok`` a later part of a number written in words with hyphens the tokenizer split?"""
    doc, i = tok.doc, tok.i
    if tok.lower_ in ("cent", "cents", "mille") and i >= 1 and doc[i - 1].pos_ == "NUM":
        return _word_value(doc[i - 1].text) is not None  # "cents" of "trois cents"
    return (
        i >= 2
        and doc[i - 1].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and _word_value(doc[i - 2].text) is not None
    )


def _prefix(sent_text_before: str) -> str:
    return sent_text_before.lower().replace("’", "'")[-20:]


def figure_at(tok: Token) -> tuple[int, int, Count] | None:
    """The figure that token ``tok`` (a number or a vague quantifier noun) heads: (first token index,
    last token index + 1, Count). None for dates, hours and percentages."""
    doc = tok.doc
    lemma = tok.lemma_.lower()
    first, last = tok.i, tok.i + 1
    low: int | None
    best: int | None
    high: int | None
    if lemma in VAGUE or lemma.rstrip("s") in VAGUE:
        key = lemma if lemma in VAGUE else lemma.rstrip("s")
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if (
            tok.text.lower().endswith("s")
            and prev is not None
            and prev.lower_ in ("des", "plusieurs", "quelques")
        ):
            low = best = VAGUE_PLURAL.get(key, VAGUE[key][0])
            high = None
            first = prev.i
        elif prev is not None and prev.lower_ in ("une", "un"):
            low, best, high = VAGUE[key]
            first = prev.i
        else:
            return None
    else:
        if tok.like_num is False and _word_value(tok.text) is None:
            return None
        if _hyphen_tail(tok):
            return None  # "huit" of "Cinquante-huit": the figure is the whole compound
        value = _number(tok)
        if value is None:
            return None
        j = tok.i + 1
        # "Cinquante-huit" split by the tokenizer into "Cinquante", "-", "huit": one number
        while (
            j + 1 < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_
        ):
            joined = word_value([doc[tok.i : j + 2].text])
            if joined is None:
                break
            value, j = joined, j + 2
        # a compound number written in words over several tokens: "trois cents", "deux mille"
        while j < len(doc) and doc[j].lower_ in ("cent", "cents", "mille") and tok.pos_ == "NUM":
            value = word_value([doc[tok.i : j + 1].text]) or value
            j += 1
        last = j
        nxt = doc[last].lower_ if last < len(doc) else ""
        if (
            nxt in ("h", "heures", "%", "pour", "ans", "km", "kilomètres", "mètres", "gmt")
            or nxt in _MONTH_WORDS
        ):
            return None
        if tok.text.lower() in ("un", "une") and tok.pos_ != "NUM":
            return None
        low = best = value
        high = None
    before = _prefix(doc[max(0, first - 4) : first].text + " ")
    if any(before.endswith(c + " ") for c in LOWER_BOUND):
        high = None
        first = _back(doc, first, LOWER_BOUND)
    elif any(before.endswith(c + " ") for c in UPPER_BOUND):
        high, low = best, None
        first = _back(doc, first, UPPER_BOUND)
    elif any(before.endswith(c + " ") or before.endswith(c) for c in UP_TO):
        high = best
        first = _back(doc, first, UP_TO)
    elif any(before.endswith(c + " ") for c in ABOUT):
        first = _back(doc, first, ABOUT)
    span = doc[first:last]
    return first, last, Count(low, best, high, span.text, span.start_char, span.end_char)


_MONTH_WORDS = frozenset(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
)


def _back(doc: object, first: int, cues: tuple[str, ...]) -> int:
    """Move ``first`` back over the words of the cue that precedes it."""
    best = first
    for c in cues:
        n = len(c.replace("'", "' ").replace("’", "’ ").split())
        start = first - n
        if start < 0:
            continue
        text = doc[start:first].text.lower().replace("’", "'")  # type: ignore[index]
        if text.replace(" ", "") == c.replace("’", "'").replace(" ", ""):
            best = min(best, start)
    return best


def _counted(tok: Token) -> Token:
    """The noun a figure counts: the number's head noun, or for "une centaine de X" the X."""
    if tok.pos_ == "NUM" or tok.like_num:
        head = tok.head if tok.dep_ in ("nummod", "det") else tok
        if head.i == tok.i:
            return tok
        return _through_de(head)
    return _through_de(tok)


def _through_de(noun: Token) -> Token:
    for c in noun.children:
        if c.dep_ == "nmod" and any(g.dep_ == "case" and g.lower_ in ("de", "d'", "d’") for g in c.children):
            return c
    return noun


def _kind(noun: Token) -> str | None:
    lemma = noun.lemma_.lower()
    text = noun.lower_
    if lemma in KILLED_NOUNS or text in ("morts", "tués", "tuées", "décès"):
        return "killed"
    if lemma in INJURED_NOUNS or text in ("blessés", "blessées"):
        return "injured"
    # "des civils tués", "personnes ont été tuées", "ils ont tué cinquante personnes"
    # its own participle first: "tuées et une dizaine blessées" hangs "dizaine" on "tuées"
    nearby = [c for c in noun.children if c.dep_ in ("acl", "amod", "conj")] + [noun.head]
    for t in nearby:
        tl = t.lemma_.lower()
        if tl in KILL_VERBS or t.lower_.startswith("tué"):
            return "killed"
        if tl in INJURE_VERBS or t.lower_.startswith("blessé"):
            return "injured"
    if lemma in PEOPLE:
        # "faisant cinquante victimes", "jusqu'à 70" with "morts" elided is left alone
        return None
    return None


def _verb_kind(verb: Token) -> str | None:
    lemma = verb.lemma_.lower()
    if lemma in KILL_VERBS or verb.lower_.startswith("tué"):
        return "killed"
    if lemma in INJURE_VERBS or verb.lower_.startswith("blessé"):
        return "injured"
    return None


_AMONG = frozenset(["eux", "elles"])  # "une dizaine d'entre eux": of people named before


def _in_breakdown(sent: SpacySpan, first: int) -> bool:
    """Is the figure at token ``first`` a part of a toll told before it, in the list "dont" opens
    ("47 morts, dont 30 civils, 14 soldats et trois VDP"): no verb between "dont" and it."""
    doc = sent.doc
    if first + 1 < len(doc) and doc[first + 1].lower_ in ("autres", "autre"):
        return False  # "dont deux enfants, et 15 autres blessés": another group
    for k in range(first - 1, sent.start - 1, -1):
        t = doc[k]
        if t.lower_ == "dont":
            return True
        if t.pos_ in ("VERB", "AUX", "SCONJ") or t.lower_ == "mais" or t.text in (";", ".", ":", "(", ")"):
            return False  # a clause of its own: "… dont 5 soldats, tandis que 30 ont été blessées"
        if t.lower_ == "et" and k > sent.start and doc[k - 1].text == ",":
            return False  # ", et 15 blessés": the list ended
    return False


def tolls(sent: SpacySpan) -> list[tuple[str, Count, Token]]:
    """The figures of a sentence that count the dead or the wounded."""
    out: list[tuple[str, Count, Token]] = []
    used: set[int] = set()
    bare: list[tuple[int, int, Count, Token]] = []
    for tok in sent:
        if tok.i in used:
            continue
        fig = figure_at(tok)
        if fig is None:
            continue
        first, last, count = fig
        if _in_breakdown(sent, first):
            used.update(range(first, last))
            continue  # "au moins 70 personnes, dont environ 10 femmes": a part of the figure before
        noun = _counted(tok)
        kind = _kind(noun)
        if kind is None and (noun.i == tok.i or noun.lemma_.lower() in PEOPLE or noun.lower_ in _AMONG):
            # "une vingtaine de civils ont été tués": the quantifier is the verb's subject (so is
            # "une dizaine d'entre eux")
            kind = _verb_kind(tok.head)
        if kind is None and noun.i == tok.i and last < sent.end:
            # "70 morts": the number may be tagged as the noun's determiner or stand before it
            nxt = sent.doc[last]
            kind = _kind(nxt) if nxt.pos_ in ("NOUN", "ADJ", "VERB") else None
            noun = nxt if kind else noun
        if kind is None:
            bare.append((first, last, count, noun))
            continue
        used.update(range(first, last))
        out.append((kind, count, noun))
    # "70 morts à X et une trentaine à Y": the noun is not said again after a toll
    for first, last, count, noun in bare:
        after_toll = any(k == "killed" and c.end <= count.start for k, c, _ in out)
        if after_toll and (noun.i == first or noun.i in range(first, last) or noun.lemma_.lower() in PEOPLE):
            out.append(("killed", count, noun))
    return sorted(out, key=lambda x: x[1].start)
