"""``polemos.event/1`` (OUTPUT.md): the fused event, one record per real-world event.

Fusion (``polemos.fuse.record.fused_record``) is the only builder of the record: ``to_json`` is it,
and ``of_one_report`` serves one article-level event as a fused event of one report (a store whose
fused events cannot be brought up to date) through the same builder, so both paths give one shape.
``from_json`` reads a record back as the contract's typed model (``polemos.contract.models``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from polemos.types import SCHEMA_EVENT

if TYPE_CHECKING:
    from polemos.contract.models import FusedEvent
    from polemos.fuse.cluster import Cluster
    from polemos.fuse.history import Action
    from polemos.fuse.report import Report

SCHEMA = SCHEMA_EVENT
UNFUSED = "none: one report (fused events are not in this store yet)"


def to_json(cluster: Cluster, reports: list[Report], actions: Sequence[Action] = ()) -> dict[str, Any]:
    """The ``polemos.event/1`` record of one cluster of reports (``reports``: its members)."""
    from polemos.fuse.record import fused_record

    return fused_record(cluster, reports, actions)


def of_one_report(ev: Mapping[str, Any]) -> dict[str, Any]:
    """An article-level event as the store returns it (the contract event plus ``uid``,
    ``article_id``, ``outlet``, ``published``, ``title``) as a ``polemos.event/1`` record of one
    report that no fusion has joined: its id is the report's ``uid``."""
    from polemos.fuse.cluster import Cluster
    from polemos.fuse.report import report_from_record

    report = report_from_record(ev)
    record = to_json(Cluster(id=str(ev["uid"]), members=(report.uid,), joins=()), [report])
    record["reports"][0]["title"] = ev.get("title")
    record["fusion"] = {"method": UNFUSED, "score": None, "reasons": [], "history": []}
    return record


def from_json(record: Mapping[str, Any]) -> FusedEvent:
    """The typed (pydantic) view of a ``polemos.event/1`` record; unknown keys are kept."""
    from polemos.contract.models import FusedEvent

    return FusedEvent.model_validate(record)
