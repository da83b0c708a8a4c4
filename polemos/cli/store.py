"""`polemos ingest`, `polemos events [show ID]`, `polemos export`, `polemos db upgrade`: the store's CLI.

Thin callers of ``polemos.store`` and ``polemos.export``; every command takes ``--db URL`` (default:
``POLEMOS_DB`` or ./polemos.db).
"""

from __future__ import annotations

import json
import sys
import time
from functools import partial
from typing import Any

import typer

from polemos.budget import DEFAULT_TIMEOUT
from polemos.cli import app, fail
from polemos.cli.extract import TIMEOUT_HELP
from polemos.errors import Errors
from polemos.read.source import MAX_CHARS, MAX_MB

events_app = typer.Typer(help="Query stored events; 'events show ID' for one event and its evidence.")
db_app = typer.Typer(help="Manage the database schema.", no_args_is_help=True)
app.add_typer(events_app, name="events")
app.add_typer(db_app, name="db")

DB_HELP = "Database URL or SQLite file (default: $POLEMOS_DB or ./polemos.db); postgresql://… for a server."
EVENT_FORMATS = ("table", "json", "jsonl", "csv")


def _open(db: str | None, upgrade: bool = False) -> Any:
    from polemos.store import open_store

    return open_store(db, upgrade=upgrade)


class _Reporter:
    """Progress on stderr: a Rich bar on a terminal, a plain line every few seconds otherwise."""

    def __init__(self, every: float = 5.0) -> None:
        self.tty = sys.stderr.isatty()
        self.every, self.t0, self.last = every, time.monotonic(), 0.0
        self.bar: Any = None
        self.task: Any = None
        self.files = 0

    def start(self, files: int) -> None:
        self.files = files
        if self.tty:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(
                TextColumn("files"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.description}"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=False,
            )
            self.task = self.bar.add_task("", total=files)
            self.bar.start()

    def _line(self, p: Any) -> str:
        rate = p.extracted / max(1e-9, time.monotonic() - self.t0)
        return (
            f"{p.seen} read · {p.added} new · {p.updated} changed · {p.skipped} known · {p.failed} failed · "
            f"{p.events} events · {rate:.1f} articles/s"
        )

    def __call__(self, p: Any) -> None:
        if self.bar is not None:
            self.bar.update(self.task, completed=len(p.files_done), description=self._line(p))
        elif time.monotonic() - self.last >= self.every:
            self.last = time.monotonic()
            typer.echo(f"ingest: {len(p.files_done)}/{self.files} files, {self._line(p)}", err=True)

    def stop(self, p: Any) -> None:
        if self.bar is not None:
            self.bar.update(self.task, completed=self.files, description=self._line(p))
            self.bar.stop()
        typer.echo(f"done: {self._line(p)}", err=True)


PATHS = typer.Argument(None, help="Files and folders (.txt .html .jsonl .warc[.gz] .rss .atom).")


