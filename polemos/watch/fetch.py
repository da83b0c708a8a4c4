"""Polite HTTP for the watcher, on the standard library: one request at a time per host, spaced by
``min_interval``; a timeout for the whole response (not only for each read, so a host that dribbles
bytes is cut off); a size cap; a User-Agent that says who asks; robots.txt obeyed for article pages
(RFC 9309: a missing robots.txt allows everything, an unreachable one allows nothing for now).

Redirects are followed (http and https only, at most ``MAX_REDIRECTS``) and the final URL kept.
Every failure is a ``FetchError`` with a coded one-line reason, for the source's record.
"""

from __future__ import annotations

import socket
import threading
import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass
from email.message import Message
from typing import Any
from urllib.parse import urlsplit

from polemos import __version__
from polemos.errors import Errors, code_of

USER_AGENT = f"polemos/{__version__} (conflict-news event extraction; polemos watch)"
AGENT_TOKEN = "polemos"  # the product token robots.txt rules name
MAX_REDIRECTS = 5


class FetchError(Exception):
    """A fetch that failed; ``reason`` is one coded line and ``code`` its code; ``status`` the HTTP
    status when one came."""

    def __init__(self, reason: str, status: int | None = None) -> None:
        super().__init__(reason)
        self.reason, self.status = reason, status
        self.code = code_of(reason)


@dataclass(frozen=True)
class Response:
    status: int  # 200, or 304 for a conditional GET whose validators still hold
    url: str  # after redirects
    body: bytes
    headers: Message

    @property
    def content_type(self) -> str:
        return (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> Any:
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise FetchError(
                Errors.E130.format(source=req.full_url, detail=f"redirect to {newurl!r} refused")
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Fetcher:
    """GETs with the watcher's manners; safe to share between threads."""

    def __init__(
        self,
        *,
        timeout: float = 20.0,
        max_bytes: int = 10_000_000,
        min_interval: float = 1.0,
        robots: bool = True,
        user_agent: str = USER_AGENT,
    ) -> None:
        self.timeout, self.max_bytes, self.min_interval = timeout, max_bytes, min_interval
        self.robots, self.user_agent = robots, user_agent
        self._opener = urllib.request.build_opener(_Redirects())
        self._lock = threading.Lock()
        self._hosts: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._rules: dict[str, urllib.robotparser.RobotFileParser | str] = {}
        self._robot_locks: dict[str, threading.Lock] = {}
        self.requests = 0

    def _host_lock(self, host: str) -> threading.Lock:
        with self._lock:
            return self._hosts.setdefault(host, threading.Lock())

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET ``url`` (conditional when validators are given): 200 or 304, else ``FetchError``."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(Errors.E130.format(source=url, detail="not an http(s) URL"))
        headers = {"User-Agent": self.user_agent, "Accept-Encoding": "identity"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        host = parts.netloc.lower()
        with self._host_lock(host):  # one request at a time per host, spaced
            wait = self._last.get(host, 0.0) + self.min_interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                return self._get(url, headers)
            finally:
                self._last[host] = time.monotonic()

    def _get(self, url: str, headers: dict[str, str]) -> Response:
        self.requests += 1
        deadline = time.monotonic() + self.timeout
        request = urllib.request.Request(url, headers=headers)
        try:
            with self._opener.open(request, timeout=self.timeout) as resp:
                size = resp.headers.get("Content-Length")
                if size and size.isdigit() and int(size) > self.max_bytes:
                    raise FetchError(self._too_big(url))
                parts, total = [], 0
                while chunk := resp.read(1 << 16):
                    total += len(chunk)
                    if total > self.max_bytes:
                        raise FetchError(self._too_big(url))
                    if time.monotonic() > deadline:
                        raise FetchError(
                            Errors.E130.format(source=url, detail=f"timed out after {self.timeout:g} s")
                        )
                    parts.append(chunk)
                return Response(resp.status, resp.geturl(), b"".join(parts), resp.headers)
        except urllib.error.HTTPError as e:
            e.close()  # its socket, else left to the garbage collector
            if e.code == 304:
                return Response(304, e.geturl() or url, b"", e.headers)
            raise FetchError(
                Errors.E131.format(source=url, status=e.code, reason=e.reason or ""), e.code
            ) from e
        except FetchError:
            raise
        except TimeoutError as e:
            raise FetchError(
                Errors.E130.format(source=url, detail=f"timed out after {self.timeout:g} s")
            ) from e
        except urllib.error.URLError as e:
            reason = e.reason
            if isinstance(reason, socket.gaierror):
                detail = f"host not found ({reason.strerror or reason})"
            elif isinstance(reason, TimeoutError | socket.timeout):
                detail = f"timed out after {self.timeout:g} s"
            else:
                detail = str(getattr(reason, "strerror", None) or reason)
            raise FetchError(Errors.E130.format(source=url, detail=detail)) from e
        except (OSError, ValueError) as e:  # a connection reset mid-body, a malformed status line
            raise FetchError(Errors.E130.format(source=url, detail=f"{type(e).__name__}: {e}")) from e

    def _too_big(self, url: str) -> str:
        return Errors.E106.format(
            source=url, size=f"more than {self.max_bytes / 1e6:g}", limit=self.max_bytes / 1e6
        )

    def allowed(self, url: str) -> None:
        """Raise ``FetchError`` unless robots.txt of the URL's host lets this agent fetch it."""
        if not self.robots:
            return
        parts = urlsplit(url)
        base = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            gate = self._robot_locks.setdefault(base, threading.Lock())
        with gate:  # one robots.txt request per host, however many threads ask at once
            rules = self._rules.get(base)
            if rules is None:
                rules = self._rules[base] = self._robots(base)
        if isinstance(rules, str):  # robots.txt unreachable: nothing is fetched this round
            raise FetchError(Errors.E130.format(source=url, detail=f"robots.txt unreachable ({rules})"))
        if not rules.can_fetch(AGENT_TOKEN, url):
            raise FetchError(Errors.E132.format(source=url, agent=AGENT_TOKEN))

    def _robots(self, base: str) -> urllib.robotparser.RobotFileParser | str:
        parser = urllib.robotparser.RobotFileParser(base + "/robots.txt")
        try:
            found = self.get(base + "/robots.txt")
        except FetchError as e:
            if e.status is not None and 400 <= e.status < 500:
                parser.parse([])  # none: everything allowed
                return parser
            return e.reason.split(": ", 1)[-1]
        parser.parse(found.body.decode("utf-8", "replace").splitlines())
        return parser
