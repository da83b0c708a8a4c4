"""Place resolution: each mention → one gazetteer entry, chosen by the article's own context.

Candidates come from the folded name, then the name without an Arabic article or an area word
("Idlib province"), then a consonant skeleton checked by a bounded fuzzy ratio (transliteration
drift). Each candidate is scored (log population, feature class, how the name matched) and the
article's context moves the scores: countries and admin areas it names, an "X, Y" apposition
("Paris, Texas"), and nearness to the other places it resolves (two passes). A country or admin1
name resolves to the area, not to a town of that name. A mention nothing matches stays, unresolved,
with null coordinates; no mention can remove another.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from rapidfuzz import fuzz

from polemos.resolve.gazetteer import Gazetteer, Place, open_gazetteer
from polemos.resolve.gazetteer_names import AREA_WORDS, fold, skeleton, strip_area_word, strip_article
from polemos.resolve.places_demonyms import demonym_target
from polemos.resolve.places_facility import LOCAL_FEATURES, container_between, embedded_names, facility_kind
from polemos.resolve.places_teams import team_home
from polemos.types import PlaceRef

PRECISION = {"landmark": "exact", "neighbourhood": "exact", "city": "exact", "admin2": "admin2",
             "admin1": "admin1", "region": "region", "country": "country"}  # fmt: skip
FEATURE_PRIOR = {"country": 6.0, "region": 3.0, "admin1": 2.5, "landmark": 2.0, "neighbourhood": 1.0,
                 "admin2": 0.5, "city": 0.0}  # fmt: skip
KIND_PENALTY = {0: 0.0, 1: -0.3, 2: -1.0, 3: -2.5}
OFFICIAL_NAME_BONUS_MISSING = -1.5  # an alternate name, when a town bears it as its official name
AMBIGUOUS_MARGIN = 0.5
NEIGHBOUR_READINGS = 8  # how many readings of another name count for nearness
MAX_CANDIDATES = 40  # readings of one name kept after the context-free score
MIN_KNOWN_POPULATION = 100_000  # a town this big needs no confirmation to be the one a name carries

_NEAR_BEFORE = re.compile(
    r"\b(near|nearby|outskirts of|suburbs? of|vicinity of|close to|outside|around|(?:north|south|east|west)"
    r"(?:-?(?:east|west))?(?:ern)? of|\d+\s*(?:km|kilometres|kilometers|miles)\s+(?:\w+\s+)?(?:from|of))"
    r"\s+(?:the\s+)?(?:(?:town|city|village|capital)\s+of\s+)?$",
    re.I,
)
_AREA_AFTER = re.compile(r"^\s+(" + "|".join(sorted(AREA_WORDS)) + r")\b")
_AREA_BEFORE = re.compile(r"\b(" + "|".join(sorted(AREA_WORDS)) + r")\s+of\s+$", re.I)
_APPOSITION = re.compile(r"^\s*,\s*$|^\s*\(\s*$")
_LIST_SEP = re.compile(r"^\s*(?:,|;|,?\s+(?:and|or))\s*$")


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    demonym: bool
    key: str = ""
    area_hint: bool = False
    near: bool = False
    cands: list[Place] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    container: _Mention | None = None  # "Springfield, Ill.": Ill. contains Springfield
    facility: str | None = None  # "road" or "building": the name of a street or a venue
    within: Place | None = None  # approximate: the place the text puts an unknown name in
    listed_with: Counter = field(default_factory=Counter)  # countries of admin1 areas in its list
    team: tuple[str, str] | None = None  # "Portland Trail Blazers": the team's home (country, admin1)


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


def _km(a: Place, b: Place) -> float:
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return math.inf
    p = math.pi / 180
    x = (
        math.sin((b.lat - a.lat) * p / 2) ** 2
        + math.cos(a.lat * p) * math.cos(b.lat * p) * math.sin((b.lon - a.lon) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(min(1.0, x)))


def _contains(outer: Place, inner: Place) -> bool:
    if outer.feature == "country":
        return inner.cc == outer.cc and inner.id != outer.id
    if outer.feature == "admin1":
        return inner.cc == outer.cc and inner.admin1 == outer.admin1 and inner.id != outer.id
    return False


@dataclass
class _Context:
    """What the other mentions say: countries, admin1 areas, points (keyed by mention name)."""

    countries: dict[str, Counter] = field(default_factory=dict)  # key → Counter of cc
    admin1s: dict[str, Counter] = field(default_factory=dict)
    points: list[tuple[str, Place]] = field(default_factory=list)
    readings: dict[str, list[Place]] = field(default_factory=dict)  # key → its local candidates

    def add(self, key: str, place: Place, cands: list[Place]) -> None:
        local = [
            c
            for c in cands[:NEIGHBOUR_READINGS]
            if c.feature in ("city", "landmark", "neighbourhood", "admin2")
        ]
        if local:
            self.readings[key] = local
        if place.cc:
            self.countries.setdefault(key, Counter())[place.cc] += 2 if place.feature == "country" else 1
        if place.feature == "admin1":
            self.admin1s.setdefault(key, Counter())[(place.cc, place.admin1)] += 1
        self.points.append((key, place))

    def view(self, key: str) -> tuple[Counter, Counter, list[Place], list[list[Place]]]:
        """The context seen from a mention of ``key``: every other name's evidence, not its own."""
        cc, a1 = Counter(), Counter()
        for k, c in self.countries.items():
            if k != key:
                cc.update(c)
        for k, c in self.admin1s.items():
            if k != key:
                a1.update(c)
        others = [r for k, r in self.readings.items() if k != key]
        return cc, a1, [p for k, p in self.points if k != key], others


