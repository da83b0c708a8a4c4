"""Kept for callers of earlier releases: the contract's JSON lives in ``polemos.contract.article``."""

from __future__ import annotations

from polemos.contract.article import (
    actor_to_dict,
    count_to_dict,
    date_to_dict,
    event_to_dict,
    mention_to_dict,
    place_to_dict,
    result_to_dict,
    span_to_dict,
    time_to_dict,
    to_json,
)

__all__ = [
    "actor_to_dict", "count_to_dict", "date_to_dict", "event_to_dict", "mention_to_dict",
    "place_to_dict", "result_to_dict", "span_to_dict", "time_to_dict", "to_json",
]  # fmt: skip
