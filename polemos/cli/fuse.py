"""`polemos events merge|split|fuse|refuse`.

Thin callers of ``polemos.fuse.stored``. How fused events are shown (``render_table``, ``render_show``)
is ``polemos.cli.show``, which ``polemos/cli/store.py`` imports too: this module imports that one, never
the other way round.
"""

from __future__ import annotations

import getpass
import os

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
