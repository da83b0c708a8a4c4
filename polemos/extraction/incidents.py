"""Incident assembly: the sentences of an article that tell one incident become one event.

A news story tells its incident again and again: the headline, the lead, a quote, the toll update
("the death toll has risen to 42"), the claim of responsibility, the paragraph that recalls it ("the
attack was the deadliest since January"). Each of those sentences gives a sentence-level event; this
stage folds each into the incident it restates, keeps every figure it gives as a claim, and records
why it was judged the same incident (``Mention.reasons``).

The judgement, in text order, of each event against the incidents already told:

- it cannot be an incident that differs from it in type, modality, country, named place, a named
  party, its date (an undated incident stands at the publication week) or a figure that is not an
  update; nor when the text marks it as another ("also", "in a separate attack", "another blast");
- among those it may be, it joins the one it shares most with (a party, a place, a figure; +2 for a
  headline and its lead, an anaphor such as "the attack" or "Saturday's strike" and a toll update);
- it needs enough: for a violent event one shared thing, or none at all when it brings nothing of its
  own (no place, date, figure or named party) and there is only one incident it can be — in a story of
  one attack, "gunmen opened fire" a paragraph later is that attack, while in a round-up of several
  it could be any of them and stays apart; for other types two, since "called for calm" twice may be
  two callers.

Anaphors take the nearest incident they fit, toll updates and bare mentions the article's main one
(its first), the one a story's later paragraphs keep coming back to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from polemos.extraction.attribution import sentence_claimants
from polemos.extraction.counts import find_counts, number_tokens
from polemos.extraction.doctext import doc_text
from polemos.extraction.events import headline_end, is_event_noun
from polemos.extraction.numbers import parse_quantity
from polemos.lang.en import labels as en
from polemos.read.noise import in_noise
from polemos.resolve.actors import ActorDictionary, ArticleContext
from polemos.types import ActorRef, Article, Count, CountClaim, PlaceRef, Span, TimeRef

from .resolved import Resolved, force_and_other, same_party

VIOLENT = frozenset({"ASSAULT"})
MIN_LINKS = {"violent": 1, "other": 2}
_DATE_SLACK = {"day": 1, "week": 7, "month": 31, "year": 366}

_ANOTHER_ADVERBS = frozenset("also again separately meanwhile too additionally elsewhere".split())
_ANOTHER_MODIFIERS = frozenset(
    "another second third separate other new further fresh earlier previous latest".split()
)
_DEFINITE = frozenset("the this that these those".split())
# Nouns that count the dead of an incident ("the death toll", "the number of dead").
TOLL_NOUNS = frozenset("toll tally count number figure".split())
TOLL_UPDATE_LEMMAS = frozenset(
    "rise climb reach jump increase stand mount grow swell surpass exceed top hit bring raise".split()
    + ["escalate"]
)
# Who the number counts: "the number of dead", "of those who were killed", "of people killed".
_DEAD_WORDS = frozenset("dead deaths casualties victims fatalities".split())
_DYING_LEMMAS = frozenset("kill die perish".split())
# "human losses" counts the dead as "the toll" does (a monitor's "human losses rise to 28").
_LOSS_MODIFIERS = frozenset("human civilian".split())


@dataclass(frozen=True)
class Judgement:
    """Whether an event may be an incident told before, and what links them."""

    links: int
    reasons: tuple[str, ...]


def assemble(events: list[Resolved], published: date | None) -> list[Resolved]:
    """Fold each event into the earlier incident it restates; distinct incidents stay apart."""
    incidents: list[Resolved] = []
    for ev in events:
        if another(ev):
            incidents.append(ev)
            continue
        choice = _choose(incidents, ev, published)
        if is_toll_update(ev.draft.head.sent):
            ev.add_figures(toll_figures(ev.draft.head.sent))
            ev.mark_update()
        if choice is None:
            incidents.append(ev)
        else:
            incident, judgement = choice
            incident.absorb(ev, as_mention=True, reasons=judgement.reasons)
    for incident in incidents:
        incident.tell_from(max(incident.parts, key=_completeness))
    return incidents


def _completeness(part: Resolved) -> tuple[bool, int, bool, int]:
    """Which of an incident's sentences tells it most fully, to stand as its evidence: a body
    sentence over the headline, then the one naming most (doer, target, place, date, figure), then
    a verb's clause over a noun's, then the earliest."""
    d = part.draft
    filled = (
        (part.actor is not None)
        + (part.target is not None)
        + any(p.feature != "country" for p in d.locations)
        + (d.date is not None)
        + bool(d.counts)
    )
    return (not d.in_headline, filled, d.head.pos_ in ("VERB", "AUX"), -d.evidence.start)


def _choose(
    incidents: list[Resolved], ev: Resolved, published: date | None
) -> tuple[Resolved, Judgement] | None:
    anaphor = refers_back(ev)
    toll = is_toll_update(ev.draft.head.sent)
    family = "violent" if ev.type in VIOLENT else "other"
    bare = family == "violent" and _brings_nothing(ev)
    # the first body sentence of a type after a headline of that type is the headline's lead
    lead = not ev.in_headline and not any(i.type == ev.type and not i.in_headline for i in incidents)
    best: tuple[tuple[int, int, int], Resolved, Judgement] | None = None
    fitting = 0  # incidents it may be: a bare mention joins one only when it can be no other
    for n, inc in enumerate(incidents):
        if inc.type != ev.type or inc.sent_index == ev.sent_index:
            continue
        j = judge(inc, ev, published, toll=toll, lead=lead and inc.in_headline)
        if j is None:
            continue
        fitting += 1
        extra: tuple[str, ...] = ()
        if anaphor:
            extra = ("refers back to it",)
        elif toll and inc.counts.get("killed") is not None:
            extra = ("updates its toll",)
        j = Judgement(j.links + 2 * bool(extra), j.reasons + extra)
        # most links; for an anaphor then the incident told most often (the story's own) and the
        # nearest; for anything else the first (the story's own)
        rank = (j.links, len(inc.parts), n) if anaphor else (j.links, 0, -n)
        if best is None or rank > best[0]:
            best = (rank, inc, j)
    if best is None:
        return None
    _, inc, j = best
    if j.links >= MIN_LINKS[family] or (bare and j.links == 0 and fitting == 1):
        return inc, Judgement(j.links, j.reasons or ("nothing of its own tells it apart",))
    return None


def _told_as(modality: str) -> str:
    """An event passed on ("reportedly", "aurait") and the same event vouched for are one happening:
    a hedge in one sentence does not make another incident of the next sentence's plain account."""
    return "asserted" if modality == "reported" else modality


