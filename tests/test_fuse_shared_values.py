"""Values a store's reports repeat are one object each (places, figures, parties' sets), and
reading them so says what reading each afresh says (hand-made reports): the shared places and
figures equal the plain ones, keep the type of each number, and a value that cannot be a key is
still read; the block index files and finds a report as before."""

from __future__ import annotations

from typing import Any

from fuse_helpers import event

from polemos.fuse import Fuser, report_from_record
from polemos.fuse.block import BlockIndex
from polemos.fuse.report import Figure, _figures, _place, _places
from polemos.fuse.score import _parties


def _loc(name: str, lat: Any = 36.2, lon: Any = 37.16, **extra: Any) -> dict[str, Any]:
    return {"text": name, "name": name, "geonameid": None, "lat": lat, "lon": lon, "country": "SY",
            "admin1": None, "feature": "city", **extra}  # fmt: skip


LOCATION_LISTS = [
    [_loc("Aleppo")],
    [_loc("Aleppo"), _loc("Idlib", 35.93, 36.63)],
    [_loc("Zimako", None, None, feature=None)],  # a village the gazetteer lacks
    [_loc("Syrian", demonym=True), _loc("Homs", 34.73, 36.72)],  # a demonym is no place
    [{"text": "", "name": None}],  # no name: no place
    [_loc("Mosul", 36, 43, geonameid=99)],  # whole numbers where floats are usual
]


def test_shared_places_are_the_places_read_one_by_one() -> None:
    for locations in LOCATION_LISTS:
        plain = tuple(p for p in (_place(loc) for loc in locations) if p is not None)
        assert _places(locations) == plain
        assert _places([dict(loc) for loc in locations]) is _places(locations)  # one object


def test_a_whole_number_and_a_float_are_different_places() -> None:
    whole, real = _places([_loc("Gao", 16, 0)]), _places([_loc("Gao", 16.0, 0.0)])
    assert type(whole[0].lat) is int and type(real[0].lat) is float
    assert whole is not real


def test_a_place_value_that_cannot_be_a_key_is_still_read() -> None:
    odd = [_loc("Aleppo", admin1=["Aleppo Governorate"])]  # a list where a name should be
    assert _places(odd) == (_place(odd[0]),)


def test_shared_figures_are_the_figures_given() -> None:
    counts = {"killed": {"low": 3, "best": 4, "high": None, "text": "four"}, "injured": None,
              "size": {"low": None, "best": None, "high": None}}  # fmt: skip
    assert _figures(counts) == (Figure("killed", 3, 4, None, "four"),)
    assert _figures({k: dict(v) if v else v for k, v in counts.items()}) is _figures(counts)
    assert _figures({}) == _figures(None) == _figures({"killed": None}) == ()
    assert _figures({"killed": {"best": 2.0}})[0].best.__class__ is float  # 2.0 is not 2
    assert _figures({"killed": {"best": 2}})[0].best.__class__ is int
    odd = {"killed": {"best": 5, "text": ["five"]}}  # a text that cannot be a key
    assert _figures(odd) == (Figure("killed", None, 5, None, ["five"]),)  # type: ignore[arg-type]


def test_parties_sets_are_shared_and_read_once() -> None:
    a = report_from_record(event("a", "Rebels shelled Aleppo on Sunday.", places=("Aleppo",)))
    b = report_from_record(event("b", "Gunmen raided a village near Aleppo.", places=("Aleppo",)))
    assert _parties(a) == _parties(b) == frozenset()
    assert _parties(a) is _parties(b)  # the one empty set


def test_a_report_removed_and_added_again_is_found_as_before() -> None:
    reports = [
        report_from_record(event(f"e{i}", f"Rebels shelled Aleppo, killing {i}.", places=("Aleppo",)))
        for i in range(40)  # more than a small bucket holds: tuples become sets
    ]
    index = BlockIndex()
    for r in reports:
        index.add(r)
    before = {r.uid: index.candidates(r) for r in reports}
    index.remove(reports[3].uid)
    assert all(reports[3].uid not in index.candidates(r) for r in reports if r is not reports[3])
    index.add(reports[3])
    index.add(reports[3])  # twice: filed once
    assert {r.uid: index.candidates(r) for r in reports} == before
    assert before[reports[0].uid] == {r.uid for r in reports[1:]}


def test_a_report_re_ingested_changed_fuses_as_a_fresh_one() -> None:
    a = event("a", "Rebels shelled Aleppo on Sunday, killing three.", places=("Aleppo",))
    b = event("b", "Rebels shelled Aleppo on Sunday; three were killed.", places=("Aleppo",))
    fuser = Fuser()
    fuser.add([report_from_record(a), report_from_record(b)])
    fresh = Fuser()
    changed = {**b, "evidence": {**b["evidence"], "text": "Protesters marched in Kabul."}}
    fuser.add([report_from_record(changed)])
    fresh.add([report_from_record(a), report_from_record(changed)])
    assert sorted(c.members for c in fuser.clusters.values()) == sorted(
        c.members for c in fresh.clusters.values()
    )
