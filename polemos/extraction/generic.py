"""Statements that tell no occurrence: aggregates and habits are not events.

"Boko Haram has killed more than 30,000 people since its insurgency began", "the army has killed
more than 3,000 civilians since seizing power", "the region is regularly targeted by attacks", "a
spate of attacks in recent years": each sums up or generalises many events and dates none of them.
Read as events they would give a record with a war's toll and a made-up date.
"""

from __future__ import annotations

from spacy.tokens import Token

from polemos.extraction.drafts import Draft
from polemos.lang.en import labels as en

# Adverbs of habit: the clause tells what happens, not what happened.
HABITUAL = frozenset(
    "regularly frequently often routinely repeatedly usually typically constantly habitually "
    "increasingly".split()
)
# Words of a span that sums up a period ("in recent years", "over the past decade"). "So far" alone
# does not: it tallies the episode being told ("2,000 persons have so far been rounded up").
_PERIOD_NOUNS = frozenset("years decades months decade century conflict war insurgency uprising".split())
_PERIOD_MODIFIERS = frozenset("recent past last several many".split())
_SUMMING = frozenset("spate wave series string spree succession number".split())
# Quantities of many events: "numerous bombings", "frequent attacks", "countless raids".
_MANY = frozenset("numerous frequent countless many several repeated regular recurrent sporadic".split())
# Predicates of what is usual: "assassinations are a regular event", "kidnappings are commonplace".
_USUAL = frozenset("commonplace common rife routine frequent widespread endemic rampant regular".split())


def is_generic(d: Draft) -> bool:
    """An aggregate or habitual statement rather than one occurrence."""
    head = d.head
    if head.dep_ in en.ADVERBIAL_CLAUSES and any(
        c.dep_ in en.MARKERS and c.lower_ == "since" for c in head.children
    ):
        return True  # "since Russia invaded Ukraine", "since its insurgency began": an era's start
    clause = [head] + ([d.governor] if d.governor is not None else [])
    for tok in clause:
        if any(c.dep_ in en.ADVERBIAL_MODIFIERS and c.lower_ in HABITUAL for c in tok.children):
            return True
        if _perfect(tok) and _over_a_period(tok):
            return True
    if _habit_of_a_kind(head):
        return True
    if head.pos_ == "NOUN" and head.tag_ in ("NNS", "NNPS"):
        # "a spate of attacks in recent years", "numerous bombings", "kidnappings are commonplace"
        if any(c.dep_ in en.ADJECTIVAL_MODIFIERS and c.lower_ in _MANY for c in head.children) or _said_usual(
            head
        ):
            return True
        summed = head.head.lower_ == "of" and head.head.head.lemma_.lower() in _SUMMING
        if summed or _over_a_period(head) or (d.governor is not None and _over_a_period(d.governor)):
            return True
    return False


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday yesterday".split())


def _habit_of_a_kind(verb: Token) -> bool:
    """A relative clause in the simple present tells what the people it describes do, not what they
    did: "insurgents who continue to ambush regime forces", "a group that kidnaps foreigners"."""
    while verb.dep_ in en.OPEN_COMPLEMENTS and verb.tag_ == "VB":  # "who continue to ambush"
        verb = verb.head
    return (
        verb.dep_ in en.RELATIVE_CLAUSES
        and verb.tag_ in ("VBZ", "VBP")
        and not any(c.dep_ in en.AUXILIARIES | en.PASSIVE_AUXILIARIES for c in verb.children)
    )


def _recent_day(since: Token) -> bool:
    """ "since Monday", "since March 3": an episode still going on, not a period summed up."""
    words = [t for t in since.subtree if t.i != since.i]
    return any(t.lower_ in _WEEKDAYS for t in words) or (
        any(t.ent_type_ == "DATE" for t in words) and any(t.like_num and len(t.text) <= 2 for t in words)
    )


def _said_usual(noun: Token) -> bool:
    """The noun is the subject of "be" + a word of what is usual ("are commonplace", "are a
    regular event")."""
    if noun.dep_ not in en.SUBJECTS or noun.head.lemma_.lower() != "be":
        return False
    for c in noun.head.children:
        if c.dep_ in en.ADJECTIVAL_COMPLEMENTS | en.ATTRIBUTES and (
            c.lower_ in _USUAL
            or any(m.dep_ in en.ADJECTIVAL_MODIFIERS and m.lower_ in _USUAL for m in c.children)
        ):
            return True
    return False


def _perfect(verb: Token) -> bool:
    """ "has killed", "have been displaced": the present perfect that sums up to now."""
    return any(
        c.dep_ in en.AUXILIARIES | en.PASSIVE_AUXILIARIES
        and c.lemma_.lower() == "have"
        and c.tag_ in ("VBZ", "VBP")
        for c in verb.children
    )


def _over_a_period(tok: Token) -> bool:
    """A "since" phrase or clause, or a span such as "in recent years" / "over the past decade" /
    "to date" attached to the word."""
    for c in tok.children:
        low = c.lower_
        if low == "since" and c.dep_ in en.PREPOSITIONS and not _recent_day(c):
            return True
        if c.dep_ in en.ADVERBIAL_CLAUSES and any(
            m.lower_ == "since" for m in c.children if m.dep_ in en.MARKERS
        ):
            return True
        if c.dep_ in en.PREPOSITIONS and low in ("in", "over", "during", "for", "throughout", "to"):
            for obj in c.children:
                if obj.dep_ not in en.PREP_OBJECTS:
                    continue
                if low == "to" and obj.lower_ == "date":
                    return True
                mods = {m.lower_ for m in obj.children}
                if obj.lower_ in _PERIOD_NOUNS and (
                    mods & _PERIOD_MODIFIERS or low in ("throughout", "over")
                ):
                    return True
    return False
