"""docs/store.md names every store command, option and export column, so it cannot drift silently."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from polemos.cli import app
from polemos.export import CSV_COLUMNS, FORMATS

DOC = Path(__file__).parent.parent / "docs" / "store.md"


def _command(name: str) -> typer.models.CommandInfo | None:
    group, _, sub = name.partition(" ")
    if not sub:
        return next((c for c in app.registered_commands if c.name == group or (c.callback and
                     c.callback.__name__ == group)), None)  # fmt: skip
    typer_info = next(t for t in app.registered_groups if t.name == group)
    return next(c for c in typer_info.typer_instance.registered_commands if c.name == sub)


@pytest.mark.parametrize("name", ["ingest", "export", "events show", "db upgrade"])
def test_store_docs_name_every_command(name: str) -> None:
    assert _command(name) is not None and f"polemos {name}" in DOC.read_text()


OPTIONS = ["--db", "--workers", "--engine", "--ray-address", "--report", "--batch-size", "--shard-dir",
           "--published", "--outlet", "--type", "--country", "--near", "--since", "--until", "--actor",
           "--claimant", "--modality", "--limit", "--max-mb", "--max-chars", "--timeout",
           "--wait"]  # fmt: skip


@pytest.mark.parametrize("option", OPTIONS)
def test_store_docs_name_every_option(option: str) -> None:
    assert f"`{option}" in DOC.read_text() or f" {option} " in DOC.read_text()


def test_store_docs_name_every_export_column_and_format() -> None:
    text = DOC.read_text()
    assert [c for c in CSV_COLUMNS if c not in text] == []
    assert [f for f in FORMATS if f"`{f}`" not in text] == []
