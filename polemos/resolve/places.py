"""Place resolution: each mention → one gazetteer entry, chosen by the article's own context.

Candidates come from the folded name, then the name without an Arabic article or an area word
("Idlib province"), then a consonant skeleton checked by a bounded fuzzy ratio (transliteration
drift; the index keeps skeletons only for countries written in a non-Latin script). Each candidate
is scored (log population, feature class, how the name matched; ``places_score``) and the article's
context moves the scores: countries and admin areas it names, an "X, Y" apposition ("Paris,
Texas"), and nearness to the other places it resolves (two passes). A country or admin1 name
resolves to the area, not to a town of that name. A mention nothing matches stays, unresolved,
with null coordinates; no mention can remove another.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from rapidfuzz import fuzz

from polemos.resolve.gazetteer import Gazetteer, Place, open_gazetteer
from polemos.resolve.gazetteer_names import AREA_WORDS, fold, skeleton, strip_area_word, strip_article
from polemos.resolve.places_demonyms import demonym_target
from polemos.resolve.places_facility import (
    HEAD_FIRST,
    LOCAL_FEATURES,
    container_between,
    embedded_names,
    facility_kind,
)
from polemos.resolve.places_score import (
    Context,
    Mention,
    base_score,
    contains,
    context_score,
    is_big_city,
    km,
)
from polemos.resolve.places_teams import team_home
from polemos.types import PlaceRef

PRECISION = {"landmark": "exact", "neighbourhood": "exact", "city": "exact", "admin2": "admin2",
             "admin1": "admin1", "region": "region", "country": "country"}  # fmt: skip
AMBIGUOUS_MARGIN = 0.5
MAX_CANDIDATES = 40  # readings of one name kept after the context-free score
MIN_KNOWN_POPULATION = 100_000  # a town this big needs no confirmation to be the one a name carries

_NEAR_BEFORE = re.compile(
    r"\b(near|nearby|outskirts of|suburbs? of|vicinity of|close to|outside|around|(?:north|south|east|west)"
    r"(?:-?(?:east|west))?(?:ern)? of|\d+\s*(?:km|kilometres|kilometers|miles)\s+(?:\w+\s+)?(?:from|of))"
    r"\s+(?:the\s+)?(?:(?:town|city|village|capital)\s+of\s+)?$",
    re.I,
)
# "Nyanza province", "Nyanza Province" (a name the recogniser ended before its area word); not
# "Columbia State", "Ohio State": capitalised, a university's name
_AREA_AFTER = re.compile(
    r"^\s+(" + "|".join(sorted(AREA_WORDS | {w.capitalize() for w in AREA_WORDS if w != "state"})) + r")\b"
)
_AREA_BEFORE = re.compile(r"\b(" + "|".join(sorted(AREA_WORDS)) + r")\s+of\s+$", re.I)
# "the northeastern city of Kharkiv", "the town of Gao", "Kharkiv city": the text calls it a town
_CITY_BEFORE = re.compile(
    r"\b(?:city|town|village|capital|port|suburb|neighbou?rhood)\s+of\s+(?:the\s+)?$", re.I
)
_CITY_AFTER = re.compile(r"^\s+(?:city|town|village)\b(?!\s+(?:of|council|hall)\b)", re.I)
# What follows a dateline's place on its line: ", Ukraine —", " (Reuters) -", ", Syria, March 3 (AP) --"
_DATELINE_REST = re.compile(
    r"^(?:\s*,\s*[A-Z][\w.'’ -]{0,30}?){0,3}(?:\s*,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"(?:\s*\([A-Za-z .&-]{2,40}\))?\s*(?:—|–|--|-|:)(?:\s|$)"
)
_APPOSITION = re.compile(r"^\s*,\s*$|^\s*\(\s*$")
_LIST_SEP = re.compile(r"^\s*(?:,|;|,?\s+(?:and|or))\s*$")


def is_dateline(text: str, start: int, end: int) -> bool:
    """Does the place at ``text[start:end]`` open a dateline ("KHARKIV, Ukraine —", "BOSTON —",
    "Aleppo, Syria (Reuters) -")? A dateline names the town the story is filed from, never a province.
    Only upper-case or capitalised names at the start of a line, before a dash within the line."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    surface = text[start:end]
    if not surface[:1].isupper():
        return False
    rest = text[end : text.find("\n", end) if "\n" in text[end : end + 80] else end + 80]
    return bool(_DATELINE_REST.match(rest))


