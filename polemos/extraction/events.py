"""From a parsed article to its events: triggers, roles, modality, counts, dates, places, claims.

One pass a sentence (noise lines skipped): ``drafts`` says which lexicon matches and frames are
events of their own; this module reads their roles, modality, counts, dates and places. ``merge``
then folds restatements (headline, lead, later quote) into one event with ``mentions``.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from polemos.contract.event_types import EVENT_TYPES
from polemos.extraction import forces, roles
from polemos.extraction.attribution import Claimant, one_person, reporting_verbs, sentence_claimants
from polemos.extraction.counts import find_counts
from polemos.extraction.dating import event_date
from polemos.extraction.doctext import doc_text
from polemos.extraction.drafts import (
    CLASH,
    ULTIMATUM,
    Draft,
    candidates,
    draft_of,
    frames,
    unsubsumed,
)
from polemos.extraction.event_places import event_locations, place_actor, place_target
from polemos.extraction.instruments import is_instrument, is_said, used_against
from polemos.extraction.lexicon import could_act, support_verbs, verb_lemma
from polemos.extraction.lines import list_item
from polemos.extraction.modality import modality
from polemos.extraction.numbers import VAGUE
from polemos.extraction.place_anaphora import anaphoric_places
from polemos.lang.en import labels as en
from polemos.read.noise import find_datelines, in_noise, past_dateline, sentence_noise
from polemos.resolve.actors import get_dictionary
from polemos.types import Article, Count, PlaceRef, Span, TimeRef

SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# Weapons that stand as grammatical subjects ("shells hit a market") but are not doers.
INSTRUMENTS = frozenset(
    "shell rocket missile bomb mortar grenade bullet round projectile drone mine ied explosive car "
    "vehicle munition artillery barrel".split()
)


def headline_end(text: str) -> int | None:
    """End of the first line when it reads as a headline (short, no closing period)."""
    first = text.split("\n", 1)[0]
    if "\n" not in text or not first.strip() or len(first) > 200 or first.rstrip().endswith((".", "?", '"')):
        return None
    return len(first)


def read_events(
    doc: Doc, article: Article, places: list[PlaceRef], times: list[TimeRef], noise: tuple[Span, ...]
) -> list[Draft]:
    """Event drafts of every reporting sentence, in text order."""
    sents = list(doc.sents)
    title_end = headline_end(doc_text(doc))
    datelines = find_datelines(doc_text(doc))
    claimants = sentence_claimants(doc, sents, title_end)
    drafts: list[Draft] = []
    lines = sentence_noise(noise)
    for i, sent in enumerate(sents):
        if not sent.text.strip() or in_noise(lines, sent.start_char, sent.end_char) or list_item(sent):
            continue
        evidence = past_dateline(_trimmed(doc, sent), datelines)
        found = [draft_of(m, i, evidence) for m in candidates(sent)]
        found += frames(sent, i, evidence)
        found = unsubsumed(found)
        sent_places = [p for p in places if sent.start_char <= p.start < sent.end_char]
        sent_times = [
            t
            for t in times
            if sent.start_char <= t.start < sent.end_char
            and t.start_date is not None  # "now", "in the past": references, not dates
            and not in_noise(noise, t.start, t.end)
        ]
        counts = find_counts(sent)
        owners = _count_owners(doc, counts, found)
        for d in found:
            d.in_headline = title_end is not None and sent.start_char < title_end
            d.claimant = claimants[i]
            d.modality = modality(d.head, d.governor) if d.entry is not ULTIMATUM else "threatened"
            _roles(d, sent, claimants[i], drafts)
            own, basis = d.actor, d.actor_basis
            forces.complete_roles(d, sent, claimants[i], drafts)  # police and lower-case constructions
            completed, completed_basis = d.actor, d.actor_basis
            if _overlaps(d.actor, datelines):  # "ahmedabad: police on sunday arrested …"
                d.actor = forces.subject_besides(d, [(s.start, s.end) for s in datelines])
            d.target = None if _overlaps(d.target, datelines) else d.target
            place_actor(d, sent_places)
            place_target(d, sent_places)
            # a doer's tie holds only for the doer it was read with ("claimed" by _roles, "inferred"
            # by complete_roles); any other change of doer is one the words state
            if d.actor == own:
                d.actor_basis = basis
            elif not (d.actor == completed and completed_basis != basis):
                d.actor_basis = None
            d.locations = event_locations(d, sent_places)
            d.locations += anaphoric_places(doc, d.head, places)  # "in the town": the town named before
            d.date = event_date(
                d, sent, sent_times, claimants[i], article.published, [o for o in found if o is not d]
            )
            d.counts = _counts(d, [c for c, owner in zip(counts, owners, strict=True) if owner in (None, d)])
            toll = None if "killed" in d.counts or d.type != "ASSAULT" else forces.death_by(d)
            d.counts = d.counts if toll is None else {**d.counts, "killed": toll}
        drafts.extend(found)
    return drafts


def _trimmed(doc: Doc, sent: SpacySpan) -> Span:
    text = sent.text
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    start, end = sent.start_char + lead, sent.end_char - trail
    return Span(start, end, doc_text(doc)[start:end])


def _span_of(tok: Token | None) -> tuple[int, int] | None:
    if tok is None:
        return None
    start, end = roles.np_bounds(tok)
    doc = tok.doc
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _roles(d: Draft, sent: SpacySpan, claimant: Claimant | None, earlier: list[Draft]) -> None:
    head = d.head
    actor = target = None
    if d.entry is CLASH:
        left = [t for t in sent if t.i < head.i and not t.is_punct]
        right = [t for t in sent if t.i > head.i and not t.is_punct]
        d.actor = _flat_span(left, head.i, before=True)
        d.target = _flat_span(right, head.i, before=False)
        return
    if d.entry is ULTIMATUM:
        cond = next(
            (
                c
                for c in head.children
                if c.dep_ in en.ADVERBIAL_CLAUSES and any(m.lower_ == "unless" for m in c.children)
            ),
            None,
        )
        actor = roles.subject_of(head)
        target = next((c for c in cond.children if c.dep_ in en.ANY_SUBJECTS), None) if cond else None
    elif head.dep_ in en.CLAUSAL_MODIFIERS and (
        head.tag_ == "VBN" or (head.tag_ == "VBD" and not any(c.dep_ in en.OBJECTS for c in head.children))
    ):
        # "10 Russian soldiers killed in Ukraine": a reduced passive, the noun is what was done to
        # (a participle the tagger read as a past tense: "the six service members killed and …")
        actor, target = roles.agent_of(head), head.head
    elif head.pos_ in ("VERB", "AUX") and _headline_passive(head):
        # "Kabul Hit By Two Car Bombs": a headline's passive without its auxiliary
        actor, target = _by_object(head), roles.subject_of(head)
    elif head.pos_ in ("VERB", "AUX") and _resultative_passive(head):
        # "Police officer shot dead in Kabul": a headline's passive without its auxiliary
        actor, target = roles.agent_of(head), roles.subject_of(head)
    elif head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in _HARMED_SUBJECT:
        # "the man died of his wounds", "suffered gunshot wounds": who died or was hurt is the one
        # done to, the wounds are no party
        actor, target = None, roles.subject_of(head)
    elif head.pos_ in ("VERB", "AUX") or d.entry.pos == "VERB":
        passive = roles.passive_subject(head)
        particle = head.doc[d.trigger_end - 1] if d.trigger_end - d.trigger_begin > 1 else None
        if passive is not None:
            actor, target = roles.agent_of(head), passive
        else:
            actor, target = roles.subject_of(head), roles.object_of(head, particle)
        if head.pos_ not in ("VERB", "AUX") and actor is None and target is None:
            # a headline's noun read by a verb entry ("Clashes between X and Y"): its noun roles
            actor, target = roles.noun_actor(head), roles.noun_target(head)
    else:
        actor = roles.noun_actor(head)
        if actor is not None and d.trigger_begin <= actor.i < d.trigger_end:
            actor = None  # a word of the trigger itself: "Sexual Violence" in a title-case line
        target = roles.noun_target(head)
        if target is None and d.type in ("ASSAULT", "COERCE"):
            # "the killing of Muslims", "the arrest of 20 activists", "the journalist's murder"
            target = _of_object(head) or roles.possessed_patient(head)
        if target is None and d.type == "ACCUSE" and head.lemma_.lower() == "indictment":
            target = _of_object(head)  # "the indictment of three officials": the accused
        if target is None and d.type in ("THREATEN", "REQUEST", "ACCUSE", "SANCTION"):
            target = roles.recipient(head)  # "were given an ultimatum", "issued a warning to X"
        if actor is None and d.governor is not None:
            actor = claimed_by(head, d.governor)
            d.actor_basis = "claimed" if actor is not None else None
        if d.governor is not None and verb_lemma(d.governor) in support_verbs():
            # "X launched an offensive": the doer; "residents reported air strikes": not
            if actor is None:
                actor = roles.subject_of(d.governor)
            obj = roles.object_of(d.governor)
            if target is None and obj is not None and head not in obj.subtree:
                target = obj
    if (
        actor is not None
        and actor.tag_ in ("WDT", "WP")
        and actor.head.dep_ in en.RELATIVE_CLAUSES | en.CLAUSAL_MODIFIERS
    ):
        actor = actor.head.head
        deed = _deed_done_to(actor)
        if deed is not None and head.lemma_.lower() in _HARM_VERBS:
            actor = deed  # "the strike on the village that killed seven": the strike killed, not the village
    if (
        target is not None
        and target.tag_ in ("WDT", "WP")
        and target.dep_ in en.PASSIVE_SUBJECTS
        and target.head.dep_ in en.RELATIVE_CLAUSES
    ):
        target = target.head.head  # "activists who were detained": the noun the pronoun stands for
    if actor is not None and (
        actor.lemma_.lower() in _EVENT_NOUNS()
        or actor.lower_ in _EVENT_NOUNS()
        or actor.lemma_.lower() in INSTRUMENTS
        or is_instrument(actor)
    ):
        # "seven blasts targeted …", "shells hit …": the event or the weapon, not a doer; its own
        # modifiers may name one ("a Russian missile strike hit", "the army's shelling destroyed")
        actor = roles.noun_actor(actor)
    if (
        d.type == "PROTEST"
        and actor is not None
        and actor.head.i == head.i
        and actor.dep_ in en.POSSESSIVES | en.ADJECTIVAL_MODIFIERS | en.COMPOUNDS
        and actor.ent_type_ in ("GPE", "NORP")
    ):
        actor = None  # "Venezuela's protests", "Iranian protests": where, or whose people, not a state
    if actor is None and head.pos_ in ("VERB", "AUX"):
        actor = roles.cause_doer(head, is_event_noun)  # "killed in a Taliban ambush"
    target = _not_instrument(target)
    if d.type == "SANCTION":
        target = _holder(target)
    if target is None and d.type == "ASSAULT":
        target = roles.result_victim(head)  # "an explosion …, killing 168 people"
    if target is None and d.type == "ASSAULT" and head.pos_ == "NOUN":
        # "scores died in the attacks", "tank fire killed two soldiers"
        target = roles.sufferer(head) or _not_instrument(roles.harmed(head))
    if target is None and d.type == "ASSAULT" and head.pos_ == "VERB" and head.tag_ == "VBG":
        # "a youth died in police firing": a gerund told as a noun, the phrase it heads (or, as the
        # parser may read "police firing", the noun it modifies) the cause of the death
        phrase = head.head if head.dep_ in en.CLAUSAL_MODIFIERS and head.head.i < head.i else head
        target = roles.sufferer(phrase)
    actor, target = _named_doer(actor), roles.named(target)
    if d.type in SYMMETRIC and actor is not None:
        # "Lavrov and Kerry discussed X": the second party is the conjunct, not the topic
        conj = roles.conjuncts(actor)
        target = conj[0] if conj else (_with_object(head) or target)
    if d.type == "ACCUSE" and target is not None and is_event_noun(target):
        # "blamed the blast on the Islamic State group": the accused is the "on" phrase
        target = next(
            (
                o
                for c in head.children
                if c.dep_ in en.PREPOSITIONS and c.lower_ == "on"
                for o in c.children
                if o.dep_ in en.PREP_OBJECTS
            ),
            target,
        )
    if d.type in ("MOBILIZE", "PROTEST") and target is not None and target.dep_ in en.OBJECTS:
        target = None  # what is gathered or deployed is not a target
    if (
        d.type == "MOBILIZE"
        and target is not None
        and target.dep_ in en.PREP_OBJECTS
        and target.head.lower_ in ("at", "in", "near", "outside", "around")
    ):
        target = None  # "the police was present at the spot": where the force is, not one done to
    if d.type == "MOBILIZE" and actor is None and target is not None and target.dep_ in en.PASSIVE_SUBJECTS:
        # "300 rapid action force personnel were deployed": the force deployed is who mobilizes,
        # not one done to
        force = _quantified(target) or target
        if force.lemma_.lower() in _UNITS:
            force = roles.of_object(force) or force  # "two companies of the srp were rushed"
        acts = (
            could_act(force)
            or forces.names_force(force)
            or force.lemma_.lower() in ("personnel", "reinforcement")
        )
        actor, target = (target if acts else None), None
    actor, target = _quantified(actor), _quantified(target)
    actor = None if _not_a_party(actor) else actor
    target = None if _not_a_party(target) and not _figure_harmed(target) else target
    d.actor = _resolve_pronoun(actor, sent, claimant, earlier, d.sent_index, d.type)
    if d.actor is None and actor is not None and actor.lower_ in ("they", "he", "she"):
        before = _subject_before(actor, sent)
        if before is not None:
            d.actor, d.actor_basis = _span_of(before), "inferred"  # named in the sentence before
    if (
        d.type == "ASSAULT"
        and actor is not None
        and actor.lower_ in ("we", "it", "they")
        and claimant is not None
        and d.actor == (claimant.start, claimant.end)
    ):
        d.actor_basis = "claimed"  # "the group said it carried out the attack": the doer's own word
    target = _named_with(target)
    d.target = _span_of(target) if target is not None and target.lower_ not in roles.PRONOUNS else None
    if d.actor is not None and actor is not None and conj_of(actor):
        # "Lavrov and Kerry discussed": the actor is the first conjunct only
        start, end = roles.np_bounds(actor)
        doc = actor.doc
        first_end = min(
            [
                c.left_edge.i
                for c in actor.children
                if c.dep_ in en.COORDINATORS | en.CONJUNCTS
                and not (c.ent_iob_ == "I" and c.ent_type_ == actor.ent_type_)
            ]
            + [end]
        )  # not inside the actor's own name ("Jaish-e-Mohammed")
        d.actor = (doc[start].idx, doc[first_end - 1].idx + len(doc[first_end - 1]))


_HARM_VERBS = frozenset("kill injure wound hurt maim".split())
# Verbs whose subject is the one harmed ("died of his wounds", "sustained bullet wounds").
_HARMED_SUBJECT = frozenset({"die", "succumb", "perish", "suffer", "sustain"})


def _deed_done_to(tok: Token) -> Token | None:
    """The event noun whose "of" / "on" / "at" phrase names tok ("the bombing of the hospital",
    "the strike on the village"), or None."""
    prep = tok.head
    if tok.dep_ not in en.PREP_OBJECTS or prep.lower_ not in ("of", "on", "at", "against"):
        return None
    return prep.head if is_event_noun(prep.head) else None


@lru_cache(maxsize=1)
def _EVENT_NOUNS() -> frozenset[str]:  # noqa: N802 (a cached constant)
    from polemos.extraction.lexicon import load_lexicon

    return frozenset(k for k, entries in load_lexicon().items() if any(e.pos == "NOUN" for e in entries))


def is_event_noun(tok: Token) -> bool:
    """A noun the trigger lexicon reads as an event ("attack", "strike", "blast")."""
    return tok.lemma_.lower() in _EVENT_NOUNS() or tok.lower_ in _EVENT_NOUNS()


# Verbs by which a party owns a deed: "claimed responsibility for the attack", "claimed the
# bombing", "the attack was claimed by X", "admitted carrying out the raid".
_OWNING = frozenset("claim admit acknowledge accept own".split())


def claimed_by(noun: Token, governor: Token) -> Token | None:
    """The party that claims the deed a noun names: the subject of "claimed (responsibility for)",
    the "by" agent of "was claimed by"."""
    if governor.lemma_.lower() not in _OWNING:
        return None
    if noun.dep_ in en.PASSIVE_SUBJECTS:
        return roles.agent_of(governor)
    subject = roles.subject_of(governor)
    if subject is None or subject.lower_ in roles.PRONOUNS or is_event_noun(subject):
        return None
    return subject


def _of_object(noun: Token) -> Token | None:
    """The one a violent or coercive act noun was done to: "the killing of Muslims", "the
    abduction of a businessman", "the arrest of 20 activists" (not "a series of attacks")."""
    for child in noun.children:
        if child.dep_ in en.PREPOSITIONS and child.lower_ == "of" and child.i == noun.i + 1:
            obj = next((o for o in child.children if o.dep_ in en.PREP_OBJECTS), None)
            if obj is not None and not is_event_noun(obj) and not is_instrument(obj):
                return obj
    return None


