"""The records that flow between stages (see docs/architecture.md).

Every stage takes and returns these small frozen types; spaCy objects never leave ``nlp/`` and
``extract/``. Each type has one variable name everywhere: ``article``, ``place``, ``time``,
``actor``, ``count``, ``claim``, ``event``, ``result``.

Offsets (``start``/``end``) always index ``Article.text`` exactly as the user gave it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from polemos.contract.event_types import EVENT_TYPES

SCHEMA_ARTICLE = "polemos.article/1"
SCHEMA_EVENT = "polemos.event/1"

PLOVER_TYPES = tuple(EVENT_TYPES)  # the one table of event types: polemos/contract/event_types.py
# "reported": the French conditionnel de presse ("aurait tué", polemos/lang/fr) and English hedges
# ("reportedly", "allegedly", "is said to have": polemos/extraction/modality.py)
MODALITIES = (
    "asserted", "planned", "proposed", "threatened", "hypothetical", "negated", "denied", "reported",
)  # fmt: skip
ACTOR_KINDS = (
    "state", "military", "police", "rebel", "militia", "terrorist-designated", "political-party",
    "government", "international-org", "ngo", "media", "civilians", "protesters", "unknown",
)  # fmt: skip
PLACE_FEATURES = ("landmark", "neighbourhood", "city", "admin2", "admin1", "region", "country")
PRECISIONS = ("day", "week", "month", "year")


@dataclass(frozen=True)
class Article:
    """One input document, text exactly as given."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    source: str | None = None  # where it came from, for messages: "file.jsonl:12"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention(Span):
    """Another sentence of the article that tells the same incident, and why it was judged so."""

    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class TimeRef:
    """A calendar expression normalized against the publication date."""

    text: str
    start: int
    end: int
    value: str | None  # TIMEX3 style: 2016-05-23, 2016-05, 2016, 2016-W21
    start_date: date | None
    end_date: date | None
    precision: str | None  # day, week, month, year


@dataclass(frozen=True)
class PlaceRef:
    """A place mention, resolved against the gazetteer where possible."""

    text: str
    start: int
    end: int
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    feature: str | None = None  # one of PLACE_FEATURES
    precision: str | None = None  # exact, near, admin2, admin1, region, country (UCDP where_prec idea)
    status: str = "unresolved"  # resolved, unresolved, ambiguous, approximate (placed by its container)
    demonym: bool = False  # "Syrian", "American": a place mention of a country, never an event location
    score: float | None = None
    within: str | None = None  # approximate: the gazetteer place the text puts it in ("Liverpool")


@dataclass(frozen=True)
class ActorRef:
    """A doer, target or claimant as written, with what the dictionary knows of it."""

    text: str
    start: int
    end: int
    name: str | None = None
    kind: str | None = None
    country: str | None = None
    party: bool | None = None  # claimants only: a side in the conflict the event belongs to
    # event actors only: how the text ties the doer to the deed when it does not tell it as a fact:
    # "claimed" (the doer owns it: "X claimed responsibility"), "blamed" (another party says so:
    # "officials blamed X for the attack"), "inferred" (the act's words name no doer: the force
    # the article names, "150 workers were arrested" in a story where "police said"); None when
    # the text says who did it
    attribution: str | None = None


@dataclass(frozen=True)
class CountClaim:
    """One figure an incident's mention gives, with who gives it (the article's tolls side by side)."""

    low: int | None
    best: int | None
    high: int | None
    text: str
    start: int
    end: int
    claimant: ActorRef | None = None
    update: bool = False  # told as a change of an earlier figure ("the toll has risen to 42")


@dataclass(frozen=True)
class Count:
    low: int | None
    best: int | None
    high: int | None
    text: str
    start: int
    end: int
    claims: tuple[CountClaim, ...] = ()  # every figure of the incident when its mentions give several


@dataclass(frozen=True)
class Claim:
    claimant: ActorRef | None
    outlet: str | None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Event:
    """One event of one article, with the evidence for each field."""

    id: str
    type: str
    mode: str | None
    modality: str
    trigger: Span
    evidence: Span
    actor: ActorRef | None = None
    target: ActorRef | None = None
    locations: tuple[PlaceRef, ...] = ()
    date: TimeRef | None = None  # None: the caller falls back to the publication week
    counts: dict[str, Count | None] = field(default_factory=dict)  # killed, injured, size
    claims: tuple[Claim, ...] = ()
    mentions: tuple[Span | Mention, ...] = ()
    acled: tuple[str, str] | None = None  # (event_type, sub_event_type)
    cameo: str | None = None
    confidence: float = 0.5


@dataclass(frozen=True)
class ArticleResult:
    """Everything polemos read from one article: the contract's ``polemos.article/1``."""

    article: Article
    events: tuple[Event, ...]
    places: tuple[PlaceRef, ...]
    times: tuple[TimeRef, ...]
    language: str | None = "en"
    noise: tuple[Span, ...] = ()  # spans marked not-reporting (tweets, promos, share links)


def source_location(source: str) -> tuple[str, int]:
    """The file and line (or record number) of a source such as ``Article.source`` ("file.jsonl:12");
    line 0 when the source is a whole file ("story.txt")."""
    path, _, line = source.rpartition(":")
    return (path, int(line)) if line.isdigit() else (source, 0)
