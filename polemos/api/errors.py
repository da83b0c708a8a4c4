"""One error shape for every error the API answers: ``{ok: false, error, errors, status, code}``.

Everything that can go wrong ends here: our ``ApiError`` and ``PolemosError`` (coded messages from
``polemos.errors``), FastAPI's validation errors, Starlette's 404/405, an oversized body (answered by
``BodyLimit`` before the app reads it) and any other exception (500, no traceback to the client).
"""

from __future__ import annotations

import logging
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from polemos.errors import Errors, MigrationError, PolemosError, ReadError, StoreError

log = logging.getLogger("polemos.api")
_CODE = re.compile(r"^\[(E\d{3})\]\s*")


class ApiError(Exception):
    """An error answer: HTTP status and a coded message (``Errors.E6xx.format(...)``)."""

    def __init__(self, status: int, message: str, errors: list[Any] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors or []


def error_body(status: int, message: str, errors: list[Any] | None = None) -> dict[str, Any]:
    """The JSON of an error; ``code`` is read off the message's ``[E123]`` prefix."""
    found = _CODE.match(message)
    return {
        "ok": False,
        "error": _CODE.sub("", message),
        "errors": errors or [],
        "status": status,
        "code": found.group(1) if found else None,
    }


def error_response(status: int, message: str, errors: list[Any] | None = None) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(error_body(status, message, errors), status_code=status, headers=headers)


def _status_of(e: PolemosError) -> int:
    if isinstance(e, ReadError):
        return 422
    if isinstance(e, MigrationError):
        return 503
    if isinstance(e, StoreError):
        return 503 if "[E401]" in str(e) else 500
    return 400


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api(_: Request, e: ApiError) -> JSONResponse:
        return error_response(e.status, e.message, e.errors)

    @app.exception_handler(PolemosError)
    async def _polemos(_: Request, e: PolemosError) -> JSONResponse:
        status = _status_of(e)
        if status >= 500:
            log.error("%s", e)
        return error_response(status, str(e))

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, e: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": [str(p) for p in err.get("loc", ())], "msg": err.get("msg", ""), "type": err.get("type")}
            for err in e.errors()
        ]
        first = errors[0] if errors else {"loc": [], "msg": "invalid"}
        where = ".".join(x for x in first["loc"] if x not in ("body", "query", "path"))
        detail = f"{where}: {first['msg']}" if where else first["msg"]
        return error_response(422, Errors.E602.format(detail=detail), errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, e: StarletteHTTPException) -> JSONResponse:
        if e.status_code == 404:
            message = Errors.E605.format(path=request.url.path)
        elif e.status_code == 405:
            message = Errors.E606.format(method=request.method, path=request.url.path)
        else:
            message = str(e.detail)
        return error_response(e.status_code, message)

    @app.exception_handler(Exception)
    async def _crash(_: Request, e: Exception) -> JSONResponse:
        log.exception("unhandled error")
        return error_response(500, Errors.E609.format(name=type(e).__name__))


class BodyLimit:
    """ASGI middleware: refuse a request body over ``limit`` bytes with 413, declared or streamed."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(int(declared), send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    error = _TooLarge(seen)
                    error.detail = Errors.E601.format(size=f"over {self.limit}", limit=self.limit)
                    raise error
            return message

        try:
            await self.app(scope, counted, send)
        except _TooLarge as e:
            await self._refuse(e.size, send)

    async def _refuse(self, size: int, send: Send) -> None:
        response = error_response(413, Errors.E601.format(size=size, limit=self.limit))
        await send({"type": "http.response.start", "status": 413, "headers": response.raw_headers})
        await send({"type": "http.response.body", "body": response.body})


class _TooLarge(StarletteHTTPException):
    """Raised from ``receive``: an HTTPException so FastAPI's body parsing passes it on unchanged."""

    def __init__(self, size: int) -> None:
        super().__init__(413, Errors.E601.format(size=f"over {size}", limit="?"))
        self.size = size