def _candidates(g: Gazetteer, surface: str, followed_by_dot: bool) -> tuple[str, list[Place]]:
    key = fold(surface)
    if key.startswith("the "):
        key = key[4:]
    letters = "".join(c for c in surface if c.isalpha())
    if letters.isupper() and len(letters) <= 4:
        found = g.lookup("=" + letters)
        if found:
            return "=" + letters, list(found)
    if followed_by_dot or surface.endswith("."):
        found = g.lookup(key + ".")
        if found:
            return key, list(found)
    for k in dict.fromkeys(
        (key, strip_article(key), strip_area_word(key), strip_article(strip_area_word(key)))
    ):
        found = g.lookup(k)
        if found:
            return k, list(found)
    base = strip_article(strip_area_word(key))
    sk = skeleton(base)
    if len(base) < 5 or len(sk) < 3:
        return key, []
    fuzzy = []
    for place in g.lookup_skeleton(sk):
        best = max((fuzz.ratio(base, strip_article(n)) for n in g.names_of(place.id)), default=0)
        if best >= 80:
            fuzzy.append(replace(place, kind=3))
    return key, fuzzy


def spelling_candidates(g: Gazetteer, surface: str) -> list[Place]:
    """The gazetteer's readings of a name, allowing transliteration drift (the fuzzy fallback):
    "Maaret al-Numan" -> Ma`arrat an Nu`man."""
    return _candidates(g, surface, False)[1]


def _demonym_place(g: Gazetteer, surface: str) -> Place | None:
    target = demonym_target(surface)
    if target is None:
        return None
    if target.startswith(("~", "@")):
        wanted = "admin1" if target[0] == "@" else None
        for place in g.find(target[1:]):
            if wanted is None or place.feature == wanted:
                return place
        return None
    return g.country(target)


def _prepare(g: Gazetteer, text: str, start: int, end: int, demonym: bool) -> Mention:
    surface = text[start:end]
    m = Mention(start, end, surface, demonym)
    if demonym:
        place = _demonym_place(g, surface)
        m.cands = [place] if place else []
        return m
    m.facility = facility_kind(surface)
    if m.facility is None and _head_first(surface) and not g.lookup(fold(surface)):
        m.facility = "building"  # "Camp Taji", "Fort Hood"; but "Fort Worth" is a town
    if m.facility:  # only a curated entry of that very name; never a town inside it or a fuzzy match
        m.key = fold(surface)
        m.cands = [c for c in g.lookup(m.key) if c.id < 0 or c.feature == "landmark"]
        return m
    m.key, m.cands = _candidates(g, surface, text[end : end + 1] == ".")
    m.team = team_home(surface, text[end : end + 40])
    before = text[max(0, start - 60) : start]
    m.near = bool(_NEAR_BEFORE.search(before))
    m.area_hint = (
        strip_area_word(fold(surface)) != fold(surface)
        or bool(_AREA_AFTER.match(text[end : end + 20]))
        or bool(_AREA_BEFORE.search(before))
    )
    m.city_hint = not m.area_hint and (
        bool(_CITY_BEFORE.search(before))
        or bool(_CITY_AFTER.match(text[end : end + 20]))
        or is_dateline(text, start, end)
    )
    m.cands = sorted(m.cands, key=lambda c: -base_score(c, m))[:MAX_CANDIDATES]
    return m


def _head_first(surface: str) -> bool:
    words = surface.split()
    return len(words) > 1 and words[0].lower() in HEAD_FIRST


def _choose(ms: list[Mention], ctx: Context) -> None:
    done: dict[tuple, tuple[list[Place], list[float]]] = {}  # same name, same cues: same ranking
    views: dict[str, tuple] = {}
    for m in ms:
        if m.demonym or not m.cands:
            m.scores = [1.0] * len(m.cands)
            continue
        container = tuple(c.id for c in m.container.cands[:3]) if m.container is not None else ()
        listed = tuple(sorted(m.listed_with.items()))
        memo = (
            m.key,
            m.area_hint,
            m.city_hint,
            container,
            listed,
            m.listed_capitals,
            m.city_list,
            m.team,
            tuple(c.id for c in m.cands),
        )
        if memo not in done:
            if m.key not in views:
                views[m.key] = ctx.view(m.key)
            scores = [context_score(c, m, views[m.key], m.cands) for c in m.cands]
            order = sorted(range(len(m.cands)), key=lambda k: -scores[k])
            done[memo] = ([m.cands[k] for k in order], [scores[k] for k in order])
        m.cands, m.scores = list(done[memo][0]), list(done[memo][1])


