"""What the text commits to about an event: asserted, planned, proposed, threatened,
hypothetical, negated, denied or reported.

Read from the trigger's clause and the chain of words that govern it: negation ("did not", "no
agreement"), modals ("will", "could"), conditionals ("if", "unless"), and governing verbs or nouns
("proposed the introduction of", "plans to", "denied that", "the possibility of"), and hedges of
the press ("reportedly", "allegedly", "is said to have", "the alleged attack"), which tell an event
passed on rather than vouched for: ``reported``, as the French conditional ("aurait tué") is.
"""

from __future__ import annotations

from spacy.tokens import Token

from polemos.lang.en import labels as en

_SAY = frozenset("say tell report state announce claim add note stress confirm allege insist write".split())
DENY = frozenset(["deny", "dismiss", "refute", "disavow"])
PROPOSE = frozenset(["propose", "proposal", "offer", "suggest", "suggestion", "recommend"])
PLAN = frozenset(
    [
        "plan",
        "intend",
        "prepare",
        "preparation",
        "aim",
        "seek",
        "try",
        "attempt",
        "want",
        "expect",
        "vow",
        "pledge",
        "promise",
        "order",
        "decide",
        "schedule",
        "ready",
        "set",
        "poise",
        "gear",
    ]
)
THREAT = frozenset(["threaten", "threat", "ultimatum", "warn"])
HYPOTHETICAL = frozenset(
    [
        "possibility",
        "potential",
        "possible",
        "prospect",
        "idea",
        "option",
        "consider",
        "hypothetical",
        "likely",
    ]
)
REPORTED = "reported"
# Adverbs by which a writer passes an event on without vouching for it: "police allegedly beat him".
HEDGE_ADVERBS = frozenset("reportedly allegedly purportedly supposedly reputedly".split())
# Adjectives doing the same for a noun event: "the alleged attack", "a purported strike".
HEDGE_ADJECTIVES = frozenset(["alleged", "purported"])
# Passive verbs of saying or believing with an open complement: "is said to have killed", "are
# believed to have shelled", "was reported to have fired" (not "claimed to have": a claimant's own
# claim, read by attribution).
HEDGE_PASSIVES = frozenset("say report allege believe think rumour rumor understand".split())
FUTURE_MODALS = frozenset(["will", "shall", "'ll", "wo"])
WEAK_MODALS = frozenset(["could", "would", "might", "may", "should", "can", "must"])
# Relations along which a governing word speaks for its dependent.
_CHAIN = (
    en.OPEN_COMPLEMENTS
    | en.CLAUSAL_COMPLEMENTS
    | en.OBJECTS
    | en.PREP_OBJECTS
    | en.PREPOSITIONS
    | en.CLAUSAL_MODIFIERS
    | en.ADVERBIAL_CLAUSES
    | en.COMPOUNDS
    | en.CONJUNCTS
    | en.PREP_COMPLEMENTS
    | en.ADJECTIVAL_MODIFIERS
    | en.ATTRIBUTES
    | en.PASSIVE_SUBJECTS
)


def governors(token: Token, max_steps: int = 6) -> list[Token]:
    """The words above token in its sentence, nearest first, stopping at a reporting verb."""
    out: list[Token] = []
    tok = token
    for _ in range(max_steps):
        if tok.dep_ not in _CHAIN or tok.head.i == tok.i:
            break
        if tok.dep_ in en.CLAUSAL_COMPLEMENTS and tok.head.lemma_.lower() in _SAY:
            break  # what someone says happened is theirs to assert; stop at the reporting verb
        tok = tok.head
        out.append(tok)
    return out


def _negated(tok: Token) -> bool:
    for child in tok.children:
        if child.dep_ in en.NEGATIONS:
            return True
        if child.dep_ in en.DETERMINERS and child.lower_ == "no":
            return True
        if child.dep_ in en.ADVERBIAL_MODIFIERS and child.lower_ in ("never",):
            return True
        if child.dep_ in en.ANY_SUBJECTS and _nobody(child) and not _in_an_event(tok):
            return True  # "no one was hurt", "no soldiers were killed"
    return False


