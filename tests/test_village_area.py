"""An unplaced village takes the country and admin1 area its event's other places agree on
(``polemos.extraction._area_for_villages``), never a party's inferred country."""

from __future__ import annotations

import pytest

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


# -- the far side of a border holds no village (no model) ----------------------------------------------


def _country_at(text: str, name: str, cc: str) -> PlaceRef:
    start = text.index(name)
    return PlaceRef(text=name, start=start, end=start + len(name), name=name, lat=1.0, lon=2.0, country=cc,
                    feature="country", precision="country", status="resolved")  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Jihadists attacked Xyzabad, a village near the border with Burkina Faso, killing five.",
        "Xyzabad, close to the frontier with Burkina Faso, was attacked on Tuesday.",
        "Gunmen raided Xyzabad, in a district bordering Burkina Faso.",
        "The attack on Xyzabad, near Mali's border with the Burkina Faso, killed five.",
    ],
)
def test_a_country_across_a_border_is_named_so(text: str) -> None:
    from polemos.extraction import across_a_border

    assert across_a_border(text, _country_at(text, "Burkina Faso", "BF"))


@pytest.mark.parametrize(
    "text",
    [
        "Jihadists attacked Xyzabad in Burkina Faso, killing five.",
        "Burkina Faso's army said the border was closed.",
        "Xyzabad, a village of Burkina Faso near the border, was attacked.",
    ],
)
def test_a_country_named_otherwise_is_not_across_a_border(text: str) -> None:
    from polemos.extraction import across_a_border

    assert not across_a_border(text, _country_at(text, "Burkina Faso", "BF"))


def test_the_far_side_of_a_border_lends_no_country_and_is_no_event_place() -> None:
    from polemos.extraction import _not_across_the_border

    text = "Jihadists attacked Xyzabad, a village near the border with Burkina Faso, killing five."
    bf = _country_at(text, "Burkina Faso", "BF")
    r = _R([PlaceRef(text="Xyzabad", start=19, end=26), bf])
    _area_for_villages(r, "ML", {(bf.start, bf.end)})  # type: ignore[arg-type]
    assert (r.locations[0].country, r.locations[0].lat) == ("ML", None)
    _not_across_the_border(r, {(bf.start, bf.end)})  # type: ignore[arg-type]
    assert [p.text for p in r.locations] == ["Xyzabad"]


def test_the_far_side_stays_when_nothing_else_places_the_event() -> None:
    from polemos.extraction import _not_across_the_border

    text = "Clashes broke out near the border with Burkina Faso."
    bf = _country_at(text, "Burkina Faso", "BF")
    r = _R([bf])
    _not_across_the_border(r, {(bf.start, bf.end)})  # type: ignore[arg-type]
    assert r.locations == [bf]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Attack in Mali\nSuspected jihadists attacked Sondoroua, a village near the border with Burkina "
        "Faso, killing five civilians on Tuesday, Mali's army said.",
        "Mali attack\nGunmen killed five civilians in Sondoroua, near the border with Burkina Faso, on "
        "Tuesday. Mali's government condemned the attack in Mali.",
    ],
)
def test_end_to_end_a_border_village_is_in_the_story_s_country(extract_text, text: str) -> None:
    record = extract_text(text, published="2021-01-04")
    located = [p for e in record["events"] for p in e["locations"] if p["text"] == "Sondoroua"]
    assert located, record["events"]
    assert all(p["country"] == "ML" and p["lat"] is None for p in located)
    assert not any(p["text"] == "Burkina Faso" for e in record["events"] for p in e["locations"])
