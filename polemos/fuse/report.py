"""One article-level event as fusion sees it: a ``Report``, read from the contract's JSON.

Input is the contract event (``polemos.article/1`` ``events[i]``) plus where it was published:
``article_id``, ``outlet`` and ``published`` (the store's ``events()`` rows have exactly these keys).
Everything fusion compares is normalised here once, so scoring is cheap and never re-parses JSON.

Country and dates come only from what the text says (the event's locations, the article's places)
and ``published``: never from anything a gold file or a caller's metadata says about the event.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from polemos.contract.event import FusedPlace
from polemos.contract.event_types import EVENT_TYPES
from polemos.fuse.text import text_keys, word_weights
from polemos.resolve.gazetteer_names import consonants

# PLOVER types that can describe one real-world happening from different angles ("clashes",
# "attack", "offensive", "arrest" of the attackers). A report never fuses across families.
# The families are a column of the event-type table (polemos/contract/event_types.py).
TYPE_FAMILY = {name: t.family for name, t in EVENT_TYPES.items()}

# How far an event's date may be from what the report says, by the date's precision (days each side).
# A date only the publication gives ("basis": "published") is the week before publication.
DATE_SLACK = {"day": 1, "week": 1, "month": 0, "year": 0}
PUBLISHED_WINDOW = 7  # days before publication an undated report's event may have happened

# How far apart two mentions of one place may be (km), by the coarser place's feature.
# A province or larger has no radius: it is compared by name (same admin1) instead.
PLACE_RADIUS_KM = {"landmark": 5.0, "neighbourhood": 8.0, "city": 25.0, "admin2": 80.0}
# Actors that take part in most events of their country (its army, police, "civilians"): sharing one
# says little; sharing a named armed group or person says much more.
COMMON_ACTOR_KINDS = frozenset(
    {"state", "military", "police", "government", "civilians", "protesters", "unknown"}
)
PRECISE_FEATURES = frozenset({"landmark", "neighbourhood", "city"})
# The places of an article's text that may say where another report's event is: a town or a spot
# (a province or a country both name says little, see score.W_SAME_PROVINCE).
NAMED_FEATURES = frozenset({"landmark", "neighbourhood", "city", "admin2"})


@dataclass(frozen=True)
class Place(FusedPlace):
    """A report's place: the fused record's place (name, geonameid, lat, lon, country, admin1, feature)
    with the key fusion matches places by."""

    key: str  # geonames:ID when resolved, name:CONSONANTS for an unplaced name, else the folded name
    # read once for scoring: latitude in radians and its cosine (distances), the radius by feature
    rad_lat: float | None = field(init=False, repr=False, compare=False)
    cos_lat: float | None = field(init=False, repr=False, compare=False)
    radius_km: float | None = field(init=False, repr=False, compare=False)
    arc_lat: float | None = field(init=False, repr=False, compare=False)  # rad_lat of a valid latitude

    def __post_init__(self) -> None:
        rad = None if self.lat is None else math.radians(self.lat)
        object.__setattr__(self, "rad_lat", rad)
        object.__setattr__(self, "arc_lat", rad if self.lat is not None and -90 <= self.lat <= 90 else None)
        object.__setattr__(self, "cos_lat", None if rad is None else math.cos(rad))
        object.__setattr__(self, "radius_km", PLACE_RADIUS_KM.get(self.feature or ""))


@dataclass(frozen=True)
class Figure:
    """One count a report gives (killed, injured, size), with who gave it."""

    kind: str
    low: int | None
    best: int | None
    high: int | None
    text: str | None

    @property
    def value(self) -> int | None:
        return self.best if self.best is not None else self.low if self.low is not None else self.high


@dataclass(frozen=True, slots=True)  # slots: no attribute dict, one object fewer per report to collect
class Report:
    uid: str  # stable global id of the article-level event (same formula as the store's)
    article_id: str
    event_id: str
    outlet: str | None
    published: date | None
    type: str
    family: str
    mode: str | None
    modality: str
    date_lo: date | None  # the window the event happened in (inclusive), None when nothing is known
    date_hi: date | None
    date_precision: str | None
    date_from_text: bool
    places: tuple[Place, ...]
    countries: frozenset[str]
    actors: frozenset[str]  # folded canonical names (else text) of actor and target
    common_actors: frozenset[str]  # those of them that are a country's forces, civilians, unnamed
    actor_kinds: frozenset[str]
    target_kinds: frozenset[str]
    figures: tuple[Figure, ...]
    words: dict[str, float]  # weighted content words of the evidence (and mentions)
    record: Mapping[str, Any] = field(repr=False, compare=False)
    read: bool = True  # False: an article in which no event was read (see report_from_article)
    periodic: bool = False  # an unread article whose opening names a month or a year: a digest
    country_firm: bool = True  # False: ``countries`` come from demonyms only ("Afghan forces")
    # keys of the towns and spots the article's text names (its places list) that are not the
    # event's own places: a place the text names may be where another report puts the event
    named: frozenset[str] = frozenset()
    # derived once from the fields above, for scoring (see score.py), never compared or shown
    outlet_key: str | None = field(init=False, repr=False, compare=False)  # folded outlet
    precise: tuple[Place, ...] = field(init=False, repr=False, compare=False)  # a spot or a town, located
    spots: frozenset[str] = field(init=False, repr=False, compare=False)  # landmarks, neighbourhoods
    areas: tuple[Place, ...] = field(init=False, repr=False, compare=False)  # places below the country
    provinces: frozenset[str] = field(init=False, repr=False, compare=False)  # folded admin1 of those
    # the named parties its texts name (score._parties), read on first use: the dictionary is heavy
    party_ids: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        put = object.__setattr__
        put(self, "outlet_key", fold(self.outlet) if self.outlet else None)
        places = self.places
        # ``precise`` and ``areas`` are ``places`` itself when every place is one (most reports have
        # one place): one tuple fewer per report for the collector to walk
        precise = tuple(p for p in places if p.feature in PRECISE_FEATURES and p.lat is not None)
        put(self, "precise", places if len(precise) == len(places) else precise)
        put(self, "spots", shared(p.key for p in places if p.feature in ("landmark", "neighbourhood")))
        areas = tuple(p for p in places if p.feature != "country")
        areas = places if len(areas) == len(places) else areas
        put(self, "areas", areas)
        put(self, "provinces", shared(fold(p.admin1) for p in areas if p.admin1))

    @property
    def sort_key(self) -> tuple[str, str]:
        return (self.date_lo.isoformat() if self.date_lo else "", self.uid)


_SHARED: dict[frozenset[str], frozenset[str]] = {}
_SHARED_MAX = 100_000  # distinct sets remembered (a bound on memory, not on correctness)


def shared(items: Iterable[str]) -> frozenset[str]:
    """``frozenset(items)``, one object for each distinct value: a report's sets of countries, kinds
    and names repeat across the store (most are empty), and every set kept is one more object the
    garbage collector walks."""
    value = frozenset(items)
    found = _SHARED.get(value)
    if found is None:
        if len(_SHARED) >= _SHARED_MAX:
            _SHARED.clear()
        found = _SHARED[value] = value
    return found


def report_uid(article_id: str, event_id: str) -> str:
    """The store's ``events.uid``: a hash of article id and event id (``store/records.event_uid``)."""
    return hashlib.sha1(f"{article_id}\x00{event_id}".encode()).hexdigest()[:16]


