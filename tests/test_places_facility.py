"""Facilities, streets and small places the gazetteer lacks: recognised whole, placed approximately."""

import pytest
from test_places_recognize import found, nlp  # noqa: F401  (fixture)
from test_places_resolve import km, place, spans

from polemos.resolve.places import resolve_places
from polemos.resolve.places_facility import container_between, embedded_names, facility_kind


def test_facility_kind_from_the_head_word():
    assert facility_kind("Kingsley Road") == "road"
    assert facility_kind("Eglinton Avenue West") == "road"
    assert facility_kind("Cumberland St.") == "road"
    assert facility_kind("Altnagelvin Hospital") == "building"
    assert facility_kind("University of Perpetual Help") == "building"
    assert facility_kind("Hall County") is None
    assert facility_kind("Fort Worth") is None
    assert facility_kind("Hospital") is None


def test_embedded_names_skip_words_that_only_describe_the_building():
    assert embedded_names("Central Mental Hospital") == []
    assert embedded_names("Royal Derry Hospital") == ["Royal Derry"]


def test_embedded_names_before_the_head_and_after_of():
    assert embedded_names("Colchester General Hospital") == ["Colchester General", "Colchester"]
    assert "Nebraska" in embedded_names("University of Nebraska")
    assert embedded_names("University of Michigan Center")[-1] == "Michigan"
    assert "Michigan Center" not in embedded_names("University of Michigan Center")


def test_container_between_mentions():
    def between(text, left, right, **kw):
        a = text.index(left)
        b = text.index(right, a + len(left))
        return container_between(text, (a, a + len(left)), (b, b + len(right)), **kw)

    assert between("Collins Avenue in Miami Beach", "Avenue", "Miami", left_is_container=False)
    assert between("Rathbeggan, near Dunshaughlin", "Rathbeggan", "Duns", left_is_container=False)
    assert between("Derry’s Altnagelvin Hospital", "Derry", "Altnagelvin", left_is_container=True)
    assert not between("Paris and Lyon", "Paris", "Lyon", left_is_container=False)
    assert between("Hedmark, Oppland.", "Hedmark", "Oppland", left_is_container=False)
    assert not between("Hedmark, Oppland, Vest-Agder", "Hedmark", "Oppland", left_is_container=False)


@pytest.mark.slow
def test_facility_names_are_recognised_whole(nlp):  # noqa: F811
    got = found(
        nlp, "Police said the dogs were taken from a farm along Kingsley Road in Fredericton last week."
    )
    assert "Kingsley Road" in got and "Kingsley" not in got
    got = found(nlp, "He was treated at the Alder Hey Children's Hospital on Monday, officials said.")
    assert "Alder Hey Children's Hospital" in got
    got = found(nlp, "The parade went down Main Street in Fort Worth before noon.")
    assert "Fort Worth" in got


@pytest.mark.slow
def test_facility_is_placed_in_the_town_the_text_names():
    text = "The museum is opening on Collins Avenue in Miami Beach with plenty to see."
    refs = resolve_places(text, spans(text, "Collins Avenue", "Miami Beach"))
    avenue = place(refs, "Collins Avenue")
    assert avenue.status == "approximate" and avenue.precision == "near"
    assert avenue.within == "Miami Beach" and avenue.geonameid is None and avenue.name is None
    assert km(avenue, 25.79, -80.13) < 20


@pytest.mark.slow
def test_building_is_placed_by_the_town_its_name_carries():
    text = "Patients at Colchester General Hospital waited for hours, a Colchester councillor said."
    refs = resolve_places(text, spans(text, "Colchester General Hospital", "Colchester"))
    hospital = place(refs, "Colchester General Hospital")
    assert hospital.status == "approximate" and hospital.within == "Colchester" and hospital.country == "GB"
    text = "He was treated at Derry’s Altnagelvin Hospital, near Derry in Northern Ireland."
    refs = resolve_places(text, spans(text, "Derry’s Altnagelvin Hospital", "Derry", "Northern Ireland"))
    assert place(refs, "Derry’s Altnagelvin Hospital").within == "Derry"


