"""The worker processes' side of ``polemos.workers``, and how they start.

What a call can meet (``WorkerFault``: ``TimedOut``, ``WorkerDied``, ``NotStarted``; ``HandlerCrash``),
the ``Handler`` a worker builds, the loop a worker answers payloads in, and the two ways a worker
starts: forked from the *zygote* (``zygote_main`` in its process, ``Zygote`` in the pool's: started
clean with ``python -c``, it builds the handler once and forks a warm worker on every request) or,
without ``fork``, spawned to build the handler itself (``spawned_main``).
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import json
import os
import pickle
import select
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

START_TIMEOUT = 300.0  # seconds for a handler to be built (a first run may build the gazetteer)
_MAX_MESSAGE = 1 << 16  # the zygote's control messages are small


# ---- what a call can meet besides its answer --------------------------------------------------------


class WorkerFault(Exception):
    """A worker gave no answer: ``TimedOut`` or ``WorkerDied``; the pool goes on with a fresh process."""


class TimedOut(WorkerFault):
    """The call ran past its budget; the worker was killed."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"no answer within {seconds:g} s: the worker was stopped")
        self.seconds = seconds


class WorkerDied(WorkerFault):
    """The worker process ended mid-call; ``detail`` says how."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"the worker process stopped: {detail}")
        self.detail = detail


class NotStarted(WorkerDied):
    """No worker could be started (its process ended or never answered while building the handler)."""


class HandlerCrash(Exception):
    """The handler raised an exception that cannot cross processes: its class name and message."""

    def __init__(self, name: str, message: str = "") -> None:
        super().__init__(f"{name}: {message}".rstrip(": "))
        self.name = name
        self.message = message


@dataclass(frozen=True)
class Handler:
    """What a worker runs: ``factory(**kwargs)`` imported from ``path`` ("module:factory"), built once
    per process; ``nice``: the priority the processes run at (0: the caller's)."""

    path: str
    kwargs: dict[str, Any] = field(default_factory=dict)
    nice: int = 0

    def build(self) -> Callable[[Any], Any]:
        module, _, name = self.path.partition(":")
        factory = getattr(importlib.import_module(module), name)
        handler: Callable[[Any], Any] = factory(**self.kwargs)
        return handler


def exit_detail(status: int | None) -> str:
    """A process's end as words: 'exit code 3', 'killed by SIGKILL'."""
    if status is None:
        return "it ended"
    if status < 0:
        try:
            return f"killed by {signal.Signals(-status).name}"
        except ValueError:
            return f"killed by signal {-status}"
    return f"exit code {status}"


# ---- inside a worker -------------------------------------------------------------------------------


def _portable(e: BaseException) -> tuple[str, Any]:
    """An exception as it can cross processes: pickled, or by name when it does not pickle."""
    try:
        return "raised", pickle.dumps(e)
    except Exception:  # noqa: BLE001 - an exception holding a lock, a socket, a lambda
        return "crash", (type(e).__name__, str(e)[:500])


def serve(conn: Connection, handler: Callable[[Any], Any]) -> None:
    """Answer payloads until the pool closes its end: ("ok", answer) or the handler's exception."""
    while True:
        try:
            payload = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer: tuple[str, Any] = ("ok", handler(payload))
        except Exception as e:  # noqa: BLE001 - the pool's caller decides what a crash means
            answer = _portable(e)
        try:
            conn.send(answer)
        except (OSError, pickle.PicklingError, TypeError) as e:
            try:
                conn.send(("crash", (type(e).__name__, f"the answer cannot be sent: {e}"[:500])))
            except OSError:
                return


def answer_of(kind: str, value: Any) -> Any:
    """What a worker sent, as the caller sees it: the answer, or the exception raised."""
    if kind == "ok":
        return value
    if kind == "raised":
        try:
            error = pickle.loads(value)
        except Exception as e:  # noqa: BLE001 - a class the caller cannot import
            raise HandlerCrash(type(e).__name__, "an error that cannot be read back") from e
        raise error
    name, message = value
    raise HandlerCrash(name, message)


def _lower_priority(nice: int) -> None:
    if nice:
        with contextlib.suppress(OSError, AttributeError):  # AttributeError: no os.nice (Windows)
            os.nice(nice)


def _quiet_stdout() -> None:
    """Whatever a library prints goes to stderr: the caller's stdout may carry its output (JSONL)."""
    with contextlib.suppress(OSError):
        os.dup2(2, 1)
    sys.stdout = sys.stderr


# ---- the zygote -------------------------------------------------------------------------------------


def _send_msg(sock: socket.socket, msg: Any, fds: list[int] | None = None) -> None:
    data = pickle.dumps(msg)
    if fds:
        socket.send_fds(sock, [data], fds)
    else:
        sock.send(data)


def _recv_msg(sock: socket.socket, timeout: float | None = None) -> tuple[Any, list[int]]:
    """One control message (and the descriptors sent with it); EOFError when the other end closed."""
    if timeout is not None and not select.select([sock], [], [], timeout)[0]:
        raise TimeoutError
    data, fds, _, _ = socket.recv_fds(sock, _MAX_MESSAGE, 4)
    if not data:
        for fd in fds:
            os.close(fd)
        raise EOFError
    return pickle.loads(data), fds


# the zygote's command line: the caller's import path first, so it imports what the caller imports
_BOOT = ("import json, os, sys; sys.path[:] = json.loads(os.environ['POLEMOS_WORKER_PATH']); "
         "from polemos.workers.process import zygote_main; zygote_main(int(sys.argv[1]))")  # fmt: skip


def zygote_main(fd: int) -> None:
    """Build the handler, then fork a worker on every request, until the pool's end closes."""
    sock = socket.socket(fileno=fd)
    _quiet_stdout()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the caller's to handle: it closes the pool
    setup, _ = _recv_msg(sock)
    spec: Handler = setup["handler"]
    _lower_priority(spec.nice)
    try:
        handler = spec.build()
    except Exception as e:  # noqa: BLE001 - said to the pool, which raises it at the first call
        _send_msg(sock, {"error": _portable(e)})
        return
    gc.collect()
    gc.freeze()  # the model's objects stay out of the collector: their pages stay shared with workers
    _send_msg(sock, {"ready": True})
    children: set[int] = set()
    try:
        while True:
            try:
                msg, fds = _recv_msg(sock)
            except (EOFError, OSError):
                return
            op = msg["op"]
            if op == "fork":
                pid = os.fork()
                if pid == 0:  # the worker
                    sock.close()
                    code = 0
                    try:
                        serve(Connection(fds[0]), handler)
                    except BaseException:  # noqa: BLE001 - a worker never returns into the zygote loop
                        code = 1
                    os._exit(code)
                os.close(fds[0])
                children.add(pid)
                _send_msg(sock, {"pid": pid})
            elif op in ("kill", "wait"):
                pid = msg["pid"]
                status = None
                if pid in children:
                    if op == "kill":
                        with contextlib.suppress(ProcessLookupError):
                            os.kill(pid, signal.SIGKILL)
                    children.discard(pid)
                    status = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
                _send_msg(sock, {"status": status})
    finally:
        for pid in children:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)


