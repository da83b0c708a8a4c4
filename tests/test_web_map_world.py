"""The dashboard's world view in a real browser (headless Debian Chromium) over a store of events on
every inhabited continent: country shapes that cross the antimeridian drawn in one piece, nearby
places grouped into clusters that open; and the border-wrapping code on hand-made rings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_fixtures import LiveServer, browser, page, ready, settled, shoot  # noqa: F401  (fixtures)
from world_fixtures import TOWNS, world_url  # noqa: F401  (fixture)

from polemos.api import create_app

pytestmark = pytest.mark.slow
GEO_JS = Path(__file__).parent.parent / "polemos" / "web" / "static" / "geo.js"


@pytest.fixture
def world_site(world_url: str) -> Iterator[str]:  # noqa: F811
    with LiveServer(create_app(world_url)) as base:
        yield base


def shapes(page: Any) -> list[dict[str, Any]]:  # noqa: F811
    return page.locator("path.pm-country").evaluate_all(
        """ps => ps.map(p => { const b = p.getBoundingClientRect();
             return {name: p.dataset.name, pole: p.classList.contains('pm-pole'), left: b.left,
                     width: b.width, top: b.top}; })"""
    )


def in_view(page: Any) -> dict[str, int]:  # noqa: F811
    """Like ``shown``, counting only what lies inside the map's frame (once settled)."""
    settled(page)
    return page.evaluate(
        """() => { const r = document.getElementById('map').getBoundingClientRect();
             const inside = (e) => { const b = e.getBoundingClientRect(), x = b.left + b.width / 2,
                                           y = b.top + b.height / 2;
                                     return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom; };
             const cs = [...document.querySelectorAll('.pm-cluster')].filter(inside);
             return {markers: [...document.querySelectorAll('path.pm-marker')].filter(inside).length,
                     clusters: cs.length, clustered: cs.reduce((s, c) => s + Number(c.textContent), 0)}; }"""
    )


def world_view(page: Any, base: str) -> float:  # noqa: F811
    page.goto(base + "/")
    ready(page)
    page.wait_for_selector("#map[data-borders]")
    page.wait_for_function("() => document.querySelectorAll('path.pm-country').length > 200")
    assert int(page.locator("#map").get_attribute("data-zoom")) <= 2  # the whole world in view
    return float(page.evaluate("document.getElementById('map').clientWidth"))


def test_world_view_has_no_band_across_the_map(world_site: str, page: Any) -> None:  # noqa: F811
    width = world_view(page, world_site)
    drawn = shapes(page)
    assert len(drawn) > 200
    wide = [(s["name"], round(s["width"])) for s in drawn if not s["pole"] and s["width"] > width / 2]
    assert wide == []
    by_name = {s["name"]: s for s in drawn}
    world = page.evaluate("""() => { const m = document.getElementById('map').pmMap;
        return m.latLngToContainerPoint([0, 180]).x - m.latLngToContainerPoint([0, -180]).x; }""")
    # the shapes that cross 180° are whole and about as wide as the land is
    assert 0.40 * world < by_name["Russia"]["width"] < 0.50 * world  # 19.6°E to 169°W: ~0.45 of a turn
    assert by_name["Fiji"]["width"] < 0.02 * world
    assert by_name["United States of America"]["width"] < 0.40 * world  # the Aleutians beside Alaska
    assert by_name["New Zealand"]["width"] < 0.10 * world  # the Chatham and Kermadec Islands beside it
    # Antarctica goes round the pole: it spans the world's width, along the bottom, south of 60°S
    (pole,) = [s for s in drawn if s["pole"]]
    assert pole["name"] == "Antarctica"
    south = page.evaluate("""() => { const m = document.getElementById('map');
        return m.pmMap.latLngToContainerPoint([-60, 0]).y + m.getBoundingClientRect().top; }""")
    assert pole["top"] >= south - 1
    assert page.js_errors == []
    shoot(page, "dashboard-world")


def test_world_view_groups_nearby_places_into_clusters(world_site: str, page: Any) -> None:  # noqa: F811
    world_view(page, world_site)
    assert page.locator("#map").get_attribute("data-markers") == str(len(TOWNS))
    before = settled(page)
    # every place is on the map, drawn alone or counted in a cluster; the Sahel and Syria group
    assert before["clusters"] >= 2 and before["markers"] + before["clustered"] == len(TOWNS)
    # a click on a cluster zooms in to its places: they come apart (alone, or in smaller clusters), and
    # a click on a smaller one goes on until every place of it is drawn alone
    want = max(int(n) for n in page.locator(".pm-cluster").all_text_contents())
    for _ in range(6):
        zoom = int(page.locator("#map").get_attribute("data-zoom"))
        counts = [int(n) for n in page.locator(".pm-cluster").all_text_contents()]
        if not counts:
            break
        page.locator(".pm-cluster").nth(counts.index(max(counts))).click()
        page.wait_for_function(f"() => Number(document.getElementById('map').dataset.zoom) > {zoom}")
        inside = in_view(page)
        assert inside["clusters"] + inside["markers"] >= 2
        assert inside["markers"] + inside["clustered"] >= max(counts)
    assert in_view(page)["clusters"] == 0 and in_view(page)["markers"] >= min(want, 3)
    assert page.js_errors == []


