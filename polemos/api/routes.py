"""The JSON API: thin callers of ``polemos.extract``, the store and ``polemos.api.data``."""

from __future__ import annotations

import hmac
import logging
import re
from datetime import date
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from starlette.responses import Response

from polemos import __version__
from polemos.api import data
from polemos.api.answer import Shaped, in_thread, on_loop
from polemos.api.errors import ApiError
from polemos.api.models import (
    ArticleResult,
    ArticleWithText,
    ErrorBody,
    EventDetail,
    EventPage,
    ExtractRequest,
    Health,
    IngestAnswer,
    IngestRequest,
    Stats,
)
from polemos.errors import Errors
from polemos.store import EventFilter
from polemos.store.base import Store as StoreProtocol
from polemos.store.engine import redact

MAX_PAGE = 1000
MAX_OFFSET = 2**63 - 1  # what SQLite and PostgreSQL take as OFFSET (a bigint)
# filter lengths: names are stored in 1000 characters, ids in 2048, codes in 40; longer cannot match
# (and SQLite refuses a LIKE pattern over 50,000 characters)
NAME, ID, CODE = 1000, 2048, 40
_ERRORS: dict[int | str, dict[str, Any]] = {
    s: {"model": ErrorBody, "description": d}
    for s, d in (
        (401, "No or wrong token"),
        (403, "Writes disabled"),
        (404, "Not found"),
        (413, "Body or text too large"),
        (422, "Invalid request"),
        (429, "Too many extractions running or waiting (Retry-After says when to come back)"),
        (503, "No database, the extraction's time budget ran out, or writes busy (Retry-After)"),
    )  # fmt: skip
}

router = APIRouter(responses=_ERRORS)
# the read answers, written in the worker thread that read them (polemos.api.answer)
PAGE, DETAIL, ARTICLE, STATS = Shaped(EventPage), Shaped(EventDetail), Shaped(ArticleWithText), Shaped(Stats)
log = logging.getLogger("polemos.api")


async def get_store(request: Request) -> StoreProtocol:
    """The app's store (a coroutine: FastAPI calls it on the event loop, not in the threadpool)."""
    store = request.app.state.store
    if store is None:
        raise ApiError(503, Errors.E608)
    return store  # type: ignore[no-any-return]


def require_token(request: Request) -> None:
    """Every write needs the operator's bearer token; with no token configured, writes are off."""
    wanted: str | None = request.app.state.token
    if not wanted:
        raise ApiError(403, Errors.E604)
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), wanted.encode()):
        raise ApiError(401, Errors.E603)


def storable(ident: str) -> bool:
    """Whether a stored id could be this one (none is longer than 2048 or holds a NUL, which
    PostgreSQL refuses even to compare): else the answer is 404 without asking the database."""
    return len(ident) <= ID and "\x00" not in ident


