"""The polemos command line: thin callers of the library.

Every command's errors come out as one line, ``Error [E1xx]: …``, and exit 1 (3 when an optional
part is not installed, 4 when another ingest holds the store, 2 for an internal error); a traceback
only with ``--debug``. Each area registers its commands in its own module, imported at the bottom.
"""

from __future__ import annotations

import sys

import typer

from polemos.errors import MissingPart, PolemosError, StoreBusy

EXIT_MISSING_PART = 3  # docs/install.md: exit codes
EXIT_BUSY = 4  # another ingest holds the store (E407)

app = typer.Typer(
    name="polemos",
    help="Turn conflict news into verifiable, evidenced event data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
STATE = {"debug": False}


@app.callback()
def _root(debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors.")) -> None:
    STATE["debug"] = debug


def fail(message: str, hint: str | None = None, code: int = 1) -> None:
    """Print one error line (and a hint) to stderr and exit."""
    text = message if message.startswith("Error") else f"Error {message}"
    typer.echo(text, err=True)
    if hint:
        typer.echo(f"  hint: {hint}", err=True)
    raise typer.Exit(code)


def main() -> None:
    debug = "--debug" in sys.argv
    try:
        app()
    except MissingPart as e:  # an optional part is not installed: the line says what to install
        if debug:
            raise
        typer.echo(f"Error {e}", err=True)
        sys.exit(EXIT_MISSING_PART)
    except StoreBusy as e:  # another ingest is writing to this store: a retry later will do
        if debug:
            raise
        typer.echo(f"Error {e}", err=True)
        sys.exit(EXIT_BUSY)
    except PolemosError as e:
        if debug:
            raise
        typer.echo(f"Error {e}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("Error: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as e:  # the last line of defence: no traceback to a user
        if debug:
            raise
        typer.echo(
            f"Error: internal error ({type(e).__name__}: {e}); run with --debug for the traceback", err=True
        )
        sys.exit(2)


from polemos.cli import actors as _actors  # noqa: E402,F401  (registers `polemos actor`)
from polemos.cli import eval as _eval  # noqa: E402,F401  (registers `polemos eval`)
from polemos.cli import extract as _extract  # noqa: E402,F401  (registers `polemos extract`)
from polemos.cli import fuse as _fuse  # noqa: E402,F401  (registers events merge, split, refuse)
from polemos.cli import places as _places  # noqa: E402,F401  (registers `polemos gazetteer`)
from polemos.cli import serve as _serve  # noqa: E402,F401  (registers serve, demo)
from polemos.cli import store as _store  # noqa: E402,F401  (registers ingest, events, export, db)
from polemos.cli import watch as _watch  # noqa: E402,F401  (registers `polemos watch`)
