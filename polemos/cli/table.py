"""The analyst's view: one row per event."""

from __future__ import annotations

import os
import sys
from typing import Any

from rich.console import Console
from rich.table import Table

# Piped or redirected, rich would squeeze the table into 80 columns and break every word; an
# analyst saving the table to a file wants it readable, so it gets room (COLUMNS still wins).
_PIPE_WIDTH = 200


def _console() -> Console:
    if sys.stdout.isatty() or os.environ.get("COLUMNS"):
        return Console()
    return Console(width=_PIPE_WIDTH)


def _party(p: dict[str, Any] | None) -> str:
    if not p:
        return ""
    return p.get("name") or p.get("text") or ""


def _count(counts: dict[str, Any]) -> str:
    parts = []
    for kind in ("killed", "injured", "size"):
        c = counts.get(kind)
        if c:
            parts.append(f"{kind} {c['text']}")
    return "; ".join(parts)


def _claims(claims: list[dict[str, Any]]) -> str:
    out = []
    for c in claims:
        who = _party(c.get("claimant")) or "(unattributed)"
        if c.get("claimant") and c["claimant"].get("party"):
            who += " [party]"
        out.append(f"{who} via {c['outlet']}" if c.get("outlet") else who)
    return "; ".join(out)


def print_table(record: dict[str, Any]) -> None:
    art = record["article"]
    title = art.get("title") or art["id"]
    table = Table(title=f"{title} ({art.get('published') or 'undated'})", show_lines=False, expand=True)
    for col in ("type", "modality", "who", "whom", "where", "when", "how many", "according to"):
        table.add_column(col, overflow="fold")
    for e in record["events"]:
        kind = e["type"] + (f"/{e['mode']}" if e.get("mode") else "")
        where = ", ".join(loc.get("name") or loc["text"] for loc in e["locations"])
        date = e.get("date") or {}
        when = (date.get("start") or "") + (f" ({date['precision']})" if date.get("precision") else "")
        table.add_row(
            kind,
            e["modality"],
            _party(e["actor"]),
            _party(e["target"]),
            where,
            when,
            _count(e["counts"]),
            _claims(e["claims"]),
        )
    if not record["events"]:
        table.add_row("(no events)", "", "", "", "", "", "", "")
    _console().print(table)
