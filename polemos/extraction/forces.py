"""Police and security forces as doers where the usual roles find none.

Reports of policing name the doer in ways a subject or a "by" phrase does not, and often in lower
case, where the model's names and parses are weakest:

* a modifier of the act: "police firing", "police bullets", "crpf firing", "army shelling" (the
  lower-case parse often makes the doer the head: "police" <- acl "firing");
* a "by" phrase on a gerund: "rounds of firing by the police";
* for arrests and crowd control told in the passive without a "by" phrase ("were arrested", "tear-gas
  shells were lobbed"), the police or security force the same sentence names as a doer or as the
  source: "the police fired in the air and 50 persons were arrested", "police said 200 persons were
  rounded up". The doer is then a span of the text that names them. A sentence that names no such
  body leaves the doer null, though in these reports arrests are the police's: nulls stay honest.

Which words name a police or security force is the actor dictionary's knowledge (kind police or
military: "police", "cops", "constables", "the crpf", "srp", "rapid action force", "troops").
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from polemos.extraction import roles
from polemos.extraction.attribution import Claimant
from polemos.extraction.doctext import doc_text
from polemos.extraction.drafts import Draft
from polemos.extraction.instruments import is_instrument
from polemos.extraction.lexicon import could_act, object_controller
from polemos.extraction.roles import MEANS
from polemos.lang.en import labels as en
from polemos.types import Count

FORCE_KINDS = frozenset({"police", "military"})
# Acts only a police or security force does to people: their passive takes the force the sentence names.
_POLICING_MODES = frozenset({"arrest", "crowd-control", "police"})
# Of those, the ones whose doer-less passive takes the force the article names anywhere: arrests and
# dispersing a crowd ("the mob was dispersed", "tear-gas shells were burst") are police work in news
# reports; "security was tightened" may be an administration's, so it takes only a force its own
# sentence names.
_INFERRED_MODES = frozenset({"arrest", "crowd-control"})
_MODIFIERS = en.COMPOUNDS | en.ADJECTIVAL_MODIFIERS | en.NOUN_MODIFIERS | en.POSSESSIVES


@lru_cache(maxsize=4096)
def _force_word(text: str) -> bool:
    from polemos.resolve.actors import get_dictionary

    if not text.strip() or not any(c.isalpha() for c in text):
        return False
    return get_dictionary().resolve(text, 0, len(text)).kind in FORCE_KINDS


def names_force(tok: Token) -> bool:
    """Does this word, with the words that make a name with it, name a police or security force?
    ("police", "the crpf jawans", "rapid action force", "policemen"; not "police station")."""
    if tok.pos_ not in ("NOUN", "PROPN", "X"):
        return False
    words = [
        c for c in tok.lefts if c.dep_ in en.COMPOUNDS | en.ADJECTIVAL_MODIFIERS and c.i == tok.i - 1
    ] + [tok]
    return _force_word(" ".join(t.lower_ for t in words)) or _force_word(tok.lower_)


def nominal_doer(head: Token, first: int | None = None) -> Token | None:
    """The force an act's own words name: "police firing", "the crpf's firing", "firing by the
    police", "a police lathi-charge" (a modifier of any word of the trigger from ``first`` on),
    and the lower-case parse "police" <- acl "firing"."""
    words = [head] if first is None else [t for t in head.doc[first : head.i + 1]]
    for word in words:
        stack = [c for c in word.lefts if c.dep_ in _MODIFIERS]
        while stack:  # "a police lathi-charge": police <- lathi <- charge
            child = stack.pop(0)
            if (first is None or child.i < first) and names_force(child):
                return child
            if (first is not None and child.i >= first) or is_instrument(child) or child.lower_ in MEANS:
                # through the trigger's own words or a weapon ("a police lathi-charge", "police
                # tear-gas shells"), not through what was hit ("an army base attack")
                stack += [c for c in child.lefts if c.dep_ in en.COMPOUNDS | en.ADJECTIVAL_MODIFIERS]
    if (
        head.dep_ in en.CLAUSAL_MODIFIERS
        and head.tag_ == "VBG"
        and head.head.i < head.i
        and names_force(head.head)
    ):
        return head.head
    if head.dep_ in en.COMPOUNDS and head.head.i > head.i:
        # "police firing victims": the act is itself a modifier; its own modifiers still say whose
        for child in head.lefts:
            if names_force(child):
                return child
    for child in head.children:
        if child.dep_ in en.PREPOSITIONS | en.AGENTS and child.lower_ == "by":
            obj = next((g for g in child.children if g.dep_ in en.PREP_OBJECTS), None)
            if obj is not None and names_force(obj):
                return obj
    return None


def _passive(head: Token) -> bool:
    if any(c.dep_ in en.PASSIVE_SUBJECTS | en.PASSIVE_AUXILIARIES for c in head.children):
        return not any(c.dep_ in en.AGENTS and _agent_names_party(c) for c in head.children)
    # "the 62 persons arrested in godhra" (not "police arrested 50 workers", a mis-parsed active)
    return (
        head.dep_ in en.CLAUSAL_MODIFIERS | en.ADJECTIVAL_MODIFIERS
        and head.tag_ == "VBN"
        and not any(c.dep_ in en.OBJECTS for c in head.children)
    )


def _agent_names_party(by: Token) -> bool:
    """A passive's "by" phrase names who did it ("dispersed by the police"), not how it was done
    ("dispersed by lobbing tear-gas shells", "by firing in the air")."""
    return not any(
        c.dep_ in en.PREP_COMPLEMENTS or (c.dep_ in en.PREP_OBJECTS and c.tag_ == "VBG") for c in by.children
    )


# Titles a force's name completes before a person's name: "director general of police a k mitra",
# "superintendent of police (rural) j k patel", "commissioner of police".
_TITLES = frozenset(
    "director general inspector superintendent commissioner chief head deputy additional joint "
    "assistant".split()
)


def _titled_source(tok: Token, claimant: Claimant | None) -> bool:
    """ "… additional director general of police a k mitra said": the force names the title of the
    one who reports, the words between it and the claimant being that person's name."""
    return claimant is not None and _titled_before(tok, claimant.start)


