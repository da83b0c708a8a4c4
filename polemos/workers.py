"""Worker processes that load a handler once, and the one pool that batch extraction, ``Pipeline.process``
and the API's extraction all run in.

- A **handler** is named ``"module:factory"`` with keyword arguments (``Handler``): the factory builds,
  once per process, a callable ``payload -> answer`` (an extractor with its spaCy model loaded).
- ``Worker.call(payload, timeout)`` sends one payload to one process and returns the answer. Past
  ``timeout`` seconds of wall-clock time the process is killed (its memory goes with it) and
  ``TimedOut`` raised; a process that exits mid-call (a crash, out of memory, ``kill -9``) raises
  ``WorkerDied`` with its exit status. Either way the next call starts a fresh process. What the
  handler raises comes back raised, as itself (``HandlerCrash``, its class name and message, when it
  does not pickle).
- ``Pool(size, handler)``: ``size`` workers fed from one queue by one thread each;
  ``submit(payload, timeout)`` gives a ``concurrent.futures.Future``. ``close()`` (or leaving its
  ``with``, collecting it, the interpreter's exit) stops every process it started.

**Start-up.** On POSIX the workers are forked from a *zygote*: a process started clean with
``python -c`` (so no thread of the caller, a progress display or a web server, is
copied mid-lock), which builds the handler once and then forks a worker whenever the pool asks. A
worker so starts warm in milliseconds, shares the model's memory pages with its siblings, and a
worker killed past its budget is replaced at the same cost. Without ``fork`` (Windows) each worker
is a spawned process that builds the handler itself. The zygote and its workers end when the pool's
end of their socket closes, even if the pool's process was killed.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import json
import os
import pickle
import queue
import select
import signal
import socket
import subprocess
import sys
import threading
import time
import weakref
from collections.abc import Callable
from concurrent.futures import Future
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


def _serve(conn: Connection, handler: Callable[[Any], Any]) -> None:
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


def _answer(kind: str, value: Any) -> Any:
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
         "from polemos.workers import _zygote_main; _zygote_main(int(sys.argv[1]))")  # fmt: skip


def _zygote_main(fd: int) -> None:
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
                        _serve(Connection(fds[0]), handler)
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


class _Zygote:
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
            _answer(*ready["error"])
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
        with self.lock:
            self.closed = True
            self._stop()


# ---- one worker -------------------------------------------------------------------------------------


class Worker:
    """One worker process, talked to by one thread at a time; started on the first call."""

    def __init__(self, spec: Handler, zygote: _Zygote | None = None) -> None:
        self.spec = spec
        self.zygote = zygote
        self.conn: Connection | None = None
        self.pid: int | None = None
        self._spawned: Any = None  # the multiprocessing Process, without a zygote
        self.started = 0  # processes started so far (a test reads it)

    @property
    def alive(self) -> bool:
        return self.conn is not None

    def start(self) -> None:
        if self.zygote is not None:
            mine, theirs = socket.socketpair()
            try:
                with theirs:
                    self.pid = self.zygote.request({"op": "fork"}, [theirs.fileno()])["pid"]
            except BaseException:
                mine.close()
                raise
            self.conn = Connection(mine.detach())
        else:
            self._spawn()
        self.started += 1

    def _spawn(self) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")
        mine, theirs = ctx.Pipe()
        proc = ctx.Process(target=_spawned_main, args=(theirs, self.spec), daemon=True)
        proc.start()
        theirs.close()
        self._spawned, self.pid, self.conn = proc, proc.pid, mine
        if not mine.poll(START_TIMEOUT):
            self.stop()
            raise NotStarted("it did not start: no answer")
        try:
            kind, value = mine.recv()
        except (EOFError, OSError) as e:
            raise NotStarted(f"it did not start: {exit_detail(self.stop())}") from e
        if kind != "ok":
            self.stop()
            _answer(kind, value)

    def call(self, payload: Any, timeout: float | None = None) -> Any:
        """The handler's answer to ``payload``; past ``timeout`` seconds the process is killed."""
        if self.conn is not None and self.conn.poll(0):  # idle, yet readable: it exited meanwhile
            self._reap()
        if self.conn is None:
            self.start()
        assert self.conn is not None
        try:
            self.conn.send(payload)
            if timeout is not None and not self.conn.poll(timeout):
                self.stop()
                raise TimedOut(timeout)
            kind, value = self.conn.recv()
        except (EOFError, OSError) as e:
            raise WorkerDied(exit_detail(self._reap())) from e
        return _answer(kind, value)

    def _reap(self) -> int | None:
        """The exit status of a process whose end of the channel closed (it has exited)."""
        return self._end(kill=False)

    def stop(self) -> int | None:
        """Kill the process (if any) and wait for it; its exit status."""
        return self._end(kill=True)

    def _end(self, *, kill: bool) -> int | None:
        conn, self.conn = self.conn, None
        pid, self.pid = self.pid, None
        proc, self._spawned = self._spawned, None
        status = None
        if proc is not None:
            if kill:
                proc.kill()
            proc.join()
            status = proc.exitcode
        elif pid is not None and self.zygote is not None:
            with contextlib.suppress(WorkerFault):
                status = self.zygote.request({"op": "kill" if kill else "wait", "pid": pid})["status"]
        if conn is not None:
            conn.close()
        return status


