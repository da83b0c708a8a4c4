"""Facility and street names: "Alder Hey Children's Hospital", "Collins Avenue", "Windsor Castle".

News names buildings, roads and venues as places, and the geoparsing golds count them. The model
tags few of them, and the gazetteer (towns and areas) has none, so a name that ends in a facility
head word is taken whole: that keeps "Kingsley Road" from being read as the town of Kingsley, and
lets the resolver place it by the town the text puts it in ("… Road in Estey's Bridge").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from polemos.resolve.places_facility import BUILDING_HEADS, DIRECTIONS, HEAD_FIRST, ROAD_HEADS, ROAD_NUMBER

# Words that join a name's parts leftwards: "St George's Chapel" (a name's "of" is read rightwards).
JOINERS = frozenset({"'s", "’s", "-"})
# Capitalised words that make no name on their own: "City Hall", "High Court", "Central Station".
GENERIC = frozenset(
    """the a city town county state national new old high general central main royal district federal
    supreme county's university children's memorial public community international regional st saint
    north south east west northern southern eastern western upper lower""".split()
)
# Heads that follow a name in lower case: "the Air Balloon roundabout", "Seasons restaurant".
LOWER_HEADS = frozenset("roundabout junction interchange restaurant pub cafe".split())
ABBREVIATIONS = frozenset({"st", "dr"})  # also Saint and Doctor: a head only when no name follows
MAX_TOKENS = 8
# Words after a code like "A380" or "M16" that make it a machine, not a road.
NOT_ROAD_AFTER = frozenset(
    """aircraft airliner airliners jet jets plane planes superjumbo rifle rifles carbine bomber bombers
    tank tanks mask masks engine engines model models chip chips processor""".split()
)


def _word(tok: Token) -> str:
    return tok.lower_.rstrip(".")


def _cap(tok: Token) -> bool:
    return tok.text[:1].isupper() or (tok.text[:1].isdigit() and tok.text[-2:] in ("st", "nd", "rd", "th"))


def is_facility_head(word: str) -> bool:
    w = word.lower().rstrip(".")
    return w in BUILDING_HEADS or w in ROAD_HEADS


def _road_numbers(doc: Doc) -> list[tuple[int, int]]:
    """ "the A417", "via the A436, A40 and A429": a road number after "the" or in a list of them."""
    out: list[tuple[int, int]] = []
    for tok in doc:
        if not ROAD_NUMBER.match(tok.text):
            continue
        nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
        prev = doc[tok.i - 1] if tok.i > 0 else None
        listed = prev is not None and prev.text in (",", "and") and bool(out) and out[-1][1] >= tok.i - 2
        if nxt not in NOT_ROAD_AFTER and prev is not None and (prev.lower_ == "the" or listed):
            out.append((tok.i, tok.i + 1))
    return out


def facility_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token spans of capitalised names ending in a facility head word (or "Museum of X"), and of
    road numbers."""
    spans: list[tuple[int, int]] = _road_numbers(doc)
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        w = _word(tok)
        nxt = doc[i + 1] if i + 1 < n else None
        lower_head = w in LOWER_HEADS and tok.text.islower() and i > 0 and _cap(doc[i - 1])
        if (
            not (lower_head or tok.text[:1].isupper() and (w in BUILDING_HEADS or w in ROAD_HEADS))
            or (nxt is not None and _cap(nxt) and _word(nxt) not in DIRECTIONS and not nxt.is_sent_start)
            or (w == "crescent" and i > 0 and doc[i - 1].lower_ == "red")
        ):
            # a head word ends the name: "Hall County", "Fort Worth", "St. Louis" are other names;
            # "the Syrian Arab Red Crescent" is the aid society, not a street
            i += 1
            continue
        start = i
        while start > 0 and i - start < MAX_TOKENS and not doc[start].is_sent_start:
            prev = doc[start - 1]
            if _cap(prev) and not prev.is_punct:
                start -= 1
            elif (
                prev.text in JOINERS
                and prev.text != "-"
                and start - 1 > 0
                and _cap(doc[start - 2])
                and not (prev.text in ("'s", "’s") and doc[start - 2].ent_type_ == "GPE")
            ):  # "St George's Chapel"; but "Derry's Altnagelvin Hospital" is a hospital in Derry
                start -= 1
            else:
                break
        while start < i and (doc[start].text in JOINERS or doc[start].lower_ in ("the", "a", "an")):
            start += 1
        end = i + 1
        if w in ROAD_HEADS and end < n and _cap(doc[end]) and _word(doc[end]) in DIRECTIONS:
            end += 1  # "Eglinton Avenue West"
        elif w in BUILDING_HEADS and end + 1 < n and doc[end].lower_ == "of" and _cap(doc[end + 1]):
            k = end + 1  # "University of Perpetual Help", "Museum of Ice Cream"
            while k < n and k - start < MAX_TOKENS and _cap(doc[k]) and not doc[k].is_sent_start:
                k += 1
            end = k
        name_words = [t for t in doc[start:end] if _cap(t) and not is_facility_head(t.text)]
        if any(_word(t) not in GENERIC and t.lower_ not in GENERIC for t in name_words):
            spans.append((start, end))
            i = end
        else:
            i += 1
    return spans


def head_first_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token spans of names a head word opens ("Camp Bastion", "Fort Hood", "Hotel Serena"): the
    head, capitalised, and the capitalised words after it on the same sentence (at most three)."""
    out: list[tuple[int, int]] = []
    for tok in doc:
        if _word(tok) not in HEAD_FIRST or not tok.text[:1].isupper():
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= 3 and _cap(doc[end]) and not doc[end].is_sent_start:
            if doc[end].is_punct or _word(doc[end]) in HEAD_FIRST:
                break
            end += 1
        if end > tok.i + 1:
            out.append((tok.i, end))
    return out


# Camps people live in, named before the head in lower case: "Zamzam camp", "the Abu Shouk camp",
# "Kakuma refugee camp". The model often reads the name as a person's.
CAMP_KINDS = frozenset(
    "refugee refugees idp idps displacement displaced transit relief migrant migrants".split()
)
# Words of an article about people uprooted: there a "X camp" is where they live, not a side ("the
# Biden camp").
UPROOTED = frozenset(
    "refugee refugees idp idps displaced displacement uprooted fled flee fleeing shelter sheltering".split()
)


def camp_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token spans of camps named head last: a capitalised name, a kind of camp or none, and "camp"
    in lower case. Without a kind ("refugee camp"), only in an article that tells of people
    uprooted (refugees, the displaced, people who fled)."""
    uprooted = any(t.lower_ in UPROOTED for t in doc)
    out: list[tuple[int, int]] = []
    for tok in doc:
        if tok.text not in ("camp", "camps") or tok.i == 0:
            continue
        k = tok.i
        kind = k > 0 and doc[k - 1].lower_ in CAMP_KINDS
        if kind:
            k -= 1
        start = k
        while start > 0 and k - start < 4 and not doc[start].is_sent_start:
            prev = doc[start - 1]
            word = _cap(prev) and not prev.is_punct and prev.lower_ not in GENERIC
            hyphen = prev.text == "-" and start - 1 > 0 and _cap(doc[start - 2])  # "Abu-Shouk"
            if not (word or hyphen):
                break
            start -= 1
        while start < k and doc[start].text == "-":
            start += 1
        if start < k and (kind or uprooted):
            out.append((start, tok.i + 1))
    return out
