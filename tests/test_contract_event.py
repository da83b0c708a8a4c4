"""polemos.event/1 has one builder: an unfused report is served through fusion's own record."""

from __future__ import annotations

from typing import Any

from polemos.api.data import as_fused
from polemos.contract.event import UNFUSED, from_json, of_cluster, of_one_report, to_json
from polemos.fuse.cluster import Cluster
from polemos.fuse.report import report_from_record


def _row(**changes: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "uid": "u1", "article_id": "a1", "outlet": "Wire", "published": "2016-03-08", "title": "Hama",
        "id": "e1", "type": "ASSAULT", "mode": "bombard", "modality": "asserted",
        "actor": {"text": "Rebels", "name": None, "kind": "rebel", "country": None, "start": 0, "end": 6},
        "target": None,
        "locations": [{"text": "Hama", "name": "Hama", "geonameid": 170017, "lat": 35.1, "lon": 36.7,
                       "country": "SY", "admin1": "Hama", "feature": "city", "start": 15, "end": 19}],
        "date": {"start": "2016-03-07", "end": "2016-03-07", "precision": "day", "text": "Monday",
                 "span": {"start": 27, "end": 33}, "basis": "text"},
        "counts": {"killed": {"low": 7, "best": 7, "high": None, "text": "seven", "start": 43, "end": 48},
                   "injured": None, "size": None},
        "claims": [{"claimant": {"text": "the army", "name": "Syrian Arab Army", "party": True},
                    "outlet": None, "start": 65, "end": 73}],
        "evidence": {"start": 0, "end": 30, "text": "Rebels shelled Hama on Monday,"},
        "acled": {"event_type": "Battles", "sub_event_type": "Armed clash"}, "cameo": "19",
    }  # fmt: skip
    row.update(changes)
    return row


def test_as_fused_is_the_fused_builder() -> None:
    row = _row()
    report = report_from_record(row)
    fused = of_cluster(Cluster(id="u1", members=(report.uid,), joins=()), [report])
    served = as_fused(row)
    assert served == of_one_report(row)
    assert served["fusion"]["method"] == UNFUSED
    assert served["reports"][0]["title"] == "Hama"
    same = {k: v for k, v in served.items() if k not in ("fusion", "reports")}
    assert same == {k: v for k, v in fused.items() if k not in ("fusion", "reports")}
    assert served["id"] == "u1" and served["schema"] == "polemos.event/1"
    assert served["counts"]["killed"]["claims"][0]["claimant"] == "Syrian Arab Army"


def test_undated_and_typeless_rows() -> None:
    served = as_fused(_row(date=None, type=None, counts=None, claims=None, published=None))
    assert served["type"] == "OTHER" and served["date"] is None
    assert served["counts"] == {"killed": None, "injured": None, "size": None}
    assert from_json(served).id == "u1"


def test_from_json_keeps_unknown_fields() -> None:
    record = {**as_fused(_row()), "added_later": 1}
    assert from_json(record).extra == {"added_later": 1}
    assert to_json(from_json(record)) == record