def _base_score(c: Place, m: _Mention) -> float:
    s = math.log10(c.population + 10) + FEATURE_PRIOR.get(c.feature, 0.0) + KIND_PENALTY.get(c.kind, -2.5)
    if c.id < 0:  # curated supplement rows name exactly the places the press means
        s += 4.0
    if m.area_hint:
        s += 3.0 if c.feature in ("admin1", "admin2", "region") else -2.0
    elif c.feature == "admin2":
        s -= 2.0  # a bare "Arlington" or "Albany" is the town before it is the county or district
    return s


_ABBREVIATED = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point"}


def _expand(name: str) -> str:
    return " ".join(_ABBREVIATED.get(w, w) for w in fold(name).split())


def _official_elsewhere(c: Place, key: str, same_name: list[Place]) -> bool:
    """Does another town bear, as its official name, the name ``c`` matched only as an alternate?
    Not when ``c``'s own name spells that name out or extends it ("St. Paul" / Saint Paul,
    "Newcastle" / Newcastle upon Tyne, "New York" / New York City)."""
    if _expand(key) in _expand(c.name):
        return False
    return any(o.kind == 0 and o.feature in LOCAL_FEATURES for o in same_name)


def _small_namesake(c: Place, same_name: list[Place]) -> bool:
    """Is ``c`` a town far smaller than an admin1 area or region of the very same name? (A country
    name already outweighs its namesake towns by its feature prior.)"""
    return any(
        o.kind == 0
        and o.kind <= c.kind
        and o.feature in ("admin1", "region")
        and (o.population == 0 or c.population * 20 < o.population)
        for o in same_name
    )


