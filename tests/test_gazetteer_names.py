"""Name keys: folding, Arabic articles, area words, transliteration skeletons (no index needed)."""

import pytest

from polemos.resolve.gazetteer_names import fold, is_latin, skeleton, strip_area_word, strip_article


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Dārayyā", "darayya"),
        ("‘Ayn al ‘Arab", "ayn al arab"),
        ("Al Ḩudaydah", "al hudaydah"),
        ("Ţarţūs", "tartus"),
        ("Deir ez-Zor", "deir ez zor"),
        ("St. John's", "st johns"),
    ],
)
def test_gazetteer_names_fold_makes_ascii_keys(name, key):
    assert fold(name) == key


@pytest.mark.parametrize(
    ("key", "bare"),
    [
        ("al hasakah", "hasakah"),
        ("ar raqqah", "raqqah"),
        ("as suwayda", "suwayda"),
        ("el arish", "arish"),
        ("ash shaykh maskin", "shaykh maskin"),
        ("aleppo", "aleppo"),
    ],
)
def test_gazetteer_names_strip_article_drops_arabic_article(key, bare):
    assert strip_article(key) == bare


def test_gazetteer_names_strip_article_keeps_short_rest():
    assert strip_article("al ai") == "al ai"


def test_gazetteer_names_strip_area_word():
    assert strip_area_word("idlib province") == "idlib"
    assert strip_area_word("harris county") == "harris"
    assert strip_area_word("idlib") == "idlib"


@pytest.mark.parametrize(
    ("a", "b"),
    [("jableh", "jablah"), ("darayya", "daraya"), ("hodeidah", "hudaydah"), ("al hudaydah", "hodeidah")],
)
def test_gazetteer_names_skeleton_survives_transliteration(a, b):
    assert skeleton(a) == skeleton(b)


def test_gazetteer_names_skeleton_tells_different_names_apart():
    assert skeleton("homs") != skeleton("hama")


def test_gazetteer_names_is_latin():
    assert is_latin("Dārayyā")
    assert not is_latin("داريا")
    assert not is_latin("Алеппо")


def test_gazetteer_names_skeleton_reads_an_inner_article_as_al():
    # sun-letter assimilation: "an Nu'man" and "al-Numan" are one article
    assert skeleton(fold("Ma`arrat an Nu`man")) == skeleton(fold("Maarat al-Numan"))


def test_gazetteer_names_skeletons_only_for_countries_written_in_another_script():
    from polemos.resolve.gazetteer_build import _Writer

    w = _Writer(None)  # type: ignore[arg-type]  # keys are collected in memory; nothing is written
    w.place(1, "Harittu", 60.0, 25.0, "FI", None, None, "city", 3870)
    w.place(2, "Jablah", 35.36, 35.93, "SY", None, None, "city", 65915)
    w.key("Harittu", 1, 0)
    w.key("Jablah", 2, 0)
    assert {pid for _, pid in w.skels} == {2}  # Finnish names are not transliterated: no drift
    assert ("harittu", 1) in w.names  # the exact name is still indexed


def test_gazetteer_names_non_latin_script_table_holds_iso_codes():
    from polemos.resolve.gazetteer_names import NON_LATIN_SCRIPT_COUNTRIES as table

    assert all(len(cc) == 2 and cc.isupper() for cc in table)
    assert {"SY", "IQ", "IR", "RU", "CN", "IL"} <= table
    assert not {"FI", "FR", "US", "TR", "AZ", "ES"} & table
