"""`polemos events merge|split|fuse|refuse`, and how fused events are shown (table, `events show`).

Thin callers of ``polemos.fuse.stored``; ``polemos events`` and ``polemos export`` (in
``polemos/cli/store.py``) list fused events through ``render_table`` and ``render_show`` here.
"""

from __future__ import annotations

import getpass
import json
import os
import sys
from typing import Any

import typer

from polemos.cli import fail
from polemos.cli.store import DB_HELP, _open, events_app
from polemos.errors import Errors

WHO = typer.Option(None, "--who", help="Who decides (default: $POLEMOS_USER or the login name).")
WHY = typer.Option(None, "--why", help="Why, in a few words (kept in the history).")


def _who(who: str | None) -> str:
    return who or os.environ.get("POLEMOS_USER") or getpass.getuser()


@events_app.command("merge")
def merge_cmd(
    ids: list[str] = typer.Argument(..., help="Two or more fused event ids."),
    who: str | None = WHO,
    why: str | None = WHY,
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Make several fused events one; kept through re-fusion, shown in 'events show'."""
    from polemos.fuse.stored import merge

    if len(set(ids)) < 2:
        fail(Errors.E203.format(name="IDS", detail="give two or more fused event ids"))
    store = _open(db)
    try:
        result = merge(store, list(dict.fromkeys(ids)), _who(who), why)
    finally:
        store.close()
    typer.echo(result)


@events_app.command("split")
def split_cmd(
    fused_id: str = typer.Argument(..., help="The fused event id."),
    report: str = typer.Option(
        ..., "--report", help="The report to take out: its event uid, or ARTICLE_ID:EVENT_ID."
    ),
    who: str | None = WHO,
    why: str | None = WHY,
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Take one report out of a fused event; kept through re-fusion, shown in 'events show'."""
    from polemos.fuse.stored import split

    store = _open(db)
    try:
        result = split(store, fused_id, report, _who(who), why)
    finally:
        store.close()
    typer.echo(result)


@events_app.command("refuse")
def refuse_cmd(db: str | None = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Fuse every stored report again (ids and people's decisions are kept)."""
    from polemos.fuse.stored import refuse

    store = _open(db)
    try:
        outcome = refuse(store)
    finally:
        store.close()
    typer.echo(f"{outcome.reports} report(s) in {outcome.fused_events} fused event(s)", err=True)


def render_table(found: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    table.add_column("id", no_wrap=True, min_width=16)
    table.add_column("date", no_wrap=True, min_width=10)
    for col in ("type", "actors → targets", "where", "killed", "reports", "outlets"):
        table.add_column(col, overflow="fold")
    for e in found:
        who = " → ".join(x for x in (_names(e.get("actors")), _names(e.get("targets"))) if x)
        where = _names(e.get("locations"))
        killed = (e.get("counts") or {}).get("killed") or {}
        figure = "" if not killed else _figure(killed)
        outlets = ", ".join(dict.fromkeys(r.get("outlet") or "?" for r in e.get("reports") or []))
        kind = e["type"] + (f"/{e['mode']}" if e.get("mode") else "")
        table.add_row(
            e["id"],
            (e.get("date") or {}).get("start") or "",
            kind,
            who,
            where,
            figure,
            str(len(e.get("reports") or [])),
            outlets,
        )
    Console().print(table)
    Console(stderr=True).print(f"{len(found)} fused event(s)")


def _names(items: list[dict[str, Any]] | None) -> str:
    return ", ".join(str(i.get("name")) for i in items or [] if i.get("name"))


def _figure(c: dict[str, Any]) -> str:
    low, best, high = c.get("low"), c.get("best"), c.get("high")
    return str(best) if low == high == best else f"{best} ({low}–{high})"


def render_show(e: dict[str, Any], fmt: str | None) -> None:
    """One fused event: its fields, its figures with who gave them, its reports side by side."""
    if (fmt or ("text" if sys.stdout.isatty() else "json")) == "json":
        sys.stdout.write(json.dumps(e, ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    console = Console()
    date = e.get("date") or {}
    kind = e["type"] + (f"/{e['mode']}" if e.get("mode") else "")
    console.print(
        f"[bold]{e['id']}[/]  {kind}  {e.get('modality')}  "
        f"{date.get('start') or '?'}..{date.get('end') or '?'} ({date.get('precision')})"
    )
    for label, key in (("actors", "actors"), ("targets", "targets"), ("at", "locations")):
        if e.get(key):
            console.print(f"{label}: {_names(e[key])}")
    for kind_, c in (e.get("counts") or {}).items():
        if c:
            console.print(f"{kind_}: low {c.get('low')} best {c.get('best')} high {c.get('high')}")
            for claim in c.get("claims") or []:
                who = claim.get("claimant") or "(unattributed)"
                console.print(
                    f'    {claim.get("value")} "{claim.get("text")}" — {who}, via {claim.get("outlet")}'
                )
    for d in e.get("disagreements") or []:
        console.print(f"[yellow]reports differ on {d['field']}[/]: {', '.join(map(str, d['values']))}")
    fusion = e.get("fusion") or {}
    console.print(f"fusion: score {fusion.get('score')} · {'; '.join(fusion.get('reasons') or [])}")
    table = Table(header_style="bold", show_lines=True)
    for col in ("report", "outlet", "published", "type", "evidence"):
        table.add_column(col, overflow="fold")
    for r in e.get("reports") or []:
        table.add_row(
            f"{r.get('uid')}\n{r.get('article_id')}:{r.get('event_id')}",
            r.get("outlet") or "",
            r.get("published") or "",
            r.get("type") or "",
            (r.get("evidence") or {}).get("text") or "",
        )
    console.print(table)
    for h in fusion.get("history") or []:
        what = f"took {h.get('report')} out" if h["op"] == "split" else f"merged {', '.join(h['fused_ids'])}"
        console.print(
            f"[bold]{h['op']}[/] by {h['who']} at {h['when']}: {what}"
            + (f" — {h['why']}" if h.get("why") else "")
        )


@events_app.command("fuse")
def fuse_cmd(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    wait: bool = typer.Option(
        False, "--wait", help="If an ingest is writing to the database, wait for it (else exit 4)."
    ),
) -> None:
    """Fuse the reports no fused event holds yet (a store written by an older polemos, which fused
    when it was read). Ingest fuses what it stores, so on a store it wrote this finds nothing."""
    from polemos.service import fuse

    store = _open(db)
    try:
        outcome = fuse(store, wait=wait)
    finally:
        store.close()
    typer.echo(f"{outcome.new} report(s) fused ({outcome.fused_events} fused event(s) written)", err=True)
