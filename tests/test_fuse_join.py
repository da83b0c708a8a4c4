"""A report tied by an edge to one member of a cluster joins it when its average link to all of them
is at least MIN_AVERAGE (0.15): one incident's stories need not all share words."""

from __future__ import annotations

from fuse_helpers import event, reports

from polemos.fuse.cluster import MIN_AVERAGE, Fuser


def _country_only(rec: dict) -> dict:
    rec["locations"] = [
        {"text": "Nigeria", "name": "Nigeria", "geonameid": 2328926, "lat": 10.0, "lon": 8.0, "country": "NG",
         "admin1": None, "feature": "country", "start": None, "end": None}
    ]  # fmt: skip
    return rec


CASES = [
    ("Boko Haram gunmen kill 12 villagers", 12, "Eleven people die in a night attack", 11,
     "Boko Haram fighters seize the village after the raid"),
    ("ISWAP fighters kill 9 farmers", 9, "Ten dead as gunmen strike", 10,
     "ISWAP takes control of the farms it attacked"),
    ("Ansaru militants kill 20 travellers", 20, "About 18 passengers shot dead on a highway", 18,
     "Ansaru holds the highway after its ambush"),
]  # fmt: skip


def _three(first: str, k1: int, second: str, k2: int, third: str) -> list:
    return reports(
        _country_only(event("a", first, killed=(k1, k1, k1), outlet="Reuters", published="2017-03-01")),
        _country_only(event("b", second, killed=(k2, k2, k2), outlet="Monitor", published="2017-03-04")),
        _country_only(event("c", third, outlet="Monitor", published="2017-03-05", type="COERCE")),
    )


def test_a_toll_story_and_a_claim_tied_through_the_first_report_make_one_event() -> None:
    assert MIN_AVERAGE == 0.15
    for case in CASES:
        fuser = Fuser()
        fuser.add(_three(*case))
        assert sorted(len(c.members) for c in fuser.clusters.values()) == [3], case


def test_a_stricter_average_keeps_the_weakly_linked_report_out() -> None:
    for case in CASES:
        fuser = Fuser(min_average=0.2)
        fuser.add(_three(*case))
        assert sorted(len(c.members) for c in fuser.clusters.values()) == [1, 2], case
