"""extract: events from a parsed article (spaCy stays inside this package and ``nlp``)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc

from polemos.extraction.dating import date_sentences, finer_date
from polemos.extraction.doctext import doc_text
from polemos.extraction.event_places import in_a_name, is_a_party_name
from polemos.extraction.events import read_events
from polemos.extraction.generic import is_generic
from polemos.extraction.incidents import (
    VIOLENT,
    assemble,
    attach_tolls,
    claims_without_deed,
    definite_antecedents,
    lend_blame,
)
from polemos.extraction.merge import merge_in_sentence
from polemos.extraction.reactions import read_reactions
from polemos.extraction.resolved import Resolved, article_countries, finish, resolve_draft
from polemos.read.noise import in_noise
from polemos.resolve.actors import ActorDictionary, get_dictionary
from polemos.resolve.places import is_dateline
from polemos.resolve.places_facility import LOCAL_FEATURES
from polemos.types import Article, Event, PlaceRef, Span, TimeRef


def extract_events(
    doc: Doc, article: Article, places: list[PlaceRef], times: list[TimeRef], noise: tuple[Span, ...]
) -> tuple[Event, ...]:
    """The article's incidents in text order, each with the sentences that restate it in
    ``mentions`` (see ``incidents``)."""
    read = read_events(doc, article, places, times, noise)
    drafts = read_reactions([d for d in read if not is_generic(d)])
    actors = get_dictionary()
    # a word of an outlet's or a group's name ("The Sydney Morning Herald", "al-Shabaab") says
    # nothing of where the article's events are: not the country its bare parties belong to
    located = [p for p in places if not in_a_name(p, doc_text(doc)) and not is_a_party_name(p.text)]
    countries = article_countries(located) or [c for c in [actors.country_hint(doc_text(doc))] if c]
    resolved = [resolve_draft(d, doc_text(doc), article, countries, actors) for d in drafts]
    definite_antecedents(resolved)
    merged = assemble(merge_in_sentence(resolved), article.published)
    attach_tolls(merged, doc, article, countries, actors, noise, {d.sent_index for d in read})
    lend_blame(merged)
    claims_without_deed(merged, doc, {d.sent_index for d in read}, countries, actors)
    _date_from_sentences(merged, doc, times, noise, {d.sent_index for d in read}, article)
    dateline = _dateline_place(doc_text(doc), places)
    parties = [(r.actor.start, r.actor.end) for r in merged if r.actor is not None]
    towns = _towns(
        doc_text(doc), [p for p in located if not any(s < p.end and p.start < e for s, e in parties)]
    )
    story = story_country([p for p in located if not across_a_border(doc_text(doc), p)])
    borders = {(p.start, p.end) for p in located if across_a_border(doc_text(doc), p)}
    for r in merged:
        _place_from_dateline(r, dateline)
        _country_from_actors(r, actors)  # before a lone town: its country must agree with the parties'
        _place_from_town(r, towns)
        _country_from_places(r, located)
        _area_for_villages(r, story, borders)
        _not_across_the_border(r, borders)
    events = [finish(r, article) for r in merged]
    return tuple(sorted(events, key=lambda e: e.evidence.start))


def _date_from_sentences(
    incidents: list[Resolved],
    doc: Doc,
    times: list[TimeRef],
    noise: tuple[Span, ...],
    with_events: set[int],
    article: Article,
) -> None:
    """ "The attack took place on Saturday": a sentence that only dates an incident told before it
    gives that incident its date (the story's main violent one among those still undated, else the
    nearest), and becomes one of its mentions."""
    if not incidents:
        return
    sents = list(doc.sents)
    skip = with_events | {i for i, s in enumerate(sents) if in_noise(noise, s.start_char, s.end_char)}
    for i, t, span in date_sentences(sents, times, skip, article.published):
        before = [r for r in incidents if min(p.sent_index for p in r.parts) < i]
        undated = [r for r in before if r.date is None]
        pool = undated or [r for r in before if finer_date(r.date, t) is t]
        if not pool:
            continue
        r = next((r for r in pool if r.type in VIOLENT), pool[-1])
        r.date = t
        r.add_mention(span, ("dates it",))


def _dateline_place(text: str, places: list[PlaceRef]) -> PlaceRef | None:
    """The town a dateline names ("KHARKIV, Ukraine —"), when the article opens with one."""
    for p in places:
        if p.start > 600:
            break
        if p.feature in LOCAL_FEATURES and p.lat is not None and is_dateline(text, p.start, p.end):
            return p
    return None


def _place_from_dateline(r: Resolved, dateline: PlaceRef | None) -> None:
    """An event whose sentences name no place below its country is at the dateline's town, when
    the dateline is in that country (or the event names none): the story is filed from where it
    happened unless it says elsewhere ("BEIRUT, Lebanon — airstrikes in Syria")."""
    if dateline is None or any(p.feature not in (None, "country", "region") for p in r.locations):
        return
    if any(p.country and p.country != dateline.country for p in r.locations):
        return
    r.locations.append(dateline)


def _towns(text: str, places: list[PlaceRef]) -> list[PlaceRef]:
    """The article's towns as resolved (one mention each), less names of outlets and groups (the
    caller leaves out the events' actors: "Al-Shabaab" is no town of Shabab)."""
    seen: dict[int | None, PlaceRef] = {}
    for p in places:
        if p.feature in LOCAL_FEATURES and p.status == "resolved" and not in_a_name(p, text):
            seen.setdefault(p.geonameid, p)
    return list(seen.values())


