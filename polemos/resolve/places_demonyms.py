"""Demonyms and country adjectives ("Syrian", "Americans", "Middle Eastern") → the place they name.

The table is ``polemos/data/demonyms.tsv`` (sources per row). A target is an ISO 3166-1 alpha-2
code, ``~Name`` (a region or continent of the gazetteer) or ``@Name`` (an admin1 area).
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

from polemos.errors import Errors, ResolveError


def _plural(word: str) -> str | None:
    if word.endswith(("s", "sh", "ch", "ese", "x", "z")):
        return None
    return word + "s"


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Surface form (as written, capitalised) → target, plurals included."""
    path = resources.files("polemos") / "data" / "demonyms.tsv"
    try:
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    except OSError as e:
        raise ResolveError(Errors.E302.format(path=path, detail=e)) from e
    table: dict[str, str] = {}
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        word, target = row["demonym"], row["place"]
        table[word] = target
        plural = _plural(word)
        if plural and plural not in table:
            table[plural] = target
    return table


def demonym_target(surface: str) -> str | None:
    """The target of a demonym as written ("Russian" → "RU"), or None."""
    return demonyms().get(surface.strip())
