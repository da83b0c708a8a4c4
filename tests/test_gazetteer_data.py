"""The curated data files: every row has a source and valid fields (no index needed)."""

from polemos.resolve.gazetteer_build import _centre, supplement_rows
from polemos.resolve.places_demonyms import demonym_target, demonyms
from polemos.types import PLACE_FEATURES


def test_gazetteer_supplement_rows_have_sources_and_valid_fields():
    rows = list(supplement_rows())
    assert len(rows) > 50
    for row in rows:
        assert row["source"].strip(), row["name"]
        assert row["feature"] in PLACE_FEATURES, row["name"]
        if row["lat"]:
            assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row["name"]
        if row["country"]:
            assert len(row["country"]) == 2 and row["country"].isupper(), row["name"]


def test_gazetteer_supplement_has_conflict_places():
    names = {row["name"] for row in supplement_rows()}
    assert {
        "Eastern Ghouta",
        "Donbas",
        "Sinai",
        "Darfur",
        "Khmeimim Air Base",
        "Gaza Strip",
        "West Bank",
    } <= names


def test_places_demonyms_map_to_countries_and_regions():
    assert demonym_target("Syrian") == "SY"
    assert demonym_target("Americans") == "US"
    assert demonym_target("Iraqis") == "IQ"
    assert demonym_target("European") == "~Europe"
    assert demonym_target("Swiss") == "CH"
    assert demonym_target("Swisss") is None


def test_places_demonyms_table_is_capitalised():
    assert all(word[0].isupper() for word in demonyms())


def _grid(lat0: float, lon0: float, n: int, step: float) -> list[tuple[float, float]]:
    return [(lat0 + (i % 7) * step, lon0 + i * step) for i in range(n)]


def test_gazetteer_area_point_leaves_out_a_town_filed_far_away():
    towns = _grid(36.0, 113.5, 60, 0.1)  # a province spanning ~6 degrees of longitude
    lat, lon = _centre(towns + [(31.5, 88.0), (33.3, 90.8)])  # two villages of another region
    assert 116.0 < lon < 117.0
    assert 36.0 < lat < 36.7


def test_gazetteer_area_point_leaves_out_a_far_islet():
    coast = _grid(15.4, 107.2, 30, 0.05)
    assert _centre(coast + [(16.7, 112.5)])[1] < 108.2


def test_gazetteer_area_point_keeps_towns_that_thin_out_towards_an_edge():
    # denser in the south, a few towns spread over the north: no gap wider than half the rest
    towns = [(48.5 + i * 0.05, -123.0) for i in range(40)] + [(51.0 + i * 0.9, -124.0) for i in range(10)]
    lat, _ = _centre(towns)
    assert abs(lat - (48.5 + 51.0 + 9 * 0.9) / 2) < 1e-9


def test_gazetteer_area_point_of_a_few_towns_is_their_whole_range():
    assert _centre([(10.0, 10.0), (12.0, 30.0), (11.0, 11.0)]) == (11.0, 20.0)
