"""One event, one sentence: candidates of one type in a sentence that tell one event are one
("seven blasts targeted …", "killed … when shells hit"). Across sentences, ``incidents`` assembles
the article's incidents.
"""

from __future__ import annotations

from spacy.tokens import Token

from polemos.lang.en import labels as en

from .events import INSTRUMENTS
from .incidents import toll_words
from .resolved import Resolved, force_and_other, same_party


def merge_in_sentence(events: list[Resolved]) -> list[Resolved]:
    out: list[Resolved] = []
    for ev in events:
        twin = next(
            (
                o
                for o in out
                if o.sent_index == ev.sent_index
                and o.type == ev.type
                and not _anaphoric(ev)
                and not _anaphoric(o)
                and same_party(o.actor_key, ev.actor_key) is not False
                and not force_and_other(o.actor, ev.actor)
                and _related(o, ev)
            ),
            None,
        )
        if twin is None:
            out.append(ev)
        else:
            twin.absorb(ev, as_mention=False)
    return out


def _related(a: Resolved, b: Resolved) -> bool:
    """Triggers of one sentence that tell one event: one governs the other ("blasts targeted",
    "killed … when shells hit"), they are coordinated, or one verb governs both. "If the rebels
    attack, the army would respond with airstrikes" holds two."""
    x, y = a.draft.head, b.draft.head
    if _counts_the_other(x, y) or _counts_the_other(y, x):
        return True
    if x in y.ancestors:
        return not _own_clause_between(y, x)
    if y in x.ancestors:
        return not _own_clause_between(x, y)
    if (x.dep_ in en.CONJUNCTS and x.head == y) or (y.dep_ in en.CONJUNCTS and y.head == x):
        return not _has_subject(x if x.dep_ in en.CONJUNCTS else y)
    gx, gy = a.draft.governor, b.draft.governor
    return gx is not None and gx in (gy, y) or gy is not None and gy == x


def _counts_the_other(toll: Token, other: Token) -> bool:
    """A toll noun that is a trigger of its own ("human losses") and the killing its clause counts:
    "human losses rise to 28, the number of those who were killed in the blast"."""
    for t in toll_words(toll.sent):
        if t.i == toll.i:
            verb = t.head
            return verb.i != t.i and any(o.i == other.i for o in verb.subtree)
    return False


def _has_subject(tok: Token) -> bool:
    """A subject that names a party: "the army responded" does, "… and 11 wounded" does not, nor
    a weapon ("stormed a hotel after two car bombs exploded")."""
    return any(
        c.dep_ in en.ANY_SUBJECTS and not c.like_num and c.lemma_.lower() not in INSTRUMENTS
        for c in tok.children
    )


def _own_clause_between(low: Token, high: Token) -> bool:
    """A clause with a doer of its own lies between the two: "Rebels attacked the base and the army
    responded with airstrikes", "the groups clashed before the police burst tear-gas shells" (also
    after a preposition: "clashed for two hours before the police burst …"); or one whose doer is
    the object above it: "hurled stones, forcing the police to open fire"."""
    tok = low  # spaCy makes a new Token object on each access: compare positions, not identities
    while tok.i != high.i and tok.head.i != tok.i:
        if tok.pos_ in ("VERB", "AUX"):
            if (
                tok.dep_
                in en.CONJUNCTS
                | en.ADVERBIAL_CLAUSES
                | en.CLAUSAL_COMPLEMENTS
                | en.RELATIVE_CLAUSES
                | en.PREP_COMPLEMENTS
                and _has_subject(tok)
            ):
                return True
            if tok.dep_ in en.OPEN_COMPLEMENTS and any(c.dep_ in en.OBJECTS for c in tok.head.children):
                return True
        tok = tok.head
    return False


def _anaphoric(ev: Resolved) -> bool:
    """ "the attack", "this bombing": a definite event noun with nothing of its own (no place, figure
    or date) refers back to an event already told."""
    head = ev.draft.head
    definite = any(
        c.dep_ in en.DETERMINERS | en.POSSESSIVES and c.lower_ in ("the", "this", "that", "these", "those")
        for c in head.children
    )
    return (
        head.pos_ == "NOUN"
        and definite
        and not ev.draft.locations
        and not ev.draft.counts
        and ev.draft.date is None
    )
