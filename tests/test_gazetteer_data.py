"""The curated data files: every row has a source and valid fields (no index needed)."""

from polemos.resolve.gazetteer_build import supplement_rows
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
