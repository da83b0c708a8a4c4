"""killed / injured / size figures in a sentence, with their hedges and spans.

A number counts as *killed* when what it counts died ("over 100 people died", "killing 12",
"30 dead", "the death toll rose to 40"), *injured* when hurt, and *size* when it counts fighters,
troops, protesters or vehicles ("some 6,000 fighters", "a 6,000-strong force").
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from polemos.extraction.lexicon import casualty_words
from polemos.extraction.numbers import VAGUE, parse_quantity
from polemos.lang.en import labels as en
from polemos.types import Count

KILL_WORDS = frozenset(
    [
        "kill",
        "die",
        "dead",
        "death",
        "toll",
        "fatality",
        "casualty",
        "life",
        "body",
        "massacre",
        "execute",
        "slay",
        "behead",
        "murder",
        "perish",
        "slaughter",
    ]
)
INJURY_WORDS = frozenset(["injure", "wound", "hurt", "injury", "injured", "wounded", "maim"])
SIZE_NOUNS = frozenset(
    [
        "fighter",
        "militant",
        "troop",
        "soldier",
        "man",
        "gunman",
        "insurgent",
        "rebel",
        "jihadist",
        "terrorist",
        "militiaman",
        "recruit",
        "protester",
        "demonstrator",
        "marcher",
        "activist",
        "supporter",
        "worker",
        "student",
        "policeman",
        "officer",
        "personnel",
        "force",
        "strong",
        "vehicle",
        "tank",
        "jet",
        "aircraft",
        "warplane",
        "helicopter",
        "drone",
        "ship",
        "warship",
        "boat",
        "truck",
        "armored",
        "armoured",
        "convoy",
        "unit",
        "battalion",
        "brigade",
    ]
)
_HEDGES = frozenset(
    [
        "some",
        "about",
        "around",
        "approximately",
        "roughly",
        "nearly",
        "almost",
        "over",
        "more",
        "than",
        "at",
        "least",
        "up",
        "to",
        "fewer",
        "less",
        "under",
        "below",
        "as",
        "many",
        "close",
        "to",
        "estimated",
        "an",
        "between",
        "totaling",
        "totalling",
    ]
)


def number_tokens(sent: SpacySpan) -> list[tuple[int, int]]:
    """Token ranges [start, end) of number phrases, widened to their hedges."""
    out: list[tuple[int, int]] = []
    i, end = sent.start, sent.end
    doc = sent.doc
    while i < end:
        tok = doc[i]
        vague = tok.lower_ in VAGUE and tok.lower_ not in ("dozen",)
        if tok.like_num or vague or _strong(tok):
            j = i + 1
            while j < end and (
                doc[j].like_num
                or doc[j].lower_ in ("hundred", "thousand", "million", "and", "-")
                and j + 1 < end
                and doc[j + 1].like_num
            ):
                j += 1  # "6,000", "two hundred", "20 and 30", "twenty-five"
            if j < end and doc[j].lower_ in ("hundred", "thousand", "million", "billion"):
                j += 1
            if j + 1 < end and doc[j].text == "-" and doc[j + 1].lower_ == "strong":
                j += 2  # "a 6,000-strong force" comes as three tokens
            k = i  # widen left over hedges: "at least", "more than", "between … and"
            while k > sent.start and doc[k - 1].lower_ in _HEDGES:
                k -= 1
            out.append((k, j))
            i = j
        else:
            i += 1
    return out


_TIME_UNITS = frozenset("second minute hour day week month year decade century".split())


def _dated(span: SpacySpan) -> bool:
    """A number that is part of a date: a year, or a count of time ("in 20 years")."""
    if not any(t.ent_type_ == "DATE" for t in span):
        return False
    if any(t.text.isdigit() and len(t.text) == 4 and 1000 <= int(t.text) <= 2100 for t in span):
        return True
    doc = span.doc
    following = doc[span.end] if span.end < len(doc) else None
    return following is not None and following.lemma_.lower() in _TIME_UNITS


def _strong(tok: Token) -> bool:
    return tok.text.lower().endswith("-strong") and any(c.isdigit() for c in tok.text)


def _counted(doc_tok: Token) -> Token:
    """The noun a number counts: its head when it is a numeric modifier."""
    tok = doc_tok
    if (
        tok.dep_ in en.NUMERIC_MODIFIERS | en.QUANTIFIER_MODIFIERS | en.COMPOUNDS | en.ADJECTIVAL_MODIFIERS
        and tok.head.i != tok.i
    ):
        tok = tok.head
        if tok.dep_ in en.NUMERIC_MODIFIERS | en.QUANTIFIER_MODIFIERS and tok.head.i != tok.i:
            tok = tok.head
    # "8 Muslim Brotherhood loyalists", "12 Boko Haram fighters": a name before the counted noun is
    # a compound of it; the noun it modifies is what is counted
    while tok.dep_ in en.COMPOUNDS and tok.head.i > tok.i:
        tok = tok.head
    if tok.lower_ == "of" or (tok.dep_ in en.PREP_OBJECTS and tok.head.lower_ == "of"):
        tok = tok.head.head if tok.dep_ in en.PREP_OBJECTS else tok
    return tok


# Killing said by a verb and its particle: "gunned down", "mowed down".
_KILLING_PARTICLES = frozenset({("gun", "down"), ("mow", "down"), ("cut", "down")})


def result_words(verb: Token) -> set[str]:
    """What a verb's result phrase says befell its object: "shot dead", "hacked to death", "left
    … dead", "left … wounded" (killed: "death"; hurt: the participle), "gunned down"."""
    out: set[str] = set()
    for child in verb.children:
        if child.dep_ in en.OBJECT_PREDICATES | en.ADJECTIVAL_COMPLEMENTS | en.ADVERBIAL_MODIFIERS | (
            en.CLAUSAL_COMPLEMENTS
        ):
            out |= {child.lemma_.lower(), child.lower_}
        if child.dep_ in en.PREPOSITIONS and child.lower_ == "to":
            out |= {o.lower_ for o in child.children if o.dep_ in en.PREP_OBJECTS and o.lower_ == "death"}
        if child.dep_ in en.PARTICLES and (verb.lemma_.lower(), child.lower_) in _KILLING_PARTICLES:
            out.add("kill")
    return out & (KILL_WORDS | INJURY_WORDS | {"kill"})


