"""Where a French text puts a village the gazetteer lacks, and which mentions only describe a place.

A village below the gazetteer's threshold stays unresolved (no point is made up), but keeps the country
and admin1 area the text gives it, as English does ("Xyzabad village, Ghazni province"):
- a container right after it: "Tchomo-Bangou, dans la région de Tillabéri", "X, un village du
  département de Ouallam", "X, une localité du département de l'Artibonite", "les villages de X et Y
  dans la préfecture de Ouallam au Niger" (the list shares it), "X, dans le nord-ouest du Niger";
  a town as container lends its admin1 and country;
- "dans le centre du pays": the country the article is about;
- the same village told again (one sense per story; spellings compared by their consonants);
- else, in a story about one country, that country, and its admin1 area when the story names one only.

The containers themselves ("département de Ouallam", "la commune de Tondikiwindi") describe the village;
``containers`` returns their spans so that the event's place is the village, the finest place the text
gives. Unresolved mentions that are institutions, not places ("Haut-Commissariat", "l'État nigérien",
"MMAS"), or names run together by a typo ("AlkacheAlhada"), are dropped. A compass point the gazetteer
has no area of ("dans ses parties Ouest et Sud-Est") is a direction in the story's country, never in
the one admin1 area the story names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from polemos.lang.fr.places import DIRECTIONS
from polemos.resolve.gazetteer_names import consonants, fold
from polemos.types import PlaceRef

_ADMIN_WORDS = (
    r"(?:région|province|préfecture|sous-préfecture|département|commune|cercle|district|territoire|"
    r"chefferie|secteur|groupement|arrondissement|wilaya|gouvernorat|état|zone|localité|municipalité)"
)
_DIRECTIONS = r"(?:extrême-)?(?:nord|sud|est|ouest|centre)(?:-(?:est|ouest))?"
_KIND = r"(?:localité|village|ville|commune|bourgade|hameau|agglomération|bourg|cité)"
_OF = r"(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)"
# the text between a village and the place that contains it
_CONTAINER = re.compile(
    r"^[\s,«»\"“”]*"
    r"(?:(?:une?|la|le)\s+(?:petite?\s+|grande?\s+)?" + _KIND + r"s?\s+)?"
    # "frontalier du Mali" says which country it borders, not which holds it; "frontalière située dans"
    r"(?:(?:frontali[eè]re?s?\s+)?(?:située?s?|localisée?s?)\s+)?"
    r"(?:(?:dans|en|au|aux|à|de|du|des)\s+)?(?:l['’]\s*|la\s+|le\s+|les\s+)?"
    r"(?:(?:" + _ADMIN_WORDS + r"|" + _DIRECTIONS + r")(?:\s+[a-zéèêîôû-]+ale?s?)?\s+" + _OF + r")?"
    r"(?:l['’]\s*|la\s+|le\s+)?$",
    re.I,
)
_THE_COUNTRY = re.compile(
    r"^[\s,«»\"“”]*(?:dans|à)\s+(?:le|l['’])\s*(?:" + _DIRECTIONS + r")\s+du\s+pays\b", re.I
)
_LIST = re.compile(r"^\s*(?:,|et|ou)\s*$")
_ADMIN_BEFORE = re.compile(r"\b" + _ADMIN_WORDS + r"s?\s+" + _OF + r"$", re.I)
# before a place that only locates another one or a person: "frontalier du Mali", "près de la frontière
# avec le Mali", "la route reliant Port-au-Prince à Cap-Haïtien", "à 120 km au nord de Niamey", "le maire
# de Tondikiwindi"
_REFERENCE_BEFORE = re.compile(
    r"(?:\bfrontali[eè]re?s?\s+(?:du|de\s+la|de\s+l['’]|des|avec\s+(?:le|la|l['’]))|\bfrontières?\s+(?:avec|entre)"
    r"\s+(?:le\s+|la\s+|l['’]\s*)?|\b(?:reliant|entre|axe)\s+(?:[\w'’-]+\s+){0,3}(?:à|et)?\s*|"
    r"\bkilom[eè]tres?\s+(?:\w+\s+){0,3}(?:de|du|d['’])\s*(?:la\s+capitale\s+)?|\bkm\s+(?:\w+\s+){0,3}(?:de|du|d['’])"
    r"\s*(?:la\s+capitale\s+)?|\b(?:maire|gouverneur|préfet|élus?|député|sous-préfet)\s+(?:de|du|d['’])\s*)\s*$",
    re.I,
)
_BORDER_BEFORE = re.compile(
    r"(?:\bfrontali[eè]re?s?\s+(?:du|de\s+la|de\s+l['’]|des|avec\s+(?:le|la|l['’]))|\bfrontières?\s+avec"
    r"\s+(?:le\s+|la\s+|les\s+|l['’]\s*)?)\s*$",
    re.I,
)
_DESCRIBED_AFTER = re.compile(
    r"^\s*,\s*(?:la\s+|le\s+|une?\s+)?(?:commune|préfecture|département|chef-lieu|région|province|cercle)\b",
    re.I,
)
_THE_SAHEL = re.compile(r"(?:\b(?:au|le|du)\s+)$", re.I)  # "au Sahel": the region, not Burkina's province
_NOT_PLACE_WORDS = frozenset(
    """état haut-commissariat commissariat défense intérieur ministère gouvernement assemblée mission
    présidence primature parlement sénat conseil armée police gendarmerie""".split()
)


def same_name(a: str, b: str) -> bool:
    fa, fb = fold(a).replace(" ", "").replace("-", ""), fold(b).replace(" ", "").replace("-", "")
    if fa == fb:
        return True
    sa, sb = consonants(a), consonants(b)
    return len(sa) >= 4 and sa == sb


def _unknown(p: PlaceRef) -> bool:
    return p.lat is None and p.geonameid is None and not p.demonym and p.within is None


def not_a_place(text: str, p: PlaceRef) -> bool:
    """An unresolved mention that names an institution or is a typo's run-together names."""
    if not _unknown(p):
        return False
    first = p.text.split()[0].lower() if p.text.split() else ""
    if first in _NOT_PLACE_WORDS:
        return True
    if re.search(r"[a-zé][A-Z]", p.text):  # "AlkacheAlhada"
        return True
    before = text[max(0, p.start - 4) : p.start].lower()
    return p.text.isupper() and len(p.text) >= 3 and not re.search(r"(?:à|au|en)\s*$", before)


