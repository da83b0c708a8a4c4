"""Actor resolution against the conflict-actor dictionary (issue 3 fills it)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from polemos.types import ActorRef

_KIND_WORDS = {
    "gunmen": "unknown",
    "militants": "rebel",
    "rebels": "rebel",
    "protesters": "protesters",
    "demonstrators": "protesters",
    "civilians": "civilians",
    "police": "police",
    "army": "military",
    "troops": "military",
    "soldiers": "military",
}


class ActorDictionary:
    def resolve(
        self, text: str, start: int, end: int, *, countries: Sequence[str] = (), context: str = ""
    ) -> ActorRef:
        kind = next((k for w, k in _KIND_WORDS.items() if w in text.lower()), None)
        return ActorRef(text, start, end, None, kind, None)

    def is_party(self, actor: ActorRef, conflict_country: str | None) -> bool | None:
        return None

    def country_hint(self, text: str) -> str | None:
        return None


@lru_cache(maxsize=1)
def get_dictionary() -> ActorDictionary:
    return ActorDictionary()
