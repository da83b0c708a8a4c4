"""Exports: JSONL records, ACLED-style CSV, GeoJSON features, Parquet, contract article records."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from store_fixtures import *  # noqa: F403
from store_fixtures import TEXT, make_record

from polemos.errors import ConfigError
from polemos.export import ACLED_COLUMNS, country_name, export, flat_row
from polemos.service import IngestService
from polemos.store import EventFilter, SqlStore, Stored


@pytest.fixture
def filled(store: SqlStore) -> SqlStore:
    items = [Stored(make_record("a1"), TEXT), Stored(make_record("a2", outlet="AFP"), TEXT)]
    IngestService(store).write(items, paths=["test"], engine="test")  # stored, then fused
    return store


def test_export_jsonl_gives_event_records(filled: SqlStore, tmp_path: Path) -> None:
    out = tmp_path / "e.jsonl"
    assert export(filled, EventFilter(type="ASSAULT"), "jsonl", str(out)) == 1  # two reports, one event
    (record,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert record["schema"] == "polemos.event/1"
    evidence = record["reports"][0]["evidence"]
    assert evidence["text"] == TEXT[evidence["start"] : evidence["end"]]
    assert {r["outlet"] for r in record["reports"]} == {"RT", "AFP"}


def test_export_csv_has_acled_columns_first(filled: SqlStore, tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    export(filled, EventFilter(), "csv", str(out))
    rows = list(csv.DictReader(out.read_text().splitlines()))
    assert tuple(rows[0].keys())[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    blast = next(r for r in rows if r["plover_type"] == "ASSAULT")
    assert (blast["country"], blast["location"], blast["fatalities"], blast["geo_precision"]) == ("Syria",
            "Jableh", "100", "1")  # fmt: skip
    assert blast["event_type"] == "Explosions/Remote violence" and blast["time_precision"] == "1"


def test_export_csv_leaves_unknown_fatalities_empty(filled: SqlStore) -> None:
    row = flat_row(filled.events(filled.event_ids(EventFilter(type="MOBILIZE")))[0])
    assert row["fatalities"] is None and row["size"] == 6000


def test_export_geojson_one_feature_per_location(filled: SqlStore, tmp_path: Path) -> None:
    out = tmp_path / "e.geojson"
    assert export(filled, EventFilter(), "geojson", str(out)) == 3  # 2 fused events, 2 + 1 located places
    doc = json.loads(out.read_text())
    jableh = next(f for f in doc["features"] if f["properties"]["location"] == "Jableh")
    assert jableh["geometry"] == {"type": "Point", "coordinates": [35.9256, 35.3609]}
    assert len({f["id"] for f in doc["features"]}) == 3


def test_export_geojson_of_nothing_is_valid(store: SqlStore, tmp_path: Path) -> None:
    out = tmp_path / "e.geojson"
    export(store, EventFilter(), "geojson", str(out))
    assert json.loads(out.read_text()) == {"type": "FeatureCollection", "features": []}


def test_export_parquet_loads_in_pyarrow_with_the_record(filled: SqlStore, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "e.parquet"
    export(filled, EventFilter(), "parquet", str(out))
    table = pq.read_table(out)
    assert table.num_rows == 2 and table.schema.field("fatalities").type == "int64"
    records = [json.loads(r) for r in table.column("record").to_pylist()]
    assert sorted(len(r["reports"]) for r in records) == [2, 2] and {r["type"] for r in records} == {
        "ASSAULT",
        "MOBILIZE",
    }


def test_export_parquet_loads_in_pandas(filled: SqlStore, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas", reason="pandas comes with the ray extra")
    out = tmp_path / "e.parquet"
    export(filled, EventFilter(country="SY"), "parquet", str(out))
    assert list(pd.read_parquet(out)["plover_type"].sort_values()) == ["ASSAULT", "MOBILIZE"]


def test_export_articles_rebuilds_contract_records(filled: SqlStore, tmp_path: Path) -> None:
    out = tmp_path / "a.jsonl"
    export(filled, EventFilter(), "articles", str(out))
    assert [json.loads(line) for line in out.read_text().splitlines()][0] == make_record("a1")


def test_export_unknown_format_is_a_coded_error(filled: SqlStore, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="E201"):
        export(filled, EventFilter(), "xlsx", str(tmp_path / "x"))


def test_export_country_name_is_short() -> None:
    assert (country_name("SY"), country_name("UA"), country_name(None)) == ("Syria", "Ukraine", None)