def _titled_before(tok: Token, start: int) -> bool:
    """The force names the title of the person whose name begins at character ``start``
    ("director general of police a k mitra")."""
    doc = tok.doc
    parsed = tok.dep_ in en.PREP_OBJECTS and tok.head.lower_ == "of" and tok.head.head.lower_ in _TITLES
    # the words, where the parse made the force a modifier of the name ("Inspector General of
    # Police Ram Singh": Police <- compound Singh)
    worded = tok.i >= 2 and doc[tok.i - 1].lower_ == "of" and doc[tok.i - 2].lower_ in _TITLES
    if not (parsed or worded) or tok.idx >= start:
        return False
    between = [t for t in doc[tok.i + 1 : tok.i + 6] if t.idx < start]
    return len(between) < 5 and all(t.pos_ in ("PROPN", "DET", "NOUN", "PUNCT") for t in between)


def _their_operation(tok: Token, verb: Token) -> bool:
    """ "shells were lobbed during the police action", "arrested in a police raid": the force names
    the operation the act was part of, in a phrase of the act's own verb."""
    if (
        tok.dep_ not in en.COMPOUNDS | en.ADJECTIVAL_MODIFIERS | en.POSSESSIVES
        or tok.head.dep_ not in en.PREP_OBJECTS
    ):
        return False
    prep = tok.head.head
    return prep.dep_ in en.PREPOSITIONS and prep.lower_ in ("in", "during", "by") and prep.head.i == verb.i


def _doer_in_sentence(d: Draft, sent: SpacySpan, claimant: Claimant | None) -> Token | None:
    """A police or security force the sentence names as a doer (a subject, a "by" phrase) or as the
    source of the report ("police said", "according to police"), nearest the act first."""
    found = []
    for tok in sent:
        if tok.i in range(d.trigger_begin, d.trigger_end) or not names_force(tok):
            continue
        # the source of the report: "police said", "said railway police sources", "according to police"
        source = (claimant is not None and claimant.start <= tok.idx < claimant.end) or _titled_source(
            tok, claimant
        )
        according = (
            tok.dep_ in en.PREP_OBJECTS and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"
        )
        operation = _their_operation(tok, d.head)
        modifier = tok.dep_ in en.COMPOUNDS | en.ADJECTIVAL_MODIFIERS | en.POSSESSIVES and not names_force(
            tok.head
        )
        if modifier and not (source or according or operation):
            continue  # "the police station", "the police commissioner's office" keep their own head
        doer = tok.dep_ in en.ANY_SUBJECTS or (tok.dep_ in en.PREP_OBJECTS and tok.head.dep_ in en.AGENTS)
        if doer or source or according or operation:
            found.append(tok)
    if not found:
        speaker = _speaker_force(sent, claimant)
        if speaker is not None:
            d.actor_basis = "inferred"  # named in another sentence, as the one who reports
        return speaker
    return min(found, key=lambda t: abs(t.i - d.head.i))


