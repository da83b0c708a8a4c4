"""Hand-made handlers for the worker pool's tests (``polemos.workers``): no model, nothing heavy.

``Echo`` answers a payload with what it asks for: ``("echo", x)`` → x, ``("pid", _)`` → the worker's
process id, ``("sleep", s)`` → s after sleeping s seconds, ``("exit", n)`` ends the process at once with
``os._exit(n)`` (a crash: no answer, no cleanup), ``("raise", text)`` raises RuntimeError,
``("refuse", text)`` raises a coded ReadError, ``("unpicklable", _)`` answers a lock.
"""

from __future__ import annotations

import os
import threading
import time
from typing import Any

from polemos.errors import Errors, ReadError


class Echo:
    def __init__(self, built_in: str = "") -> None:
        self.built_in = built_in  # where it was built: the zygote's pid when workers are forked
        self.pid = os.getpid()
        if os.environ.get("POLEMOS_TEST_BUILD_FAILS"):
            raise ReadError(Errors.E101.format(source="handler"))

    def __call__(self, payload: tuple[str, Any]) -> Any:
        op, value = payload
        if op == "echo":
            return value
        if op == "pid":
            return os.getpid()
        if op == "built":
            return self.pid
        if op == "sleep":
            time.sleep(value)
            return value
        if op == "exit":
            os._exit(value)
        if op == "raise":
            raise RuntimeError(value)
        if op == "refuse":
            raise ReadError(Errors.E101.format(source=value))
        if op == "unpicklable":
            return threading.Lock()
        raise ValueError(f"unknown op {op!r}")


class ExitingExtractor:
    """The hand extractor of ``store_extractor``, whose process ends (``os._exit(7)``: a segfault,
    the OOM killer) on a text containing "EXIT", and which blocks the time budget's signals and
    sleeps for ever on "HANG" (a call into compiled code that never returns), and on "FREEZE" makes
    one hour-long call into compiled code, which no budget raised between Python steps interrupts."""

    def __init__(self) -> None:
        from store_extractor import HandExtractor

        self.hand = HandExtractor()

    def __call__(self, articles: list[Any]) -> list[Any]:
        import signal

        for article in articles:
            if "EXIT" in article.text:
                os._exit(7)
            if "HANG" in article.text:
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGPROF, signal.SIGALRM})
                while True:
                    time.sleep(1)
            if "FREEZE" in article.text:
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGPROF, signal.SIGALRM})
                time.sleep(3600)
        return self.hand(articles)