def test_cluster_size_grows_with_deaths(world_site: str, page: Any) -> None:  # noqa: F811
    world_view(page, world_site)
    settled(page)
    clusters = page.locator(".pm-cluster").evaluate_all(
        "cs => cs.map(c => [c.querySelector('span').title, c.getBoundingClientRect().width])"
    )
    assert len(clusters) >= 2 and all("killed" in t and "click to open" in t for t, _ in clusters)
    killed = [int(t.split(" · ")[1].split()[0]) for t, _ in clusters]
    by_deaths = [w for _, w in sorted(zip(killed, (w for _, w in clusters), strict=True))]
    assert by_deaths == sorted(by_deaths) and by_deaths[0] < by_deaths[-1]


# ------------------------------------------------------------------ static/geo.js on hand-made rings


@pytest.fixture
def geo(page: Any) -> Any:  # noqa: F811
    page.set_content("<!doctype html><html><body></body></html>")
    page.add_script_tag(path=str(GEO_JS))
    return page


@pytest.mark.parametrize(
    ("ring", "lo", "hi"),
    [
        ([[179, 0], [-179, 0], [-179, 1], [179, 1], [179, 0]], 179, 181),  # east to west over 180°
        ([[-179.5, 10], [179.5, 10], [179.5, 11], [-179.5, 11], [-179.5, 10]], -180.5, -179.5),  # west first
        ([[170, 60], [-170, 62], [-175, 65], [175, 64], [170, 60]], 170, 190),  # a longer piece, two jumps
        ([[10, 0], [20, 0], [20, 5], [10, 0]], 10, 20),  # nowhere near 180°: unchanged
    ],
)
def test_geo_unwrap_takes_the_short_way(geo: Any, ring: list[list[float]], lo: float, hi: float) -> None:
    got = geo.evaluate("r => PMGeo.extent(PMGeo.unwrapRing(r))", ring)
    assert got == [lo, hi]


def test_geo_ring_round_the_south_pole_is_closed_along_it(geo: Any) -> None:
    ring = [[-180, -70], [-90, -75], [0, -68], [90, -72], [179, -70]]
    got = geo.evaluate("r => PMGeo.closeAroundPole(PMGeo.unwrapRing(r))", ring)
    assert got["pole"] is True
    assert got["ring"][-3:] == [[179, -90], [-180, -90], [-180, -70]]


def test_geo_ring_round_the_north_pole_is_closed_along_it(geo: Any) -> None:
    ring = [[0, 80], [120, 82], [-120, 81], [-10, 80]]  # 0 → 120 → 240 → 350: once round
    got = geo.evaluate("r => PMGeo.closeAroundPole(PMGeo.unwrapRing(r))", ring)
    assert got["pole"] is True and got["ring"][-2][1] == 90


def test_geo_closed_ring_is_not_a_pole_ring(geo: Any) -> None:
    got = geo.evaluate(
        "r => PMGeo.closeAroundPole(PMGeo.unwrapRing(r)).pole", [[0, 0], [5, 0], [5, 5], [0, 0]]
    )
    assert got is False


@pytest.mark.parametrize(
    ("polygons", "wanted"),
    [
        # a big polygon at 100°E and a small one just west of 180° (Chukotka): the small one moves east
        (
            [
                [[[20, 50], [170, 50], [170, 70], [20, 70], [20, 50]]],
                [[[-179, 65], [-170, 65], [-170, 66], [-179, 65]]],
            ],
            [[20, 170], [181, 190]],
        ),
        # a big polygon at 100°W and islands at 178°E (the Aleutians): the islands move west
        (
            [
                [[[-120, 30], [-80, 30], [-80, 45], [-120, 30]]],
                [[[177, 52], [179, 52], [179, 53], [177, 52]]],
            ],
            [[-120, -80], [-183, -181]],
        ),
        # a country all in one hemisphere keeps its longitudes
        (
            [[[[10, 0], [20, 0], [20, 5], [10, 0]]], [[[30, 0], [31, 0], [31, 1], [30, 0]]]],
            [[10, 20], [30, 31]],
        ),
    ],
)
def test_geo_places_islands_beside_the_mainland(geo: Any, polygons: Any, wanted: Any) -> None:
    got = geo.evaluate("ps => PMGeo.placePolygons(ps).polygons.map(p => PMGeo.extent(p[0]))", polygons)
    assert got == wanted
