"""Are two reports one event? Hard rules that keep them apart, then a score with its reasons.

``pair(a, b)`` returns a ``Pair``: ``score`` 0..1 (0 when a rule says "not the same event") and
the reasons, in words, that the fused record shows. The score only reads the two reports, never the
rest of the store, so the same pair scores the same whatever was ingested before or after.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from polemos.fuse.report import (
    DATE_SLACK,
    NAMED_FEATURES,
    PRECISE_FEATURES,
    Figure,
    Place,
    Report,
    fold,
    shared,
)
from polemos.fuse.text import parties

# Weights of the evidence (tuned by hand on the kinds of errors seen in dev, not per article).
W_TEXT = 0.55  # times the cosine of the evidence words
W_SAME_PLACE = 0.3
W_NEAR_PLACE = 0.12
# One report's event is at a town the other report's text names elsewhere than its event's places
# ("Zawa – Yaloké : une attaque …" read with no place, "… incertaine à Zawa" placed at Zawa).
W_NAMED_PLACE = 0.15
W_OTHER_PLACE = -0.2  # both name precise places and they are different ones
W_COUNTRY = 0.1
W_ACTOR = 0.18
W_COMMON_ACTOR = 0.06  # a country's army or police, civilians, an unnamed group
# A named party both texts mention (by any alias of the actor dictionary: "UN" / "UNITED NATIONS"),
# when the events' own actor and target do not already share it.
W_PARTY = 0.18
# A shared province alone is no evidence: a monitor's stories of one day name the same provinces
# (dev: of candidate pairs sharing only a province, 2 in 13 were one event, below the base rate).
W_SAME_PROVINCE = 0.0
W_OTHER_PROVINCE = -0.25
W_TYPE = 0.08
W_MODE = 0.05
W_MODE_DIFF = -0.2
W_TYPE_DIFF = -0.15
W_FIGURE_SAME = 0.15
W_FIGURE_CLOSE = 0.08
# Figures far apart are no evidence against: tolls rise as bodies are found and differ by source
# (dev: candidate pairs with far tolls were one event as often as not, above the base rate).
W_FIGURE_FAR = 0.0
W_TARGET_DIFF = -0.15
W_MODALITY_DIFF = -0.2
# Another outlet telling the same thing is what fusion is for; one outlet telling it again days later
# is more often a new development (the next day's toll, another strike) than the same event.
W_OTHER_OUTLET = 0.12
W_SAME_OUTLET_LATER = -0.15
SAME_OUTLET_GAP_DAYS = 2
# Published this many days apart or more, one outlet's two stories are two events, unless both
# texts date the event and the dates meet: an outlet retells its own story within a day or two
# (updates, the next day's toll), and a daily monitor's house style would otherwise chain its
# stories of a week into one event (dev: of the pairs fused without this rule, 0 of 7 at 4-7
# days apart and 3 of 14 at 2-3 days were one event).
SAME_OUTLET_APART_DAYS = 3
# One outlet's stories share its house style ("… were killed yesterday including …"): words two
# outlets share are evidence, words one outlet repeats count this much of that.
SAME_OUTLET_TEXT = 0.5
UNPLACED_CONTEXT = 0.5
DATE_SAME_DAY = 0.15
DATE_NEXT_DAY = 0.08
DATE_OTHER_DAY_SAME_OUTLET = -0.1
# Publication days: two outlets telling of violence within a day or two mostly tell of one event;
# one outlet's stories of consecutive days mostly tell of consecutive events.
# Only within one country: that two outlets wrote on one day says nothing of where.
PUBLISHED_GAP = {0: 0.1, 1: 0.06, 2: 0.03, 3: 0.0}  # days apart -> weight, for two outlets
PUBLISHED_LATER = -0.1  # two outlets, undated, published further apart: a later development
PUBLISHED_SAME_OUTLET = {0: 0.03, 1: -0.05}

# A pair is tied only on evidence specific to one incident: a place below the country, a named
# actor, the incident's own words, a figure both give, or a day both texts date it to. What the
# day's news of a country shares anyway (type, another outlet, publication days) is context that
# adds to such evidence, never enough alone: as a store fills, a country's week holds many events
# of one type told by several outlets.
SPECIFIC_TEXT = 0.05  # a cosine this high needs a content word both share, beyond stock words
NO_SPECIFIC_CAP = 0.2  # below the fuser's threshold (0.23): such a pair never ties two reports

FACT_MODALITIES = frozenset({"asserted"})
NEGATIVE_MODALITIES = frozenset({"negated", "denied"})


@dataclass(frozen=True)
class Pair:
    score: float
    reasons: tuple[str, ...]

    @property
    def apart(self) -> bool:
        return self.score <= 0.0


NEVER = Pair(0.0, ())


def km(a: Place, b: Place) -> float | None:
    """Great-circle distance, or None when either place has no coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    p1, p2 = a.rad_lat, b.rad_lat  # math.radians of lat, read once per place
    assert p1 is not None and p2 is not None and a.cos_lat is not None and b.cos_lat is not None
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + a.cos_lat * b.cos_lat * math.sin(dl / 2) ** 2
    return EARTH_KM * 2 * math.asin(min(1.0, math.sqrt(h)))


