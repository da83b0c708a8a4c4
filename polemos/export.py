"""Exports of stored events: JSONL (the records), CSV (ACLED's column names where they apply, then ours),
GeoJSON (RFC 7946: one Point Feature per event location) and Parquet (the CSV's columns typed, the
record's lists as lists of structs, a GeoParquet geometry: ``polemos.export_parquet``).

Every format is written from the fused event records (``polemos.event/1``, ``polemos.fuse.stored``),
streamed in chunks; CSV, GeoJSON and Parquet rows see a fused event through ``row_view`` (its first
actor, target and location stand for the lists; Parquet also keeps the lists and the full record).
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterator
from functools import lru_cache
from typing import IO, Any

from polemos.errors import ConfigError, Errors, PolemosError
from polemos.export_registry import ExporterSpec, exporters
from polemos.fuse.stored import iter_fused, row_view
from polemos.store.base import Store
from polemos.store.query import EventFilter

FORMATS = ("jsonl", "csv", "geojson", "parquet", "articles")  # the built-ins (BUILTIN_EXPORTERS)
_CHUNK = 500

# ACLED's names where the meaning is the same; the rest are ours.
ACLED_COLUMNS = (
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "time_precision",
    "source",
    "notes",
    "fatalities",
)
OUR_COLUMNS = (
    "event_uid",
    "article_id",
    "event_id",
    "plover_type",
    "mode",
    "modality",
    "date_start",
    "date_end",
    "date_precision",
    "country_code",
    "geonameid",
    "location_feature",
    "injured",
    "size",
    "claimants",
    "published",
    "url",
    "cameo",
    "confidence",
    "evidence_start",
    "evidence_end",
)
CSV_COLUMNS = ACLED_COLUMNS + OUR_COLUMNS

# ACLED geo_precision: 1 the town itself, 2 near it or a small region (district), 3 a province or larger.
_GEO_PRECISION = {
    "landmark": 1,
    "neighbourhood": 1,
    "city": 1,
    "admin2": 2,
    "admin1": 3,
    "region": 3,
    "country": 3,
}
# ACLED time_precision: 1 the day, 2 within a week or so, 3 a month or wider.
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


def iter_events(store: Store, where: EventFilter) -> Iterator[dict[str, Any]]:
    uids = store.event_ids(where)
    for i in range(0, len(uids), _CHUNK):
        yield from store.events(uids[i : i + _CHUNK])


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str | None:
    """A country's short English name from its ISO alpha-2 code ("SY" → "Syria"), as ACLED writes it."""
    if not code:
        return None
    import pycountry  # imported here: only exports need it

    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name.split(",")[0]


def _actor_name(actor: dict[str, Any] | None) -> str | None:
    return (actor.get("name") or actor.get("text")) if actor else None


def _count(event: dict[str, Any], kind: str) -> int | None:
    count = (event.get("counts") or {}).get(kind)
    return count.get("best") if count else None


def flat_row(event: dict[str, Any]) -> dict[str, Any]:
    """One CSV/Parquet row for an event: its first location stands for it, as an ACLED row does."""
    event = row_view(event)  # a fused event seen as one flat event
    locs = event.get("locations") or []
    loc = next((p for p in locs if p.get("lat") is not None), locs[0] if locs else {})
    date = event.get("date") or {}
    acled = event.get("acled") or {}
    evidence = event.get("evidence") or {}
    claimants = [_actor_name(c.get("claimant")) for c in event.get("claims") or []]
    return {
        "event_date": date.get("start"),
        "event_type": acled.get("event_type"),
        "sub_event_type": acled.get("sub_event_type"),
        "actor1": _actor_name(event.get("actor")),
        "actor2": _actor_name(event.get("target")),
        "country": country_name(loc.get("country")),
        "admin1": loc.get("admin1"),
        "location": loc.get("name") or loc.get("text"),
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "geo_precision": _GEO_PRECISION.get(loc.get("feature") or ""),
        "time_precision": _TIME_PRECISION.get(date.get("precision") or ""),
        "source": event.get("outlet"),
        "notes": evidence.get("text"),
        "fatalities": _count(event, "killed"),
        "event_uid": event.get("uid"),
        "article_id": event.get("article_id"),
        "event_id": event.get("id"),
        "plover_type": event.get("type"),
        "mode": event.get("mode"),
        "modality": event.get("modality"),
        "date_start": date.get("start"),
        "date_end": date.get("end"),
        "date_precision": date.get("precision"),
        "country_code": loc.get("country"),
        "geonameid": loc.get("geonameid"),
        "location_feature": loc.get("feature"),
        "injured": _count(event, "injured"),
        "size": _count(event, "size"),
        "claimants": "; ".join(c for c in claimants if c) or None,
        "published": event.get("published"),
        "url": event.get("url"),
        "cameo": event.get("cameo"),
        "confidence": event.get("confidence"),
        "evidence_start": evidence.get("start"),
        "evidence_end": evidence.get("end"),
    }


