"""Tokens and lookup keys shared by the actor dictionary and its resolver.

A key folds what the press varies and the meaning does not: case, accents, apostrophes, hyphens, doubled
letters in transliterations (Hayyat / Hayat, Shabaab / Shabab), British / American spellings (Centre /
Center, Defence / Defense) and the possessive ("Syria's army" matches "Syria army").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# dotted abbreviations first ("U.S.", "U.N."), then words with inner apostrophes ("Hay'at", "People's")
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:['’`ʼ][^\W_]+)*['’]?", re.UNICODE)
_SPELLING = {
    "centre": "center",
    "defence": "defense",
    "organisation": "organization",
    "organisations": "organizations",
    "programme": "program",
    "mobilisation": "mobilization",
    "armoured": "armored",
    "offence": "offense",
}


@dataclass(frozen=True)
class Token:
    text: str  # as written (dots of "U.S." kept)
    key: str  # folded lookup key
    start: int  # offsets into the string that was tokenized
    end: int
    hyphenated: bool = False  # joined to the previous word by a hyphen: "backed" in "Turkish-backed"

    @property
    def caps(self) -> str:
        """The token in capitals without dots when it is written as an acronym, else ''."""
        bare = self.text.replace(".", "").rstrip("'’")
        if bare.isupper() and bare.isalpha():
            return bare
        # "Isis", "Farc", "Nato": house styles write longer acronyms as names
        if len(bare) >= 4 and bare.isalpha() and bare[0].isupper() and bare[1:].islower():
            return bare.upper()
        return ""


_FOLD = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "ł": "l",
        "ß": "ss",
        "æ": "ae",
        "đ": "d",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "´": "'",
        "`": "'",
        "ʿ": "'",
        "ʾ": "'",
    }
)


def fold(text: str) -> str:
    """Lower case without accents: 'Séléka' -> 'seleka', 'Öcalan' -> 'ocalan'."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """The lookup key of one word."""
    w = fold(word).replace(".", "")
    w = re.sub(r"'s$", "", w)  # possessive
    w = w.replace("'", "")
    w = _SPELLING.get(w, w)
    return re.sub(r"(.)\1+", r"\1", w)  # doubled letters of transliterations


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Word tokens of ``text`` with keys; offsets are shifted by ``offset``."""
    out = []
    for m in _TOKEN.finditer(text):
        key = word_key(m.group())
        if key:
            hyphenated = m.start() > 0 and text[m.start() - 1] in "-‑–"
            out.append(Token(m.group(), key, m.start() + offset, m.end() + offset, hyphenated))
    return out


def phrase_key(text: str) -> str:
    """The lookup key of a phrase: its word keys joined by spaces."""
    return " ".join(t.key for t in tokenize(text))


def caps_only(alias: str) -> bool:
    """Short all-capital aliases ("IS", "US", "UN", "SDF") match only when written in capitals."""
    bare = alias.replace(".", "")
    return bare.isalpha() and bare.isupper() and len(bare) <= 4