def _speaker_force(sent: SpacySpan, claimant: Claimant | None) -> Token | None:
    """ "He said security had been tightened", the "he" an officer of police named before: the
    force that names the speaker, where the speaker was named."""
    if claimant is None or sent.start_char <= claimant.start < sent.end_char:
        return None
    doc = sent.doc
    span = doc.char_span(claimant.start, claimant.end, alignment_mode="expand")
    if span is None:
        return None
    inside = [t for t in span if names_force(t)]
    titled = [
        t for t in doc[max(span.start - 6, 0) : span.start] if names_force(t) and _titled_source(t, claimant)
    ]
    found = inside or titled or _titled_earlier(span)
    return found[-1] if found else None


def _titled_earlier(span: SpacySpan) -> list[Token]:
    """ "additional director general of police a k mitra said … mitra said … he said": the speaker's
    name (its last word) given earlier in the article with a police title before it."""
    last = span[-1]
    if last.pos_ not in ("PROPN", "NOUN") or len(last.text) < 3:
        return []
    doc = span.doc
    for tok in reversed(doc[: span.start]):
        if tok.lower_ == last.lower_:
            found = [
                t for t in doc[max(tok.i - 7, 0) : tok.i] if names_force(t) and _titled_before(t, tok.idx)
            ]
            if found:
                return found
    return []


# Acts a force's name stands before: "killed in the police firing" (lower case: "in the police" +
# "firing" is a common mis-parse), "injured in a police lathi-charge", "fell to police bullets".
_ACTS = frozenset(
    "fire firing shooting action lathi lathicharge lathi-charge charge bullet bullets crackdown raid "
    "attack excess excesses atrocity atrocities brutality operation".split()
)


