"""What around a capitalised name says it names a place: locative cues, and where a name goes on.

"in Darayya", "shelled Tartus", "raids on Douma", "Slidell PD", "Jableh and Tartus", a headline's
"Yaloké : …": a small town the gazetteer knows counts as a place only with such a cue.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from polemos.lang.en import labels as en
from polemos.resolve.gazetteer_names import ARTICLES
from polemos.resolve.places_teams import team_home

# Words before (or after) a place name: "in Darayya", "near Jableh", "shelled Tartus".
LOCATIVE = frozenset(
    """in at near from to of outside around across toward towards into between and through via inside
    throughout within nearby district town city village province governorate suburb outskirts struck hit
    shelled attacked captured seized bombed entered reached visited besieged retook stormed surrounded left
    fled""".split()
) | frozenset("à dans près vers au aux".split())  # French headlines: "tuées à Bozoum"
# Heads of a town's institutions, after the town's name: "Slidell PD", "Owensboro Public Schools".
INSTITUTIONS = frozenset(
    """pd police sheriff schools school district council fire library hospital college university
    airport mayor""".split()
)
# Nouns after which "on" reads as "at": "raids on Douma", "an attack on Harasta", "shells fell on X".
ON_TARGET = frozenset(
    """attack assault raid strike airstrike bombardment bombing shelling offensive march advance fire
    fall crackdown push onslaught barrage""".split()
)
# Words of violence whose "in" / "near" phrase says where it was: "IS attacks in Badia al-Sham",
# "killed near Tal Abyad", "clashes in Wadi Barada".
VIOLENT_HEADS = ON_TARGET | frozenset(
    """kill wound injure die clash fight explode detonate ambush shoot massacre behead kidnap abduct
    fighting clashes attacks killing killings bombings""".split()
)
_AT_PLACE = frozenset("in near outside around".split())
# A name modifying the noun after it: "a Calais swimming pool" (compound), "Slidell PD" (compound or nmod).
_MODIFIER_OF_NOUN = en.COMPOUNDS | en.NOUN_MODIFIERS


def after(doc: Doc, span: Span) -> str:
    """The few words after a span, with the space before them (``doc.text`` rebuilds the whole text)."""
    return span[-1].whitespace_ + doc[span.end : span.end + 6].text


def opens_line(doc: Doc, span: Span) -> bool:
    """The span opens its line, maybe after other capitalised words and a dash ("Zawa – Yaloké :")."""
    i = span.start
    if i > 1 and doc[i - 1].text in ("–", "—", "-"):
        i -= 1
        while i > 0 and doc[i - 1].is_title:
            i -= 1
    return i == 0 or "\n" in doc[i - 1].text_with_ws or doc[i - 1].is_space


def locative(doc: Doc, span: Span) -> bool:
    """Whether the words around ``span`` say it is a place."""
    prev = doc[span.start - 1] if span.start > 0 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    if prev is not None and prev.lower_ in LOCATIVE:
        return True
    if prev is not None and prev.lower_ == "on" and _after_violence(doc, prev.i):
        return True
    if span[-1].dep_ in en.COMPOUNDS and span[-1].head.pos_ == "NOUN":
        return True  # a modifier of a common noun: "a Calais swimming pool", "the Oakdale fire station"
    if span[-1].dep_ in _MODIFIER_OF_NOUN and span[-1].head.lower_ in INSTITUTIONS:
        return True  # a town's institution: "Slidell PD", "Owensboro Public Schools"
    ent = span[0].ent_type_
    first = span[0].ent_iob_ == "B" or (
        span.start > 0 and doc[span.start - 1].ent_iob_ == "B" and doc[span.start - 1].lower_ == "the"
    )
    if ent in ("ORG", "FAC") and first and span[-1].dep_ in en.COMPOUNDS:
        return True  # the head of an institution's name: "The Allendale Woman's Club"
    if nxt is not None and team_home(span.text, after(doc, span)):
        return True  # "Seattle Seahawks": a team's city
    if prev is not None and nxt is not None and prev.text == "(" and nxt.text == ")":
        return True  # a place in brackets after a name: "Fig Leaf Boutique (Maywood)"
    if nxt is not None and (
        nxt.text in (",", "'s", "’s") or nxt.lower_ in LOCATIVE - {"and", "of", "to", "from"}
    ):
        return True
    if nxt is not None and nxt.lower_ == "and" and nxt.i + 1 < len(doc) and capitalised(doc[nxt.i + 1]):
        return True  # "Jableh and Tartus"
    if nxt is not None and nxt.text == ":" and opens_line(doc, span):
        return True  # "Yaloké : une attaque …": the place a headline opens with, like a dateline
    return prev is not None and prev.text == ","


_ON_REACH = 5  # words back from "on" to the noun of violence it may go with


def _after_violence(doc: Doc, on: int) -> bool:
    """Does "on" at token ``on`` close a noun phrase of violence: "raids on Douma", and "airstrikes
    by the coalition on Manbij" (the tagger may hang "on" on the agent; a verb or a comma between
    ends the phrase: "he commented on Manbij")?"""
    for i in range(on - 1, max(-1, on - 1 - _ON_REACH), -1):
        tok = doc[i]
        if tok.lemma_.lower() in ON_TARGET or tok.lower_ in ON_TARGET:
            return True
        if tok.is_punct or tok.pos_ in ("VERB", "AUX"):
            return False
    return False


def name_word(texts: list[str], starts: list[bool], j: int) -> int:
    """The end of the next word of a name at token ``j`` (a capitalised word, "-Marjeh" or
    "al-Ayn"), in the same sentence; ``j`` itself when no name goes on there."""
    n = len(texts)
    if j >= n or starts[j]:
        return j
    if capitalised_text(texts[j]):
        return j + 1
    if texts[j] == "-" and j + 1 < n and capitalised_text(texts[j + 1]):
        return j + 2  # "Al-Marjeh"
    if texts[j].lower() in ARTICLES and j + 2 < n and texts[j + 1] == "-" and capitalised_text(texts[j + 2]):
        return j + 3  # "Ras al-Ayn"
    return j


def capitalised(tok: Token) -> bool:
    return capitalised_text(tok.text)


def capitalised_text(text: str) -> bool:
    return text[:1].isupper() and any(c.isalpha() for c in text)


def where_violence(doc: Doc) -> Iterator[tuple[int, int]]:
    """Token spans of names the model reads as people that the text puts violence in ("IS attacks
    in Badia al-Sukhnah and Badia al-Sham", "were killed near Kafr Nabudah"): an attack is not in a
    person, so the name is a place, resolved or not."""
    for ent in doc.ents:
        if ent.label_ != "PERSON" or not all(
            capitalised(t) or not t.is_alpha or t.lower_ in ARTICLES for t in ent
        ):
            continue
        tok = ent.root
        while tok.dep_ in en.CONJUNCTS and tok.head.i < tok.i:
            tok = tok.head  # "in A and B": B through A
        prep = tok.head
        if tok.dep_ not in en.PREP_OBJECTS or prep.lower_ not in _AT_PLACE:
            continue
        if tok is ent.root and prep.i != ent.start - 1:
            continue  # "in the house of Ali Hassan": a person's, not a place
        word = prep.head
        if word.lemma_.lower() in VIOLENT_HEADS or word.lower_ in VIOLENT_HEADS:
            yield ent.start, ent.end
