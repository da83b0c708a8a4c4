"""One event, several sentences: fold restatements into one event with ``mentions``.

Within a sentence, candidates of one type are one event ("seven blasts targeted …"). Across the
article, two events are one when their type matches, nothing they name disagrees (doers, targets,
places, figures, dates), and something links them (the same named doer or target, a shared place or
figure, or a headline restated by the lead).
"""

from __future__ import annotations

from polemos.types import Count, PlaceRef, TimeRef

from .resolved import Resolved, same_party

_DATE_SLACK = {"day": 1, "week": 7, "month": 31, "year": 366}


def merge_in_sentence(events: list[Resolved]) -> list[Resolved]:
    out: list[Resolved] = []
    for ev in events:
        twin = next(
            (
                o
                for o in out
                if o.sent_index == ev.sent_index
                and o.type == ev.type
                and not _anaphoric(ev)
                and not _anaphoric(o)
                and same_party(o.actor_key, ev.actor_key) is not False
            ),
            None,
        )
        if twin is None:
            out.append(ev)
        else:
            twin.absorb(ev, as_mention=False)
    return out


def merge_across(events: list[Resolved]) -> list[Resolved]:
    """Fold each event into the first earlier event it restates (text order is kept)."""
    out: list[Resolved] = []
    for ev in events:
        best, best_links = None, 0
        anaphor = _anaphoric(ev)
        for o in reversed(out) if anaphor else out:
            if o.type != ev.type or o.sent_index == ev.sent_index:
                continue
            links = _compatible(o, ev)
            if links is not None and anaphor:
                links += 1
                anaphor = False  # only the nearest earlier event of its type is what "the attack" is
            if links is not None and links > best_links:
                best, best_links = o, links
        if best is None:
            out.append(ev)
        else:
            best.absorb(ev, as_mention=True)
    return out


def _anaphoric(ev: Resolved) -> bool:
    """ "the attack", "this bombing": a definite event noun with nothing of its own (no place, figure
    or date) refers back to an event already told."""
    head = ev.draft.head
    definite = any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "these", "those")
        for c in head.children
    )
    return (
        head.pos_ == "NOUN"
        and definite
        and not ev.draft.locations
        and not ev.draft.counts
        and ev.draft.date is None
    )


def _compatible(a: Resolved, b: Resolved) -> int | None:
    """None when the two events cannot be one; else how many things link them (0: nothing
    contradicts, nothing links — not enough to merge)."""
    if a.modality != b.modality and not (a.in_headline or b.in_headline):
        return None
    links = 0
    for x, y in ((a.actor_key, b.actor_key), (a.target_key, b.target_key)):
        same = same_party(x, y)
        if same is False:
            return None
        links += bool(same)
    place_link = _places(a.draft.locations, b.draft.locations)
    if place_link is None:
        return None
    links += place_link
    for kind in ("killed", "injured", "size"):
        c = _counts(a.draft.counts.get(kind), b.draft.counts.get(kind))
        if c is None:
            return None
        links += c
    if not _dates(a.date, b.date):
        return None
    if (
        a.in_headline != b.in_headline
        and (a.in_headline or b.in_headline)
        and abs(a.sent_index - b.sent_index) <= 2
    ):
        links += 1  # a headline and its lead tell the same story
    if a.sent_index == b.sent_index:
        links += 1
    return links


def _key(place: PlaceRef) -> str:
    return str(place.geonameid) if place.geonameid else (place.name or place.text).casefold()


def _places(a: list[PlaceRef], b: list[PlaceRef]) -> int | None:
    """1: a shared place (or one inside the other's area); 0: nothing to compare; None: they
    are in different countries, or are different named places that do not contain each other."""
    countries_a = {p.country for p in a if p.country}
    countries_b = {p.country for p in b if p.country}
    if countries_a and countries_b and not countries_a & countries_b:
        return None
    named_a = [p for p in a if p.feature != "country"]
    named_b = [p for p in b if p.feature != "country"]
    if not named_a or not named_b:
        return 0
    if {_key(p) for p in named_a} & {_key(p) for p in named_b}:
        return 1
    areas_a = {(p.admin1 or "").casefold() for p in named_a} | {(p.name or "").casefold() for p in named_a}
    areas_b = {(p.admin1 or "").casefold() for p in named_b} | {(p.name or "").casefold() for p in named_b}
    if (areas_a & areas_b) - {""}:
        return 1
    return None


def _counts(a: Count | None, b: Count | None) -> int | None:
    if a is None or b is None or a.best is None or b.best is None:
        return 0
    big, small = max(a.best, b.best), min(a.best, b.best)
    if big == small:
        return 1
    return 0 if small >= 0.7 * big else None


def _dates(a: TimeRef | None, b: TimeRef | None) -> bool:
    if a is None or b is None or a.start_date is None or b.start_date is None:
        return True
    slack = max(_DATE_SLACK.get(a.precision or "day", 1), _DATE_SLACK.get(b.precision or "day", 1))
    return abs((a.start_date - b.start_date).days) <= slack
