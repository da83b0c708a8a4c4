"""Read answers made whole in one worker thread: the store's read and the JSON bytes written from it.

A sync FastAPI endpoint costs up to four hand-offs between the event loop and the threadpool per
request (each sync dependency, the endpoint, then validating the answer against its response
model), and under concurrent requests every hand-off waits for the interpreter's lock that another
request's thread holds: that, not the store, was most of ``GET /events`` over HTTP with 4 clients.
The read endpoints are coroutines instead: their dependencies (``on_loop``) and their checks of
the query run on the loop, and the store read and the shaping go to the threadpool once
(``in_thread``), coming back as a ``Response`` that FastAPI sends as it is.

``Shaped`` writes the same bytes FastAPI writes for a declared response model (validate with the
model's ``TypeAdapter``, then ``dump_json`` by alias), so answers do not change, and the route
still declares its ``response_model`` for the OpenAPI document. A record the model refuses is
``ResponseValidationError``, as FastAPI raises it (a 500 in the one error shape).
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any, ParamSpec, TypeVar

from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import ResponseValidationError
from pydantic import BaseModel, TypeAdapter, ValidationError
from starlette.responses import Response

P = ParamSpec("P")
T = TypeVar("T")

MEDIA_TYPE = "application/json"


class Shaped:
    """A response model's JSON, written as FastAPI writes an endpoint's answer for it."""

    def __init__(self, model: type[BaseModel]) -> None:
        self.model = model
        self._adapter: TypeAdapter[Any] = TypeAdapter(model)

    def body(self, content: Any) -> bytes:
        try:
            value = self._adapter.validate_python(content, from_attributes=True)
        except ValidationError as e:
            errors = [
                {**err, "loc": ("response", *err.get("loc", ()))} for err in e.errors(include_url=False)
            ]
            raise ResponseValidationError(errors=errors, body=content) from e
        return self._adapter.dump_json(value, by_alias=True)

    def response(self, content: Any, status_code: int = 200) -> Response:
        return Response(self.body(content), status_code=status_code, media_type=MEDIA_TYPE)


def on_loop(fn: Callable[P, T]) -> Callable[P, Awaitable[T]]:
    """``fn`` as a coroutine function of the same signature, so FastAPI calls it on the event loop
    instead of handing it to the threadpool: for a short dependency that only reads its arguments
    (query parameters parsed and checked). ``fn`` itself stays a plain function for direct callers."""

    @functools.wraps(fn)
    async def run(*args: P.args, **kwargs: P.kwargs) -> T:
        return fn(*args, **kwargs)

    return run


async def in_thread(work: Callable[[], Response]) -> Response:
    """``work`` (a store read and its answer) in the threadpool: one hand-off for the request."""
    return await run_in_threadpool(work)