def _force_in_cause(verb: Token) -> Token | None:
    """A passive death or injury's cause phrase that names a force before its act: "killed in the
    police firing", "injured in police action", whatever the parse made of the act's word."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for prep in verb.children:
        if prep.dep_ not in en.PREPOSITIONS | en.AGENTS or prep.lower_ not in ("in", "during", "by", "to"):
            continue
        for obj in prep.children:
            if obj.dep_ not in en.PREP_OBJECTS:
                continue
            chain = _of_chain(obj)
            for act in chain:  # "in 500 rounds of firing by the police"
                doer = nominal_doer(act)
                if doer is not None:
                    return doer
            if len(chain) > 1 and obj.lemma_.lower() in _ACTS and names_force(chain[1]):
                return chain[1]  # "fell to the bullets of the police"
            if not names_force(obj):
                continue
            nxt = obj.doc[obj.i + 1] if obj.i + 1 < len(obj.doc) else None
            if (nxt is not None and nxt.lemma_.lower() in _ACTS) or any(
                c.lemma_.lower() in _ACTS
                for c in obj.children
                if c.dep_ in en.CLAUSAL_MODIFIERS | en.COMPOUNDS | en.ADJECTIVAL_MODIFIERS
            ):
                return obj
    return None


def caused_by_force(head: Token) -> bool:
    """The act's words name a police or security force as its doer: "killed in police firing",
    "police firing", "the police opened fire"."""
    if _force_in_cause(head) is not None or nominal_doer(head) is not None:
        return True
    return any(c.dep_ in en.SUBJECTS and names_force(c) for c in head.children)


def _of_chain(tok: Token) -> list[Token]:
    """A noun and the nouns or gerunds its "of" phrases name: "rounds of firing" -> rounds, firing."""
    out = [tok]
    for _ in range(3):
        nxt = next(
            (g for p in tok.children if p.dep_ in en.PREPOSITIONS and p.lower_ == "of" for g in p.children
             if g.dep_ in en.PREP_OBJECTS | en.PREP_COMPLEMENTS),
            None,
        )  # fmt: skip
        if nxt is None:
            break
        out.append(nxt)
        tok = nxt
    return out


def _case_registered(d: Draft) -> bool:
    """A case, an FIR or a complaint registered: in news of crime and riots the police's own act, so
    its doer-less passive takes the force its sentence names as a doer or as the source ("a case has
    been registered against 20 persons, police said")."""
    return d.type == "ACCUSE" and d.entry.lemma == "register"


def implied_doer(d: Draft, sent: SpacySpan, claimant: Claimant | None) -> Token | None:
    """The police or security force a construction gives as the doer when no subject or agent does
    (see the module's docstring), else None."""
    head = d.head
    if d.type in ("ASSAULT", "COERCE", "MOBILIZE"):
        first = d.trigger_begin if d.trigger_begin < head.i else None
        doer = (
            (first is not None and nominal_doer(head, first)) or nominal_doer(head) or _force_in_cause(head)
        )
        if doer is not None:
            return doer
    if (d.entry.mode in _POLICING_MODES or _case_registered(d)) and (
        head.pos_ not in ("VERB", "AUX") or _passive(head)
    ):
        return _doer_in_sentence(d, sent, claimant)
    if d.entry.mode == "curfew" and (head.pos_ not in ("VERB", "AUX") or _passive(head)):
        # "curfew was clamped in the walled city, police said": an order of the administration
        # that the police enforce (in a police commissionerate they impose it too); only a force
        # the sentence names, and inferred when it is only the report's source
        doer = _doer_in_sentence(d, sent, claimant)
        acts = {head.i} | ({d.governor.i} if d.governor is not None else set())
        own = doer is not None and (
            (doer.dep_ in en.SUBJECTS and doer.head.i in acts)
            or (doer.head.dep_ in en.AGENTS and doer.head.head.i in acts)
        )
        if doer is not None and not own:
            d.actor_basis = "inferred"
        return doer
    return None


def earlier_doer(d: Draft, earlier: list[Draft]) -> tuple[int, int] | None:
    """A passive arrest or act of crowd control with no doer in its own sentence takes the force
    the article last told making an arrest or using force: "police arrested 50 bjp workers … six
    more activists were arrested at maidagin", "the police opened fire … tear-gas shells were
    lobbed to disperse the crowd"; a passive release of people the force that last arrested ("… the
    arrested workers were released later"). The doer is that earlier mention (a span of the text, as a
    pronoun's antecedent is). With no such act before it, the doer stays null."""
    head = d.head
    if head.pos_ in ("VERB", "AUX") and not _passive(head):
        return None
    text = doc_text(head.doc)
    if d.type == "RETREAT" and d.entry.mode == "release":
        # "the arrested workers were released later": released by the force that held them
        for e in reversed(earlier):
            arrest = e.type == "COERCE" and e.entry.mode == "arrest"
            if e.actor is not None and arrest and _force_word(text[e.actor[0] : e.actor[1]]):
                return e.actor
        return None
    if d.entry.mode not in _POLICING_MODES:
        return None
    for e in reversed(earlier):
        acting = (e.type == "COERCE" and e.entry.mode in _POLICING_MODES) or e.type == "ASSAULT"
        if e.actor is not None and acting and _force_word(text[e.actor[0] : e.actor[1]]):
            return e.actor
    if d.entry.mode not in _INFERRED_MODES:
        return None
    named = article_force(head)
    if named is None:
        return None
    d.actor_basis = "inferred"  # the force the article names, not one this act's words give: say so
    return _span(named)


# Where a force's name stands for a place or a thing of theirs, not for the force acting: "the
# police station", "police lines", "police custody" (an act's own word, read as a trigger).
_FORCE_PLACES = frozenset(
    "station stations headquarters hq line lines chowki chowkis outpost post posts limit limits "
    "jurisdiction circle circles area areas colony quarters van vans vehicle vehicles jeep custody "
    "remand record records uniform uniforms".split()
)


def article_force(act: Token) -> Token | None:
    """The police or security force the article names, for an arrest or a dispersal no sentence of it
    gives a doer ("150 workers were arrested from lahurabir", "preventive arrests have been made",
    "the mob was dispersed"): in news reports arrests and dispersals are the police's or a security
    force's, and the one the article names
    ("police said", "the crpf", "a police spokesman") is the doer, a span of the text as a pronoun's
    antecedent is. The nearest mention before the act first, else the nearest after it; an article
    that names no force leaves the doer null."""
    named = [
        tok
        for tok in act.doc
        if tok.i != act.i
        and names_force(tok)
        and not (
            tok.dep_ in en.COMPOUNDS | en.ADJECTIVAL_MODIFIERS | en.NOUN_MODIFIERS
            and tok.head.lower_ in _FORCE_PLACES
        )
    ]
    # the police make arrests: a police mention over a word for other forces ("additional forces
    # were deployed … preventive arrests were made" names the police elsewhere)
    police = [tok for tok in named if _police_word(tok)]
    for group in (police, named):
        before = [tok for tok in group if tok.i < act.i]
        if before:
            return before[-1]
        if group:
            return group[0] if group[0].i > act.i else None
    return None


def _police_word(tok: Token) -> bool:
    from polemos.resolve.actors import get_dictionary

    words = [
        c for c in tok.lefts if c.dep_ in en.COMPOUNDS | en.ADJECTIVAL_MODIFIERS and c.i == tok.i - 1
    ] + [tok]
    text = " ".join(t.lower_ for t in words)
    return get_dictionary().resolve(text, 0, len(text)).kind == "police" or (
        get_dictionary().resolve(tok.lower_, 0, len(tok.lower_)).kind == "police"
    )


def outside_trigger(tok: Token | None, d: Draft) -> Token | None:
    """A role read inside the trigger's own words is a mis-parse of them: "the police lathi -
    charged" makes "police lathi" the subject, "opened fire on the crowd" makes "fire" the object.
    The role is then the words beside the trigger: the compound before it, the object after it."""
    if tok is None or not d.trigger_begin <= tok.i < d.trigger_end:
        return tok
    if tok.dep_ in en.OBJECTS:  # "opened fire on the crowd": the "on" phrase after it
        for word in (tok, d.head):
            for child in word.children:
                after = child.i >= d.trigger_end - 1
                if (
                    after
                    and child.dep_ in en.PREPOSITIONS
                    and child.lower_ in ("on", "at", "against", "upon")
                ):
                    obj = next((g for g in child.children if g.dep_ in en.PREP_OBJECTS), None)
                    if obj is not None:
                        return obj
        return None
    outside = [
        c
        for c in tok.lefts
        if c.dep_ in en.COMPOUNDS | en.ADJECTIVAL_MODIFIERS | en.NOUN_MODIFIERS and c.i < d.trigger_begin
    ]
    return outside[-1] if outside else None


def _token(d: Draft, span: tuple[int, int] | None) -> Token | None:
    if span is None:
        return None
    chars = d.head.doc.char_span(span[0], span[1], alignment_mode="expand")
    return chars.root if chars is not None else None


def _span(tok: Token) -> tuple[int, int]:
    start, end = roles.np_bounds(tok)
    doc = tok.doc
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _direct_object(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in en.OBJECTS), None)


