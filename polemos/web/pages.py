"""The dashboard's pages. Every value from an article reaches the HTML through Jinja's autoescape."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from polemos.api import data
from polemos.api.errors import ApiError, error_body
from polemos.api.routes import ID, MAX_OFFSET, MAX_PAGE, Filters, storable
from polemos.contract.event_types import EVENT_TYPES
from polemos.errors import Errors
from polemos.store.records import event_uid
from polemos.web import HERE
from polemos.web.highlight import event_marks, evidence_segments, segments

# A column of the event-type table (polemos/contract/event_types.py); the page reads it from pm-config.
TYPE_COLORS = {name: t.colour for name, t in EVENT_TYPES.items()}
# "reported": the French conditionnel de presse ("aurait tué"), polemos/lang/fr
MODALITIES = (
    "asserted", "planned", "proposed", "threatened", "hypothetical", "negated", "denied", "reported",
)  # fmt: skip

templates = Jinja2Templates(directory=HERE / "templates")
templates.env.globals.update(
    type_colors=TYPE_COLORS, segments=segments, event_marks=event_marks, evidence_segments=evidence_segments
)
router = APIRouter(include_in_schema=False)


def _page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("vendor", request.app.state.vendor is not None)
    context.setdefault("has_store", request.app.state.store is not None)
    return templates.TemplateResponse(request, name, context, status_code=status)


def _error_page(request: Request, e: ApiError) -> HTMLResponse:
    return _page(request, "error.html", status=e.status, err=error_body(e.status, e.message))


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, filters: Filters) -> HTMLResponse:
    where, _ = filters
    store = request.app.state.store
    types = list(TYPE_COLORS)
    countries: list[str] = []
    if store is not None:
        stored_types, countries = data.facets(store)
        types = sorted(set(stored_types) | ({where.type.upper()} if where.type else set()))
    return _page(request, "dashboard.html", where=where, types=types, countries=countries,
                 modalities=MODALITIES, q=request.query_params)  # fmt: skip


@router.get("/fragments/events", response_class=HTMLResponse)
def events_fragment(
    request: Request, filters: Filters, sort: str = "-date", offset: int = 0, limit: int = 100
) -> HTMLResponse:
    """The table rows for the current filters, rendered here so escaping happens in one place."""
    store = request.app.state.store
    if store is None:
        return _error_page(request, ApiError(503, Errors.E608))
    where, bbox = filters
    sort = sort if sort in data.SORTS else "-date"
    q = data.EventQuery(where, bbox, sort, min(max(0, offset), MAX_OFFSET), min(max(1, limit), MAX_PAGE))
    total, found = data.page_events(store, q, fused=request.app.state.fused)
    return _page(request, "_rows.html", events=found, total=total)


@router.get("/event/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> HTMLResponse:
    store = request.app.state.store
    if store is None:
        return _error_page(request, ApiError(503, Errors.E608))
    found = data.event_detail(store, event_id, fused=request.app.state.fused) if storable(event_id) else None
    if found is None:
        return _error_page(request, ApiError(404, Errors.E404.format(id=event_id[:ID])))
    return _page(request, "event.html", ev=found, history=_history(store, found.get("id")))


def _history(store: Any, fused_id: str | None) -> list[dict[str, Any]]:
    """The event's versions from the change feed (docs/watch.md); none for a store that has no feed."""
    from polemos.errors import StoreError

    try:
        return store.event_versions(fused_id) if fused_id else []
    except StoreError:
        return []


@router.get("/article/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    store = request.app.state.store
    if store is None:
        return _error_page(request, ApiError(503, Errors.E608))
    record = store.article(article_id) if storable(article_id) else None
    if record is None:
        return _error_page(request, ApiError(404, Errors.E607.format(id=article_id[:ID])))
    text = store.article_text(article_id) or ""
    marks = []
    for ev in record.get("events") or []:
        evid = ev.get("evidence") or {}
        if isinstance(evid.get("start"), int) and isinstance(evid.get("end"), int):
            marks.append((evid["start"], evid["end"], "evidence"))
        marks.extend(event_marks(ev))
    uids = {ev.get("id"): event_uid(article_id, ev.get("id")) for ev in record.get("events") or []}
    return _page(request, "article.html", rec=record, text=text, segs=segments(text, 0, marks), uids=uids)


@router.get("/types.css")
def type_colours() -> Response:
    """Each PLOVER type's colour as CSS (the pages carry no style attributes: see the CSP)."""
    rules = [".type { --c: #95a5a6; }"]
    rules += [f'.type[data-type="{t}"] {{ --c: {c}; }}' for t, c in TYPE_COLORS.items()]
    return Response("\n".join(rules) + "\n", media_type="text/css", headers={"Cache-Control": "max-age=3600"})


@router.get("/paste", response_class=HTMLResponse)
def paste_page(request: Request) -> HTMLResponse:
    return _page(request, "paste.html")