def judge(
    a: Resolved, b: Resolved, published: date | None, toll: bool = False, lead: bool = False
) -> Judgement | None:
    """None when ``b`` cannot be incident ``a``; else what links them (which may be nothing).
    ``lead``: ``a`` is a headline and ``b`` the first body sentence of its type."""
    if _told_as(a.modality) != _told_as(b.modality) and not (a.in_headline or b.in_headline):
        return None
    if force_and_other(a.actor, b.actor):
        return None
    reasons: list[str] = []
    for role, x, y, ref in (
        ("doer", a.actor_key, b.actor_key, b.actor),
        ("target", a.target_key, b.target_key, b.target),
    ):
        same = same_party(x, y)
        if same is False:
            return None
        if same and _telling(ref):
            reasons.append(f"same {role}")
    place = places_link(a.locations, b.draft.locations)
    if place is None:
        return None
    if place:
        reasons.append("same place")
    for kind in ("killed", "injured", "size"):
        c = counts_link(a.counts.get(kind), b.draft.counts.get(kind), update=toll)
        if c is None:
            return None
        if c:
            reasons.append(f"same {kind} figure")
    if not dates_meet(a.date, b.date, published):
        return None
    if lead:
        reasons += ["headline and lead", "headline and lead"]  # counts twice: they tell one story
    links = len(reasons)
    return Judgement(links, tuple(dict.fromkeys(reasons)))


# A state's forces and an unnamed "mob" or "gunmen" take part in most incidents an article tells:
# the same one in two sentences says nothing of their being one incident (it still tells them
# apart when it differs).
_EVERYWHERE_KINDS = frozenset(("police", "military"))


