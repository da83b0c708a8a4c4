"""Scoring the readings of a place mention: what the name and the place say alone, then what the
rest of the article says (its countries and admin areas, nearness to its other places, an "X, Y"
apposition, a team's home). ``places`` ranks each mention's candidates by these scores.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from polemos.resolve.gazetteer import Place
from polemos.resolve.gazetteer_names import fold
from polemos.resolve.places_facility import LOCAL_FEATURES

FEATURE_PRIOR = {"country": 6.0, "region": 3.0, "admin1": 2.5, "landmark": 2.0, "neighbourhood": 1.0,
                 "admin2": 0.5, "city": 0.0}  # fmt: skip
KIND_PENALTY = {0: 0.0, 1: -0.3, 2: -1.0, 3: -2.5}
OFFICIAL_NAME_BONUS_MISSING = -1.5  # an alternate name, when a town bears it as its official name
# GeoNames gives 0 for a town whose population it does not know (13 % of cities500: most of China
# and Indonesia, many Syrian towns). Scored as the median known town of cities500 (2,336), not as
# empty, so that such a town's official name ("Ras al-Ayn") is not lost to a foreign town that bears
# it only as an alternate (Rosh Ha'Ayin)
UNKNOWN_TOWN_POPULATION = 2_300
NEIGHBOUR_READINGS = 8  # how many readings of another name count for nearness


@dataclass
class Mention:
    """One place mention: where it is, the cues around it, its readings and their scores."""

    start: int
    end: int
    text: str
    demonym: bool
    key: str = ""
    area_hint: bool = False
    city_hint: bool = False  # "the city of X", "X city", a dateline: a town, not the area of its name
    near: bool = False
    cands: list[Place] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    container: Mention | None = None  # "Springfield, Ill.": Ill. contains Springfield
    facility: str | None = None  # "road" or "building": the name of a street or a venue
    within: Place | None = None  # approximate: the place the text puts an unknown name in
    listed_with: Counter = field(default_factory=Counter)  # countries of admin1 areas in its list
    listed_capitals: int = 0  # capitals in its list ("Washington and London")
    city_list: bool = False  # in a list of three or more names that are each a big city's
    team: tuple[str, str] | None = None  # "Portland Trail Blazers": the team's home (country, admin1)


# A city this big is known by its name alone: listed with others like it, it is the city, not
# a state or a town of that name inside the next name.
BIG_CITY = 500_000


def is_big_city(c: Place) -> bool:
    return c.feature in LOCAL_FEATURES and c.kind <= 1 and c.population >= BIG_CITY


def km(a: Place, b: Place) -> float:
    """Great-circle distance; infinite when either point is unknown."""
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return math.inf
    p = math.pi / 180
    x = (
        math.sin((b.lat - a.lat) * p / 2) ** 2
        + math.cos(a.lat * p) * math.cos(b.lat * p) * math.sin((b.lon - a.lon) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(min(1.0, x)))


def contains(outer: Place, inner: Place) -> bool:
    """Is ``inner`` inside ``outer`` (a country or an admin1 area)?"""
    if outer.feature == "country":
        return inner.cc == outer.cc and inner.id != outer.id
    if outer.feature == "admin1":
        return inner.cc == outer.cc and inner.admin1 == outer.admin1 and inner.id != outer.id
    return False


@dataclass
class Context:
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
        cc: Counter[str | None] = Counter()
        a1: Counter[tuple[str | None, str | None]] = Counter()
        for k, c in self.countries.items():
            if k != key:
                cc.update(c)
        for k, c in self.admin1s.items():
            if k != key:
                a1.update(c)
        others = [r for k, r in self.readings.items() if k != key]
        return cc, a1, [p for k, p in self.points if k != key], others


def base_score(c: Place, m: Mention) -> float:
    population = c.population or (UNKNOWN_TOWN_POPULATION if c.feature == "city" else 0)
    s = math.log10(population + 10) + FEATURE_PRIOR.get(c.feature, 0.0) + KIND_PENALTY.get(c.kind, -2.5)
    if c.id < 0:  # curated supplement rows name exactly the places the press means
        s += 4.0
    if m.area_hint:
        s += 3.0 if c.feature in ("admin1", "admin2", "region") else -2.0
    elif m.city_hint:
        s += 3.0 if c.feature in ("city", "neighbourhood") else -3.0 if c.feature != "landmark" else 0.0
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


def context_score(
    c: Place,
    m: Mention,
    view: tuple[Counter, Counter, list[Place], list[list[Place]]],
    same_name: list[Place],
) -> float:
    countries, admin1s, points, others = view
    s = base_score(c, m)
    if c.feature == "admin1" and not m.area_hint:
        # an area named after its main city ("Aleppo", "Hama"): the city, unless the city is small
        # ... or the area bears the name only as an alternate, the city as its own ("Kharkiv" for
        # Kharkivska oblast): a name is its bearer's before it is a name borrowed from it
        big_city = any(
            o.feature == "city"
            and o.cc == c.cc
            and o.kind <= c.kind
            and (o.population * 2 >= c.population or (o.kind < c.kind and o.admin1 == c.admin1))
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
        # ... or stands in a list of areas of the country of an area bearing its name ("cases in
        # Washington, Oregon and California")
        rival = rival or any(o.feature == "admin1" and m.listed_with.get(o.cc) for o in same_name)
        # ... but a capital listed with capitals is one ("talks in Washington and London")
        s += 1.0 if rival and not m.listed_capitals else 4.0
    if m.city_list:  # "Washington, New York and Chicago": three cities, not two states and a city
        s += 3.0 if is_big_city(c) else -3.0 if c.feature == "admin1" else 0.0
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
        if any(contains(c, p) for p in points if p.feature != "admin1"):
            s += 2.5
        elif any(contains(c, o) for group in others for o in group):
            s += 1.5
    if c.feature in ("city", "landmark", "neighbourhood", "admin2"):
        # nearness to the other names of the article: to their best reading, else to any reading
        dists = [km(c, p) for p in points if p.feature not in ("country", "region")]
        near = min(dists, default=math.inf)
        s += 2.0 if near <= 100 else 1.0 if near <= 300 else 0.0
        s += min(
            3.0,
            sum(1.0 if min((km(c, o) for o in group), default=math.inf) <= 60 else 0.0 for group in others),
        )
    if m.container is not None and any(contains(o, c) for o in m.container.cands[:3]):
        s += 8.0  # "Paris, Texas": the Paris inside Texas
    if m.team is not None and c.feature == "city" and (c.cc, c.admin1) == m.team:
        s += 8.0  # "the Portland Trail Blazers": the team's home city
    return s
