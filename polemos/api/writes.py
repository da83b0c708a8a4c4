"""How many ``POST /articles`` may be in the server at once: extracting, waiting for the extraction
pool, or waiting (up to ``store_wait`` seconds) for the store's one-writer lock.

Extraction alone is bounded by the pool (429 E611), but a stored article then waits for the store's
ingest lock in a thread of the threadpool reads are answered in too; behind a long ``polemos ingest``,
requests would pile up there without end and take the threads reads need. ``WriteQueue`` admits
``limit`` of them; one more is refused at once, before its body is read, with 503 (E616) and
``Retry-After`` (the recent time one took: about when a place is free again).
"""

from __future__ import annotations

import math
import threading
import time

from polemos.errors import Errors, PolemosError

WRITE_QUEUE = 16  # POST /articles in the server at once: under half of the 40 threads reads share


class WritesBusy(PolemosError):
    """Every place for a ``POST /articles`` is taken: ``retry_after`` seconds is when one likely frees."""

    status = 503

    def __init__(self, waiting: int, retry_after: int) -> None:
        super().__init__(Errors.E616.format(waiting=waiting, seconds=retry_after))
        self.retry_after = retry_after


class WriteQueue:
    """``with queue.admitted():`` holds one of ``limit`` places (``WritesBusy`` when none is free)."""

    def __init__(self, limit: int = WRITE_QUEUE) -> None:
        self.limit = max(1, limit)
        self._lock = threading.Lock()
        self._in = 0
        self._mean = 5.0  # seconds one POST /articles takes, a running mean: the Retry-After estimate

    @property
    def pending(self) -> int:
        return self._in

    def busy(self) -> WritesBusy | None:
        """The refusal a request would get now, or None when it would be admitted."""
        with self._lock:
            return self._busy()

    def _busy(self) -> WritesBusy | None:
        if self._in < self.limit:
            return None
        return WritesBusy(self._in, max(1, min(300, math.ceil(self._mean))))

    def enter(self) -> float:
        """Take a place (``WritesBusy`` when none is free); the start time to give ``leave``."""
        with self._lock:
            if refused := self._busy():
                raise refused
            self._in += 1
        return time.monotonic()

    def leave(self, started: float) -> None:
        with self._lock:
            self._in -= 1
            self._mean = 0.8 * self._mean + 0.2 * (time.monotonic() - started)