def _named_doer(tok: Token | None) -> Token | None:
    """A doer's name in apposition when the dictionary knows it ("its armed wing, the Qassam
    Brigades"); an office stays ("the interior minister, Christophe Castaner" is the ministry's)."""
    name = roles.named(tok)
    if name is None or name is tok:
        name = _described_as(tok)
    if name is None:
        return tok
    start, end = roles.np_bounds(name)
    doc = name.doc
    text = doc[start:end].text
    return name if get_dictionary().resolve(text, 0, len(text)).name is not None else tok


def _described_as(tok: Token | None) -> Token | None:
    """The party a description is said to be, after it: "the group, known as ISIS-K", "a group
    called the Islamic State of Iraq", "the militants, members of al-Shabaab" (the caller keeps it
    only when the dictionary knows it: "the men, two brothers from the town" stay the men)."""
    if tok is None or tok.pos_ != "NOUN" or tok.lemma_.lower() not in _DESCRIPTIONS:
        return None  # "Prayer leader, ANA official gunned down": two victims, not one described
    for child in tok.children:
        if child.i < tok.i:
            continue
        lemma = child.lemma_.lower()
        if child.dep_ in en.APPOSITIONS:
            return child
        if child.dep_ not in en.CLAUSAL_MODIFIERS or child.tag_ != "VBN":
            continue
        if lemma in ("know", "call", "name"):
            for c in child.children:
                if c.dep_ in en.PREPOSITIONS and c.lower_ == "as":
                    return next((o for o in c.children if o.dep_ in en.PREP_OBJECTS), None)
                if c.dep_ in en.OBJECT_PREDICATES:
                    return c
    return None


