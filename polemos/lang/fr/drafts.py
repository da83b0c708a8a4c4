"""French drafts: one sentence's triggers and tolls, each a ``Draft`` with its roles, places, date,
figures and source (``extract`` assembles them into the article's incidents).

A sentence gives a draft for each trigger of ``data/triggers.tsv`` and, where no trigger counts its dead,
for each toll ("il y a eu jusqu'à 70 morts"). Background ("depuis des années", "régulièrement") is no
event; "deux autres attaques" is marked as another incident.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from polemos.lang import Trigger
from polemos.lang.fr import actors as fr_actors
from polemos.lang.fr import counts, roles, seize
from polemos.lang.fr.lexicon import (
    GENERIC_CUES,
    MODALITY_CUES,
    MODE_MODIFIERS,
    OTHER_INCIDENT,
    REPORTED,
    REPORTING,
    triggers,
)
from polemos.resolve.places_facility import LOCAL_FEATURES
from polemos.types import Count, PlaceRef, Span, TimeRef

VIOLENT = frozenset({"ASSAULT"})
TOLL = Trigger("mort", "NOUN", "ASSAULT", None, "kill")
CLAIM_OF_RESPONSIBILITY = "revendiquer"


@dataclass
class Draft:
    trigger: Trigger
    head: Token
    span: Span  # the trigger as written
    sent_index: int
    evidence: Span
    mode: str | None
    modality: str = "asserted"
    actor: tuple[int, int] | None = None
    target: tuple[int, int] | None = None
    places: list[PlaceRef] = field(default_factory=list)
    date: TimeRef | None = None
    tolls: list[tuple[str, Count]] = field(default_factory=list)
    claimant: tuple[int, int] | None = None
    toll_only: bool = False
    sub: bool = False  # a toll of one place among several
    other: bool = False  # "deux autres attaques": another incident
    mutual: bool = False  # two sides fighting: "un échange de tirs avec la police", "des affrontements"
    responsibility: bool = False  # "X a revendiqué l'attaque"
    own_place: bool = False  # its places are those of its own done-to, not just of its sentence
    ground: bool = False  # a seizure whose done-to is ground: a place, a town, a camp
    target_kind: str | None = None


# -- sentences to drafts -----------------------------------------------------------------------------


def _trimmed(sent: SpacySpan) -> Span:
    text = sent.text
    a = len(text) - len(text.lstrip())
    b = len(text.rstrip())
    return Span(sent.start_char + a, sent.start_char + b, text[a:b])


# What a force disperses when it breaks up a protest
CROWD = frozenset(
    """manifestation manifestant manifestante foule rassemblement marche cortège sit-in protestataire
    émeutier attroupement meeting regroupement""".split()
)


def _entry(tok: Token) -> Trigger | None:
    table = triggers()
    lemma = tok.lemma_.lower()
    entry = table.get(lemma) or table.get(tok.lower_)
    if entry is None and tok.lower_.endswith("s"):
        entry = table.get(tok.lower_[:-1])
    if entry is None:
        return None
    # the parser tags a past participle as an adjective now and then ("personnes tuées")
    participle = tok.pos_ == "ADJ" and tok.lower_.endswith(("é", "és", "ée", "ées"))
    if entry.pos == "VERB" and tok.pos_ != "VERB" and not participle:
        return None
    if entry.pos == "NOUN" and tok.pos_ not in ("NOUN", "PROPN"):
        return None
    reflexive = any(
        c.dep_ in ("expl:pv", "expl:comp", "obj") and c.lower_ in ("se", "s'", "s’") for c in tok.children
    )
    if lemma == "arrêter" and reflexive:
        return None  # "s'arrêter": to stop
    if lemma == "retirer" and not reflexive:
        return None  # "retirer": to take out; "se retirer": to withdraw
    if lemma == "signer" and not any(
        c.lemma_.lower() in ("accord", "traité", "cessez-le-feu") for c in tok.children
    ):
        return None
    if lemma == "condamner" and any(
        c.lower_ in ("à",) for c in tok.subtree if c.i > tok.i and c.i < tok.i + 3
    ):
        return None  # "condamné à vingt ans": a sentence, not a condemnation
    if lemma == "appeler" and not any(c.lower_ == "à" for c in tok.subtree if tok.i < c.i <= tok.i + 3):
        return None  # "appeler à": to call for; "appeler": to name, to phone
    if lemma == "ouvrir" and not any(c.lemma_.lower() == "feu" for c in tok.children):
        return None  # "ouvrir le feu": to open fire; "ouvrir" alone: to open
    if lemma == "tirer" and not any(
        c.dep_.startswith("obl") and any(g.lower_ == "sur" for g in c.children) for c in tok.children
    ):
        return None  # "tirer sur la foule": to shoot at; "tirer" alone: to pull, to draw
    if lemma == "tir" and tok.lower_ == "tir" and not any(c.dep_ == "nmod" for c in tok.children):
        return None  # "le tir" alone (sport, a shot) — "des tirs", "tir de roquettes" count
    if lemma == "détruire" and not any(c.dep_ in ("obj", "nsubj:pass") for c in tok.children):
        return None
    if lemma == "disperser" and crowd_of(tok) is None:
        return None  # "disperser une manifestation"; not "se disperser", "disperser les rumeurs"
    return entry


def crowd_of(verb: Token) -> Token | None:
    """The crowd "disperser" breaks up ("la foule", "plusieurs centaines de manifestants"): its object,
    or the parser's misattachment of it a few words on ("dispersé jeudi à coups de gaz lacrymogène
    plusieurs centaines de manifestants"), within its own clause; None when it breaks up no crowd."""
    stack = [(c, 1) for c in verb.children if c.i > verb.i and c.pos_ not in ("VERB", "AUX")]
    stack += [(c, 1) for c in verb.children if c.dep_ == "nsubj:pass"]  # "la foule a été dispersée"
    while stack:
        t, depth = stack.pop()
        if t.lemma_.lower() in CROWD and abs(t.i - verb.i) <= 12:
            return t
        if depth < 3:
            stack.extend((c, depth + 1) for c in t.children if c.pos_ not in ("VERB", "AUX"))
    # the words that follow it, up to the clause's end, when the parser hung the crowd elsewhere
    for t in verb.doc[verb.i + 1 : min(verb.i + 13, verb.sent.end)]:
        if t.is_punct:
            break
        if t.lemma_.lower() in CROWD:
            return t
    return None


