"""Blocking: which stored reports a new report is compared with, without comparing all pairs.

Each report gets keys; two reports are candidates when they share a key. Keys are built from the
report alone, so the candidate relation is symmetric and the same in any order of ingest.

- ``(country, week)`` for every country the report places the event in (``?`` when none), for every
  calendar week its date window touches (a day ±1, a week, a month's five weeks, the week before
  publication when the text gives no date);
- ``(word, week)`` for the report's heaviest name-like words (places, actors, names), so a report
  without a country still meets the reports that name the same things.

A bucket holds the reports of one country (or one name) in one week: its size follows the news
volume of a week, not the size of the store, so adding a report costs the same at 1k or 1M stored.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from polemos.fuse.report import Report
from polemos.fuse.text import name_tokens

MAX_WEEKS = 60  # a year-precision date touches at most this many week keys
NAME_KEYS = 6  # heaviest name-like words used as keys

Key = tuple[str, str, int]


def _weeks(lo: date | None, hi: date | None) -> list[int]:
    if lo is None or hi is None:
        return [-1]  # no date at all: one shared bucket
    first, last = lo.toordinal() // 7, hi.toordinal() // 7
    return list(range(first, min(last, first + MAX_WEEKS) + 1))


def keys(report: Report) -> list[Key]:
    weeks = _weeks(report.date_lo, report.date_hi)
    out: list[Key] = []
    for country in sorted(report.countries) or ["?"]:
        out.extend(("c", f"{report.family}:{country}", w) for w in weeks)
    names = sorted(name_tokens(report.words), key=lambda k: (-report.words[k], k))[:NAME_KEYS]
    names += sorted({p.key for p in report.places} | set(report.actors))
    for name in sorted(set(names)):
        out.extend(("n", f"{report.family}:{name}", w) for w in weeks)
    return out


class BlockIndex:
    """An inverted index from blocking keys to report uids (in memory; the store keeps its own)."""

    def __init__(self) -> None:
        self._buckets: dict[Key, set[str]] = defaultdict(set)
        self._keys: dict[str, list[Key]] = {}

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, report: Report) -> None:
        if report.uid in self._keys:
            return
        ks = keys(report)
        self._keys[report.uid] = ks
        for k in ks:
            self._buckets[k].add(report.uid)

    def remove(self, uid: str) -> None:
        for k in self._keys.pop(uid, ()):
            bucket = self._buckets.get(k)
            if bucket is not None:
                bucket.discard(uid)
                if not bucket:
                    del self._buckets[k]

    def candidates(self, report: Report) -> set[str]:
        """Uids of indexed reports that share a key with ``report`` (never itself)."""
        found: set[str] = set()
        for k in keys(report):
            found |= self._buckets.get(k, set())
        found.discard(report.uid)
        return found

    def largest_bucket(self) -> int:
        return max((len(b) for b in self._buckets.values()), default=0)


def candidate_pairs(reports: Iterable[Report]) -> set[tuple[str, str]]:
    """All candidate pairs among ``reports`` (uid order within a pair), through a fresh index."""
    index = BlockIndex()
    pairs: set[tuple[str, str]] = set()
    for r in reports:
        for other in index.candidates(r):
            pairs.add((min(r.uid, other), max(r.uid, other)))
        index.add(r)
    return pairs