def classify(first: Token, last: Token) -> str | None:
    """killed, injured, size or None for the number phrase first..last."""
    counted = noun = _counted(last)
    # "hundreds of fighters", "25 of the regime forces": the count is on the "of" object; not
    # "21 citizens of several families" (the citizens are counted)
    if counted.like_num or counted.lemma_.lower() in ("hundred", "thousand", "dozen", "score", "member"):
        for child in counted.children:
            if child.dep_ in en.PREPOSITIONS and child.lower_ == "of":
                objs = [o for o in child.children if o.dep_ in en.PREP_OBJECTS]
                if objs:
                    noun = objs[0]
    words = {noun.lemma_.lower(), noun.lower_}
    # the verb the counted phrase is the subject or object of ("kills at least 25 of …")
    verb = (
        counted.head
        if counted.dep_ in en.SUBJECTS | en.PASSIVE_SUBJECTS | en.OBJECTS | en.ATTRIBUTES
        else None
    )
    if verb is None and noun.dep_ in en.SUBJECTS | en.PASSIVE_SUBJECTS | en.OBJECTS | en.ATTRIBUTES:
        verb = noun.head
    verb_words = {verb.lemma_.lower(), verb.lower_} if verb is not None else set()
    if verb is not None and counted.dep_ in en.OBJECTS | en.PASSIVE_SUBJECTS:
        # "shot dead three militants", "hacked to death 12 villagers", "gunned down five", "left 9
        # people dead", "left at least 5 soldiers wounded": the phrase's result says what befell them
        verb_words |= result_words(verb)
        after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
        if verb.lemma_.lower() == "leave" and after is not None and after.tag_ in ("JJ", "VBN"):
            verb_words |= {after.lemma_.lower(), after.lower_}  # "leaving 15 people wounded"
    near = {t.lemma_.lower() for t in noun.children} | {noun.head.lemma_.lower()}
    kill, hurt = KILL_WORDS | casualty_words("killed"), INJURY_WORDS | casualty_words("injured")
    if words & kill or verb_words & kill or near & kill:
        return "killed"
    if words & hurt or verb_words & hurt or near & hurt:
        return "injured"
    if words & SIZE_NOUNS or _strong(last) or _strong(first):
        return "size"
    if noun.lemma_.lower() in ("people", "person", "civilian", "child", "woman", "villager", "resident"):
        return "people"  # a count of people: killed, injured or size by the event (decided by the caller)
    return None


def find_counts(sent: SpacySpan) -> list[tuple[str, Count]]:
    """(kind, Count) for each classified number phrase in the sentence."""
    doc = sent.doc
    found: list[tuple[str, Count]] = []
    for start, end in number_tokens(sent):
        span = doc[start:end]
        text = span.text
        if any(t.ent_type_ in ("TIME", "MONEY", "PERCENT", "ORDINAL") for t in span if t.like_num) or _dated(
            span
        ):
            continue
        qty = None
        while start < end:  # a hedge word may be a conjunction ("as over 100"): shrink until it parses
            qty = parse_quantity(doc[start:end].text.replace("-strong", ""))
            if qty is not None:
                break
            start += 1
        if qty is None:
            continue
        span = doc[start:end]
        text = span.text
        # the counted noun right after a range ("killed between 20 and 30 people"), else the last number
        after = doc[end] if end < sent.end and doc[end].pos_ in ("NOUN", "PROPN") else None
        kind = "size" if text.lower().endswith("strong") else classify(doc[start], after or doc[end - 1])
        if kind is None:
            continue
        low, best, high = qty
        found.append((kind, Count(low, best, high, text, span.start_char, span.end_char)))
    return found