def write_jsonl(events: Iterator[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for event in events:
        out.write(json.dumps(event, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(events: Iterator[dict[str, Any]], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for event in events:
        writer.writerow(flat_row(event))
        n += 1
    return n


def features(event: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """GeoJSON Features of an event: one per location with coordinates."""
    row = flat_row(event)
    event = row_view(event)
    for seq, loc in enumerate(event.get("locations") or []):
        lat, lon = loc.get("lat"), loc.get("lon")
        if not (isinstance(lat, int | float) and isinstance(lon, int | float)):
            continue
        if not (math.isfinite(lat) and math.isfinite(lon)):  # RFC 7946 JSON has no NaN or Infinity
            continue
        props = {
            k: row[k]
            for k in (
                "event_uid",
                "article_id",
                "event_id",
                "plover_type",
                "mode",
                "modality",
                "date_start",
                "date_end",
                "date_precision",
                "event_type",
                "sub_event_type",
                "actor1",
                "actor2",
                "fatalities",
                "source",
                "published",
                "notes",
            )
        }
        props.update(
            location=loc.get("name") or loc.get("text"),
            location_seq=seq,
            geonameid=loc.get("geonameid"),
            country_code=loc.get("country"),
            admin1=loc.get("admin1"),
            location_feature=loc.get("feature"),
            geo_precision=_GEO_PRECISION.get(loc.get("feature") or ""),
        )
        yield {
            "type": "Feature",
            "id": f"{event.get('uid')}-{seq}",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": props,
        }


def write_geojson(events: Iterator[dict[str, Any]], out: IO[str]) -> int:
    """A FeatureCollection per RFC 7946, streamed (QGIS and GDAL read it): WGS 84 longitude, latitude;
    no ``crs`` member; places without finite coordinates are left out."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for event in events:
        for feature in features(event):
            out.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False, allow_nan=False))
            n += 1
    out.write("\n]}\n")
    return n


def write_parquet(events: Iterator[dict[str, Any]], path: str) -> int:
    """Typed columns, nested lists of structs and a GeoParquet geometry (``polemos.export_parquet``)."""
    from polemos.export_parquet import typed_row
    from polemos.export_parquet import write_parquet as write_rows

    return write_rows((typed_row(e, flat_row(e)) for e in events), path, CSV_COLUMNS)


def article_records(store: Store, where: EventFilter) -> Iterator[dict[str, Any]]:
    """The contract records (``polemos.article/1``) of the articles the matching events come from."""
    ids: list[str] | None = None  # no filter: every article, also those without events
    if where != EventFilter():
        ids = list(dict.fromkeys(event["article_id"] for event in iter_events(store, where)))
    yield from store.iter_articles(ids)


def write_articles(store: Store, where: EventFilter, out: IO[str]) -> int:
    """The contract records (``polemos.article/1``) of the articles the matching events come from."""
    return write_jsonl(article_records(store, where), out)


# the built-in formats, registered in ``polemos.export_registry`` as a plugin's would be
BUILTIN_EXPORTERS = (
    ExporterSpec("jsonl", write_jsonl),
    ExporterSpec("csv", write_csv),
    ExporterSpec("geojson", write_geojson),
    ExporterSpec("parquet", write_parquet, to_file=True),
    ExporterSpec("articles", write_jsonl, records="articles"),
)


def export(store: Store, where: EventFilter, fmt: str, path: str) -> int:
    """Write the events matching ``where`` to ``path`` ("-" is standard output) in ``fmt`` (a name in
    ``polemos.export_registry``); returns the number of records (events, features, or articles) written."""
    spec = exporters().get(fmt)
    if spec is None:
        broken = exporters().broken(fmt)
        if broken is not None:
            raise ConfigError(broken)
        raise ConfigError(Errors.E201.format(value=fmt, choices=", ".join(exporters().names())))
    if spec.to_file and path == "-":
        name = "Parquet" if spec.name == "parquet" and spec.plugin is None else spec.name
        raise ConfigError(Errors.E203.format(name="-o", detail=f"{name} needs a file, not standard output"))
    records = article_records(store, where) if spec.records == "articles" else iter_fused(store, where)
    if spec.plugin is None:
        return _write(spec, records, path)
    try:
        return _write(spec, records, path)
    except PolemosError:
        raise
    except Exception as e:  # a plugin's bug: one coded line naming it, not a traceback
        detail = " ".join(f"{type(e).__name__}: {e}".split())
        raise PolemosError(Errors.E205.format(plugin=spec.plugin, name=spec.name, detail=detail)) from e


def _write(spec: ExporterSpec, records: Iterator[dict[str, Any]], path: str) -> int:
    if spec.to_file:
        return spec.write(records, path)
    if path == "-":
        import sys

        return spec.write(records, sys.stdout)
    with open(path, "w", encoding="utf-8", newline="") as out:
        return spec.write(records, out)