def _in_an_event(verb: Token) -> bool:
    """ "no one was hurt in the attack": the harm is denied, the attack its phrase names is not."""
    from polemos.extraction.lexicon import load_lexicon

    nouns = load_lexicon()
    return any(
        g.dep_ in en.PREP_OBJECTS
        and any(e.pos != "VERB" and e.type != "NONE" for e in nouns.get(g.lemma_.lower(), ()))
        for p in verb.children
        if p.dep_ in en.PREPOSITIONS
        for g in p.children
    )


_NOBODY = frozenset({"nobody", "noone", "no-one", "none", "nothing"})


def _nobody(subject: Token) -> bool:
    return subject.lower_ in _NOBODY or any(
        c.dep_ in en.DETERMINERS and c.lower_ in ("no", "neither") for c in subject.children
    )


def _conditional(tok: Token) -> str | None:
    """ "unless" in an adverbial clause of tok, or tok's own clause being an if-clause."""
    for child in tok.children:
        if child.dep_ in en.ADVERBIAL_CLAUSES and any(
            m.dep_ in en.MARKERS and m.lower_ == "unless" for m in child.children
        ):
            return "unless"
    if any(m.dep_ in en.MARKERS and m.lower_ in ("if", "unless") for m in tok.children):
        return "if"
    return None


def _passive(tok: Token) -> bool:
    return any(c.dep_ in en.PASSIVE_AUXILIARIES for c in tok.children)


def _modals(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in en.AUXILIARIES and c.tag_ == "MD"}


def modality(trigger: Token, governor: Token | None = None) -> str:
    """The modality of the event on trigger; governor is the verb a noun trigger depends on."""
    chain = [trigger] + governors(trigger)
    if governor is not None and governor not in chain:
        chain.insert(1, governor)
    lemmas = [t.lemma_.lower() for t in chain]
    # a clause under "deny" / "dismissed reports that" is denied
    if any(lemma in DENY for lemma in lemmas[1:]):
        return "denied"
    clause_heads = [t for t in chain if t.pos_ in ("VERB", "AUX")] or chain[:1]
    head = clause_heads[0]
    if any(_conditional(t) == "unless" for t in clause_heads[:2]):
        return "threatened"
    if any(lemma in THREAT for lemma in lemmas[1:]):
        return "threatened"
    if any(_negated(t) for t in chain[:3]):
        return "negated"
    if (
        _conditional(head) == "if"
        or any(lemma in HYPOTHETICAL for lemma in lemmas)
        or any(
            c.lemma_.lower() in HYPOTHETICAL
            for t in chain[:2]
            for c in t.children
            if c.dep_ in en.ADJECTIVAL_MODIFIERS
        )
    ):
        return "hypothetical"
    if any(lemma in PROPOSE for lemma in lemmas):
        return "proposed"
    modals = set().union(*(_modals(t) for t in clause_heads[:2]))
    if modals & WEAK_MODALS - {"can", "must"}:
        return "hypothetical"
    # "arrests can be made", "attacks can be carried out": a passive under "can" says what is
    # possible, not what happened (an active "can" is often a report of ability in the moment).
    if "can" in modals and any(_passive(t) for t in clause_heads[:2]):
        return "hypothetical"
    if modals & FUTURE_MODALS or any(
        t.lemma_.lower() in PLAN and _direct(trigger, t) and not _ordered_measure(trigger, t)
        for t in chain[1:]
    ):
        return "planned"
    if _purpose(chain) or _to_come(chain):
        return "planned"
    if _hedged(chain, clause_heads):
        return REPORTED
    return "asserted"


# "is to visit", "are to withdraw", "is due to meet", "is about to strike": an arrangement still to
# come ("X is to blame" says who is at fault, not a plan).
_TO_COME = frozenset(["be", "due", "about"])
_NOT_TO_COME = frozenset(["blame"])


