"""A time budget for one piece of work: ``with time_limit(60, "file.jsonl:3"): ...``.

The budget is **CPU time** (a runaway extraction burns CPU; a machine shared with other work must
not make a normal article run out of wall-clock time), with a wall-clock backstop of
``WALL_FACTOR`` times the budget for work that waits without computing. Past either, ``ExtractError``
(E118) is raised inside the work, which unwinds it; the caller quarantines that article and goes on.
It works wherever extraction runs:

- in a process's main thread (the CLI, ingest, every ``--workers N`` pool process), through
  ``setitimer``: ``ITIMER_PROF`` (the process's CPU time, SIGPROF) and ``ITIMER_REAL`` (SIGALRM);
- in any other thread (a Ray actor, a server's worker thread), through a watchdog thread that reads
  the worker thread's own CPU clock and raises the exception asynchronously in it.

Either way the exception arrives between two Python steps: one long call into compiled code (the
parser on one huge document) finishes first, which the text length limit (``--max-chars``) bounds.
"""

from __future__ import annotations

import ctypes
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from polemos.errors import Errors, ExtractError

DEFAULT_TIMEOUT = 120.0  # CPU seconds per article; a 150,000-character article takes ~30 s on one core
WALL_FACTOR = 10  # wall-clock backstop: the budget times this


class BudgetExceeded(ExtractError):
    """The work ran over its time budget (E118)."""


@contextmanager
def time_limit(seconds: float | None, source: str) -> Iterator[None]:
    """Raise ``BudgetExceeded`` in the block once it has used ``seconds`` of CPU time (or ten times
    that of wall-clock time); None or 0: no limit."""
    if not seconds or seconds <= 0:
        yield
        return
    message = Errors.E118.format(source=source, limit=seconds)
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _timers(seconds, message):
            yield
    else:
        with _watchdog(seconds, message):
            yield


@contextmanager
def _timers(seconds: float, message: str) -> Iterator[None]:
    def expired(signum: int, frame: object) -> None:
        _stop_timers()  # one exception, even if both timers were due
        raise BudgetExceeded(message)

    previous = {sig: signal.signal(sig, expired) for sig in (signal.SIGPROF, signal.SIGALRM)}
    signal.setitimer(signal.ITIMER_PROF, seconds)
    signal.setitimer(signal.ITIMER_REAL, seconds * WALL_FACTOR)
    try:
        yield
    finally:
        _stop_timers()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _stop_timers() -> None:
    signal.setitimer(signal.ITIMER_PROF, 0)
    signal.setitimer(signal.ITIMER_REAL, 0)


class _Expired(BudgetExceeded):
    """Raised asynchronously in a thread: the class carries the message (no instance can be passed)."""

    text = ""

    def __init__(self, *args: str) -> None:
        super().__init__(*(args or (self.text,)))


@contextmanager
def _watchdog(seconds: float, message: str) -> Iterator[None]:
    ident = threading.get_ident()
    clock = time.pthread_getcpuclockid(ident) if hasattr(time, "pthread_getcpuclockid") else None
    expired = type("BudgetExpired", (_Expired,), {"text": message})
    lock, done = threading.Lock(), threading.Event()
    fired = [False]
    start_cpu = time.clock_gettime(clock) if clock is not None else None
    deadline = time.monotonic() + seconds * (WALL_FACTOR if clock is not None else 1)

    def over() -> bool:
        if time.monotonic() >= deadline:
            return True
        return clock is not None and time.clock_gettime(clock) - start_cpu >= seconds  # type: ignore[operator]

    def watch() -> None:
        while not done.wait(min(0.25, seconds / 4)):
            if over():
                with lock:
                    if not done.is_set():
                        fired[0] = True
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(
                            ctypes.c_ulong(ident), ctypes.py_object(expired)
                        )
                return

    watcher = threading.Thread(target=watch, daemon=True, name="polemos-budget")
    watcher.start()
    try:
        yield
    finally:
        with lock:
            done.set()
        if fired[0]:  # not raised yet (the block was ending): never let it escape later
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), None)
