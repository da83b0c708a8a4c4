"""Doer and done-to over Universal Dependencies labels (what fr_core_news_md writes).

Verb trigger, active: doer ``nsubj``, done-to ``obj`` ("Des hommes armés ont attaqué le village").
Passive or participle: done-to ``nsubj:pass`` or the noun the participle modifies, doer ``obl:agent``
("personnes tuées par des hommes armés", "ont été tuées par des jihadistes").
Noun trigger: doer an ``nmod`` with "par" or a named group with "de" ("l'attaque de l'EIGS"), or an
adjective ("attaque djihadiste"); done-to an ``nmod`` with "contre" / "de" naming a place or people
("l'attaque de deux villages"), or the subject of "faire l'objet de" / "être la cible de"; a governing
verb lends its subject ("les jihadistes ont mené une attaque") or its agent ("perpétrée par").
"""

from __future__ import annotations

from spacy.tokens import Token

from polemos.lang.fr.lexicon import DEPENDENCY_LABELS, PEOPLE, VAGUE, triggers

L = DEPENDENCY_LABELS
SUPPORT_VERBS = frozenset(
    "mener lancer perpétrer commettre conduire revendiquer organiser tendre orchestrer".split()
)
# Verbs an attack is the subject of, their object what it hit ("l'attaque a visé un camp")
HIT_VERBS = frozenset("viser toucher frapper cibler atteindre détruire endommager souffler".split())
# What an attack is done with, never its doer: "un engin explosif a explosé", "une roquette a frappé"
INSTRUMENTS = frozenset(
    """engin bombe mine explosif obus roquette missile grenade munition colis drone voiture-piégée
    charge""".split()
)
UNDERGO = frozenset(["objet", "cible", "théâtre"])  # "X a fait l'objet d'une attaque", "a été la cible de"
PRONOUNS = frozenset("il ils elle elles on qui que lui eux celui-ci ceux-ci y en".split())
TARGET_NOUNS = PEOPLE | frozenset(
    """village localité ville camp base poste position convoi patrouille église mosquée école marché
    hôpital bus véhicule site commune quartier caserne prison""".split()
)


def _child(tok: Token, labels: frozenset[str]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in labels), None)


def _case(tok: Token) -> str:
    return " ".join(c.lower_ for c in tok.children if c.dep_ in L["case"])


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("aux:pass", "nsubj:pass") for c in verb.children) or (
        "Part" in verb.morph.get("VerbForm", [])
        and verb.dep_ in ("acl", "amod")
        and verb.head.pos_ in ("NOUN", "PROPN")
    )


