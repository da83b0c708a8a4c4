"""An unplaced village takes the country and admin1 area its event's other places agree on
(``polemos.extraction._area_for_villages``), never a party's inferred country."""

from __future__ import annotations

from polemos.extraction import _area_for_villages
from polemos.extraction.resolved import Resolved
from polemos.types import PlaceRef


class _R:
    def __init__(self, locations: list[PlaceRef]) -> None:
        self.locations = locations


def _village() -> PlaceRef:
    return PlaceRef(text="Xyzabad", start=0, end=7)


def _area(name: str, cc: str, feature: str = "admin1", status: str = "resolved") -> PlaceRef:
    return PlaceRef(text=name, start=20, end=20 + len(name), name=name, lat=1.0, lon=2.0, country=cc,
                    admin1=name if feature == "admin1" else None, feature=feature, status=status)  # fmt: skip


def _run(locs: list[PlaceRef]) -> PlaceRef:
    r = _R(locs)
    _area_for_villages(r)  # type: ignore[arg-type]
    return r.locations[0]


def test_admin1_and_country_from_the_named_area():
    v = _run([_village(), _area("Aleppo", "SY")])
    assert (v.country, v.admin1, v.lat, v.status) == ("SY", "Aleppo", None, "unresolved")


def test_country_only_from_a_named_country_or_town():
    assert _run([_village(), _area("Central African Republic", "CF", "country")]).country == "CF"
    town = _area("Manbij", "SY", "city")
    v = _run([_village(), town])
    assert (v.country, v.admin1) == ("SY", None)  # a town's admin1 is not the village's


def test_nothing_from_an_inferred_country_or_two_countries():
    assert _run([_village(), _area("British", "GB", "country", "inferred")]).country is None
    assert _run([_village(), _area("Aleppo", "SY"), _area("Kirkuk", "IQ")]).country is None


def test_resolved_type_has_locations():
    assert "locations" in Resolved.__dataclass_fields__


def _run_story(locs: list[PlaceRef], story: str | None) -> PlaceRef:
    r = _R(locs)
    _area_for_villages(r, story)  # type: ignore[arg-type]
    return r.locations[0]


def _placed_village(cc: str, admin1: str | None = None) -> PlaceRef:
    # "the village of Xyzabad in Niger's Tillaberi region": the text already put it in a country
    return PlaceRef(text="Xyzabad", start=0, end=7, country=cc, admin1=admin1)


def test_a_village_put_in_a_country_takes_that_country_s_named_admin1():
    v = _run([_placed_village("NE"), _area("Niger", "NE", "country"), _area("Tillaberi", "NE")])
    assert (v.country, v.admin1, v.lat, v.status) == ("NE", "Tillaberi", None, "unresolved")
    v = _run([_placed_village("CD"), _area("North Kivu", "CD")])
    assert (v.country, v.admin1) == ("CD", "North Kivu")


def test_a_village_keeps_its_own_country_and_admin1():
    # another country's area named by the event is not the village's
    v = _run([_placed_village("ML"), _area("Tillaberi", "NE")])
    assert (v.country, v.admin1) == ("ML", None)
    # an admin1 the text gave it stays
    v = _run([_placed_village("NE", "Dosso"), _area("Tillaberi", "NE")])
    assert (v.country, v.admin1) == ("NE", "Dosso")


def test_the_story_s_country_when_the_event_names_none():
    # "Armed men killed 14 people in Xyzabad. Burkina Faso's government said …": the event's only
    # country is inferred; the story is about Burkina Faso
    v = _run_story([_village(), _area("Burkina Faso", "BF", "country", "inferred")], "BF")
    assert (v.country, v.admin1, v.lat) == ("BF", None, None)
    assert _run_story([_village()], "HT").country == "HT"
    assert _run_story([_village()], None).country is None


def test_the_story_s_country_never_overrides_the_event_s_own_places():
    v = _run_story([_village(), _area("Aleppo", "SY")], "IQ")
    assert (v.country, v.admin1) == ("SY", "Aleppo")
    assert _run_story([_village(), _area("Aleppo", "SY"), _area("Kirkuk", "IQ")], "IQ").country is None


def test_story_country_needs_a_clear_lead():
    from polemos.extraction import story_country

    bf = _area("Burkina Faso", "BF", "country")
    ml = _area("Mali", "ML", "country")
    assert story_country([bf]) == "BF"
    assert story_country([bf, bf, ml]) == "BF"
    assert story_country([bf, ml]) is None
    assert story_country([]) is None
    # a demonym or a place without a point does not count
    demonym = PlaceRef(text="Malian", start=0, end=6, country="ML", demonym=True, lat=1.0, lon=1.0)
    assert story_country([bf, demonym, demonym]) == "BF"
    assert story_country([PlaceRef(text="Xyzabad", start=0, end=7, country="ML")]) is None


def test_the_story_s_country_not_against_the_event_s_inferred_one():
    # a story told from Washington about "US-backed SDF fighters … on the Euphrates": the parties say Syria
    v = _run_story([_village(), _area("SDF", "SY", "country", "inferred")], "US")
    assert v.country is None
