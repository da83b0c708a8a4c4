"""`polemos actor MENTION`: what the actor dictionary makes of a mention (for analysts and curators)."""

from __future__ import annotations

import json

import typer

from polemos.cli import app
from polemos.resolve.actors import get_dictionary


@app.command()
def actor(
    mention: str = typer.Argument(..., help="An actor as written: 'Al-Nusra Front', 'government troops'."),
    country: list[str] = typer.Option(
        [], "--country", "-c", help="The article's countries, most salient first (ISO 3166-1 alpha-2)."
    ),
    context: str = typer.Option(
        "", help="Article text before the mention ('the Center' after its full name)."
    ),
    conflict: str | None = typer.Option(None, help="Country of the conflict, to say whether it is a party."),
) -> None:
    """Resolve one actor mention against the dictionary and print it as JSON."""
    actors = get_dictionary()
    ref = actors.resolve(mention, 0, len(mention), countries=[c.upper() for c in country], context=context)
    entry = actors.entry_of(ref)
    out = {
        "text": ref.text,
        "name": ref.name,
        "kind": ref.kind,
        "country": ref.country,
        "party": actors.is_party(
            ref, conflict.upper() if conflict else (country[0].upper() if country else None)
        ),
        "entry": None
        if entry is None
        else {
            "id": entry.id,
            "aliases": list(entry.aliases),
            "conflicts": sorted(entry.conflicts),
            "links": dict(entry.links),
            "years": entry.years,
            "source": entry.source,
        },
    }
    typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
