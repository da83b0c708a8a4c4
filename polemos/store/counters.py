"""The store's counters (``store_counters``, migration 0005), for what a reader may keep between reads.

``fusion`` moves with every write that changes which fused events exist or which reports they hold
(a fusion pass, a merge or split, an article replaced): the API keeps the total of a filter while it
stands still (``polemos.store.pages``).
"""

from __future__ import annotations

from sqlalchemy import Connection, select, update

from polemos.store.schema import store_counters

FUSION_COUNTER = "fusion"


def bump_fusion(conn: Connection) -> None:
    """Move the ``fusion`` counter: fused events or their members are about to change in this
    transaction. Taken first in a transaction that writes them (its row lock then orders PostgreSQL
    writers before they touch anything else)."""
    conn.execute(
        update(store_counters)
        .where(store_counters.c.name == FUSION_COUNTER)
        .values(value=store_counters.c.value + 1)
    )


def fusion_counter(conn: Connection) -> int | None:
    """The ``fusion`` counter now (None: a store without one, whose totals are never kept)."""
    value = conn.scalar(select(store_counters.c.value).where(store_counters.c.name == FUSION_COUNTER))
    return None if value is None else int(value)
