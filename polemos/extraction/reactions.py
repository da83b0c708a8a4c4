"""Reactions to an incident are not the incident.

"Ghani condemned the bombing", "the NUG called the attack a heinous war crime", "Turk said he was
horrified by the airstrike", "deeply saddened by the heinous attacks": the attack is named only as
what the speaker reacts to. Such a sentence tells no attack (nor restates one: it reports a
reaction), so the event noun there gives no event. The reaction itself is an ACCUSE where it
judges the deed ("condemned", "termed the bombings cowardly", "called the attack a war crime") and
nothing where it only voices feeling (horror, sorrow, condolences: mourning is no event).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from polemos.extraction import roles
from polemos.extraction.drafts import Draft
from polemos.extraction.lexicon import Entry
from polemos.extraction.modality import modality
from polemos.lang.en import labels as en
from polemos.types import Span

# Verbs that judge what they take as object: with an event as object, an accusation.
JUDGING = frozenset(
    "condemn denounce deplore decry slam criticize criticise censure rebuke lambaste blast".split()
)
# Verbs that judge only with a complement that names the verdict ("termed it cowardly", "called the
# attack a war crime", "described the strike as a massacre").
NAMING = frozenset("term call describe brand label dub characterize characterise".split())
# Feelings voiced about an event: "horrified by", "shocked at", "saddened by", "condolences over".
FEELING = frozenset(
    "sadden horrify shock appal appall outrage dismay grieve mourn sorrow sadden devastate "
    "distress trouble alarm sicken".split()
)
FEELING_NOUNS = frozenset(
    "shock horror sorrow condolence condolences sympathy sympathies grief outrage dismay sadness "
    "concern anguish".split()
)
_ABOUT = frozenset("by at over about on for".split())
ACCUSE_BY_NAMING = Entry("call", "VERB", "ACCUSE", None, True)


def reaction_to(d: Draft) -> tuple[str, Token] | None:
    """("judge" | "name" | "feel", the reaction word) when the event noun is what a reaction is
    about; None otherwise."""
    head = d.head
    if head.pos_ != "NOUN":
        return None
    tok = head
    while tok.dep_ in en.CONJUNCTS | en.COMPOUNDS | en.APPOSITIONS and tok.head.i != tok.i:
        tok = tok.head
    above = tok.head
    if tok.dep_ in en.OBJECTS:
        lemma = above.lemma_.lower()
        if lemma in JUDGING:
            return "judge", above
        if lemma in NAMING and _has_verdict(above, tok):
            return "name", above
        if lemma in FEELING:
            return "feel", above
    verdict = _verdict_of(tok)
    if verdict is not None:  # "called the attack a massacre": the verdict noun is no event either
        return "name", verdict
    if tok.dep_ in en.PREP_OBJECTS and above.lower_ in _ABOUT:
        owner = above.head
        lemma = owner.lemma_.lower()
        if lemma in FEELING or owner.lower_ in FEELING_NOUNS or lemma in FEELING_NOUNS:
            return "feel", owner
        if lemma in JUDGING:
            return "judge", owner
    if tok.dep_ in en.SUBJECTS and above.lemma_.lower() in FEELING:  # "the attack shocked the nation"
        return "feel", above
    return None


def _verdict_of(noun: Token) -> Token | None:
    """The naming verb when the noun is the verdict it gives ("a massacre" in "described the strike
    as a massacre", "a heinous war crime" in "called the attack a heinous war crime")."""
    tok = noun
    if tok.dep_ in en.PREP_OBJECTS and tok.head.lower_ == "as":
        tok = tok.head
    if (
        tok.dep_ in en.OBJECT_PREDICATES | en.ATTRIBUTES | en.OPEN_COMPLEMENTS | en.PREPOSITIONS
        and tok.head.lemma_.lower() in NAMING | JUDGING
    ):
        verb = tok.head
        if any(c.dep_ in en.OBJECTS and c.i < tok.i for c in verb.children):
            return verb
    return None


def _has_verdict(verb: Token, obj: Token) -> bool:
    """ "called the attack a war crime" (oprd), "termed it cowardly" (xcomp/acomp), "described the
    strike as a massacre" ("as" phrase)."""
    for c in verb.children:
        if c.i == obj.i:
            continue
        if (
            c.dep_
            in en.OBJECT_PREDICATES
            | en.OPEN_COMPLEMENTS
            | en.ADJECTIVAL_COMPLEMENTS
            | en.CLAUSAL_COMPLEMENTS
            | en.ATTRIBUTES
            or (c.dep_ in en.ADVERBIAL_MODIFIERS and c.i > obj.i)
        ):
            return True  # "called the attack a war crime", "termed the bombings cowardly"
        if c.dep_ in en.PREPOSITIONS and c.lower_ == "as":
            return True
    return any(
        c.dep_ in en.ADJECTIVAL_MODIFIERS | en.ADJECTIVAL_COMPLEMENTS and c.i > obj.i for c in obj.children
    )


def read_reactions(drafts: list[Draft]) -> list[Draft]:
    """Drop event nouns that reactions are about; a verdict by naming ("called the attack a war
    crime") becomes the ACCUSE it is, the reacting party its actor and the deed its target."""
    out: list[Draft] = []
    accusing = {(d.sent_index, d.head.i) for d in drafts if d.type == "ACCUSE"}
    for d in drafts:
        found = reaction_to(d)
        if found is None or _tells_its_toll(d):
            out.append(d)
            continue
        kind, word = found
        if kind == "name" and (d.sent_index, word.i) not in accusing:
            out.append(_accusation(d, word))
            accusing.add((d.sent_index, word.i))
    return out


def _tells_its_toll(d: Draft) -> bool:
    """ "condemned the attack, which killed 20 soldiers": the relative clause asserts the deed and its
    toll, so the deed is an incident of its own beside the reaction to it."""
    if not ({"killed", "injured"} & {k for k, v in d.counts.items() if v is not None}):
        return False
    clauses = en.RELATIVE_CLAUSES | en.CLAUSAL_MODIFIERS
    if any(c.dep_ in clauses and c.i > d.head.i for c in d.head.children):
        return True
    # "condemned the bombing of the hospital, which wounded 30 patients": the parser hangs the clause
    # on the place or people the deed was done to; a clause of harm there still tells the deed's toll
    done_to = [
        o
        for p in d.head.children
        if p.dep_ in en.PREPOSITIONS and p.lower_ in ("of", "on", "in", "at", "against")
        for o in p.children
        if o.dep_ in en.PREP_OBJECTS
    ]
    return any(
        c.dep_ in clauses and c.lemma_.lower() in _HARMING for o in done_to for c in o.children if c.i > o.i
    )


# Verbs of a relative clause that tell a deed's toll ("which killed 20", "that wounded 30").
_HARMING = frozenset("kill injure wound hurt maim claim leave".split())


def _accusation(d: Draft, verb: Token) -> Draft:
    doc = verb.doc
    subject = roles.subject_of(verb)
    actor = None
    if subject is not None and subject.lower_ not in roles.PRONOUNS:
        s, e = roles.np_bounds(subject)
        actor = (doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))
    judged = next((c for c in verb.children if c.dep_ in en.OBJECTS), d.head)  # the deed judged
    s, e = roles.np_bounds(judged)
    target = (doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))
    trigger = Span(verb.idx, verb.idx + len(verb), verb.text)
    return replace(
        d, entry=ACCUSE_BY_NAMING, head=verb, trigger=trigger, governor=None, actor=actor, target=target,
        locations=[], counts={}, trigger_begin=verb.i, trigger_end=verb.i + 1, mode_hint=None,
        modality=modality(verb),
    )  # fmt: skip
