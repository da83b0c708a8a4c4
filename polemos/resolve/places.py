"""Place resolution against the gazetteer (issue 3 fills it). ``resolve_places`` is the interface."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from polemos.types import PlaceRef


def resolve_places(
    text: str, mentions: Sequence[tuple[int, int, bool]], *, published: date | None = None
) -> list[PlaceRef]:
    return [PlaceRef(text[s:e], s, e, name=text[s:e], demonym=d) for s, e, d in mentions]