def _score(
    c: Place,
    m: _Mention,
    view: tuple[Counter, Counter, list[Place], list[list[Place]]],
    same_name: list[Place],
) -> float:
    countries, admin1s, points, others = view
    s = _base_score(c, m)
    if c.feature == "admin1" and not m.area_hint:
        # an area named after its main city ("Aleppo", "Hama"): the city, unless the city is small
        big_city = any(
            o.feature == "city" and o.cc == c.cc and o.kind <= c.kind and o.population * 2 >= c.population
            for o in same_name
        )
        if big_city:
            s -= 4.0
    if c.kind == 1 and _official_elsewhere(c, m.key, same_name):
        s += OFFICIAL_NAME_BONUS_MISSING  # "Cancun" is Cancún before it is a spelling of Changchun
    if c.feature in LOCAL_FEATURES and m.container is None and _small_namesake(c, same_name):
        s -= 1.5  # "Florida", "Middle East": the state or region, unless the context insists
    if c.capital:  # "Washington", "Damascus": the capital, unless the article is about another
        # country that has a place of the same name ("Dublin" in Ohio news)
        home = countries.most_common(1)[0][0] if countries else None
        rival = home is not None and not countries.get(c.cc) and any(o.cc == home for o in same_name)
        # ... or names, by another form, an area that bears the capital's name ("Wash." dateline)
        rival = rival or any(o.feature == "admin1" and admin1s.get((o.cc, o.admin1)) for o in same_name)
        s += 1.0 if rival else 4.0
    if c.cc and countries.get(c.cc):
        s += 2.0 + (1.0 if countries.most_common(1)[0][0] == c.cc else 0.0)
    if c.admin1 and c.feature != "admin1" and admin1s.get((c.cc, c.admin1)):
        s += 2.5
        top = admin1s.most_common(2)
        if top[0][0] == (c.cc, c.admin1) and (len(top) == 1 or top[0][1] > top[1][1]):
            s += 1.0  # the area the article names most: its main place ("HELENA, Mont. … Montana")
    if c.feature == "admin1":
        if admin1s.get((c.cc, c.admin1)):
            s += 3.0  # named by another form too ("CAMP MURRAY, Wash." … "at home in Washington")
        elif m.listed_with.get(c.cc):
            s += 1.5  # listed with its country's areas ("Louisiana, Nevada, Thailand and Georgia")
        elif len({a for cc, a in admin1s if cc == c.cc}) >= 3:
            s += 1.0  # an article about many of its country's areas ("the Georgia National Guard")
        # the article names places inside this area (or may: one reading is)
        if any(_contains(c, p) for p in points if p.feature != "admin1"):
            s += 2.5
        elif any(_contains(c, o) for group in others for o in group):
            s += 1.5
    if c.feature in ("city", "landmark", "neighbourhood", "admin2"):
        # nearness to the other names of the article: to their best reading, else to any reading
        dists = [_km(c, p) for p in points if p.feature not in ("country", "region")]
        near = min(dists, default=math.inf)
        s += 2.0 if near <= 100 else 1.0 if near <= 300 else 0.0
        s += min(
            3.0,
            sum(1.0 if min((_km(c, o) for o in group), default=math.inf) <= 60 else 0.0 for group in others),
        )
    if m.container is not None and any(_contains(o, c) for o in m.container.cands[:3]):
        s += 8.0  # "Paris, Texas": the Paris inside Texas
    if m.team is not None and c.feature == "city" and (c.cc, c.admin1) == m.team:
        s += 8.0  # "the Portland Trail Blazers": the team's home city
    return s


def _prepare(g: Gazetteer, text: str, start: int, end: int, demonym: bool) -> _Mention:
    surface = text[start:end]
    m = _Mention(start, end, surface, demonym)
    if demonym:
        place = _demonym_place(g, surface)
        m.cands = [place] if place else []
        return m
    m.facility = facility_kind(surface)
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
    m.cands = sorted(m.cands, key=lambda c: -_base_score(c, m))[:MAX_CANDIDATES]
    return m


def _choose(ms: list[_Mention], ctx: _Context) -> None:
    done: dict[tuple, tuple[list[Place], list[float]]] = {}  # same name, same cues: same ranking
    views: dict[str, tuple] = {}
    for m in ms:
        if m.demonym or not m.cands:
            m.scores = [1.0] * len(m.cands)
            continue
        container = tuple(c.id for c in m.container.cands[:3]) if m.container is not None else ()
        listed = tuple(sorted(m.listed_with.items()))
        memo = (m.key, m.area_hint, container, listed, m.team, tuple(c.id for c in m.cands))
        if memo not in done:
            if m.key not in views:
                views[m.key] = ctx.view(m.key)
            scores = [_score(c, m, views[m.key], m.cands) for c in m.cands]
            order = sorted(range(len(m.cands)), key=lambda k: -scores[k])
            done[memo] = ([m.cands[k] for k in order], [scores[k] for k in order])
        m.cands, m.scores = list(done[memo][0]), list(done[memo][1])


def _context(ms: list[_Mention]) -> _Context:
    ctx = _Context()
    for m in ms:
        if m.cands:
            ctx.add(m.key if not m.demonym else f"demonym:{m.cands[0].id}", m.cands[0], m.cands)
    return ctx


