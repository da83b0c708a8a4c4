"""French events: triggers → drafts (one sentence each) → incidents (the article's events).

A sentence gives a draft for each trigger of ``data/triggers.tsv`` and, where no trigger counts its dead,
for each toll ("il y a eu jusqu'à 70 morts"). Drafts of one violent incident are fused into one event whose
other sentences are its ``mentions`` and whose figures are all kept as claims (``low`` the smallest,
``high`` the largest). A toll or attack told of one place, when the incident spans several places ("À X,
70 morts et à Y 30 morts"), is a sub-attack of its own. Background ("depuis des années", "régulièrement")
is no event; "deux autres attaques" is another incident, never fused with the story's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import timedelta

from spacy.tokens import Doc

from polemos.extraction.events import headline_end
from polemos.extraction.resolved import distinct_places
from polemos.extraction.taxonomy import acled_types, cameo_root
from polemos.lang.fr import actors as fr_actors
from polemos.lang.fr import attribution
from polemos.lang.fr.drafts import VIOLENT, Draft, read_sentence, sentences
from polemos.lang.fr.event_place import is_french_dateline, not_filed_from
from polemos.read.noise import in_noise
from polemos.resolve.places_facility import LOCAL_FEATURES
from polemos.types import ActorRef, Article, Claim, Count, CountClaim, Event, Mention, PlaceRef, Span, TimeRef

_DAY = timedelta(days=1)
_ARMED = frozenset({"rebel", "militia", "terrorist-designated", "unknown"})
_FORCES = frozenset({"military", "police"})
REACTIONS = frozenset({"ACCUSE", "SUPPORT"})
_WIDTH = {"country": 0, "region": 1, "admin1": 1, "admin2": 2, "city": 3, "neighbourhood": 4, "landmark": 4}


@dataclass
class Incident:
    parts: list[Draft]
    # why a part was judged this incident, by its evidence span (a part not here: "same incident")
    why: dict[tuple[int, int], tuple[str, ...]] = field(default_factory=dict)

    @property
    def first(self) -> Draft:
        return self.parts[0]

    @property
    def type(self) -> str:
        return self.first.trigger.type

    def local_places(self) -> list[PlaceRef]:
        return [p for d in self.parts for p in d.places if p.feature in LOCAL_FEATURES or p.lat is None]


# -- drafts to incidents -----------------------------------------------------------------------------


def _key(p: PlaceRef) -> str:
    return str(p.geonameid) if p.geonameid else p.text.lower().replace("-", " ")


def _same_place(a: PlaceRef, b: PlaceRef) -> bool:
    from polemos.resolve.gazetteer_names import fold

    if a.geonameid and b.geonameid:
        return a.geonameid == b.geonameid
    fa, fb = fold(a.text).replace(" ", ""), fold(b.text).replace(" ", "")
    return fa == fb or (len(fa) > 6 and len(fb) > 6 and (fa[:7] == fb[:7]))


def assemble(
    drafts: list[Draft],
    published: object,
    named: set[str] | None = None,
    title_end: int | None = None,
    party_of: Callable[[tuple[int, int]], str | None] | None = None,
) -> list[Incident]:
    """Drafts → incidents. ``named``: the countries the article names as countries; ``title_end``:
    where the headline ends (None: no headline); ``party_of``: the canonical name of the actor a span
    names, None when the dictionary knows none."""
    named = named or set()
    incidents: list[Incident] = []
    others: list[Incident] = []  # incidents of the other types (a seizure, a protest, an arrest)
    main: Incident | None = None
    subs: list[Incident] = []
    reactions: dict[int, Incident] = {}
    replies: dict[int, Incident] = {}
    burnt: Incident | None = None
    # sentences telling a fight between two sides: all their violent drafts are that fight's
    # ("deux des blessés sont des membres du gang touchés lors d'un échange de tirs avec la police")
    fights = {d.sent_index for d in drafts if d.mutual and d.trigger.type in VIOLENT}
    for d in drafts:
        if d.trigger.type in VIOLENT:
            if d.other:
                incidents.append(Incident([d]))
                continue
            if main is None:
                if d.responsibility:
                    continue
                main = Incident([d])
                incidents.append(main)
                continue
            local = [p for p in d.places if p.feature in LOCAL_FEATURES or p.lat is None]
            target = _sub_for(d, local, main, subs)
            if target is not None:
                target.parts.append(d)
                continue
            if d.sub or (
                d.toll_only and len(local) == 1 and _many_places(main) and _in_places(local[0], main)
            ):
                inc = Incident([d])
                d.places = local
                subs.append(inc)
                incidents.append(inc)
                continue
            if _destruction(d, drafts):
                # property destruction told in a sentence of its own: an event of its own (the
                # houses burnt are not the people killed), every such sentence one event
                if burnt is None:
                    burnt = Incident([d])
                    incidents.append(burnt)
                else:
                    burnt.parts.append(d)
                continue
            if d.sent_index in replies:  # "… neutralisés lors d'accrochages": the same reply
                replies[d.sent_index].parts.append(d)
                continue
            if d.sent_index in fights and _civilian_story(main) and d.sent_index != main.first.sent_index:
                if d.date is None:  # told as part of the story, without a day of its own: the story's
                    d.date = next((p.date for p in main.parts if p.date is not None), None)
                # its sentence's later drafts join it through ``replies`` above
                replies[d.sent_index] = Incident([d])
                incidents.append(replies[d.sent_index])
                continue
            if _counter_operation(d, main):
                if d.date is None:  # the reply, told as part of the story: the story's day
                    d.date = next((p.date for p in main.parts if p.date is not None), None)
                replies[d.sent_index] = Incident([d])
                incidents.append(replies[d.sent_index])
                continue
            if _conflicts(d, main, named):
                incidents.append(Incident([d]))
                continue
            main.parts.append(d)
        elif d.trigger.type in REACTIONS:
            same = reactions.get(d.sent_index)
            if same is not None:
                same.parts.append(d)
            else:
                reactions[d.sent_index] = Incident([d])
                incidents.append(reactions[d.sent_index])
        else:
            found = _told_before(d, others, title_end, party_of or (lambda _span: None))
            if found is not None:
                told, why = found
                if all(_in_headline(p, title_end) for p in told.parts) and not _in_headline(d, title_end):
                    told.parts.insert(0, d)  # the lead tells it whole: its sentence is the evidence
                    for p in told.parts[1:]:
                        told.why[(p.evidence.start, p.evidence.end)] = why
                else:
                    told.parts.append(d)
                    told.why[(d.evidence.start, d.evidence.end)] = why
                continue
            others.append(Incident([d]))
            incidents.append(others[-1])
    # a reaction told over two sentences ("… s'est indigné" after "… condoléances"): one event
    merged: list[Incident] = []
    for inc in incidents:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and inc.type in REACTIONS
            and prev.type in REACTIONS
            and inc.first.sent_index == prev.parts[-1].sent_index
        ):
            prev.parts.extend(inc.parts)
            continue
        merged.append(inc)
    # "deux autres attaques" with neither a place nor a date of its own: nothing to code it by
    return [
        i
        for i in merged
        if not (len(i.parts) == 1 and i.first.responsibility)
        and not (i.first.other and not i.local_places() and all(d.date is None for d in i.parts))
    ]


def _in_headline(d: Draft, title_end: int | None) -> bool:
    return title_end is not None and d.evidence.start < title_end


def _told_before(
    d: Draft,
    others: list[Incident],
    title_end: int | None,
    party_of: Callable[[tuple[int, int]], str | None],
) -> tuple[Incident, tuple[str, ...]] | None:
    """The earlier incident of the same type a seizure, a protest or an arrest tells again: the
    headline's told by the lead ("le M23 s'empare de Rubaya" / "les rebelles du M23 ont pris le
    contrôle de Rubaya"), or one sharing two things of doer, place and done-to. Nothing they disagree
    on: not two doers, two places, two days, two modes."""
    body_told = any(i.type == d.trigger.type and not _in_headline(i.first, title_end) for i in others)
    lead = not _in_headline(d, title_end) and not body_told
    best: tuple[int, Incident, tuple[str, ...]] | None = None
    for inc in others:
        if inc.type != d.trigger.type:
            continue
        reasons = _links(inc, d, party_of)
        if reasons is None:
            continue
        links = len(reasons)
        if lead and all(_in_headline(p, title_end) for p in inc.parts):
            links += 2  # a headline and its lead tell one story
            reasons = ["headline and lead", *reasons]
        if links >= 2 and (best is None or links > best[0]):
            best = (links, inc, tuple(reasons))
    return (best[1], best[2]) if best is not None else None


def _links(inc: Incident, d: Draft, party_of: Callable[[tuple[int, int]], str | None]) -> list[str] | None:
    """What ``d`` shares with ``inc`` (doer, place), None when they differ on either, or on mode, day
    or modality."""
    first = inc.first
    if first.modality != d.modality or (first.mode and d.mode and first.mode != d.mode):
        return None
    dates = [p.date.start_date for p in inc.parts if p.date is not None and p.date.start_date is not None]
    day = d.date.start_date if d.date is not None else None
    if day is not None and dates and abs((day - dates[0]).days) > 1:
        return None
    links: list[str] = []
    doers = {party_of(p.actor) for p in inc.parts if p.actor is not None} - {None}
    mine = party_of(d.actor) if d.actor is not None else None
    if mine is not None and doers:
        if mine not in doers:
            return None
        links.append("same doer")
    theirs = inc.local_places()
    local = [p for p in d.places if p.feature in LOCAL_FEATURES or p.lat is None]
    if local and theirs:
        if not any(_same_place(p, q) for p in local for q in theirs):
            return None
        links.append("same place")
    return links


def _destruction(d: Draft, drafts: list[Draft]) -> bool:
    """A burning or looting whose sentence tells no killing and no other attack."""
    if d.mode != "destroy" or d.tolls:
        return False
    return not any(
        o.sent_index == d.sent_index and o.trigger.type in VIOLENT and o.mode != "destroy" for o in drafts
    )


def _civilian_story(main: Incident) -> bool:
    """The story's incident is one side's violence, done to civilians or to nobody the parse names."""
    kind = next((p.target_kind for p in main.parts if p.target_kind), None)
    return not main.first.mutual and kind in ("civilians", None)


def _counter_operation(d: Draft, main: Incident) -> bool:
    """ "Deux rebelles ont été neutralisés lors d'accrochages": done to armed men while the story's
    attack was done to civilians — the forces' reply, another incident (its toll is not the attack's);
    so is a fight between two sides told beside it ("blessés lors d'un échange de tirs avec la police")."""
    mine = d.target_kind
    theirs = next((p.target_kind for p in main.parts if p.target_kind), None)
    # a fight between two sides ("un échange de tirs avec la police") is not an attack on civilians
    # (not when the story is itself a fight: "affrontements entre éleveurs et agriculteurs" told again)
    if (mine in _ARMED or d.mutual) and theirs == "civilians" and not (d.mutual and main.first.mutual):
        return True
    # "quinze soldats tués …, trente terroristes neutralisés lors de la riposte": the attackers the
    # forces killed are the reply's toll, not the attack's
    if mine not in _ARMED or d.trigger.type != "ASSAULT" or not d.tolls:
        return False
    if theirs in _FORCES:
        return True
    # "quatre policiers ont péri dans l'attaque de leur poste ; dix terroristes ont été tués par les
    # FDS": attackers the forces killed, while the story's attack, no operation of the forces, has a
    # toll of its own (one toll only is the fight's: "a repoussé une attaque, tuant vingt assaillants")
    return (
        theirs is None
        and any(p.tolls for p in main.parts)
        and _forces(d)
        and not any(_forces(p) for p in main.parts)
    )


def _forces(d: Draft) -> bool:
    """Is the draft's doer a state's forces ("par les forces de défense et de sécurité")?"""
    if d.actor is None:
        return False
    return fr_actors.resolve(d.head.doc.text, d.actor[0], d.actor[1]).kind in _FORCES


def _many_places(main: Incident) -> bool:
    return len({_key(p) for p in main.local_places()}) >= 2


def _in_places(p: PlaceRef, main: Incident) -> bool:
    return any(_same_place(p, q) for q in main.local_places())


def _sub_for(d: Draft, local: list[PlaceRef], main: Incident, subs: list[Incident]) -> Incident | None:
    """The sub-attack a later sentence tells of again: its one local place is that sub-attack's."""
    if len({_key(p) for p in local}) != 1 or not (d.own_place or d.toll_only or d.sub):
        return None
    for s in subs:
        if any(_same_place(local[0], q) for q in s.local_places()):
            if d.sub:
                return None if any(p.sub and p.sent_index == d.sent_index for p in s.parts) else s
            return s
    return None