_FOLDED: dict[str, str] = {}
_FOLDED_MAX = 100_000  # distinct names remembered (a bound on memory, not on correctness)


def fold(text: str) -> str:
    """Lower case, no accents, single spaces: the key two spellings of one name share."""
    found = _FOLDED.get(text)
    if found is None:
        if len(_FOLDED) >= _FOLDED_MAX:
            _FOLDED.clear()
        found = _FOLDED[text] = _fold(text)
    return found


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join(plain.replace("-", " ").replace("'", "").replace("’", "").split())


_DAYS: dict[str, date | None] = {}
_DAYS_MAX = 100_000  # distinct strings remembered (a bound on memory, not on correctness)


def _date(value: Any) -> date | None:
    if not value:
        return None
    if isinstance(value, date):
        return value
    text = str(value)[:10]
    if text in _DAYS:  # a store's reports share their days: each is parsed once
        return _DAYS[text]
    try:
        day: date | None = date.fromisoformat(text)
    except ValueError:
        day = None
    if len(_DAYS) >= _DAYS_MAX:
        _DAYS.clear()
    _DAYS[text] = day
    return day


Window = tuple[date | None, date | None, str | None, bool]


def shift(day: date, days: int) -> date:
    """``day`` moved by ``days``, held within the calendar (year 1 and year 9999 are dates too)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.min if days < 0 else date.max


def _window(record: Mapping[str, Any], published: date | None) -> Window:
    d = record.get("date") or {}
    start, end = _date(d.get("start")), _date(d.get("end"))
    precision = d.get("precision")
    from_text = bool(d.get("text")) or d.get("basis") == "text"
    if start is not None and from_text and published is not None and start > shift(published, 1):
        from_text = False  # a report cannot tell of a day after it was published: a misread date
        start = end = None
    if start is not None and from_text:
        slack = DATE_SLACK.get(precision or "day", 1)
        return shift(start, -slack), shift(end or start, slack), precision, True
    if published is not None:  # only the publication date: the event is from the days before
        return shift(published, -PUBLISHED_WINDOW), published, "week", False
    if start is not None:
        return shift(start, -PUBLISHED_WINDOW), end or start, precision, False
    return None, None, None, False


_PLACES: dict[tuple[Any, ...], tuple[Place, ...]] = {}
_PLACES_MAX = 100_000  # distinct lists of places remembered (a bound on memory, not on correctness)


def _places(locations: Sequence[Mapping[str, Any]]) -> tuple[Place, ...]:
    """The places of ``locations``, one tuple object for each distinct list: a store's reports name
    the same towns again and again, and every object kept is one more the collector walks."""
    if not locations:
        return ()
    key = tuple(_place_key(loc) for loc in locations)
    try:
        found = _PLACES.get(key)
    except TypeError:  # a value that cannot be a key (a list where a name should be): not remembered
        return tuple(p for p in (_place(loc) for loc in locations) if p is not None)
    if found is None:
        if len(_PLACES) >= _PLACES_MAX:
            _PLACES.clear()
        found = _PLACES[key] = tuple(p for p in (_place(loc) for loc in locations) if p is not None)
    return found


def _place_key(loc: Mapping[str, Any]) -> tuple[Any, ...]:
    """What ``_place`` reads, with the type of each number (1 and 1.0 are equal keys, not equal JSON)."""
    gid, lat, lon = loc.get("geonameid"), loc.get("lat"), loc.get("lon")
    return (loc.get("name"), loc.get("text"), loc.get("demonym"), gid, type(gid), lat, type(lat), lon,
            type(lon), loc.get("country"), loc.get("admin1"), loc.get("feature"))  # fmt: skip


def _place(loc: Mapping[str, Any]) -> Place | None:
    name = loc.get("name") or loc.get("text")
    if not name or loc.get("demonym"):
        return None
    gid = loc.get("geonameid")
    key = f"geonames:{gid}" if gid else fold(str(name))
    if not gid and loc.get("lat") is None and len(frame := consonants(str(name))) >= 4:
        key = f"name:{frame}"  # a village the gazetteer lacks: its spellings share their consonants
    return Place(str(name), gid, loc.get("lat"), loc.get("lon"), loc.get("country"), loc.get("admin1"),
                 loc.get("feature"), key)  # fmt: skip


def _actor_key(actor: Mapping[str, Any] | None) -> str | None:
    if not actor:
        return None
    name = actor.get("name") or actor.get("text")
    return fold(str(name)) if name else None


_FIGURES: dict[tuple[Any, ...], tuple[Figure, ...]] = {}
_FIGURES_MAX = 100_000  # distinct figure lists remembered (a bound on memory, not on correctness)


def _figures(counts: Mapping[str, Any] | None) -> tuple[Figure, ...]:
    """The counts a report gives, one tuple object for each distinct value (figures repeat across
    the store, and every object kept is one more the garbage collector walks)."""
    if not counts:
        return ()
    values = []
    for kind in ("killed", "injured", "size"):
        c = counts.get(kind)
        if c:
            low, best, high = c.get("low"), c.get("best"), c.get("high")
            if low is not None or best is not None or high is not None:
                values.append((kind, low, best, high, c.get("text")))
    if not values:
        return ()
    # with the type of each number: 2 and 2.0 are equal keys, not equal JSON
    key = tuple((v, type(v[1]), type(v[2]), type(v[3])) for v in values)
    try:
        found = _FIGURES.get(key)
    except TypeError:  # a value that is no number or text: kept as it is, not remembered
        return tuple(Figure(*v) for v in values)
    if found is None:
        if len(_FIGURES) >= _FIGURES_MAX:
            _FIGURES.clear()
        found = _FIGURES[key] = tuple(Figure(*v) for v in values)
    return found


def report_from_record(
    record: Mapping[str, Any],
    *,
    article_id: str | None = None,
    outlet: str | None = None,
    published: date | str | None = None,
    article_places: Sequence[Mapping[str, Any]] | None = None,
    article_times: Sequence[Mapping[str, Any]] | None = None,
) -> Report:
    """A ``Report`` from one contract event plus its article's id, outlet and publication date.

    ``record`` may carry ``article_id``/``outlet``/``published`` itself (the store's rows do);
    ``article_places`` (the article's ``places`` list) lends a country when the event's own
    locations give none, ``article_times`` a date the opening gives when the event's own date is
    only the publication's — both still read from the text.
    """
    aid = str(article_id if article_id is not None else record.get("article_id"))
    event_id = str(record.get("id"))
    pub = _date(published if published is not None else record.get("published"))
    lo, hi, precision, from_text = _window(record, pub)
    if not from_text and (opening := _opening_date(article_times, pub, READ_LAG_DAYS)) is not None:
        lo, hi, precision, from_text = _window({"date": opening}, pub)
    # "Russian warplanes", "Cameroonian soldiers": a demonym says whose, not where. Its country
    # still blocks and scores, but never keeps two reports apart (see ``country_firm``).
    demonyms = {fold(str(p.get("text") or "")) for p in article_places or () if p.get("demonym")}
    locations = list(record.get("locations") or ())
    located = locations
    if demonyms:
        located = [loc for loc in locations if fold(str(loc.get("text") or "")) not in demonyms]
    places = _places(located)
    countries = {p.country for p in places if p.country}
    if not countries and article_places:
        countries = {str(p["country"]) for p in article_places if p.get("country") and not p.get("demonym")}
    firm = bool(countries)
    if not countries:
        loose = [loc for loc in locations if loc not in located]
        countries = {str(p["country"]) for p in [*loose, *(article_places or ())] if p.get("country")}
    named: set[str] = set()
    if article_places:
        own = {p.key for p in places}
        named = {
            p.key
            for p in (_place(loc) for loc in article_places if loc.get("feature") in NAMED_FEATURES)
            if p is not None and p.key not in own
        }
    actor, target = record.get("actor"), record.get("target")
    actors = {k for k in (_actor_key(actor), _actor_key(target)) if k}
    common = {
        k
        for a in (actor, target)
        if a and (k := _actor_key(a)) and (not a.get("name") or a.get("kind") in COMMON_ACTOR_KINDS)
    }
    type_ = str(record.get("type") or "OTHER")
    # place names are weighed as places (by id, name and distance), not a second time as words; so
    # are the countries the article names ("RCA : ...", "Mali: ..."), which the country term weighs:
    # as words they would tie any two stories of one country on its name alone
    named_countries = [
        p for p in article_places or () if p.get("feature") == "country" and not p.get("demonym")
    ]
    place_words: frozenset[str] | set[str] = frozenset()
    for loc in [*(record.get("locations") or ()), *named_countries]:
        keys = text_keys(str(loc.get("text") or ""))
        place_words = keys if not place_words else place_words | keys
    words_text = " ".join(
        [str((record.get("evidence") or {}).get("text") or "")]
        + [str(m.get("text") or "") for m in record.get("mentions") or ()]
    )
    return Report(
        uid=str(record.get("uid") or report_uid(aid, event_id)),
        article_id=aid,
        event_id=event_id,
        outlet=(outlet if outlet is not None else record.get("outlet")) or None,
        published=pub,
        type=type_,
        family=TYPE_FAMILY.get(type_, "other"),
        mode=record.get("mode"),
        modality=str(record.get("modality") or "asserted"),
        date_lo=lo,
        date_hi=hi,
        date_precision=precision,
        date_from_text=from_text,
        places=places,
        countries=shared(countries),
        country_firm=firm,
        named=shared(named),
        actors=shared(actors),
        common_actors=shared(common),
        actor_kinds=shared({str(actor["kind"])} if actor and actor.get("kind") else ()),
        target_kinds=shared({str(target["kind"])} if target and target.get("kind") else ()),
        figures=_figures(record.get("counts")),
        words=word_weights(words_text, skip=place_words),
        record=record,
    )


UNREAD = ""  # the event id of an article's unread report
UNREAD_CHARS = 400  # the opening an unread report is read from (headline and lead)
UNREAD_PRECISIONS = ("day", "week")  # a month in a monthly report's title is its period, not a day
PERIOD_PRECISIONS = ("month", "year")  # an opening's first date this coarse names a digest's period
UNREAD_LAG_DAYS = 45  # an opening's date at most this long before publication (the store loads by it)
READ_LAG_DAYS = 14  # the same for an event dated only by publication: within the store's padding


# What joins the two ends of a span of days in a title ("4 - 10 FEBRUARY 2021", "May 3 to 9",
# "du 4 au 10 février"); a span is at most this long.
_SPAN_JOIN = re.compile(r"\s*(?:-|–|—|to|through|until|au|à|al)\s*", re.IGNORECASE)
SPAN_MAX_DAYS = 31


def _span_end(
    times: Sequence[Mapping[str, Any]], i: int, start: date, published: date | None, text: str | None
) -> date | None:
    """The last day of a span the ``i``-th time opens ("4" in "4 - 10 FEBRUARY 2021"), if the next
    time is joined to it by a dash or "to" in ``text``; None otherwise."""
    if text is None or i + 1 >= len(times):
        return None
    t, nxt = times[i], times[i + 1]
    end, gap_from, gap_to = _date(nxt.get("end_date")), t.get("end"), nxt.get("start")
    if end is None or gap_from is None or gap_to is None or nxt.get("precision") != "day":
        return None
    if not _SPAN_JOIN.fullmatch(text[gap_from:gap_to]):
        return None
    if not start < end <= shift(start, SPAN_MAX_DAYS) or (published is not None and end > published):
        return None
    return end


def _opening_date(
    times: Sequence[Mapping[str, Any]] | None,
    published: date | None,
    lag: int = UNREAD_LAG_DAYS,
    text: str | None = None,
) -> dict[str, Any] | None:
    """The first calendar date the opening gives, finer than a month, within ``lag`` days before
    publication; a span ("4 - 10 FEBRUARY 2021") when ``text`` shows the next date closes it."""
    times = list(times or ())
    for i, t in enumerate(times):
        start, end = _date(t.get("start_date")), _date(t.get("end_date"))
        if (
            start is None
            or (t.get("start") or 0) >= UNREAD_CHARS
            or t.get("precision") not in UNREAD_PRECISIONS
        ):
            continue
        if published is not None and not shift(published, -lag) <= start <= published:
            continue  # after publication: a plan or a misread; long before: background, not the news
        if (last := _span_end(times, i, start, published, text)) is not None:
            end = last
        return {"start": start.isoformat(), "end": (end or start).isoformat(),
                "precision": t.get("precision"), "text": t.get("text"), "basis": "text"}  # fmt: skip
    return None


# Words before a month or a year that make it the time of something told ("flee homes in May"),
# not the period a document covers.
TIME_PREPOSITIONS = frozenset({"in", "during", "since", "until", "en", "dans", "depuis", "durante", "desde"})


def _names_a_period(opening: str, times: Sequence[Mapping[str, Any]] | None) -> bool:
    """Whether the opening's first date is a bare month or year ("Central African Republic
    NOVEMBER 2019", "Annual report 2016"): the title of a periodic report, which tells of many
    events. "… flee homes in May" dates what it tells instead."""
    for t in times or ():
        start = t.get("start") or 0
        if start >= len(opening) or t.get("start_date") is None:
            continue
        before = opening[:start].split()
        return t.get("precision") in PERIOD_PRECISIONS and not (
            before and before[-1].lower() in TIME_PREPOSITIONS
        )
    return False


def report_from_article(
    article: Mapping[str, Any],
    *,
    text: str | None = None,
    places: Sequence[Mapping[str, Any]] | None = None,
    times: Sequence[Mapping[str, Any]] | None = None,
    party_country: Callable[[str], str | None] | None = None,
) -> Report:
    """A report for an article in which no event was read (another language, a bare headline).

    It may join a fused event its words, places and dates match, as one more source, but two such
    reports never make an event on their own. ``article`` is the contract's ``article`` object;
    ``text`` its text (the opening is used); ``places`` and ``times`` the article's lists (a date
    the opening gives, "June 10th 2017: …", dates the report instead of its publication).
    ``party_country`` reads the country a party named in the opening fights in ("Tahrir al-Sham"
    is Syria's): used when no place gives one, and like a demonym it says whose, so it never keeps
    two reports apart.
    """
    opening = (text or article.get("title") or "")[:UNREAD_CHARS]
    locations = [p for p in places or () if not p.get("demonym")]
    record = {
        "id": UNREAD,
        "type": "OTHER",
        "modality": "asserted",
        "locations": locations,
        "date": _opening_date(times, _date(article.get("published")), text=opening),
        "counts": {},
        "claims": [{"claimant": None, "outlet": article.get("outlet")}],
        "evidence": {"start": 0, "end": len(opening), "text": opening},
        "mentions": [],
    }
    report = report_from_record(
        record,
        article_id=str(article["id"]),
        outlet=article.get("outlet"),
        published=article.get("published"),
        article_places=list(places or ()),
    )
    report = replace(report, read=False, family="unread", periodic=_names_a_period(opening, times))
    if party_country is not None and not report.countries and (cc := party_country(opening)):
        report = replace(report, countries=frozenset({cc}), country_firm=False)
    return report