# Words that describe an armed party without naming it.
_DESCRIPTIONS = frozenset(
    """group organisation organization outfit faction movement militia militant attacker gunman
    gunmen fighter insurgent rebel jihadist extremist""".split()
)
_REFLEXIVES = frozenset("himself herself itself themselves myself ourselves yourself yourselves".split())
# What a sanction freezes belongs to the party it is aimed at: "froze the assets of the group".
_HOLDINGS = frozenset("asset account fund property holding".split())


def _holder(tok: Token | None) -> Token | None:
    """The owner of frozen assets ("the assets of X", "X's accounts"), else the assets themselves."""
    if tok is None or tok.lemma_.lower() not in _HOLDINGS:
        return tok
    for child in tok.children:
        if child.dep_ in en.PREPOSITIONS and child.lower_ in ("of", "belonging"):
            obj = next((o for o in child.children if o.dep_ in en.PREP_OBJECTS), None)
            if obj is not None:
                return obj
        if child.dep_ in en.POSSESSIVES and child.tag_ != "PRP$":  # not "their assets"
            return child
    return tok


def _not_instrument(tok: Token | None) -> Token | None:
    """What was used is not the target: "fired rockets at the airport" (the airport), "detonated
    an explosive device at a wedding" (the wedding), "burst tear-gas shells" (none); what is said
    ("a statement") is no target either; "the lives of 20 people" are the people."""
    if tok is None or is_said(tok) or tok.lower_ in _REFLEXIVES:
        return None  # "blew himself up", "detonated himself": the doer, not one it was done to
    if is_instrument(tok):
        return used_against(tok)
    return roles.lives_of(tok)


