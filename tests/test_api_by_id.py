"""``GET /events/{id}`` from one store call (``Store.event_by_id``, two queries) answers the same
bytes, for every fused id and every report uid, as the by-id answer made of five store calls
(``fused_id_of``, ``fused``, ``fused_members``, ``events``), on SQLite and PostgreSQL, through
merges and a split, with reports holding odd numbers and text."""

from __future__ import annotations

from typing import Any

from api_fixtures import Client
from sqlalchemy import event as sa_event
from sqlalchemy import select, update
from store_fixtures import *  # noqa: F403  (the store fixture: SQLite and PostgreSQL)
from test_store_fused_keys import _article, _corpus, _ev, _fused_of, _put

from polemos.api import data
from polemos.api.app import create_app
from polemos.api.routes import DETAIL
from polemos.fuse import report_uid, stored
from polemos.store import SqlStore
from polemos.store.schema import events, fused_events


def _before(store: SqlStore, ident: str) -> dict[str, Any] | None:
    """The by-id answer as it was made before ``event_by_id``: five store calls."""
    fid = store.fused_id_of(ident)
    records = store.fused([fid]) if fid else []
    if not records:
        return None
    reports = store.events(store.fused_members(records[0]["id"]))
    reports.sort(key=lambda r: (r.get("published") or "", r.get("article_id") or "", r.get("uid")))
    return {**records[0], "report_events": reports}


def _odd(article: str, **extra: Any) -> dict[str, Any]:
    """A report carrying keys beyond the contract (kept in its stored record as they came)."""
    ev = _ev(article, "Şelling hit Ḥomṣ — “twice” — on 3 March.", type="ASSAULT", places=("Aleppo",),
             date=("2020-03-03", "2020-03-03", "day"), actor="the army", outlet="Wire\u2028Ünï")  # fmt: skip
    return {**ev, **extra}


def _filled(store: SqlStore) -> None:
    _put(store, *_corpus())
    _put(store, _article(_odd("g", score=0.25, note='a "quoted"\\ line\n\ttabbed\x01')))
    _put(
        store,
        _article(_odd("h", tiny=1e-05, huge=3.2e16, nan_text="re-run e+1 NaN 1e5", big=1234567890123456789)),
    )
    _put(store, _article(_odd("i", ratio=0.30000000000000004, neg=-7.5, whole=100.0, zero=0.0)))
    stored.update(store)
    stored.merge(store, [_fused_of(store, "a"), _fused_of(store, "c")], who="ana")
    stored.merge(store, [_fused_of(store, "g"), _fused_of(store, "h"), _fused_of(store, "i")], who="ana")


def _idents(store: SqlStore) -> list[str]:
    with store.engine.connect() as conn:
        return [*conn.scalars(select(fused_events.c.id)), *conn.scalars(select(events.c.uid))]


def _assert_same(store: SqlStore) -> int:
    n = 0
    for ident in _idents(store):
        want = _before(store, ident)
        assert want is not None
        assert data.event_detail(store, ident) == want
        assert DETAIL.body(data.event_detail(store, ident)) == DETAIL.body(want), ident
        n += 1
    assert data.event_detail(store, "no-such-id") is None
    return n


def test_api_by_id_answers_the_same_bytes(store: SqlStore) -> None:
    _filled(store)
    assert _assert_same(store) == len(_idents(store)) >= 15
    stored.split(store, _fused_of(store, "h"), report_uid("h", "ev1"), who="ana", why="another attack")
    _assert_same(store)


def test_api_by_id_a_record_key_the_model_does_not_declare(store: SqlStore) -> None:
    """An undeclared key of the fused record still comes after ``report_events``, as before."""
    _filled(store)
    fid = _fused_of(store, "a")
    record = store.fused([fid])[0]
    with store.engine.begin() as conn:
        conn.execute(update(fused_events).where(fused_events.c.id == fid).values(record={**record, "zz": 1}))
    body = DETAIL.body(data.event_detail(store, fid))
    assert body == DETAIL.body(_before(store, fid))
    assert body.index(b'"report_events"') < body.index(b'"zz"')
    _assert_same(store)


def test_api_by_id_over_http_is_the_same_and_asks_two_queries(db_url: str) -> None:
    store = SqlStore(db_url)
    try:
        _filled(store)
        want = {i: DETAIL.body(_before(store, i)) for i in _idents(store)}
        selects: list[str] = []

        def seen(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            if statement.lstrip().upper().startswith("SELECT"):
                selects.append(statement)

        sa_event.listen(store.engine, "before_cursor_execute", seen)
        try:
            store.event_by_id(report_uid("g", "ev1"))
        finally:
            sa_event.remove(store.engine, "before_cursor_execute", seen)
        assert len(selects) == 2, selects
    finally:
        store.close()
    api = Client(create_app(db_url))
    for ident, body in want.items():
        r = api.get(f"/events/{ident}")
        assert r.status_code == 200 and r.content == body, ident
        assert r.headers["content-type"] == "application/json"
    assert api.get("/events/no-such-id").status_code == 404


def test_api_by_id_an_orphan_fused_event_has_no_reports() -> None:
    """A fused event none of whose reports is stored any more answers with no reports, as before."""
    from store_double import MemoryStore

    store = MemoryStore()
    store.state.fused["f1"] = {"schema": "polemos.event/1", "id": "f1", "type": "ASSAULT"}
    found = data.event_detail(store, "f1")  # type: ignore[arg-type]
    assert found == {**store.state.fused["f1"], "report_events": []}
    assert data.event_detail(store, "f2") is None  # type: ignore[arg-type]