def _spawned_main(conn: Connection, spec: Handler) -> None:
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
    _serve(conn, handler)


# ---- the pool ---------------------------------------------------------------------------------------

_STOP = object()


class Job(Future[Any]):
    """A submitted payload's future; ``took``: the seconds its worker spent on it, once done."""

    took: float | None = None


class Pool:
    """``size`` workers of one handler; ``submit(payload, timeout)`` → Future of the answer.

    ``start``: "fork" (a zygote forks warm workers; POSIX) or "spawn" (each worker builds the handler);
    None picks fork where the platform has it."""

    def __init__(self, size: int, handler: Handler, *, start: str | None = None) -> None:
        self.size = max(1, size)
        self.handler = handler
        fork = hasattr(os, "fork") and hasattr(socket, "send_fds") and start != "spawn"
        self.zygote = _Zygote(handler) if fork else None
        self.workers = [Worker(handler, self.zygote) for _ in range(self.size)]
        self._jobs: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._closed = False
        self._threads = [
            threading.Thread(target=_feed, args=(self._jobs, w), daemon=True, name=f"polemos-worker-{i}")
            for i, w in enumerate(self.workers)
        ]
        for t in self._threads:
            t.start()
        # processes stop with the pool: closed, collected, or at the interpreter's exit
        self._finalizer = weakref.finalize(self, _shutdown, self._jobs, self.workers, self._threads,
                                           self.zygote)  # fmt: skip

    def submit(self, payload: Any, timeout: float | None = None) -> Job:
        """The handler's answer to ``payload`` (or what the call met: ``TimedOut``, ``WorkerDied``,
        ``NotStarted``, the handler's exception), from the next free worker, in submission order."""
        if self._closed:
            raise RuntimeError("the pool is closed")
        future = Job()
        self._jobs.put((future, payload, timeout))
        return future

    def pids(self) -> list[int]:
        """The processes running now: the zygote (if any) and the started workers."""
        found = [w.pid for w in self.workers if w.pid is not None]
        if self.zygote is not None and self.zygote.proc is not None and self.zygote.known():
            found.insert(0, self.zygote.proc.pid)
        return found

    def close(self) -> None:
        self._closed = True
        self._finalizer()

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _feed(jobs: queue.SimpleQueue[Any], worker: Worker) -> None:
    """One pool thread: its worker answers one job after another until the pool stops."""
    while True:
        job = jobs.get()
        if job is _STOP:
            return
        future, payload, timeout = job
        if not future.set_running_or_notify_cancel():
            continue
        t0 = time.monotonic()
        try:
            answer = worker.call(payload, timeout)
        except BaseException as e:  # noqa: BLE001 - every outcome goes to the caller's future
            future.took = time.monotonic() - t0
            future.set_exception(e)
        else:
            future.took = time.monotonic() - t0
            future.set_result(answer)


def _shutdown(jobs: queue.SimpleQueue[Any], workers: list[Worker], threads: list[threading.Thread],
              zygote: _Zygote | None) -> None:  # fmt: skip
    pending: list[Any] = []
    with contextlib.suppress(queue.Empty):
        while True:
            pending.append(jobs.get_nowait())
    for job in pending:
        if job is not _STOP:
            job[0].cancel()
    for _ in threads:
        jobs.put(_STOP)
    for w in workers:  # a call in progress meets the end of its channel and returns
        pid, proc = w.pid, w._spawned
        if proc is not None:
            proc.kill()
        elif pid is not None and zygote is not None:
            with contextlib.suppress(WorkerFault):
                zygote.request({"op": "kill", "pid": pid})
    deadline = time.monotonic() + 10
    for t in threads:
        if t is not threading.current_thread():
            t.join(max(0.0, deadline - time.monotonic()))
    for w in workers:
        w.stop()
    if zygote is not None:
        zygote.close()
