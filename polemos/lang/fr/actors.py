"""French actor mentions → ``ActorRef``: French aliases first (``data/actors.tsv``, pointing into the
shared actor dictionary where it has the entry), then the shared dictionary itself (most group names and
acronyms are the same in both languages: "M23", "JNIM"), then French generic words (``data/generic.tsv``:
"hommes armés", "jihadistes", "villageois") for the kind alone."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from polemos.lang.fr.lexicon import read_tsv
from polemos.resolve.gazetteer_names import fold
from polemos.types import ActorRef

if TYPE_CHECKING:
    from polemos.resolve.actors import ActorDictionary

_INSTITUTION_KIND = {"military": "military", "police": "police", "government": "government"}


Row = tuple[str | None, str | None, str | None, str | None]  # (dictionary id, name, kind, country)


@cache
def _alias_rows() -> list[tuple[str, re.Pattern[str], Row]]:
    """(folded alias, its pattern on the folded mention, its row), longest alias first."""
    rows = []
    for alias, ident, name, kind, cc in read_tsv("actors.tsv"):
        key = _fold(alias)
        pat = re.compile(r"(?:^| )" + re.escape(key) + r"(?: |$)")
        rows.append((key, pat, (None if ident == "-" else ident, None if name == "-" else name,
                                None if kind == "-" else kind, None if cc == "-" else cc)))  # fmt: skip
    rows.sort(key=lambda r: -len(r[0]))
    return rows


def _aliases() -> list[tuple[re.Pattern[str], Row]]:
    """(pattern on the folded mention, (dictionary id, name, kind, country)), longest alias first."""
    return [(p, v) for _, p, v in _alias_rows()]


@cache
def _alias_index() -> dict[str, tuple[int, Row]]:
    """Folded alias → (its rank in ``_alias_rows``, its row): the first row of each alias."""
    index: dict[str, tuple[int, Row]] = {}
    for rank, (key, _, row) in enumerate(_alias_rows()):
        index.setdefault(key, (rank, row))
    return index


def _first_alias(key: str) -> Row | None:
    """The row of the first alias of ``_aliases`` (the longest) that the folded mention holds between
    spaces, or None: as trying each alias's pattern in turn, by looking up each run of whole words."""
    if "\n" in key:  # "$" also matches before a final newline: the patterns themselves
        return next((row for pat, row in _aliases() if pat.search(key)), None)
    index = _alias_index()
    starts = [0] + [i + 1 for i, ch in enumerate(key) if ch == " "]
    ends = [i for i, ch in enumerate(key) if ch == " "] + [len(key)]
    best: tuple[int, Row] | None = None
    for a in starts:
        for b in ends:
            if b >= a:
                hit = index.get(key[a:b])
                if hit is not None and (best is None or hit[0] < best[0]):
                    best = hit
    return best[1] if best is not None else None


@cache
def _generic() -> dict[str, str]:
    return {_fold(p): k for p, k in read_tsv("generic.tsv")}


def _fold(text: str) -> str:
    """Folded as the gazetteer folds, an elided article kept apart ("L'EIGS" → "l eigs")."""
    return fold(re.sub(r"['’]", " ", text))


_DETERMINER = re.compile(r"^(?:la|le|les|l) ")


def _french_country(key: str) -> str | None:
    """The ISO2 code of a country the folded mention names by its French name alone ("la Russie",
    "les Etats-Unis", "l'Algérie"): as a doer, that country's state, as English reads "Russia" (a bare
    country name, not an adjective or a place within it)."""
    from polemos.lang.fr.places import exonyms, french_gazetteer

    got = exonyms().get(_DETERMINER.sub("", key))
    if got is None:
        return None
    known, cc = got
    if known is not None:  # a town's French name ("Moscou") is no country; a country's ("Russie") is
        country = french_gazetteer().country(cc)
        if country is None or fold(country.name) != fold(known):
            return None
    return cc


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith(("s", "x")) else word


