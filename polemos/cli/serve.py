"""`polemos serve` (the API and dashboard over a store) and `polemos demo` (ingest the shipped demo
corpus into a SQLite file, then serve it)."""

from __future__ import annotations

import socket
import sys
from pathlib import Path
from typing import Any

import typer

from polemos.cli import app, fail
from polemos.errors import Errors

DEMO_CORPUS = Path(__file__).resolve().parent.parent / "data" / "demo" / "demo.jsonl"
DB_HELP = "Database URL or SQLite file (default: POLEMOS_DB, else ./polemos.db)."


def _run(db: str | None, host: str, port: int, token: str | None, limits: dict[str, Any] | None = None,
         allowed: list[str] | None = None) -> None:  # fmt: skip
    import uvicorn

    from polemos.api import create_app
    from polemos.api.security import WILDCARD_BINDS
    from polemos.store.engine import default_url, redact

    url = db or default_url()
    application = create_app(url, token, allowed_hosts=[*(allowed or ()), host], **(limits or {}))
    if host in WILDCARD_BINDS and not allowed:
        note = ("Note: listening on every interface, but answering only requests to localhost; name "
                "the host clients use with --allowed-host (or POLEMOS_ALLOWED_HOSTS).")  # fmt: skip
        typer.echo(note, err=True)
    from polemos.web import missing_note

    for purpose in ("map", "docs"):
        missing = missing_note(application.state.assets, purpose)
        if missing:  # the page says so too; everything else works
            typer.echo(f"Note: {missing}.", err=True)
    # bind first, so the address printed is the one listening (port 0: any free port)
    try:
        sock = listening_socket(host, port)
    except OSError as e:
        fail(Errors.E203.format(name="--host/--port", detail=f"cannot listen on {host}:{port}: {e.strerror}"))
    port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"polemos: serving {redact(url)} at http://{shown}:{port}/  (API docs: /docs; Ctrl+C stops)")
    sys.stdout.flush()
    server = uvicorn.Server(uvicorn.Config(application, log_level="warning"))
    freeze_startup_heap()
    server.run(sockets=[sock])


def freeze_startup_heap() -> int:
    """Move every object alive now (the modules, the app, its models and the store's engine:
    ~100k of them) out of the garbage collector's reach, and return how many are frozen.

    They live as long as the server does, yet each full collection walked them all: ~40-60 ms with
    the interpreter's lock held, every few hundred requests (the objects a page of events makes
    and drops trigger one), which was the p99 of ``GET /events`` (10k store, 4 clients: 144 ms
    with, 52 ms without). Requests' own objects are collected as before."""
    import gc

    gc.collect()  # what startup left as garbage goes now rather than never
    gc.freeze()
    return gc.get_freeze_count()


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host:port`` for uvicorn to serve on (``OSError`` when it cannot bind).

    Made with ``IPPROTO_TCP``, not 0: asyncio sets ``TCP_NODELAY`` only on a socket that says it is
    TCP, and the connections it accepts inherit this one's protocol. Without it Nagle holds each
    response's body back until the client's delayed ACK of the headers: ~40 ms on every request
    after the first few of a keep-alive connection."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


@app.command()
def serve(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", help="Address to listen on (0.0.0.0: every interface)."),
    port: int = typer.Option(8000, min=0, max=65535, help="Port to listen on (0: any free port)."),
    token: str | None = typer.Option(
        None, envvar="POLEMOS_TOKEN", show_envvar=True, help="Bearer token for writes (POST /articles)."
    ),
    allowed_host: list[str] = typer.Option(
        [],
        "--allowed-host",
        help="A host name clients reach the server by (repeatable; '*': any). "
        "localhost, 127.0.0.1, ::1 and --host are always allowed; also POLEMOS_ALLOWED_HOSTS.",
    ),  # fmt: skip
    extract_workers: int = typer.Option(
        1, min=1, help="Extraction processes for POST /extract and /articles."
    ),
    extract_queue: int = typer.Option(8, min=0, help="Extractions that may wait for a process (429 beyond)."),
    extract_timeout: float = typer.Option(
        60.0, min=0.1, help="Seconds one extraction may take (503 beyond)."
    ),
    max_chars: int = typer.Option(
        100_000, min=1, help="Characters of text one request may send (413 beyond)."
    ),
    store_wait: float = typer.Option(
        30.0, min=0, help="Seconds POST /articles waits for an ingest writing to the store (503 beyond)."
    ),
    write_queue: int = typer.Option(
        16, min=1, help="POST /articles in the server at once, extracting or storing (503 beyond)."
    ),
) -> None:
    """Serve the JSON API and the dashboard over a store."""
    limits = {"extract_workers": extract_workers, "extract_queue": extract_queue,
              "extract_timeout": extract_timeout, "max_chars": max_chars,
              "store_wait": store_wait, "write_queue": write_queue}  # fmt: skip
    _run(db, host, port, token, limits, allowed_host)


@app.command()
def demo(
    db: str = typer.Option("polemos-demo.db", "--db", help="SQLite file to ingest the demo corpus into."),
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, min=0, max=65535, help="Port to listen on (0: any free port)."),
    no_serve: bool = typer.Option(False, "--no-serve", help="Only ingest; do not start the server."),
) -> None:
    """Ingest the demo corpus (reports from several outlets that disagree) and serve the dashboard."""
    from polemos.service import IngestService
    from polemos.store import open_store

    store = open_store(db)
    try:
        typer.echo(f"polemos: ingesting the demo corpus {DEMO_CORPUS} into {db} …")
        progress = IngestService(store, wait=True).ingest([str(DEMO_CORPUS)]).progress  # fused before served
        counts = store.counts()
    finally:
        store.close()
    n_articles, n_events = counts.get("articles", 0), counts.get("events", 0)
    typer.echo(f"polemos: {progress.added} new article(s); {db} holds {n_articles} articles "
               f"and {n_events} events")  # fmt: skip
    if not no_serve:
        _run(db, host, port, None)
