"""The polemos command line: thin callers of the library.

Every command's errors come out as one line, ``Error [E1xx]: …``, and exit 1 (3 when an optional
part is not installed, 4 when another ingest holds the store, 2 for an internal error); a traceback
only with ``--debug``. Each area registers its commands in its own module, imported at the bottom.
"""

from __future__ import annotations

import sys

import typer

from polemos.errors import MissingPart, PolemosError, StoreBusy

# docs/install.md: exit codes; each error class carries its own (``PolemosError.exit_code``)
EXIT_MISSING_PART = MissingPart.exit_code  # 3
EXIT_BUSY = StoreBusy.exit_code  # 4: another ingest holds the store (E407)

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
    except PolemosError as e:  # 1; 3 for a missing optional part, 4 when another ingest holds the store
        if debug:
            raise
        typer.echo(f"Error {e}", err=True)
        sys.exit(e.exit_code)
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
