"""French names of places: the gazetteer as French articles need it.

``FrenchGazetteer`` answers every lookup as the shared gazetteer does, and first with the place a French
exonym names ("Tchad" → Chad, "RDC" → DR Congo, "Le Caire" → Cairo): the French country names of
ISO 3166 (pycountry's French locale) and ``data/places.tsv``. English articles never see it.
"""

from __future__ import annotations

import gettext
from functools import cache, lru_cache

from polemos.lang.fr.lexicon import read_tsv
from polemos.resolve.gazetteer import Gazetteer, Place, open_gazetteer
from polemos.resolve.gazetteer_names import fold


@cache
def exonyms() -> dict[str, tuple[str | None, str]]:
    """Folded French name → (gazetteer name or None for the country itself, ISO2)."""
    import pycountry

    out: dict[str, tuple[str | None, str]] = {}
    try:
        fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    except OSError:  # a pycountry without its locales: the table below still holds
        fr = None
    if fr is not None:
        for c in pycountry.countries:
            name = fr.gettext(c.name)
            if "," in name:  # "Åland, Îles": ISO's inverted form is no running-text name
                continue
            out.setdefault(fold(name), (None, c.alpha_2))
            short = name.split(" (")[0]
            out.setdefault(fold(short), (None, c.alpha_2))
    for french, known, cc in read_tsv("places.tsv"):
        out[fold(french)] = (known, cc)
    return out


class FrenchGazetteer(Gazetteer):
    """The shared gazetteer, reading French exonyms too."""

    def __init__(self, base: Gazetteer) -> None:
        super().__init__(base.path)
        self.lookup = lru_cache(maxsize=200_000)(self._lookup_fr)

    def _lookup_fr(self, key: str) -> tuple[Place, ...]:
        found = self._lookup(key)
        alias = exonyms().get(key)
        if alias is None:
            return found
        known, cc = alias
        if known is None:
            country = self.country(cc)
            first: tuple[Place, ...] = (country,) if country is not None else ()
        else:
            first = tuple(p for p in self._lookup(fold(known)) if p.cc == cc)
        return first + tuple(p for p in found if p not in first)


@cache
def french_gazetteer() -> FrenchGazetteer:
    return FrenchGazetteer(open_gazetteer())