def verb_roles(verb: Token) -> tuple[Token | None, Token | None]:
    """(doer, done-to) of a verb trigger."""
    if is_passive(verb):
        target = _child(verb, L["passive_subject"])
        if target is None and verb.dep_ in ("acl", "amod"):
            target = verb.head
        agent = _child(verb, L["agent"])
        if agent is None:
            agent = next((c for c in verb.children if c.dep_.startswith("obl") and _case(c) == "par"), None)
        agent = agent or attributed_to(verb)
        return agent, target
    subj = _child(verb, L["subject"])
    reflexive = any(c.dep_ in ("expl:pv", "expl:comp") for c in verb.children)
    if subj is None and reflexive:
        # "s'est indigné le chef de l'État": the parser reads an inverted subject as an object
        after = next((c for c in verb.children if c.dep_ in L["object"] and c.i > verb.i), None)
        if after is not None:
            return after, None
    if subj is None and verb.dep_ == "conj":
        subj = _child(verb.head, L["subject"])  # "ont encerclé le village et tué …"
    if subj is None and verb.dep_ == "advcl" and not any(c.dep_ == "mark" for c in verb.children):
        # "X, qui s'est rendu sur les lieux, a déploré …" misparsed with "rendu" as the root
        subj = _child(verb.head, L["subject"] | L["passive_subject"])
    if subj is None and own_infinitive(verb):
        # "la PNH a indiqué avoir arrêté trois suspects", "les gendarmes ont tiré pour disperser la
        # foule": the infinitive's doer is the subject of the verb it hangs on
        subj = _child(verb.head, L["subject"])
        if subj is not None and subj.lower_ == "qui" and verb.head.dep_ in ("acl:relcl", "acl"):
            subj = verb.head.head  # "l'armée, qui affirme avoir neutralisé …": the army
    obj = _child(verb, L["object"])
    if obj is not None and obj.lemma_.lower() == "feu":  # "ouvrir le feu sur les habitants"
        obj = next((c for c in verb.children if c.dep_.startswith("obl") and _case(c) == "sur"), None)
    if obj is not None and is_time(obj):
        # "a explosé lundi", "ont incendié lundi plusieurs maisons": the parser's object is the day
        obj = next((c for c in verb.children if c.dep_ in L["object"] and not is_time(c)), None)
    if obj is None:
        # "avoir neutralisé une quinzaine d'assaillants": a figure with no preposition the parser
        # took for an adverbial is the object
        obj = next(
            (
                c
                for c in verb.children
                if c.dep_.startswith("obl") and c.lemma_.lower() in VAGUE_NOUNS and not _case(c)
            ),
            None,
        )
    if obj is None:
        obj = _passing(verb)
    if subj is None:
        subj = attributed_to(verb)
    if subj is not None and subj.lower_ == "qui" and verb.dep_ in ("acl:relcl", "acl"):
        subj = verb.head
    if subj is not None and subj.lemma_.lower() in INSTRUMENTS:
        subj = None  # "un engin explosif a explosé": what did it, not who
    return subj, obj


def own_infinitive(verb: Token) -> bool:
    """An infinitive (or "avoir" + participle) with no subject of its own, the complement of a verb
    ("affirme avoir tué") or its purpose ("pour disperser"), not of "de"/"à" ("ordonné de tirer")."""
    if verb.dep_ not in ("xcomp", "advcl") or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    inf = "Inf" in verb.morph.get("VerbForm", []) or any(
        c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm", []) for c in verb.children
    )
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    return inf and marks <= {"pour", "afin"}


def _passing(verb: Token) -> Token | None:
    """ "a explosé au passage d'un véhicule de l'armée": the vehicle it was set for."""
    for c in verb.children:
        if c.dep_.startswith("obl") and c.lemma_.lower() == "passage":
            return next(
                (
                    g
                    for g in c.children
                    if g.dep_.startswith("nmod") and _case(g) in ("de", "d'", "du", "des")
                ),
                None,
            )
    return None


# Nouns for generic armed doers, who are a doer wherever a sentence names them ("des assaillants")
ARMED_MEN = frozenset("jihadiste djihadiste terroriste assaillant bandit".split())

# Nouns that, heading a "de" modifier of an attack, name who did it ("l'attaque des rebelles")
_PARTY_WORDS = ARMED_MEN | frozenset(
    """homme gang groupe rebelle milice armée soldat militaire individu insurgé islamiste combattant
    milicien élément membre""".split()
)


def _looks_like_party(tok: Token) -> bool:
    return (
        tok.ent_type_ in ("ORG", "PER", "MISC") or tok.lemma_.lower() in _PARTY_WORDS
    ) and tok.ent_type_ != "LOC"


def _known_party(tok: Token) -> bool:
    """Does the actor table or the shared dictionary know the name ``tok`` heads ("EIGS", "M23")?"""
    from polemos.lang.fr.actors import resolve

    span = phrase(tok)
    if span is None:
        return False
    ref = resolve(tok.doc.text, span[0], span[1])
    return ref.name is not None or ref.kind is not None


# People nouns that, of a named group, are its fighters ("des combattants de Boko Haram")
_FIGHTERS = frozenset("combattant élément membre militant partisan milicien".split())


def _of_a_group(tok: Token) -> bool:
    """Does a "de" modifier of ``tok`` name a group ("combattants de Boko Haram")?"""
    return any(
        c.dep_.startswith("nmod") and _case(c).startswith("d") and c.ent_type_ in ("ORG", "PER", "MISC")
        for c in tok.children
    )


