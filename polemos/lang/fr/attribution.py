"""Who says so, in French: "selon X", "d'après X", "X a indiqué", "« … », a déclaré X" (inverted
subject), "de source sécuritaire", "a-t-on appris de sources locales". A sentence inside a quotation
without a speaker of its own takes the speaker of the sentence of its paragraph that closes the quote.
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from polemos.lang.fr.lexicon import _DE_SOURCE, _SELON, REPORTING
from polemos.lang.fr.roles import is_time, phrase

# who says so: the reporting verbs, and verbs of reaction that name the speaker of what follows
# ("X a déploré … en parlant de 70 morts")
SPEAKING = REPORTING | frozenset("déplorer dénoncer condamner parler".split())
_SPEAKERS = frozenset(
    """responsable maire élu source journaliste habitant témoin ministre porte-parole gouverneur président
    préfet armée police gouvernement autorité militaire officier chef député notable médecin ong onu
    communiqué état-major représentant secrétaire directeur commandant agence""".split()
)


def _speaker_of_verb(verb: Token) -> Token | None:
    agent = next((c for c in verb.children if c.dep_ == "obl:agent"), None)
    if agent is not None or any(c.dep_ == "aux:pass" for c in verb.children):
        return agent  # "annoncée samedi par des élus locaux"
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    borrowed = False
    if subj is None and verb.dep_ == "advcl" and not any(c.dep_ == "mark" for c in verb.children):
        # "X, qui s'est rendu sur les lieux, a déploré …" misparsed with "rendu" as the root
        subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        borrowed = subj is not None
    elif subj is None and verb.dep_ == "conj":
        # "Le Premier ministre, qui s'est rendu …, a déploré": a speaker the coordination shares
        shared = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if shared is not None and _speaks(shared) and shared.i < verb.head.i:
            subj, borrowed = shared, True
    incise = _in_incise(verb)
    # "a-t-on appris": the model splits the inverted pronoun into "-t" and "-on", subjects both; an
    # incise has its subject after it ("Le bilan est de dix morts, a déclaré un responsable")
    if (
        subj is not None
        and not borrowed
        and not (incise and subj.i < verb.i)
        and subj.lower_ not in _NEWSROOM
        and subj.lower_.lstrip("-") not in ("il", "elle", "ils", "elles", "on", "qui", "t")
    ):
        return subj
    # inverted subject: "a déclaré à l'AFP un haut responsable", "a-t-on appris de source sécuritaire";
    # it also wins over a borrowed subject: the victims of "Cinq civils ont été tués, ont indiqué des
    # sources locales" and the attackers of "Les assaillants, arrivés en nombre, ont été repoussés, a
    # précisé cette source" are not its speakers
    doc = verb.doc
    for t in doc[verb.i + 1 : min(len(doc), verb.i + 12)]:
        if t.is_sent_start or t.text in (".", "«", "»") or t.lower_ in ("que", "qu'", "qu’"):
            break  # what it reports begins: a speaker named in there is not this verb's
        if t.pos_ not in ("NOUN", "PROPN") or _behind_preposition(t, verb) or t.lower_ in _NEWSROOM:
            continue  # "à Radio Okapi" is who was told, "dans un communiqué" how, "l'AFP" who learnt
        if _speaks(t):
            return t
        if incise and subj is None and t.dep_ in ("obj", "nsubj") and t.head == verb and not is_time(t):
            return t  # "…, a annoncé la mission samedi": the inverted subject, whatever its noun
    # a borrowed passive subject is what was reported ("Dix soldats ont été tués, a-t-il ajouté"),
    # unless it names a speaker (the parser's "Le Premier ministre, qui s'est rendu …, a déploré")
    if borrowed and subj is not None and subj.dep_ == "nsubj:pass" and not _speaks(subj):
        return None
    return subj


def _speaks(t: Token) -> bool:
    return t.lemma_.lower() in _SPEAKERS or t.ent_type_ in ("PER", "ORG")


def _in_incise(verb: Token) -> bool:
    """Is the reporting verb inverted after what it reports ("…, a annoncé la mission", "» a dit X")?"""
    first = min(
        [verb, *(c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i)], key=lambda t: t.i
    )
    return first.i > 0 and first.nbor(-1).text in (",", "»", "”", '"')


def _behind_preposition(t: Token, verb: Token) -> bool:
    """Does a preposition govern the noun ("à Radio Okapi", "dans un communiqué")? Only an impersonal
    "on apprend" names its source so ("a-t-on appris de sources locales", "auprès du maire")."""
    head = t.head if t.dep_ == "flat:name" else t
    cases = [c.lower_ for c in head.children if c.dep_ == "case" and c.i < head.i]
    if not cases:
        return False
    return not (_learnt_from(verb) and cases[0] in ("de", "d'", "d’", "du", "des", "auprès"))


_RELATIVE = re.compile(r"(?:laquelle|lequel|lesquels|lesquelles|qui)\b", re.I)


def _learnt_from(verb: Token) -> bool:
    """ "a-t-on appris auprès du maire", "apprend-on de sources locales": the impersonal "on apprend"
    names its source after it (a named subject who learns something is no source: "le maire a appris")."""
    return verb.lemma_.lower() == "apprendre" and any(
        c.dep_ == "nsubj" and (c.lower_.lstrip("-") == "on" or c.lower_ in _NEWSROOM) for c in verb.children
    )


# the newsroom that learns what it reports: "a appris l'AFP auprès d'élus locaux" (its source is after)
_NEWSROOM = frozenset("afp reuters ap agence correspondant correspondants rédaction".split())


def own_claimant(sent: SpacySpan) -> tuple[int, int] | None:
    """Character span of the sentence's own source, or None."""
    text = sent.text
    m = _SELON.search(text)
    if m and not _RELATIVE.match(text, m.end()):  # "une source, selon laquelle …": the source before
        at = sent.start_char + m.end()
        tok = next((t for t in sent if t.idx >= at and t.pos_ in ("NOUN", "PROPN")), None)
        if tok is not None:
            span = phrase(tok)
            if span is not None:
                return span
    for t in sent:
        if t.pos_ == "VERB" and (t.lemma_.lower() in SPEAKING or _learnt_from(t)):
            who = _speaker_of_verb(t)
            if who is not None:
                span = phrase(who)
                if span is not None:
                    return span
    m = _DE_SOURCE.search(text)
    if m:
        return sent.start_char + m.start(1), sent.start_char + m.end(1)
    return None


def claimants(sents: list[SpacySpan]) -> list[tuple[int, int] | None]:
    """Each sentence's source: its own, else (inside a quote) the one of the paragraph's next sentence
    that has one."""
    own = [own_claimant(s) for s in sents]
    out = list(own)
    text = sents[0].doc.text if sents else ""
    for i, s in enumerate(sents):
        if out[i] is not None:
            continue
        quoted = "«" in s.text or "»" in s.text or '"' in s.text or "“" in s.text
        if not quoted:
            continue
        for j in range(i + 1, min(len(sents), i + 4)):
            if "\n" in text[s.end_char : sents[j].start_char]:
                break
            if own[j] is not None:
                out[i] = own[j]
                break
    return out


_QUOTE = re.compile(r"[«“\"]")