def _context(ms: list[Mention]) -> Context:
    ctx = Context()
    for m in ms:
        if m.cands:
            ctx.add(m.key if not m.demonym else f"demonym:{m.cands[0].id}", m.cands[0], m.cands)
    return ctx


def _one_sense(ms: list[Mention]) -> None:
    """One sense per article: a bare name takes the reading its team's name gave it elsewhere
    ("the Portland Trail Blazers" … "their series with Portland"), or the town the text called it
    elsewhere ("the city of Kharkiv", a dateline) unless it says area ("Kharkiv region")."""
    pinned: dict[str, Mention] = {}
    for m in ms:  # "the city of Kharkiv" (or a "KHARKIV, Ukraine —" dateline) … "in Kharkiv"
        if m.city_hint and m.cands and m.cands[0].feature in LOCAL_FEATURES:
            pinned.setdefault(m.key, m)
    for m in ms:
        if m.team is not None and m.cands and (m.cands[0].cc, m.cands[0].admin1) == m.team:
            pinned.setdefault(m.key, m)
    for m in ms:
        p = pinned.get(m.key)
        if p is not None and m.team is None and m.container is None and not m.demonym and not m.area_hint:
            m.cands, m.scores = list(p.cands), list(p.scores)


def _lists(text: str, ms: list[Mention]) -> None:
    """For each name in a list ("Alaska, Hawaii and Georgia"), the countries of the admin1 areas
    (by their first reading) listed with it: a list names things of one kind."""
    groups: list[list[Mention]] = []
    for k, m in enumerate(ms):
        if k and _LIST_SEP.match(text[ms[k - 1].end : m.start]):
            groups[-1].append(m)
        else:
            groups.append([m])
    for group in groups:
        for m in group:
            m.listed_with = Counter(
                o.cands[0].cc
                for o in group
                if o is not m and o.cands and not o.demonym and o.cands[0].feature == "admin1"
            )
            m.listed_capitals = sum(
                1 for o in group if o is not m and o.cands and not o.demonym and o.cands[0].capital
            )
        if len(group) >= 3 and all(_big_city_countries(m) for m in group):
            for m in group:
                m.city_list = True


def resolve_places(
    text: str,
    mentions: Sequence[tuple[int, int, bool]],
    *,
    published: date | None = None,
    gazetteer: Gazetteer | None = None,
    named_countries: frozenset[str] | None = None,
    directions: frozenset[str] = frozenset(),
) -> list[PlaceRef]:
    """Resolve place mentions ``(start, end, is_demonym)`` of ``text`` against the gazetteer.

    ``named_countries`` (a language bundle's opt-in; None leaves resolution as it always was): the
    countries the text names beyond its place mentions (a demonym the recogniser does not read, "soldats
    nigériens"); then a small town abroad is no reading of a name in a story about the countries the
    text names (``_in_named_countries``), and a compass word (``directions``, folded: "nord-ouest")
    reads only as an area of those countries."""
    g = gazetteer or open_gazetteer()
    ms = [_prepare(g, text, s, e, d) for s, e, d in sorted(set(mentions))]
    for k, (a, b) in enumerate(zip(ms, ms[1:], strict=False)):
        if not b.demonym and _APPOSITION.match(text[a.end : b.start]) and not _area_list(text, ms, k):
            a.container = b
    _choose(ms, Context())  # pass 1: names, features, populations, appositions
    _lists(text, ms)
    ctx = _context(ms)
    _choose(ms, ctx)  # pass 2: the article's countries, admin areas and places
    _no_foreign_town_for_an_area(text, ms)
    _area_named_after_its_town(g, ms)
    _no_spelling_outside_its_container(ms)
    if named_countries is not None:
        _in_named_countries(text, ms, named_countries, directions)
    _one_sense(ms)
    _locate(g, text, ms, _context(ms))
    areas = _areas(text, ms)
    return [_to_ref(m, areas.get(k)) for k, m in enumerate(ms)]