def _headline_passive(verb: Token) -> bool:
    """ "Kabul Hit By Two Car Bombs", "Convoy Attacked By Gunmen": a past participle with a subject,
    a "by" phrase and no auxiliary or object."""
    if verb.tag_ != "VBN" or any(
        c.dep_ in en.AUXILIARIES | en.PASSIVE_AUXILIARIES | en.OBJECTS for c in verb.children
    ):
        return False
    return any(c.dep_ in en.SUBJECTS for c in verb.children) and _by_object(verb) is not None


def _by_object(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in en.PREPOSITIONS | en.AGENTS and child.lower_ == "by":
            return next((o for o in child.children if o.dep_ in en.PREP_OBJECTS), None)
    return None


def _resultative_passive(verb: Token) -> bool:
    """ "X shot dead", "Y beaten to death": no object, a result phrase; the subject is the victim."""
    children = list(verb.children)
    if any(c.dep_ in en.OBJECTS | en.AUXILIARIES | en.PASSIVE_AUXILIARIES for c in children):
        return False
    return any(
        (
            c.dep_ in en.OBJECT_PREDICATES | en.ADJECTIVAL_COMPLEMENTS | en.ADVERBIAL_MODIFIERS
            and c.lower_ == "dead"
        )
        or (c.dep_ in en.PREPOSITIONS and c.lower_ == "to" and any(o.lower_ == "death" for o in c.children))
        for c in children
    )


def conj_of(tok: Token | None) -> bool:
    return tok is not None and any(c.dep_ in en.CONJUNCTS for c in tok.children)


def _with_object(head: Token) -> Token | None:
    for child in head.children:
        if child.dep_ in en.PREPOSITIONS and child.lower_ == "with":
            for obj in child.children:
                if obj.dep_ in en.PREP_OBJECTS:
                    return obj
    return None


def _flat_span(tokens: list[Token], pivot: int, before: bool) -> tuple[int, int] | None:
    """The words next to "vs" up to a comma: "Soldiers vs Boko Haram , Borno"."""
    run: list[Token] = []
    seq = reversed(tokens) if before else iter(tokens)
    for t in seq:
        if abs(t.i - (run[-1].i if run else pivot)) > 1:
            break
        run.append(t)
    if not run:
        return None
    run.sort(key=lambda t: t.i)
    return run[0].idx, run[-1].idx + len(run[-1])


def _resolve_pronoun(
    tok: Token | None,
    sent: SpacySpan,
    claimant: Claimant | None,
    earlier: list[Draft],
    sent_index: int,
    kind: str | None = None,
) -> tuple[int, int] | None:
    """A pronoun doer: "we"/"I" is the speaker; "they"/"he"/"it" the reporter of the sentence's
    statement, else the doer of the previous event of the paragraph — for a protest, not a state
    force there but the ones it acted on ("police arrested 50 bjp workers … they were protesting
    against …": the workers)."""
    if tok is None:
        return None
    low = tok.lower_
    if low not in roles.PRONOUNS:
        return _span_of(tok)
    if low in ("we", "i") and claimant is not None:
        return claimant.start, claimant.end
    if low in ("they", "he", "she", "it"):
        if claimant is not None and any(v.i < tok.i for v in reporting_verbs(sent)):
            return claimant.start, claimant.end
        for d in reversed(earlier):
            if d.actor is not None and d.sent_index >= sent_index - 2:
                if low in ("he", "she") and not one_person(sent.doc, *d.actor):
                    continue  # "he" is not "the police" or "the protesters"
                if kind == "PROTEST" and _names_force_span(sent.doc, d.actor):
                    return d.target
                return d.actor
    return None


def _subject_before(pronoun: Token, sent: SpacySpan) -> Token | None:
    """The party a doer pronoun stands for when no event before it names one: the subject of the
    sentence before (news paragraphs are often one sentence long), a party that agrees with it
    ("Separatist warlords crossed the border. They seized hundreds of hostages": the warlords), not
    a thing ("The talks failed. They ...")."""
    doc = sent.doc
    if sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    subj = next((c for c in prev.root.children if c.dep_ in en.SUBJECTS), None)
    if subj is None or subj.lower_ in roles.PRONOUNS or _not_a_party(subj) or not could_act(subj):
        return None
    nxt = doc[subj.i + 1] if subj.i + 1 < len(doc) else None
    if subj.ent_type_ in ("GPE", "LOC", "FAC") or (nxt is not None and nxt.text == ":"):
        return None  # a place, or a dateline read as a subject ("new delhi: ... he alleged"): no one
    many = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ in en.CONJUNCTS for c in subj.children)
    if pronoun.lower_ == "they":
        return subj if many else None
    return subj if one_person(doc, subj.idx, subj.idx + len(subj)) and not many else None


