"""`polemos gazetteer build`: compile the GeoNames-derived place index now (else it is built at first use)."""

from __future__ import annotations

from pathlib import Path

import typer

from polemos.cli import app

gazetteer_app = typer.Typer(help="The place index (GeoNames-derived, offline).", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("build")
def build(
    path: Path | None = typer.Option(None, help="Where to write it (default: the cache directory)."),
    force: bool = typer.Option(False, "--force", help="Rebuild even if the index is already there."),
) -> None:
    """Build the gazetteer index (about 45 MB, a quarter of a minute)."""
    from polemos.resolve.gazetteer import build_gazetteer

    built = build_gazetteer(path, force=force)
    typer.echo(str(built))


@gazetteer_app.command("where")
def where() -> None:
    """Print the path of the index this version of polemos uses."""
    from polemos.resolve.gazetteer import gazetteer_path

    typer.echo(str(gazetteer_path()))


@gazetteer_app.command("find")
def find(name: str = typer.Argument(..., help="A place name, any spelling.")) -> None:
    """List the places the index has under a name, best-known first."""
    from polemos.resolve.gazetteer import open_gazetteer

    for p in open_gazetteer().find(name)[:20]:
        typer.echo(
            f"{p.id}\t{p.name}\t{p.feature}\t{p.cc or ''}\t{p.admin1 or ''}\t{p.lat}\t{p.lon}\t{p.population}"
        )
