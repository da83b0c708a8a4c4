"""The store's counters (``store_counters``, migration 0005), for what a reader may keep between reads.

``fusion`` moves with every write that changes which fused events exist or which reports they hold
(a fusion pass, a merge or split, an article replaced): the API keeps the total of a filter while it
stands still (``polemos.store.pages``). ``reports`` (migration 0006) moves with every batch of
articles written: with ``fusion`` it marks every write that can change how many reports wait for
fusion, so ``/health`` keeps that count while both stand still (``SqlStore.pending_fusion``).
"""

from __future__ import annotations

from sqlalchemy import Connection, select, update

from polemos.store.schema import store_counters

FUSION_COUNTER = "fusion"
REPORTS_COUNTER = "reports"


def _bump(conn: Connection, name: str) -> None:
    conn.execute(
        update(store_counters).where(store_counters.c.name == name).values(value=store_counters.c.value + 1)
    )


def bump_fusion(conn: Connection) -> None:
    """Move the ``fusion`` counter: fused events or their members are about to change in this
    transaction. Taken first in a transaction that writes them (its row lock then orders PostgreSQL
    writers before they touch anything else)."""
    _bump(conn, FUSION_COUNTER)


def bump_reports(conn: Connection) -> None:
    """Move the ``reports`` counter: articles (and their reports) were written in this transaction."""
    _bump(conn, REPORTS_COUNTER)


def counter_values(conn: Connection) -> tuple[int, int] | None:
    """(``fusion``, ``reports``) now, in one query (None: a store without both)."""
    q = select(store_counters.c.name, store_counters.c.value).where(
        store_counters.c.name.in_((FUSION_COUNTER, REPORTS_COUNTER))
    )
    rows = {r.name: r.value for r in conn.execute(q)}
    if FUSION_COUNTER not in rows or REPORTS_COUNTER not in rows:
        return None
    return int(rows[FUSION_COUNTER]), int(rows[REPORTS_COUNTER])


def fusion_counter(conn: Connection) -> int | None:
    """The ``fusion`` counter now (None: a store without one, whose totals are never kept)."""
    value = conn.scalar(select(store_counters.c.value).where(store_counters.c.name == FUSION_COUNTER))
    return None if value is None else int(value)