def _in_named_countries(
    text: str, ms: list[Mention], extra: frozenset[str], directions: frozenset[str]
) -> None:
    """Readings of a story that names its countries (as countries, by a demonym, or by a dateline's
    town): a name whose best reading is a small town or an area of a country the text never names
    takes its best reading in a named country, else none (unresolved: the text's own country places
    it). "Centrafrique : … à Goya" is not Goya, Argentina. A compass word ("le Nord-Ouest") is a
    direction in the named country: only that country's area of the name is a reading of it."""
    named = set(extra) | {
        m.cands[0].cc for m in ms if m.cands and (m.demonym or m.cands[0].feature == "country")
    }
    if not named:  # no country named: a dateline's town says where the story is ("BANGUI (AFP) -")
        named = {
            m.cands[0].cc
            for m in ms
            if m.cands and m.cands[0].feature in LOCAL_FEATURES and is_dateline(text, m.start, m.end)
        }
    named.discard(None)
    for m in ms:
        if m.demonym or not m.cands or m.container is not None or m.team is not None:
            continue
        if m.key in directions:
            keep = [k for k, c in enumerate(m.cands) if c.feature in ("admin1", "region") and c.cc in named]
        else:
            top = m.cands[0]
            if not named or top.cc in named or top.feature in ("country", "region"):
                continue
            if (
                (top.kind == 0 and (top.population >= MIN_KNOWN_POPULATION or top.capital))
                or (top.kind == 1 and top.capital)
            ) and not _NEIGHBOURHOOD_BEFORE.search(text[max(0, m.start - 30) : m.start]):
                # a big town or a capital abroad is named as itself ("à Paris"), a capital by its
                # French name too ("Bruxelles", "Varsovie"); another town's other name is more often
                # a local name that happens to be one of its spellings ("Boni" is Bonn's, "Mambasa"
                # Mombasa's) than that town
                continue
            keep = [k for k, c in enumerate(m.cands) if c.cc in named]
        m.cands = [m.cands[k] for k in keep]
        m.scores = [m.scores[k] for k in keep] if m.scores else []


# a name the text calls a neighbourhood ("le quartier de Brooklyn, à Cité Soleil", "the neighbourhood
# of Brooklyn") is a part of a town of the story, not the big town abroad of that name
_NEIGHBOURHOOD_BEFORE = re.compile(
    r"\b(?:quartiers?|neighbou?rhoods?)\s+(?:(?:de|du|of)\s+|d['’])?(?:la\s+|l['’]|the\s+)?$", re.I
)


def _no_spelling_outside_its_container(ms: list[Mention]) -> None:
    """ "Rafai, Mbomou, CAR": the text says which area holds the name; a reading found only by
    spelling drift (Rafah, Gaza) outside that area is no reading of it. The name stays, unresolved,
    with the area the text gives."""
    for m in ms:
        box = m.container
        if box is None or m.demonym or not m.cands or not box.cands or box.demonym:
            continue
        keep = [k for k, c in enumerate(m.cands) if c.kind < 3 or any(contains(o, c) for o in box.cands[:3])]
        if len(keep) < len(m.cands):
            m.cands = [m.cands[k] for k in keep]
            m.scores = [m.scores[k] for k in keep] if m.scores else []


_COUNTRYSIDE_OF = re.compile(r"\bcountryside\s+of\s+(?:the\s+)?$", re.I)


def _no_foreign_town_for_an_area(text: str, ms: list[Mention]) -> None:
    """The text says area ("Nyanza province", "the Sool region") but the gazetteer knows no area of
    that name, only a town in a country the article never names, while it names others: that
    town is not the place ("medical camps in Nyanza province" of a Kenya story is not Nyanza,
    Rwanda). The name stays, unresolved, for the text's own area or country to place it."""
    drop = []
    for m in ms:
        if not m.area_hint or not m.cands or m.demonym or m.team is not None or m.container is not None:
            continue
        town = m.cands[0]
        if town.feature not in LOCAL_FEATURES or any(
            c.feature in ("admin1", "admin2", "region") for c in m.cands
        ):
            continue
        if _COUNTRYSIDE_OF.search(text[max(0, m.start - 30) : m.start]):
            continue  # "the countryside of Tal Tamr": the land around that very town
        # the countries of the other places the article names (not its other mentions of this town)
        countries = {o.cands[0].cc for o in ms if o.cands and o.cands[0].id != town.id and o.cands[0].cc}
        if countries and town.cc not in countries:
            drop.append(m)
    for m in drop:
        m.cands, m.scores = [], []