def _seize_entry(tok: Token) -> Trigger:
    """The seizure row of a token ``seize.read`` took: its lemma's, or "annexer" for a form of it the
    model read as a noun."""
    if tok.lemma_.lower() == "libérer":
        return seize.LIBERATE
    table = triggers()
    return table.get(tok.lemma_.lower()) or table["annexer"]


def _mode(entry: Trigger, tok: Token) -> str | None:
    if entry.mode == seize.SEIZE:
        return entry.mode  # the weapons of a seizure are not its mode
    for c in tok.subtree:
        if c.i == tok.i or abs(c.i - tok.i) > 6:
            continue
        m = MODE_MODIFIERS.get(c.lemma_.lower())
        if m is not None:
            return m
    return entry.mode


def _modality(tok: Token, sent: SpacySpan) -> str:
    verb = tok if tok.pos_ in ("VERB", "AUX", "ADJ") else tok.head
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.dep_ == "ROOT":
            break
        verb = verb.head
    around = [
        verb,
        *[c for c in verb.children if c.dep_.startswith("aux") or c.dep_ in ("advmod", "mark", "cop")],
    ]
    if any(c.lower_ in ("pas", "jamais", "aucun", "aucune", "nullement") for c in around) and any(
        c.lower_ in ("ne", "n'", "n’") for c in verb.children
    ):
        return "negated"
    if any(c.dep_ == "mark" and c.lower_ in ("si", "s'") for c in verb.children):
        return "hypothetical"
    if any("Cnd" in t.morph.get("Mood", []) for t in around) or any(
        MODALITY_CUES.get(t.lower_) == REPORTED for t in around
    ):
        return REPORTED
    if any(c.lemma_.lower() == "présumé" for c in tok.children):
        return REPORTED
    if any("Fut" in t.morph.get("Tense", []) for t in around) or any(
        c.lemma_.lower() == "aller" and c.dep_.startswith("aux") for c in verb.children
    ):
        return "planned"
    gov = verb.head if verb.dep_ in ("xcomp", "ccomp", "obj") else None
    if gov is not None:
        cue = MODALITY_CUES.get(gov.lemma_.lower())
        if cue in ("threatened", "planned", "proposed", "denied"):
            return cue
    return "asserted"


