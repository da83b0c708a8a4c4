"""Spatial cells in blocking (issue 13): two precisely placed reports meet by country only in near
cells, and no pair the scorer could join by place is lost; every other report meets what it met."""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

import polemos.fuse.block as block
from polemos.fuse import Fuser, report_from_record
from polemos.fuse.block import BlockIndex
from polemos.fuse.grid import CELL_DEG, LAT_LIMIT, LON_DEG, REACH_KM, cell, lon_reach, near, report_cells
from polemos.fuse.report import Report
from polemos.fuse.score import EARTH_KM, km, places_apart


def _place(lat: float | None, lon: float | None, feature: str = "city", n: int = 0) -> dict[str, Any]:
    return {"text": f"Town{n}", "name": f"Town{n}", "geonameid": 50_000 + n, "lat": lat, "lon": lon,
            "country": "SY", "admin1": None, "feature": feature}  # fmt: skip


def _report(n: int, locations: list[dict[str, Any]], **over: Any) -> Report:
    rec: dict[str, Any] = {
        "id": f"ev{n}", "article_id": f"a{n}", "outlet": f"Outlet {n % 3}", "published": "2020-03-02",
        "type": "ASSAULT", "mode": None, "modality": "asserted",
        "actor": {"text": "rebels", "name": "rebels", "kind": "rebel"}, "target": None,
        "locations": locations,
        "date": {"start": "2020-03-01", "end": "2020-03-01", "precision": "day", "text": "on Sunday"},
        "counts": {"killed": {"low": 3, "best": 3, "high": 3, "text": "three"}},
        "evidence": {"start": 0, "end": 30, "text": f"Rebels shelled the town, killing three. w{n % 7}"},
        "mentions": [],
    }  # fmt: skip
    rec.update(over)
    return report_from_record(rec)


def _at(n: int, lat: float, lon: float, feature: str = "city", **over: Any) -> Report:
    return _report(n, [_place(lat, lon, feature, n)], **over)


