"""People's merges and splits: recorded with who, when and why, and kept through re-fusion."""

from __future__ import annotations

from fuse_helpers import event, reports
from test_fuse_rules import jableh

from polemos.fuse import Action, Fuser, fused_records, report_from_record


def _two_events() -> list[dict]:
    """The Jableh bombing and, days later, a report the scorer alone would not join to it."""
    later = event(
        "later",
        "Funerals held in Latakia province for victims of the coastal attacks",
        outlet="Local",
        published="2016-05-26",
        type="ASSAULT",
    )
    return jableh() + [later]


def test_fuse_manual_merge_joins_and_is_recorded() -> None:
    fuser = Fuser()
    fuser.add(reports(*_two_events()))
    assert len(fuser.clusters) == 2
    ids = sorted(fuser.clusters)
    merged = fuser.merge(ids, who="analyst@example.org", why="the funerals are of this attack's victims")
    assert set(fuser.clusters) == {merged}
    (record,) = fused_records(fuser)
    (entry,) = record["fusion"]["history"]
    assert entry["op"] == "merge" and entry["who"] == "analyst@example.org"
    assert entry["why"].startswith("the funerals") and entry["when"]


def test_fuse_manual_merge_survives_refusion() -> None:
    fuser = Fuser()
    fuser.add(reports(*_two_events()))
    merged = fuser.merge(sorted(fuser.clusters), who="ana", why="same attack")
    again = Fuser(actions=fuser.constraints.actions, ids=fuser.member_of)
    again.add(reports(*reversed(_two_events())))
    assert set(again.clusters) == {merged}


def test_fuse_manual_merge_survives_new_reports() -> None:
    fuser = Fuser()
    fuser.add(reports(*_two_events()))
    merged = fuser.merge(sorted(fuser.clusters), who="ana")
    fuser.add(
        reports(
            event(
                "another",
                "Death toll of Jableh and Tartus bombings rises to 148",
                places=("Jableh", "Tartus"),
                published="2016-05-24",
                mode="explode",
                date=("2016-05-23", "2016-05-23", "day"),
                killed=(148, 148, 148),
            )
        )
    )
    assert set(fuser.clusters) == {merged}


def test_fuse_manual_split_takes_one_report_out_and_survives_refusion() -> None:
    fuser = Fuser()
    fuser.add(reports(*jableh()))
    (fid,) = fuser.clusters
    sana = report_from_record(jableh()[3]).uid
    new_home = fuser.split(fid, sana, who="ana", why="state media describes a different blast")
    assert new_home != fid and fuser.clusters[new_home].members == (sana,)
    again = Fuser(actions=fuser.constraints.actions, ids=fuser.member_of)
    again.add(reports(*jableh()))
    assert again.member_of == fuser.member_of


def test_fuse_later_decision_wins() -> None:
    fuser = Fuser()
    fuser.add(reports(*jableh()))
    (fid,) = fuser.clusters
    sana = report_from_record(jableh()[3]).uid
    alone = fuser.split(fid, sana, who="ana")
    back = fuser.merge([fid, alone], who="bo", why="it is the same blast after all")
    assert len(fuser.clusters) == 1 and back in fuser.clusters


def test_fuse_history_round_trips_as_dicts() -> None:
    action = Action("split", ("fe1",), ("a", "b"), who="ana", why="no", report="a")
    assert Action.from_dict(action.to_dict()) == action