class Zygote:
    """The parent's side of the zygote: started on first use, again if it died."""

    def __init__(self, spec: Handler) -> None:
        self.spec = spec
        self.lock = threading.Lock()
        self.proc: subprocess.Popen[bytes] | None = None
        self.sock: socket.socket | None = None
        self.closed = False

    def _ensure(self) -> socket.socket:
        if self.sock is not None and self.proc is not None and self.proc.poll() is None:
            return self.sock
        if self.closed:
            raise NotStarted("the pool is closed")
        self._stop()
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        env = {**os.environ, "POLEMOS_WORKER_PATH": json.dumps(sys.path),
               # one thread for numpy's BLAS in each worker: the workers are the parallelism
               "OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS", "1")}  # fmt: skip
        with theirs:
            fd = theirs.fileno()
            cmd = [sys.executable, "-c", _BOOT, str(fd)]
            self.proc = subprocess.Popen(cmd, pass_fds=[fd], stdin=subprocess.DEVNULL, env=env)
        self.sock = mine
        _send_msg(mine, {"handler": self.spec})
        try:
            ready, _ = _recv_msg(mine, START_TIMEOUT)
        except (TimeoutError, EOFError, OSError) as e:
            status = self._stop()
            what = "no answer" if isinstance(e, TimeoutError) else exit_detail(status)
            raise NotStarted(f"it did not start: {what}") from e
        if "error" in ready:
            self._stop()
            answer_of(*ready["error"])
        return mine

    def request(self, msg: dict[str, Any], fds: list[int] | None = None) -> dict[str, Any]:
        with self.lock:
            sock = self._ensure()
            try:
                _send_msg(sock, msg, fds)
                answer, _ = _recv_msg(sock, START_TIMEOUT)
            except (TimeoutError, EOFError, OSError) as e:
                self._stop()
                raise WorkerDied(f"the process that starts workers stopped ({type(e).__name__})") from e
            return answer  # type: ignore[no-any-return]

    def known(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def _stop(self) -> int | None:
        sock, self.sock = self.sock, None
        proc, self.proc = self.proc, None
        if sock is not None:
            sock.close()  # the zygote sees EOF: it kills and reaps its workers, then exits
        if proc is None:
            return None
        try:
            return proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            return proc.wait()

    def close(self) -> None:
        self.closed = True
        if not self.lock.acquire(timeout=1.0):  # still building the handler: not worth waiting for
            proc = self.proc
            if proc is not None:
                proc.kill()
            self.lock.acquire()
        try:
            self._stop()
        finally:
            self.lock.release()


def spawned_main(conn: Connection, spec: Handler) -> None:
    """A worker without a zygote: build the handler, say so, then serve."""
    _quiet_stdout()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _lower_priority(spec.nice)
    try:
        handler = spec.build()
    except Exception as e:  # noqa: BLE001 - said to the pool
        conn.send(_portable(e))
        return
    conn.send(("ok", None))
    serve(conn, handler)
