"""Blocking: which stored reports a new report is compared with, without comparing all pairs.

Each report gets keys built from the report alone, so the candidate relation is symmetric and the
same in any order of ingest:

- ``(country, week)`` for every country the report places the event in, for every calendar week its
  date window touches (a day ±1, a week, a month's five weeks, the week before publication when the
  text gives no date); a report whose window is at most ``NARROW_DAYS`` long is also filed under
  ``(country, day)`` for each day of its window, and two such reports meet by day, not by week: a
  dense country's week holds hundreds of reports, and only those whose windows overlap can be the
  same event (``Fuser.add`` drops the others unscored, so the pairs scored are the same);
- ``(name, week)`` for its places, actors and heaviest name-like words, so a report without a
  country still meets the reports that name the same things;
- ``(published day)``, so a report without a country (a bare toll, "CAR" the gazetteer does not
  place) still meets the reports published the day before, the same day or the day after;
- ``(country, week or day, cell)`` for a report placed precisely (``grid.report_cells``: towns,
  neighbourhoods, landmarks with coordinates): two such reports meet by their country's week or day
  only when their cells are near (``grid.near``), since the scorer keeps two precise reports apart
  when no place of one is within its radius of a place of the other. At a dense store's density a
  country's week holds hundreds of towns' reports, and a report meets only its own town's and its
  neighbours'. A gridded report still meets every ungridded one of its country's weeks, and those
  meet it, as before.

A bucket holds the reports of one country (or one name) in one week, or of one publication day:
its size follows the news volume of a week, not the size of the store, so adding a report costs the
same at 1k or 1M stored. Day buckets are read only by reports without a country (a minority).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from polemos.fuse.grid import Cell, near_set, report_cells
from polemos.fuse.report import Report
from polemos.fuse.text import GENERIC

MAX_WEEKS = 60  # a year-precision date touches at most this many week keys
NAME_KEYS = 6  # heaviest name-like words used as keys
DAY_SPAN = 1  # a report without a country meets those published this many days either side
NARROW_DAYS = 8  # a date window this short is filed by day as well as by week

Key = tuple[str, str, int]
# A bucket: a tuple while it holds few reports (most name buckets hold one event's reports), a set
# past that. A tuple of strings is smaller than a set and the garbage collector stops walking it.
Bucket = tuple[str, ...] | set[str]
SMALL_BUCKET = 32
# a cell index: (country, week or day) -> the cells its gridded reports are in -> their uids; a
# lookup reads the fewer of the cells held and the cells near (a country's day holds a few towns)
CellIndex = dict[Key, dict[Cell, Bucket]]


def _weeks(lo: date | None, hi: date | None) -> list[int]:
    if lo is None or hi is None:
        return [-1]  # no date at all: one shared bucket
    first, last = lo.toordinal() // 7, hi.toordinal() // 7
    return list(range(first, min(last, first + MAX_WEEKS) + 1))


def _narrow_days(lo: date | None, hi: date | None) -> range | None:
    """The days of a window of at most ``NARROW_DAYS`` days (None for a longer or open one)."""
    if lo is None or hi is None:
        return None
    first, last = lo.toordinal(), hi.toordinal()
    return range(first, last + 1) if last - first < NARROW_DAYS else None


def country_day_keys(report: Report) -> list[Key] | None:
    """``(country, day)`` keys of a report with a narrow window; None when its window is wide."""
    days = _narrow_days(report.date_lo, report.date_hi)
    if days is None:
        return None
    return [("cd", c, d) for c in sorted(report.countries) for d in days]


def country_keys(report: Report, weeks: list[int] | None = None) -> list[Key]:
    if weeks is None:
        weeks = _weeks(report.date_lo, report.date_hi)
    return [("c", c, w) for c in sorted(report.countries) for w in weeks]


def day_key(report: Report) -> Key | None:
    """The publication day a report is filed under (None when it has no publication date)."""
    return None if report.published is None else ("d", "", report.published.toordinal())


def day_lookups(report: Report) -> list[Key]:
    """The publication days a report without a country looks in: the day before, itself, after."""
    if report.published is None:
        return []
    day = report.published.toordinal()
    return [("d", "", d) for d in range(day - DAY_SPAN, day + DAY_SPAN + 1)]


def name_keys(report: Report, weeks: list[int] | None = None) -> list[Key]:
    if weeks is None:
        weeks = _weeks(report.date_lo, report.date_hi)
    # ``name_tokens(words)``, heaviest first (ties by the word), read in one pass
    heaviest = sorted([(-w, k) for k, w in report.words.items() if len(k) > 2 and k not in GENERIC
                       and not k.isdigit() and w > 0.0])  # fmt: skip
    names = {k for _, k in heaviest[:NAME_KEYS]}
    names.update(p.key for p in report.places)
    names.update(report.actors)
    return [("n", n, w) for n in sorted(names) for w in weeks]


class BlockIndex:
    """Inverted indexes from blocking keys to report uids (in memory; the store keeps its own).

    Two reports are candidates when they share a ``(country, week)`` key (a ``(country, day)`` key
    when both have narrow windows), or when one of them has no
    country (or one read from a demonym only) and they share a ``(name, week)`` key or were published
    at most ``DAY_SPAN`` days apart. Placed reports are found by name or day only by unplaced ones,
    so the common case reads country buckets alone. Two gridded reports (see ``grid``) meet by
    country only in near cells: a gridded report reads the ungridded reports' country buckets and
    the gridded reports' cell buckets of its country, weeks (or days) and near cells.
    """

    def __init__(self) -> None:
        self._country: dict[Key, Bucket] = {}  # every report, by (country, week)
        self._country_wide: dict[Key, Bucket] = {}  # reports with wide windows, by (country, week)
        self._country_day: dict[Key, Bucket] = {}  # reports with narrow windows, by (country, day)
        # the same three for ungridded reports only (what a gridded report reads by country) ...
        self._plain: dict[Key, Bucket] = {}
        self._plain_wide: dict[Key, Bucket] = {}
        self._plain_day: dict[Key, Bucket] = {}
        # ... and for gridded ones by cell as well (what a gridded report reads in near cells)
        self._cell: CellIndex = {}
        self._cell_wide: CellIndex = {}
        self._cell_day: CellIndex = {}
        self._names: dict[Key, Bucket] = {}  # every report
        self._names_nowhere: dict[Key, Bucket] = {}  # reports without a country
        self._days: dict[Key, Bucket] = {}  # every report, by publication day
        self._days_nowhere: dict[Key, Bucket] = {}  # those without a country
        # the keys of each indexed report, read once: (its country keys, its name keys, its cells or
        # None, its country-day keys or None); its day key and which indexes it is in follow from
        # the report. Tuples of keys alone: the collector stops walking them (the report is apart).
        self._own: dict[
            str, tuple[Sequence[Key], Sequence[Key], tuple[Cell, ...] | None, Sequence[Key] | None]
        ] = {}
        self._reports: dict[str, Report] = {}  # each indexed report, by uid

    def __len__(self) -> int:
        return len(self._own)

    def _indexes(
        self,
        report: Report,
        countries: Sequence[Key],
        names: Sequence[Key],
        cells: tuple[Cell, ...] | None,
        by_day: Sequence[Key] | None,
    ) -> list[tuple[dict[Key, Any], Sequence[Key], tuple[Cell, ...] | None]]:
        """Each index a report is filed in, with its keys there (and its cells, for a cell index);
        ``by_day``: its ``country_day_keys``."""
        out: list[tuple[dict[Key, Any], Sequence[Key], tuple[Cell, ...] | None]] = [
            (self._country, countries, None),
            (self._names, names, None),
        ]
        if by_day is None:
            out.append((self._country_wide, countries, None))
        else:
            out.append((self._country_day, by_day, None))
        if cells is None:
            out.append((self._plain, countries, None))
            out.append(
                (self._plain_wide, countries, None) if by_day is None else (self._plain_day, by_day, None)
            )
        else:
            out.append((self._cell, countries, cells))
            if by_day is None:
                out.append((self._cell_wide, countries, cells))
            else:
                out.append((self._cell_day, by_day, cells))
        unplaced = not (report.countries and report.country_firm)
        if unplaced:
            out.append((self._names_nowhere, names, None))
        day = day_key(report)
        if day is not None:
            out.append((self._days, [day], None))
            if unplaced:
                out.append((self._days_nowhere, [day], None))
        return out

    def add(self, report: Report) -> None:
        uid = report.uid
        if uid in self._own:
            return
        weeks = _weeks(report.date_lo, report.date_hi)  # read once for both kinds of key
        countries, names = tuple(country_keys(report, weeks)), tuple(name_keys(report, weeks))
        cells = report_cells(report)
        days = country_day_keys(report)
        by_day = None if days is None else tuple(days)
        self._own[uid] = (countries, names, cells, by_day)
        self._reports[uid] = report
        for index, keys, in_cells in self._indexes(report, countries, names, cells, by_day):
            if in_cells is None:
                _file_new(index, keys, uid)
                continue
            for k in keys:
                inner = index.get(k)
                if inner is None:
                    inner = index[k] = {}
                _file_new(inner, in_cells, uid)

    def remove(self, uid: str) -> None:
        own = self._own.pop(uid, None)
        if own is None:
            return
        for index, keys, in_cells in self._indexes(self._reports.pop(uid), *own):
            for k in keys:
                if in_cells is None:
                    _unfile(index, k, uid)
                    continue
                inner = index.get(k)
                if inner is None:
                    continue
                for c in in_cells:
                    _unfile(inner, c, uid)
                if not inner:
                    del index[k]

    def candidates(self, report: Report) -> set[str]:
        """Uids of indexed reports that may be the same event as ``report`` (never itself)."""
        found: set[str] = set()
        own = self._own.get(report.uid)
        by_day: Sequence[Key] | None
        if own is not None and self._reports[report.uid] is report:
            countries, names, cells, by_day = own
        else:
            countries, names, cells = country_keys(report), name_keys(report), report_cells(report)
            by_day = country_day_keys(report)
        if cells is None:  # ungridded: every report of its countries' weeks (or days), as ever
            every, wide, narrow = self._country, self._country_wide, self._country_day
        else:  # gridded: the ungridded ones so, the gridded ones in near cells only
            every, wide, narrow = self._plain, self._plain_wide, self._plain_day
        update = found.update
        # (an empty index is not looked in: a store of gridded reports leaves the ungridded ones empty)
        if by_day is None:  # a wide window meets every report of its countries' weeks
            if every:
                for k in countries:
                    if k in every:
                        update(every[k])
        else:  # a narrow one meets the narrow reports of its days and the wide ones of its weeks
            if narrow:
                for k in by_day:
                    if k in narrow:
                        update(narrow[k])
            if wide:
                for k in countries:
                    if k in wide:
                        update(wide[k])
        if cells is not None and countries:
            around = near_set(cells)
            lookups = (
                [(self._cell, countries)]
                if by_day is None
                else [(self._cell_day, by_day), (self._cell_wide, countries)]
            )
            for cell_index, keys in lookups:
                if not cell_index:
                    continue
                for k in keys:
                    inner = cell_index.get(k)
                    if inner is None:
                        continue
                    if len(inner) <= len(around):  # the fewer: the cells held, or the cells near
                        for c, bucket in inner.items():
                            if c in around:
                                update(bucket)
                    else:
                        for c in around:
                            if c in inner:
                                update(inner[c])
        # placed reports read only the unplaced ones' name and day buckets; unplaced ones read all
        by_name, days = (
            (self._names_nowhere, self._days_nowhere)
            if report.countries and report.country_firm
            else (self._names, self._days)
        )
        if by_name:
            for k in names:
                if k in by_name:
                    update(by_name[k])
        if days:
            for k in day_lookups(report):
                if k in days:
                    update(days[k])
        found.discard(report.uid)
        return found

    def largest_bucket(self) -> int:
        return max((len(b) for b in self._country.values()), default=0)


def _file_new(index: dict[Any, Bucket], keys: Iterable[Any], uid: str) -> None:
    """File ``uid`` under each of ``keys``: a tuple bucket while small, a set past ``SMALL_BUCKET``.
    No bucket holds ``uid`` yet (``add`` files a report once, and its keys in one index are
    distinct), so there is no membership test."""
    get, small = index.get, SMALL_BUCKET
    for k in keys:
        bucket = get(k)
        if bucket is None:
            index[k] = (uid,)
        elif isinstance(bucket, tuple):
            index[k] = bucket + (uid,) if len(bucket) < small else {*bucket, uid}
        else:
            bucket.add(uid)


def _unfile(index: dict[Any, Bucket], k: Any, uid: str) -> None:
    bucket = index.get(k)
    if bucket is None:
        return
    if isinstance(bucket, tuple):
        bucket = tuple(u for u in bucket if u != uid)
        if bucket:
            index[k] = bucket
    else:
        bucket.discard(uid)
    if not bucket:
        del index[k]


def candidate_pairs(reports: Iterable[Report]) -> set[tuple[str, str]]:
    """All candidate pairs among ``reports`` (uid order within a pair), through a fresh index."""
    index = BlockIndex()
    pairs: set[tuple[str, str]] = set()
    for r in reports:
        for other in index.candidates(r):
            pairs.add((min(r.uid, other), max(r.uid, other)))
        index.add(r)
    return pairs
