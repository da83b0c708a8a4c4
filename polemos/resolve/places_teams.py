"""Sports teams named after their home city: "the Portland Trail Blazers" is Portland, Oregon.

A sports story names a team's city as the team ("the Rockets swept their series with Portland"),
so the article's other places (Houston, Texas) say nothing about which Portland it is; the team's
nickname does. The table is ``polemos/data/sports_teams.tsv`` (major North American leagues).
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

from polemos.errors import Errors, ResolveError
from polemos.resolve.gazetteer_names import fold

MAX_NICKNAME_WORDS = 2


@lru_cache(maxsize=1)
def teams() -> dict[str, dict[str, tuple[str, str]]]:
    """Folded city → folded nickname → (country, admin1) of the team's home."""
    path = resources.files("polemos") / "data" / "sports_teams.tsv"
    try:
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    except OSError as e:
        raise ResolveError(Errors.E302.format(path=path, detail=e)) from e
    table: dict[str, dict[str, tuple[str, str]]] = {}
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        table.setdefault(fold(row["city"]), {})[fold(row["nickname"])] = (row["country"], row["admin1"])
    return table


def team_home(city: str, after: str) -> tuple[str, str] | None:
    """(country, admin1) when ``city`` is followed by one of its teams' nicknames ("Trail Blazers")."""
    by_nickname = teams().get(fold(city))
    if not by_nickname or not after[:1].isspace():
        return None
    words = [w for w in after.split()[:MAX_NICKNAME_WORDS]]
    for n in range(len(words), 0, -1):
        if words[n - 1][:1].isupper() or words[n - 1][:1].isdigit():
            home = by_nickname.get(fold(" ".join(words[:n])))
            if home is not None:
                return home
    return None