def resolve(text: str, start: int, end: int, countries: Sequence[str] = ()) -> ActorRef:
    """The actor ``text[start:end]`` names (``text`` the article). Roles, tolls and assembly ask again
    for the same spans of one article: each is resolved once per article (``str`` keeps its hash, so
    the article as a key costs nothing after the first call; ``new_article`` empties the cache)."""
    from polemos.resolve.actors import get_dictionary

    return _resolve(text, start, end, tuple(countries), get_dictionary())


def new_article() -> None:
    """Forget the last article's readings (they are kept for one article only)."""
    _resolve.cache_clear()


@lru_cache(maxsize=4096)
def _resolve(
    text: str, start: int, end: int, countries: tuple[str, ...], dictionary: ActorDictionary
) -> ActorRef:
    mention = text[start:end]
    key = _fold(mention)
    row = _first_alias(key)
    if row is not None:
        ident, name, kind, cc = row
        if ident is not None:
            entry = dictionary.entries.get(ident)
            if entry is not None and entry.name:
                return ActorRef(mention, start, end, name=entry.name, kind=entry.kind, country=entry.country)
            if ident.startswith("state:"):
                cc = ident.split(":")[1]
                inst = ident.split(":")[2]
                return ActorRef(
                    mention, start, end, name=name, kind=_INSTITUTION_KIND.get(inst, "state"), country=cc
                )
        return ActorRef(
            mention, start, end, name=name, kind=kind, country=cc or (countries[0] if countries else None)
        )
    found = dictionary.resolve(text, start, end, countries=countries)
    if found.name is not None:
        return found
    state = _french_country(key)
    if state is not None:
        entry = dictionary.entries.get(f"state:{state}")
        if entry is not None:
            return ActorRef(mention, start, end, name=entry.name, kind=entry.kind, country=entry.country)
    words = key.split()
    for n in (4, 3, 2, 1):  # the longest phrase first: "les forces de l'ordre" is the police
        for i in range(len(words) - n + 1):
            phrase = " ".join(_singular(w) for w in words[i : i + n])
            raw = " ".join(words[i : i + n])
            kind = _generic().get(raw) or _generic().get(phrase)
            if kind is not None:
                country = countries[0] if kind in ("military", "police") and countries else None
                return ActorRef(mention, start, end, kind=kind, country=country)
    return ActorRef(mention, start, end, kind=found.kind, country=found.country)


def is_party_word(mention: str) -> bool:
    """Does the mention name a doer (an armed group, a force, generic armed men)?"""
    key = _fold(mention)
    if _first_alias(key) is not None:
        return True
    words = [_singular(w) for w in key.split()]
    return any(_generic().get(w) in ("unknown", "militia", "rebel", "military", "police") for w in words) or (
        "arme" in words and "homme" in words
    )


ARMED_KINDS = frozenset({"rebel", "militia", "terrorist-designated", "military", "police", "unknown"})


def is_armed(mention: str) -> bool:
    """Does a named entity name an armed doer (not an outlet, an NGO or a UN body)?"""
    ref = resolve(mention, 0, len(mention))
    return ref.kind in ARMED_KINDS and (ref.name is not None or is_party_word(mention))


@cache
def alias_names() -> tuple[str, ...]:
    """The aliases of the French actor table as written (multi-word or capitals: the ones a place
    recogniser may take for a town)."""
    return tuple(a for a, *_ in read_tsv("actors.tsv") if " " in a or "-" in a or a.isupper())


_STATE_ID = re.compile(r"^state:([A-Z]{2}):")


@cache
def _force_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern on the text, country) of each alias naming one state's own forces or government
    ("FARDC", "FAMa", "la PNH", "l'armée nigérienne"); not a name several states' forces share ("FDS")."""
    out = []
    for alias, ident, _name, kind, cc in read_tsv("actors.tsv"):
        m = _STATE_ID.match(ident)
        country = m.group(1) if m else (cc if cc != "-" and kind in _INSTITUTION_KIND else None)
        if country is not None:
            out.append((re.compile(r"(?<!\w)" + re.escape(alias) + r"(?!\w)"), country))
    return tuple(out)


def force_countries(text: str) -> frozenset[str]:
    """The countries a French text names through their forces or government: "les FARDC" is a story
    of the DR Congo as surely as "l'armée congolaise" is."""
    return frozenset(cc for pat, cc in _force_patterns() if pat.search(text))
