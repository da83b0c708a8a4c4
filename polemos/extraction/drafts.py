"""Drafts: which lexicon matches of a sentence report events of their own.

A noun that needs a governing verb ("launched an offensive") counts only with one; a trigger inside
the argument of another ("called on X to join the truce") is part of that event, not a new one,
unless it is told as a fact that happened ("an inquiry into the massacre committed by …"); the
ultimatum frame ("will … unless …") and the headline frame ("X vs Y") add events of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from polemos.extraction import roles
from polemos.extraction.attribution import REPORTING, Claimant
from polemos.extraction.instruments import is_instrument
from polemos.extraction.lexicon import (
    Entry,
    Match,
    find_triggers,
    object_controller,
    support_verbs,
    verb_lemma,
)
from polemos.lang.en import labels as en
from polemos.types import Count, PlaceRef, Span, TimeRef

INDEPENDENT_MARKS = frozenset(
    [
        "after",
        "as",
        "when",
        "while",
        "before",
        "because",
        "since",
        "although",
        "though",
        "whereas",
        "until",
        "once",
    ]
)
VERSUS = frozenset({"vs", "vs.", "versus", "v."})
ULTIMATUM = Entry("unless", "VERB", "THREATEN", None, False)
CLASH = Entry("vs", "ANY", "ASSAULT", None, True)
# "the death of 230 citizens by the warplanes": a counted death a violent doer dealt is a killing
KILLING = Entry("death", "NOUN", "ASSAULT", None, True)
_DEATH_NOUNS = frozenset({"death", "killing"})
# doers that deal violent death, named by a common noun (a named one is an entity: "by ISIS")
_VIOLENT_DOERS = frozenset(
    "force army troop soldier militant gunman fighter rebel militia militiaman jihadist insurgent "
    "terrorist police policeman regime coalition warplane jet aircraft helicopter bomber drone "
    "airstrike strike shelling bombardment gunfire fire sniper artillery".split()
)


@dataclass
class Draft:
    """An event while it is being read (mutable); ``finish`` turns it into an Event."""

    entry: Entry
    head: Token
    trigger: Span
    sent_index: int
    evidence: Span
    governor: Token | None = None
    modality: str = "asserted"
    actor: tuple[int, int] | None = None  # character span
    target: tuple[int, int] | None = None
    actor_basis: str | None = None  # "claimed", "inferred" … (see ActorRef.attribution)
    locations: list[PlaceRef] = field(default_factory=list)
    date: TimeRef | None = None
    counts: dict[str, Count] = field(default_factory=dict)
    claimant: Claimant | None = None
    in_headline: bool = False
    mode_hint: str | None = None  # the mode of a same-type trigger this one took in
    trigger_begin: int = 0  # token range of the trigger phrase
    trigger_end: int = 0

    @property
    def type(self) -> str:
        return self.entry.type


def draft_of(m: Match, sent_index: int, evidence: Span) -> Draft:
    doc = m.head.doc
    span = doc[m.start : m.end]
    gov = roles.governing_verb(m.head) if m.entry.pos != "VERB" and m.head.pos_ != "VERB" else None
    return Draft(
        m.entry,
        m.head,
        Span(span.start_char, span.end_char, span.text),
        sent_index,
        evidence,
        gov,
        trigger_begin=m.start,
        trigger_end=m.end,
    )


def candidates(sent: SpacySpan) -> list[Match]:
    """Lexicon matches that report an event: nouns that need a governing verb only with one."""
    out = []
    light = support_verbs()
    for m in find_triggers(sent):
        if m.entry.pos == "NOUN" and not m.entry.standalone and not _died_in(m):
            gov = roles.governing_verb(m.head)
            if gov is None or verb_lemma(gov) not in light or _causative(gov):
                continue
        if m.head.lemma_.lower() in ("say", "tell") or _made_or_aimed(m):
            continue
        out.append(m)
    return out


_DYING = frozenset({"die", "perish"})
_CAUSES = frozenset({"in", "during", "under", "from"})


def _died_in(m: Match) -> bool:
    """ "three militants died in the strike", "died under torture": a death the act caused tells
    that the act happened (an operation may be a surgeon's)."""
    head = m.head
    prep = head.head
    return (
        m.entry.type == "ASSAULT"
        and m.entry.lemma != "operation"
        and head.dep_ in en.PREP_OBJECTS
        and prep.lower_ in _CAUSES
        and prep.head.lemma_.lower() in _DYING
    )


def _causative(verb: Token) -> bool:
    """ "make operations difficult", "made the raids harder": "make" says what a thing became, not
    that anyone carried it out."""
    return verb.lemma_.lower() == "make" and any(
        c.dep_
        in en.CLAUSAL_COMPLEMENTS | en.OBJECT_PREDICATES | en.ADJECTIVAL_COMPLEMENTS | en.OPEN_COMPLEMENTS
        and c.pos_ == "ADJ"
        for c in verb.children
    )


# Verbs whose object is a weapon being made, kept or traded, not set off: "make roadside bombs",
# "built car bombs", "stockpiled landmines".
_MAKING = frozenset(
    "make build manufacture produce assemble prepare store stockpile hoard buy sell smuggle supply "
    "acquire possess develop design".split()
)


def _made_or_aimed(m: Match) -> bool:
    """A weapon noun made or kept ("using IEDs to make roadside bombs"), or "to target X" said of
    what an act is for ("tried to plant a bomb to target security forces"): no occurrence."""
    head = m.head
    if m.entry.type != "ASSAULT":
        return False
    if m.entry.pos == "NOUN" and head.dep_ in en.OBJECTS | en.CONJUNCTS and is_instrument(head):
        verb = head
        while verb.dep_ in en.CONJUNCTS and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ in en.OBJECTS and verb.head.lemma_.lower() in _MAKING:
            return True
    return (
        head.lemma_.lower() == "target"
        and head.pos_ == "VERB"
        and head.dep_
        in en.ADVERBIAL_CLAUSES | en.OPEN_COMPLEMENTS | en.CLAUSAL_MODIFIERS | en.RELATIVE_CLAUSES
        and any(c.dep_ in en.AUXILIARIES and c.lower_ == "to" for c in head.children)
        and head.head.lemma_.lower() not in ("continue", "begin", "start", "resume")
    )


def frames(sent: SpacySpan, sent_index: int, evidence: Span) -> list[Draft]:
    """Events told by a construction rather than a word: ultimatums and "X vs Y" headlines."""
    out = []
    for tok in sent:
        if tok.dep_ in en.ADVERBIAL_CLAUSES and any(
            c.dep_ in en.MARKERS and c.lower_ == "unless" for c in tok.children
        ):
            head = tok.head
            out.append(
                Draft(ULTIMATUM, head, Span(head.idx, head.idx + len(head), head.text), sent_index, evidence)
            )
        if tok.lower_ in VERSUS and sent.start < tok.i < sent.end - 1:
            out.append(Draft(CLASH, tok, Span(tok.idx, tok.idx + len(tok), tok.text), sent_index, evidence))
        if _violent_death(tok):
            out.append(Draft(KILLING, tok, Span(tok.idx, tok.idx + len(tok), tok.text), sent_index, evidence))
    return out


def _violent_death(tok: Token) -> bool:
    """ "The death of 230 citizens by the warplanes", "the deaths of 12 people by regime shelling":
    a counted death (not "the death of the president") dealt "by" a violent doer or a weapon (not
    "by drowning")."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _DEATH_NOUNS or tok.lower_ == "killing":
        return False
    counted = [o for p in tok.children if _prep(p, "of") for o in p.children if _counted(o)]
    # the doer hangs on the death or, as the parser often attaches it, on the counted dead
    return any(
        _violent_doer(o)
        for head in [tok, *counted]
        for p in head.children
        if _prep(p, "by")
        for o in p.children
    ) and bool(counted)


def _prep(tok: Token, word: str) -> bool:
    return tok.dep_ in en.PREPOSITIONS and tok.lower_ == word


def _counted(tok: Token) -> bool:
    return any(c.like_num for c in tok.children)


def _violent_doer(tok: Token) -> bool:
    return tok.lemma_.lower() in _VIOLENT_DOERS or is_instrument(tok) or tok.ent_type_ in ("ORG", "NORP")


def ancestors_via_arguments(tok: Token) -> list[Token]:
    """The words above tok until a clause of its own begins: a coordinated clause, or an adverbial
    clause of time or cause ("… died after blasts targeted …"). Purpose clauses ("to push them towards joining
    the truce") stay inside."""
    out = []
    while tok.head.i != tok.i:
        if (
            tok.dep_ in en.CONJUNCTS
            and tok.head.dep_ not in en.ROOTS | en.CLAUSAL_COMPLEMENTS | en.ADVERBIAL_CLAUSES | en.CONJUNCTS
        ):
            tok = tok.head  # "to flee the area and join the truce": still inside the argument
            continue
        if tok.dep_ in en.CONJUNCTS | en.PARATAXIS | en.ROOTS:
            break
        if tok.dep_ in en.ADVERBIAL_CLAUSES and any(
            c.dep_ in en.MARKERS and c.lower_ in INDEPENDENT_MARKS for c in tok.children
        ):
            break
        if tok.dep_ in en.CLAUSAL_COMPLEMENTS and tok.head.lemma_.lower() in REPORTING:
            break
        tok = tok.head
        out.append(tok)
    return out


# Events that are made by speaking: a statement's date is theirs ("on Sunday … said they will …"),
# and the violence they are about may be an event of its own ("calls for an inquiry into …").
SPEECH_ACTS = frozenset("ACCUSE REQUEST THREATEN REJECT AGREE SUPPORT CONCEDE SANCTION".split())
PAST_TAGS = frozenset({"VBN", "VBD"})


def _told_as_past(tok: Token) -> bool:
    """A past participle or past tense in a clause that modifies a noun: "families killed by the
    coalition", "the massacre that killed 40"."""
    return tok.tag_ in PAST_TAGS and tok.dep_ in en.CLAUSAL_MODIFIERS | en.RELATIVE_CLAUSES


# Statements that take for granted what they blame someone for: "criticised the police for opening
# fire" says the police opened fire ("accused X of firing" only claims it, and stays one accusation).
_PRESUPPOSING = frozenset("criticise criticize condemn denounce slam blast censure fault rap".split())


def _happened_inside(d: Draft, keeper: Draft) -> bool:
    """Whether a violent event inside a statement's argument is told as having happened.

    "calls for an inquiry into the massacre committed by the coalition", "demands the bodies of
    the families killed by the coalition": the statement is one event and the violence it is about
    another, with its own actor, place and toll. "calls on the army to attack" stays one request.
    """
    if d.type != "ASSAULT" or keeper.type not in SPEECH_ACTS:
        return False
    if _told_as_past(d.head):
        return True
    if (
        d.head.dep_ in en.PREP_COMPLEMENTS
        and d.head.head.lower_ == "for"
        and d.head.head.head.i == keeper.head.i
        and keeper.head.lemma_.lower() in _PRESUPPOSING
    ):
        return True
    if d.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(_told_as_past(c) for c in d.head.children):
        return True
    # "condemned the bombing of the hospital, which wounded 30 patients": the clause of harm hung on
    # what the deed was done to tells the deed
    return any(
        _told_as_past(c) and c.lemma_.lower() in _HARM_CLAUSE
        for p in d.head.children
        if p.dep_ in en.PREPOSITIONS and p.lower_ in _DONE_TO_PREPS
        for o in p.children
        if o.dep_ in en.PREP_OBJECTS
        for c in o.children
        if c.i > o.i
    )


_DONE_TO_PREPS = frozenset(("of", "on", "at", "in", "against"))
_HARM_CLAUSE = frozenset("kill injure wound hurt maim claim leave".split())


def _done_in_relative_clause(d: Draft, keeper: Draft) -> bool:
    """A violent noun done by the verb of a past relative clause or participle is told as having
    happened, whatever the sentence's own event is about: "Abedi, the man who carried out the
    concert bombing, accused …", "police arrested the man who staged the attack", "the group that
    claimed the bombing". The clause describes a participant; it is no part of the event above."""
    if d.type != "ASSAULT" or keeper.type == d.type or d.head.pos_ not in ("NOUN", "PROPN"):
        return False
    verb = d.governor
    return verb is not None and verb.i != keeper.head.i and _told_as_past(verb)


def _relative_deed(d: Draft, keeper: Draft) -> bool:
    """A violent deed of another kind told in a past relative clause is its own event: "protesters
    clashed with police, who arrested 20 people", "demanded the release of activists who were
    detained on Monday". The clause tells what a participant did or underwent, no part of the event
    above."""
    head = d.head
    return (
        d.type in ("ASSAULT", "COERCE")
        and keeper.type != d.type
        and head.pos_ in ("VERB", "AUX")
        and head.dep_ in en.RELATIVE_CLAUSES
        and _told_as_past(head)
        and any(c.dep_ in en.ANY_SUBJECTS and c.tag_ in ("WP", "WDT") for c in head.children)
    )


def _own_doer(d: Draft, keeper: Draft) -> bool:
    """An infinitive whose doer is the object of the verb above it is that object's own act, not a
    part of what the verb above reports: "hurled stones, forcing the police to open fire". A
    statement keeps it ("urged the army to attack" is one request)."""
    if keeper.type in SPEECH_ACTS:
        return False
    tok = d.head
    while tok.i != keeper.head.i and tok.head.i != tok.i:
        if object_controller(tok) is not None:
            return True
        tok = tok.head
    return False


def _force_inside(d: Draft, keeper: Draft) -> bool:
    """A death a state force caused, inside another party's event, is the force's own act: "a
    communal clash where four persons were burnt alive and two were killed in police firing"."""
    from polemos.extraction import forces  # forces reads drafts

    if not forces.caused_by_force(d.head) or forces.caused_by_force(keeper.head):
        return False
    if d.type == "ASSAULT" and keeper.type == "ASSAULT":
        return True
    # "when the police arrived, the crowd asked them to go away": a clause that tells when, not a
    # condition ("unless the army pulls out") or what a statement says
    marker = next(
        (
            c.lower_
            for c in d.head.children
            if c.dep_ in en.MARKERS | en.ADVERBIAL_MODIFIERS and c.i < d.head.i
        ),
        None,
    )
    return d.head.dep_ in en.ADVERBIAL_CLAUSES and marker in _WHEN_MARKERS


_WHEN_MARKERS = frozenset("when as after before while once".split())


def _anchored(d: Draft, keeper: Draft) -> bool:
    """An occurrence of another kind that gives the time of the one above it is an event of its own:
    "lost his job following his arrest", "called for protests after the killing of seven",
    "arrested 20 people after the clashes" ("killed during the attack" stays one attack)."""
    if keeper.type == d.type:
        return False
    tok = d.head
    while tok.i != keeper.head.i and tok.head.i != tok.i:
        if (
            tok.dep_ in en.PREP_OBJECTS
            and tok.head.dep_ in en.PREPOSITIONS
            and tok.head.lower_ in roles.ANCHOR_PREPS
        ):
            return True
        tok = tok.head
    return False


def unsubsumed(found: list[Draft]) -> list[Draft]:
    """Drop a trigger that sits inside an argument of another trigger of the same sentence."""
    heads = {d.head.i: d for d in found}
    keep = []
    for d in found:
        above = ancestors_via_arguments(d.head)
        keeper = next((heads[a.i] for a in above if a.i in heads and heads[a.i] is not d), None)
        if d.entry is not ULTIMATUM and keeper is not None:
            if (
                _happened_inside(d, keeper)
                or _done_in_relative_clause(d, keeper)
                or _relative_deed(d, keeper)
                or _own_doer(d, keeper)
                or _anchored(d, keeper)
                or _force_inside(d, keeper)
            ):
                keep.append(d)  # its own event, whatever else shares the statement's verb
                continue
            if keeper.type == d.type and keeper.mode_hint is None:
                keeper.mode_hint = d.entry.mode  # "seven blasts hit …": the event is an explosion
            continue
        # two event nouns under one verb ("signed an agreement for a ceasefire") are one event:
        # the verb's object speaks for it
        if d.governor is not None and any(
            o is not d
            and o.governor is not None
            and o.governor.i == d.governor.i
            and o.head.dep_ in en.OBJECTS
            and d.head.dep_ not in en.OBJECTS
            for o in found
        ):
            continue
        # an ultimatum's own verb is its trigger: a lexicon event on the same verb yields to it
        if d.entry is not ULTIMATUM and any(o.entry is ULTIMATUM and o.head.i == d.head.i for o in found):
            continue
        if d.entry is not ULTIMATUM and any(
            o.entry is ULTIMATUM and any(a.i == o.head.i for a in [d.head, *d.head.ancestors]) for o in found
        ):
            continue  # inside an ultimatum ("unless the army pulls out"): its condition, not an event
        keep.append(d)
    return keep
