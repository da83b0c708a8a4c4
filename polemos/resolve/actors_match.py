"""Phrase tables and the matcher that finds actor references in a run of tokens.

A reference is an alias of a dictionary entry ("Al-Nusra Front", "YPG"), or a country word followed by an
institution head ("Syrian army", "Russian Defense Ministry", "the American side"), or an institution phrase
followed by "of (the) COUNTRY" ("the army of Nigeria"), or a bare country or capital ("Russia", "Washington").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from polemos.resolve.actors_text import Token, caps_only, tokenize

V = TypeVar("V")

# a country word glued to these is someone else's backer, not the actor's home: "Turkish-backed factions"
BACKED = frozenset(
    {
        "backed",
        "led",
        "supported",
        "sponsored",
        "funded",
        "trained",
        "allied",
        "aligned",
        "armed",
        "affiliated",
        "linked",
        "friendly",
        "installed",
        "brokered",
        "based",
        "loyal",
        "held",
        "controlled",
        "occupied",
        "run",
    }
)
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"})


def state_id(cc: str, institution: str) -> str:
    """The id of a state institution entry: the state itself is "state:CC", the rest "state:CC:key"
    ("the Palestinian state" composes to the state, not to a "state" institution of it)."""
    return f"state:{cc}" if institution == "state" else f"state:{cc}:{institution}"


class PhraseTable(Generic[V]):
    """Phrase keys (word keys joined by spaces) to values, with the longest match at a position."""

    def __init__(self) -> None:
        self.values: dict[str, list[V]] = {}
        self._prefixes: set[str] = set()
        self.firsts: set[str] = set()  # first word keys: most tokens start no phrase at all

    def add(self, phrase_key: str, value: V) -> None:
        if not phrase_key:
            return
        bucket = self.values.setdefault(phrase_key, [])
        if value not in bucket:
            bucket.append(value)
        words = phrase_key.split(" ")
        self.firsts.add(words[0])
        for n in range(1, len(words)):
            self._prefixes.add(" ".join(words[:n]))

    def longest_at(self, keys: Sequence[str], i: int) -> tuple[int, list[V]] | None:
        """The longest phrase starting at ``keys[i]``: (end index, values)."""
        best = None
        key = ""
        for j in range(i, len(keys)):
            key = keys[j] if j == i else f"{key} {keys[j]}"
            if key in self.values:
                best = (j + 1, self.values[key])
            if key not in self._prefixes:
                break
        return best


@dataclass(frozen=True)
class Match:
    """One actor reference found in tokens ``[i, j)``."""

    i: int
    j: int
    ids: tuple[str, ...]  # candidate entry ids, best first
    how: str  # alias, compose, country, capital


class Matcher:
    """Finds references using the dictionary's tables."""

    def __init__(self) -> None:
        self.aliases: PhraseTable[str] = PhraseTable()  # -> entry id
        self.exact: dict[str, list[str]] = {}  # caps-only aliases ("IS", "UN") -> entry ids
        self.countries: PhraseTable[str] = PhraseTable()  # country words -> iso2
        self.exact_countries: dict[str, str] = {}  # "US", "UK", "UAE"
        self.capitals: PhraseTable[str] = PhraseTable()
        self.heads: PhraseTable[str] = PhraseTable()  # institution heads -> institution key
        self.of_phrases: PhraseTable[str] = PhraseTable()

    def add_alias(self, alias: str, entry_id: str) -> None:
        if caps_only(alias):
            bucket = self.exact.setdefault(alias.replace(".", ""), [])
            if entry_id not in bucket:
                bucket.append(entry_id)
        else:
            self.aliases.add(" ".join(t.key for t in tokenize(alias)), entry_id)

    def add_country_word(self, word: str, cc: str) -> None:
        if caps_only(word):
            self.exact_countries.setdefault(word.replace(".", ""), cc)
        else:
            self.countries.add(" ".join(t.key for t in tokenize(word)), cc)

    def _alias_at(self, toks: Sequence[Token], keys: Sequence[str], i: int) -> tuple[int, list[str]] | None:
        hit = self.aliases.longest_at(keys, i)
        caps = toks[i].caps
        if caps in self.exact and (hit is None or hit[0] == i + 1):
            return i + 1, self.exact[caps]
        return hit

    def _country_at(self, toks: Sequence[Token], keys: Sequence[str], i: int) -> tuple[int, str] | None:
        hit = self.countries.longest_at(keys, i)
        if hit is None and toks[i].caps in self.exact_countries:
            hit = (i + 1, [self.exact_countries[toks[i].caps]])
        if hit is None:
            return None
        j = hit[0]
        if j < len(keys) and keys[j] in BACKED and toks[j].hyphenated:
            return None  # "Turkish-backed", "US-led"
        if i > 0 and keys[i - 1] == "pro":
            return None  # "pro-Russian separatists"
        return j, hit[1][0]

    def find(self, toks: Sequence[Token]) -> list[Match]:
        """Every reference in ``toks``, left to right, longest first, not overlapping."""
        keys = [t.key for t in toks]
        out: list[Match] = []
        aliases, of_phrases = self.aliases.firsts, self.of_phrases.firsts
        countries, capitals = self.countries.firsts, self.capitals.firsts
        i = 0
        while i < len(toks):
            k, caps = keys[i], toks[i].caps
            if not (
                k in aliases or k in of_phrases or k in countries or k in capitals
                or caps in self.exact or caps in self.exact_countries
            ):  # fmt: skip
                i += 1  # no reference starts here: skip the table look-ups
                continue
            found = self._find_at(toks, keys, i)
            if found is None:
                i += 1
                continue
            out.append(found)
            i = found.j
        return out

    def _find_at(self, toks: Sequence[Token], keys: Sequence[str], i: int) -> Match | None:
        alias = self._alias_at(toks, keys, i)
        # "the army of Nigeria", "President of Syria": an institution phrase, "of", maybe "the", a country
        of = self.of_phrases.longest_at(keys, i)
        if of is not None:
            k = of[0]
            if k < len(keys) and keys[k] == "of":
                k += 1 + (k + 1 < len(keys) and keys[k + 1] == "the")
                country = self._country_at(toks, keys, k) if k < len(keys) else None
                if country is not None and (alias is None or country[0] > alias[0]):
                    return Match(i, country[0], (state_id(country[1], of[1][0]),), "compose")
        country = self._country_at(toks, keys, i)
        if country is not None:
            j, cc = country
            head = self.heads.longest_at(keys, j) if j < len(keys) else None
            if head is None and j + 1 < len(keys) and keys[j] in ("and", "or"):
                # "Syrian and Russian warplanes": the first country shares the second one's head
                other = self._country_at(toks, keys, j + 1)
                shared = self.heads.longest_at(keys, other[0]) if other and other[0] < len(keys) else None
                if shared is not None:
                    return Match(i, j, tuple(state_id(cc, h) for h in shared[1]), "compose")
            if head is not None and (alias is None or head[0] >= alias[0]):
                return Match(i, head[0], tuple(state_id(cc, h) for h in head[1]), "compose")
            if alias is not None and alias[0] > j:
                return Match(i, alias[0], tuple(alias[1]), "alias")
            return Match(i, j, (f"state:{cc}",), "country")
        if alias is not None:
            return Match(i, alias[0], tuple(alias[1]), "alias")
        capital = self.capitals.longest_at(keys, i)
        if capital is not None:
            return Match(i, capital[0], (f"state:{capital[1][0]}:government",), "capital")
        return None
