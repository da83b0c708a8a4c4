"""One error shape for every error the API answers: ``{ok: false, error, errors, status, code}``.

Everything that can go wrong ends here: our ``ApiError`` and ``PolemosError`` (coded messages from
``polemos.errors``), FastAPI's validation errors, Starlette's 404/405, an oversized body (answered by
``BodyLimit`` before the app reads it) and any other exception (500, no traceback to the client).
"""

from __future__ import annotations

import logging
import math
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from polemos.api.pool import Busy, PipelineCrash, TimedOut, WorkerDied
from polemos.api.writes import WritesBusy
from polemos.errors import Errors, PolemosError, StoreBusy, StoreError, code_of

log = logging.getLogger("polemos.api")


class ApiError(Exception):
    """An error answer: HTTP status and a coded message (``Errors.E6xx.format(...)``, whose code it keeps)."""

    def __init__(self, status: int, message: str, errors: list[Any] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code_of(message)
        self.errors = errors or []


def _clean(value: Any) -> Any:
    """Strings an error echoes, encodable as UTF-8 (a lone surrogate from a request becomes ``\\ud800``)."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    return value


def error_body(
    status: int, message: str, errors: list[Any] | None = None, code: str | None = None
) -> dict[str, Any]:
    """The JSON of an error: ``code`` the given one, else the one the message carries (a ``Message``
    of ``polemos.errors``); ``error`` the text after the code that starts it."""
    code = code or code_of(message)
    message = _clean(message)
    if code and message.startswith(f"[{code}]"):
        message = message[len(code) + 2 :].lstrip()
    return {"ok": False, "error": message, "errors": _clean(errors or []), "status": status, "code": code}


def error_response(
    status: int, message: str, errors: list[Any] | None = None, code: str | None = None
) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(error_body(status, message, errors, code), status_code=status, headers=headers)


def retry_later(status: int, message: str, seconds: int, code: str | None = None) -> JSONResponse:
    """An error the client should send again later: ``Retry-After: seconds`` (429 E611 a full
    extraction pool, 503 E407 a store another ingest holds, 503 E616 too many ``POST /articles``)."""
    response = error_response(status, message, code=code)
    response.headers["Retry-After"] = str(max(1, seconds))
    return response


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api(_: Request, e: ApiError) -> JSONResponse:
        return error_response(e.status, e.message, e.errors, e.code)

    @app.exception_handler(PolemosError)
    async def _polemos(request: Request, e: PolemosError) -> JSONResponse:
        if isinstance(e, StoreBusy):  # not the server's fault: the client sends it again later
            log.warning("%s", e)
        elif e.status >= 500:
            log.error("%s", e)
        message = public_store_message(e, request.app.state.store) if isinstance(e, StoreError) else str(e)
        if isinstance(e, WritesBusy):
            return retry_later(e.status, message, e.retry_after, e.code)
        if isinstance(e, StoreBusy):
            wait = getattr(request.app.state, "store_wait", 0)
            return retry_later(e.status, message, e.retry_after or math.ceil(wait) or 1, e.code)
        return error_response(e.status, message, code=e.code)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, e: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": [str(p) for p in err.get("loc", ())], "msg": err.get("msg", ""), "type": err.get("type")}
            for err in e.errors()
        ]
        first = errors[0] if errors else {"loc": [], "msg": "invalid", "type": None}
        not_json = _not_json(request, first)
        if not_json:
            return error_response(400, Errors.E614.format(detail=not_json), errors)
        where = ".".join(x for x in first["loc"] if x not in ("body", "query", "path"))
        msg = first["msg"]
        if first["type"] == "string_unicode":  # JSON's \ud800 escapes decode to a lone surrogate
            at = msg.rpartition(" at ")[2] if "surrogate at" in msg else None
            msg = "not valid Unicode: a lone surrogate" + (f" at {at}" if at else "")
            msg += " (what a broken JSON encoder writes); send UTF-8 text"
        detail = f"{where}: {msg}" if where else msg
        return error_response(422, Errors.E602.format(detail=detail), errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, e: StarletteHTTPException) -> JSONResponse:
        if e.status_code == 400:  # FastAPI's "There was an error parsing the body": bytes not UTF-8
            message = Errors.E614.format(detail=str(e.detail).lower())
        elif e.status_code == 404:
            message = Errors.E605.format(path=request.url.path)
        elif e.status_code == 405:
            message = Errors.E606.format(method=request.method, path=request.url.path)
        else:
            message = str(e.detail)
        return error_response(e.status_code, message, code=code_of(message) or code_of(e.detail))

    @app.exception_handler(Busy)
    async def _busy(_: Request, e: Busy) -> JSONResponse:
        return retry_later(429, str(e), e.retry_after, e.code)

    @app.exception_handler(TimedOut)
    async def _timed_out(_: Request, e: TimedOut) -> JSONResponse:
        log.warning("%s", e)
        return error_response(503, str(e), code=e.code)

    @app.exception_handler(WorkerDied)
    async def _died(_: Request, e: WorkerDied) -> JSONResponse:
        log.error("%s", e)
        return error_response(500, str(e), code=e.code)

    @app.exception_handler(PipelineCrash)
    async def _pipeline(_: Request, e: PipelineCrash) -> JSONResponse:
        return error_response(500, str(e), code=e.code)

    @app.exception_handler(Exception)
    async def _crash(_: Request, e: Exception) -> JSONResponse:
        log.exception("unhandled error")
        return error_response(500, Errors.E609.format(name=type(e).__name__))


def public_store_message(e: StoreError, store: Any) -> str:
    """A database error as a client may read it: never the database's URL, host, user or password
    (the store says how: ``polemos.store.errors.public_message``)."""
    from polemos.store.errors import public_message

    return public_message(e, str(store.url) if store is not None else "")


def _not_json(request: Request, first: dict[str, Any]) -> str | None:
    """Why a body is not JSON at all (400), or None when it is JSON of the wrong shape (422)."""
    if first["type"] == "json_invalid":
        at = first["loc"][1] if len(first["loc"]) > 1 else "?"
        return f"{first['msg'].lower()} at character {at}"
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if first["loc"] == ["body"] and request.method == "POST" and not kind.endswith("json"):
        return f"content-type {kind or 'missing'!r}; send application/json"
    return None


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
