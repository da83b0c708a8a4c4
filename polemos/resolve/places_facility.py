"""Places the gazetteer lacks: a facility, street or small place put where the text puts it.

The index holds towns and areas, not "Alder Hey Children's Hospital", "Collins Avenue" or a hamlet
below cities500. Such a mention is located, approximately, by
(1) for a building, the place its own name carries when that reading is well known or the article
    confirms it ("Colchester General Hospital" in a Colchester story, "University of Nebraska");
(2) the place the text puts it in ("… Hospital in Liverpool", "Collins Avenue, Miami Beach",
    "Derry's Altnagelvin Hospital");
(3) for a facility, the article's nearest local place (a street in a local story is in its town).
The reference then has ``status`` "approximate", ``precision`` "near", the container's point, and
``within`` naming the container; its ``name`` and ``geonameid`` stay null, because the gazetteer
entry is the container's, not the facility's.
"""

from __future__ import annotations

import re

BUILDING_HEADS = frozenset(
    """hospital clinic infirmary centre center theatre theater stadium arena
    church chapel cathedral mosque temple synagogue abbey monastery castle palace barracks school
    college university academy court courthouse hall museum gallery library airport airfield station
    prison jail penitentiary hotel restaurant mall zoo tower plaza campus farm farms racecourse park
    cemetery pier harbour harbor pub cafe""".split()
)
ROAD_HEADS = frozenset(
    """road rd street st avenue ave drive dr lane ln boulevard blvd highway hwy parkway pkwy square
    terrace crescent roundabout junction interchange""".split()
)
DIRECTIONS = frozenset("north south east west n s e w".split())
# Heads that open a name instead of closing it: "Camp Bastion", "Fort Hood", "Hotel Serena". Such
# a name, when the gazetteer lacks it whole ("Fort Worth" is a city), is a post or a building.
HEAD_FIRST = frozenset("camp fort hotel".split())
# Words that describe a building rather than name its place: "Central Mental Hospital" is not in
# a "Central" region, nor "Royal Victoria Hospital" in a "Royal".
DESCRIPTIVE = frozenset(
    """central north south east west northern southern eastern western northwest northeast southwest
    southeast general royal national regional memorial community public mental international new old
    great st saint upper lower greater city county state""".split()
)
LOCAL_FEATURES = frozenset({"city", "neighbourhood", "landmark", "admin2"})

# Between a place and the place that contains it: "X in Y", "X at Y", "X, Y", "X near Y".
_CONTAINER_AFTER = re.compile(
    r"^(?:\s*,\s*|\s*,?\s+(?:in|at|on|near|outside)\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?)$"
)
_CONTAINER_BEFORE = re.compile(r"^(?:['’]s\s+(?:the\s+)?|['’]\s+)$")  # "Derry's Altnagelvin Hospital"


def _words(surface: str) -> list[str]:
    return [w.lower().rstrip(".,") for w in surface.split()]


# British and Irish road numbers ("the A417", "the M25", "A1(M)"): the golds count them as places.
ROAD_NUMBER = re.compile(r"^[AMB][1-9]\d{0,3}(?:\(M\))?$")


def facility_kind(surface: str) -> str | None:
    """ "road" for a street name, "building" for a venue, site or building, None for other names."""
    if ROAD_NUMBER.match(surface):
        return "road"
    words = _words(surface)
    while len(words) > 1 and words[-1] in DIRECTIONS:
        words.pop()
    if len(words) < 2:
        return None
    if words[-1] in ROAD_HEADS and words[-2:] != ["red", "crescent"]:  # the aid society
        return "road"
    if words[-1] in ("camp", "camps"):
        return "building"  # "Zamzam camp", "Kakuma refugee camp": a site people live in
    if words[-1] in BUILDING_HEADS or any(
        w in BUILDING_HEADS and nxt == "of" for w, nxt in zip(words, words[1:], strict=False)
    ):  # "Altnagelvin Hospital", "University of Perpetual Help"
        return "building"
    return None


def embedded_names(surface: str) -> list[str]:
    """Names of places a building's own name may carry, longest first: the words before its head
    word ("Colchester General Hospital" → "Colchester General", "Colchester") and after "of"
    ("University of Nebraska" → "Nebraska")."""
    words = surface.split()
    if words and words[0].lower() in HEAD_FIRST:  # "Camp Taji" may carry Taji
        rest = [w for w in words[1:] if w not in ("'s", "’s")]
        return [" ".join(rest[:k]) for k in range(len(rest), 0, -1)]
    cut = next((k for k, w in enumerate(words) if w.lower().rstrip(".,") in BUILDING_HEADS), len(words))
    head = [w for w in words[:cut] if w not in ("'s", "’s")]
    out = [" ".join(head[:k]) for k in range(len(head), 0, -1)]
    if "of" in words[cut:]:
        tail = words[words.index("of", cut) + 1 :]
        stop = next((k for k, w in enumerate(tail) if w.lower().rstrip(".,") in BUILDING_HEADS), len(tail))
        tail = tail[:stop]  # "University of Michigan Center" carries Michigan
        out += [" ".join(tail[:k]) for k in range(len(tail), 0, -1)]
    names = [re.sub(r"['’]s$", "", n) for n in out]
    return [n for n in names if not set(_words(n)) <= DESCRIPTIVE]  # "Central Mental Hospital"


_LIST_GOES_ON = re.compile(r"^\s*(?:,\s*[A-Z]|and\s+[A-Z])")


def container_between(
    text: str, left: tuple[int, int], right: tuple[int, int], *, left_is_container: bool
) -> bool:
    """Does the text between two mentions make one the container of the other? A comma does only
    when no list goes on after the second name ("Hedmark, Oppland, and Aust-Agder" is a list)."""
    between = text[left[1] : right[0]]
    if left_is_container:
        return bool(_CONTAINER_BEFORE.match(between))
    if between.strip() == "," and _LIST_GOES_ON.match(text[right[1] :]):
        return False
    return bool(_CONTAINER_AFTER.match(between))
