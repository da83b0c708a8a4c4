"""Where an event is, from the places of its sentence: not the places that are its actor or target
(unless a targeted post), not a demonym, a country naming whose body, or a word of an outlet's or a
group's name; a dateline only when the sentence names no other country; a site's own place when
a named place modifies a site noun. A seized town is where the event is, not its target, and a
city does not attack.
"""

from __future__ import annotations

import re

from polemos.extraction.doctext import doc_text
from polemos.extraction.drafts import Draft
from polemos.extraction.sites import held_site, is_site, narrowed
from polemos.resolve.actors import get_dictionary
from polemos.resolve.actors_text import tokenize
from polemos.resolve.places import is_dateline
from polemos.resolve.places_facility import LOCAL_FEATURES
from polemos.types import PlaceRef

# Types whose object is a party (a government, a group), even when named by a place.
RELATIONAL = frozenset(
    [
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "SANCTION",
    ]
)
# Words around a place name that still just name the place ("the town of Gao", "Aleppo province").
PLACE_NOUNS = frozenset(
    "the a of town towns city cities village villages area region province district outskirts suburb "
    "suburbs capital countryside border neighbourhood neighborhood camp base governorate state county "
    "territory coastal northern southern eastern western central nearby key strategic northeastern "
    "northwestern southeastern southwestern north-eastern north-western south-eastern south-western "
    "port besieged embattled frontline front-line rebel-held government-held occupied small industrial "
    "largest second-largest holy ancient old mountain mountainous desert remote main countryside "
    "vicinity surroundings environs areas parts deserts mountains plains valley".split()
)

# Settlements a material event happens in when the text names no one in them ("bombed the town").
_SETTLED_PLACES = frozenset("town towns city cities village villages hamlet settlement".split())


def place_target(d: Draft, sent_places: list[PlaceRef]) -> None:
    """A seized town or a shelled city is where the event is, not a party to it: for material
    events a target that names a place ("the town of Gao", "Aleppo") becomes a location."""
    if d.target is None or d.type in RELATIONAL:
        return
    start, end = d.target
    text = doc_text(d.head.doc)[start:end].casefold()
    if is_site(doc_text(d.head.doc)[start:end]):
        # "attacked Camp Shorabak", "an attack at the Rolando cafe", "bombed the market": a post
        # or a building is a target
        return
    words = text.split()
    if words and words[-1] in _SETTLED_PLACES and not set(words) - PLACE_NOUNS:
        # "bombed the town", "shelled the village": where it happened, not a party to it
        d.target = None
        return
    inside = [p for p in sent_places if start <= p.start and p.end <= end and not p.demonym]
    rest = text
    for p in inside:  # "the towns of Deir Hafer and Maskana": every name, and what joins them
        rest = rest.replace(p.text.casefold(), " ")
    joins = {"and"} if len(inside) > 1 else set()
    if inside and not set(rest.replace(",", " ").split()) - PLACE_NOUNS - joins:
        d.target = None


def place_actor(d: Draft, sent_places: list[PlaceRef]) -> None:
    """A city, a province or a capital does not attack: "Kabul Hit By Two Car Bombs" is where it
    happened. Only in what governments say and do to each other does a capital stand for its
    government ("Washington called on", "Moscow condemned"); a country may act in either."""
    if d.actor is None or d.type in RELATIONAL:
        return
    start, end = d.actor
    raw = doc_text(d.head.doc)[start:end]
    if any(m.how == "alias" for m in get_dictionary().matcher.find(tokenize(raw))):
        return  # a group's name that is also a town's ("Al-Shabaab")
    text = raw.casefold()
    for p in sent_places:
        if start <= p.start and p.end <= end and not p.demonym and p.feature not in ("country", None):
            rest = text.replace(p.text.casefold(), " ")
            if not set(rest.split()) - PLACE_NOUNS:
                d.actor = None
                return


def event_locations(d: Draft, sent_places: list[PlaceRef]) -> list[PlaceRef]:
    """The places of the event's sentence, less demonyms and places that are the actor or target."""
    roles_spans = [s for s in (d.actor, d.target) if s is not None]
    if d.claimant is not None:
        roles_spans.append((d.claimant.start, d.claimant.end))  # "Russia's Defence Ministry said"
    text = doc_text(d.head.doc)
    out = []
    for p in sent_places:
        if p.demonym or _country_as_modifier(p, text) or in_a_name(p, text) or is_a_group(p.text):
            continue
        if (
            any(p.start < e and s < p.end for s, e in roles_spans)
            and not _in_a_post(p, d.target, text)
            and not _placing_the_target(p, d, text)
        ):
            continue
        out.append(p)
    # a dateline says where the story is filed; another country named in the sentence is where the
    # event is ("BEIRUT, Lebanon — Airstrikes killed 12 people in Syria")
    lines = [p for p in out if p.feature in LOCAL_FEATURES and is_dateline(text, p.start, p.end)]
    abroad = {p.country for p in out if p not in lines and p.country and p.status == "resolved"}
    # nor does the dateline's town beat a town the sentence names in its country ("KYIV, Ukraine
    # — A missile strike killed five in Zaporizhzhia"): the story is filed from one, told of the other
    towns = {
        p.country for p in out if p not in lines and p.feature in _BELOW_COUNTRY and p.status == "resolved"
    }
    kept = [
        narrowed(p, text)
        for p in out
        if p not in lines or (not abroad or p.country in abroad) and p.country not in towns
    ]
    return [q for p in kept for q in _with_site(p, d)]