def _telling(ref: ActorRef | None) -> bool:
    return ref is not None and ref.name is not None and ref.kind not in _EVERYWHERE_KINDS


def another(ev: Resolved) -> bool:
    """ "They also shelled …", "in another attack", "a separate blast": a new incident; so is the
    deed an act is told as retaliation for ("in retaliation for the killing of …")."""
    head = ev.draft.head
    if _avenged(head):
        return True
    clause = [head] + ([ev.draft.governor] if ev.draft.governor is not None else [])
    dying = any(t.lemma_.lower() in _DYING for t in clause)
    if _days_on(clause) and not dying and not is_toll_update(head.sent):
        return True
    for tok in clause:
        for child in tok.children:
            if child.dep_ in en.ADVERBIAL_MODIFIERS | en.NOUN_ADVERBIALS and child.lower_ in _ANOTHER_ADVERBS:
                return True
            if child.dep_ in en.ADJECTIVAL_MODIFIERS | en.DETERMINERS and child.lower_ in _ANOTHER_MODIFIERS:
                return True
            if child.dep_ in en.PREPOSITIONS:  # "in a separate attack, gunmen killed …", "in one incident"
                for obj in child.children:
                    if obj.dep_ in en.PREP_OBJECTS and any(
                        (
                            g.dep_ in en.ADJECTIVAL_MODIFIERS | en.DETERMINERS
                            and g.lower_ in _ANOTHER_MODIFIERS
                        )
                        or (g.dep_ in en.NUMERIC_MODIFIERS and g.lower_ == "one")
                        for g in obj.children
                    ):
                        return True
    return False


_SPANS = frozenset("day week month year".split())
_DYING = frozenset("die succumb".split())  # "died of his wounds two days later": the same incident


def _days_on(clause: list[Token]) -> bool:
    """ "Days later, X was killed", "two weeks later", "the next day", "the following morning":
    told as a later occurrence, not the incident already told."""
    for tok in clause:
        for child in tok.children:
            words = {g.lemma_.lower() for g in child.children} | {g.lower_ for g in child.children}
            if child.dep_ in en.ADVERBIAL_MODIFIERS and child.lower_ == "later" and words & _SPANS:
                return True
            spans = _SPANS | {"morning", "night"}
            if (
                child.dep_ in en.NOUN_ADVERBIALS
                and child.lemma_.lower() in spans
                and words & {"next", "following"}
            ):
                return True
    return False


_REVENGE = frozenset("retaliation revenge reprisal vengeance response".split())


def _avenged(head: Token) -> bool:
    """ "retaliation for the U.S. killing of Muslims", "revenge for the army's raid": an earlier
    deed, not the incident the sentence tells."""
    tok = head
    while tok.dep_ in en.COMPOUNDS | en.CONJUNCTS and tok.head.i != tok.i:
        tok = tok.head
    prep = tok.head
    return (
        tok.dep_ in en.PREP_OBJECTS
        and prep.lower_ in ("for", "to", "against")
        and prep.head.lemma_.lower() in _REVENGE
    )


def refers_back(ev: Resolved) -> bool:
    """A definite event noun points at an incident already told: "the attack", "this bombing",
    "Saturday's strike", "the attack on the Hayat Hotel" — as the event's own trigger, or as the
    subject of its verb ("The strike destroyed a whole section", "The blast killed two more")."""
    head = ev.draft.head
    if head.pos_ == "NOUN":
        return _definite(head)
    subject = next((c for c in head.children if c.dep_ in en.SUBJECTS), None)
    return subject is not None and subject.pos_ == "NOUN" and is_event_noun(subject) and _definite(subject)


def _definite(noun: Token) -> bool:
    for c in noun.children:
        if c.dep_ in en.DETERMINERS and c.lower_ in _DEFINITE:
            return True
        if c.dep_ in en.POSSESSIVES and (c.ent_type_ in ("DATE", "TIME") or c.lower_ in ("its", "their")):
            return True
    return False


def _brings_nothing(ev: Resolved) -> bool:
    """No place, figure or named party of its own: nothing that could make it another incident."""
    named = [r for r in (ev.actor, ev.target) if r is not None and r.name]
    places = [p for p in ev.draft.locations if p.feature != "country"]
    return not named and not places and not ev.draft.counts and ev.date is None