def _conflicts(d: Draft, main: Incident, named: set[str]) -> bool:
    """A draft that cannot be the story's incident: another day (two days apart) or another country."""
    dates = [p.date for p in main.parts if p.date is not None and p.date.start_date is not None]
    if d.date is not None and d.date.start_date is not None and dates:
        # outside the incident's date, a day's leeway ("la semaine dernière" holds "jeudi")
        a, b = dates[0].start_date, dates[0].end_date or dates[0].start_date
        if a is not None and b is not None and not (a - _DAY <= d.date.start_date <= b + _DAY):
            return True
    countries = {p.country for q in main.parts for p in q.places if p.country}
    mine = {p.country for p in d.places if p.country and p.feature in LOCAL_FEATURES}
    # only a country the story itself names counts: a village the gazetteer placed abroad does not
    mine &= named
    return bool(countries and mine and not mine & countries)


# -- incidents to events -----------------------------------------------------------------------------


def _told_of(p: PlaceRef, d: Draft) -> bool:
    """A place inside the draft's source ("le maire de Tondikiwindi"): where the speaker is from."""
    return d.claimant is not None and d.claimant[0] <= p.start and p.end <= d.claimant[1]


def _finest(
    places: list[PlaceRef], containers: set[tuple[int, int]] | None, text: str = ""
) -> list[PlaceRef]:
    """The places less those that only say where another place among them is (the containers of a
    village, a border, a road's ends): the event is at the finest place the text gives. The dateline's
    town is where the story was filed, no finer place of the event ("BAMAKO (AFP) - … dans plusieurs
    villages du cercle de Bankass": the unnamed villages are in Bankass)."""
    if not containers:
        return places
    kept = [p for p in places if (p.start, p.end) not in containers]
    local = [
        p
        for p in kept
        if (p.feature in LOCAL_FEATURES or (p.lat is None and p.text[:1].isupper()))
        and not (text and is_french_dateline(text, p.start, p.end))
    ]
    return kept if local else places