def situate(
    text: str, places: Sequence[PlaceRef], demonyms: frozenset[str] = frozenset()
) -> tuple[list[PlaceRef], set[tuple[int, int]]]:
    """The places with each unknown village given the country and admin1 area the text puts it in,
    and the spans of the mentions that are only containers of such a village. ``demonyms``: the
    countries the text names by an adjective ("des soldats maliens"), the story's country when its
    places name none."""
    ps = [
        p
        for p in places
        if not not_a_place(text, p)
        and not (p.text == "Sahel" and _THE_SAHEL.search(text[max(0, p.start - 4) : p.start]))
    ]
    # a country named as the other side of a border ("proche de la frontière avec le Burkina Faso") is
    # where the story is not: it does not count for the story's country
    main = _main_country([p for p in ps if not _BORDER_BEFORE.search(text[max(0, p.start - 40) : p.start])])
    if main is None and len(demonyms) == 1 and not any(p.country for p in ps if not _unknown(p)):
        main = next(iter(demonyms))
    area: dict[int, tuple[str | None, str | None]] = {}
    containers: set[tuple[int, int]] = set()
    for k, p in enumerate(ps):
        if not _unknown(p):
            continue
        for q in ps[k + 1 : k + 4]:
            between = text[p.end : q.start]
            if len(between) > 60:
                break
            if _unknown(q) and _LIST.match(between):
                continue  # "les villages de X et Y dans la préfecture de Z": the list shares Z
            if q.country and not q.demonym and _CONTAINER.match(between):
                area[k] = (q.country, q.admin1)
                if q.feature != "country":
                    containers.add((q.start, q.end))
            break
        if k not in area and main is not None and _THE_COUNTRY.match(text[p.end : p.end + 40]):
            area[k] = (main, None)
    # a list shares its container: "X et Y dans la préfecture de Z"
    for k in sorted(area, reverse=True):
        j = k - 1
        while j >= 0 and _unknown(ps[j]) and j not in area and _LIST.match(text[ps[j].end : ps[j + 1].start]):
            area[j] = area[k]
            j -= 1
    # a place named as an area ("le département de Ouallam", "Tondikiwindi, la commune …") or as a
    # reference ("frontalier du Mali", "le maire de X") only says where something else is
    for p in ps:
        before = text[max(0, p.start - 60) : p.start]
        if (
            p.feature != "admin1"
            and _ADMIN_BEFORE.search(before[-30:])
            and not re.search(r"\bvillages?\s+de\s+$", before[-12:], re.I)
        ):
            containers.add((p.start, p.end))
        if _REFERENCE_BEFORE.search(before) or _DESCRIBED_AFTER.match(text[p.end : p.end + 30]):
            containers.add((p.start, p.end))
    # one sense per story: the same village told again, in another spelling
    for k, p in enumerate(ps):
        if k in area or not _unknown(p):
            continue
        same = next((area[j] for j in area if same_name(ps[j].text, p.text)), None)
        if same is not None:
            area[k] = same
    fallback = (main, _sole_admin1(ps, main)) if main is not None else None
    out = []
    for k, p in enumerate(ps):
        if _unknown(p) and p.country is None:
            got = area.get(k) or fallback
            if got is not None and k not in area and fold(p.text) in DIRECTIONS:
                got = (got[0], None)  # "le Sud-Est" of a story about Tillabéri is not in Tillabéri
            if got is not None:
                p = replace(p, country=got[0], admin1=p.admin1 or got[1])
        out.append(p)
    return _shared(out), containers


def _shared(ps: list[PlaceRef]) -> list[PlaceRef]:
    """One sense per story, both ways: a village told again keeps the admin1 area another of its
    mentions was given ("Pont-Rouge, dans le centre du pays" then "Pont-Rouge, dans la région de
    l'Artibonite"), so every mention, the first one an event takes among them, says the same."""
    out = list(ps)
    for k, p in enumerate(out):
        if not _unknown(p) or p.admin1 is not None:
            continue
        for q in ps:
            if (
                q is not p
                and _unknown(q)
                and q.admin1 is not None
                and q.country is not None
                and p.country in (None, q.country)
                and same_name(p.text, q.text)
            ):
                out[k] = replace(p, country=q.country, admin1=q.admin1)
                break
    return out


def _main_country(ps: Sequence[PlaceRef]) -> str | None:
    """The country a story is about: the one its places name most, at least twice as often as the
    next."""
    c = Counter(p.country for p in ps if p.country and not p.demonym and not _unknown(p))
    top = c.most_common(2)
    if not top or (len(top) > 1 and top[0][1] < 2 * top[1][1]):
        return None
    return top[0][0]


def _sole_admin1(ps: Sequence[PlaceRef], cc: str | None) -> str | None:
    names = {p.admin1 for p in ps if p.feature == "admin1" and p.country == cc and p.admin1}
    return next(iter(names)) if len(names) == 1 else None