def is_toll_update(sent: SpacySpan) -> bool:
    """ "The death toll has risen to 42", "bringing the toll to 21", "the number of dead stood at 9"."""
    return bool(_toll_words(sent))


# The last Doc read and its sentences' toll words (token indices), keyed by sentence bounds: a
# sentence is asked once per event in it and once per incident judgement (an identity check keeps
# one Doc, as the actor dictionary's article cache does).
_toll_cache: tuple[Doc, dict[tuple[int, int], list[int]]] | None = None


def _toll_words(sent: SpacySpan) -> list[Token]:
    global _toll_cache
    doc = sent.doc
    cache = _toll_cache  # read once: another thread may replace it with its own Doc's
    if cache is None or cache[0] is not doc:
        cache = _toll_cache = (doc, {})
    known = cache[1]
    key = (sent.start, sent.end)
    if key not in known:
        known[key] = [t.i for t in _read_toll_words(sent)]
    return [doc[i] for i in known[key]]


def _read_toll_words(sent: SpacySpan) -> list[Token]:
    found = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma == "loss" and any(c.lower_ in _LOSS_MODIFIERS for c in tok.children):
            pass  # "human losses"
        elif lemma not in TOLL_NOUNS or (lemma != "toll" and not _of_the_dead(tok)):
            continue
        verb = tok.head
        if verb.i == tok.i:  # a verbless headline, the verb read as a noun: "Toll in X climbs to 300"
            if _to_figures(tok) and any(t.lemma_.lower() in TOLL_UPDATE_LEMMAS for t in tok.subtree):
                found.append(tok)
            continue
        if verb.lemma_.lower() in TOLL_UPDATE_LEMMAS or any(
            v.lemma_.lower() in TOLL_UPDATE_LEMMAS for v in verb.ancestors
        ):
            found.append(tok)
        elif tok.dep_ in en.SUBJECTS | en.PASSIVE_SUBJECTS | en.OBJECTS and verb.lemma_.lower() == "be":
            found.append(tok)  # "the toll is now 42"
    return found


def toll_words(sent: SpacySpan) -> list[Token]:
    """The nouns that count a toll being updated ("toll" in "the death toll rose to 42")."""
    return _toll_words(sent)


def toll_verbs(sent: SpacySpan) -> list[Token]:
    """The verbs that update a toll in the sentence ("rose" in "the death toll rose to 42")."""
    return [tok.head for tok in _toll_words(sent)]


def toll_figures(sent: SpacySpan) -> list[tuple[str, Count]]:
    """The killed / injured figures of a toll sentence: those the count reader classifies, and the
    figure the toll itself reaches ("the toll has risen to 42": 42 killed)."""
    found = [(k, c) for k, c in find_counts(sent) if k in ("killed", "injured")]
    known = {c.start for _, c in found}
    doc = sent.doc
    for toll in _toll_words(sent):
        verb = toll.head
        if verb.i == toll.i:  # a verbless headline: the figures it climbs "to"
            scope = _to_figures(toll)
        else:
            scope = {t.i for t in verb.subtree} - {t.i for t in toll.subtree}
        for start, end in number_tokens(sent):
            qty = None
            while start < end and qty is None:  # a hedge may be the preposition: "risen to 42"
                qty = parse_quantity(doc[start:end].text)
                start += qty is None
            span = doc[start:end]
            if qty is None or span.root.i not in scope or span.start_char in known:
                continue
            kind = (
                "injured"
                if any(t.lemma_.lower() in ("injury", "wound", "injure") for t in toll.subtree)
                else "killed"
            )
            found.append((kind, Count(*qty, span.text, span.start_char, span.end_char)))
            known.add(span.start_char)
    return found


def _to_figures(tok: Token) -> set[int]:
    """The numbers a noun's subtree puts after "to" or "at" ("climbs to 300", "stands at 9")."""
    return {
        t.i
        for t in tok.subtree
        if t.like_num and t.head.dep_ in en.PREPOSITIONS and t.head.lower_ in ("to", "at")
    }


