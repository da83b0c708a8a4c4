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