def complete_roles(d: Draft, sent: SpacySpan, claimant: Claimant | None, earlier: list[Draft]) -> None:
    """Correct and complete the doer and the target the parse gave, where lower-case text and the
    constructions of policing mislead it:

    * a participle with a direct object is active ("dharwad: police arrested 50 workers", parsed as
      "police [who were] arrested"): the noun it modifies is the doer, its object the target;
    * a passive whose subject the parse lost ("… being killed in police firing") has no subject
      doer: the one the shared clause gives is the victim's side, not the doer;
    * an infinitive or gerund controlled by an object is done by that object ("forcing the police
      to open fire", "criticised the police for opening fire"); a gerund after a verb's
      preposition by the verb's subject ("the police resorted to firing");
    * a role read inside the trigger's own words moves beside it ("opened fire on the crowd": the
      crowd, not "fire"; "the police lathi - charged": the police);
    * a doer still missing: the force the construction gives (``implied_doer``), else, for a
      passive arrest or act of crowd control, the force the article last told acting
      (``earlier_doer``).
    """
    head = d.head
    actor, target = _token(d, d.actor), _token(d, d.target)
    new_actor, new_target = actor, target
    verb = head.pos_ in ("VERB", "AUX")
    obj = _direct_object(head) if verb else None
    doer_noun = head.head
    if (
        verb
        and head.dep_ in en.CLAUSAL_MODIFIERS
        and head.tag_ == "VBN"
        and obj is not None
        and not doer_noun.like_num
        and (names_force(doer_noun) or could_act(doer_noun))
    ):
        new_actor = actor or head.head
        if target is None or target.i == head.head.i:
            new_target = obj
    elif (
        verb
        and actor is not None
        and any(c.dep_ in en.PASSIVE_AUXILIARIES for c in head.children)
        and not any(c.dep_ in en.PASSIVE_SUBJECTS for c in head.children)
        and not (actor.dep_ in en.PREP_OBJECTS and actor.head.dep_ in en.AGENTS)
    ):
        new_actor = None
    controller = object_controller(head) if verb else None
    if controller is not None:
        new_actor = controller
    elif new_actor is None and head.dep_ in en.PREP_COMPLEMENTS and head.head.dep_ in en.PREPOSITIONS:
        above = head.head.head
        if above.pos_ in ("VERB", "AUX"):
            new_actor = roles.subject_of(above)
    if verb and new_actor is not None and new_actor.dep_ in en.SUBJECTS and _fell_to_bullets(head):
        new_actor, new_target = None, new_target or new_actor  # the fallen are the ones shot
    new_actor, new_target = outside_trigger(new_actor, d), outside_trigger(new_target, d)
    if new_actor is None:
        new_actor = implied_doer(d, sent, claimant)
    if new_actor is not actor and (new_actor is None or actor is None or new_actor.i != actor.i):
        d.actor = _span(new_actor) if new_actor is not None else None
    if new_target is not target and (new_target is None or target is None or new_target.i != target.i):
        d.target = _span(new_target) if new_target is not None else None
    if d.actor is None:
        d.actor = earlier_doer(d, earlier)
    d.actor = _whole_team(d.actor, d)
    d.actor, d.target = _beside_trigger(d.actor, d), _beside_trigger(d.target, d)