def _narrowest(places: list[PlaceRef], text: str = "") -> list[PlaceRef]:
    seen: dict[str, PlaceRef] = {}
    for p in places:
        seen.setdefault(_key(p), p)
    uniq = list(seen.values())
    out = []
    for p in uniq:
        w = _WIDTH.get(p.feature or "", 3)
        # a finer place of its country: one the gazetteer places, or a village the text puts there
        wider = any(
            q is not p
            and q.country == p.country
            and (q.lat is not None or q.status == "unresolved")
            and _WIDTH.get(q.feature or "", 3) > w
            and not (text and is_french_dateline(text, q.start, q.end))  # filed from, not finer
            for q in uniq
        )
        if p.feature in ("country", "admin1", "region") and wider:
            continue
        out.append(p)
    return out


def to_event(
    inc: Incident,
    doc: Doc,
    article: Article,
    countries: list[str],
    main_date: TimeRef | None,
    containers: set[tuple[int, int]] | None = None,
    text: str | None = None,
) -> Event:
    text = doc.text if text is None else text
    first = next((d for d in inc.parts if not d.toll_only and not d.responsibility), inc.first)
    parts = [first] + [d for d in inc.parts if d is not first]

    def ref(span: tuple[int, int] | None) -> ActorRef | None:
        if span is None:
            return None
        span = _title_antecedent(doc, span)
        return fr_actors.resolve(text, span[0], span[1], countries)

    # one mention is never both sides: "vingt assaillants ont été abattus lors de la contre-offensive"
    done_to = {d.target for d in parts if d.target is not None}
    actors = [ref(d.actor) for d in parts if d.actor is not None and d.actor not in done_to]
    named = [a for a in actors if a is not None and a.name]
    resp = [ref(d.actor) for d in parts if d.responsibility and d.actor is not None]
    actor = (
        (resp[0] if resp and resp[0] is not None else None)
        or (named[0] if named else None)
        or (actors[0] if actors else None)
    )
    target = next((ref(d.target) for d in parts if d.target is not None), None)
    places = _narrowest(
        _finest([p for d in parts for p in d.places if not _told_of(p, d)], containers, text), text
    )
    places = not_filed_from(text, places)  # "NIAMEY (AFP) - ... à Ayorou": at Ayorou
    # the finest date its sentences give ("dans la nuit du 3 au 4 octobre" over "la semaine dernière")
    dated = [d.date for d in parts if d.date is not None and not d.toll_only]
    dated = dated or [d.date for d in parts if d.date is not None]
    date = min(dated, key=lambda t: _PRECISION.get(t.precision or "", 4)) if dated else main_date
    figures: dict[str, list[CountClaim]] = {}
    claims: list[Claim] = []
    seen_claims: set[tuple[int, int]] = set()
    for d in parts:
        who = ref(d.claimant)
        for kind, c in d.tolls:
            if any(f.start == c.start for f in figures.get(kind, [])):
                continue
            figures.setdefault(kind, []).append(
                CountClaim(c.low, c.best, c.high, c.text, c.start, c.end, who)
            )
        if d.claimant is not None and d.claimant not in seen_claims:
            seen_claims.add(d.claimant)
            claims.append(Claim(who, article.outlet, d.claimant[0], d.claimant[1]))
    if not claims:
        claims.append(Claim(None, article.outlet))
    out_counts: dict[str, Count | None] = {}
    for kind in ("killed", "injured", "size"):
        out_counts[kind] = _incident_count(figures.get(kind, []))
    mentions = tuple(
        sorted(
            {(d.evidence.start, d.evidence.end): Mention(d.evidence.start, d.evidence.end, d.evidence.text,
                                                           inc.why.get((d.evidence.start, d.evidence.end),
                                                                       ("same incident",)))
             for d in parts if d.evidence != first.evidence}.values(),
            key=lambda m: m.start,
        )
    )  # fmt: skip
    words = frozenset(t.lower_ for t in doc[first.head.sent.start : first.head.sent.end]) | {
        first.trigger.gloss
    }
    # a later sentence's burning or abduction is a part of the attack, not its means
    mode = first.mode or next((d.mode for d in parts if d.mode and d.mode not in ("destroy", "abduct")), None)
    # ground taken ("la ville de Kidal", "Bunagana") is territory, whatever its French words
    taken = None if first.ground else target
    if first.ground:
        words = words | {"territory"}
    acled = acled_types(
        first.trigger.type, mode, first.trigger.gloss, words, actor.kind if actor else None,
        taken.kind if taken else None, actor, taken,
    )  # fmt: skip
    filled = sum(x is not None for x in (actor, target, date)) + bool(places) + bool(figures)
    confidence = min(0.95, 0.45 + 0.08 * filled + 0.05 * min(len(mentions), 2))
    return Event(
        id=f"ev{first.span.start}",
        type=first.trigger.type,
        mode=mode,
        modality=first.modality,
        trigger=first.span,
        evidence=first.evidence,
        actor=actor,
        target=target,
        locations=tuple(distinct_places(places, first.evidence)),
        date=date,
        counts=out_counts,
        claims=tuple(claims),
        mentions=mentions,
        acled=acled,
        cameo=cameo_root(first.trigger.type, mode, first.trigger.gloss, acled, first.modality),
        confidence=round(confidence, 2),
    )