def attributed_to(tok: Token) -> Token | None:
    """ "… tuées lors de cette attaque, attribuée au gang X": the one an attribution names."""
    for v in tok.children:
        if v.dep_ in ("acl", "acl:relcl", "amod") and v.lemma_.lower() in ("attribuer", "imputer"):
            return next(
                (c for c in v.children if c.dep_.startswith("obl") and _case(c) in ("à", "au", "aux")), None
            )
    return None


def noun_roles(noun: Token) -> tuple[Token | None, Token | None]:
    """(doer, done-to) of a noun trigger."""
    doer = target = None
    # "une embuscade tendue mercredi contre un convoi": the parser hangs what follows a day on the day
    kids = [g for c in noun.children for g in ([c, *c.children] if is_time(c) else [c])]
    for c in kids:
        case = _case(c)
        if c.dep_ in L["nominal_modifier"] | L["oblique"]:
            if case == "par" and doer is None:
                doer = c
            elif case in ("contre", "visant") and target is None:
                target = c
            elif case in _DE and not _where(c):
                if (
                    _looks_like_party(c)
                    and doer is None
                    and c.lemma_.lower() not in TARGET_NOUNS
                    and (c.pos_ != "PROPN" or c.lemma_.lower() in _PARTY_WORDS or _known_party(c))
                ):
                    doer = c  # not "l'attaque de Mozogo": a name no table knows is more often the place
                elif doer is None and c.lemma_.lower() in _FIGHTERS and _of_a_group(c):
                    doer = c  # "une attaque de combattants de Boko Haram": the group's fighters
                elif target is None and (c.lemma_.lower() in TARGET_NOUNS or c.ent_type_ == "LOC"):
                    target = c
        elif c.dep_ == "amod" and c.lemma_.lower() in ("jihadiste", "djihadiste", "terroriste", "islamiste"):
            doer = doer or c
    gov = noun.head
    # "X a fait l'objet d'une attaque": the subject of "faire" is the done-to
    if gov.lemma_.lower() in UNDERGO and gov.head.pos_ in ("VERB", "AUX"):
        target = target or _child(gov.head, L["subject"] | L["passive_subject"])
    elif noun.dep_ in L["object"] and gov.lemma_.lower() in SUPPORT_VERBS:
        doer = doer or _child(gov, L["subject"])
    elif noun.dep_ in L["subject"] and gov.lemma_.lower() in HIT_VERBS:
        # "une frappe de drone a visé une base", "l'explosion a touché un marché": what it hit
        target = target or _child(gov, L["object"])
    # "l'attaque a été perpétrée par …", "l'attaque, perpétrée par …"
    for v in [c for c in noun.children if c.dep_ in ("acl", "acl:relcl")] + (
        [gov] if noun.dep_ in L["passive_subject"] else []
    ):
        if v.lemma_.lower() in SUPPORT_VERBS:
            doer = doer or _child(v, L["agent"])
            # "une attaque menée jeudi contre un camp": the done-to hangs on the support verb
            against = (c for c in v.children if c.dep_.startswith("obl") and _case(c) in ("contre", "visant"))
            target = target or next(against, None)
        elif v.lemma_.lower() in ("attribuer", "imputer"):  # "attaque attribuée au gang X"
            doer = doer or attributed_to(noun)
    return doer, target


def is_time(tok: Token) -> bool:
    """ "un gang jeudi": a date the parser hung on the noun is no part of the mention."""
    from polemos.lang.fr.lexicon import MONTHS, WEEKDAYS

    return tok.lower_ in WEEKDAYS or tok.lower_ in MONTHS


