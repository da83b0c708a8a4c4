"""A time budget for one piece of work: ``with time_limit(60, "file.jsonl:3"): ...``.

Past the budget, ``ExtractError`` (E118) is raised inside the work, which unwinds it; the caller
quarantines that article and goes on. It works wherever extraction runs:

- in a process's main thread (the CLI, ingest, every ``--workers N`` pool process), through
  ``SIGALRM`` and ``setitimer``;
- in any other thread (a Ray actor, a server's worker thread), through a watchdog thread that
  raises the exception asynchronously in the worker thread.

Either way the exception arrives between two Python steps: one long call into compiled code (the
parser on one huge document) finishes first, which the text length limit (``--max-chars``) bounds.
"""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from polemos.errors import Errors, ExtractError

DEFAULT_TIMEOUT = 120.0  # seconds per article; a 150,000-character article takes ~30 s on one core


class BudgetExceeded(ExtractError):
    """The work ran over its time budget (E118)."""


@contextmanager
def time_limit(seconds: float | None, source: str) -> Iterator[None]:
    """Raise ``BudgetExceeded`` in the block once it has run ``seconds``; None or 0: no limit."""
    if not seconds or seconds <= 0:
        yield
        return
    message = Errors.E118.format(source=source, limit=seconds)
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds, message):
            yield
    else:
        with _watchdog(seconds, message):
            yield


@contextmanager
def _alarm(seconds: float, message: str) -> Iterator[None]:
    def expired(signum: int, frame: object) -> None:
        raise BudgetExceeded(message)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _Expired(BudgetExceeded):
    """Raised asynchronously in a thread: the class carries the message (no instance can be passed)."""

    text = ""

    def __init__(self, *args: object) -> None:
        super().__init__(*(args or (self.text,)))


@contextmanager
def _watchdog(seconds: float, message: str) -> Iterator[None]:
    target = ctypes.c_ulong(threading.get_ident())
    expired = type("BudgetExpired", (_Expired,), {"text": message})
    lock, state = threading.Lock(), {"done": False, "fired": False}

    def fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(expired))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["done"] = True
        timer.cancel()
        if state["fired"]:  # not raised yet (the block was ending): never let it escape later
            ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)
