"""docs/eval.md names every `polemos eval` option and every figure it prints; docs/install.md every
optional part's message code and the exit codes; the README's first command needs no npm."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from polemos.cli import EXIT_MISSING_PART, app
from polemos.evaluate import acled
from polemos.evaluate.articles import Tally
from polemos.evaluate.gold import GoldRow

DOCS = Path(__file__).parent.parent / "docs"
README = (Path(__file__).parent.parent / "README.md").read_text()


def test_eval_docs_name_every_option() -> None:
    doc = (DOCS / "eval.md").read_text()
    info = next(c for c in app.registered_commands if c.name == "eval")
    for param in inspect.signature(info.callback).parameters.values():  # type: ignore[arg-type]
        decls = getattr(param.default, "param_decls", None) or []
        flags = [d for d in decls if d.startswith("--")] or ["--" + param.name.replace("_", "-")]
        if param.name == "gold":
            continue
        assert any(f"`{f}`" in doc for f in flags), f"polemos eval {flags[0]} is not in docs/eval.md"


def test_eval_docs_name_every_figure() -> None:
    doc = (DOCS / "eval.md").read_text()
    tally = Tally(fields={f: [1, 1] for f in ("actor", "target", "claimant", "location", "date", "killed",
                                              "size", "modality")})  # fmt: skip
    # the CSV's figures, from rows that give every field (one with deaths, one without)
    fields = {k: "1" for k in ("event_type", "sub_event_type", "actor1", "actor2", "country", "latitude",
                               "longitude")} | {"event_date": "2024-01-01"}  # fmt: skip
    rows = [
        acled.score_row(GoldRow(str(n), "x", {**fields, "fatalities": n}), None, km=25, days=0) for n in "01"
    ]
    csv_figures = list(acled.figures(rows))
    assert len(csv_figures) == 11
    for name in [*tally.metrics(), *csv_figures, "required", "found", "predicted", "matched"]:
        assert f"`{name}`" in doc, name


def test_install_docs_name_the_codes_and_exit_codes() -> None:
    doc = (DOCS / "install.md").read_text()
    assert "E220" in doc and "polemos[postgres]" in doc and "polemos[ray]" in doc
    codes = re.findall(r"^(\d+) \|", doc, re.M)
    assert {str(EXIT_MISSING_PART), "0", "1", "2"} <= set(codes)


def test_readme_first_command_needs_no_npm() -> None:
    first = re.search(r"```sh\n(.*?)\n```", README, re.S)
    assert first and "npm" not in first.group(1) and "polemos demo" in first.group(1)
    assert "python setup.py vendor" in README  # how the carried browser files are refreshed
