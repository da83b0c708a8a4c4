"""`polemos watch SOURCES… --every 15m [--once]`: keep the store current (see docs/watch.md).

A thin caller of ``polemos.watch.run_round``: one summary line per round on stderr, failures on
lines of their own. SIGTERM lets the round under way finish, then stops; Ctrl-C stops at once (a kill
at any time loses nothing: the state is in the store).
"""

from __future__ import annotations

import re
import signal
import sys
import time
from typing import Any

import typer

from polemos.budget import DEFAULT_TIMEOUT
from polemos.cli import app, fail
from polemos.cli.store import DB_HELP, _open
from polemos.errors import BatchError, Errors, StoreError

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(value: str, name: str) -> float:
    """Seconds from '90', '90s', '15m', '1h', '1h30m'."""
    text = value.strip().lower()
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text)
    parts = re.findall(r"(\d+(?:\.\d+)?)([smhd])", text)
    if not parts or "".join(n + u for n, u in parts) != text:
        fail(Errors.E203.format(name=name, detail=f"{value!r}: use a duration such as 90s, 15m or 1h"))
    return sum(float(n) * _UNITS[u] for n, u in parts)


@app.command()
def watch(
    sources: list[str] = typer.Argument(None, help="Feed URLs, files listing them (one a line), folders."),
    status: bool = typer.Option(False, "--status", help="List every watched source's state and exit."),
    every: str = typer.Option("15m", help="Time from the start of one round to the next (90s, 15m, 1h)."),
    once: bool = typer.Option(False, "--once", help="Run one round and exit (1 if something failed)."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    timeout: str = typer.Option("20s", help="Longest a feed or page may take to arrive."),
    max_mb: float = typer.Option(10.0, help="Largest feed or page to read, in MB."),
    per_host: str = typer.Option("1s", help="Time between two requests to one host."),
    retry: str = typer.Option("1m", help="Back-off after a source's first failure; doubles with each."),
    no_robots: bool = typer.Option(False, "--no-robots", help="Do not read robots.txt (your own hosts)."),
    workers: int = typer.Option(1, min=1, help="Extraction processes."),
    batch_size: int = typer.Option(64, min=1, help="Articles per database transaction."),
    extract_timeout: float = typer.Option(DEFAULT_TIMEOUT, min=0, help="CPU seconds one article may take."),
    extractor: str = typer.Option("polemos.batch:PipelineExtractor", hidden=True),
) -> None:
    """Fetch feeds (conditional GET), follow new items to their pages, ingest folders; each round
    stores what is new, fuses it and writes the change feed ('polemos events --changed-since')."""
    from polemos.ingest import Options
    from polemos.read import Limits
    from polemos.watch import Settings, run_round

    if status:
        _status(db)
        return
    if not sources:
        fail(Errors.E203.format(name="SOURCES", detail="give feed URLs, files listing them or folders"))
    period = parse_duration(every, "--every")
    settings = Settings(
        timeout=parse_duration(timeout, "--timeout"),
        max_mb=max_mb,
        min_interval=parse_duration(per_host, "--per-host"),
        robots=not no_robots,
        retry_base=parse_duration(retry, "--retry"),
        options=Options(
            workers=workers, batch_size=batch_size, extractor=extractor, timeout=extract_timeout or None
        ),
        limits=Limits(max_mb=max_mb),
    )
    stop = {"asked": False, "sleeping": False}

    def _term(_sig: int, _frame: Any) -> None:
        # SIGTERM: the round under way finishes (its work is committed), then the watcher stops
        stop["asked"] = True
        if stop["sleeping"]:
            raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, _term)
    store = _open(db)
    n = 0
    try:
        while True:
            n += 1
            start = time.monotonic()
            try:
                result = run_round(store, sources, settings, log=lambda line: typer.echo(line, err=True))
            except (StoreError, BatchError) as e:
                if once:
                    raise
                # the database or the extraction engine failed: say so, and try again next round
                typer.echo(f"round {n} failed: {e}", err=True)
            else:
                typer.echo(result.line(n), err=True)
                if once:
                    raise typer.Exit(1 if result.failed else 0)
            if stop["asked"]:
                raise KeyboardInterrupt
            wait = period - (time.monotonic() - start)
            stop["sleeping"] = True
            if wait > 0:
                time.sleep(wait)
            stop["sleeping"] = False
    except KeyboardInterrupt:
        typer.echo(f"watch: stopped after {n} round(s)", err=True)
        if not stop["asked"]:
            raise
    finally:
        signal.signal(signal.SIGTERM, previous)
        store.close()


def _status(db: str | None) -> None:
    """One line per watched source: status, failures in a row and why, next try, items seen."""
    from polemos.watch.state import WatchState

    store = _open(db)
    try:
        state = WatchState(store)
        rows, items = state.sources(), state.item_counts()
    finally:
        store.close()
    for r in rows:
        line = f"{r['status']:<9} {r['source']}  items {r['items']}"
        if r["failures"]:
            line += f"  · {r['failures']} failure(s) in a row: {r['reason']}"
        if r["next_try_at"]:
            line += f"  · next try after {r['next_try_at']:%Y-%m-%d %H:%M:%S} UTC"
        typer.echo(line)
    summary = ", ".join(f"{n} {state_}" for state_, n in sorted(items.items())) or "none"
    typer.echo(f"{len(rows)} source(s); feed items: {summary}", err=True)


def print_changes(db: str | None, cursor_text: str, limit: int | None, fmt: str | None) -> None:
    """`polemos events --changed-since CURSOR`: the changes after it, in order, and the next cursor."""
    import json

    from polemos.cli.store import unfused_notice
    from polemos.store.changes import parse_cursor

    try:
        cursor = parse_cursor(cursor_text)
    except ValueError:
        fail(
            Errors.E203.format(
                name="--changed-since", detail=f"{cursor_text!r}: a cursor is a number (0: all)"
            )
        )
    store = _open(db)
    try:
        unfused_notice(store)  # a read: every write fused and recorded its changes before it returned
        found, last, more = store.changes_since(cursor, limit or 1_000_000)
    finally:
        store.close()
    if (fmt or ("table" if sys.stdout.isatty() else "jsonl")) == "table":
        for c in found:
            what = f"{c['id']} → {c['into']}" if c["op"] == "merged" else c["id"]
            typer.echo(f"{c['cursor']:>6}  {c['op']:<8} {what}  v{c['version']}  {c['at']}")
    else:
        for c in found:
            sys.stdout.write(json.dumps(c, ensure_ascii=False) + "\n")
    typer.echo(
        f"{len(found)} change(s); continue with --changed-since {last}" + (" (more waiting)" if more else ""),
        err=True,
    )
