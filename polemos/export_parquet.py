"""The Parquet export: typed columns and a GeoParquet geometry, so pandas, DuckDB, GeoPandas and Arrow
users read dates as dates, counts as integers and the lists of a fused event as lists of structs.

One row per fused event (``polemos.event/1``):

- the CSV's columns (``polemos.export.CSV_COLUMNS``) with their types: ``event_date``, ``date_start``,
  ``date_end`` and ``published`` are dates; figures, ids and offsets 64-bit integers; coordinates and
  the fusion score doubles; the rest strings;
- the record's own lists and objects, typed: ``actors``, ``targets`` (list of {name, kind, country}),
  ``locations`` (list of {name, geonameid, lat, lon, country, admin1, feature}), ``counts`` ({killed,
  injured, size}: each {low, best, high, claims: list of {value, low, high, text, claimant, party,
  outlet, article_id}}), ``claims`` (list of {claimant: {name, party}, outlet, article_id}),
  ``reports`` (list of {article_id, event_id, uid, outlet, published (date), type, evidence: {start,
  end, text}}), ``disagreements`` (list of {field, values: list of strings}), ``fusion`` ({method,
  score, reasons}), ``acled`` ({event_type, sub_event_type});
- ``geometry``: the row's place (the one ``latitude``/``longitude`` give) as a WKB Point, and
  ``locations_geometry``: every located place of the event, one point each, as a WKB MultiPoint;
  both described in the file's ``geo`` metadata (GeoParquet 1.1, longitude/latitude on WGS 84);
- ``record``: the full fused record as JSON, for what no column holds.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Iterator
from datetime import date
from typing import Any

CHUNK = 500
GEOPARQUET_VERSION = "1.1.0"
_DATE_COLUMNS = ("event_date", "date_start", "date_end", "published")
_INT_COLUMNS = ("geo_precision", "time_precision", "fatalities", "geonameid", "injured", "size",
                "evidence_start", "evidence_end")  # fmt: skip
_FLOAT_COLUMNS = ("latitude", "longitude", "confidence")


def parquet_schema(columns: tuple[str, ...]) -> Any:
    """The Arrow schema of the export (``columns``: the flat CSV columns, in order)."""
    import pyarrow as pa

    def flat_type(col: str) -> Any:
        if col in _DATE_COLUMNS:
            return pa.date32()
        if col in _INT_COLUMNS:
            return pa.int64()
        if col in _FLOAT_COLUMNS:
            return pa.float64()
        return pa.string()

    party = pa.struct([("name", pa.string()), ("kind", pa.string()), ("country", pa.string())])
    location = pa.struct([("name", pa.string()), ("geonameid", pa.int64()), ("lat", pa.float64()),
                          ("lon", pa.float64()), ("country", pa.string()), ("admin1", pa.string()),
                          ("feature", pa.string())])  # fmt: skip
    figure_claim = pa.struct([("value", pa.int64()), ("low", pa.int64()), ("high", pa.int64()),
                              ("text", pa.string()), ("claimant", pa.string()), ("party", pa.bool_()),
                              ("outlet", pa.string()), ("article_id", pa.string())])  # fmt: skip
    figure = pa.struct([("low", pa.int64()), ("best", pa.int64()), ("high", pa.int64()),
                        ("claims", pa.list_(figure_claim))])  # fmt: skip
    counts = pa.struct([("killed", figure), ("injured", figure), ("size", figure)])
    claim = pa.struct([("claimant", pa.struct([("name", pa.string()), ("party", pa.bool_())])),
                       ("outlet", pa.string()), ("article_id", pa.string())])  # fmt: skip
    evidence = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
    report = pa.struct([("article_id", pa.string()), ("event_id", pa.string()), ("uid", pa.string()),
                        ("outlet", pa.string()), ("published", pa.date32()), ("type", pa.string()),
                        ("evidence", evidence)])  # fmt: skip
    disagreement = pa.struct([("field", pa.string()), ("values", pa.list_(pa.string()))])
    fusion = pa.struct([("method", pa.string()), ("score", pa.float64()), ("reasons", pa.list_(pa.string()))])
    acled = pa.struct([("event_type", pa.string()), ("sub_event_type", pa.string())])
    fields = [pa.field(c, flat_type(c)) for c in columns]
    fields += [
        pa.field("actors", pa.list_(party)),
        pa.field("targets", pa.list_(party)),
        pa.field("locations", pa.list_(location)),
        pa.field("counts", counts),
        pa.field("claims", pa.list_(claim)),
        pa.field("reports", pa.list_(report)),
        pa.field("disagreements", pa.list_(disagreement)),
        pa.field("fusion", fusion),
        pa.field("acled", acled),
        pa.field("geometry", pa.binary()),
        pa.field("locations_geometry", pa.binary()),
        pa.field("record", pa.string()),
    ]
    geo = {
        "version": GEOPARQUET_VERSION,
        "primary_column": "geometry",
        # no "crs": GeoParquet then means OGC:CRS84, longitude/latitude on WGS 84, as the values are
        "columns": {
            "geometry": {"encoding": "WKB", "geometry_types": ["Point"]},
            "locations_geometry": {"encoding": "WKB", "geometry_types": ["MultiPoint"]},
        },
    }
    return pa.schema(fields, metadata={"geo": json.dumps(geo)})


# ---------------------------------------------------------------- values of the typed columns


def _int(v: Any) -> int | None:
    return v if isinstance(v, int) and not isinstance(v, bool) else None


def _float(v: Any) -> float | None:
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None


def _str(v: Any) -> str | None:
    return None if v is None else str(v)


def _bool(v: Any) -> bool | None:
    return v if isinstance(v, bool) else None


def _date(v: Any) -> date | None:
    """An ISO date (``YYYY-MM-DD``, or the date part of a timestamp); None for anything else."""
    if isinstance(v, date):
        return v
    try:
        return date.fromisoformat(str(v)[:10]) if v else None
    except ValueError:
        return None


def _party(p: Any) -> dict[str, Any] | None:
    if not isinstance(p, dict):
        return None
    return {"name": _str(p.get("name")), "kind": _str(p.get("kind")), "country": _str(p.get("country"))}


def _location(p: dict[str, Any]) -> dict[str, Any]:
    return {"name": _str(p.get("name") or p.get("text")), "geonameid": _int(p.get("geonameid")),
            "lat": _float(p.get("lat")), "lon": _float(p.get("lon")), "country": _str(p.get("country")),
            "admin1": _str(p.get("admin1")), "feature": _str(p.get("feature"))}  # fmt: skip


def _figure_claim(c: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {k: _int(c.get(k)) for k in ("value", "low", "high")}
    out.update({k: _str(c.get(k)) for k in ("text", "claimant", "outlet", "article_id")})
    out["party"] = _bool(c.get("party"))
    return out


def _figure(f: Any) -> dict[str, Any] | None:
    if not isinstance(f, dict):
        return None
    out: dict[str, Any] = {k: _int(f.get(k)) for k in ("low", "best", "high")}
    out["claims"] = [_figure_claim(c) for c in f.get("claims") or [] if isinstance(c, dict)]
    return out


def _claim(c: dict[str, Any]) -> dict[str, Any]:
    who = c.get("claimant")
    claimant = None
    if isinstance(who, dict):
        claimant = {"name": _str(who.get("name") or who.get("text")), "party": _bool(who.get("party"))}
    return {"claimant": claimant, "outlet": _str(c.get("outlet")), "article_id": _str(c.get("article_id"))}


def _report(r: dict[str, Any]) -> dict[str, Any]:
    ev = r.get("evidence")
    evidence = None
    if isinstance(ev, dict):
        evidence = {"start": _int(ev.get("start")), "end": _int(ev.get("end")), "text": _str(ev.get("text"))}
    out: dict[str, Any] = {k: _str(r.get(k)) for k in ("article_id", "event_id", "uid", "outlet", "type")}
    out.update(published=_date(r.get("published")), evidence=evidence)
    return out


def wkb_point(lon: float, lat: float) -> bytes:
    """A Point in ISO WKB, little-endian (x = longitude, y = latitude)."""
    return struct.pack("<BIdd", 1, 1, lon, lat)


def wkb_multipoint(points: list[tuple[float, float]]) -> bytes:
    return struct.pack("<BII", 1, 4, len(points)) + b"".join(wkb_point(x, y) for x, y in points)


def typed_row(event: dict[str, Any], flat: dict[str, Any]) -> dict[str, Any]:
    """The Parquet row of a fused event; ``flat`` is its CSV row (``polemos.export.flat_row``)."""
    row: dict[str, Any] = dict(flat)
    for col in _DATE_COLUMNS:
        row[col] = _date(flat.get(col))
    record = event  # a fused event has lists of actors and targets; an article-level one, one of each
    actors = record.get("actors") if "actors" in record else [record.get("actor")]
    targets = record.get("targets") if "targets" in record else [record.get("target")]
    locations = [p for p in record.get("locations") or [] if isinstance(p, dict)]
    counts = record.get("counts") or {}
    fusion = record.get("fusion") if isinstance(record.get("fusion"), dict) else None
    acled = record.get("acled") if isinstance(record.get("acled"), dict) else None
    located = [(p["lon"], p["lat"]) for p in map(_location, locations) if p["lat"] is not None
               and p["lon"] is not None]  # fmt: skip
    lat, lon = row.get("latitude"), row.get("longitude")
    row.update(
        actors=[p for p in map(_party, actors or []) if p],
        targets=[p for p in map(_party, targets or []) if p],
        locations=[_location(p) for p in locations],
        counts={k: _figure(counts.get(k)) for k in ("killed", "injured", "size")},
        claims=[_claim(c) for c in record.get("claims") or [] if isinstance(c, dict)],
        reports=[_report(r) for r in record.get("reports") or [] if isinstance(r, dict)],
        disagreements=[
            {"field": _str(d.get("field")), "values": [str(v) for v in d.get("values") or []]}
            for d in record.get("disagreements") or []
            if isinstance(d, dict)
        ],  # fmt: skip
        fusion=None
        if fusion is None
        else {
            "method": _str(fusion.get("method")),
            "score": _float(fusion.get("score")),
            "reasons": [str(r) for r in fusion.get("reasons") or []],
        },  # fmt: skip
        acled=None
        if acled is None
        else {
            "event_type": _str(acled.get("event_type")),
            "sub_event_type": _str(acled.get("sub_event_type")),
        },  # fmt: skip
        geometry=wkb_point(lon, lat) if lat is not None and lon is not None else None,
        locations_geometry=wkb_multipoint(located) if located else None,
        record=json.dumps(event, ensure_ascii=False),
    )
    return row


def write_parquet(rows: Iterator[dict[str, Any]], path: str, columns: tuple[str, ...]) -> int:
    """Write typed rows (``typed_row``) to ``path`` in chunks; returns how many."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema(columns)
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        chunk: list[dict[str, Any]] = []
        for row in rows:
            chunk.append(row)
            if len(chunk) >= CHUNK:
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                n += len(chunk)
                chunk = []
        if chunk or n == 0:
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            n += len(chunk)
    return n
