"""French seizures of territory (PLOVER COERCE, mode ``seize``): who took what.

The verbs that tell a seizure in French are common verbs in other senses too, so each is read with its
arguments and only a taking of ground (a place, a town, a camp, a base) counts:

* "prendre / reprendre le contrôle de X", "prendre / reprendre X", "conquérir X", "la prise / reprise /
  conquête de X" — X a place or a site, never "la parole", "les négociations", "la situation";
* "s'emparer de X" — any X but an abstract one ("s'emparer du dossier");
* "annexer X", "l'annexion de X" — X a place, not a document ("annexé au rapport"); the model now and then
  tags a form of "annexer" as a noun ("Moscou annexe quatre régions"), read then by its form;
* "occuper X", "l'occupation de X" — X a place or a site, never "s'occuper de", "occuper un poste / des
  fonctions"; "les territoires occupés" with no occupier named is a description, not an event;
* "X est tombé(e) aux mains / entre les mains de Y", "X est passé(e) sous le contrôle de Y" — the place X
  is the target, Y the taker.

Sources: general French usage of conflict reporting (AFP, RFI, Radio Okapi style).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from polemos.lang import Trigger
from polemos.lang.fr.lexicon import DEPENDENCY_LABELS
from polemos.lang.fr.roles import own_infinitive
from polemos.types import PlaceRef

L = DEPENDENCY_LABELS
SEIZE = "seize"

# Ground and what stands on it: taking one of these is a seizure.
TERRITORY = frozenset(
    """ville village localité commune quartier région territoire zone province district préfecture
    sous-préfecture département chef-lieu capitale cité agglomération hameau bourg île péninsule presqu'île
    colline montagne frontière bastion fief secteur enclave arrondissement canton wilaya
    base camp caserne aéroport aérodrome position garnison cantonnement check-point port pont gare mine
    poste-frontière""".split()
)
# Sites that are not ground but are taken as ground ("s'emparer du poste de police", "prendre le
# contrôle de la prison"); not for "occuper", whose "occuper un poste" is a job.
SITES = frozenset(
    """poste commissariat gendarmerie prison palais mairie gouvernorat bâtiment barrage route axe radio
    télévision siège""".split()
)
# What "s'emparer de" takes when it takes no thing ("s'emparer du dossier", "du sujet").
ABSTRACT = frozenset(
    """dossier sujet question affaire débat thème pouvoir parole idée micro initiative situation
    leadership présidence""".split()
)
# Nouns of a part of some ground: the ground is their "de" complement.
PARTS = frozenset("partie moitié totalité reste nord sud est ouest centre périphérie banlieue".split())
# Forms of "annexer", for when the model tags one as a noun ("Moscou annexe quatre régions").
ANNEX_FORM = re.compile(r"^annex(?:e|es|ent|é|ée|és|ées|er|ait|aient|era|eront|erait|eraient|ant)$")
# Nouns of a transfer of control: "aux mains de", "entre les mains de", "sous le contrôle de".
HANDS = frozenset(["main", "mains"])
CONTROL = frozenset(["contrôle", "emprise", "coupe", "joug"])

# Trigger lemmas this module reads (rows of ``data/triggers.tsv`` with mode ``seize``).
VERBS = frozenset("prendre reprendre conquérir emparer annexer occuper tomber passer libérer".split())
# "libérer la ville": freeing ground is taking it back (as the English bundle codes "liberate"); its row
# in ``data/triggers.tsv`` is the release of people ("libérer des otages"), which stays a RETREAT.
LIBERATE = Trigger("libérer", "VERB", "COERCE", SEIZE, "liberate")
NOUNS = frozenset("prise reprise conquête annexion occupation".split())


def _case(tok: Token) -> str:
    return " ".join(c.lower_ for c in tok.children if c.dep_ in L["case"])


def _first_case(tok: Token) -> str:
    words = _case(tok).split()
    return words[0] if words else ""


def _child(tok: Token, labels: frozenset[str]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in labels), None)


def _reflexive(tok: Token) -> bool:
    return any(
        c.dep_ in ("expl:pv", "expl:comp", "obj", "iobj") and c.lower_ in ("se", "s'", "s’", "me", "m'", "te")
        for c in tok.children
    )


def _in_place(tok: Token, places: Sequence[PlaceRef]) -> bool:
    return any(p.start <= tok.idx < p.end and not p.demonym for p in places)


def is_ground(tok: Token, places: Sequence[PlaceRef], sites: bool = True, names: bool = True) -> bool:
    """A place the text names ("Kidal", "la Crimée"), or a noun of ground or of a site ("la ville",
    "le camp militaire"; with ``sites`` also "le poste de police", "la prison"); with ``names`` also a
    one-word name the gazetteer lacks (``is_name``)."""
    lemma = tok.lemma_.lower()
    if lemma in PARTS:  # "une partie de l'Ukraine", "le nord de la ville"
        whole = _of(tok)
        return whole is not None and is_ground(whole, places, sites, names)
    if lemma in TERRITORY or tok.lower_ in TERRITORY or (sites and lemma in SITES):
        # a bare noun is a phrase ("prendre position", "prise de position"), not ground taken
        return any(
            c.dep_ in ("det", "nummod") or (c.dep_ in L["case"] and c.lower_ in _ARTICLED)
            for c in tok.children
        )
    if _in_place(tok, places) or (tok.pos_ == "PROPN" and tok.ent_type_ == "LOC"):
        return True
    return names and is_name(tok)


def is_name(tok: Token) -> bool:
    """A one-word name the gazetteer lacks ("Bunagana", which the model may call a person or tag a
    common noun): ground in a taking, unless it is a group's name or a person's full name ("Olivier
    Dubois est tombé aux mains de …")."""
    if tok.pos_ not in ("PROPN", "NOUN") or not tok.text[:1].isupper() or tok.text.isupper():
        return False
    if tok.ent_type_ in ("ORG", "MISC") or tok.ent_id_ or any(c.dep_ == "det" for c in tok.children):
        return False
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent is None or len(ent) == 1


def seized_names(doc: Doc, known: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Names of ground a seizure takes that the place recogniser left out ("se sont emparés de
    Bunagana", "Bunagana est passée sous le contrôle du M23"): places, for the article's ``places``."""
    out: list[tuple[int, int, bool]] = []
    spans = [(a, b) for a, b, _ in known]
    for tok in doc:
        if tok.lemma_.lower() not in VERBS | NOUNS:
            continue
        found = read(tok, ())
        if found is None or not is_name(found[1]):
            continue
        t = found[1]
        a, b = t.idx, t.idx + len(t.text)
        if not any(x < b and a < y for x, y in spans):
            out.append((a, b, False))
            spans.append((a, b))
    return out


def _of(tok: Token) -> Token | None:
    """The "de" complement of a noun ("le contrôle de la ville", "la prise de Kidal")."""
    return next(
        (c for c in tok.children if c.dep_ in L["nominal_modifier"] and _first_case(c) in _DE),
        None,
    )


_DE = frozenset(["de", "d'", "d’", "du", "des"])
_ARTICLED = frozenset(["du", "des", "au", "aux"])  # a preposition with its article: "du camp"


def _agent(tok: Token) -> Token | None:
    """The "par" phrase in a noun's phrase ("l'occupation de la ville par les jihadistes"): the parser
    hangs it on the noun or on one of its complements."""
    for c in tok.subtree:
        if c is not tok and c.dep_ in L["nominal_modifier"] | L["oblique"] | L["agent"] and _case(c) == "par":
            return c
    return None


def _passive_agent(verb: Token) -> Token | None:
    agent = _child(verb, L["agent"])
    if agent is None:
        agent = next((c for c in verb.children if c.dep_ in L["oblique"] and _case(c) == "par"), None)
    return agent


def _subject(verb: Token) -> Token | None:
    subj = _child(verb, L["subject"] | L["passive_subject"])
    if subj is None and verb.dep_ == "conj":
        subj = _child(verb.head, L["subject"] | L["passive_subject"])
    if subj is None and own_infinitive(verb):  # "les FARDC disent avoir repris la localité"
        subj = _child(verb.head, L["subject"])
    if subj is not None and subj.lower_ == "qui" and verb.dep_ in ("acl:relcl", "acl"):
        subj = verb.head
    return subj


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("aux:pass",) or c.dep_ in L["passive_subject"] for c in verb.children)


def _participle_of(verb: Token) -> Token | None:
    """ "la ville reprise par l'armée": the noun a participle modifies."""
    if (
        "Part" in verb.morph.get("VerbForm", [])
        and verb.dep_ in ("acl", "amod")
        and verb.head.pos_
        in (
            "NOUN",
            "PROPN",
        )
    ):
        return verb.head
    return None


def _taken(verb: Token) -> tuple[Token | None, Token | None, bool]:
    """(taker, taken, described) of a transitive verb of taking, active or passive; ``described``: a
    bare participle with no taker ("les territoires occupés")."""
    modified = _participle_of(verb)
    if modified is not None:
        agent = _passive_agent(verb)
        return agent, modified, agent is None
    if _passive(verb):
        return _passive_agent(verb), _child(verb, L["passive_subject"]) or _subject(verb), False
    return _subject(verb), _child(verb, L["object"]), False


def _transfer(verb: Token) -> tuple[Token | None, Token | None] | None:
    """ "X est tombé(e) aux mains de Y", "X est passé(e) sous le contrôle de Y": (Y, X)."""
    for c in verb.children:
        if c.dep_ not in L["oblique"] | L["object"]:
            continue
        case = _case(c).split()
        hands = c.lemma_.lower() in HANDS or c.lower_ in HANDS
        if (hands and case[:1] and case[0] in ("aux", "à", "entre", "dans")) or (
            c.lemma_.lower() in CONTROL and case[:1] == ["sous"]
        ):
            return _of(c), _subject(verb)
    return None


def read(tok: Token, places: Sequence[PlaceRef]) -> tuple[Token | None, Token] | None:
    """(taker, taken) when ``tok`` tells a seizure of ground, else None. ``places``: the sentence's."""
    lemma = tok.lemma_.lower()
    form = tok.lower_
    if lemma in NOUNS and tok.pos_ in ("NOUN", "PROPN"):
        return _noun(tok, lemma, places)
    if ANNEX_FORM.match(form) and tok.pos_ not in ("VERB", "AUX"):
        return _misread_annex(tok, places)
    if lemma not in VERBS or tok.pos_ not in ("VERB", "ADJ"):
        return None
    if lemma in ("tomber", "passer"):
        found = _transfer(tok)
        if found is None or found[1] is None or not is_ground(found[1], places):
            return None
        return found[0], found[1]
    if lemma == "emparer":
        taken = next(
            (
                c
                for c in tok.children
                if c.dep_ in L["oblique"] | L["object"]
                and _case(c).split()[:1]
                and _case(c).split()[0] in _DE
            ),
            None,
        )
        if taken is None or taken.lemma_.lower() in ABSTRACT:
            return None
        return _subject(tok), taken
    if lemma == "occuper" and _reflexive(tok):
        return None  # "s'occuper de": to see to
    if lemma in ("prendre", "reprendre") and any(c.lower_ == "assaut" for c in tok.children):
        return None  # "prendre d'assaut": to storm, an attack ("assaut" is its trigger)
    taker, taken, described = _taken(tok)
    if taken is None or described:
        return None
    if lemma in ("prendre", "reprendre") and taken.lemma_.lower() in CONTROL:
        taken = _of(taken)  # "prendre le contrôle de la ville"
        if taken is None:
            return None
    # "libérer Dubois" frees a man: only ground the text places is freed ground
    if not is_ground(taken, places, sites=lemma not in ("occuper", "libérer"), names=lemma != "libérer"):
        return None
    if lemma == "occuper" and taken.lemma_.lower() == "position" and _ranked(taken):
        return None  # "occuper la première position du classement"
    return taker, taken


def _ranked(tok: Token) -> bool:
    return any(c.lemma_.lower() in _RANKS or "Ord" in c.morph.get("NumType", []) for c in tok.children)


_RANKS = frozenset("premier première dernier dernière second seconde tête".split())


def _noun(tok: Token, lemma: str, places: Sequence[PlaceRef]) -> tuple[Token | None, Token] | None:
    """ "la prise de Kidal par les rebelles", "la prise de contrôle de la ville", "l'annexion de la
    Crimée", "l'occupation de la ville par les jihadistes" (not "le taux d'occupation")."""
    taken = _of(tok)
    if taken is not None and taken.lemma_.lower() in CONTROL:
        taken = _of(taken)
    if taken is None or not is_ground(taken, places, sites=lemma != "occupation"):
        return None
    return _agent(tok), taken


def _misread_annex(tok: Token, places: Sequence[PlaceRef]) -> tuple[Token | None, Token] | None:
    """A form of "annexer" the model tagged as a noun: a verb when no determiner makes it the noun
    "annexe" ("l'annexe du rapport") and it takes a place; its taker is the nominal before it."""
    if any(c.dep_ == "det" for c in tok.children) or (tok.i > 0 and tok.doc[tok.i - 1].pos_ == "DET"):
        return None
    taken = next(
        (c for c in tok.children if c.dep_ in L["object"] | L["nominal_modifier"] and is_ground(c, places)),
        None,
    )
    if taken is None:
        return None
    # the parser, reading no verb, may cut the sentence before the noun: look back on the line
    taker = None
    for t in reversed(tok.doc[max(0, tok.i - 4) : tok.i]):
        if t.pos_ in ("NOUN", "PROPN"):
            taker = t
            while (
                taker.head.i < taker.i
                and taker.dep_ in ("flat:name", "flat", "nmod")
                and taker.head.pos_
                in (
                    "NOUN",
                    "PROPN",
                )
            ):
                taker = taker.head  # "le Kremlin", "les forces de Moscou"
            break
        if t.pos_ not in ("ADV", "AUX", "PRON") or "\n" in t.text:
            break
    return taker, taken


def _contains(a: tuple[int, int], tok: Token) -> bool:
    return a[0] <= tok.idx < a[1]


def taken_phrase(span: tuple[int, int] | None, taken: Token, taker: Token | None) -> tuple[int, int] | None:
    """The taken phrase less what the parser hung inside it that is no part of the ground: the taker
    ("la ville de Ménaka par les jihadistes"), the side it was taken from ("trois villages aux
    jihadistes")."""
    span = _cut_before(span, taker)
    for c in taken.children:
        if c.dep_ in L["nominal_modifier"] and _first_case(c) in ("à", "aux", "au", "par") and c.i > taken.i:
            span = _cut_before(span, c)
    return span


def _cut_before(span: tuple[int, int] | None, other: Token | None) -> tuple[int, int] | None:
    if span is None or other is None or not _contains(span, other):
        return span
    first = min(t.i for t in other.subtree)
    doc = other.doc
    end = first
    while end > 0 and (doc[end - 1].is_punct or doc[end - 1].is_space) and doc[end - 1].idx > span[0]:
        end -= 1
    if end <= 0 or doc[end - 1].idx < span[0]:
        return span
    last = doc[end - 1]
    return span[0], last.idx + len(last.text)
