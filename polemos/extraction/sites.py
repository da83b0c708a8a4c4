"""The site an event is at, when the text narrows a named place down to a spot in it: "at the
Oxford Street bus station", "outside the Kabul police headquarters", "in the Hamidiyah market".

The named place stays what the gazetteer read; the event's own location becomes the spot, placed
by its container as ``places_facility`` places a venue the index lacks (status "approximate",
precision "near", ``within`` naming the container, the container's point).
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from polemos.extraction.doctext import doc_text
from polemos.lang.en import labels as en
from polemos.resolve.gazetteer_names import AREA_WORDS
from polemos.resolve.places_facility import BUILDING_HEADS, LOCAL_FEATURES
from polemos.types import PlaceRef

# Spots in a town where attacks are told to happen, beside the buildings the facility reader knows.
SITE_HEADS = BUILDING_HEADS | frozenset(
    """market marketplace bazaar souk checkpoint camp base airbase outpost compound headquarters
    terminal depot port quay bridge crossing junction square""".split()
)
# Military posts: attacked, they are the target, and still where the event is.
MILITARY_SITES = frozenset("base airbase garrison outpost barracks fort".split())
_CAMP_NAME = re.compile(r"\bCamp [A-Z]")
# Up to three lower-case words after the name, the last of them the head: " bus station",
# " police headquarters", " market".
_AFTER = re.compile(r"^(?:\s[a-z][a-z'-]*){1,3}")


def narrowed(place: PlaceRef, text: str) -> PlaceRef:
    """The spot a place name is the modifier of ("Oxford Street bus station"), else the place."""
    m = _AFTER.match(text[place.end : place.end + 40])
    if m is None or place.demonym or place.lat is None:
        return place
    words = m.group(0).split()
    last = next((i for i in range(len(words) - 1, -1, -1) if words[i] in SITE_HEADS), None)
    if last is None:
        return place
    end = place.end + len(" ".join(words[: last + 1])) + 1
    return replace(
        place,
        text=text[place.start : end],
        end=end,
        name=None,
        geonameid=None,
        feature="landmark",
        precision="near",
        status="approximate",
        within=place.within or place.name,
    )


# Site heads that name somewhere people live or pass, not a thing hit: "raided the Jenin camp".
_SETTLED = frozenset("camp square port crossing junction bridge quay".split())


# Spots a force holds, told before the place that holds them: "their posts in Anderstown".
_HELD = frozenset("post position checkpoint outpost base barracks".split())
_SITE_PREPS = frozenset("in at near outside inside".split())
# Words that only say what kind of place the name is: "the towns of Budennovsk and Kizlyar".
_KIND_OF_PLACE = frozenset("town city village district province region area suburb neighbourhood".split())
# the unions the readers below test, built once rather than on every call
_HELD_SITES = (SITE_HEADS | _HELD) - _SETTLED
_TARGET_SITES = SITE_HEADS - _SETTLED


def held_site(place: PlaceRef, doc: Doc) -> PlaceRef | None:
    """The spot a site noun puts in a named place, told head first: "their posts in Anderstown",
    "hostages in hospitals in the towns of Budennovsk", "a bomb at a school in Kabul". The spot
    runs from the site noun to the name; it keeps the name's point, admin1 and country, with
    ``within`` naming the container (status "approximate" when the name is placed). None when
    no site noun holds the place."""
    if place.demonym:
        return None
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    if tok.dep_ in en.COMPOUNDS and tok.head.lower_ in AREA_WORDS and tok.head.i == span.end:
        tok = tok.head  # "a checkpoint in Kunar province": through the area word after the name
    for _ in range(2):  # "the towns of X": through the kind of place
        prep = tok.head
        if tok.dep_ in en.PREP_OBJECTS and prep.lower_ == "of" and prep.head.lemma_.lower() in _KIND_OF_PLACE:
            tok = prep.head
    prep = tok.head
    if tok.dep_ not in en.PREP_OBJECTS or prep.lower_ not in _SITE_PREPS or prep.head.i >= prep.i:
        return None
    site = prep.head
    lemma = site.lemma_.lower()
    if site.pos_ != "NOUN" or lemma not in _HELD_SITES:
        return None
    start = min([site.idx] + [c.left_edge.idx for c in site.lefts if c.dep_ in en.COMPOUNDS])  # "army post"
    return replace(
        place,
        text=doc_text(doc)[start : place.end],
        start=start,
        name=None,
        geonameid=None,
        feature="landmark",
        # a spot in a town is near its point; one in an area is only as precise as the area
        precision="near" if place.lat is not None and place.feature in LOCAL_FEATURES else place.precision,
        status="approximate" if place.lat is not None else place.status,
        within=place.within or place.name or place.text,
    )


def is_site(words: str) -> bool:
    """A spot attacks are aimed at, named with its head word: "the Rolando cafe", "the Christmas
    market", "the Oxford Street bus station", a military post. Hit, it is the target, and still
    where the event is; a town or a district is only where."""
    last = words.casefold().split()[-1:] or [""]
    return is_post(words) or last[0].strip(".,;:") in _TARGET_SITES


def is_post(words: str) -> bool:
    """A military post: "the Hmeimim air base", "a border outpost", "Camp Bastion" (a camp's name
    in capitals; "the Jenin camp" is a place)."""
    return bool(set(words.casefold().split()) & MILITARY_SITES) or _CAMP_NAME.search(words) is not None
