"""``Places``: the one admission counter of the API's heavy requests, for the extraction pool (429
E611, ``polemos.api.pool``) and the ``POST /articles`` write queue (503 E616, ``polemos.api.writes``).

``limit`` places, taken with ``enter()`` and given back with ``leave()``; one more request is refused
at once with the refusal the owner names, carrying ``Retry-After``: a running mean of the seconds a
place is held, times the rounds a newcomer would wait when ``servers`` are served at once (None:
one mean, whoever frees a place first).
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

E = TypeVar("E", bound=Exception)

MEAN = 5.0  # seconds a place is held, the first estimate
MAX_RETRY = 300  # seconds Retry-After says at most


class Places(Generic[E]):
    """``limit`` places; ``refusal(waiting, retry_after)`` builds what a request beyond them gets."""

    def __init__(self, limit: int, refusal: Callable[[int, int], E], *, servers: int | None = None) -> None:
        self.limit = max(1, limit)
        self.refusal = refusal
        self.servers = servers
        self._lock = threading.Lock()
        self._in = 0
        self._mean = MEAN

    @property
    def pending(self) -> int:
        """Places taken now."""
        return self._in

    def busy(self) -> E | None:
        """The refusal a request would get now, or None when it would be admitted."""
        with self._lock:
            return self._busy()

    def _busy(self) -> E | None:
        if self._in < self.limit:
            return None
        rounds = math.ceil((self._in + 1) / self.servers) if self.servers else 1
        return self.refusal(self._in, max(1, min(MAX_RETRY, math.ceil(self._mean * rounds))))

    def enter(self) -> float:
        """Take a place (the refusal raised when none is free); the start time to give ``leave``."""
        with self._lock:
            if refused := self._busy():
                raise refused
            self._in += 1
        return time.monotonic()

    def leave(self, started: float, took: float | None = None) -> None:
        """Give the place back; ``took``: the seconds to count it as (None: since ``started``)."""
        took = time.monotonic() - started if took is None else took
        with self._lock:
            self._in -= 1
            self._mean = 0.8 * self._mean + 0.2 * took