def _names_force_span(doc: Doc, span: tuple[int, int]) -> bool:
    part = doc.char_span(span[0], span[1], alignment_mode="expand")
    return part is not None and any(forces.names_force(t) for t in part)


_OBJECT_PRONOUNS = frozenset("him her them us me".split())


def _named_with(tok: Token | None) -> Token | None:
    """A pronoun coordinated with a description stands with it: "he and other transit employees
    were given an ultimatum", "police arrested him and two other activists" -> the description."""
    if tok is None or tok.lower_ not in roles.PRONOUNS | _OBJECT_PRONOUNS:
        return tok
    other = next(
        (
            c
            for c in tok.children
            if c.dep_ in en.CONJUNCTS and c.lower_ not in roles.PRONOUNS | _OBJECT_PRONOUNS
        ),
        None,
    )
    return _quantified(other) if other is not None else tok


def _overlaps(span: tuple[int, int] | None, spans: tuple[Span, ...]) -> bool:
    return span is not None and any(s.start < span[1] and span[0] < s.end for s in spans)


# Bodies a force is sent in: "two companies of the srp", "three columns of the army".
_UNITS = frozenset("company column contingent platoon battalion detachment".split())


def _quantified(tok: Token | None) -> Token | None:
    """ "Thousands of protesters", "dozens of gunmen": the party is what is counted."""
    if tok is None or not (tok.like_num or tok.lower_ in VAGUE):
        return tok
    return roles.of_object(tok) or tok