EARTH_KM = 6371.0
KM_PER_RADIAN_SAFE = EARTH_KM * 0.999  # below the arc of a degree of latitude, rounding included


def surely_farther(a: Place, b: Place, r: float) -> bool:
    """True when ``a`` and ``b`` are certainly more than ``r`` km apart by latitude alone (a
    great-circle distance is at least the arc between the two latitudes), without trigonometry;
    False says nothing (compute ``km``)."""
    if a.arc_lat is None or b.arc_lat is None:
        return False  # no latitude, or not one on this planet: the bound does not hold
    return abs(a.arc_lat - b.arc_lat) * KM_PER_RADIAN_SAFE > r + 0.5


def radius(a: Place, b: Place) -> float | None:
    """The distance within which two mentions may name the same spot, from the coarser one."""
    ra, rb = a.radius_km, b.radius_km  # PLACE_RADIUS_KM by feature
    if ra is None or rb is None:
        return None  # a region or a country: no distance rule
    return max(ra, rb)


def apart_reason(a: Report, b: Report) -> str | None:
    """Why two reports cannot be one event (a rule, not a score), or None when they may be."""
    if a.article_id == b.article_id:
        return "same article"  # the extractor already joined one article's mentions of one event
    if a.periodic or b.periodic:
        return "a periodic report tells of many events"  # it belongs to none of them alone
    if a.family != b.family and a.read and b.read:
        return "different kinds of event"
    if _dates_apart(a, b):
        return "dates apart beyond their precision"
    if a.country_firm and b.country_firm and a.countries and b.countries and not a.countries & b.countries:
        return "different countries"
    if (a.modality in NEGATIVE_MODALITIES) != (b.modality in NEGATIVE_MODALITIES):
        return "one says it did not happen"
    if places_apart(a.precise, b.precise):
        return "places too far apart"
    if _same_outlet_later(a, b):
        return "one outlet's stories of different days"
    villages = _villages_apart(a, b)
    if villages:
        return villages
    differ = _details_differ(a, b)
    if len(differ) >= 2:
        return f"details disagree: {', '.join(differ)}"
    return None


def _villages(r: Report) -> set[str]:
    """Keys of the report's places no gazetteer places (villages below its threshold): a name with
    neither an id nor a point, whatever its key (a short name, "Zimako", is keyed by its folded
    spelling rather than its consonants, and is a village all the same)."""
    return {p.key for p in r.places if not p.geonameid and p.lat is None}


def _villages_apart(a: Report, b: Report) -> str | None:
    """Two read reports placed only at villages the gazetteer lacks: another village is another event,
    and the attack on two villages is not the attack on one of them (a whole and its part, each
    coded). Reports with a town the gazetteer knows are left to the score."""
    if not (a.read and b.read):
        return None
    sa, sb = _villages(a), _villages(b)
    if not sa or not sb or any(p.feature in PRECISE_FEATURES for p in a.places + b.places):
        return None
    if (sa < sb and len(sb) >= 2) or (sb < sa and len(sa) >= 2):
        return "a whole and one of its parts"
    if not sa & sb:
        return "different villages"
    return None


