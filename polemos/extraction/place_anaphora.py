"""A place the event's sentence names by its kind alone: "killed 12 people in the town", "the
bombing of the city", "across the city".

News names a town once and then says "the town" / "the city": that phrase is where the sentence
puts the event, and it stands for the last place of that kind named before it. The event keeps the
phrase as written (its span) with the antecedent's name and coordinates, status "inferred"; with no
such place before it, nothing is added (no guess).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from polemos.extraction.doctext import doc_text
from polemos.lang.en import labels as en
from polemos.resolve.places_facility import LOCAL_FEATURES
from polemos.types import PlaceRef

# The kind word, and the gazetteer features a place of that kind has.
# Only settlements: "the state" / "the province" often stand for a government or the story's whole
# area ("in the state, 494 people were killed"), and would tie apart incidents to one place.
_KINDS: dict[str, frozenset[str]] = dict.fromkeys(("town", "city", "village", "hamlet"), LOCAL_FEATURES)
# Prepositions that put an event at a place ("in the town", "across the city", "of the city" after
# an event noun: "the bombing of the city").
_AT = frozenset("in near across around outside inside throughout of".split())
_DEFINITE = frozenset(("the", "that", "this"))


def anaphoric_places(doc: Doc, head: Token, places: list[PlaceRef]) -> list[PlaceRef]:
    """The places "the town" / "the same city" stand for in the event's own phrases (``head``
    the event's trigger word), each with the phrase's span."""
    out = []
    sent = head.sent
    for tok in sent:
        kinds = _KINDS.get(tok.lower_)
        if kinds is None or tok.dep_ not in en.PREP_OBJECTS or tok.head.lower_ not in _AT:
            continue
        if not _definite_bare(tok):
            continue
        if not _of_the_event(tok.head, head):
            continue
        start = tok.left_edge.idx
        end = tok.idx + len(tok.text)
        before = [
            p
            for p in places
            if p.end <= start and p.feature in kinds and p.status == "resolved" and not p.demonym
        ]
        if before:
            out.append(
                replace(before[-1], text=doc_text(doc)[start:end], start=start, end=end, status="inferred")
            )
    return out


def _of_the_event(prep: Token, head: Token) -> bool:
    """A phrase of the event's own word ("exploded in the city", "the bombing of the city"), of the
    verb it is read through, or of the verb's object, which the parser often hangs it on ("killed
    12 people in the town")."""
    on = prep.head
    if on.i == head.i:
        return True
    if prep.lower_ == "of":
        return False  # "the people of the city": whose, not where
    return on.i == head.head.i or (on.head.i == head.i and on.dep_ in en.OBJECTS | en.PASSIVE_SUBJECTS)


def _definite_bare(tok: Token) -> bool:
    """ "the town", "the same city", "this city": definite, with no name of its own ("the town
    of Kizlyar" names it; "a town" is not one told before)."""
    dets = [c for c in tok.children if c.dep_ in en.DETERMINERS]
    if not dets or dets[0].lower_ not in _DEFINITE:
        return False
    if any(c.dep_ in en.PREPOSITIONS | en.COMPOUNDS | en.APPOSITIONS for c in tok.children):
        return False
    return all(
        c.dep_ in en.DETERMINERS or c.lower_ in ("same", "nearby", "besieged", "northern", "southern")
        for c in tok.lefts
    )
