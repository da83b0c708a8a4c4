"""The Parquet export read back as its users read it (pyarrow, pandas, DuckDB, GeoPandas): dates as
dates, counts as integers, the record's lists as lists of structs, a GeoParquet geometry; the
GeoJSON export against RFC 7946; the CSV's columns as they were."""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import struct
from pathlib import Path

import pytest
from store_fixtures import *  # noqa: F403
from store_fixtures import TEXT, make_record

from polemos.export import CSV_COLUMNS, export, features
from polemos.export_parquet import wkb_multipoint, wkb_point
from polemos.service import IngestService
from polemos.store import EventFilter, SqlStore, Stored

JABLEH, TARTUS = (35.9256, 35.3609), (35.8866, 34.8890)


@pytest.fixture
def parquet(store: SqlStore, tmp_path: Path) -> Path:
    items = [Stored(make_record("a1"), TEXT), Stored(make_record("a2", outlet="AFP"), TEXT)]
    IngestService(store).write(items, paths=["test"], engine="test")  # stored, then fused
    out = tmp_path / "events.parquet"
    assert export(store, EventFilter(), "parquet", str(out)) == 2
    return out


def test_parquet_columns_have_real_types(parquet: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pq.read_schema(parquet)
    for col in ("event_date", "date_start", "date_end", "published"):
        assert schema.field(col).type == pa.date32(), col
    for col in ("fatalities", "injured", "size", "geonameid", "geo_precision", "evidence_start"):
        assert schema.field(col).type == pa.int64(), col
    assert schema.field("latitude").type == pa.float64()
    for col in ("actors", "targets", "locations", "claims", "reports", "disagreements"):
        kind = schema.field(col).type
        assert pa.types.is_list(kind) and pa.types.is_struct(kind.value_type), col
    loc = schema.field("locations").type.value_type
    assert loc.field("geonameid").type == pa.int64() and loc.field("lat").type == pa.float64()
    report = schema.field("reports").type.value_type
    assert report.field("published").type == pa.date32()
    assert report.field("evidence").type.field("start").type == pa.int64()
    killed = schema.field("counts").type.field("killed").type
    assert killed.field("best").type == pa.int64() and pa.types.is_list(killed.field("claims").type)
    assert schema.field("geometry").type == pa.binary()


def test_parquet_values_read_back(parquet: Path) -> None:
    import pyarrow.parquet as pq

    rows = {r["plover_type"]: r for r in pq.read_table(parquet).to_pylist()}
    blast = rows["ASSAULT"]
    assert blast["event_date"] == dt.date(2016, 5, 23) and blast["published"] == dt.date(2016, 5, 24)
    assert blast["fatalities"] == 100 and blast["counts"]["killed"]["best"] == 100
    assert blast["counts"]["killed"]["high"] == 100 and blast["counts"]["injured"] is None
    assert [c["outlet"] for c in blast["counts"]["killed"]["claims"]] == ["RT", "AFP"]
    assert [p["name"] for p in blast["locations"]] == ["Jableh", "Tartus"]
    assert blast["locations"][0] == {"name": "Jableh", "geonameid": 169304, "lat": 35.3609, "lon": 35.9256,
                                     "country": "SY", "admin1": "Latakia", "feature": "city"}  # fmt: skip
    assert blast["actors"] == [{"name": "Islamic State", "kind": "terrorist-designated", "country": None}]
    assert blast["claims"][0]["claimant"] == {"name": "Syrian Observatory for Human Rights", "party": False}
    assert sorted(r["outlet"] for r in blast["reports"]) == ["AFP", "RT"]
    evidence = blast["reports"][0]["evidence"]
    assert TEXT[evidence["start"] : evidence["end"]] == evidence["text"]
    assert blast["acled"] == {"event_type": "Explosions/Remote violence",
                              "sub_event_type": "Remote explosive/landmine/IED"}  # fmt: skip
    assert blast["fusion"]["method"] and isinstance(blast["fusion"]["reasons"], list)
    assert json.loads(blast["record"])["schema"] == "polemos.event/1"  # the full record is still there
    rally = rows["MOBILIZE"]
    assert rally["size"] == 6000 and rally["fatalities"] is None and rally["counts"]["killed"] is None


def test_parquet_geometry_is_wkb_points(parquet: Path) -> None:
    import pyarrow.parquet as pq

    table = pq.read_table(parquet)
    blast = next(r for r in table.to_pylist() if r["plover_type"] == "ASSAULT")
    assert blast["geometry"] == wkb_point(*JABLEH)
    assert blast["locations_geometry"] == wkb_multipoint([JABLEH, TARTUS])
    geo = json.loads(table.schema.metadata[b"geo"])
    assert geo["version"] == "1.1.0" and geo["primary_column"] == "geometry"
    assert geo["columns"]["geometry"] == {"encoding": "WKB", "geometry_types": ["Point"]}
    assert geo["columns"]["locations_geometry"]["geometry_types"] == ["MultiPoint"]
    assert "crs" not in geo["columns"]["geometry"]  # absent: OGC:CRS84 (lon/lat, WGS 84)


def test_wkb_by_hand() -> None:
    assert wkb_point(1.5, -2.0) == b"\x01\x01\x00\x00\x00" + struct.pack("<dd", 1.5, -2.0)
    multi = wkb_multipoint([(1.0, 2.0), (3.0, 4.0)])
    assert multi[:9] == b"\x01\x04\x00\x00\x00\x02\x00\x00\x00"
    assert multi[9:] == wkb_point(1, 2) + wkb_point(3, 4)


def test_parquet_in_pandas(parquet: Path) -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.read_parquet(parquet).set_index("plover_type")
    assert frame.loc["ASSAULT", "event_date"] == dt.date(2016, 5, 23)
    assert frame["fatalities"].dtype.kind in "if" and frame.loc["ASSAULT", "fatalities"] == 100
    locations = list(frame.loc["ASSAULT", "locations"])
    assert [p["name"] for p in locations] == ["Jableh", "Tartus"] and locations[1]["geonameid"] == 163345
    assert frame.loc["MOBILIZE", "size"] == 6000


def test_parquet_in_duckdb(parquet: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    path = str(parquet).replace("'", "''")
    described = con.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{path}')")
    types = dict(described.fetchall())
    assert types["event_date"] == "DATE" and types["fatalities"] == "BIGINT"
    assert types["locations"].startswith("STRUCT(") and types["locations"].endswith("[]")
    got = con.execute(f"""SELECT event_date, fatalities, locations[1].name, len(locations),
                          reports[1].published, counts.killed.best
                          FROM '{path}' WHERE plover_type = 'ASSAULT'""").fetchall()  # fmt: skip
    assert got == [(dt.date(2016, 5, 23), 100, "Jableh", 2, dt.date(2016, 5, 24), 100)]
    places = con.execute(f"SELECT p.name FROM '{path}', unnest(locations) AS u(p) ORDER BY 1").fetchall()
    assert [p for (p,) in places] == ["Aleppo", "Jableh", "Tartus"]


def test_parquet_in_geopandas(parquet: Path) -> None:
    gpd = pytest.importorskip("geopandas")
    frame = gpd.read_parquet(parquet).set_index("plover_type")
    assert frame.geometry.name == "geometry" and frame.crs is not None and frame.crs.equals("OGC:CRS84")
    point = frame.loc["ASSAULT", "geometry"]
    assert (point.geom_type, round(point.x, 4), round(point.y, 4)) == ("Point", *JABLEH)
    multi = frame.loc["ASSAULT", "locations_geometry"]
    assert multi.geom_type == "MultiPoint" and [(p.x, p.y) for p in multi.geoms] == [JABLEH, TARTUS]
    assert frame.loc["ASSAULT", "event_date"] == dt.date(2016, 5, 23)


# ---------------------------------------------------------------- GeoJSON (RFC 7946) and the CSV


def _positions_ok(coords: list[float]) -> bool:
    return (len(coords) in (2, 3) and all(isinstance(c, int | float) and math.isfinite(c) for c in coords)
            and -180 <= coords[0] <= 180 and -90 <= coords[1] <= 90)  # fmt: skip


def test_geojson_follows_rfc_7946(parquet: Path, store: SqlStore, tmp_path: Path) -> None:
    out = tmp_path / "e.geojson"
    n = export(store, EventFilter(), "geojson", str(out))
    doc = json.loads(out.read_text(encoding="utf-8"))  # UTF-8 JSON (RFC 7946 §1)
    assert set(doc) == {"type", "features"} and doc["type"] == "FeatureCollection"  # §3.3, no "crs" (§4)
    assert len(doc["features"]) == n == 3
    for f in doc["features"]:
        assert f["type"] == "Feature" and set(f) == {"type", "id", "geometry", "properties"}  # §3.2
        assert isinstance(f["id"], str | int) and isinstance(f["properties"], dict)
        assert f["geometry"]["type"] == "Point" and _positions_ok(f["geometry"]["coordinates"])  # §3.1.2
    jableh = next(f for f in doc["features"] if f["properties"]["location"] == "Jableh")
    assert jableh["geometry"]["coordinates"] == list(JABLEH)  # longitude first (§3.1.1)
    assert jableh["properties"]["fatalities"] == 100


def test_geojson_leaves_out_places_without_finite_coordinates() -> None:
    record = make_record("a1")["events"][0]
    record["locations"][1]["lat"] = float("nan")
    assert [f["properties"]["location"] for f in features(record)] == ["Jableh"]
    record["locations"][0]["lon"] = float("inf")
    assert list(features(record)) == []


def test_csv_columns_are_unchanged(parquet: Path, store: SqlStore, tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    export(store, EventFilter(), "csv", str(out))
    header = next(csv.reader(out.read_text().splitlines()))
    assert header == list(CSV_COLUMNS) and len(header) == 36
    acled = "event_date event_type sub_event_type actor1 actor2 country admin1 location latitude longitude"
    assert header[:15] == (acled + " geo_precision time_precision source notes fatalities").split()