def is_apart(a: Report, b: Report) -> bool:
    """``apart_reason(a, b) is not None``, sooner: the rules most pairs meet come first (a
    candidate pair of one country's week is most often two towns far apart, or two days)."""
    lo_a, hi_a, lo_b, hi_b = a.date_lo, a.date_hi, b.date_lo, b.date_hi
    if lo_a and lo_b and hi_a and hi_b and (hi_a < lo_b or hi_b < lo_a):
        return True
    if a.precise and b.precise and places_apart(a.precise, b.precise):
        return True
    return apart_otherwise(a, b)


def apart_otherwise(a: Report, b: Report) -> bool:
    """``is_apart(a, b)`` for a pair whose dates meet and whose precise places are not apart (the
    fuser reads those two rules first, on every candidate): the other rules."""
    if a.article_id == b.article_id or a.periodic or b.periodic:
        return True
    if a.family != b.family and a.read and b.read:
        return True
    if a.country_firm and b.country_firm and a.countries and b.countries and not a.countries & b.countries:
        return True
    if (a.modality in NEGATIVE_MODALITIES) != (b.modality in NEGATIVE_MODALITIES):
        return True
    if _same_outlet_later(a, b) or _villages_apart(a, b):
        return True
    return len(_details_differ(a, b)) >= 2


def _details_differ(a: Report, b: Report) -> list[str]:
    """What two read reports both state and state differently: type, mode, target, spot in a city."""
    if not (a.read and b.read):
        return []
    out = []
    if a.type != b.type:
        out.append("type")
    if a.mode and b.mode and a.mode != b.mode:
        out.append("mode")
    if a.target_kinds and b.target_kinds and not a.target_kinds & b.target_kinds:
        out.append("target")
    spots_a, spots_b = a.spots, b.spots
    if spots_a and spots_b and not spots_a & spots_b:
        out.append("place")
    return out


def _same_outlet_later(a: Report, b: Report) -> bool:
    if not (_same_outlet(a, b) and a.published and b.published):
        return False
    if abs((a.published - b.published).days) < SAME_OUTLET_APART_DAYS:
        return False
    return not (a.date_from_text and b.date_from_text)  # both texts date it, and their dates meet


def _dates_apart(a: Report, b: Report) -> bool:
    if not (a.date_lo and b.date_lo and a.date_hi and b.date_hi):
        return False
    return a.date_hi < b.date_lo or b.date_hi < a.date_lo


def places_apart(precise_a: tuple[Place, ...], precise_b: tuple[Place, ...]) -> bool:
    """Both reports place the event precisely, and no place of one is near any place of the other.

    ``precise_*``: a report's places of a precise feature that have a latitude (``Report.precise``)."""
    if not precise_a or not precise_b:
        return False
    # ``radius`` and ``surely_farther`` inline: this runs on most candidate pairs
    for x in precise_a:
        rx, ax = x.radius_km, x.arc_lat
        if rx is None:
            return False  # no distance rule for this place, whichever the other
        for y in precise_b:
            ry = y.radius_km
            if ry is None:
                return False
            r = rx if rx >= ry else ry
            ay = y.arc_lat
            if ax is not None and ay is not None and abs(ax - ay) * KM_PER_RADIAN_SAFE > r + 0.5:
                continue  # certainly farther than r by latitude alone
            d = km(x, y)
            if d is None or d <= r:
                return False
    return True


