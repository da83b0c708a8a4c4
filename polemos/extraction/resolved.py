"""An event draft with its parties resolved: what ``merge`` compares and ``finish`` freezes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from polemos.extraction.dating import finer_date
from polemos.extraction.drafts import Draft
from polemos.extraction.taxonomy import acled_types, cameo_root
from polemos.resolve.actors import ActorDictionary, ArticleContext
from polemos.types import ActorRef, Article, Claim, Count, CountClaim, Event, Mention, PlaceRef, Span, TimeRef

# Place features from the widest to the narrowest: a wider place is dropped when a narrower one in
# it is there ("Jableh" beats "Latakia province" beats "Syria").
_WIDTH = {"country": 0, "region": 1, "admin1": 2, "admin2": 3, "city": 4, "neighbourhood": 5, "landmark": 6}


@dataclass
class Resolved:
    draft: Draft
    actor: ActorRef | None
    target: ActorRef | None
    claims: list[Claim]
    locations: list[PlaceRef]
    date: TimeRef | None
    counts: dict[str, Count]
    modality: str
    mentions: list[Span] = field(default_factory=list)
    words: frozenset[str] = frozenset()
    mode: str | None = None  # the entry's mode, or one an absorbed trigger brings ("blasts" to "hit")
    # every figure the incident's sentences give, by kind, with who gives it (see ``finish``)
    figures: dict[str, list[CountClaim]] = field(default_factory=dict)
    # the sentence-level events this incident was assembled from (itself first), as first read
    parts: list[Resolved] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.parts = [self._snapshot()]
        self.mode = self.mode or self.draft.entry.mode or self.draft.mode_hint
        claimant = self.claims[0].claimant if self.claims else None
        for kind, c in self.counts.items():
            self.figures.setdefault(kind, []).append(
                CountClaim(c.low, c.best, c.high, c.text, c.start, c.end, claimant)
            )

    @property
    def type(self) -> str:
        return self.draft.type

    @property
    def sent_index(self) -> int:
        return self.draft.sent_index

    @property
    def in_headline(self) -> bool:
        return self.draft.in_headline

    @property
    def actor_key(self) -> str | None:
        """The doer's canonical name, else its words (for telling restatements apart)."""
        return _party_key(self.actor)

    @property
    def target_key(self) -> str | None:
        return _party_key(self.target)

    def _snapshot(self) -> Resolved:
        """This event as read from its own sentence, before it takes in any other."""
        snap = object.__new__(Resolved)
        snap.__dict__.update(self.__dict__)
        snap.parts, snap.mentions = [], []
        return snap

    def tell_from(self, part: Resolved) -> None:
        """Let ``part``'s sentence stand as the evidence, the current one becoming a mention."""
        if part.draft.evidence.start == self.draft.evidence.start:
            return
        why = next(
            (
                m.reasons
                for m in self.mentions
                if isinstance(m, Mention) and m.start == part.draft.evidence.start
            ),
            (),
        )
        old = self.draft.evidence
        self.draft = part.draft
        # the same party as the evidence sentence names it: its own mention there, not another's
        if (
            part.actor is not None
            and same_party(self.actor_key, part.actor_key)
            and not _weaker(part.actor, self.actor)
        ):
            self.actor = part.actor
        if part.target is not None and same_party(self.target_key, part.target_key):
            self.target = part.target
        self.mentions = [m for m in self.mentions if m.start != part.draft.evidence.start]
        self.add_mention(old, why)

    def add_figures(self, figures: list[tuple[str, Count]]) -> None:
        """Figures of its sentence that no trigger governs ("the toll has risen to 42")."""
        claimant = self.claims[0].claimant if self.claims else None
        for kind, c in figures:
            mine = self.figures.setdefault(kind, [])
            if all(f.start != c.start for f in mine):
                mine.append(CountClaim(c.low, c.best, c.high, c.text, c.start, c.end, claimant))
            self.counts.setdefault(kind, c)

    def mark_update(self) -> None:
        """Its figures are told as a change of an earlier toll ("has risen to 42")."""
        self.figures = {k: [replace(c, update=True) for c in cs] for k, cs in self.figures.items()}

    def absorb(self, other: Resolved, as_mention: bool, reasons: tuple[str, ...] = ()) -> None:
        """Take what ``other`` knows and this one does not; keep its sentence as a mention (with
        why it is the same incident). A headline gives way to a body sentence as the evidence, and
        a named party to a party the text only describes ("a suicide bomber", then "Islamic State")."""
        if as_mention and self.in_headline and not other.in_headline:
            self.draft, other.draft = other.draft, self.draft
            self.actor, other.actor = better_party(other.actor, self.actor), None
            self.target = better_target(other.target, self.target)
            self.add_mention(other.draft.evidence, reasons)
        elif as_mention and other.draft.evidence.start != self.draft.evidence.start:
            self.add_mention(other.draft.evidence, reasons)
        self.actor = better_party(self.actor, other.actor)
        self.target = better_target(self.target, other.target)
        self.date = finer_date(self.date, other.date)
        self.mode = self.mode or other.mode
        for kind, count in other.counts.items():
            self.counts.setdefault(kind, count)
        for kind, figures in other.figures.items():
            mine = self.figures.setdefault(kind, [])
            mine += [f for f in figures if all(f.start != g.start for g in mine)]
        seen = {(p.start, p.end) for p in self.locations}
        self.locations += [p for p in other.locations if (p.start, p.end) not in seen]
        claimants = {c.claimant.text if c.claimant else None for c in self.claims}
        self.claims += [c for c in other.claims if (c.claimant.text if c.claimant else None) not in claimants]
        for m in other.mentions:
            self.add_mention(m, m.reasons if isinstance(m, Mention) else ())
        self.words |= other.words
        self.parts += other.parts

    def add_mention(self, span: Span, reasons: tuple[str, ...]) -> None:
        if span.start == self.draft.evidence.start or any(m.start == span.start for m in self.mentions):
            return
        self.mentions.append(Mention(span.start, span.end, span.text, reasons) if reasons else span)