# Nouns for a body of people drawn from forces: "a joint team of the ats and the police".
_TEAMS = frozenset("team teams contingent contingents party posse squad detachment unit group".split())
_LIST_DEPS = (
    en.PUNCTUATION
    | en.COORDINATORS
    | en.DETERMINERS
    | en.COMPOUNDS
    | en.ADJECTIVAL_MODIFIERS
    | en.APPOSITIONS
    | en.CONJUNCTS
    | en.PREP_OBJECTS
    | en.NOUN_MODIFIERS
    | en.PREPOSITIONS
)


def _whole_team(span: tuple[int, int] | None, d: Draft) -> tuple[int, int] | None:
    """A doer that is a team of forces spans the forces it lists: "arrested by a joint team of the
    ats, the crime branch and the city police" is done by all of them, not by "a joint team of the
    ats" (the lower-case parse hangs the rest of the list elsewhere). The span runs on from the
    "of" phrase over the list (commas, "and", determiners, names) to its last word for a force."""
    tok = _token(d, span)
    if span is None or tok is None or tok.lemma_.lower() not in _TEAMS:
        return span
    of = next((c for c in tok.children if c.dep_ in en.PREPOSITIONS and c.lower_ in ("of", "from")), None)
    if of is None:
        return span
    doc, last = tok.doc, None
    for word in doc[of.i + 1 : tok.sent.end]:
        if word.is_punct and word.text != ",":
            break
        if word.pos_ in ("VERB", "AUX") or (
            word.dep_ in en.PREPOSITIONS and word.lower_ not in ("of", "from")
        ):
            break
        if word.dep_ not in _LIST_DEPS:
            break
        if names_force(word):
            last = word
    if last is None:
        return span
    end = last.idx + len(last)
    return (span[0], max(span[1], end))


def _beside_trigger(span: tuple[int, int] | None, d: Draft) -> tuple[int, int] | None:
    """A role's words stop short of the trigger's: "shot dead two rioters" has the target "two
    rioters", not "dead two rioters"."""
    if span is None or not (span[0] < d.trigger.end <= span[1] and span[0] >= d.trigger.start):
        return span
    rest = [t for t in d.head.doc[d.trigger_end :] if t.idx < span[1] and not t.is_punct]
    return (rest[0].idx, span[1]) if rest else None