def _place_evidence(a: Report, b: Report) -> tuple[float, list[str]]:
    # a shared country is the country term's business; here only places within a country count
    places_a, places_b = a.areas, b.areas
    keys_b = {p.key for p in places_b}
    shared = [p for p in places_a if p.key in keys_b]
    if shared:
        names = sorted({p.name for p in shared})
        # a shared town or spot counts fully; a shared province or region half
        fine = any(p.feature not in ("admin1", "region") for p in shared)
        weight = W_SAME_PLACE if fine else W_SAME_PLACE / 2
        reason = f"same place: {', '.join(names[:3])}"
        # a headline that tells of several areas ("shelling on Hama and clashes in Aleppo") is a
        # digest of incidents: one area it shares with another story is one of its incidents' places
        areas_a, areas_b = _areas(places_a), _areas(places_b)
        spread = max(len(areas_a), len(areas_b))
        if spread > 1 and len(areas_a & areas_b) < spread:
            weight *= len(areas_a & areas_b) / spread
            reason += f" (one of {spread} areas)"
        return weight, [reason]
    # a town one report's text names (not its event's place) where the other puts its event
    named = sorted(
        {p.name for p in places_a if p.key in b.named and p.feature in NAMED_FEATURES}
        | {p.name for p in places_b if p.key in a.named and p.feature in NAMED_FEATURES}
    )
    if named:
        return W_NAMED_PLACE, [f"the text names the place: {', '.join(named[:3])}"]
    best: tuple[float, str] | None = None
    for x in places_a:
        for y in places_b:
            r = radius(x, y)
            if r is None or surely_farther(x, y, r):
                continue
            d = km(x, y)
            if d is not None and r is not None and d <= r and (best is None or d < best[0]):
                best = (d, f"{d:.0f} km apart ({x.name} / {y.name})")
    if best is not None:
        return W_NEAR_PLACE, [best[1]]
    precise_a, precise_b = a.spots, b.spots
    if precise_a and precise_b and not precise_a & precise_b:
        return W_OTHER_PLACE, ["different places in one area"]
    provinces_a, provinces_b = a.provinces, b.provinces
    if provinces_a & provinces_b:
        return W_SAME_PROVINCE, [f"same province: {sorted(provinces_a & provinces_b)[0]}"]
    if provinces_a and provinces_b:
        return W_OTHER_PROVINCE, ["different provinces"]
    return 0.0, []


def _areas(places: Sequence[Place]) -> set[str]:
    """The areas (provinces, else the places themselves) a report's places lie in."""
    return {fold(p.admin1) if p.admin1 else p.key for p in places}


def _figure_evidence(fa: tuple[Figure, ...], fb: tuple[Figure, ...]) -> tuple[float, list[str]]:
    score, reasons = 0.0, []
    by_kind = {f.kind: f for f in fb}
    for f in fa:
        g = by_kind.get(f.kind)
        if g is None or f.value is None or g.value is None:
            continue
        x, y = f.value, g.value
        lo_a, hi_a = f.low if f.low is not None else x, f.high if f.high is not None else x
        lo_b, hi_b = g.low if g.low is not None else y, g.high if g.high is not None else y
        ranges_meet = lo_a <= (hi_b if g.high is not None else 10**9) and lo_b <= (
            hi_a if f.high is not None else 10**9
        )
        if x == y:
            score += W_FIGURE_SAME
            reasons.append(f"{f.kind} {x} in both")
        elif abs(x - y) <= max(2, 0.34 * max(x, y)) or ranges_meet and max(x, y) <= 3 * min(x, y):
            score += W_FIGURE_CLOSE
            reasons.append(f"{f.kind} {x} ~ {y}")
        elif max(x, y) > 3 * max(1, min(x, y)) and max(x, y) - min(x, y) > 5:
            score += W_FIGURE_FAR
            reasons.append(f"{f.kind} {x} vs {y}")
    return score, reasons


def _same_outlet(a: Report, b: Report) -> bool:
    return a.outlet_key is not None and a.outlet_key == b.outlet_key  # both named, folded alike