def _weaker(a: ActorRef, b: ActorRef | None) -> bool:
    """A mention that names less than the incident's party ("the group" for "Islamic State"), or
    ties it less firmly (a claim where the text states the doer)."""
    if b is None:
        return False
    return (b.name is not None and a.name is None) or (a.attribution is not None and b.attribution is None)


def better_party(a: ActorRef | None, b: ActorRef | None) -> ActorRef | None:
    """``a`` unless only ``b`` is known to the dictionary: "Islamic State" over "a suicide bomber"."""
    if a is None:
        return b
    if b is None or a.name or not b.name:
        return a
    return b


def better_target(a: ActorRef | None, b: ActorRef | None) -> ActorRef | None:
    """``a`` unless it is a bare figure ("496 had been killed") and ``b`` says who ("23 Syrian
    citizens", "the regime forces"): a figure tells how many, not who."""
    if a is None or (b is not None and _bare_figure(a) and not _bare_figure(b)):
        return b
    return a


def _bare_figure(ref: ActorRef) -> bool:
    words = ref.text.casefold().replace(",", "").split()
    return bool(words) and all(w.isdigit() or w in _FIGURE_WORDS for w in words)


_FIGURE_WORDS = frozenset(
    """at least more than over about some nearly almost up to dozens hundreds thousands scores
    dozen one two three four five six seven eight nine ten eleven twelve""".split()
)


def same_party(a: str | None, b: str | None) -> bool | None:
    """True / False when both are known, None when it cannot be told.

    Canonical names (``=Name``, from the dictionary) compare exactly. Unresolved mentions compare by
    their words, singular: "Al-Nusra" is "Al-Nusra Front", "rebels" is "rebel fighters"; words
    that differ say nothing either way ("the enemy" may be "Russian forces")."""
    if not a or not b:
        return None
    if a == b:
        return True
    if a.startswith("=") and b.startswith("="):
        return False
    wa, wb = set(a.lstrip("=").split()), set(b.lstrip("=").split())
    if wa & wb and (wa <= wb or wb <= wa):
        return True
    return None


_FORCE_KINDS = frozenset(("police", "military"))


def force_and_other(a: ActorRef | None, b: ActorRef | None) -> bool:
    """One doer is a state force (police, military) and the other a party that is not one: "the
    groups clashed … before the police burst tear-gas shells", "a mob attacked … the police fired":
    the force's act answers the other's, it does not restate it. The words of a mention that names
    no force in the dictionary ("the groups", "a mob") count as another party."""
    if a is None or b is None or _pronoun(a) or _pronoun(b):
        return False
    fa, fb = a.kind in _FORCE_KINDS, b.kind in _FORCE_KINDS
    return fa != fb


_PRONOUNS = frozenset("he she it they we i you its their his her them who which that one some".split())


def _pronoun(ref: ActorRef) -> bool:
    """A doer told by a pronoun ("they", "its") may be anyone the article names."""
    return ref.text.casefold().strip() in _PRONOUNS


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _party_key(ref: ActorRef | None) -> str | None:
    if ref is None:
        return None
    if ref.name:
        return "=" + ref.name
    words = [
        _singular(w)
        for w in ref.text.casefold().replace("-", " ").split()
        if w not in ("the", "a", "an", "its", "their", "his", "her")
    ]
    return " ".join(words) or None


