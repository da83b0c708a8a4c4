"""`polemos extract FILE|-`: articles in, event records out."""

from __future__ import annotations

import json
import sys
from typing import Any

import typer

from polemos.cli import app, fail
from polemos.errors import Errors, ReadError
from polemos.read import MAX_MB, Defaults, ReadFailure, iter_articles, parse_date

FORMATS = ("table", "json", "jsonl")


@app.command()
def extract(
    inputs: list[str] = typer.Argument(
        ..., help="Files to read (.txt, .html, .jsonl); '-' for standard input."
    ),
    published: str | None = typer.Option(None, help="Publication date (YYYY-MM-DD) of articles without one."),
    outlet: str | None = typer.Option(None, help="Outlet name for articles without one."),
    title: str | None = typer.Option(None, help="Title for a single article."),
    fmt: str | None = typer.Option(
        None, "--format", "-f", help="table (default on a terminal), json or jsonl."
    ),
    workers: int = typer.Option(1, min=1, help="Worker processes (each loads its own model)."),
    batch_size: int = typer.Option(16, min=1, help="Articles parsed together (memory grows with it)."),
    max_mb: float = typer.Option(MAX_MB, help="Largest document to read, in MB."),
) -> None:
    """Read articles and print their events, places and times."""
    from polemos.output import result_to_dict
    from polemos.pipeline import Pipeline

    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt not in FORMATS:
        fail(Errors.E201.format(value=fmt, choices=", ".join(FORMATS)))
    try:
        defaults = Defaults(parse_date(published, "--published"), outlet, title)
    except ReadError as e:
        fail(str(e))
    failures: list[ReadFailure] = []

    def good_articles():  # type: ignore[no-untyped-def]
        for item in iter_articles(inputs, defaults, max_mb):
            if isinstance(item, ReadFailure):
                failures.append(item)
                typer.echo(f"Error {item.message}", err=True)
            else:
                yield item

    results = (result_to_dict(r) for r in Pipeline(batch_size).process(good_articles(), workers=workers))
    count = _write(results, fmt)
    if failures:
        typer.echo(f"{len(failures)} input(s) could not be read; {count} article(s) written.", err=True)
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
