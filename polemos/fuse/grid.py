"""Spatial cells for blocking: two precisely placed reports meet only when their places are near.

``score.places_apart`` keeps two reports apart when both place their event precisely (a town, a
neighbourhood, a landmark, with coordinates) and no place of one lies within ``radius`` (at most
``REACH_KM``) of a place of the other. Such a report is filed under the latitude/longitude cells of
its precise places, and looks in the cells ``near`` them: every cell that can hold a point within
``REACH_KM`` of a point of its own cell. So two reports the scorer could join by place always meet,
and two towns of one country far apart are not even compared.

Cells are ``CELL_DEG`` of latitude high (about 13 km) and ``LON_DEG`` of longitude wide. How many
longitude cells are near widens with the latitude of the two rows (a degree of longitude shrinks
towards the poles); it is read from both rows, so the relation is symmetric. Longitude wraps at the
antimeridian. A place beyond ``LAT_LIMIT`` or without a valid latitude/longitude leaves its report
ungridded: it meets what it met before, through its country.
"""

from __future__ import annotations

import math
from functools import lru_cache

from polemos.fuse.report import PLACE_RADIUS_KM, PRECISE_FEATURES, Report
from polemos.fuse.score import EARTH_KM

# The farthest two precise places may be and still not be apart (the coarser one's radius), plus a
# kilometre for rounding: a cell is near when it may hold a point this close.
REACH_KM = max(PLACE_RADIUS_KM[f] for f in PRECISE_FEATURES) + 1.0
CELL_DEG = 0.12  # about 13.3 km of latitude
N_LON = round(360 / CELL_DEG)  # longitude cells around the globe (a whole number: it wraps)
LON_DEG = 360 / N_LON
LAT_LIMIT = 80.0  # beyond this, longitude cells are too narrow for the reach to stay small
# rows near a row: a great-circle distance is at least the arc between the two latitudes
LAT_REACH = math.ceil(math.degrees(REACH_KM / EARTH_KM) / CELL_DEG - 1e-9)
_HALF_CHORD = math.sin(REACH_KM / (2 * EARTH_KM))

Cell = tuple[int, int]  # (row, column)


def cell(lat: float, lon: float) -> Cell | None:
    """The cell of a point, or None for a point the grid leaves out (see ``LAT_LIMIT``)."""
    if not (math.isfinite(lat) and math.isfinite(lon)) or abs(lat) > LAT_LIMIT:
        return None
    return math.floor(lat / CELL_DEG), math.floor((lon % 360.0) / LON_DEG) % N_LON


def report_cells(report: Report) -> tuple[Cell, ...] | None:
    """The cells of a report's precise places, or None when the report is not gridded: it has no
    precise place, or one the grid leaves out (that place is compared with every place of its
    country, as before)."""
    if not report.precise:
        return None
    cells: set[Cell] = set()
    for p in report.precise:
        if p.lat is None or p.lon is None:
            return None
        c = cell(p.lat, p.lon)
        if c is None:
            return None
        cells.add(c)
    return tuple(sorted(cells))


@lru_cache(maxsize=4096)
def lon_reach(row_a: int, row_b: int) -> int:
    """How many longitude cells apart two points of these rows within ``REACH_KM`` may be.

    Haversine: ``sin²(dlat/2) + cos(lat_a)·cos(lat_b)·sin²(dlon/2) = sin²(d/2R)``, so
    ``sin(dlon/2) <= sin(d/2R) / cos(lat)`` at the row edge farthest from the equator."""
    edge = CELL_DEG * max(abs(row_a), abs(row_a + 1), abs(row_b), abs(row_b + 1))
    bound = _HALF_CHORD / math.cos(math.radians(min(edge, 90.0))) if edge < 90.0 else 2.0
    if bound >= 1.0:
        return N_LON
    dlon = math.degrees(2 * math.asin(bound))
    return min(N_LON, math.ceil(dlon / LON_DEG + 1e-9))


@lru_cache(maxsize=65536)
def near(c: Cell) -> tuple[Cell, ...]:
    """Every cell that may hold a point within ``REACH_KM`` of a point of ``c`` (``c`` included)."""
    row, col = c
    out: list[Cell] = []
    for r in range(row - LAT_REACH, row + LAT_REACH + 1):
        k = lon_reach(row, r)
        if 2 * k + 1 >= N_LON:
            out.extend((r, j) for j in range(N_LON))
        else:
            out.extend((r, (col + j) % N_LON) for j in range(-k, k + 1))
    return tuple(out)


@lru_cache(maxsize=65536)
def near_set(cells: tuple[Cell, ...]) -> frozenset[Cell]:
    """The cells near any of ``cells``."""
    return frozenset(n for c in cells for n in near(c))
