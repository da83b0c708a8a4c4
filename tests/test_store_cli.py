"""The store's commands: ingest --report, events (formats, filters), events show, export, db upgrade."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from store_fixtures import *  # noqa: F403
from store_fixtures import TEXT, make_record
from typer.testing import CliRunner

from polemos.cli import app
from polemos.service import IngestService
from polemos.store import Failure, SqlStore, Stored
from polemos.store.records import event_uid
from polemos.store.schema import SCHEMA_REVISION

ROOT = Path(__file__).parent.parent


@pytest.fixture
def filled(db_url: str) -> str:
    store = SqlStore(db_url)
    items = [Stored(make_record("a1"), TEXT, "in.jsonl:1"),
             Failure("in.jsonl", 2, "[E104] in.jsonl: line 2: not valid JSON (x)", "E104")]  # fmt: skip
    IngestService(store).write(items, paths=["in.jsonl"], engine="test")  # stored, then fused
    store.close()
    return db_url


def _cli(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def _polemos(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "polemos", *args], capture_output=True, text=True, env=env)


def test_store_cli_events_jsonl_filters(filled: str) -> None:
    out = _cli("events", "--db", filled, "--type", "assault", "--format", "jsonl")
    (record,) = [json.loads(line) for line in out.splitlines()]  # fused events (issue 5)
    assert record["schema"] == "polemos.event/1"
    assert [(r["uid"], r["outlet"]) for r in record["reports"]] == [(event_uid("a1", "e1"), "RT")]


def test_store_cli_events_near_and_csv(filled: str) -> None:
    out = _cli("events", "--db", filled, "--near", "36.2,37.16,25", "--format", "csv")
    lines = out.splitlines()
    assert lines[0].startswith("event_date,event_type") and len(lines) == 2 and "Aleppo" in lines[1]


def test_store_cli_events_table_lists_ids(filled: str) -> None:
    (record,) = [json.loads(x) for x in _cli("events", "--db", filled, "--type", "mobilize").splitlines()]
    assert record["id"] in _cli("events", "--db", filled, "--format", "table")


def test_store_cli_events_show_json(filled: str) -> None:
    out = _cli("events", "show", event_uid("a1", "e1"), "--db", filled, "--format", "json")
    assert json.loads(out)["claims"][0]["claimant"]["name"] == "Syrian Observatory for Human Rights"


def test_store_cli_events_show_text_has_evidence_and_claims(filled: str) -> None:
    out = _cli("events", "show", event_uid("a1", "e1"), "--db", filled, "--format", "text")
    assert "killed: low 100" in out and "Over 100" in out and "RT" in out  # figures, evidence, outlets


def test_store_cli_ingest_report_lists_the_quarantine(filled: str) -> None:
    out = _cli("ingest", "--report", "--db", filled)
    assert out.strip() == "in.jsonl:2\t[E104] in.jsonl: line 2: not valid JSON (x)"


def test_store_cli_export_geojson(filled: str, tmp_path: Path) -> None:
    _cli(
        "export", "--db", filled, "--format", "geojson", "-o", str(tmp_path / "e.geojson"), "--country", "SY"
    )
    assert len(json.loads((tmp_path / "e.geojson").read_text())["features"]) == 3


def test_store_cli_db_upgrade_creates_the_schema(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    result = _polemos("db", "upgrade", "--db", str(db))
    assert result.returncode == 0 and f"schema {SCHEMA_REVISION}" in result.stderr and db.exists()


def test_store_cli_default_db_from_environment(tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    result = _polemos("events", "--format", "jsonl", env={"POLEMOS_DB": str(db)})
    assert result.returncode == 0 and db.exists()


def test_store_cli_unknown_event_is_one_coded_line(filled: str) -> None:
    if not filled.startswith("sqlite"):
        pytest.skip("the error shape does not depend on the database")
    result = _polemos("events", "show", "nope", "--db", filled)
    assert result.returncode == 1 and result.stderr.splitlines()[0] == "Error [E404] no event with id nope"


def test_store_cli_bad_near_is_one_coded_line(tmp_path: Path) -> None:
    result = _polemos("events", "--near", "north", "--db", str(tmp_path / "x.db"))
    assert result.returncode == 1 and result.stderr.startswith("Error [E203] invalid option --near")


def test_store_cli_unreachable_server_is_one_coded_line() -> None:
    result = _polemos("events", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert result.returncode == 1 and len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("Error [E401] cannot open the database postgresql+psycopg://nobody@")