def _date_evidence(a: Report, b: Report) -> tuple[float, list[str]]:
    same_outlet = _same_outlet(a, b)
    if a.date_from_text and b.date_from_text and a.date_precision == b.date_precision == "day":
        assert a.date_lo and b.date_lo and a.date_hi and b.date_hi  # a day from the text has a window
        # days compared as the spans the texts give ("September 20th-22nd" holds the 21st), the
        # slack of each side taken off again: the days between the two spans, 0 when they meet
        slack = DATE_SLACK["day"]
        gap = max(0, (a.date_lo - b.date_hi).days + 2 * slack, (b.date_lo - a.date_hi).days + 2 * slack)
        if gap == 0:
            return DATE_SAME_DAY, ["same day"]
        if same_outlet:  # one outlet's two days are two days' news ("… were killed yesterday")
            return DATE_OTHER_DAY_SAME_OUTLET, ["same outlet, another day"]
        if gap == 1:
            return DATE_NEXT_DAY, ["a day apart"]
        return 0.0, []
    if a.published and b.published:
        gap = abs((a.published - b.published).days)
        if same_outlet:
            weight = PUBLISHED_SAME_OUTLET.get(gap, 0.0)
        elif a.countries & b.countries:
            weight = PUBLISHED_GAP.get(gap, PUBLISHED_LATER)
        else:
            weight = min(0.0, PUBLISHED_GAP.get(gap, PUBLISHED_LATER))
        if weight:
            return weight, ["published the same day" if gap == 0 else f"published {gap} day(s) apart"]
    return 0.0, []


def _outlet_evidence(a: Report, b: Report) -> tuple[float, list[str]]:
    if not _same_outlet(a, b):
        # an independent telling of news from one country; when one report is unplaced, half that
        if a.countries & b.countries:
            return W_OTHER_OUTLET, ["another outlet"]
        if a.countries and b.countries and a.country_firm and b.country_firm:
            return 0.0, []
        return W_OTHER_OUTLET / 2, ["another outlet"]
    if a.published and b.published and abs((a.published - b.published).days) >= SAME_OUTLET_GAP_DAYS:
        return W_SAME_OUTLET_LATER, ["same outlet, days apart"]
    return 0.0, []


def _parties(r: Report) -> frozenset[str]:
    """The named parties a report's evidence and mentions name (dictionary ids), read once a report."""
    if r.party_ids is not None:
        return r.party_ids
    texts = [str((r.record.get("evidence") or {}).get("text") or "")]
    texts += [str(m.get("text") or "") for m in r.record.get("mentions") or ()]
    found = shared(frozenset().union(*(parties(t) for t in texts if t)))  # most: the one empty set
    object.__setattr__(r, "party_ids", found)  # a frozen report: set once, like its derived fields
    return found


def pair(a: Report, b: Report) -> Pair:
    """The score (0..1) that ``a`` and ``b`` report one event, and why."""
    if is_apart(a, b):
        return NEVER
    return evidence(a, b)


def evidence(a: Report, b: Report) -> Pair:
    """``pair(a, b)`` for two reports no rule keeps apart (``is_apart`` is False)."""
    found = _evidence(a, b, None)
    assert found is not None  # without a floor the pair is always scored to the end
    return found


def pair_at_least(a: Report, b: Report, floor: float, *, near: bool = False) -> Pair | None:
    """``pair(a, b)``, or None when its score is certainly below ``floor`` (the fuser keeps only
    pairs at its threshold): the named parties of the two texts, the dearest evidence to read, are
    then not looked up. ``near``: the caller has found that the dates meet and the precise places
    are not apart (``is_apart``'s first rules), which are not read again."""
    if apart_otherwise(a, b) if near else is_apart(a, b):
        return NEVER
    return _evidence(a, b, floor)


# The most the actor terms can add to a score (a shared named party or actor); the rest only lowers
# it (targets differ, the cap, the clamp), and rounding to 4 places moves it by less than ROUNDING.
BEST_ACTOR = max(W_PARTY, W_ACTOR, W_COMMON_ACTOR)
ROUNDING = 0.001


SHARED_WORDS = 4  # the shared words a pair's reasons name (``shared_words``' limit)


def _heaviest(c: tuple[float, str]) -> tuple[float, str]:
    return -c[0], c[1]