def _area_named_after_its_town(g: Gazetteer, ms: list[Mention]) -> None:
    """The text says area ("Lugansk region", "Hasaka governorate", "Kursk region") and the
    gazetteer knows the name only as a town, whose own admin1 area bears the town's name
    (Luhanska oblast, Al Hasakah, Kurskaya oblast'): that area is the place, at its precision, not
    the town passed off as exact."""
    for m in ms:
        if not m.area_hint or not m.cands or m.demonym or m.container is not None or m.team is not None:
            continue
        if any(c.feature in ("admin1", "admin2", "region", "country") for c in m.cands):
            continue
        town = m.cands[0]
        if town.feature not in LOCAL_FEATURES or not town.admin1 or not town.cc:
            continue
        area = next(
            (
                c
                for c in g.lookup(fold(town.admin1))
                if c.feature == "admin1" and c.cc == town.cc and c.admin1 == town.admin1
            ),
            None,
        )
        if area is not None and _named_after(area.name, town.name):
            m.cands, m.scores = [area, *m.cands], [(m.scores[0] if m.scores else 0.0) + 1.0, *m.scores]


def _named_after(area: str, town: str) -> bool:
    """Does an area's name begin with its town's ("Luhanska oblast" / Luhansk, "Al Hasakah")?"""
    a, t = strip_article(strip_area_word(fold(area))), strip_article(fold(town))
    return len(t) >= 4 and a.replace("-", " ").startswith(t.replace("-", " "))


def _area_list(text: str, ms: list[Mention], k: int) -> bool:
    """Is "A, B" (mentions k and k+1) part of a list of one country's areas rather than "Paris,
    Texas"? So when a third name joined to them by "and" or a comma can be an area of the same
    country as both ("Washington, Pennsylvania and California", "Georgia, Oklahoma,
    Pennsylvania"): a list names things of one kind."""
    a, b = ms[k], ms[k + 1]
    after = k + 2 < len(ms) and _LIST_SEP.match(text[b.end : ms[k + 2].start])
    # a list of one country's cities: "Washington, New York and Chicago" names three cities, not a
    # Washington in New York State; "Portland, Oregon and Seattle" stays a town and its state,
    # since no big city is called Oregon
    cities = _big_city_countries(a) & _big_city_countries(b)
    if after and cities & _big_city_countries(ms[k + 2]):
        return True
    shared = _area_countries(a) & _area_countries(b)
    if not shared:
        return False
    if after and shared & _area_countries(ms[k + 2]):
        return True
    if k > 0 and _LIST_SEP.match(text[ms[k - 1].end : a.start]):
        return bool(shared & _area_countries(ms[k - 1]))
    return False


def _area_countries(m: Mention) -> set[str]:
    return (
        {c.cc for c in m.cands if c.feature == "admin1" and c.cc and c.kind == 0} if not m.demonym else set()
    )


def _big_city_countries(m: Mention) -> set[str]:
    return set() if m.demonym else {c.cc for c in m.cands if c.cc and is_big_city(c)}


def _local(m: Mention) -> bool:
    return bool(m.cands) and not m.demonym and m.within is None and m.cands[0].feature in LOCAL_FEATURES


def _named_place(g: Gazetteer, m: Mention, ctx: Context) -> Place | None:
    """The place a building's own name carries, read in the article's context, when that reading
    is an area, a big town, named on its own elsewhere, near the article's other places, or in an
    admin1 area the article names."""
    for name in embedded_names(m.text):
        key, found = _candidates(g, name, False)
        single = " " not in key
        cands = [c for c in found if c.kind == 0 or (c.kind == 1 and not single)]
        if not cands:
            continue
        probe = Mention(m.start, m.end, name, False, key=key)
        view = ctx.view(key)
        best = max(cands, key=lambda c: context_score(c, probe, view, cands))
        points = [p for k, p in ctx.points if k != key and p.feature in LOCAL_FEATURES]
        if (
            best.feature in ("country", "admin1", "region")
            or best.population >= MIN_KNOWN_POPULATION
            or key in ctx.readings
            or any(km(best, p) <= 100 for p in points)
            or view[1].get((best.cc, best.admin1))  # "Derry's … Hospital" in a Northern Ireland story
        ):
            return best
    return None


def _placed(m: Mention, areas: bool = False) -> Place | None:
    """Where a mention is, when that is a local place (a town, not a whole area); with ``areas``
    also a province or a district, which holds a camp or a base the text puts in it ("the Zamzam
    camp in North Darfur": in that area, at its precision)."""
    if m.demonym:
        return None
    place = m.within or (m.cands[0] if m.cands else None)
    wanted = _FACILITY_CONTAINERS if areas else LOCAL_FEATURES
    return place if place is not None and place.feature in wanted else None


_FACILITY_CONTAINERS = LOCAL_FEATURES | {"admin1", "admin2"}


