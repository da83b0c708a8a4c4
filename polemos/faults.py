"""Crash points, for the tests and benchmarks that check what a ``kill -9`` leaves behind.

``POLEMOS_CRASH_AT=NAME`` kills the process with SIGKILL (no cleanup, no rollback, exactly like
``kill -9``) when it reaches the point ``NAME``; ``NAME:N`` the N-th time it gets there; ``NAME+S``
S seconds after it first gets there, wherever the process is by then. ``POLEMOS_PAUSE_AT=NAME+S``
sleeps S seconds there instead (a test's window to start a second writer). Unset (always, outside
tests) a crash point costs two dictionary lookups. Points: ``fuse-start`` (a fusion pass has its transaction),
``fuse-slice`` (a date slice is written), ``fuse-commit`` (every slice written, not yet committed).
"""

from __future__ import annotations

import os
import signal
import threading
import time

_hits: dict[str, int] = {}


def _kill() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def crash_point(name: str) -> None:
    pause = os.environ.get("POLEMOS_PAUSE_AT")
    if pause and pause.partition("+")[0] == name and not _hits.get("pause:" + name):
        _hits["pause:" + name] = 1
        time.sleep(float(pause.partition("+")[2] or 1))
    spec = os.environ.get("POLEMOS_CRASH_AT")
    if not spec:
        return
    spec, _, delay = spec.partition("+")
    want, _, nth = spec.partition(":")
    if want != name:
        return
    _hits[name] = _hits.get(name, 0) + 1
    if _hits[name] != int(nth or 1):
        return
    if delay:
        timer = threading.Timer(float(delay), _kill)
        timer.daemon = True
        timer.start()
    else:
        _kill()