# What a sentence may name below its country that places the event more surely than a dateline does.
_BELOW_COUNTRY = LOCAL_FEATURES | {"admin1", "admin2"}


_GROUP_KINDS = frozenset({"rebel", "militia", "terrorist-designated", "political-party"})


def _whole_alias(name: str) -> tuple[str, ...]:
    """The ids of the one actor whose alias the name is, whole; none otherwise."""
    tokens = tokenize(name)
    found = get_dictionary().matcher.find(tokens)
    if len(found) == 1 and found[0].how == "alias" and found[0].i == 0 and found[0].j == len(tokens):
        return found[0].ids
    return ()


def is_a_group(name: str) -> bool:
    """Is the name, whole, an armed group's, a party's or a body's alias ("Al-Shabaab", "Hamas",
    "the EU")? A town that shares it ("Shabab") is then not where anything happened: the group did it."""
    return bool(_whole_alias(name))


def is_a_party_name(name: str) -> bool:
    """Is the name, whole, a group's or a party's own alias ("al-Shabaab")? Unlike a seat of power
    standing for its government or body ("Washington", "Brussels" for the EU), it names no town the
    article's events could be in."""
    entries = get_dictionary().entries
    return any(i in entries and entries[i].kind in _GROUP_KINDS for i in _whole_alias(name))


def _with_site(p: PlaceRef, d: Draft) -> list[PlaceRef]:
    """A place and the spot a site noun puts in it ("their posts in Anderstown"): a placed name
    stays beside its spot (the record keeps the narrowest), an unplaced one gives way to it."""
    if p.feature == "landmark":
        return [p]
    spot = held_site(p, d.head.doc)
    if spot is None:
        return [p]
    return [spot] if p.lat is None else [p, spot]


# A preposition inside the target before a place: the target is there ("the civilians in Douma",
# "the countryside of Saraqeb", "homes near Bakhmut")
_LOCATING = re.compile(r"\b(?:in|at|near|around|outside|across|throughout|inside|of)\s+(?:the\s+)?$", re.I)


def _placing_the_target(p: PlaceRef, d: Draft, text: str) -> bool:
    """A place that says where the target of a material event is ("airstrikes at the countryside
    of Saraqeb", "shelled homes in Douma", "killed the villagers of Kafr Nabl") is where the event
    is. Not in what parties do to each other (a government "of Syria" is a party), and a country
    after "of" says whose ("the embassy of Syria"), not where."""
    if d.target is None or d.type in RELATIONAL or not (d.target[0] <= p.start and p.end <= d.target[1]):
        return False
    m = _LOCATING.search(text[d.target[0] : p.start])
    if m is None:
        return False
    return not (p.feature == "country" and m.group(0).split()[0].casefold() == "of")


def _in_a_post(p: PlaceRef, target: tuple[int, int] | None, text: str) -> bool:
    """A place inside a targeted post or building ("attacked Camp Bastion", "bombed the Rolando
    cafe") is also the event's place."""
    if target is None or not (target[0] <= p.start and p.end <= target[1]):
        return False
    return is_site(text[target[0] : target[1]])


# Heads of an outlet's or an armed group's name: the place before them names the body, not where
# anything happened ("The Kyiv Independent", "the Sinai Province group", "Yemen Army's")
_NAME_HEADS = re.compile(
    r"^(?:\s+(?:province|state|morning|evening|daily|sunday|weekly))*\s+(?:times|post|herald|independent|"
    r"tribune|journal|gazette|telegraph|chronicle|observer|standard|monitor|express|mail|star|guardian|"
    r"news|today|review|press|courier|army|group|faction|brigades?|battalions?|front|movement|militia|"
    r"division|corps|legion|liberation|mujahideen)\b"
    # an armed force named after its country or region: "the Syria Democratic Forces", "Iraq Security
    # Forces", "the Afghanistan National Defense and Security Forces"
    r"|^(?:\s+(?:democratic|national|popular|security|defen[cs]e|self-defen[cs]e|armed|revolutionary|"
    r"liberation|and)){1,4}\s+forces\b",
    re.I,
)


def in_a_name(p: PlaceRef, text: str) -> bool:
    """Is the place a word of an outlet's or a group's name (a capitalised head follows it)?"""
    m = _NAME_HEADS.match(text[p.end : p.end + 40])
    if m is None:
        return False
    head = m.group(0).split()[-1]
    return head[:1].isupper() or head.casefold() in ("group", "faction", "militia")


def _country_as_modifier(p: PlaceRef, text: str) -> bool:
    """A country name before one of a state's bodies ("a US military base" east of the Euphrates,
    "Turkey troops") says whose, not where, like a demonym: the actor dictionary's institution
    heads tell which words name such bodies."""
    if p.feature != "country":
        return False
    keys = [t.key for t in tokenize(text[p.end : p.end + 40])]
    return bool(keys) and get_dictionary().matcher.heads.longest_at(keys, 0) is not None