def _towards(lat: float, lon: float, bearing: float, dist_km: float) -> tuple[float, float]:
    """The point ``dist_km`` from (lat, lon) on a great circle at ``bearing`` degrees."""
    p1, l1, t, d = math.radians(lat), math.radians(lon), math.radians(bearing), dist_km / EARTH_KM
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(t))
    l2 = l1 + math.atan2(math.sin(t) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    lon2 = (math.degrees(l2) + 180.0) % 360.0 - 180.0
    return math.degrees(p2), lon2


@contextmanager
def _no_grid() -> Iterator[None]:
    """Blocking as it was before the grid: every report ungridded."""
    saved = block.report_cells
    block.report_cells = lambda report: None
    try:
        yield
    finally:
        block.report_cells = saved


def _relation(reports: list[Report]) -> dict[str, set[str]]:
    index = BlockIndex()
    for r in reports:
        index.add(r)
    return {r.uid: index.candidates(r) for r in reports}


def _joinable(a: Report, b: Report) -> bool:
    """What the fuser scores of a candidate pair: its windows overlap and its places are not apart."""
    assert a.date_lo and a.date_hi and b.date_lo and b.date_hi
    if a.date_hi < b.date_lo or b.date_hi < a.date_lo:
        return False
    return not (a.precise and b.precise and places_apart(a.precise, b.precise))


def _check(reports: list[Report]) -> tuple[int, int]:
    """The grid's relation is symmetric, within the old one, and keeps every joinable pair of it."""
    new = _relation(reports)
    with _no_grid():
        old = _relation(reports)
    by_uid = {r.uid: r for r in reports}
    kept = 0
    for a, b in itertools.combinations(reports, 2):
        met = b.uid in new[a.uid]
        assert met == (a.uid in new[b.uid]), (a.uid, b.uid)  # symmetric
        assert not met or b.uid in old[a.uid]  # never a pair blocking did not offer before
        if b.uid in old[a.uid] and _joinable(by_uid[a.uid], by_uid[b.uid]):
            assert met, (
                a.places,
                b.places,
                km(a.precise[0], b.precise[0]) if a.precise and b.precise else None,
            )
            kept += 1
    return kept, sum(len(v) for v in new.values()) // 2


def test_grid_cells_of_a_point_and_the_points_it_leaves_out() -> None:
    assert cell(0.0, 0.0) == (0, 0)
    assert cell(CELL_DEG * 1.5, -LON_DEG * 0.5) == (1, round(360 / LON_DEG) - 1)  # west wraps
    assert cell(LAT_LIMIT + 0.01, 10.0) is None and cell(float("nan"), 1.0) is None
    assert cell(10.0, float("inf")) is None
    assert report_cells(_at(1, 36.2, 37.16)) is not None
    assert report_cells(_report(2, [_place(36.2, None)])) is None  # no longitude: never apart
    assert report_cells(_report(3, [_place(36.2, 37.16), _place(85.0, 10.0, n=1)])) is None  # one out
    assert report_cells(_report(4, [])) is None  # no place
    assert report_cells(_report(5, [_place(36.2, 37.16, "admin2")])) is None  # not precise: no radius rule
    assert report_cells(_report(6, [_place(36.2, 37.16, "country")])) is None


@pytest.mark.parametrize("row", [-600, -290, -1, 0, 1, 300, 500, 660])
def test_grid_near_is_symmetric_and_covers_the_reach(row: int) -> None:
    c = (row, 17)
    for other in near(c):
        assert c in near(other)
    assert lon_reach(row, row + 2) == lon_reach(row + 2, row)
    # the farthest a point of the cell's far edge may reach east, in cells, is within the reach
    lat = CELL_DEG * (row + 1 if row >= 0 else row)
    _, lon = _towards(lat, 17 * LON_DEG, 90.0, REACH_KM)
    got = cell(lat - (1e-9 if row >= 0 else -1e-9), lon)
    assert got is not None and got in near(c)


@pytest.mark.parametrize("lat", [0.0, 12.78, 35.0, 49.99, 62.0, 79.5, -34.6])
def test_grid_loses_no_pair_the_scorer_could_join_at_cell_borders(lat: float) -> None:
    """Towns on and beside cell borders, and towns just inside and just beyond a city's radius of
    them in every direction: each pair not apart by place still meets, both ways."""
    row_edge = math.floor(lat / CELL_DEG) * CELL_DEG
    col_edge = math.floor(40.0 / LON_DEG) * LON_DEG
    centres = [(row_edge + dy, col_edge + dx) for dy in (-1e-7, 0.0, 1e-7) for dx in (-1e-7, 0.0, 1e-7)]
    reports, n = [], 0
    for clat, clon in centres[::2]:
        reports.append(_at(n, clat, clon))
        n += 1
        for bearing in range(0, 360, 30):
            for dist in (4.9, 7.9, 24.9, 25.1, 26.5):
                plat, plon = _towards(clat, clon, bearing, dist)
                feature = "landmark" if dist < 5 else "neighbourhood" if dist < 8 else "city"
                reports.append(_at(n, plat, plon, feature))
                n += 1
    kept, met = _check(reports)
    assert kept > len(reports)  # pairs near enough to join exist, and were kept
    assert met < len(reports) * (len(reports) - 1) // 2  # ... and far pairs no longer meet


def test_grid_loses_no_pair_in_a_dense_random_country() -> None:
    """Random towns (several per report, some without coordinates), windows narrow and wide, a few
    reports placed at a province or nowhere: the relation is the old one less place-apart pairs."""
    rng = random.Random(13)
    reports: list[Report] = []
    for n in range(220):
        k = rng.choice((1, 1, 1, 2, 3))
        locs = [_place(35.5 + rng.uniform(-0.6, 0.6), 37.0 + rng.uniform(-0.6, 0.6),
                       rng.choice(("city", "city", "neighbourhood", "landmark")), n * 10 + j)
                for j in range(k)]  # fmt: skip
        roll = rng.random()
        if roll < 0.05:
            locs = []
        elif roll < 0.1:
            locs = [_place(35.5, 37.0, "admin1", n * 10)]
        elif roll < 0.13:
            locs.append(_place(35.5, None, "city", n * 10 + 9))  # one town without a longitude
        day = 1 + rng.randrange(6)
        when = (
            {"start": f"2020-03-{day:02d}", "end": f"2020-03-{day:02d}", "precision": "day", "text": "then"}
            if rng.random() < 0.8
            else {"start": "2020-03-01", "end": "2020-03-31", "precision": "month", "text": "in March"}
        )
        reports.append(_report(n, locs, date=when))
    kept, met = _check(reports)
    assert kept and met


def test_ungridded_reports_meet_what_they_met_before() -> None:
    """A report placed nowhere, at a country only, at a province, at a town without coordinates or
    beyond the grid's latitudes: its candidates, and who finds it, are as without the grid."""
    towns = [_at(i, 35.0 + 0.4 * i, 37.0 + 0.3 * i) for i in range(6)]
    others = [
        _report(100, []),
        _report(101, [_place(None, None, "country", 101)]),
        _report(102, [_place(35.2, 37.1, "admin1", 102)]),
        _report(103, [_place(35.2, None, "city", 103)]),
        _report(104, [_place(35.1, 37.0, "city", 104), _place(None, None, "country", 105)]),  # gridded
        _report(106, [], date=None, published="2020-03-02"),
        _report(107, [_place(35.4, 37.2, "city", 107)], date={"start": "2020-03-01", "end": "2020-03-31",
                                                            "precision": "month", "text": "in March"}),
    ]  # fmt: skip
    reports = towns + others
    new = _relation(reports)
    with _no_grid():
        old = _relation(reports)
    gridded = {r.uid for r in reports if report_cells(r) is not None}
    for r in reports:
        if r.uid not in gridded:
            assert new[r.uid] == old[r.uid]
        else:  # a gridded report still meets every ungridded one it met
            assert old[r.uid] - gridded <= new[r.uid]
    assert towns[0].uid not in new[towns[5].uid]  # 250 km apart: met before, not now
    assert towns[0].uid in old[towns[5].uid]


def test_grid_index_forgets_every_cell_key_it_filed() -> None:
    index = BlockIndex()
    month = {"start": "2020-03-01", "end": "2020-03-31", "precision": "month", "text": "in March"}
    rs = [
        _at(1, 36.2, 37.16),
        _at(2, 36.21, 37.17, date=None),
        _report(3, [_place(36.2, 37.16, n=3)], date=month),
    ]
    for r in rs:
        index.add(r)
    assert rs[1].uid in index.candidates(rs[0]) and rs[2].uid in index.candidates(rs[0])
    for r in rs:
        index.remove(r.uid)
    assert not (index._cell or index._cell_day or index._cell_wide or index._country)
    assert not (index._plain or index._plain_day or index._plain_wide) and len(index) == 0


def test_grid_fuses_as_the_country_index_would() -> None:
    """The same clusters, joins and ids with the grid as with every report ungridded."""
    rng = random.Random(5)
    reports = []
    for n in range(150):
        lat, lon = 35.5 + rng.choice((-0.35, 0.0, 0.35)), 37.0 + rng.choice((-0.35, 0.0, 0.35))
        jitter = rng.uniform(-0.05, 0.05)
        day = 1 + rng.randrange(4)
        reports.append(
            _at(n, lat + jitter, lon, outlet=f"Outlet {rng.randrange(4)}",
                date={"start": f"2020-03-{day:02d}", "end": f"2020-03-{day:02d}", "precision": "day",
                      "text": "then"})
        )  # fmt: skip

    def fused() -> tuple[list[Any], int]:
        f = Fuser()
        f.add(reports)
        return sorted((c.id, c.members, c.joins) for c in f.clusters.values()), f.compared

    with_grid, compared = fused()
    with _no_grid():
        without, compared_before = fused()
    assert with_grid == without
    assert compared < compared_before
