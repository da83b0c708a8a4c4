"""Where a French story puts its event, beyond the places its sentences name (issue 15, issue 12 item 3).

- A dateline ("NIAMEY (AFP) -", "Port-au-Prince, 4 octobre 2024 (AFP) —", "BAMAKO, le 3 janv. -") says
  where the story is filed from. The event is at the place its sentences name below the country (a
  town, a village the gazetteer lacks) or in another country; the dateline's town only when they
  name none, as the English reader does (``extraction.event_places``).
- "près de X", "non loin de X", "aux environs de X", "à 20 km de X": the event is near the town, not
  in it; its precision says "near", as English "near X" does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from polemos.resolve.places import is_dateline
from polemos.resolve.places_facility import LOCAL_FEATURES
from polemos.types import PlaceRef

# After the town, before the dash: a French date (", 3 janvier 2021", ", le 4 oct. 2024", " 1er mars")
# and the agency in brackets; the English forms are ``resolve.places.is_dateline``'s.
_FR_DATELINE_REST = re.compile(
    r"^(?:\s*,?\s*(?:le\s+)?\d{1,2}(?:er)?\s+[a-zéû]{3,9}\.?(?:\s+\d{4})?)?"
    r"(?:\s*\([A-Za-zÀ-ÿ .&-]{2,40}\))?\s*(?:—|–|--|-|:)(?:\s|$)"
)


def is_french_dateline(text: str, start: int, end: int) -> bool:
    """Does the place at ``text[start:end]`` open a dateline, in English or in French form?"""
    if is_dateline(text, start, end):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() or not text[start:end][:1].isupper():
        return False
    return bool(_FR_DATELINE_REST.match(text[end : end + 60]))


def _below_country(p: PlaceRef) -> bool:
    # a town or area the gazetteer places, or a village it lacks that the text names
    if p.feature in LOCAL_FEATURES | {"admin1"}:
        return True
    return p.lat is None and not p.demonym and p.text[:1].isupper()


def not_filed_from(text: str, places: Sequence[PlaceRef]) -> list[PlaceRef]:
    """The event's places less the dateline's town when the event's sentences name a place of
    their own: below the dateline's country, or another country ("NIAMEY (AFP) - ... à Ayorou",
    "BAMAKO (AFP) - ... au Burkina Faso")."""
    lines = [p for p in places if p.feature in LOCAL_FEATURES and is_french_dateline(text, p.start, p.end)]
    if not lines:
        return list(places)
    others = [p for p in places if p not in lines]
    out = list(places)
    for line in lines:
        own = any(_below_country(q) and q.country in (None, line.country) for q in others)
        abroad = any(q.country and q.country != line.country and q.status == "resolved" for q in others)
        if own or abroad:
            out.remove(line)
    return out


_NEAR_BEFORE = re.compile(
    r"(?:\b(?:près|auprès|non\s+loin|proximité|environs|abords|alentours|périphérie|portes|sortie|entrée)"
    r"|\b\d+\s*(?:km|kilom[eè]tres?)(?:\s+(?:au|à\s+l['’])\s*(?:nord|sud|est|ouest)(?:-(?:est|ouest))?)?)"
    r"\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)"
    r"(?:(?:la\s+)?(?:ville|localité|commune|capitale|village)\s+(?:de\s+|d['’]\s*))?$",
    re.I,
)


def with_nearness(text: str, places: Sequence[PlaceRef]) -> list[PlaceRef]:
    """Places a French cue puts the event near ("près de Ayorou", "à 30 km au nord de Kidal"): a
    resolved town's precision becomes "near"."""
    out = []
    for p in places:
        if (
            p.lat is not None
            and p.feature in ("city", "neighbourhood", "landmark")
            and p.precision == "exact"
            and _NEAR_BEFORE.search(text[max(0, p.start - 50) : p.start])
        ):
            p = replace(p, precision="near")
        out.append(p)
    return out