def _roles(tok: Token) -> tuple[Token | None, Token | None]:
    if tok.pos_ in ("NOUN", "PROPN"):
        return roles.noun_roles(tok)
    return roles.verb_roles(tok)


def _done_to_words(tok: Token) -> bool:
    """A group named among the dead ("dont trois VDP") or as who escorted or guarded what was hit
    ("un convoi escorté par l'armée et des VDP"): one of the sides hit, not the doer."""
    counted = tok
    while True:  # "dont trois VDP", "dont trois membres des FDS": counted among the dead
        if any(c.dep_ == "nummod" for c in counted.children):
            return True
        if not counted.dep_.startswith("nmod") or counted.head is counted:
            break
        counted = counted.head
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    verb = tok.head
    return tok.dep_ in ("obl:agent", "obl") and verb.dep_ in ("acl", "amod") and verb.head.pos_ == "NOUN"


def _party_in_sentence(
    sent: SpacySpan,
    skip: tuple[int, int] | None,
    ents: Sequence[SpacySpan] | None = None,
    cues: Sequence[Token] = (),
) -> tuple[int, int] | None:
    """A doer the sentence names outside the parse's roles: a named group, or generic armed men.
    ``ents``: the sentence's entities, when the caller has them (``Span.ents`` walks all the document's);
    ``cues``: tokens of generic cues ("régulièrement"): a group named in a clause they mark is the
    background ("la zone est régulièrement ciblée par des groupes affiliés à Al-Qaïda"), no doer."""
    for e in sent.ents if ents is None else ents:
        named = (e.ent_id_ or e.label_ == "ORG") and fr_actors.is_armed(e.text)
        if (
            named
            and not _done_to_words(e.root)
            and not _in_generic_clause(e.root, cues)
            and (skip is None or not (e.start_char < skip[1] and skip[0] < e.end_char))
        ):
            return e.start_char, e.end_char
    for t in sent:
        if t.pos_ == "NOUN" and t.lemma_.lower() in roles.ARMED_MEN:
            span = roles.phrase(t)
            if span is not None and (skip is None or not (span[0] < skip[1] and skip[0] < span[1])):
                return span
        if t.lemma_.lower() == "homme" and any(c.lower_.startswith("armé") for c in t.children):
            return roles.phrase(t)
    return None


def _untimed(e: SpacySpan) -> tuple[int, int]:
    """An entity's span less the days and months the tagger took into it: "Tessit jeudi" tagged as
    an organisation is the town Tessit and a day, no name that would hide the town."""
    toks = [t for t in e if not roles.is_time(t) and not t.is_punct]
    return (toks[0].idx, toks[-1].idx + len(toks[-1].text)) if toks else (e.start_char, e.start_char)


def _kind_of_those_among(tok: Token, full: str) -> str | None:
    """ "Cinq d'entre eux ont été tués" after "Les assaillants ont été repoussés": the kind of those
    they are among, the subject the previous sentence (or this one, before) tells of."""
    if not any(
        c.lower_ in ("eux", "elles")
        and any(g.dep_ == "case" and g.lower_.startswith("d") for g in c.children)
        for c in tok.children
    ):
        return None
    sent = tok.sent
    before = [t for t in sent if t.i < tok.i]
    if sent.start > 0:
        before = list(tok.doc[sent.start - 1].sent) + before
    subject = next(
        (t for t in reversed(before) if t.dep_ in ("nsubj", "nsubj:pass") and t.pos_ in ("NOUN", "PROPN")),
        None,
    )
    if subject is None:
        return None
    span = roles.phrase(subject)
    return None if span is None else fr_actors.resolve(full, span[0], span[1]).kind


def _in_generic_clause(tok: Token, cues: Sequence[Token]) -> bool:
    """Is ``tok`` in a clause a generic cue marks: a cue hangs from one of the verbs above it?"""
    if not cues:
        return False
    verbs = {a.i for a in list(tok.ancestors)[:4] if a.pos_ in ("VERB", "AUX")}
    return any(c.i in verbs or c.head.i in verbs for c in cues)