_NAMING = frozenset(["armer", "identifier"])
# Prepositions that open another role or a place, never a word of a party's or a target's name:
# "contre le village" (the done-to), "près de Bambari", "lors de l'attaque", "autour de Gao"
_OTHER_ROLE_CASES = frozenset(["contre", "envers"])
# "Boko Haram à Mozogo", "un poste de police à Gao": where, no word of the name
_AT_CASES = frozenset(["à", "dans"])  # not "au": "l'État islamique au Sahel", "Al-Qaïda au Maghreb"
_OTHER_ROLE_ADVERBS = frozenset(["près", "lors", "autour", "non loin"])


_DE = frozenset(["de", "d'", "d’", "du", "des"])
VAGUE_NOUNS = frozenset(VAGUE)
# Areas, not things one attacks: "en territoire de Beni", "dans la province du Soum"
_AREA_NOUNS = frozenset(
    """territoire province région département cercle préfecture sous-préfecture arrondissement canton
    chefferie groupement secteur district""".split()
)


def _where(tok: Token) -> bool:
    """Does the "de" before ``tok`` say where, not whom: "une embuscade près de Tillabéri", a name the
    parser hung on the event from "en territoire de Beni"?"""
    case = next((c for c in tok.children if c.dep_ in L["case"]), None)
    if case is None or case.i == 0:
        return False
    before = tok.doc[case.i - 1]
    return before.lower_ in _OTHER_ROLE_ADVERBS or before.lemma_.lower() in _AREA_NOUNS


def _another_role(tok: Token) -> bool:
    """A modifier of a noun that says against whom, near where or when, not which one it is."""
    if not (tok.dep_.startswith("nmod") or tok.dep_.startswith("obl")):
        return False
    if _case(tok) in _AT_CASES and (tok.ent_type_ == "LOC" or tok.pos_ == "PROPN"):
        return True
    return _case(tok) in _OTHER_ROLE_CASES or any(
        c.dep_ in ("advmod", "case") and c.lower_ in _OTHER_ROLE_ADVERBS for c in tok.children
    )  # "hommes armés", "individus non identifiés"


def phrase(tok: Token | None) -> tuple[int, int] | None:
    """Character span of the noun phrase a role token heads, less relative clauses, appositions and
    trailing punctuation ("des hommes armés", "le village de Tchoma Bangou")."""
    if tok is None or tok.lower_ in PRONOUNS:
        return None
    keep = {
        "det",
        "amod",
        "nmod",
        "case",
        "flat:name",
        "flat",
        "compound",
        "nummod",
        "fixed",
        "dep",
        "conj",
        "cc",
    }
    toks = [tok]
    # a bare participle is part of the name: "des hommes armés", "des individus non identifiés"
    stack = [
        c
        for c in tok.children
        if c.dep_ in keep
        or (
            c.dep_ == "acl"
            and "Part" in c.morph.get("VerbForm", [])
            and (c.n_rights == 0 or c.lemma_ in _NAMING)
            and c.lemma_.lower() not in triggers()  # "deux soldats tués": the event, not the name
        )
        or (c.dep_ == "appos" and c.pos_ == "PROPN" and c.i == tok.i + 1)  # "le gang Gran Grif"
    ]
    while stack:
        c = stack.pop()
        if c.is_punct or c.is_space or c.dep_ == "case" and c.i < tok.i and c.head.i == tok.i or is_time(c):
            continue
        if _another_role(c):  # "l'État islamique au Sahel contre le village de X": the group ends at "Sahel"
            continue
        if c.dep_ == "conj" and c.pos_ not in ("NOUN", "PROPN"):  # "tuant 25 personnes et en blessant …"
            continue
        toks.append(c)
        stack.extend(g for g in c.children if g.dep_ in keep and not g.is_space)
    idx = sorted(t.i for t in toks)
    # keep one contiguous run around the head
    lo = hi = tok.i
    s = set(idx)
    while lo - 1 in s:
        lo -= 1
    while hi + 1 in s:
        hi += 1
    doc = tok.doc
    while hi > lo and (doc[hi].is_punct or doc[hi].dep_ in ("case", "cc")):
        hi -= 1
    if len(doc[lo : hi + 1].text) > 80:
        lo = hi = tok.i
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)
