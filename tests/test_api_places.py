"""``Places`` (``polemos.api.places``): the one admission counter behind the extraction pool (429
E611) and the ``POST /articles`` write queue (503 E616), each with its refusal and Retry-After."""

from __future__ import annotations

import pytest

from polemos.api.places import Places
from polemos.api.pool import Busy, ExtractPool
from polemos.api.writes import WriteQueue, WritesBusy


def test_places_admit_their_limit_and_refuse_one_more_with_the_owners_refusal() -> None:
    places = Places(2, Busy, servers=1)
    first = places.enter()
    places.enter()
    refused = places.busy()
    assert isinstance(refused, Busy) and refused.code == "E611" and places.pending == 2
    with pytest.raises(Busy):
        places.enter()
    assert places.pending == 2  # a refused request takes no place
    places.leave(first, took=1.0)
    assert places.busy() is None and places.pending == 1


@pytest.mark.parametrize(
    ("servers", "waiting", "expected"), [(None, 3, 5), (1, 3, 20), (2, 3, 10), (4, 8, 15)]
)
def test_retry_after_is_the_mean_times_the_rounds_a_newcomer_waits(
    servers: int | None, waiting: int, expected: int
) -> None:
    places = Places(waiting, WritesBusy, servers=servers)
    for _ in range(waiting):
        places.enter()
    refused = places.busy()
    assert refused is not None and refused.retry_after == expected  # the first mean: 5 s a place


def test_retry_after_follows_what_places_were_held_for_and_stays_within_bounds() -> None:
    quick = Places(1, WritesBusy)
    for _ in range(30):
        quick.leave(quick.enter(), took=0.01)
    quick.enter()
    assert quick.busy().retry_after == 1  # type: ignore[union-attr]  # never 0
    slow = Places(1, WritesBusy, servers=1)
    for _ in range(30):
        slow.leave(slow.enter(), took=10_000.0)
    slow.enter()
    assert slow.busy().retry_after == 300  # type: ignore[union-attr]  # never more than five minutes


def test_the_pool_and_the_write_queue_are_both_places() -> None:
    pool = ExtractPool(2, 3)
    try:
        assert isinstance(pool.places, Places) and pool.places.limit == 5 and pool.places.servers == 2
    finally:
        pool.close()
    queue = WriteQueue(4)
    assert isinstance(queue, Places) and queue.limit == 4 and queue.servers is None