def _to_come(chain: list[Token]) -> bool:
    for below, above in zip(chain[:2], chain[1:3], strict=False):
        if (
            below.dep_ in en.OPEN_COMPLEMENTS
            and above.lemma_.lower() in _TO_COME
            and below.lemma_.lower() not in _NOT_TO_COME
            and any(c.dep_ in en.AUXILIARIES and c.lower_ == "to" for c in below.children)
        ):
            return True
    return False


def _hedged(chain: list[Token], clause_heads: list[Token]) -> bool:
    """ "reportedly attacked", "the alleged attack", "is said to have killed": passed on, not vouched for."""
    for tok in [chain[0], *clause_heads[:2]]:
        for child in tok.children:
            if child.dep_ in en.ADVERBIAL_MODIFIERS and child.lower_ in HEDGE_ADVERBS:
                return True
            if (
                tok.pos_ in ("NOUN", "PROPN")
                and child.dep_ in en.ADJECTIVAL_MODIFIERS
                and child.lower_ in HEDGE_ADJECTIVES
            ):
                return True
    for below, above in zip(chain, chain[1:3], strict=False):
        if (
            below.dep_ in en.OPEN_COMPLEMENTS
            and above.lemma_.lower() in HEDGE_PASSIVES
            and _passive(above)
            and any(c.dep_ in en.AUXILIARIES and c.lower_ == "to" for c in below.children)
        ):
            return True
    return False


# Verbs by which an authority imposes a measure: what it orders by name ("ordered an asset freeze",
# "a curfew was ordered") is the act done, unlike what it orders others to do ("ordered troops to
# advance").
_IMPOSING = frozenset({"order"})


def _ordered_measure(trigger: Token, verb: Token) -> bool:
    """Is the trigger (or the noun it hangs on) the object of an imposing verb?"""
    if verb.lemma_.lower() not in _IMPOSING:
        return False
    tok = trigger
    for _ in range(8):
        if tok.head.i == verb.i:
            return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in en.OBJECTS | en.PASSIVE_SUBJECTS
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


# A plan speaks for an event across a preposition only where the preposition says what is planned:
# "plans for an attack", "preparations for the offensive", "an attempt at a coup".
_PLAN_PREPS = {"plan": ("for",), "preparation": ("for",), "prepare": ("for",), "attempt": ("at", "on")}


def _direct(trigger: Token, governor: Token) -> bool:
    """Whether governor speaks for trigger without a preposition of its own between them: "was
    tried for the bombing" and "the aim of the attacks" are no attempt or aim of the deed, which
    happened; "tried to storm", "an attempted coup", "plans for an attack" are."""
    tok = trigger
    for _ in range(8):
        if tok.i == governor.i or tok.head.i == tok.i:
            break
        if tok.dep_ in en.PREPOSITIONS and tok.head.i == governor.i:
            return tok.lower_ in _PLAN_PREPS.get(governor.lemma_.lower(), ())
        if tok.dep_ in en.PREPOSITIONS:
            return False
        tok = tok.head
    return True


# "acted swiftly to arrest", "moved quickly to seal off": prompt action tells the act done.
_PROMPT = frozenset({"act", "move"})
_SPEED = frozenset("swiftly quickly promptly immediately fast rapidly speedily".split())


def _prompt_action(verb: Token) -> bool:
    return verb.lemma_.lower() in _PROMPT and any(
        c.dep_ in en.ADVERBIAL_MODIFIERS and c.lower_ in _SPEED for c in verb.children
    )


def _purpose(chain: list[Token]) -> bool:
    """ "… in order to block X", "… to attack Y" as a purpose clause: intended, not done (not after
    a verb of prompt action: "police acted swiftly to arrest them")."""
    for tok in chain[:2]:
        if tok.dep_ in en.ADVERBIAL_CLAUSES and _prompt_action(tok.head):
            continue
        if tok.dep_ in en.ADVERBIAL_CLAUSES and any(
            c.dep_ in en.AUXILIARIES and c.lower_ == "to" for c in tok.children
        ):
            return True
        if tok.dep_ in en.ADVERBIAL_CLAUSES and any(c.lower_ == "order" for c in tok.children):
            return True
    return False