def _not_a_party(tok: Token | None) -> bool:
    """Dates, figures and negated quantifiers ("no group", "nobody") name no doer or target."""
    if tok is None:
        return True
    definite = tok.like_num and any(
        c.dep_ in en.DETERMINERS and c.lower_ in ("the", "all", "these") for c in tok.children
    )
    if (
        tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY")
        and not definite
    ):
        return True  # a figure, not "the three" (people the text has told of)
    if tok.lower_ in ("nobody", "noone", "none", "nothing"):
        return True
    return any(c.dep_ in en.DETERMINERS and c.lower_ in ("no", "neither") for c in tok.children)


def _figure_harmed(tok: Token | None) -> bool:
    """A bare figure told as the one a harm befell names people, not a number: "496 had been
    killed", "three were wounded", "two died", "at least 12 were killed" (the figure is who
    suffered, as "the three" is); as an object ("the blast killed 12") it stays the count it
    gives."""
    if tok is None or not (tok.like_num or tok.lower_ in VAGUE):
        return False
    if any(c.dep_ in en.DETERMINERS and c.lower_ == "no" for c in tok.children):
        return False  # "no one was hurt": nobody
    if any(c.dep_ in en.PREPOSITIONS for c in tok.children):
        return False  # "hundreds of hostages": ``_quantified`` reads the people counted
    lemma = tok.head.lemma_.lower()  # the event's verb, or the one its noun was read through
    if tok.dep_ in en.PASSIVE_SUBJECTS:
        return lemma in _SUFFERED
    return tok.dep_ in en.SUBJECTS and lemma in ("die", "perish")