def _place_from_town(r: Resolved, towns: list[PlaceRef]) -> None:
    """An event placed no nearer than its country, in an article that names one town only (in that
    country): the town, not the country's centroid ("clashes erupted … in Kismayo" told once)."""
    if len(towns) != 1 or any(p.feature not in (None, "country", "region") for p in r.locations):
        return
    if any(p.country and p.country != towns[0].country for p in r.locations):
        return
    r.locations.append(towns[0])


def _country_from_places(r: Resolved, places: list[PlaceRef]) -> bool:
    """Failing that, the country of a place or demonym the evidence sentence names ("Nigerian
    troops …"), else the article's most named country — again at country precision, with the span
    of the mention that tells it, status "inferred"."""
    if any(p.country for p in r.locations):
        return True
    ev = r.draft.evidence
    in_sentence = [p for p in places if p.country and ev.start <= p.start < ev.end]
    counted = Counter(p.country for p in places if p.country and not p.demonym)
    # no country counted: nothing to infer (an unplaced "Fort Hood" lends no country of None)
    top = counted.most_common(1)[0][0] if counted else None
    pool = in_sentence or [p for p in places if top is not None and p.country == top]
    if not pool:
        return False
    p = pool[0]
    r.locations.append(_country_ref(p.country, p.text, p.start, p.end))  # type: ignore[arg-type]
    return True


