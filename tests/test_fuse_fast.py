"""The fast paths of fusion say what the plain rules say: ``is_apart`` is ``apart_reason``'s verdict,
``word_keys`` the keys ``word_weights`` weighs, a pair of two fresh reports is scored once."""

from __future__ import annotations

import itertools
from typing import Any

from polemos.fuse import Fuser, report_from_record
from polemos.fuse.report import Place
from polemos.fuse.score import apart_reason, is_apart, km, pair, pair_at_least, surely_farther
from polemos.fuse.text import word_keys, word_weights


def _record(n: int, **over: Any) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "id": f"ev{n}", "article_id": f"a{n}", "outlet": "Wire", "published": "2020-03-02",
        "type": "ASSAULT", "mode": None, "modality": "asserted",
        "actor": {"text": "rebels", "name": "rebels", "kind": "rebel"}, "target": None,
        "locations": [{"text": "Aleppo", "name": "Aleppo", "geonameid": 1, "lat": 36.2, "lon": 37.16,
                       "country": "SY", "admin1": "Aleppo", "feature": "city"}],
        "date": {"start": "2020-03-01", "end": "2020-03-01", "precision": "day", "text": "on Sunday"},
        "counts": {"killed": {"low": 3, "best": 3, "high": 3, "text": "three"}},
        "evidence": {"start": 0, "end": 40, "text": "Rebels shelled Aleppo on Sunday, killing three."},
        "mentions": [],
    }  # fmt: skip
    rec.update(over)
    return rec


HOMS = [{"text": "Homs", "name": "Homs", "geonameid": 2, "lat": 34.73, "lon": 36.72, "country": "SY",
         "admin1": "Homs", "feature": "city"}]  # fmt: skip
KABUL = [{"text": "Kabul", "name": "Kabul", "geonameid": 3, "lat": 34.53, "lon": 69.17, "country": "AF",
          "admin1": "Kabul", "feature": "city"}]  # fmt: skip
VILLAGE_A = {"text": "Kafr Awad", "name": "Kafr Awad", "country": "SY", "feature": None}
VILLAGE_B = {"text": "Tell Hamra", "name": "Tell Hamra", "country": "SY", "feature": None}
VARIANTS = [
    {},
    {"locations": HOMS},
    {"locations": KABUL},
    {"locations": []},
    {"type": "PROTEST"},
    {"type": "COERCE", "mode": "air-strike"},
    {"modality": "denied"},
    {"date": {"start": "2020-02-01", "end": "2020-02-01", "precision": "day", "text": "on 1 February"}},
    {"date": None, "published": "2020-03-09"},
    {"outlet": "Other Post"},
    {"outlet": "wire", "published": "2020-03-08", "date": None},
    {"target": {"text": "police", "name": "police", "kind": "police"}},
    {"locations": [VILLAGE_A]},
    {"locations": [VILLAGE_B, VILLAGE_A]},  # a whole and one of its parts
]


def _reports() -> list[Any]:
    out = []
    for i, v in enumerate(VARIANTS):
        out.append(report_from_record(_record(i, **v)))
        out.append(report_from_record(_record(100 + i, **v)))  # the same story again, another article
    out.append(report_from_record(_record(0, id="ev9")))  # another event of article a0
    return out


def test_is_apart_is_apart_reasons_verdict() -> None:
    reports = _reports()
    for a, b in itertools.product(reports, reports):
        assert is_apart(a, b) == (apart_reason(a, b) is not None), (a.uid, b.uid, apart_reason(a, b))


def test_pair_at_least_is_the_pair_or_certainly_below_its_floor() -> None:
    parties = [  # named parties in the texts, with and without a shared actor
        {"actor": {"text": "the UN", "name": None, "kind": None},
         "evidence": {"start": 0, "end": 30, "text": "The United Nations said shells hit Aleppo."}},
        {"actor": None, "mentions": [{"text": "UN officials said"}]},
    ]  # fmt: skip
    reports = _reports() + [report_from_record(_record(200 + i, **v)) for i, v in enumerate(parties)]
    skipped = 0
    for a, b in itertools.permutations(reports, 2):
        whole = pair(a, b)
        for floor in (0.0, 0.1, 0.2, 0.23, 0.33, 0.5, 0.9):
            found = pair_at_least(a, b, floor)
            if found is None:
                skipped += 1
                assert whole.score < floor, (a.uid, b.uid, floor)
            else:
                assert found == whole, (a.uid, b.uid, floor)
    assert skipped  # the floor does cut some pairs short


def test_latitude_bound_never_calls_near_places_far() -> None:
    def place(lat: float, lon: float) -> Place:
        return Place("p", None, lat, lon, "SY", None, "city", "k")

    here = [(36.2, 37.1), (0.0, 179.9), (89.9, 0.0), (-45.0, 10.0)]
    there = [(36.4, 37.1), (0.1, -179.9), (89.95, 180.0), (-44.6, 10.0)]
    for (la, lo), (lb, lob) in itertools.product(here, there):
        a, b = place(la, lo), place(lb, lob)
        d = km(a, b)
        assert d is not None
        for r in (5.0, 25.0, 80.0):
            if surely_farther(a, b, r):
                assert d > r
    # a latitude off the planet: no bound is claimed
    assert not surely_farther(place(200.0, 0.0), place(20.0, 0.0), 5.0)


def test_word_keys_are_the_weighed_words() -> None:
    for text in (
        "Rebels shelled Aleppo.",
        " Police said. The ISIS fighters",
        "l'armée a tiré à Gao",
        "",
        "a I",
    ):
        assert word_keys(text) == set(word_weights(text))