def _of_the_dead(tok: Token) -> bool:
    """ "The number of dead", "of casualties", "of those who were killed", "of people killed"."""
    for prep in tok.children:
        if prep.dep_ not in en.PREPOSITIONS or prep.lower_ != "of":
            continue
        for o in prep.children:
            if o.lower_ in _DEAD_WORDS:
                return True
            if any(
                c.dep_ in en.RELATIVE_CLAUSES | en.CLAUSAL_MODIFIERS and c.lemma_.lower() in _DYING_LEMMAS
                for c in o.children
            ):
                return True
    return False


def places_link(a: list[PlaceRef], b: list[PlaceRef]) -> int | None:
    """1: a shared place (or one inside the other's area); 0: nothing to compare; None: different
    countries, or different named places neither of which contains the other."""
    countries_a = {p.country for p in a if p.country}
    countries_b = {p.country for p in b if p.country}
    if countries_a and countries_b and not countries_a & countries_b:
        return None
    # an unresolved name ("the Hayat Hotel") can be anywhere: it neither links nor contradicts
    named_a = [p for p in a if p.feature != "country" and p.geonameid]
    named_b = [p for p in b if p.feature != "country" and p.geonameid]
    if not named_a or not named_b:
        return 0
    if {_key(p) for p in named_a} & {_key(p) for p in named_b}:
        return 1
    if any(_contains(p, q) or _contains(q, p) for p in named_a for q in named_b):
        return 1
    return None


def _key(place: PlaceRef) -> str:
    return str(place.geonameid) if place.geonameid else (place.name or place.text).casefold()


_AREAS = frozenset({"admin1", "admin2", "region"})


def _contains(area: PlaceRef, place: PlaceRef) -> bool:
    """A province (or district) the other place lies in: "Idlib province" and "Maarat al-Numan".
    Two towns of one province are two places."""
    if area.feature not in _AREAS or not area.name or area.country != place.country:
        return False
    return (place.admin1 or "").casefold() == area.name.casefold()


def counts_link(a: Count | None, b: Count | None, update: bool = False) -> int | None:
    """1: the same figure; 0: nothing to compare, figures close enough to be one toll told by two
    sources, an open figure and a larger one ("at least 20", then 31), or a later update; None:
    figures too far apart to be one incident's."""
    if a is None or b is None or a.best is None or b.best is None:
        return 0
    big, small = max(a.best, b.best), min(a.best, b.best)
    if big == small:
        return 1
    lower = a if a.best <= b.best else b
    if update or small >= 0.7 * big or lower.high is None:
        return 0
    return None


def dates_meet(a: TimeRef | None, b: TimeRef | None, published: date | None) -> bool:
    """Within the coarser precision; an undated incident stands at the publication week."""
    sa, pa = _when(a, published)
    sb, pb = _when(b, published)
    if sa is None or sb is None:
        return True
    slack = max(_DATE_SLACK.get(pa, 1), _DATE_SLACK.get(pb, 1))
    if a is None or b is None:
        # An undated mention is told of the present story; a dated one far from it is not.
        slack = max(slack, 7)
    return abs((sa - sb).days) <= slack


def _when(t: TimeRef | None, published: date | None) -> tuple[date | None, str]:
    if t is not None and t.start_date is not None:
        return t.start_date, t.precision or "day"
    return published, "week"


_AGGREGATE = frozenset("since conflict war insurgency uprising so-far year years decade".split())