def _evidence(a: Report, b: Report, floor: float | None) -> Pair | None:
    score, reasons = 0.0, []
    # ``cosine`` and ``shared_words`` of the two word maps, from one pass over the shared words
    wa, wb = a.words, b.words
    if len(wa) > len(wb):
        wa, wb = wb, wa
    common = [(w * wb[k], k) for k, w in wa.items() if k in wb]
    text = min(1.0, sum([c[0] for c in common])) if common else 0.0
    if text > 0:
        score += W_TEXT * text * (SAME_OUTLET_TEXT if _same_outlet(a, b) else 1.0)
        if len(common) > 1:
            common.sort(key=_heaviest)
        shared = [k for _, k in common[:SHARED_WORDS]]
        reasons.append(f"text {text:.2f}" + (f" ({', '.join(shared)})" if shared else ""))
    # what the day's news shares anyway (type, mode, figures, day, another outlet): full weight
    # within a shared country, half for a pair that could be anywhere (one report placed nowhere)
    context, specific = 0.0, False
    if not (a.read and b.read):
        pass  # an article whose event was not read: its words, places and dates speak for it
    elif a.type == b.type:
        context += W_TYPE
        reasons.append("same type")
    else:
        score += W_TYPE_DIFF
        reasons.append(f"type {a.type} / {b.type}")
    if a.mode and b.mode:
        context += W_MODE if a.mode == b.mode else W_MODE_DIFF
        specific = a.mode == b.mode  # a manner both name ("suicide bombing", "air strike")
        reasons.append("same mode" if a.mode == b.mode else f"mode {a.mode} / {b.mode}")
    if a.modality != b.modality:
        score += W_MODALITY_DIFF
        reasons.append(f"{a.modality} / {b.modality}")
    place_score, place_reasons = _place_evidence(a, b)
    score += place_score
    reasons.extend(place_reasons)
    specific = specific or place_score > 0 or text >= SPECIFIC_TEXT
    figures, dates = _figure_evidence(a.figures, b.figures), _date_evidence(a, b)
    # a day both texts give is specific only with a word both share: a monitor's "N were killed
    # yesterday" and any story of the same day in its country date it alike (denser store: of the
    # pairs tied on the day and nothing else, none was one event)
    same_day = dates[0] >= DATE_SAME_DAY and text > 0
    specific = specific or figures[0] >= W_FIGURE_CLOSE or same_day
    parts = [figures, dates]
    if a.outlet and b.outlet:
        parts.append(_outlet_evidence(a, b))
    for part in parts:
        context += part[0]
        reasons.extend(part[1])
    score += context if context < 0 or a.countries & b.countries else context * UNPLACED_CONTEXT
    if a.countries and a.countries & b.countries:
        score += W_COUNTRY
        reasons.append(f"same country {'/'.join(sorted(a.countries & b.countries))}")
    shared_actors = a.actors & b.actors
    named = shared_actors - a.common_actors - b.common_actors
    if not named and floor is not None and score + BEST_ACTOR < floor - ROUNDING:
        return None  # whatever parties both texts name, the pair stays below the floor
    both: frozenset[str] = frozenset()
    if not named:  # the parties of both: the one already read first, the other only when it has some
        first, second = (b, a) if a.party_ids is None and b.party_ids is not None else (a, b)
        mine = _parties(first)
        if mine:
            both = mine & _parties(second)
    if both:
        score += W_PARTY
        specific = True
        reasons.append(f"named in both: {', '.join(sorted(both)[:2])}")
    elif shared_actors:
        score += W_ACTOR if named else W_COMMON_ACTOR
        specific = specific or bool(named)
        reasons.append(f"actor match: {', '.join(sorted(named or shared_actors)[:2])}")
    if a.target_kinds and b.target_kinds and not a.target_kinds & b.target_kinds:
        score += W_TARGET_DIFF
        reasons.append("targets differ")
    if not specific:
        score = min(score, NO_SPECIFIC_CAP)
        reasons.append("nothing specific to one incident")
    return Pair(round(max(0.0, min(1.0, score)), 4), tuple(reasons))
