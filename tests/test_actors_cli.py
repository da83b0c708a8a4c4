"""`polemos actor`: the dictionary from the command line."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from polemos.cli import app


def test_actors_cli_resolves_with_the_articles_country():
    result = CliRunner().invoke(app, ["actor", "government troops", "--country", "sy"])
    assert result.exit_code == 0
    out = json.loads(result.output)
    assert (out["name"], out["kind"], out["party"]) == ("Military Forces of Syria", "military", True)


def test_actors_cli_shows_the_entry_and_its_sources():
    out = json.loads(CliRunner().invoke(app, ["actor", "Boko Haram"]).output)
    assert out["entry"]["id"] == "boko-haram" and "ucdp" in out["entry"]["source"]


def test_actors_cli_unknown_mention_has_no_entry():
    out = json.loads(CliRunner().invoke(app, ["actor", "the weather"]).output)
    assert out["name"] is None and out["entry"] is None