def _sentence_places(
    places: Sequence[PlaceRef], sent: SpacySpan, ents: Sequence[SpacySpan] | None = None
) -> list[PlaceRef]:
    """The sentence's places, less those inside an organisation's name ("Radio France internationale")."""
    names = [_untimed(e) for e in (sent.ents if ents is None else ents) if e.label_ == "ORG" or e.ent_id_]
    return [
        p
        for p in places
        if sent.start_char <= p.start < sent.end_char
        and not p.demonym
        and not any(a <= p.start and p.end <= b and (a, b) != (p.start, p.end) for a, b in names)
    ]


_NOT_EVENT_VERBS = REPORTING | frozenset("rendre aller venir exprimer annoncer citer publier".split())


def _governor(doc: Doc, t: TimeRef, anchors: set[int]) -> Token | None:
    """The verb (or anchor) a time expression hangs from."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return None
    path = [span.root, *list(span.root.ancestors)[:3]]
    return next((a for a in path[1:] if a.pos_ in ("VERB", "AUX") or a.i in anchors), None)


def _reported_by(verb: Token) -> Token | None:
    """The reporting verb whose complement clause holds ``verb`` ("a annoncé avoir repoussé …,
    tuant …"), up a few clauses."""
    for _ in range(3):
        if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in REPORTING:
            return verb.head
        if verb.dep_ not in ("advcl", "conj", "xcomp", "ccomp") or verb.head == verb:
            return None
        verb = verb.head
    return None


def _sentence_date(times: Sequence[TimeRef], sent: SpacySpan, head: Token) -> TimeRef | None:
    """The date of the trigger's own clause: a time whose nearest governor is the trigger, or the verb
    the trigger noun is an argument of ("ont fait l'objet d'une attaque ce samedi"); never the date of
    a visit or a statement in the same sentence ("s'est rendu dimanche sur les lieux des attaques")."""
    inside = [t for t in times if sent.start_char <= t.start < sent.end_char and t.start_date is not None]
    if not inside:
        return None
    doc = sent.doc
    anchors = {head.i}
    up = head
    for _ in range(3):  # a noun trigger: the verb(s) it hangs from ("fait l'objet d'une attaque")
        if up.pos_ in ("VERB", "AUX") or up.dep_ == "ROOT":
            break
        up = up.head
        if up.pos_ not in ("VERB", "AUX"):
            anchors.add(up.i)
    if up.pos_ in ("VERB", "AUX") and up.lemma_.lower() not in _NOT_EVENT_VERBS:
        anchors.add(up.i)
    # "l'attaque perpétrée samedi", "l'attaque survenue la semaine dernière"
    anchors.update(c.i for c in head.children if c.dep_ in ("acl", "acl:relcl", "amod") and c.pos_ == "VERB")
    # "abattu cinq bandits lors d'une opération menée mardi": the operation it was done in is dated
    for frame in _frames(head):
        anchors.add(frame.i)
        anchors.update(c.i for c in frame.children if c.dep_ in ("acl", "acl:relcl") and c.pos_ == "VERB")
    governors = {id(t): _governor(doc, t, anchors) for t in inside}
    own = [t for t in inside if (g := governors[id(t)]) is not None and g.i in anchors]
    if own:
        return min(own, key=lambda t: abs(t.start - head.idx))
    # "l'armée a annoncé dimanche avoir repoussé une attaque", "… a indiqué samedi que douze soldats
    # avaient été tués": what a statement reports is dated by the statement's day, as in English
    said = _reported_by(up if up.pos_ in ("VERB", "AUX") else head)
    if said is not None:
        theirs = [t for t in inside if (g := governors[id(t)]) is not None and g.i == said.i]
        if len(theirs) == 1:
            return theirs[0]
    main = head.dep_ == "ROOT" or head.head.dep_ == "ROOT" and head.dep_ in ("obj", "nsubj", "nsubj:pass")
    if len(inside) == 1 and main and head.lemma_.lower() not in _NOT_EVENT_VERBS:
        return inside[0]
    return None


_DURING = frozenset(["lors", "pendant", "durant", "cours"])  # "lors de", "au cours de"


def _frames(head: Token) -> list[Token]:
    """The nouns of the operation or attack a deed was done during ("lors d'une opération", "au
    cours d'une attaque", "pendant des affrontements")."""
    out = []
    for c in head.children:
        if not (c.dep_.startswith("obl") or c.dep_.startswith("nmod")) or c.pos_ != "NOUN":
            continue
        if any(g.lower_ in _DURING for g in c.children if g.dep_ in ("advmod", "case", "fixed")):
            out.append(c)
    for a in head.children:  # "lors" as the deed's adverb with the noun below it
        if a.lower_ in _DURING and a.dep_ == "advmod":
            out.extend(g for g in a.children if g.pos_ == "NOUN")
    return out


def _own_places(tolls: list[Count], places: list[PlaceRef]) -> list[PlaceRef | None]:
    """The local place each toll is told of, one place a toll: the closest pairs first, within a few
    words ("À X, il y a eu 60 morts et à Y 40 morts", "70 morts à X et une trentaine à Y")."""
    pairs = []
    for i, c in enumerate(tolls):
        for j, p in enumerate(places):
            if not (p.feature in LOCAL_FEATURES or p.lat is None):
                continue
            d = c.start - p.end if p.end <= c.start else p.start - c.end
            if 0 <= d < 45:
                pairs.append((d, i, j))
    out: list[PlaceRef | None] = [None] * len(tolls)
    used: set[int] = set()
    for _, i, j in sorted(pairs):
        if out[i] is None and j not in used:
            out[i] = places[j]
            used.add(j)
    return out


def read_sentence(
    sent: SpacySpan,
    k: int,
    places: Sequence[PlaceRef],
    times: Sequence[TimeRef],
    claimant: tuple[int, int] | None,
    doc_text: str | None = None,
    doc_ents: Sequence[SpacySpan] | None = None,
) -> list[Draft]:
    """The sentence's drafts. ``doc_text``: the document's text, when the caller has it (``Doc.text``
    joins every token of the document anew on each call); ``doc_ents``: likewise ``Doc.ents``, which
    builds every entity span anew on each call (and ``Span.ents`` calls it)."""
    full = sent.doc.text if doc_text is None else doc_text
    all_ents = sent.doc.ents if doc_ents is None else doc_ents
    # as ``Span.ents``: the entities wholly inside the sentence
    ents = [e for e in all_ents if e.start >= sent.start and e.end <= sent.end]
    evidence = _trimmed(sent)
    sent_places = _sentence_places(places, sent, ents)
    text = sent.text
    cues = [
        t
        for m in GENERIC_CUES.finditer(text)
        for t in sent.char_span(m.start(), m.end(), alignment_mode="expand") or []
    ]
    some_generic = False
    drafts: list[Draft] = []
    for tok in sent:
        responsibility = tok.lemma_.lower() == CLAIM_OF_RESPONSIBILITY and tok.pos_ == "VERB"
        entry = _entry(tok) if not responsibility else Trigger(tok.lemma_, "VERB", "ASSAULT", None, "claim")
        # a seizure is read with its arguments: "prendre la ville", not "prendre la parole"
        taking = seize.read(tok, sent_places)
        if taking is not None:
            entry = _seize_entry(tok)
        elif entry is not None and entry.mode == seize.SEIZE:
            continue
        if entry is None:
            continue
        if responsibility and (roles.is_passive(tok) or _modality(tok, sent) == "negated"):
            continue  # "l'attaque n'a pas été revendiquée": nobody's
        if _generic(tok, cues):
            some_generic = True
            continue
        if _a_charge(tok):
            continue
        span = Span(tok.idx, tok.idx + len(tok.text), tok.text)
        d = Draft(entry, tok, span, k, evidence, _mode(entry, tok), claimant=claimant)
        d.responsibility = responsibility
        d.modality = _modality(tok, sent)
        doer, target = _roles(tok) if taking is None else taking
        if entry.mode == "crowd-control" and entry.pos == "VERB" and (target is None or target.pos_ == "ADJ"):
            target = crowd_of(tok)  # the crowd it broke up, wherever the parser hung it
        d.actor = roles.phrase(doer) if doer is not None and not _is_trigger(doer) else None
        d.target = roles.phrase(target) if target is not None else None
        if taking is not None:
            d.actor = roles.phrase(doer)
            d.target = seize.taken_phrase(d.target, target, doer) if target is not None else None
            d.ground = target is not None and seize.is_ground(target, sent_places)
        if d.target is not None:
            d.target_kind = fr_actors.resolve(full, d.target[0], d.target[1]).kind
        if target is not None and d.target_kind is None:
            d.target_kind = _kind_of_those_among(target, full)
        if d.actor is not None and not fr_actors.is_party_word(full[slice(*d.actor)]):
            if (
                entry.type in VIOLENT
                and d.target is None
                and doer is not None
                and doer.lemma_.lower() in roles.TARGET_NOUNS
            ):
                d.target, d.actor = d.actor, None
            elif entry.type in VIOLENT and doer is not None and doer.lemma_.lower() in roles.TARGET_NOUNS:
                d.actor = None
        if d.actor is None and entry.type in VIOLENT:
            # a group named inside the done-to's own words ("un convoi escorté par les VDP", "une base
            # de la CPC") is who was hit, not who did it
            skip = d.target
            if target is not None:
                skip = (target.left_edge.idx, target.right_edge.idx + len(target.right_edge.text))
            d.actor = _party_in_sentence(sent, skip, ents, cues)
        if (
            d.actor is not None
            and tok.pos_ == "NOUN"
            and taking is None
            and any(p.start <= d.actor[0] and d.actor[1] <= p.end for p in sent_places)
        ):
            # "le massacre de Solhan": where it was done, not who did it (a verb's subject may be a
            # capital standing for its government: "Moscou annexe quatre régions")
            d.actor = None
        d.places = list(sent_places)
        if d.target is not None:  # "l'autre a attaqué Tchoma Bangou": the place it is done to
            at = [p for p in sent_places if d.target[0] <= p.start < d.target[1]]
            d.places = at or d.places
            d.own_place = bool(at)
        if taking is not None and d.actor is not None and not d.own_place:
            # the taker's home is not where the ground was taken ("Moscou annexe quatre régions")
            a, b = d.actor
            d.places = [p for p in d.places if not (a <= p.start and p.end <= b)]
        d.date = _sentence_date(times, sent, tok)
        left = full[max(sent.start_char, tok.idx - 40) : tok.idx + 40]
        d.other = entry.type in VIOLENT and (bool(OTHER_INCIDENT.search(left)) or _antecedent(tok))
        d.mutual = _mutual(tok, entry)
        if d.mutual and d.actor is None:
            d.actor = _other_side(tok)
        drafts.append(d)
    found = counts.tolls(sent)
    if some_generic:
        return drafts  # "… qui ont fait des centaines de morts": the toll of the background
    violent = [d for d in drafts if d.trigger.type in VIOLENT and not d.responsibility]
    killed = [(kind, c, noun) for kind, c, noun in found if kind == "killed"]
    own = _own_places([c for _, c, _ in killed], sent_places)
    split = len(killed) >= 2 and all(own) and len({(p.text.lower() if p else "") for p in own}) == len(own)
    for kind, c, noun in found:
        if split and kind == "killed":
            continue
        if violent:
            owner = min(violent, key=lambda d: abs(d.head.i - noun.i))
            owner.tolls.append((kind, c))
        elif kind == "killed":
            drafts.append(_toll_draft(sent, k, evidence, c, noun, sent_places, times, claimant, ents))
        elif drafts:
            drafts[0].tolls.append((kind, c))
    if split:
        for (_, c, noun), p in zip(killed, own, strict=True):
            assert p is not None
            lo, hi = min(c.start, p.start), max(noun.idx + len(noun.text), p.end, c.end)
            ev = Span(lo, hi, full[lo:hi])
            d = _toll_draft(sent, k, ev, c, noun, [p], times, claimant, ents)
            d.sub = True
            drafts.append(d)
    return drafts


# Words that tell two sides fighting each other: "des affrontements", "un accrochage", "des combats";
# "tirs" only as an exchange of fire ("un échange de tirs avec la police")
_CLASH_GLOSSES = frozenset({"clash", "fighting", "battle"})
_EXCHANGES = frozenset({"échange", "échanges"})


def _mutual(tok: Token, entry: Trigger) -> bool:
    """A trigger of fighting between two sides, not of one side's violence against the other."""
    if entry.gloss in _CLASH_GLOSSES:
        return True
    return tok.head.lower_ in _EXCHANGES or (tok.i >= 2 and tok.doc[tok.i - 2].lower_ in _EXCHANGES)


def _other_side(tok: Token) -> tuple[int, int] | None:
    """The side a fight is with: "un échange de tirs avec la police", "des affrontements avec l'armée"."""
    heads = [tok] + ([tok.head] if tok.head.lower_ in _EXCHANGES else [])
    for h in heads:
        for c in h.children:
            if any(g.lower_ == "avec" for g in c.children) and c.pos_ in ("NOUN", "PROPN"):
                return roles.phrase(c)
    # "tués lors de heurts avec les forces de l'ordre": the parser hangs the side on the verb the
    # fight is told in; the "avec" right after the fight is still the fight's
    verb = next((a for a in list(tok.ancestors)[:2] if a.pos_ == "VERB"), None)
    if verb is not None:
        for c in verb.children:
            if (
                c.i > tok.i
                and c.pos_ in ("NOUN", "PROPN")
                and any(g.lower_ == "avec" and g.i == tok.right_edge.i + 1 for g in c.children)
            ):
                return roles.phrase(c)
    return None


# Verbs of justice whose "pour X" / "de X" is what someone is charged with, not an event told
_CHARGING = frozenset(
    """rechercher inculper condamner écrouer poursuivre juger soupçonner arrêter interpeller détenir
    incarcérer""".split()
)


def _a_charge(tok: Token) -> bool:
    """Is a noun trigger the crime someone is wanted, held or tried for ("un chef de gang recherché
    pour plusieurs enlèvements", "condamné pour meurtre")? Past deeds, no incident of the story."""
    if tok.pos_ != "NOUN" or not tok.dep_.startswith(("obl", "nmod")):
        return False
    cases = {c.lower_ for c in tok.children if c.dep_ == "case"}
    return bool(cases & {"pour", "de", "d'", "d’"}) and tok.head.lemma_.lower() in _CHARGING


def _antecedent(tok: Token) -> bool:
    """A trigger told as what came before ("… en représailles après que deux de leurs combattants ont
    été neutralisés"): an earlier incident, not the story's."""
    verb = tok if tok.pos_ == "VERB" else tok.head
    marks = [c.lower_ for c in verb.children if c.dep_ == "mark"]
    return (
        "après" in marks
        or "avant" in marks
        or ("que" in marks and any(c.lower_ == "après" for c in verb.children))
    )


def _generic(tok: Token, cues: list[Token]) -> bool:
    """Is the trigger told as background or habit ("régulièrement visée par des attaques", "en proie à
    des attaques depuis des années")? A cue word governs it, or shares its governor."""
    near = {tok.i, tok.head.i}
    return any(c.i in near or c.head.i in near for c in cues)


def _is_trigger(tok: Token) -> bool:
    return _entry(tok) is not None


def _toll_draft(
    sent: SpacySpan,
    k: int,
    evidence: Span,
    c: Count,
    noun: Token,
    places: list[PlaceRef],
    times: Sequence[TimeRef],
    claimant: tuple[int, int] | None,
    ents: Sequence[SpacySpan] | None = None,
) -> Draft:
    span = Span(noun.idx, noun.idx + len(noun.text), noun.text)
    d = Draft(TOLL, noun, span, k, evidence, None, claimant=claimant, toll_only=True)
    d.tolls.append(("killed", c))
    d.places = list(places)
    d.date = _sentence_date(times, sent, noun)
    d.modality = _modality(noun, sent)
    d.actor = _party_in_sentence(sent, None, ents)
    return d


# a headline's rubric: a name of one to four words and a colon ("Mali :", "Burkina Faso :", "RD Congo :",
# "Nord-Kivu :", "Basse Kotto :")
_RUBRIC = re.compile(r"^\s*[A-ZÀ-Ý][\w'’-]*(?:\s+(?:[A-ZÀ-Ý][\w'’-]*|de|du|des|la|le|l['’]\w+)){0,3}\s*:\s*$")


def sentences(doc: Doc) -> list[SpacySpan]:
    """The parser's sentences, with a piece that does not end a sentence joined to the next one on the
    same line: the French model cuts "« À Koira, il y a eu 60 morts »" after "«" and after "À Koira"."""
    out: list[SpacySpan] = []
    start: int | None = None
    for s in doc.sents:
        a = s.start if start is None else start
        text = s.text
        ends = text.rstrip()[-1:] in (".", "!", "?", "»", '"', "”", ":", ";") and len(text.strip()) > 2
        if ends and _RUBRIC.match(text) and "\n" not in text and any(e.label_ == "LOC" for e in s.ents):
            ends = False  # "Niger : affrontements …": a headline's rubric names where its sentence is
        if "\n" in text or ends or s.end == len(doc):
            out.append(doc[a : s.end])
            start = None
        else:
            start = a
    if start is not None:
        out.append(doc[start:])
    return out