def attach_tolls(
    incidents: list[Resolved],
    doc: Doc,
    article: Article,
    countries: Sequence[str],
    actors: ActorDictionary,
    noise: tuple[Span, ...],
    sentences_with_events: set[int],
) -> None:
    """A sentence that only updates the toll ("Later on Thursday, the state government said the
    death toll had risen to 42") tells the article's main violent incident: its figures join that
    incident's claims and the sentence its mentions. A toll of a war or a year ("the death toll
    since the conflict began") is none of the incident's."""
    main = next((r for r in incidents if r.type in VIOLENT), None)
    if main is None:
        return
    sents = list(doc.sents)
    todo = [
        i
        for i, s in enumerate(sents)
        if i not in sentences_with_events
        and not in_noise(noise, s.start_char, s.end_char)
        and is_toll_update(s)
        and not any(t.lower_ in _AGGREGATE for t in s)
    ]
    if not todo:
        return
    text = doc_text(doc)
    claimants = sentence_claimants(doc, sents, headline_end(text))
    for i in todo:
        figures = toll_figures(sents[i])
        if not figures:
            continue
        who = claimants[i]
        ref = None if who is None else actors.resolve(
            text[who.start : who.end], who.start, who.end, countries=countries,
            context=ArticleContext(text, who.start),
        )  # fmt: skip
        for kind, c in figures:
            main.figures.setdefault(kind, []).append(
                CountClaim(c.low, c.best, c.high, c.text, c.start, c.end, ref, update=True)
            )
            main.counts.setdefault(kind, c)
        sent = sents[i]
        start = sent.start_char + len(sent.text) - len(sent.text.lstrip())
        end = sent.end_char - (len(sent.text) - len(sent.text.rstrip()))
        main.add_mention(Span(start, end, text[start:end]), ("updates its toll",))


# Verbs by which one party says another did a deed: "blamed X for the attack", "accused X of
# carrying out the massacre", "held X responsible for the bombing".
_BLAMING = frozenset("blame accuse hold".split())
_VAGUE_KINDS = frozenset({None, "unknown"})


def lend_blame(incidents: list[Resolved]) -> None:
    """An accusation names who did an incident the article tells without naming its doer ("A bomb
    exploded at a market … Officials blamed the Taliban for the attack"): the accused becomes the
    incident's actor, its ``attribution`` "blamed" (another party's word, not a fact the text
    states). The accusation stays an event of its own; an incident whose doer the text names keeps
    it. The deed must be one the article tells: an incident inside the accusation's own phrase, or
    a definite event noun ("the attack", "Monday's bombing") for the article's main incident."""
    violent = [r for r in incidents if r.type in VIOLENT]
    if not violent:
        return
    for acc in incidents:
        head = acc.draft.head
        if acc.type != "ACCUSE" or head.lemma_.lower() not in _BLAMING or acc.target is None:
            continue
        if acc.target.kind in ("civilians",) or (acc.target.name is None and acc.target.kind is None):
            continue
        deed = _blamed_deed(head)
        if deed is None:
            continue
        inside = {t.i for t in deed.subtree}
        own = [
            r
            for r in violent
            if any(p.draft.head.doc is head.doc and p.draft.head.i in inside for p in r.parts)
        ]
        pool = own or ([violent[0]] if _definite(deed) else [])
        for r in pool:
            if r.actor is None or (r.actor.name is None and r.actor.kind in _VAGUE_KINDS):
                r.actor = replace(acc.target, attribution="blamed")


# "X claimed responsibility", "X claimed credit": the deed left unsaid is the one the article tells
_OWNED = frozenset("responsibility credit".split())
_DEED_PREPS = frozenset("for of over".split())


def claims_without_deed(
    incidents: list[Resolved],
    doc: Doc,
    skip: set[int],
    countries: Sequence[str],
    actors: ActorDictionary,
) -> None:
    """ "Gunmen killed nine worshippers … The Pakistani Taliban later claimed responsibility": a
    claim that names no deed owns the article's main incident told before it; the claimant becomes
    its actor (attribution "claimed") where the text names no doer more firmly, and the sentence
    one of its mentions."""
    from polemos.extraction import roles

    text = doc_text(doc)
    for i, sent in enumerate(doc.sents):
        if i in skip:
            continue
        for verb in sent:
            if verb.lemma_.lower() != "claim" or verb.pos_ != "VERB":
                continue
            owned = [c for c in verb.children if c.dep_ in en.OBJECTS and c.lemma_.lower() in _OWNED]
            if not owned or any(c.dep_ in en.NEGATIONS for c in verb.children):
                continue
            if any(
                c.dep_ in en.PREPOSITIONS and c.lower_ in _DEED_PREPS
                for c in (*verb.children, *owned[0].children)
            ):
                continue  # "claimed responsibility for the attack" names its deed: read as an event
            subject = roles.subject_of(verb)
            noun = verb.head
            while noun.dep_ in en.CONJUNCTS and noun.head.i != noun.i:
                noun = noun.head
            if verb.dep_ in en.CLAUSAL_MODIFIERS and noun.dep_ in en.OBJECTS and noun.head.i != noun.i:
                # "called up a newspaper and an officer claiming responsibility": the caller claims
                subject = roles.subject_of(noun.head)
            if subject is None or subject.lower_ in roles.PRONOUNS or subject.pos_ not in ("NOUN", "PROPN"):
                continue
            before = [r for r in incidents if r.type in VIOLENT and min(p.sent_index for p in r.parts) < i]
            if not before:
                continue
            a, b = roles.np_bounds(subject)
            start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1])
            claimant = actors.resolve(
                text[start:end], start, end, countries=countries, context=ArticleContext(text, start)
            )
            if claimant.name is None and claimant.kind in _VAGUE_KINDS:
                continue
            r = before[0]
            if r.actor is None or (r.actor.name is None and r.actor.kind in _VAGUE_KINDS):
                r.actor = replace(claimant, attribution="claimed")
            r.add_mention(Span(sent.start_char, sent.end_char, sent.text), ("claims it",))
            break


