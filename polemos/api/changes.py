"""``GET /changes?since=CURSOR``: the change feed of fused events (``polemos.store.changes``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict

from polemos.api.errors import ApiError
from polemos.api.routes import MAX_PAGE, get_store
from polemos.errors import Errors
from polemos.store.base import Store

router = APIRouter()


class Change(BaseModel):
    model_config = ConfigDict(extra="allow")
    cursor: str
    op: str  # added, updated, merged, removed
    id: str
    version: int
    into: str | None = None  # merged: the fused event it became part of
    at: str
    event: dict[str, Any] | None = None  # added, updated: the record at this version


class ChangePage(BaseModel):
    ok: bool = True
    since: str
    cursor: str  # pass it as ?since= to continue
    more: bool  # more changes wait after this page
    changes: list[Change]


@router.get("/changes", response_model=ChangePage, tags=["events"])
def get_changes(
    request: Request,
    store: Annotated[Store, Depends(get_store)],
    since: Annotated[
        str,
        Query(
            max_length=20,
            description="cursor of the last change seen (0: all; now: none, only the latest cursor)",
        ),
    ] = "0",
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
) -> dict[str, Any]:
    """Fused events added, updated, merged (old id → new id) or removed after the cursor, in order."""
    from polemos.store.changes import parse_cursor

    # a read: every write path recorded what its fusion changed before it returned
    if since == "now":  # a reader that wants what happens from now on (the dashboard's live updates)
        last = store.latest_cursor()
        return {"ok": True, "since": str(last), "cursor": str(last), "more": False, "changes": []}
    try:
        cursor = parse_cursor(since)
    except ValueError:
        detail = f"since: {since!r} is not a cursor (a number from an earlier answer, 0, or now)"
        raise ApiError(422, Errors.E602.format(detail=detail)) from None
    found, last, more = store.changes_since(cursor, limit)
    return {"ok": True, "since": str(cursor), "cursor": str(last), "more": more, "changes": found}