def _day(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        detail = f"{name}: {value!r} is not a date (YYYY-MM-DD)"
        raise ApiError(422, Errors.E602.format(detail=detail)) from None


def _floats(value: str | None, name: str, n: int, shape: str) -> tuple[float, ...] | None:
    if value is None or value == "":
        return None
    parts = [p.strip() for p in value.split(",")]
    try:
        nums = tuple(float(p) for p in parts)
    except ValueError:
        nums = ()
    if len(nums) != n or any(x != x for x in nums):  # x != x: NaN
        raise ApiError(422, Errors.E602.format(detail=f"{name}: {value!r} is not {shape}"))
    return nums


def event_filters(
    type: Annotated[str | None, Query(max_length=CODE, description="PLOVER type, e.g. ASSAULT")] = None,
    country: Annotated[
        str | None, Query(max_length=CODE, description="ISO 3166-1 alpha-2 of any location")
    ] = None,
    since: Annotated[
        str | None, Query(max_length=CODE, description="YYYY-MM-DD: events reaching this day or later")
    ] = None,
    until: Annotated[
        str | None, Query(max_length=CODE, description="YYYY-MM-DD: events starting on or before")
    ] = None,
    actor: Annotated[
        str | None, Query(max_length=NAME, description="actor or target name, substring")
    ] = None,
    claimant: Annotated[str | None, Query(max_length=NAME, description="claimant name, substring")] = None,
    modality: Annotated[
        str | None, Query(max_length=CODE, description="asserted, planned, denied, …")
    ] = None,
    near: Annotated[str | None, Query(max_length=200, description="LAT,LON,KM")] = None,
    bbox: Annotated[str | None, Query(max_length=200, description="WEST,SOUTH,EAST,NORTH in degrees")] = None,
    article_id: Annotated[str | None, Query(max_length=ID, description="events of one article")] = None,
) -> tuple[EventFilter, tuple[float, float, float, float] | None]:
    given = {"type": type, "country": country, "since": since, "until": until, "actor": actor,
             "claimant": claimant, "modality": modality, "near": near, "bbox": bbox,
             "article_id": article_id}  # fmt: skip
    for name, value in given.items():
        if value and "\x00" in value:  # no stored value holds one (PostgreSQL refuses them)
            raise ApiError(422, Errors.E602.format(detail=f"{name}: contains a NUL character"))
    if country and not re.fullmatch(r"[A-Za-z]{2}", country):
        raise ApiError(422, Errors.E602.format(detail=f"country: {country!r} is not a two-letter ISO code"))
    where = EventFilter(
        type=type or None, country=country or None, since=_day(since, "since"), until=_day(until, "until"),
        actor=actor or None, claimant=claimant or None, modality=modality or None,
        near=_floats(near, "near", 3, "LAT,LON,KM"),  # type: ignore[arg-type]
        article_id=article_id or None,
    )  # fmt: skip
    box = _floats(bbox, "bbox", 4, "WEST,SOUTH,EAST,NORTH")
    if box is not None and not (-90 <= box[1] <= box[3] <= 90):
        raise ApiError(422, Errors.E602.format(detail=f"bbox: {bbox!r}: need -90 <= south <= north <= 90"))
    return where, box  # type: ignore[return-value]


Filters = Annotated[tuple[EventFilter, Any], Depends(on_loop(event_filters))]
Store = Annotated[StoreProtocol, Depends(get_store)]  # reads: anything with the store Protocol
Writer = Annotated[StoreProtocol, Depends(get_store)]  # POST /articles: the ingest service's store


@router.get("/health", response_model=Health, tags=["service"])
def health(request: Request) -> dict[str, Any]:
    from polemos.fuse.stored import pending

    store = request.app.state.store
    return {"ok": True, "version": __version__, "database": None if store is None else redact(store.url),
            "map_assets": request.app.state.vendor is not None,
            "unfused_reports": None if store is None else pending(store)}  # fmt: skip


def _budgeted(request: Request, body: ExtractRequest) -> dict[str, Any]:
    """The request's fields, once its text is within the per-request budget (413 beyond it)."""
    limit: int = request.app.state.max_chars
    if len(body.text) > limit:
        raise ApiError(413, Errors.E610.format(field="text", size=len(body.text), limit=limit))
    return body.model_dump()


@router.post("/extract", response_model=ArticleResult, response_model_by_alias=True, tags=["extract"])
async def extract(body: ExtractRequest, request: Request) -> dict[str, Any]:
    """Text in, the article's result out (contract ``polemos.article/1``); nothing is stored.
    Runs in the extraction pool: 429 with Retry-After when it is full, 503 past the time budget."""
    return await request.app.state.pool.extract(_budgeted(request, body))  # type: ignore[no-any-return]


@router.get("/events", response_model=EventPage, response_model_by_alias=True, tags=["events"])
async def list_events(
    request: Request,
    store: Store,
    filters: Filters,
    sort: Annotated[str, Query(description="one of " + ", ".join(data.SORTS))] = "-date",
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
) -> Response:
    """Events matching every filter given, one page at a time, in the fused shape."""
    if sort not in data.SORTS:
        detail = f"sort: {sort!r} is not one of {', '.join(data.SORTS)}"
        raise ApiError(422, Errors.E602.format(detail=detail))
    where, bbox = filters
    query = data.EventQuery(where, bbox, sort, offset, limit)
    fused = request.app.state.fused

    def answer() -> Response:
        total, found = data.page_events(store, query, fused=fused)
        page = {"ok": True, "total": total, "offset": offset, "limit": limit, "sort": sort, "events": found}
        return PAGE.response(page)

    return await in_thread(answer)


@router.get("/events/{event_id}", response_model=EventDetail, response_model_by_alias=True, tags=["events"])
async def get_event(event_id: str, request: Request, store: Store) -> Response:
    """One event (by its id, or one of its reports' uid): the record, its reports, claims, evidence."""
    if not storable(event_id):
        raise ApiError(404, Errors.E404.format(id=event_id[:ID]))
    fused = request.app.state.fused

    def answer() -> Response:
        found = data.event_detail(store, event_id, fused=fused)  # one store call
        if found is None:
            raise ApiError(404, Errors.E404.format(id=event_id[:ID]))
        return DETAIL.response(found)

    return await in_thread(answer)


@router.get("/articles/{article_id:path}", response_model=ArticleWithText, response_model_by_alias=True,
            tags=["articles"])  # fmt: skip
async def get_article(article_id: str, store: Store) -> Response:
    """One stored article: its text and the contract record whose spans index into it."""
    if not storable(article_id):
        raise ApiError(404, Errors.E607.format(id=article_id[:ID]))

    def answer() -> Response:
        record = store.article(article_id)
        if record is None:
            raise ApiError(404, Errors.E607.format(id=article_id[:ID]))
        return ARTICLE.response({**record, "text": store.article_text(article_id) or ""})

    return await in_thread(answer)


@router.post("/articles", response_model=IngestAnswer, status_code=201, tags=["articles"],
             dependencies=[Depends(require_token)])  # fmt: skip
async def post_article(body: IngestRequest, request: Request, store: Writer) -> dict[str, Any]:
    """Extract an article and store it (needs the bearer token); its events join fused events before
    the answer. The same text again adds nothing. Recorded as an ingest run; an article that cannot
    be extracted or stored is quarantined (as ``polemos ingest`` does) and answered with its error."""
    from polemos.api.ingest import quarantine_one, store_one
    from polemos.api.pool import Busy

    fields = _budgeted(request, body)
    pool = request.app.state.pool
    wait = request.app.state.store_wait  # then 503 E407 with Retry-After: another ingest holds the store
    try:
        record = await pool.extract(fields)
    except Busy:
        raise  # refused before it ran: not a bad input
    except Exception as e:  # noqa: BLE001  (quarantined, then answered as before)
        try:
            await run_in_threadpool(partial(quarantine_one, store, e, body.id, workers=pool.workers,
                                                 wait=wait))  # fmt: skip
        except Exception:  # noqa: BLE001  (the answer is the extraction's error, not the quarantine's)
            log.exception("POST /articles: the failure could not be quarantined")
        raise
    stored = partial(store_one, store, record, fields["text"], workers=pool.workers, wait=wait)
    return await run_in_threadpool(stored)


@router.get("/stats", response_model=Stats, tags=["events"])
async def get_stats(
    request: Request,
    store: Store,
    filters: Filters,
    interval: Annotated[str, Query(description="timeline buckets: day or week")] = "day",
) -> Response:
    """Counts of the filtered events by type, country, month, and a day or week timeline."""
    if interval not in data.INTERVALS:
        raise ApiError(422, Errors.E602.format(detail=f"interval: {interval!r} is not day or week"))
    where, bbox = filters
    fused = request.app.state.fused
    return await in_thread(lambda: STATS.response(data.stats(store, where, bbox, interval, fused=fused)))