@app.command()
def ingest(
    paths: list[str] = PATHS,
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    workers: int = typer.Option(1, min=1, help="Extraction processes (Ray: actors)."),
    engine: str = typer.Option("local", help="local (processes on this machine) or ray (Ray Data)."),
    ray_address: str | None = typer.Option(None, help="Ray cluster address (default: start a local one)."),
    shard_dir: str | None = typer.Option(
        None, help="Ray: keep the Parquet shards here (default: a temp dir)."
    ),
    batch_size: int = typer.Option(64, min=1, help="Articles per database transaction."),
    published: str | None = typer.Option(None, help="Publication date (YYYY-MM-DD) of articles without one."),
    outlet: str | None = typer.Option(None, help="Outlet name for articles without one."),
    report: bool = typer.Option(
        False, "--report", help="List the inputs that failed (the quarantine) and exit."
    ),
    max_mb: float = typer.Option(MAX_MB, help="Largest document (or WARC record) to read, in MB."),
    max_chars: int = typer.Option(MAX_CHARS, min=1, help="Longest document to extract, in characters."),
    timeout: float = typer.Option(DEFAULT_TIMEOUT, min=0, help=TIMEOUT_HELP),
    wait: bool = typer.Option(
        False, "--wait", help="If another ingest is writing to the database, wait for it (else exit 4)."
    ),
) -> None:
    """Extract articles and store them; inputs already stored are skipped, failures quarantined.

    Exit code 0: every input read, extracted and stored; 1: the run finished and stored every good
    article, but some inputs were quarantined (listed by --report), or it could not start; 4: another
    ingest is writing to the database (E407; --wait waits for it instead)."""
    from polemos.ingest import Options

    if engine not in ("local", "ray"):
        fail(Errors.E203.format(name="--engine", detail=f"{engine!r}: use local or ray"))
    store = _open(db)
    try:
        if report:
            _report(store)
            return
        if not paths:
            fail(Errors.E203.format(name="PATHS", detail="give files or folders to ingest (or --report)"))
        from polemos.read import Defaults, Limits, iter_articles, parse_date

        defaults = Defaults(parse_date(published, "--published"), outlet)
        limits = Limits(max_mb=max_mb, max_chars=max_chars)
        options = Options(engine=engine, workers=workers, batch_size=batch_size, ray_address=ray_address,
                          shard_dir=shard_dir, timeout=timeout or None)  # fmt: skip
        from polemos.service import IngestService

        def waiting(holder: str) -> None:
            typer.echo(f"waiting for another ingest into this database ({holder}) to finish", err=True)

        # one ingest per store at a time (two would extract the same articles and race in fusion);
        # the new reports join fused events and the change feed says what that changed (docs/watch.md)
        reporter = _Reporter()
        reader = partial(iter_articles, defaults=defaults, limits=limits)
        service = IngestService(store, wait=wait, on_wait=waiting)
        progress = service.ingest(paths, options, reader=reader, on_progress=reporter,
                                  on_start=reporter.start).progress  # fmt: skip
        reporter.stop(progress)
    finally:
        store.close()
    if progress.failed:  # the same rule as `polemos extract`: bad inputs met, good ones all kept
        typer.echo(f"{progress.failed} input(s) quarantined: see 'polemos ingest --report'", err=True)
        raise typer.Exit(1)


def unfused_notice(store: Any) -> int:
    """One line on stderr when the store holds reports no fused event has taken in (a store written
    by an older polemos, which fused at read time): reads list what is fused and never write, so
    they say how to fuse the rest. Returns how many there are."""
    from polemos.fuse.stored import pending

    n = pending(store)
    if n:
        from polemos.store.engine import redact

        typer.echo(f"Note: {n} stored report(s) are not fused yet (a store written by an older polemos); "
                   f"'polemos events fuse --db {redact(store.url)}' fuses them.", err=True)  # fmt: skip
    return n


def _report(store: Any) -> None:
    failures = list(store.quarantined())
    for f in failures:
        where = f"{f.source}:{f.line}" if f.line else f.source
        typer.echo(f"{where}\t{f.reason}")
    typer.echo(f"{len(failures)} input(s) in quarantine", err=True)


def _filter(**kw: Any) -> Any:
    from polemos.store import EventFilter

    near = kw.pop("near")
    if near:
        try:
            lat, lon, km = (float(x) for x in near.split(","))
        except ValueError:
            fail(Errors.E203.format(name="--near", detail=f"{near!r}: use LAT,LON,KM (e.g. 36.2,37.16,50)"))
        kw["near"] = (lat, lon, km)
    for name in ("since", "until"):
        if kw[name]:
            from datetime import date

            try:
                date.fromisoformat(kw[name])
            except ValueError:
                fail(Errors.E203.format(name=f"--{name}", detail=f"{kw[name]!r}: use YYYY-MM-DD"))
    return EventFilter(**kw)


# Shared filter options of `events` and `export`.
TYPE = typer.Option(None, "--type", help="PLOVER type (ASSAULT, PROTEST, …).")
COUNTRY = typer.Option(None, help="ISO 3166-1 alpha-2 country of an event location (SY, UA, …).")
NEAR = typer.Option(None, help="LAT,LON,KM: events with a location within KM of the point.")
SINCE = typer.Option(None, help="Events whose date range reaches this day (YYYY-MM-DD) or later.")
UNTIL = typer.Option(None, help="Events whose date range starts on or before this day.")
ACTOR = typer.Option(None, help="Actor or target (name or text contains this, any case).")
CLAIMANT = typer.Option(None, help="Claimant (name or text contains this, any case).")
MODALITY = typer.Option(None, help="asserted, planned, proposed, threatened, hypothetical, negated, denied.")


