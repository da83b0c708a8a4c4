"""Who did it and to whom, read from the dependency parse around a trigger.

Verbs: the subject (climbing xcomp/conj chains: "X is continuing to attack", "X regrouped and
reinforced"), a passive's "by" agent, the object or an "on"/"against" phrase as target. Nouns:
a possessive or demonym modifier ("Russia's strikes", "Russian airstrikes"), a "by" phrase, or the
subject of the verb that governs the noun ("X launched an offensive").
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Token

from polemos.extraction.instruments import is_instrument, is_said
from polemos.extraction.modality import HEDGE_PASSIVES
from polemos.lang.en import labels as en
from polemos.nlp.mojibake import MARKS as GARBLED_MARKS

_ALLEGIANCE = frozenset("loyal affiliated linked allied aligned belonging".split())
# Relations through which an infinitive or coordinated verb shares its governor's subject.
_SHARES_SUBJECT = (
    en.OPEN_COMPLEMENTS
    | en.CONJUNCTS
    | en.ADVERBIAL_CLAUSES
    | en.ADJECTIVAL_COMPLEMENTS
    | en.PREP_COMPLEMENTS
)
_TARGET_PREPS = ("on", "against", "at", "upon")
# Verbs whose object does what the infinitive says ("X was asked / ordered / told to keep a vigil"):
# in the passive their subject is the doer of the infinitive.
_OBJECT_CONTROL = frozenset(
    "ask tell order instruct direct urge request authorise authorize permit allow force compel "
    "empower mandate assign deploy send depute detail station post summon call".split()
)
# … and passives of saying or believing ("X is said / believed / reported to have killed"), whose
# subject is the doer of the infinitive as well.
_CONTROL_PASSIVES = _OBJECT_CONTROL | HEDGE_PASSIVES
# Nouns of purpose that "be" joins to the act purposed ("the aim is to attack"): no doer themselves.
_AIMS = frozenset("aim plan goal objective intention purpose idea task mission priority strategy".split())
PRONOUNS = frozenset(
    ["i", "we", "you", "he", "she", "it", "they", "this", "that", "these", "those", "who", "which"]
)
# Left-hand modifiers that belong to a noun phrase naming an actor.
_NP_LEFT = (
    en.COMPOUNDS
    | en.ADJECTIVAL_MODIFIERS
    | en.DETERMINERS
    | en.POSSESSIVES
    | en.NUMERIC_MODIFIERS
    | en.NOUN_MODIFIERS
    | en.QUANTIFIER_MODIFIERS
    | en.CASE_MARKERS
    | en.PUNCTUATION
)


def np_bounds(token: Token, max_right: int = 6) -> tuple[int, int]:
    """Token index range [start, end) of the noun phrase headed by token: its left modifiers,
    and a short "of" phrase ("leaders of Al-Nusra Front"), not clauses or appositions."""
    if _is_hyphen_side(token):
        return token.i, token.i + 1  # "police" of "a police-vhp clash", not the pair
    start = token.i
    for child in token.lefts:
        if child.dep_ in _NP_LEFT:
            start = min(start, child.left_edge.i)
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in en.PREPOSITIONS and child.lower_ == "of":
            right = child.right_edge.i + 1
            # a group's long name is still a short phrase: "fighters of the Islamic State of Iraq"
            named = token.lemma_.lower() in _MEMBERS and all(
                w.ent_type_ == "ORG" or w.is_punct or w.dep_ in en.DETERMINERS
                for w in child.subtree
                if w.i > child.i
            )
            if right - token.i <= (max_right + 4 if named else max_right):
                end = right
        elif child.dep_ in en.PREPOSITIONS and child.lower_ == "from" and _sent_by(token, child):
            # "troops from the African Union", "peacekeepers from the UN mission": whose they are
            right = child.right_edge.i + 1
            if right - token.i <= max_right:
                end = right
        elif (
            child.dep_ in en.ADJECTIVAL_MODIFIERS | en.CLAUSAL_MODIFIERS
            and child.lemma_.lower() in _ALLEGIANCE
            and child.i == token.i + 1
        ):
            # "fighters loyal to the Islamic State", "militias allied with the government": the
            # allegiance says whose they are
            right = child.right_edge.i + 1
            if any(g.dep_ in en.PREPOSITIONS for g in child.children) and right - token.i <= max_right + 2:
                end = right
        elif child.dep_ in en.COMPOUNDS or (child.dep_ in en.CASE_MARKERS and child.text in ("'s", "’s")):
            end = max(end, child.right_edge.i + 1)
    doc = token.doc
    # a hyphenated name the parse broke up ("Jaish-e-Mohammed", "Lashkar-e-Taiba"): the written word
    while (
        end < len(doc)
        and end - token.i <= max_right
        and not doc[end - 1].whitespace_
        and not doc[end].is_space
    ):
        if doc[end].text in (".", ",", ";", ":", "'s", "’s", ")", '"', "”") or doc[end].tag_ == "VBN":
            break  # not "Saudi-led": the doer is Saudi
        if doc[end].text in ("-", "–") and end + 1 < len(doc) and doc[end + 1].tag_ == "VBN":
            break
        end += 1
    while start > 0 and not doc[start - 1].whitespace_ and doc[start - 1].text in ("-", "–"):
        start -= 2 if start >= 2 and not doc[start - 2].whitespace_ else 1
    while start < end - 1 and (_is_mark(doc[start]) or doc[start].dep_ in en.COORDINATORS):
        start += 1
    while end - 1 > start and _is_mark(doc[end - 1]):
        end -= 1
    return start, end


def _is_mark(token: Token) -> bool:
    """Punctuation, also as a wrong decoding garbled it ("â€™â€™ police arrested": police)."""
    return token.is_punct or token.text in GARBLED_MARKS


# Who belong to a group named after them: "fighters of the Islamic State of Iraq and the Levant".
_MEMBERS = frozenset(
    "fighter militant member soldier troop gunman insurgent rebel jihadist loyalist supporter commander "
    "leader unit cell force".split()
)
# Forces an organisation sends: "troops from the African Union" are the Union's.
_SENT_FORCES = frozenset(
    "troop soldier force peacekeeper contingent unit battalion officer personnel fighter commando".split()
)


def _sent_by(force: Token, prep: Token) -> bool:
    """Is "from X" the organisation the force is sent by (X named as one by the model, not a place:
    "soldiers from Kenya" stay Kenya's military, read through the place)?"""
    if force.lemma_.lower() not in _SENT_FORCES:
        return False
    return any(
        g.dep_ in en.PREP_OBJECTS and any(w.ent_type_ == "ORG" for w in g.subtree) and g.ent_type_ != "GPE"
        for g in prep.children
    )


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, found on its governors where it is shared."""
    seen = 0
    tok: Token | None = verb
    came_from: Token | None = None
    while tok is not None and seen < 6:
        for child in tok.children:
            if child.dep_ in en.SUBJECTS | en.CLAUSAL_SUBJECTS:
                if came_from is not None and tok.lemma_.lower() == "be" and child.lemma_.lower() in _AIMS:
                    # "the aim is to attack the base", "his plan is to meet": the aim's owner
                    return next((c for c in child.children if c.dep_ in en.POSSESSIVES), None)
                return child
        if came_from is not None and _infinitive_of(came_from) and tok.lemma_.lower() in _CONTROL_PASSIVES:
            # "X was ordered to attack", "X is said / believed to have attacked": X did it
            controller = passive_subject(tok)
            if controller is not None:
                return controller
        for aux in tok.children:  # "leaders are finishing forming": the parser may hang it on the aux
            if aux.dep_ in en.AUXILIARIES | en.PASSIVE_AUXILIARIES:
                subj = next((c for c in aux.children if c.dep_ in en.SUBJECTS | en.CLAUSAL_SUBJECTS), None)
                if subj is not None:
                    return subj
        if passive_subject(tok) is not None:
            # "the troops were sent to patrol": the one sent did not send; a "by" agent did
            return agent_of(tok)
        if tok.dep_ in _SHARES_SUBJECT and tok.head.i != tok.i:
            came_from, tok = tok, tok.head
            seen += 1
            continue
        if tok.dep_ in en.CLAUSAL_MODIFIERS and tok.tag_ == "VBN":
            return None  # "soldiers killed in …": the modified noun underwent it, it did not do it
        if tok.dep_ in en.RELATIVE_CLAUSES | en.CLAUSAL_MODIFIERS and tok.head.i != tok.i:
            said = tok.head
            if is_said(said) and said.dep_ in en.OBJECTS and said.head.i != said.i:
                # "issued a statement claiming the attack": the statement's issuer says it
                came_from, tok = said, said.head
                seen += 1
                continue
            # "groups that operate…" / "factions allied with it": the modified noun is the doer
            return tok.head
        break
    return None


def _infinitive_of(clause: Token) -> bool:
    """Is the clause an infinitive complement ("asked to leave"), also where the parser hangs it as
    an adverbial clause ("were sent to patrol")?"""
    if clause.dep_ in en.OPEN_COMPLEMENTS:
        return True
    return clause.dep_ in en.ADVERBIAL_CLAUSES and any(
        c.dep_ in en.AUXILIARIES and c.lower_ == "to" for c in clause.children
    )


def agent_of(verb: Token) -> Token | None:
    """The "by" agent of a passive verb."""
    for child in verb.children:
        if child.dep_ in en.AGENTS:
            for obj in child.children:
                if obj.dep_ in en.PREP_OBJECTS:
                    return obj
    return stray_agent(verb)


def stray_agent(verb: Token) -> Token | None:
    """ "were shifted to a camp by the police": the parser may hang the passive's "by" phrase on the
    noun before it. Taken only for a passive, and only a party-like phrase ("by the police", "by
    militants"), not a means ("by road", "by ambulance")."""
    if not any(c.dep_ in en.PASSIVE_SUBJECTS for c in verb.children):
        return None
    for prep in (c for c in verb.children if c.dep_ in en.PREPOSITIONS and c.i > verb.i):
        for obj in (g for g in prep.children if g.dep_ in en.PREP_OBJECTS):
            for by in (b for b in obj.children if b.dep_ in en.PREPOSITIONS and b.lower_ == "by"):
                agent = next((g for g in by.children if g.dep_ in en.PREP_OBJECTS), None)
                if agent is None or is_instrument(agent) or agent.pos_ not in ("NOUN", "PROPN"):
                    continue
                named = agent.tag_ in ("NNS", "NNP", "NNPS")
                if named or any(c.dep_ in en.DETERMINERS for c in agent.children):
                    return agent
    return None


def passive_subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in en.PASSIVE_SUBJECTS:
            return child
    return None


def object_of(verb: Token, particle: Token | None = None) -> Token | None:
    """The object of the trigger's own particle ("call on X"), else the direct object, else the
    object of "on"/"against"/"upon"/"at" (attacks on X, fired at X)."""
    if particle is not None:
        for obj in particle.children:
            if obj.dep_ in en.PREP_OBJECTS | en.OBJECTS:
                return obj
    for child in verb.children:
        if child.dep_ in en.OBJECTS:
            return child
    for prep in _TARGET_PREPS:
        for child in verb.children:
            if child.dep_ in en.PREPOSITIONS | en.PARTICLES and child.lower_ == prep and child.i > verb.i:
                for obj in child.children:
                    if obj.dep_ in en.PREP_OBJECTS and obj.ent_type_ not in ("DATE", "TIME"):
                        return obj  # "fired on Monday", "at dawn": when, not at whom
    # particle verbs parsed with the object on the particle: "called on Washington"
    for child in verb.children:
        if child.dep_ in en.PARTICLES:
            for obj in child.children:
                if obj.dep_ in en.PREP_OBJECTS | en.OBJECTS:
                    return obj
    return None


# Prepositions of time whose object is an occurrence of its own, told as the clock of another:
# "lost his job following his arrest", "called for protests after the killing of seven".
ANCHOR_PREPS = frozenset(["after", "following", "before", "since", "during", "amid", "despite"])


def governing_verb(noun: Token, max_steps: int = 4) -> Token | None:
    """The verb a noun trigger depends on ("launched an offensive", "agreed to a truce",
    "proposed the introduction of a cease-fire"). Through an intermediate noun only when that noun
    is the verb's object: "began with the introduction of a ceasefire" reports no ceasefire."""
    tok, via_noun = noun, False
    for _ in range(max_steps):
        if tok.dep_ in en.OBJECTS | en.PASSIVE_SUBJECTS | en.ATTRIBUTES | en.OBJECT_PREDICATES:
            return tok.head if tok.head.pos_ in ("VERB", "AUX") else None
        if tok.dep_ in en.PREP_OBJECTS and tok.head.dep_ in en.PREPOSITIONS:
            if tok.head.lower_ in ANCHOR_PREPS:
                return None  # "called for protests after the killing": the time of it, not its doer's act
            tok = tok.head.head
            if tok.pos_ in ("VERB", "AUX"):
                return None if via_noun else tok
            via_noun = True
            continue
        if tok.dep_ in en.COMPOUNDS | en.CONJUNCTS | en.APPOSITIONS:
            tok = tok.head
            continue
        return None
    return None


def noun_actor(noun: Token) -> Token | None:
    """The doer named on a noun trigger itself: "Russia's airstrikes", "attacks by X",
    "the massacre committed by X", "Russian airstrikes"."""
    for child in noun.children:
        if child.dep_ in en.POSSESSIVES and possessed_patient(noun) is None:
            return child
    sides = hyphen_sides(noun)
    if sides is not None:
        return sides[0]
    for child in noun.children:
        if child.dep_ in en.PREPOSITIONS and child.lower_ == "by":
            for obj in child.children:
                if obj.dep_ in en.PREP_OBJECTS:
                    return obj
        if (
            child.dep_ in en.PREPOSITIONS and child.lower_ == "from"
        ):  # "came under attack from Taliban fighters"
            for obj in child.children:
                if obj.dep_ in en.PREP_OBJECTS and _can_do(obj):
                    return obj
        if child.dep_ in en.PREPOSITIONS and child.lower_ == "between":  # "clashes between X and Y": X
            pair = _between(child)
            if pair is not None:
                return pair[0]
        if child.dep_ in en.CLAUSAL_MODIFIERS and child.tag_ == "VBN":  # "committed by", "carried out by"
            agent = agent_of(child)
            if agent is not None:
                return agent
    return modifier_doer(noun)


# Kinds of party that do things to others (a people or civilians are not doers by a modifier:
# "civilian casualties").
_DOER_KINDS = frozenset(
    "state military police rebel militia terrorist-designated government international-org "
    "political-party".split()
)
# "X-led", "X-backed": the doer is X ("a Saudi-led offensive", "a US-backed operation").
_LED = frozenset("lead back sponsor direct command spearhead".split())


def names_party(tok: Token) -> bool:
    """Does a modifier name a party that acts: a state or its demonym ("Russian", "US"), a named
    group ("Taliban", "IS"), a force or government ("the army", "junta", "police", "regime")? A
    city or a capital does not ("the Kabul attack" is where it was, not who did it)."""
    if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "LOC", "FAC"):
        return False
    if tok.like_num or (tok.is_stop and not tok.text.isupper()):  # "US", "IS" are names
        return False
    words = [c for c in tok.lefts if c.dep_ in en.COMPOUNDS and c.i >= tok.i - 3] + [tok]
    verdict = _party_words(" ".join(t.text for t in sorted(words, key=lambda t: t.i)))
    if verdict is not None:
        return verdict
    # a creed or movement the model names that the dictionary does not know ("an Islamist
    # attack"); not any organisation: "the Charlie Hebdo attack" names what was hit
    return tok.ent_type_ == "NORP" and tok.pos_ in ("PROPN", "ADJ")


@lru_cache(maxsize=8192)
def _party_words(text: str) -> bool | None:
    """True / False when the actor dictionary tells whether the words name a party that acts,
    None when it does not know them."""
    from polemos.resolve.actors import get_dictionary
    from polemos.resolve.actors_text import tokenize

    dictionary = get_dictionary()
    matches = dictionary.matcher.find(tokenize(text))
    if matches and all(m.how == "capital" for m in matches):
        return False
    ref = dictionary.resolve(text, 0, len(text))
    if ref.name is None and ref.kind is None and not text.endswith("s"):
        ref = dictionary.resolve(text + "s", 0, len(text) + 1)  # "a Maoist attack": the Maoists
    if ref.kind in ("civilians", "protesters"):
        return False
    if ref.kind in _DOER_KINDS or (ref.name is not None and ref.kind not in (None, "unknown", "media")):
        return True
    return None if ref.kind is None else False


def modifier_doer(noun: Token) -> Token | None:
    """The doer a noun's own modifiers name: "a junta airstrike", "a Russian missile strike" (on
    the noun or on one of its compounds), "a Saudi-led offensive", "IS attacks"."""
    from polemos.extraction.instruments import is_instrument

    stack = [c for c in noun.lefts if c.dep_ in en.ADJECTIVAL_MODIFIERS | en.COMPOUNDS | en.NOUN_MODIFIERS]
    seen = 0
    while stack and seen < 8:
        child = stack.pop(0)
        seen += 1
        if _against(child):
            continue  # "an anti-government protest": the government is what it is against
        if child.tag_ == "VBN" and child.lemma_.lower() in _LED:
            led = [
                g
                for g in child.lefts
                if g.dep_
                in en.NOUN_ADVERBIALS
                | en.COMPOUNDS
                | en.NOUN_MODIFIERS
                | en.ADJECTIVAL_MODIFIERS
                | en.SUBJECTS
            ]
            if led and names_party(led[-1]):
                return led[-1]
            continue
        if names_party(child) and _only_means_between(child, noun):
            return child
        # through the weapon or the kind of strike ("a US drone strike", "a Hamas rocket attack"),
        # not through what was hit ("a police station attack", "an army base attack")
        if is_instrument(child) or child.lower_ in MEANS:
            stack += [
                c for c in child.lefts if c.dep_ in en.ADJECTIVAL_MODIFIERS | en.COMPOUNDS | en.NOUN_MODIFIERS
            ]
    return None


_AGAINST = frozenset(("anti", "counter", "pro", "non"))
MEANS = frozenset(
    "air aerial artillery missile rocket suicide ground naval tank sniper gunship helicopter warplane jet "
    "drone mortar".split()
)


def _only_means_between(modifier: Token, noun: Token) -> bool:
    """Between a doer and its event noun stand only words of means ("a US drone strike", "a
    Hamas rocket attack"), never what was hit ("an army base attack", "a government building")."""
    from polemos.extraction.events import is_event_noun
    from polemos.extraction.instruments import is_instrument

    for tok in modifier.doc[modifier.right_edge.i + 1 : noun.i]:
        if tok.is_punct or tok.lower_ in MEANS or is_instrument(tok) or is_event_noun(tok):
            continue
        return False
    return True


def _against(tok: Token) -> bool:
    """ "anti-government", "pro-Russian", "counter-terrorism": a stance, not a doer."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text in ("-", "–") and doc[tok.i - 2].lower_ in _AGAINST:
        return True
    return tok.i >= 1 and doc[tok.i - 1].lower_.rstrip("-") in _AGAINST


# Verbs of dying or being hurt whose "in" / "during" phrase names the act that caused it.
_SUFFER = frozenset("kill die injure wound hurt maim perish".split())
_CAUSE_PREPS = frozenset(("in", "during", "by", "from"))


def cause_doer(verb: Token, is_event: Callable[[Token], bool]) -> Token | None:
    """ "killed in a Taliban ambush", "died in IS attacks", "wounded during the army's shelling":
    the doer the cause phrase's event noun names."""
    if verb.lemma_.lower() not in _SUFFER:
        return None
    for clause in verb.children:  # "ten people were killed when Russian missiles struck the city"
        if clause.dep_ in en.ADVERBIAL_CLAUSES and any(m.lower_ in ("when", "as") for m in clause.children):
            subject = next((c for c in clause.children if c.dep_ in en.SUBJECTS), None)
            if subject is not None and (is_event(subject) or _is_instrument(subject)):
                return noun_actor(subject)
            if subject is not None and subject.lower_ not in PRONOUNS and names_party(subject):
                return subject
    for prep in verb.children:
        if prep.dep_ not in en.PREPOSITIONS | en.AGENTS or prep.lower_ not in _CAUSE_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ not in en.PREP_OBJECTS:
                continue
            if is_event(obj):
                doer = noun_actor(obj)
                if doer is not None:
                    return doer
            # "in IS attacks", "in Russian shelling" mis-parsed with the party as the object: a party
            # named before an event noun
            nxt = obj.doc[obj.i + 1] if obj.i + 1 < len(obj.doc) else None
            if nxt is not None and nxt.head.i in (obj.i, verb.i) and is_event(nxt) and names_party(obj):
                return obj
    return None


def _is_instrument(tok: Token) -> bool:
    from polemos.extraction.instruments import is_instrument

    return is_instrument(tok)


def result_victim(head: Token) -> Token | None:
    """The one a violent act's result clause names: "an explosion ..., killing 168 people", "the
    attack, which killed three people", "a blast which injured several people"."""
    for child in head.children:
        if (
            child.dep_ in en.ADVERBIAL_CLAUSES | en.RELATIVE_CLAUSES | en.CLAUSAL_MODIFIERS
            and child.lemma_.lower() in _SUFFER | {"claim"}
        ):
            if child.dep_ in en.ADVERBIAL_CLAUSES and child.tag_ != "VBG":
                continue
            obj = next((o for o in child.children if o.dep_ in en.OBJECTS), None)
            if obj is not None:
                return lives_of(obj)
    return None


def of_object(tok: Token) -> Token | None:
    """The object of a noun's "of" phrase ("the lives of 20 people" -> people), or None."""
    for child in tok.children:
        if child.dep_ in en.PREPOSITIONS and child.lower_ == "of":
            obj = next((o for o in child.children if o.dep_ in en.PREP_OBJECTS), None)
            if obj is not None:
                return obj
    return None


def lives_of(tok: Token) -> Token:
    """ "the lives of 20 people": the people, not their lives."""
    if tok.lemma_.lower() == "life":
        return of_object(tok) or tok
    return tok


def _can_do(tok: Token) -> bool:
    from polemos.extraction.lexicon import could_act

    return names_party(tok) or (tok.ent_type_ not in ("GPE", "LOC", "FAC") and could_act(tok))


def _between(prep: Token) -> tuple[Token, Token] | None:
    """The two sides of "between X and Y"."""
    for obj in prep.children:
        if obj.dep_ in en.PREP_OBJECTS:
            other = next((c for c in obj.children if c.dep_ in en.CONJUNCTS), None)
            if other is not None:
                return obj, other
    return None


# Nouns of a fight between two sides, which a hyphenated pair can name ("a police-student clash").
_TWO_SIDED = frozenset("clash skirmish scuffle confrontation encounter fight fighting battle".split())


def hyphen_sides(noun: Token) -> tuple[Token, Token] | None:
    """The two sides of "an X-Y clash" ("police-vhp clash", "police-public clashes"): the words
    joined by the hyphen right before a two-sided fight noun, in the order written."""
    if noun.lemma_.lower() not in _TWO_SIDED or noun.i < 3:
        return None
    doc = noun.doc
    first, dash, second = doc[noun.i - 3], doc[noun.i - 2], doc[noun.i - 1]
    if dash.text not in ("-", "–") or first.whitespace_ or dash.whitespace_:
        return None
    if not (first.is_alpha and second.is_alpha) or first.is_stop or second.is_stop or second.head.i != noun.i:
        return None
    return first, second


def _is_hyphen_side(token: Token) -> bool:
    doc = token.doc
    for offset in (1, 3):  # the second side stands right before the noun, the first three before
        if token.i + offset < len(doc):
            sides = hyphen_sides(doc[token.i + offset])
            if sides is not None and token in sides:
                return True
    return False


def noun_target(noun: Token) -> Token | None:
    """ "attack on X", "strikes against X", "clashes between Y and X", "an X-Y clash"."""
    sides = hyphen_sides(noun)
    if sides is not None:
        return sides[1]
    for child in noun.children:
        if child.dep_ in en.PREPOSITIONS and child.lower_ == "between":
            pair = _between(child)
            if pair is not None:
                return pair[1]
        if child.dep_ in en.PREPOSITIONS and child.lower_ in _TARGET_PREPS:
            for obj in child.children:
                if obj.dep_ in en.PREP_OBJECTS and obj.ent_type_ not in ("DATE", "TIME"):  # not "on Monday"
                    return obj
    prep = noun.head
    if (
        noun.dep_ in en.PREP_OBJECTS
        and prep.lower_ == "under"
        and prep.head.lemma_.lower() in ("come", "be", "remain")
    ):
        # "the convoy came under attack", "the town is under fire"
        return next((c for c in prep.head.children if c.dep_ in en.SUBJECTS), None)
    return None


def conjuncts(token: Token) -> list[Token]:
    """Tokens coordinated with token: "Lavrov and Kerry" -> [Kerry]."""
    return [c for c in token.children if c.dep_ in en.CONJUNCTS]


def sufferer(noun: Token) -> Token | None:
    """The one a noun event harmed, told by the verb whose cause phrase it is: "scores died in the
    attacks", "five people were killed in an ambush", "he was wounded during the shelling",
    "X died after a gunfight", "the building was shattered by an explosion"."""
    tok = noun
    for _ in range(2):  # "during an hour of concentrated bombing": up the "of" phrase
        if tok.dep_ in en.PREP_OBJECTS and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
            tok = tok.head.head
    prep = tok.head
    if tok.dep_ in en.PREP_OBJECTS and prep.dep_ in en.AGENTS:
        # "the building was shattered by an explosion": what the passive's subject underwent
        return next((c for c in prep.head.children if c.dep_ in en.PASSIVE_SUBJECTS), None)
    if (
        tok.dep_ not in en.PREP_OBJECTS
        or prep.dep_ not in en.PREPOSITIONS
        or prep.lower_ not in ("in", "during", "after")
    ):
        return None
    if prep.lower_ == "after" and any(c.dep_ in en.NOUN_ADVERBIALS for c in prep.children):
        return None  # "died three days after the bombing": a time since it, not its harm
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in _SUFFER:
        return None
    passive = next((c for c in verb.children if c.dep_ in en.PASSIVE_SUBJECTS), None)
    if passive is not None:
        return passive
    if verb.lemma_.lower() in ("die", "perish"):
        return next((c for c in verb.children if c.dep_ in en.SUBJECTS), None)
    return None


def named(tok: Token | None) -> Token | None:
    """A description with a name in apposition stands for the name: "the alleged killer, Cherif
    Chekatt" -> Cherif Chekatt, "its armed wing, the Qassam Brigades" -> the Qassam Brigades."""
    if tok is None or tok.pos_ != "NOUN":
        return tok
    for child in tok.children:
        if (
            child.dep_ in en.APPOSITIONS
            and child.i > tok.i
            and (child.pos_ == "PROPN" or child.ent_type_ in ("PERSON", "ORG", "NORP"))
        ):
            return child
    return tok


_HARM = frozenset("kill injure wound hurt maim hit strike destroy damage target claim leave".split())


def harmed(noun: Token) -> Token | None:
    """What a noun event that is a verb's subject harmed: "Israeli tank fire killed two soldiers",
    "the blast injured 20", "the strike destroyed a school"."""
    verb = noun.head
    if noun.dep_ not in en.SUBJECTS or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in _HARM:
        return None
    obj = next((c for c in verb.children if c.dep_ in en.OBJECTS), None)
    return lives_of(obj) if obj is not None else None


# Acts whose possessive is the one they were done to: "the journalist's murder", "his arrest".
_PATIENT_NOUNS = frozenset(
    "killing murder assassination death arrest detention abduction kidnapping execution beheading "
    "capture lynching torture disappearance".split()
)


def possessed_patient(noun: Token) -> Token | None:
    """ "the journalist's murder", "the activist's arrest": the possessive underwent the act (with an
    "of" object it is the doer instead: "Russia's killing of civilians")."""
    if noun.lemma_.lower() not in _PATIENT_NOUNS and noun.lower_ not in _PATIENT_NOUNS:
        return None
    if any(c.dep_ in en.PREPOSITIONS and c.lower_ == "of" for c in noun.children):
        return None
    return next((c for c in noun.children if c.dep_ in en.POSSESSIVES), None)


_GIVING = frozenset("give issue deliver send hand serve".split())


def recipient(noun: Token) -> Token | None:
    """Who is given what a noun names: "gave the rebels an ultimatum", "were given an ultimatum",
    "warnings were given to the police", "issued a warning to X"."""
    verb = noun.head
    if noun.dep_ not in en.OBJECTS | en.PASSIVE_SUBJECTS or verb.lemma_.lower() not in _GIVING:
        return None
    for child in verb.children:
        if child.dep_ in en.DATIVES and child.lower_ != "to":
            return child
        if child.dep_ in en.DATIVES | en.PREPOSITIONS and child.lower_ == "to":
            obj = next((o for o in child.children if o.dep_ in en.PREP_OBJECTS), None)
            if obj is not None:
                return obj
    if noun.dep_ not in en.PASSIVE_SUBJECTS:
        return next((c for c in verb.children if c.dep_ in en.PASSIVE_SUBJECTS), None)
    return None