def _locate(g: Gazetteer, text: str, ms: list[Mention], ctx: Context) -> None:
    """Put each unknown name where its own name or the text puts it (see ``places_facility``)."""
    unknown = [k for k, m in enumerate(ms) if not m.cands and not m.demonym]
    for k in unknown:
        if ms[k].facility == "building":
            ms[k].within = _named_place(g, ms[k], ctx)
    for k in unknown:
        m = ms[k]
        nxt = ms[k + 1] if k + 1 < len(ms) else None
        prev = ms[k - 1] if k > 0 else None
        if m.within is not None:
            continue
        if (
            nxt is not None
            and _placed(nxt)
            and container_between(text, (m.start, m.end), (nxt.start, nxt.end), left_is_container=False)
        ):
            m.within = _placed(nxt)
        elif (
            prev is not None
            and _placed(prev)
            and container_between(text, (prev.start, prev.end), (m.start, m.end), left_is_container=True)
        ):
            m.within = _placed(prev)
    for k in unknown:
        m = ms[k]
        if m.within is None and m.facility:  # a street in a local story is in that story's town
            # in the admin1 area the article names most (not a demonym's), else its main country
            home = ctx.view("")[0].most_common(1)
            named = Counter(
                (o.cands[0].cc, o.cands[0].admin1)
                for o in ms
                if o.cands and not o.demonym and o.cands[0].feature == "admin1"
            ).most_common(2)
            area = named[:1] if len(named) < 2 or named[0][1] > named[1][1] else []
            towns = [(o, p) for o in ms if o is not m and (p := _placed(o)) is not None]
            pools = (
                [o for o, p in towns if area and (p.cc, p.admin1) == area[0][0]],
                [o for o, p in towns if home and p.cc == home[0][0]],
                [o for o, _ in towns],
            )
            near = next((pool for pool in pools if pool), [])
            nearest = min(near, key=lambda o: abs(o.start - m.start), default=None)
            m.within = _placed(nearest) if nearest is not None else None


# between an unknown village and the area the text puts it in: "Xyzabad village, Ghazni province",
# "the town of Mainok in Borno state"
_IN_AREA = re.compile(r"^\s*(?:(?:village|town|hamlet|locality)\s*)?(?:,|\bin\b|\bof\b)\s*(?:the\s+)?$", re.I)


def _areas(text: str, ms: list[Mention]) -> dict[int, Place]:
    """For each unknown name, the admin1 area or country the text puts it in (next to it)."""
    out: dict[int, Place] = {}
    for k, m in enumerate(ms[:-1]):
        nxt = ms[k + 1]
        if m.cands or m.demonym or m.within is not None or nxt.demonym or not nxt.cands:
            continue
        if nxt.cands[0].feature in ("admin1", "country") and _IN_AREA.match(text[m.end : nxt.start]):
            out[k] = nxt.cands[0]
    return out


def _to_ref(m: Mention, area: Place | None = None) -> PlaceRef:
    if m.within is not None:
        w = m.within
        return PlaceRef(text=m.text, start=m.start, end=m.end, lat=w.lat, lon=w.lon, country=w.cc,
                        admin1=w.admin1, feature="landmark" if m.facility else None,
                        precision="near" if w.feature in LOCAL_FEATURES else PRECISION[w.feature],
                        status="approximate", within=w.name)  # fmt: skip
    if not m.cands:  # a village the gazetteer lacks: its name, and the area the text gives, no point
        if area is not None:
            return PlaceRef(text=m.text, start=m.start, end=m.end, country=area.cc,
                            admin1=area.admin1 if area.feature == "admin1" else None)  # fmt: skip
        return PlaceRef(text=m.text, start=m.start, end=m.end, demonym=m.demonym)
    best = m.cands[0]
    status = "resolved"
    if len(m.cands) > 1 and m.scores[0] - m.scores[1] < AMBIGUOUS_MARGIN and km(best, m.cands[1]) > 161:
        status = "ambiguous"
    precision = (
        "near"
        if m.near and best.feature in ("city", "landmark", "neighbourhood")
        else PRECISION[best.feature]
    )
    return PlaceRef(
        text=m.text,
        start=m.start,
        end=m.end,
        name=best.name,
        geonameid=best.id if best.id > 0 else None,
        lat=best.lat,
        lon=best.lon,
        country=best.cc,
        admin1=best.admin1,
        feature=best.feature,
        precision=precision,
        status=status,
        demonym=m.demonym,
        score=round(m.scores[0], 3) if m.scores else None,
    )