def _one_sense(ms: list[_Mention]) -> None:
    """One sense per article: a bare name takes the reading its team's name gave it elsewhere
    ("the Portland Trail Blazers" … "their series with Portland")."""
    pinned: dict[str, _Mention] = {}
    for m in ms:
        if m.team is not None and m.cands and (m.cands[0].cc, m.cands[0].admin1) == m.team:
            pinned.setdefault(m.key, m)
    for m in ms:
        p = pinned.get(m.key)
        if p is not None and m.team is None and m.container is None and not m.demonym:
            m.cands, m.scores = list(p.cands), list(p.scores)


def _lists(text: str, ms: list[_Mention]) -> None:
    """For each name in a list ("Alaska, Hawaii and Georgia"), the countries of the admin1 areas
    (by their first reading) listed with it: a list names things of one kind."""
    groups: list[list[_Mention]] = []
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


def resolve_places(
    text: str,
    mentions: Sequence[tuple[int, int, bool]],
    *,
    published: date | None = None,
    gazetteer: Gazetteer | None = None,
) -> list[PlaceRef]:
    """Resolve place mentions ``(start, end, is_demonym)`` of ``text`` against the gazetteer."""
    g = gazetteer or open_gazetteer()
    ms = [_prepare(g, text, s, e, d) for s, e, d in sorted(set(mentions))]
    for a, b in zip(ms, ms[1:], strict=False):
        if not b.demonym and _APPOSITION.match(text[a.end : b.start]):
            a.container = b
    _choose(ms, _Context())  # pass 1: names, features, populations, appositions
    _lists(text, ms)
    ctx = _context(ms)
    _choose(ms, ctx)  # pass 2: the article's countries, admin areas and places
    _one_sense(ms)
    _locate(g, text, ms, _context(ms))
    return [_to_ref(m) for m in ms]


def _local(m: _Mention) -> bool:
    return bool(m.cands) and not m.demonym and m.within is None and m.cands[0].feature in LOCAL_FEATURES


def _named_place(g: Gazetteer, m: _Mention, ctx: _Context) -> Place | None:
    """The place a building's own name carries, read in the article's context, when that reading
    is an area, a big town, named on its own elsewhere, near the article's other places, or in an
    admin1 area the article names."""
    for name in embedded_names(m.text):
        key, found = _candidates(g, name, False)
        single = " " not in key
        cands = [c for c in found if c.kind == 0 or (c.kind == 1 and not single)]
        if not cands:
            continue
        probe = _Mention(m.start, m.end, name, False, key=key)
        view = ctx.view(key)
        best = max(cands, key=lambda c: _score(c, probe, view, cands))
        points = [p for k, p in ctx.points if k != key and p.feature in LOCAL_FEATURES]
        if (
            best.feature in ("country", "admin1", "region")
            or best.population >= MIN_KNOWN_POPULATION
            or key in ctx.readings
            or any(_km(best, p) <= 100 for p in points)
            or view[1].get((best.cc, best.admin1))  # "Derry's … Hospital" in a Northern Ireland story
        ):
            return best
    return None


def _placed(m: _Mention) -> Place | None:
    """Where a mention is, when that is a local place (a town, not a whole area)."""
    if m.demonym:
        return None
    place = m.within or (m.cands[0] if m.cands else None)
    return place if place is not None and place.feature in LOCAL_FEATURES else None


def _locate(g: Gazetteer, text: str, ms: list[_Mention], ctx: _Context) -> None:
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
            towns = next((pool for pool in pools if pool), [])
            nearest = min(towns, key=lambda o: abs(o.start - m.start), default=None)
            m.within = _placed(nearest) if nearest is not None else None


def _to_ref(m: _Mention) -> PlaceRef:
    if m.within is not None:
        w = m.within
        return PlaceRef(text=m.text, start=m.start, end=m.end, lat=w.lat, lon=w.lon, country=w.cc,
                        admin1=w.admin1, feature="landmark" if m.facility else None,
                        precision="near" if w.feature in LOCAL_FEATURES else PRECISION[w.feature],
                        status="approximate", within=w.name)  # fmt: skip
    if not m.cands:
        return PlaceRef(text=m.text, start=m.start, end=m.end, demonym=m.demonym)
    best = m.cands[0]
    status = "resolved"
    if len(m.cands) > 1 and m.scores[0] - m.scores[1] < AMBIGUOUS_MARGIN and _km(best, m.cands[1]) > 161:
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
