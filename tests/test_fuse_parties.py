"""A named party both texts mention, by any of its aliases, is evidence specific to one incident."""

from __future__ import annotations

from fuse_helpers import event, reports

from polemos.fuse import THRESHOLD, pair
from polemos.fuse.text import parties

NOTHING_SPECIFIC = "nothing specific to one incident"


def _country_only(text: str, **kw: object) -> dict:
    rec = event(text=text, **kw)  # type: ignore[arg-type]
    rec["locations"] = [
        {"text": "Mali", "name": "Mali", "geonameid": 2453866, "lat": 17.0, "lon": -4.0, "country": "ML",
         "admin1": None, "feature": "country", "start": None, "end": None}
    ]  # fmt: skip
    return rec


def test_aliases_and_case_meet() -> None:
    assert parties("UN peacekeeper killed") & parties("ATTACK ON UNITED NATIONS CONVOY")
    assert parties("Boko Haram fighters raid a village") == parties("an attack by BOKO HARAM")
    assert parties("Hayyaat Tahrir al-Sham takes a crossing") & parties("Tahrir Al-Sham seizes towns")


def test_a_countrys_forces_and_people_are_not_parties() -> None:
    for text in ("Malian soldiers killed", "the army shelled the town", "police fired on protesters"):
        assert not parties(text), text


def test_a_party_named_in_both_headlines_ties_two_outlets() -> None:
    base = dict(outlet="Reuters", published="2021-01-15")
    other = dict(outlet="AFP", published="2021-01-16")
    for first, second in [
        ("Rebels kill a UN peacekeeper", "SECRETARY-GENERAL CONDEMNS DEADLY ATTACK ON UNITED NATIONS CONVOY"),
        ("Boko Haram gunmen storm an army post", "Soldiers die as BOKO HARAM raids a base"),
        ("Gunmen loyal to al-Shabaab ambush a convoy", "Al Shabaab claims roadside ambush"),
    ]:
        a, b = reports(_country_only(first, article="a", **base), _country_only(second, article="b", **other))
        p = pair(a, b)
        assert NOTHING_SPECIFIC not in p.reasons, (first, second, p)
        assert any(r.startswith("named in both") for r in p.reasons), p
        assert p.score >= THRESHOLD, p


def test_different_parties_give_nothing() -> None:
    base = dict(outlet="Reuters", published="2021-01-15")
    other = dict(outlet="AFP", published="2021-01-16")
    p = pair(
        *reports(
            _country_only("Boko Haram gunmen storm an army post", article="a", **base),
            _country_only("Al Shabaab claims roadside ambush", article="b", **other),
        )
    )
    assert p.score < THRESHOLD
    assert NOTHING_SPECIFIC in p.reasons