@events_app.callback(invoke_without_command=True)
def events(
    ctx: typer.Context,
    type_: str | None = TYPE,
    country: str | None = COUNTRY,
    near: str | None = NEAR,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    actor: str | None = ACTOR,
    claimant: str | None = CLAIMANT,
    modality: str | None = MODALITY,
    limit: int | None = typer.Option(50, help="At most this many events (0: all)."),
    fmt: str | None = typer.Option(
        None, "--format", "-f", help="table (default on a terminal), json, jsonl, csv."
    ),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    changed_since: str | None = typer.Option(
        None, "--changed-since", help="CURSOR: what was added, updated, merged, removed after it (0: all)."
    ),
) -> None:
    """List fused events (every report of one real-world event together), newest first."""
    if ctx.invoked_subcommand:
        return
    if changed_since is not None:  # the change feed (docs/watch.md)
        from polemos.cli.watch import print_changes

        print_changes(db, changed_since, limit, fmt)
        return
    from polemos.export import write_csv, write_jsonl
    from polemos.fuse.stored import iter_fused

    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt not in EVENT_FORMATS:
        fail(Errors.E201.format(value=fmt, choices=", ".join(EVENT_FORMATS)))
    where = _filter(
        type=type_,
        country=country,
        near=near,
        since=since,
        until=until,
        actor=actor,
        claimant=claimant,
        modality=modality,
        limit=limit or None,
    )
    store = _open(db)
    try:
        unfused_notice(store)  # a read never fuses: every write path fused what it stored
        found = iter_fused(store, where)
        if fmt == "jsonl":
            write_jsonl(found, sys.stdout)
        elif fmt == "csv":
            write_csv(found, sys.stdout)
        elif fmt == "json":
            sys.stdout.write(json.dumps(list(found), ensure_ascii=False, indent=2) + "\n")
        else:
            from polemos.cli.show import render_table

            render_table(list(found))
    finally:
        store.close()


@events_app.command("show")
def show(
    event_id: str = typer.Argument(..., help="A fused event id from 'polemos events', or a report's uid."),
    fmt: str | None = typer.Option(None, "--format", "-f", help="text (default on a terminal) or json."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """One fused event: its record, each figure with who gave it, its reports side by side."""
    from polemos.cli.show import render_show
    from polemos.fuse.stored import fused, fused_id_of

    store = _open(db)
    try:
        unfused_notice(store)
        fid = fused_id_of(store, event_id)
        found = fused(store, [fid]) if fid else []
        if not found:
            fail(Errors.E404.format(id=event_id), hint="ids are listed by 'polemos events'")
        render_show(found[0], fmt)
    finally:
        store.close()


@app.command("export")
def export_cmd(
    fmt: str = typer.Option(
        ..., "--format", "-f", help="jsonl, csv (ACLED-style), geojson, parquet, articles, or a plugin's."
    ),
    output: str = typer.Option(..., "-o", "--output", help="File to write ('-' for standard output)."),
    type_: str | None = TYPE,
    country: str | None = COUNTRY,
    near: str | None = NEAR,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    actor: str | None = ACTOR,
    claimant: str | None = CLAIMANT,
    modality: str | None = MODALITY,
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Write the stored events (all, or those matching the filters) to a file."""
    from polemos.export import export

    where = _filter(
        type=type_,
        country=country,
        near=near,
        since=since,
        until=until,
        actor=actor,
        claimant=claimant,
        modality=modality,
        limit=None,
    )
    store = _open(db)
    try:
        unfused_notice(store)
        n = export(store, where, fmt, output)
    finally:
        store.close()
    typer.echo(f"{n} record(s) written to {output}", err=True)


@db_app.command("upgrade")
def db_upgrade(db: str | None = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Create the schema, or bring it to the version this polemos needs."""
    store = _open(db, upgrade=True)
    try:
        typer.echo(f"{store.url.split('://')[0]} database at schema {store.schema_revision()}", err=True)
    finally:
        store.close()
