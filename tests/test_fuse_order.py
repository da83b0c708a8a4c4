"""Deterministic in any order, incremental, and ids that stay put."""

from __future__ import annotations

import random

from fuse_helpers import event, reports
from test_fuse_rules import jableh

from polemos.fuse import Fuser, report_from_record


def _stream() -> list[dict]:
    """Two events told by several reports, and a lone third event, in one week."""
    kabul = [
        event(
            f"kabul-{i}",
            text,
            outlet=outlet,
            published="2020-12-26",
            mode="explode",
            target="police",
            target_kind="police",
            places=("Kabul",),
            date=("2020-12-26", "2020-12-26", "day"),
            killed=k,
        )
        for i, (text, outlet, k) in enumerate(
            [
                ("Series of explosions target police in Kabul; at least 4 dead", "AP", (4, 4, None)),
                ("Explosions kill 2 police in Kabul", "Xinhua", (2, 2, 2)),
                ("Four bomb blasts hit police in Kabul, killing 4", "Khaama", (4, 4, 4)),
            ]
        )
    ]
    mosul = event(
        "mosul",
        "A car bomb killed 10 in Mosul market",
        places=("Mosul",),
        mode="explode",
        published="2020-12-25",
        date=("2020-12-25", "2020-12-25", "day"),
        killed=(10, 10, 10),
    )
    return jableh() + kabul + [mosul]


def _partition(fuser: Fuser) -> list[tuple[str, ...]]:
    return sorted(c.members for c in fuser.clusters.values())


def test_fuse_same_clusters_in_any_order() -> None:
    records = _stream()
    base = Fuser()
    base.add(reports(*records))
    for seed in range(5):
        shuffled = records[:]
        random.Random(seed).shuffle(shuffled)
        other = Fuser()
        other.add(reports(*shuffled))
        assert _partition(other) == _partition(base)


def test_fuse_incremental_equals_all_at_once() -> None:
    records = _stream()
    whole = Fuser()
    whole.add(reports(*records))
    step = Fuser()
    for r in reversed(records):  # one at a time, newest first
        step.add([report_from_record(r)])
    assert _partition(step) == _partition(whole)


def test_fuse_new_report_joins_existing_event_without_touching_others() -> None:
    records = _stream()
    fuser = Fuser()
    fuser.add(reports(*records[:-1]))
    before = dict(fuser.clusters)
    late = event(
        "late",
        "Kabul police hit by four explosions, 4 killed",
        outlet="Tolo",
        published="2020-12-27",
        mode="explode",
        target="police",
        target_kind="police",
        places=("Kabul",),
        date=("2020-12-26", "2020-12-26", "day"),
        killed=(4, 4, 4),
    )
    changed = fuser.add(reports(late))
    kabul_id = fuser.member_of[report_from_record(records[4]).uid]
    assert changed == {kabul_id}
    assert fuser.member_of[report_from_record(late).uid] == kabul_id
    assert all(fuser.clusters[f] == c for f, c in before.items() if f != kabul_id)


def test_fuse_reingest_keeps_ids() -> None:
    records = _stream()
    fuser = Fuser()
    fuser.add(reports(*records))
    ids = dict(fuser.member_of)
    assert fuser.add(reports(*records)) == set()  # the same reports again: nothing changes
    assert fuser.member_of == ids


def test_fuse_refusion_keeps_ids() -> None:
    """A fresh fusion given the stored membership keeps every fused id, even after growth."""
    records = _stream()
    first = Fuser()
    for r in records:  # grown one report at a time: ids come from the first report of each event
        first.add([report_from_record(r)])
    again = Fuser(ids=first.member_of)
    again.add(reports(*reversed(records)))
    assert again.member_of == first.member_of


def test_fuse_ids_do_not_depend_on_order_for_a_fresh_fusion() -> None:
    records = _stream()
    a, b = Fuser(), Fuser()
    a.add(reports(*records))
    b.add(reports(*reversed(records)))
    assert a.member_of == b.member_of


def test_fuse_compares_only_candidates() -> None:
    """A report is scored against its blocking candidates, not the whole store."""
    fuser = Fuser()
    far = [
        event(
            f"old-{i}",
            "A car bomb killed 10 in Mosul market",
            places=("Mosul",),
            mode="explode",
            published=f"2015-{m:02d}-10",
            date=(f"2015-{m:02d}-09", f"2015-{m:02d}-09", "day"),
        )
        for i, m in enumerate(range(1, 13))
    ]
    fuser.add(reports(*far))
    compared = fuser.compared
    fuser.add(reports(*jableh()))
    assert fuser.compared - compared <= 6  # the four Jableh reports among themselves only


def test_fuse_a_remembered_id_never_takes_a_live_event_from_its_reports() -> None:
    """A report whose stored event no longer holds it (the rules changed) must not take that id
    back from the reports still in that event."""
    records = _stream()
    first = Fuser()
    first.add(reports(*records))
    kabul = next(
        f for f, c in first.clusters.items() if first.reports[c.members[0]].article_id.startswith("kabul")
    )
    mosul = report_from_record(records[-1])
    stale = dict(first.member_of)
    stale[mosul.uid] = kabul  # the store remembers Mosul in the Kabul event
    again = Fuser(ids=stale)
    again.add(reports(*records[:-1]))
    again.add([mosul])
    members = [m for c in again.clusters.values() for m in c.members]
    assert sorted(members) == sorted(first.member_of)  # every report in exactly one event
    assert again.member_of[mosul.uid] != kabul
