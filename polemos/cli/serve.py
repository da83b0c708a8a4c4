"""`polemos serve` (the API and dashboard over a store) and `polemos demo` (ingest the shipped demo
corpus into a SQLite file, then serve it)."""

from __future__ import annotations

from pathlib import Path

import typer

from polemos.cli import app

DEMO_CORPUS = Path(__file__).resolve().parent.parent / "data" / "demo" / "demo.jsonl"
DB_HELP = "Database URL or SQLite file (default: POLEMOS_DB, else ./polemos.db)."


def _run(db: str | None, host: str, port: int, token: str | None) -> None:
    import uvicorn

    from polemos.api import create_app
    from polemos.store.engine import default_url, redact

    url = db or default_url()
    application = create_app(url, token)
    if application.state.vendor is None:
        typer.echo("Note: the map's libraries are missing (run `npm ci` in the polemos folder); "
                   "the map shows a message, everything else works.", err=True)  # fmt: skip
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"polemos: serving {redact(url)} at http://{shown}:{port}/  (API docs: /docs; Ctrl+C stops)")
    uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command()
def serve(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", help="Address to listen on (0.0.0.0: every interface)."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    token: str | None = typer.Option(
        None, envvar="POLEMOS_TOKEN", show_envvar=True, help="Bearer token for writes (POST /articles)."
    ),
) -> None:
    """Serve the JSON API and the dashboard over a store."""
    _run(db, host, port, token)


@app.command()
def demo(
    db: str = typer.Option("polemos-demo.db", "--db", help="SQLite file to ingest the demo corpus into."),
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    no_serve: bool = typer.Option(False, "--no-serve", help="Only ingest; do not start the server."),
) -> None:
    """Ingest the demo corpus (reports from several outlets that disagree) and serve the dashboard."""
    from polemos.store import open_store
    from polemos.store.ingest import ingest

    store = open_store(db)
    try:
        typer.echo(f"polemos: ingesting the demo corpus {DEMO_CORPUS} into {db} …")
        progress = ingest([str(DEMO_CORPUS)], store)
        counts = store.counts()
    finally:
        store.close()
    n_articles, n_events = counts.get("articles", 0), counts.get("events", 0)
    typer.echo(f"polemos: {progress.added} new article(s), {progress.skipped} already there; "
               f"{n_articles} articles and {n_events} events in {db}")  # fmt: skip
    if not no_serve:
        _run(db, host, port, None)