_PRECISION = {"day": 0, "week": 1, "month": 2, "year": 3}
_TITLES = frozenset("président chef ministre premier gouverneur maire préfet porte-parole commandant".split())


def _title_antecedent(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    """ "le chef de l'État", "le ministre": a definite title that names no one refers to the person
    the story last named with a title ("Le président nigérien Mahamadou Issoufou"), in the three
    sentences before; else it stays as written."""
    mention = doc.char_span(span[0], span[1], alignment_mode="expand")
    if mention is None or len(mention) < 2 or mention[0].lower_ not in ("le", "la", "l'", "l’"):
        return span
    if mention[1].lemma_.lower() not in _TITLES or any(t.ent_type_ == "PER" for t in mention):
        return span
    sent = mention.sent
    sents = list(doc.sents)
    k = next(i for i, s in enumerate(sents) if s.start == sent.start)
    for s in reversed(sents[max(0, k - 3) : k + 1]):
        for e in reversed([e for e in s.ents if e.label_ == "PER" and e.end_char <= span[0]]):
            window = doc[max(s.start, e.start - 4) : e.start]
            titled = [t for t in window if t.lemma_.lower() in _TITLES]
            if titled:
                start = titled[0].i
                if start > s.start and doc[start - 1].pos_ == "DET":
                    start -= 1
                return doc[start].idx, e.end_char
    return span


def _incident_count(figures: list[CountClaim]) -> Count | None:
    """One figure stands as read; several are all kept as claims: ``low`` the smallest, ``high`` the
    largest, ``best`` the largest (a toll is revised upward as bodies are found)."""
    if not figures:
        return None
    if len(figures) == 1:
        f = figures[0]
        return Count(f.low, f.best, f.high, f.text, f.start, f.end)
    values = [f.best for f in figures if f.best is not None]
    lows = [v for v in (f.low if f.low is not None else f.best for f in figures) if v is not None]
    highs = [v for v in (f.high if f.high is not None else f.best for f in figures) if v is not None]
    chosen = max(figures, key=lambda f: (f.best or 0, -f.start))
    return Count(
        min(lows + values, default=None), max(values, default=None), max(highs, default=None),
        chosen.text, chosen.start, chosen.end, tuple(sorted(figures, key=lambda f: f.start)),
    )  # fmt: skip


def extract_events(
    doc: Doc,
    article: Article,
    places: list[PlaceRef],
    times: list[TimeRef],
    noise: tuple[Span, ...],
    containers: set[tuple[int, int]] | None = None,
) -> tuple[Event, ...]:
    """The article's events. ``containers``: spans of mentions that only say where a village named
    beside them is ("un village du département de Ouallam"); the event's place is the village."""
    text = doc.text  # once: ``Doc.text`` joins the document's tokens anew on each call
    sents = sentences(doc)
    ents = doc.ents  # once, as ``text``
    who = attribution.claimants(sents)
    drafts: list[Draft] = []
    for k, sent in enumerate(sents):
        if not sent.text.strip() or in_noise(noise, sent.start_char, sent.end_char):
            continue
        drafts.extend(read_sentence(sent, k, places, times, who[k], text, ents))
    drafts.sort(key=lambda d: (d.evidence.start, d.span.start))
    named = {p.country for p in places if p.country and p.feature == "country" and not p.demonym}
    countries = _countries(places)

    def party_of(span: tuple[int, int]) -> str | None:
        ref = fr_actors.resolve(text, span[0], span[1], countries)
        if ref.kind in _FORCES and ref.country:
            # one state's police or army under any of its names ("la police", "la PNH")
            return f"{ref.kind}:{ref.country}"
        return ref.name

    incidents = assemble(drafts, article.published, named, headline_end(text), party_of)
    main = next((i for i in incidents if i.type in VIOLENT), None)
    main_date = None
    if main is not None:
        main_date = next((d.date for d in main.parts if d.date is not None and not d.toll_only), None)
    events = [
        to_event(
            i,
            doc,
            article,
            countries,
            main_date if i.first.sub or _burning(i) else None,
            containers or set(),
            text,
        )
        for i in incidents
    ]
    if main is not None:
        # a sub-attack is the story's attack at one of its places: its doer and done-to unless it says
        whole = events[incidents.index(main)]
        events = [
            replace(e, actor=e.actor or whole.actor, target=e.target or whole.target)
            if i.first.sub or (i in _subs(incidents, main))
            else e
            for i, e in zip(incidents, events, strict=True)
        ]
        events = [
            replace(e, locations=whole.locations) if _story_part(i, e, main, whole) else e
            for i, e in zip(incidents, events, strict=True)
        ]
    unique: dict[str, Event] = {}
    for e in events:
        unique.setdefault(e.id, e)
    return tuple(sorted(unique.values(), key=lambda e: e.evidence.start))


def _story_part(i: Incident, e: Event, main: Incident, whole: Event) -> bool:
    """A violent event of the story told without a place of its own, on the story's day (the houses
    burnt, the gang's fight with the police during the attack): it is where the story's attack is, when
    the text puts that attack at a local place ("à Pont-Rouge", "le village de Kobadiéré")."""
    if i is main or i.type not in VIOLENT or i.first.other or e.locations or not whole.locations:
        return False
    if not all(p.feature in LOCAL_FEATURES or p.lat is None for p in whole.locations):
        return False
    day = e.date.start_date if e.date is not None else None
    story = whole.date.start_date if whole.date is not None else None
    return day is not None and day == story


def _burning(i: Incident) -> bool:
    """A property-destruction incident of the story (see ``_destruction``): its date and doer are the
    story's attack's unless its sentences say."""
    return all(d.mode == "destroy" and not d.tolls for d in i.parts) and not i.first.other


def _subs(incidents: list[Incident], main: Incident) -> list[Incident]:
    return [
        i
        for i in incidents
        if i is not main
        and i.type in VIOLENT
        and not i.first.other
        and (any(d.sub or d.toll_only for d in i.parts) or _burning(i))
    ]


def _countries(places: list[PlaceRef]) -> list[str]:
    from collections import Counter

    c = Counter(p.country for p in places if p.country and not p.demonym)
    return [cc for cc, _ in c.most_common()]
