"""Manual merges and splits: who did what, when and why, as constraints fusion re-applies.

A merge says "these reports are one event" (must-link among all of them); a split says "this report
is not that event" (cannot-link between it and every other report of the fused event at the time).
They are kept as a history in time order; when two entries speak of the same pair, the later wins.
Re-fusion reads the constraints again, so people's decisions survive it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import combinations
from typing import Any

MERGE, SPLIT = "merge", "split"


@dataclass(frozen=True)
class Action:
    """One manual decision. ``reports`` are report uids; for a split, ``report`` is the one taken out."""

    op: str  # merge or split
    fused_ids: tuple[str, ...]
    reports: tuple[str, ...]  # every report the decision speaks of, at the time
    who: str
    why: str | None = None
    when: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    report: str | None = None  # split: the report taken out
    result_id: str | None = None  # the fused id the decision produced (filled in by the fuser)

    def to_dict(self) -> dict[str, Any]:
        return {"op": self.op, "fused_ids": list(self.fused_ids), "reports": list(self.reports),
                "report": self.report, "who": self.who, "when": self.when, "why": self.why,
                "result_id": self.result_id}  # fmt: skip

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Action:
        return cls(op=str(d["op"]), fused_ids=tuple(d.get("fused_ids") or ()), reports=tuple(d["reports"]),
                   who=str(d.get("who") or "unknown"), why=d.get("why"), when=str(d["when"]),
                   report=d.get("report"), result_id=d.get("result_id"))  # fmt: skip


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


class Constraints:
    """The effective must-link and cannot-link pairs of a history of actions."""

    def __init__(self, actions: Iterable[Action] = ()) -> None:
        self.actions: list[Action] = []
        self._state: dict[tuple[str, str], str] = {}
        self._by_uid: dict[str, set[str]] = {}
        for action in actions:
            self.add(action)

    def add(self, action: Action) -> None:
        self.actions.append(action)
        if action.op == MERGE:
            for a, b in combinations(sorted(set(action.reports)), 2):
                self._set(a, b, "must")
        elif action.op == SPLIT and action.report is not None:
            for other in sorted(set(action.reports) - {action.report}):
                self._set(action.report, other, "cannot")

    def _set(self, a: str, b: str, state: str) -> None:
        self._state[_pair(a, b)] = state
        self._by_uid.setdefault(a, set()).add(b)
        self._by_uid.setdefault(b, set()).add(a)

    def state(self, a: str, b: str) -> str | None:
        return self._state.get(_pair(a, b))

    def cannot(self, a: str, b: str) -> bool:
        return self._state.get(_pair(a, b)) == "cannot"

    def must_pairs(self, uids: Iterable[str]) -> list[tuple[str, str]]:
        """Must-link pairs among ``uids``, sorted (for a deterministic order of joins)."""
        inside = set(uids)
        return sorted(p for p, s in self._state.items() if s == "must" and p[0] in inside and p[1] in inside)

    def linked(self, uid: str) -> set[str]:
        """Reports a must-link ties to ``uid`` (they belong to the same component)."""
        return {o for o in self._by_uid.get(uid, ()) if self.state(uid, o) == "must"}

    def touching(self, uids: Iterable[str]) -> list[Action]:
        """The actions that speak of any of ``uids`` (for ``events show``)."""
        inside = set(uids)
        return [a for a in self.actions if inside & set(a.reports)]
