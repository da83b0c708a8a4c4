"""The compiled index: built from the registry packages + supplement, queried in place (slow: builds it)."""

import pytest

from polemos.resolve.gazetteer import data_version, gazetteer_path, open_gazetteer

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def g():
    return open_gazetteer()


def test_gazetteer_index_is_versioned_in_the_cache(g):
    assert g.path == gazetteer_path()
    assert data_version() in g.path.name


@pytest.mark.parametrize("spelling", ["Darayya", "Daraya", "Dārayyā", "Darayyah"])
def test_gazetteer_index_finds_alternate_spellings(g, spelling):
    assert 170892 in {p.id for p in g.find(spelling)}


def test_gazetteer_index_finds_names_without_the_arabic_article(g):
    assert 79415 in {p.id for p in g.find("Hudaydah")}  # Al Ḩudaydah


def test_gazetteer_index_has_the_supplement(g):
    ghouta = g.find("Eastern Ghouta")
    assert ghouta and ghouta[0].feature == "region" and ghouta[0].cc == "SY"
    assert g.find("Hmeimim")[0].feature == "landmark"


def test_gazetteer_index_admin1_has_a_point_and_english_name(g):
    aleppo = [p for p in g.find("Aleppo") if p.feature == "admin1"]
    assert aleppo and aleppo[0].admin1 == "Aleppo" and aleppo[0].lat is not None


def test_gazetteer_index_countries_have_points(g):
    us = g.country("US")
    assert us is not None and abs(us.lat - 39.76) < 0.1


def test_gazetteer_index_acronyms_are_case_sensitive(g):
    assert g.lookup("=US")[0].cc == "US"
    assert not [p for p in g.lookup("it") if p.feature == "country"]  # "It" is not Italy


def test_gazetteer_index_marks_capitals(g):
    assert any(p.capital and p.cc == "SY" for p in g.find("Damascus"))


def test_gazetteer_index_reads_dotted_initials_joined(g):
    assert {p.cc for p in g.find("U.S. Virgin Islands")} == {"VI"}


def test_gazetteer_index_countries_without_a_listed_point_get_one(g):
    kosovo = g.find("Kosovo")[0]
    assert kosovo.feature == "country" and kosovo.lat is not None and kosovo.lon is not None


def test_gazetteer_index_knows_english_county_short_forms(g):
    assert [p.name for p in g.find("Herts")] == ["Hertfordshire"]