def _blamed_deed(verb: Token) -> Token | None:
    """The event noun an accusation blames for: "for the attack", "of carrying out the massacre",
    "responsible for the bombing"."""
    preps = [c for c in verb.children if c.dep_ in en.PREPOSITIONS and c.lower_ in ("for", "of")]
    if any(c.dep_ in en.PREPOSITIONS and c.lower_ == "on" for c in verb.children):  # "blamed the blast on X"
        deed = next((c for c in verb.children if c.dep_ in en.OBJECTS and is_event_noun(c)), None)
        if deed is not None:
            return deed
    for c in verb.children:  # "held X responsible for"
        if (
            c.dep_
            in en.OBJECT_PREDICATES | en.ADJECTIVAL_COMPLEMENTS | en.OPEN_COMPLEMENTS | en.CLAUSAL_COMPLEMENTS
            and c.lower_ == "responsible"
        ):
            preps += [g for g in c.children if g.dep_ in en.PREPOSITIONS and g.lower_ == "for"]
    for prep in preps:
        for obj in prep.children:
            if obj.dep_ in en.PREP_OBJECTS and is_event_noun(obj):
                return obj
            if (
                obj.dep_ in en.PREP_COMPLEMENTS | en.PREP_OBJECTS
            ):  # "of carrying out the massacre", "for attacking"
                inner = next((g for g in obj.children if g.dep_ in en.OBJECTS and is_event_noun(g)), None)
                if inner is not None:
                    return inner
    return None


# Definite descriptions of an armed group that point back at one the article named: "the group",
# "the militants", "the insurgents", "the attackers".
_DESCRIPTION_HEADS = frozenset(
    "group groups militant militants insurgent insurgents fighter fighters jihadist jihadists rebel rebels "
    "extremist extremists attacker attackers gunman gunmen assailant assailants organisation organization "
    "outfit faction movement militia militiamen".split()
)
_ARMED_KINDS = frozenset({"rebel", "militia", "terrorist-designated"})
_ANTECEDENT_SENTENCES = 3


def definite_antecedents(events: list[Resolved]) -> None:
    """A doer told by a definite description the dictionary cannot name ("the militants", "the
    insurgents") takes the armed group named as the doer of an event shortly before it ("Al-Shabaab
    stormed a hotel … the insurgents killed five soldiers"): the actor is then that named mention,
    its span the antecedent's, as a pronoun's is. With no such doer before it, it stays as written."""
    for i, ev in enumerate(events):
        actor = ev.actor
        if actor is None or actor.name is not None or not _description(actor.text):
            continue
        for prev in reversed(events[:i]):
            if prev.sent_index < ev.sent_index - _ANTECEDENT_SENTENCES:
                break
            named = prev.actor
            if named is not None and named.name and named.kind in _ARMED_KINDS and named.start < actor.start:
                ev.actor = replace(named, attribution=actor.attribution)  # its own sentence's tie
                break


def _description(text: str) -> bool:
    words = text.casefold().split()
    return 2 <= len(words) <= 3 and words[0] in ("the", "these", "those") and words[-1] in _DESCRIPTION_HEADS