def _area_for_villages(
    r: Resolved, story: str | None = None, borders: set[tuple[int, int]] | frozenset = frozenset()
) -> None:
    """A village the gazetteer lacks keeps its name, unplaced, and takes the country that the
    event's other places name agree on, with the admin1 area when one is named ("Fighting in Batbo,
    Aleppo": Batbo in Aleppo, Syria): never left without the area the text gives, nor replaced by a
    centroid. A country only inferred from a party or a demonym ("British troops") lends nothing, nor
    does a town its own admin1 (the village may be across the line). A village the text already put
    in a country ("the village of X in Niger's Tillaberi region") takes the admin1 area only, and only
    one of that country. When the event's places name no country, the one country the story is about
    (``story``, see ``story_country``) is the village's: "Armed men killed 14 in X. Burkina Faso's
    government said …", unless the country its parties or sentence give away is another. A country
    named as the far side of a border (``borders``: spans, see ``across_a_border``) holds no village:
    "Sondoroua, a village near the border with Burkina Faso" is not in Burkina Faso."""
    villages = [
        k
        for k, p in enumerate(r.locations)
        if p.lat is None and p.status == "unresolved" and not p.demonym and not (p.country and p.admin1)
    ]
    if not villages:
        return
    named = [
        p
        for p in r.locations
        if p.lat is not None
        and p.country
        and not p.demonym
        and p.status != "inferred"
        and (p.start, p.end) not in borders
    ]
    countries = {p.country for p in named}
    if len(countries) > 1:
        return
    if not countries:
        # the story's country, unless the event's parties or sentence give it another ("US-backed
        # SDF fighters … on the Euphrates" of a story told from Washington is in Syria)
        inferred = {p.country for p in r.locations if p.status == "inferred" and p.country}
        if story is None or (inferred and story not in inferred):
            return
        for k in villages:
            if not r.locations[k].country:
                r.locations[k] = replace(r.locations[k], country=story)
        return
    cc = next(iter(countries))
    areas = {p.admin1 or p.name for p in named if p.feature in _AREA_FEATURES}
    admin1 = next(iter(areas)) if len(areas) == 1 else None
    for k in villages:
        v = r.locations[k]
        if v.country not in (None, cc):
            continue  # the text put it in another country than the event's places: it stays there
        r.locations[k] = replace(v, country=cc, admin1=v.admin1 or admin1)


# before a country named as the far side of a border: "near the border with (the) X", "bordering X"
_ACROSS_A_BORDER = re.compile(
    r"(?:\b(?:borders?|frontiers?|boundary)\s+with|\bbordering)\s+(?:the\s+)?$", re.I
)


def across_a_border(text: str, p: PlaceRef) -> bool:
    """Is the country ``p`` named as the far side of a border ("a village near the border with
    Burkina Faso", "the district bordering Mali")? The text then places nothing in it."""
    return p.feature == "country" and bool(_ACROSS_A_BORDER.search(text[max(0, p.start - 40) : p.start]))


def _not_across_the_border(r: Resolved, borders: set[tuple[int, int]] | frozenset) -> None:
    """A country named as the far side of a border is not where the event is when its other places
    put it in another country ("attacked Sondoroua, a village near the border with Burkina Faso" in
    a Mali story: Sondoroua, Mali; not Burkina Faso's centroid)."""
    far = [p for p in r.locations if (p.start, p.end) in borders]
    if not far:
        return
    here = {p.country for p in r.locations if p.country and (p.start, p.end) not in borders and not p.demonym}
    r.locations = [p for p in r.locations if p not in far or not here - {p.country}]


def story_country(places: list[PlaceRef]) -> str | None:
    """The one country a story is about: the country its placed mentions (no demonym, nothing only
    inferred) name at least twice as often as any other; None when no country leads so."""
    tally = Counter(p.country for p in places if p.country and p.lat is not None and not p.demonym)
    top = tally.most_common(2)
    if not top or (len(top) > 1 and top[0][1] < 2 * top[1][1]):
        return None
    return top[0][0]


_AREA_FEATURES = frozenset({"admin1", "region"})


def _country_ref(cc: str, text: str, start: int, end: int) -> PlaceRef:
    from polemos.resolve.gazetteer import open_gazetteer

    country = open_gazetteer().country(cc)
    return PlaceRef(
        text=text, start=start, end=end, name=country.name if country else cc,
        geonameid=country.id if country and country.id > 0 else None,
        lat=country.lat if country else None, lon=country.lon if country else None, country=cc,
        feature="country", precision="country", status="inferred",
    )  # fmt: skip


def _country_from_actors(r: Resolved, actors: ActorDictionary) -> bool:
    """An event no place locates ("Soldiers vs Boko Haram") is placed in the country its parties
    give away, at country precision, with the span of the mention that tells it and status
    "inferred" (never passed off as a place the text names)."""
    if any(p.country for p in r.locations):
        return True
    evidence = r.draft.evidence
    found = actors.country_evidence(evidence.text)
    if found is None:
        return False
    cc, start, end = found
    r.locations.append(
        _country_ref(cc, evidence.text[start:end], evidence.start + start, evidence.start + end)
    )
    return True
