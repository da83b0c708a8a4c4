"""``Guard``: the outermost middleware. It answers only for the hosts the server is meant to be reached
by (DNS rebinding: a page on another site that makes its own name resolve to 127.0.0.1 sends its own
name as Host), puts the security headers on every response, and answers a crash with the one error
shape (so that answer carries the headers too).

The Content-Security-Policy allows what the dashboard loads and nothing else: its own scripts,
styles, JSON and images (``/static``, ``/vendor``), data: images (Leaflet), and the OpenStreetMap
tiles the map can switch on when online; no inline script or style. ``/docs`` loads Swagger UI
from ``/vendor`` and starts it from ``/static`` (no CDN, no inline script); Swagger UI sets inline
styles and draws from data: and blob: URLs, so that page alone allows those.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from polemos.errors import Errors

log = logging.getLogger("polemos.api")

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
WILDCARD_BINDS = ("0.0.0.0", "::", "")
TILES = "https://tile.openstreetmap.org"
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    f"img-src 'self' data: {TILES}; connect-src 'self'; font-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
DOCS_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs", "/docs/oauth2-redirect")
HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
)


def allowed_hosts(given: Iterable[str] | None = None, bind: str | None = None) -> frozenset[str]:
    """The host names answered for: the local names, ``bind`` (unless a wildcard address), ``given``
    and ``POLEMOS_ALLOWED_HOSTS`` (comma or space separated); ``*`` in either turns the check off."""
    names = [*LOCAL_HOSTS, *(given or ()), *re.split(r"[\s,]+", os.environ.get("POLEMOS_ALLOWED_HOSTS", ""))]
    if bind and bind not in WILDCARD_BINDS:
        names.append(bind)
    return frozenset(n.strip().strip("[]").lower().rstrip(".") for n in names if n.strip())


def host_name(header: str) -> str:
    """The name in a Host header, without its port: ``[::1]:8000`` -> ``::1``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    name, colon, port = header.rpartition(":")
    return (name if colon and port.isdigit() else header).rstrip(".")


class Guard:
    def __init__(self, app: ASGIApp, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_POLICY if scope.get("path") in DOCS_PATHS else PAGE_POLICY
        extra = [*HEADERS, (b"content-security-policy", policy.encode())]
        started = False

        async def guarded(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        host = dict(scope.get("headers") or []).get(b"host")
        if host is not None and "*" not in self.hosts:
            name = host_name(host.decode("latin-1"))
            if name not in self.hosts:
                await _answer(guarded, 400, Errors.E615.format(host=name[:200]))
                return
        try:
            await self.app(scope, receive, guarded)
        except Exception as e:
            if started:
                raise
            log.exception("unhandled error")
            await _answer(guarded, 500, Errors.E609.format(name=type(e).__name__))


async def _answer(send: Send, status: int, message: str) -> None:
    from polemos.api.errors import error_response

    response = error_response(status, message)
    await send({"type": "http.response.start", "status": status, "headers": response.raw_headers})
    await send({"type": "http.response.body", "body": response.body})
