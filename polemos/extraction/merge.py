"""One event, several sentences: fold restatements into one event with ``mentions``.

Within a sentence, candidates of one type are one event ("seven blasts targeted …"). Across the
article, two events are one when their type matches, nothing they name disagrees (doers, targets,
places, figures, dates), nothing marks the later one as another event ("also", "another",
"separately"), and enough links them: each shared doer, target, place or figure counts 1, a
headline restated by its lead or a definite "the attack" referring back counts 2; 2 are needed,
so one shared doer alone ("rebels attacked X … they also shelled Y") is not a restatement.
"""

from __future__ import annotations

from spacy.tokens import Token

from polemos.types import Count, PlaceRef, TimeRef

from .resolved import Resolved, same_party

MIN_LINKS = 2
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
                and _related(o, ev)
            ),
            None,
        )
        if twin is None:
            out.append(ev)
        else:
            twin.absorb(ev, as_mention=False)
    return out


def _related(a: Resolved, b: Resolved) -> bool:
    """Triggers of one sentence that tell one event: one governs the other ("blasts targeted",
    "killed … when shells hit"), they are coordinated, or one verb governs both. "If the rebels
    attack, the army would respond with airstrikes" holds two."""
    x, y = a.draft.head, b.draft.head
    if x in y.ancestors:
        return not _own_clause_between(y, x)
    if y in x.ancestors:
        return not _own_clause_between(x, y)
    if (x.dep_ == "conj" and x.head == y) or (y.dep_ == "conj" and y.head == x):
        return not _has_subject(x if x.dep_ == "conj" else y)
    gx, gy = a.draft.governor, b.draft.governor
    return gx is not None and gx in (gy, y) or gy is not None and gy == x


def _has_subject(tok: Token) -> bool:
    """A subject that names a party: "the army responded" does, "… and 11 wounded" does not."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and not c.like_num for c in tok.children)


def _own_clause_between(low: Token, high: Token) -> bool:
    """A coordinated clause with a subject of its own lies between the two: "Rebels attacked the base
    and the army responded with airstrikes" tells two events."""
    tok = low  # spaCy makes a new Token object on each access: compare positions, not identities
    while tok.i != high.i and tok.head.i != tok.i:
        if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and _has_subject(tok):
            return True
        tok = tok.head
    return False


def merge_across(events: list[Resolved]) -> list[Resolved]:
    """Fold each event into the first earlier event it restates (text order is kept)."""
    out: list[Resolved] = []
    for ev in events:
        best, best_links = None, MIN_LINKS - 1
        anaphor = _anaphoric(ev)
        if _another(ev):
            out.append(ev)
            continue
        for o in reversed(out) if anaphor else out:
            if o.type != ev.type or o.sent_index == ev.sent_index:
                continue
            links = _compatible(o, ev)
            if links is not None and anaphor:
                links += 2
                anaphor = False  # only the nearest earlier event of its type is what "the attack" is
            if links is not None and links > best_links:
                best, best_links = o, links
        if best is None:
            out.append(ev)
        else:
            best.absorb(ev, as_mention=True)
    return out


_ANOTHER_ADVERBS = frozenset("also again separately meanwhile too additionally elsewhere later".split())
_ANOTHER_MODIFIERS = frozenset(
    "another second third separate other new further fresh earlier previous".split()
)


def _another(ev: Resolved) -> bool:
    """ "They also shelled …", "in another attack", "a separate blast": a new event, not a restatement."""
    head = ev.draft.head
    clause = [head] + ([ev.draft.governor] if ev.draft.governor is not None else [])
    for tok in clause:
        for child in tok.children:
            if child.dep_ in ("advmod", "npadvmod") and child.lower_ in _ANOTHER_ADVERBS:
                return True
            if child.dep_ in ("amod", "det") and child.lower_ in _ANOTHER_MODIFIERS:
                return True
    return False


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
        links += 2  # a headline and its lead tell the same story
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