def test_first_word_is_no_name_even_after_a_space() -> None:
    # the first word opens a sentence wherever it starts; later capitals in mid-sentence are names
    for text in (" Shelling hit Aleppo", "\u201cShelling hit Aleppo", "  Shelling hit Aleppo"):
        w = word_weights(text)
        assert w["shelling"] < w["aleppo"]


def test_a_batch_scores_each_pair_once_and_fuses_as_one_at_a_time() -> None:
    reports = _reports()
    together, alone = Fuser(), Fuser()
    together.add(reports)
    for r in reports:
        alone.add([r])
    assert together.compared == alone.compared
    assert sorted(c.members for c in together.clusters.values()) == sorted(
        c.members for c in alone.clusters.values()
    )


def test_block_index_forgets_every_key_it_filed() -> None:
    from polemos.fuse.block import BlockIndex

    index = BlockIndex()
    placed = report_from_record(_record(1))
    unplaced = report_from_record(_record(2, locations=[]))
    undated = report_from_record(_record(3, locations=[], date=None, published=None))
    for r in (placed, unplaced, undated):
        index.add(r)
    assert placed.uid in index.candidates(unplaced) and unplaced.uid in index.candidates(placed)
    assert len(index) == 3
    for r in (placed, unplaced, undated):
        index.remove(r.uid)
        index.remove(r.uid)  # twice: nothing left to forget
    assert len(index) == 0
    assert not (index._country or index._names or index._names_nowhere or index._days or index._days_nowhere)


def test_a_bucket_past_its_small_size_still_finds_and_forgets_every_report() -> None:
    from polemos.fuse.block import SMALL_BUCKET, BlockIndex

    index = BlockIndex()
    many = [report_from_record(_record(1000 + i)) for i in range(SMALL_BUCKET + 5)]
    for r in many:
        index.add(r)
        index.add(r)  # again: filed once
    probe = report_from_record(_record(5000))
    assert index.candidates(probe) == {r.uid for r in many}
    assert index.largest_bucket() == len(many)
    for r in many[: SMALL_BUCKET + 3]:
        index.remove(r.uid)
    assert index.candidates(probe) == {r.uid for r in many[SMALL_BUCKET + 3 :]}
    for r in many[SMALL_BUCKET + 3 :]:
        index.remove(r.uid)
    assert not index.candidates(probe) and not index._country and not index._names
    assert not index._country_day and not index._country_wide


def test_reports_share_one_object_per_distinct_set() -> None:
    from polemos.fuse.report import shared

    assert shared(["SY", "IQ"]) == frozenset({"SY", "IQ"}) and shared([]) == frozenset()
    assert shared(["IQ", "SY"]) is shared(("SY", "IQ", "SY"))
    a, b = report_from_record(_record(1)), report_from_record(_record(2, locations=HOMS))
    assert a.countries == frozenset({"SY"}) and a.countries is b.countries
    assert a.target_kinds == frozenset() and a.target_kinds is b.spots


def _dated(n: int, start: str, end: str, precision: str, published: str = "2020-03-20") -> Any:
    return report_from_record(
        _record(n, published=published, date={"start": start, "end": end, "precision": precision,
                                               "text": "then"})
    )  # fmt: skip


def test_narrow_windows_meet_by_day_and_lose_only_pairs_that_cannot_overlap() -> None:
    """A dense country's week: reports with short windows meet those whose windows overlap theirs
    (by day) and every wide-window report of their weeks; no pair whose windows overlap is lost."""
    from polemos.fuse.block import NARROW_DAYS, BlockIndex, country_day_keys, country_keys

    days = [f"2020-03-{d:02d}" for d in range(1, 19)]
    rs = [_dated(i, d, d, "day") for i, d in enumerate(days)]  # windows of three days (a day ±1)
    rs += [_dated(100, "2020-03-01", "2020-03-31", "month"), _dated(101, "2020-03-09", "2020-03-15", "week")]
    rs.append(report_from_record(_record(102, date=None, published="2020-03-12")))  # publication only
    assert country_day_keys(rs[0]) is not None and country_day_keys(rs[18]) is None
    index = BlockIndex()
    for r in rs:
        index.add(r)

    def overlap(a: Any, b: Any) -> bool:
        return not (a.date_hi < b.date_lo or b.date_hi < a.date_lo)

    for r in rs:
        found = index.candidates(r)
        same_week = {o.uid for o in rs if o is not r and set(country_keys(o)) & set(country_keys(r))}
        assert {o for o in same_week if overlap(r, index._reports[o])} <= found <= same_week
        for o in rs:  # the relation is symmetric: each pair of fresh reports is scored once
            if o is not r:
                assert (o.uid in found) == (r.uid in index.candidates(o))
    # a day-precise report does not meet the day-precise ones a week later, still the month's report
    first = index.candidates(rs[0])
    assert rs[8].uid not in first and rs[1].uid in first and rs[18].uid in first
    assert (rs[0].date_hi - rs[0].date_lo).days < NARROW_DAYS


def test_dense_days_fuse_as_a_week_index_would() -> None:
    """The same clusters, joins and ids whether the day keys prune candidates or not."""
    import polemos.fuse.block as block

    rs = [_dated(i, f"2020-03-{1 + i % 9:02d}", f"2020-03-{1 + i % 9:02d}", "day") for i in range(60)]
    rs += [report_from_record(_record(200 + i, locations=HOMS if i % 2 else _record(0)["locations"]))
           for i in range(12)]  # fmt: skip

    def fused(narrow_days: int) -> list[Any]:
        saved = block.NARROW_DAYS
        block.NARROW_DAYS = narrow_days
        try:
            f = Fuser()
            f.add(rs)
            return sorted((c.id, c.members, c.joins) for c in f.clusters.values())
        finally:
            block.NARROW_DAYS = saved

    assert fused(block.NARROW_DAYS) == fused(0)  # 0: every window wide, every report meets by week