# Verbs whose passive subject is the one who suffered them.
_SUFFERED = _HARM_VERBS | frozenset("arrest detain abduct kidnap execute behead massacre shoot".split())


def _count_owners(doc: Doc, counts: list[tuple[str, Count]], found: list[Draft]) -> list[Draft | None]:
    """The event each figure belongs to: the nearest trigger above the counted words
    ("massed some 3,000 soldiers" counts for "massed"), or None when no trigger governs it."""
    heads = {d.head.i: d for d in found} | {d.governor.i: d for d in found if d.governor is not None}
    owners: list[Draft | None] = []
    for _, count in counts:
        span = doc.char_span(count.start, count.end, alignment_mode="expand")
        owner = None
        if span is not None:
            for tok in [span.root, *span.root.ancestors]:
                if tok.i in heads:
                    owner = heads[tok.i]
                    break
        owners.append(owner)
    return owners


def _counts(d: Draft, counts: list[tuple[str, Count]]) -> dict[str, Count]:
    out: dict[str, Count] = {}
    for kind, count in counts:
        row = EVENT_TYPES.get(d.type)  # which counts a type keeps: the event-type table
        if kind == "people":
            kind = "size" if row is not None and row.crowd else ""
        if kind in ("killed", "injured", "size") and (row is None or kind not in row.counts):
            continue
        if kind and kind not in out:
            out[kind] = count
    return out
