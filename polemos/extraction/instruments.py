"""Instruments of violence and words for what is said: never a party to an event.

What a doer uses ("fired rockets at the airport", "burst tear-gas shells", "detonated an
improvised explosive device at a wedding") is neither the doer nor the one done to; the target of
such a verb is its "at" / "on" / "against" phrase. The lexicon is ``data/instruments.tsv``.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from polemos.lang.en import labels as en

# Phrases that name where or whom an instrument was used against.
_AT = ("at", "on", "against", "upon", "into", "towards", "toward")
# Where a shot warns and hits no one: "fired into the air", "shots at the sky".
_NO_ONE = frozenset(("air", "sky"))


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, str]:
    from polemos.extraction.lexicon import read_tsv

    return {
        row[0].strip().lower(): (row[1].strip() if len(row) > 1 else "weapon")
        for row in read_tsv("instruments.tsv")
    }


def is_instrument(tok: Token | None) -> bool:
    """A weapon or munition ("rockets", "an improvised explosive device", "tear-gas shells"); a
    vehicle or a person only heads one in a compound ("car bomb" is a bomb, "a car" is not)."""
    if tok is None:
        return False
    if _lexicon().get(tok.lemma_.lower(), _lexicon().get(tok.lower_)) == "weapon":
        return True
    if _laden(tok):
        return True  # "an explosives-laden car", "a motorcycle loaded with explosives": a bomb
    # a two-word name the lexicon writes hyphenated: "tear gas", "pepper spray", "water cannon"
    return any(
        c.dep_ in en.COMPOUNDS | en.ADJECTIVAL_MODIFIERS
        and _lexicon().get(f"{c.lower_}-{tok.lemma_.lower()}") == "weapon"
        for c in tok.children
    )


_LADEN = frozenset("laden loaded packed rigged fitted filled".split())
_VEHICLES = frozenset("car truck lorry van vehicle motorcycle motorbike bike bus tanker minibus".split())


def _laden(tok: Token) -> bool:
    """A vehicle carrying a bomb: "explosives-laden", "loaded / packed with explosives"."""
    if tok.lemma_.lower() not in _VEHICLES:
        return False
    for c in tok.children:
        if c.lower_ not in _LADEN:
            continue
        words = [g for g in c.subtree if g is not c]
        if any(_lexicon().get(g.lemma_.lower(), _lexicon().get(g.lower_)) == "weapon" for g in words):
            return True
    return False


def is_said(tok: Token | None) -> bool:
    """What a party says ("a statement", "a claim of responsibility"): never a target."""
    if tok is None:
        return False
    return _lexicon().get(tok.lemma_.lower(), _lexicon().get(tok.lower_)) == "said"


def used_against(instrument: Token) -> Token | None:
    """What an instrument was used against: the "at" / "on" phrase of its verb or of the
    instrument itself ("fired rockets at the airport", "hurled stones on the police")."""
    verb = instrument.head
    for word in (instrument, verb):
        for child in word.children:
            if child.dep_ in en.PREPOSITIONS and child.lower_ in _AT and child.i > instrument.i:
                obj = next((o for o in child.children if o.dep_ in en.PREP_OBJECTS), None)
                if obj is not None and not is_instrument(obj) and obj.lemma_.lower() not in _NO_ONE:
                    return obj
    return None
