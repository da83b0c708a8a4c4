"""`polemos extract FILE|-`: articles in, event records out."""

from __future__ import annotations

import json
import sys
from typing import Any

import typer

from polemos.budget import DEFAULT_TIMEOUT
from polemos.cli import app, fail
from polemos.errors import Errors, ReadError
from polemos.read import MAX_CHARS, MAX_MB, Defaults, Limits, ReadFailure, iter_articles, parse_date

FORMATS = ("table", "json", "jsonl")
TIMEOUT_HELP = "CPU seconds an article's extraction may take; past it the article is refused (E118). 0: none."


@app.command()
def extract(
    inputs: list[str] = typer.Argument(
        ...,
        help="Files to read (.txt .html .jsonl .warc .rss, any of them .gz, or a plugin's); '-' for stdin.",
    ),
    published: str | None = typer.Option(None, help="Publication date (YYYY-MM-DD) of articles without one."),
    outlet: str | None = typer.Option(None, help="Outlet name for articles without one."),
    title: str | None = typer.Option(None, help="Title for a single article."),
    fmt: str | None = typer.Option(
        None, "--format", "-f", help="table (default on a terminal), json or jsonl."
    ),
    workers: int = typer.Option(1, min=1, help="Worker processes (sharing one loaded model)."),
    batch_size: int = typer.Option(16, min=1, help="Articles parsed together (memory grows with it)."),
    max_mb: float = typer.Option(MAX_MB, help="Largest document (or WARC record) to read, in MB."),
    max_chars: int = typer.Option(MAX_CHARS, min=1, help="Longest document to extract, in characters."),
    timeout: float = typer.Option(DEFAULT_TIMEOUT, min=0, help=TIMEOUT_HELP),
) -> None:
    """Read articles and print their events, places and times."""
    from polemos import batch

    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt not in FORMATS:
        fail(Errors.E201.format(value=fmt, choices=", ".join(FORMATS)))
    try:
        defaults = Defaults(parse_date(published, "--published"), outlet, title)
    except ReadError as e:
        fail(str(e))
    failures = [0]  # how many inputs were refused: a count, so a file of bad lines costs no memory

    def good_articles():  # type: ignore[no-untyped-def]
        for item in iter_articles(inputs, defaults, limits=Limits(max_mb=max_mb, max_chars=max_chars)):
            if isinstance(item, ReadFailure):
                failures[0] += 1
                typer.echo(f"Error {item.message}", err=True)
            else:
                yield item

    def records():  # type: ignore[no-untyped-def]
        outcomes = batch.run(good_articles(), backend="local", workers=workers, chunk_size=batch_size,
                             timeout=timeout or None,
                             extractor_kwargs={"batch_size": batch_size})  # fmt: skip
        for _, outcome in outcomes:
            if isinstance(outcome, dict):
                yield outcome
            else:  # one article whose extraction failed: its line, and the run goes on
                failures[0] += 1
                typer.echo(f"Error {outcome.reason}", err=True)

    count = _write(records(), fmt)
    if failures[0]:
        typer.echo(
            f"{failures[0]} input(s) could not be read or extracted; {count} article(s) written.", err=True
        )
        raise typer.Exit(1)


def _write(results: Any, fmt: str) -> int:
    count = 0
    if fmt == "jsonl":
        for record in results:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            sys.stdout.flush()
            count += 1
    elif fmt == "json":
        records = list(results)
        count = len(records)
        payload = records[0] if count == 1 else records
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        from polemos.cli.table import print_table

        for record in results:
            print_table(record)
            count += 1
    return count
