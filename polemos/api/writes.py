"""How many ``POST /articles`` may be in the server at once: extracting, waiting for the extraction
pool, or waiting (up to ``store_wait`` seconds) for the store's one-writer lock.

Extraction alone is bounded by the pool (429 E611), but a stored article then waits for the store's
ingest lock in a thread of the threadpool reads are answered in too; behind a long ``polemos ingest``,
requests would pile up there without end and take the threads reads need. ``WriteQueue`` admits
``limit`` of them; one more is refused at once, before its body is read, with 503 (E616) and
``Retry-After`` (the recent time one took: about when a place is free again); the counter is
``polemos.api.places.Places``, the extraction pool's too.
"""

from __future__ import annotations

from polemos.api.places import Places
from polemos.errors import Errors, PolemosError

WRITE_QUEUE = 16  # POST /articles in the server at once: under half of the 40 threads reads share


class WritesBusy(PolemosError):
    """Every place for a ``POST /articles`` is taken: ``retry_after`` seconds is when one likely frees."""

    status = 503

    def __init__(self, waiting: int, retry_after: int) -> None:
        super().__init__(Errors.E616.format(waiting=waiting, seconds=retry_after))
        self.retry_after = retry_after


class WriteQueue(Places[WritesBusy]):
    """``enter()`` takes one of ``limit`` places (``WritesBusy`` when none is free), ``leave(started)``
    gives it back; ``Retry-After`` is the recent time one request held its place."""

    def __init__(self, limit: int = WRITE_QUEUE) -> None:
        super().__init__(limit, WritesBusy)