@pytest.mark.slow
def test_building_named_after_an_unconfirmed_small_town_is_not_put_there():
    text = "The dogs were taken from Wilson's Farm near Fredericton, New Brunswick."
    refs = resolve_places(text, spans(text, "Wilson's Farm", "Fredericton", "New Brunswick"))
    farm = place(refs, "Wilson's Farm")
    assert farm.within == "Fredericton" and farm.country == "CA"


@pytest.mark.slow
def test_street_in_a_local_story_is_in_its_town():
    text = "Firefighters in Tacoma were called to a house on Elm Street late on Friday."
    refs = resolve_places(text, spans(text, "Tacoma", "Elm Street"))
    street = place(refs, "Elm Street")
    assert street.status == "approximate" and street.within == "Tacoma"


@pytest.mark.slow
def test_unknown_name_without_a_container_stays_unresolved():
    text = "Zorblatt Grove was quiet on Sunday."
    refs = resolve_places(text, spans(text, "Zorblatt Grove"))
    assert refs[0].status == "unresolved" and refs[0].lat is None


@pytest.mark.slow
def test_road_numbers_after_the_are_roads(nlp):  # noqa: F811
    got = found(nlp, "The A417 heading south will close; the diversion runs via the A436, A40 and A429.")
    assert {"A417", "A436", "A40", "A429"} <= set(got)
    got = found(nlp, "The airline flies the A380 aircraft to Dubai.")
    assert "A380" not in got


@pytest.mark.slow
def test_road_number_is_placed_in_the_story_town():
    text = "The A417 from the roundabout to Cirencester will close from 8pm."
    refs = resolve_places(text, spans(text, "A417", "Cirencester"))
    road = place(refs, "A417")
    assert road.status == "approximate" and road.within == "Cirencester" and road.country == "GB"


@pytest.mark.slow
def test_building_named_after_a_town_in_a_named_area():
    text = "A campus opened at Derry’s Altnagelvin Hospital. It is the first of its kind in Northern Ireland."
    refs = resolve_places(text, spans(text, "Derry’s Altnagelvin Hospital", "Northern Ireland"))
    hospital = place(refs, "Derry’s Altnagelvin Hospital")
    assert hospital.within == "Derry" and hospital.country == "GB"


@pytest.mark.slow
def test_facility_is_placed_in_the_area_the_article_names_before_a_stray_town():
    text = (
        "A campus opened at Derry’s Altnagelvin Hospital in Northern Ireland. Actor Adrian Dunbar, "
        "said the Macmillan Support Centre helps. Adrian Dunbar praised it."
    )
    names = ("Derry’s Altnagelvin Hospital", "Northern Ireland", "Adrian", "Macmillan Support Centre")
    refs = resolve_places(text, spans(text, *names))
    centre = place(refs, "Macmillan Support Centre")
    assert centre.within == "Derry" and centre.country == "GB"


@pytest.mark.slow
def test_name_before_a_lower_case_facility_word_is_a_facility(nlp):  # noqa: F811
    got = found(nlp, "The road from the Air Balloon roundabout to Cirencester will close at 8pm.")
    assert "Air Balloon roundabout" in got
    got = found(nlp, "The benefit is on April 24 at Seasons restaurant in Paterson.")
    assert "Seasons restaurant" in got
    assert "the road" not in found(nlp, "They drove to the junction and waited.")


@pytest.mark.slow
def test_red_crescent_is_no_street(nlp):  # noqa: F811
    got = found(nlp, "Aid was delivered by the Syrian Arab Red Crescent to Douma.")
    assert got.get("Syrian") is True and not any("Crescent" in name for name in got)
    assert facility_kind("Syrian Arab Red Crescent") is None