# Verbs that tell a death the act's phrase caused: "died in police firing", "succumbed to the
# firing", "were killed in the lathi-charge", "perished in the shelling".
_DEATH_VERBS = frozenset({"die", "succumb", "perish", "kill", "lose"})
_CAUSE_PREPS = frozenset({"in", "to", "during", "from", "of", "by", "after", "due"})


def death_by(d: Draft) -> Count | None:
    """A death the act caused when the text gives no figure for it: "more members of the minority
    community died in the police firing", "the people who died due to police firing", "a youth
    succumbed to the firing". The killed count is then honest about what the text says: at least
    one (two for a plural subject: "people died"), with the dead's words as its text."""
    head = d.head
    if _fell_to_bullets(head):  # "two youths fell to police bullets": the fallen are the dead
        return _the_dead(head)
    if head.dep_ in en.CLAUSAL_MODIFIERS and head.head.dep_ in en.PREP_OBJECTS and names_force(head.head):
        head = head.head  # the lower-case parse "in police" <- acl "firing"
    prep = head.head if head.dep_ in en.PREP_OBJECTS else None
    if (
        prep is None
        or prep.dep_ not in en.PREPOSITIONS | en.AGENTS | en.PREP_COMPLEMENTS
        or prep.lower_ not in _CAUSE_PREPS
    ):
        return None
    verb = prep.head
    if prep.lower_ == "to" and verb.lower_ == "due":  # "died due to police firing"
        verb = verb.head
    elif prep.lower_ == "to" and prep.dep_ in en.PREP_COMPLEMENTS and prep.head.lower_ == "due":
        verb = prep.head.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in _DEATH_VERBS:
        return None
    passive = any(c.dep_ in en.PASSIVE_AUXILIARIES for c in verb.children) or (
        verb.dep_ in en.CLAUSAL_MODIFIERS | en.RELATIVE_CLAUSES and verb.tag_ == "VBN"
    )
    if verb.lemma_.lower() == "kill" and not passive:
        return None  # "the mob killed two in the firing" is the mob's killing, not the firing's
    if verb.lemma_.lower() == "lose" and not any(c.lower_ in ("life", "lives") for c in verb.children):
        return None
    return _the_dead(verb)


def _fell_to_bullets(verb: Token) -> bool:
    """ "fell to police bullets", "fell to the gunfire": a death told as a fall."""
    return verb.lemma_.lower() == "fall" and any(
        p.dep_ in en.PREPOSITIONS
        and p.lower_ == "to"
        and any(g.lemma_.lower() in _FALL_TO for g in p.children)
        for p in verb.children
    )


_FALL_TO = frozenset({"bullet", "gunfire", "firing"})


def _the_dead(verb: Token) -> Count:
    """The dead a verb of death names (its subject, the noun it modifies), at least one."""
    dead = next((c for c in verb.children if c.dep_ in en.ANY_SUBJECTS), None)
    if dead is not None and dead.tag_ in ("WP", "WDT") and verb.dep_ in en.RELATIVE_CLAUSES:
        dead = verb.head  # "the people who died"
    if dead is None and verb.dep_ in en.CLAUSAL_MODIFIERS:
        dead = verb.head  # "the people killed in police firing"
    if dead is not None and dead.pos_ in ("PRON", "DET") and dead.lower_ not in ("one", "he", "she"):
        dead = None if dead.lower_ in ("it", "that", "which", "this") else dead
    if dead is not None:
        start, end = roles.np_bounds(dead)
        doc = dead.doc
        plural = dead.tag_ in ("NNS", "NNPS") or dead.lower_ in ("they", "we", "people")
        low, best = (2, None) if plural else (1, 1)
        if dead.text.replace(",", "").isdigit():  # "of the 100 that succumbed to the firing"
            low = best = int(dead.text.replace(",", ""))
        return Count(low, best, None, doc[start : end].text, doc[start].idx,
                     doc[end - 1].idx + len(doc[end - 1]))  # fmt: skip
    return Count(1, None, None, verb.text, verb.idx, verb.idx + len(verb))


def subject_besides(d: Draft, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Another subject of the act than the one inside ``spans`` (a dateline the lower-case parse
    made a subject: "ahmedabad: … police on sunday arrested the accused"), else None."""
    for child in d.head.children:
        if child.dep_ not in en.SUBJECTS:
            continue
        span = _span(child)
        if not any(s < span[1] and span[0] < e for s, e in spans):
            return span
    return None