def resolve_draft(
    d: Draft, text: str, article: Article, countries: Sequence[str], actors: ActorDictionary
) -> Resolved:
    def party(span: tuple[int, int] | None) -> ActorRef | None:
        if span is None:
            return None
        s, e = span
        return actors.resolve(text[s:e], s, e, countries=countries, context=ArticleContext(text, s))

    actor, target = party(d.actor), party(d.target)
    if actor is not None and d.actor_basis is not None:
        actor = replace(actor, attribution=d.actor_basis)
    conflict = next((p.country for p in d.locations if p.country), None) or (
        countries[0] if countries else None
    )
    claims = []
    if d.claimant is not None:
        ref = party((d.claimant.start, d.claimant.end))
        if ref is not None:
            ref = ActorRef(
                ref.text, ref.start, ref.end, ref.name, ref.kind, ref.country, actors.is_party(ref, conflict)
            )
        claims.append(Claim(ref, article.outlet, d.claimant.start, d.claimant.end))
    else:
        claims.append(Claim(None, article.outlet))
    sent = d.head.sent
    words = frozenset(t.lemma_.lower() for t in sent) | frozenset(t.lower_ for t in sent)
    return Resolved(
        d, actor, target, claims, list(d.locations), d.date, dict(d.counts), d.modality, words=words
    )


def article_countries(places: Sequence[PlaceRef]) -> list[str]:
    """Countries the article's places are in, most mentioned first (demonyms count half)."""
    tally: Counter[str] = Counter()
    for p in places:
        if p.country:
            tally[p.country] += 1 if not p.demonym else 0.5  # type: ignore[assignment]
    return [c for c, _ in tally.most_common()]


def _narrowest(places: list[PlaceRef]) -> list[PlaceRef]:
    """Drop a place when a narrower place inside it is also there."""
    out = []
    for p in places:
        width = _WIDTH.get(p.feature or "", 4)
        inside = any(
            q is not p
            and q.lat is not None  # an unplaced village does not hide the area that holds it
            and _WIDTH.get(q.feature or "", 4) > width
            and q.country
            and q.country == p.country
            and (
                p.feature == "country"
                or (q.admin1 or "").casefold() == (p.name or "").casefold()
                or (q.admin1 or "").casefold() == (p.admin1 or "").casefold()
            )
            for q in places
        )
        if not inside:
            out.append(p)
    return out


def distinct_places(places: list[PlaceRef], evidence: Span | None = None) -> list[PlaceRef]:
    """Each place once: the headline and the lead both naming Aleppo put the event at one place, not
    two points on the map. The mention kept is the one inside the evidence sentence, so that the
    sentence shows where; else the first."""
    chosen: dict[object, PlaceRef] = {}
    for p in places:
        key = p.geonameid if p.geonameid is not None else ((p.name or p.text).casefold(), p.country)
        held = chosen.get(key)
        if held is None or (evidence is not None and _inside(p, evidence) and not _inside(held, evidence)):
            chosen[key] = p
    return list(chosen.values())


def _inside(p: PlaceRef, span: Span) -> bool:
    return span.start <= p.start and p.end <= span.end


def incident_count(own: Count | None, figures: list[CountClaim]) -> Count | None:
    """The incident's figure of one kind. One figure stands as read; several are all kept as
    claims, ``low`` the smallest, ``high`` the largest, ``best`` the latest update of the toll
    where the text updates it, else the evidence sentence's own figure."""
    if own is None or len({f.start for f in figures}) < 2:
        return own
    claims = tuple(sorted(figures, key=lambda f: f.start))
    updates = [f for f in claims if f.update]
    chosen = updates[-1] if updates else next((f for f in claims if f.start == own.start), claims[0])
    values = [f.best for f in claims if f.best is not None]
    lows = [f.low if f.low is not None else f.best for f in claims]
    highs = [f.high if f.high is not None else f.best for f in claims]
    low = min([v for v in lows if v is not None] + values, default=None)
    high = max([v for v in highs if v is not None] + values, default=None)
    return Count(low, chosen.best, high, chosen.text, chosen.start, chosen.end, claims)


def finish(r: Resolved, article: Article) -> Event:
    d = r.draft
    actor_kind = r.actor.kind if r.actor else None
    target_kind = r.target.kind if r.target else None
    lemma = d.head.lemma_.lower()
    acled = acled_types(d.type, r.mode, lemma, r.words, actor_kind, target_kind, r.actor, r.target)
    filled = sum(x is not None for x in (r.actor, r.target, r.date)) + bool(r.locations) + bool(r.counts)
    confidence = min(
        0.95, 0.45 + 0.08 * filled + (0.05 if d.entry.pos == "VERB" else 0) + 0.05 * min(len(r.mentions), 2)
    )
    modes = r.mode
    return Event(
        id=f"ev{d.trigger.start}",
        type=d.type,
        mode=modes,
        modality=r.modality,
        trigger=d.trigger,
        evidence=d.evidence,
        actor=r.actor,
        target=r.target,
        locations=tuple(distinct_places(_narrowest(r.locations), d.evidence)),
        date=r.date,
        counts={
            k: incident_count(r.counts.get(k), r.figures.get(k, [])) for k in ("killed", "injured", "size")
        },
        claims=tuple(c for c in r.claims if c.claimant is not None) or tuple(r.claims[:1]),
        mentions=tuple(sorted(r.mentions, key=lambda m: m.start)),
        acled=acled,
        cameo=cameo_root(d.type, r.mode, lemma, acled, r.modality),
        confidence=round(confidence, 2),
    )
