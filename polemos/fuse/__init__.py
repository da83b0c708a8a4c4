"""fuse: article-level events (reports) from many articles become fused events (``polemos.event/1``).

A pure library: no spaCy, no database. ``report_from_record`` reads one contract event plus its
article's id, outlet and publication date; a ``Fuser`` blocks, scores and clusters reports
incrementally; ``fused_record`` writes a cluster as the contract's fused event. ``fuse`` does all
three for a list of records. See docs/fusion.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from polemos.fuse.cluster import METHOD, THRESHOLD, Cluster, Fuser
from polemos.fuse.history import Action, Constraints
from polemos.fuse.record import fused_record
from polemos.fuse.report import Report, report_from_article, report_from_record, report_uid
from polemos.fuse.score import Pair, apart_reason, pair

__all__ = [
    "METHOD", "THRESHOLD", "Action", "Cluster", "Constraints", "Fuser", "Pair", "Report", "apart_reason",
    "fuse", "fused_record", "fused_records", "pair", "report_from_article", "report_from_record",
    "report_uid",
]  # fmt: skip


def fused_records(fuser: Fuser, ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """The fused events of ``fuser`` (all, or ``ids``), sorted by id."""
    out = []
    for fid in sorted(fuser.clusters if ids is None else ids):
        cluster = fuser.clusters[fid]
        if not fuser.is_event(fid):
            continue  # an article no event was read from, that joined none: not an event
        out.append(fused_record(cluster, fuser.members(fid), fuser.constraints.touching(cluster.members)))
    return out


def fuse(records: Iterable[Mapping[str, Any]], **options: Any) -> list[dict[str, Any]]:
    """Fuse event records (contract events with ``article_id``, ``outlet``, ``published``)."""
    fuser = Fuser(**options)
    fuser.add(report_from_record(r) for r in records)
    return fused_records(fuser)
