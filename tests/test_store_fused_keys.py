"""A filtered page of fused events read from ``fused_keys`` (the reports' filter columns copied at
fusion time) finds the same fused events, in the same order, as matching the reports themselves;
the keys follow every write (fusion, merge, split, a replaced article, the migration of an old
store), and a kept total goes when the ``fusion`` counter moves."""

from __future__ import annotations

from typing import Any

from alembic import command
from fuse_helpers import event
from sqlalchemy import select
from store_fixtures import *  # noqa: F403  (the store fixture: SQLite and PostgreSQL)

from polemos.fuse import report_uid, stored
from polemos.store import SqlStore
from polemos.store.base import SORTS, EventFilter, EventQuery, Progress, Stored
from polemos.store.counters import fusion_counter
from polemos.store.migrate import _config
from polemos.store.schema import events, fused_events, fused_keys, fused_members, locations

_ARTICLE_KEYS = ("article_id", "outlet", "published")


def _article(*evs: dict[str, Any]) -> Stored:
    first = evs[0]
    text = " ".join(e["evidence"]["text"] for e in evs)
    record = {
        "schema": "polemos.article/1",
        "article": {"id": first["article_id"], "title": None, "published": first["published"],
                    "outlet": first["outlet"], "url": None, "language": "en"},
        "events": [{k: v for k, v in e.items() if k not in _ARTICLE_KEYS} for e in evs],
        "places": [], "times": [],
    }  # fmt: skip
    return Stored(record, text)


def _put(store: SqlStore, *articles: Stored) -> None:
    store.write_batch(list(articles), [], run_id=None, progress=Progress())


def _ev(article: str, text: str, **kw: Any) -> dict[str, Any]:
    return event(article, text, outlet=kw.pop("outlet", article.title()), **kw)


# Reports chosen so a fused event's reports disagree: one type here and one country there.
def _corpus() -> list[Stored]:
    return [
        _article(_ev("a", "Shelling hit Aleppo on 3 March.", type="ASSAULT", places=("Aleppo",),
                     date=("2020-03-03", "2020-03-03", "day"), actor="the army", claimant="a monitor")),
        _article(_ev("b", "Protesters marched in Mosul on 4 March.", type="PROTEST", places=("Mosul",),
                     date=("2020-03-04", "2020-03-04", "day"), actor="students")),
        _article(_ev("c", "A bomb went off in Kabul and Mosul in May.", type="ASSAULT",
                     places=("Kabul", "Mosul"), date=("2021-05-01", "2021-05-31", "month"),
                     modality="denied", actor="militants", claimant="the ministry")),
        _article(_ev("d", "Talks were threatened somewhere in 2019.", type="THREATEN",
                     date=("2019-07-10", "2019-07-12", "day"), actor="the army")),
        _article(_ev("e", "Fighting near Tartus in June.", type="ASSAULT", places=("Tartus",),
                     date=("2018-06-01", "2018-06-30", "month"), actor="rebels"),
                 _ev("e", "Crowds gathered in Maiduguri.", type="PROTEST", places=("Maiduguri",),
                     date=("2018-06-15", "2018-06-15", "day"), event_id="ev2", modality="asserted")),
        _article(_ev("f", "Undated raid in Jableh.", type="ASSAULT", places=("Jableh",),
                     published="2017-01-09")),
    ]  # fmt: skip


FILTERS = [
    EventFilter(),
    EventFilter(type="assault"),
    EventFilter(type="PROTEST"),
    EventFilter(country="sy"),
    EventFilter(country="IQ"),
    EventFilter(country="AF"),
    EventFilter(type="ASSAULT", country="IQ"),  # only a report that is both: c, not the a+b merge
    EventFilter(type="PROTEST", country="SY"),  # never one report: no match even after the merge
    EventFilter(type="ASSAULT", country="SY", since="2018-06-30", until="2020-03-03"),
    EventFilter(since="2020-03-04"),
    EventFilter(until="2019-07-10"),
    EventFilter(since="2019-07-12", until="2019-07-12"),
    EventFilter(modality="DENIED"),
    EventFilter(modality="asserted", country="NG"),
    EventFilter(actor="army"),
    EventFilter(actor="army", type="THREATEN"),
    EventFilter(claimant="ministry", country="AF"),
    EventFilter(article_id="e", type="PROTEST"),
    EventFilter(near=(36.2, 37.16, 50.0), type="ASSAULT"),
    EventFilter(near=(36.2, 37.16, 50.0), type="PROTEST"),
]
BOXES = [None, (35.0, 34.0, 45.0, 37.0)]  # west, south, east, north: Syria and Mosul


def _by_reports(store: SqlStore, where: EventFilter, bbox: Any) -> list[str]:
    """The fused events a matching report belongs to, newest first: the meaning, spelt out."""
    from polemos.store import pages

    with store.engine.connect() as conn:
        uids = pages._member_uids(store, conn, where, bbox)
        if not isinstance(uids, list):
            uids = list(conn.scalars(uids))
        ids = {store.fused_id_of(u) for u in uids} - {None}
        rows = conn.execute(select(fused_events.c.id, fused_events.c.date_start)
                            .where(fused_events.c.id.in_(sorted(ids)))).all()  # fmt: skip
    dated = sorted(((r.date_start or "", r.id) for r in rows), key=lambda t: t[1])
    return [i for _, i in sorted(dated, key=lambda t: t[0], reverse=True)]


def _assert_same(store: SqlStore) -> None:
    for where in FILTERS:
        for bbox in BOXES:
            want = _by_reports(store, where, bbox)
            total, got = store.page_fused(EventQuery(where, bbox, "-date", 0, 100))
            assert (total, got) == (len(want), want), (where, bbox)
            for sort in SORTS:  # every order pages over the same set
                n, page = store.page_fused(EventQuery(where, bbox, sort, 0, 100))
                assert n == len(want) and sorted(page) == sorted(want), (where, bbox, sort)


def _expected_keys(store: SqlStore) -> set[tuple[Any, ...]]:
    """fused_keys as it should be, computed from the memberships, events and locations in Python."""
    with store.engine.connect() as conn:
        starts = dict(conn.execute(select(fused_events.c.id, fused_events.c.date_start)).all())
        ev = {r.uid: r for r in conn.execute(select(events))}
        where: dict[str, set[str]] = {}
        for r in conn.execute(select(locations.c.event_uid, locations.c.country)):
            if r.country is not None:
                where.setdefault(r.event_uid, set()).add(r.country)
        out = set()
        for uid, fid in conn.execute(select(fused_members.c.event_uid, fused_members.c.fused_id)):
            e = ev[uid]
            for country in where.get(uid) or {""}:
                out.add((uid, country, fid, e.type, e.modality, e.date_start, e.date_end, starts[fid]))
    return out


def _keys(store: SqlStore) -> set[tuple[Any, ...]]:
    cols = [fused_keys.c[n] for n in ("event_uid", "country", "fused_id", "type", "modality",
                                      "date_start", "date_end", "fused_start")]  # fmt: skip
    with store.engine.connect() as conn:
        return {tuple(r) for r in conn.execute(select(*cols))}


def _fused_of(store: SqlStore, article: str) -> str:
    fid = store.fused_id_of(report_uid(article, "ev1"))
    assert fid is not None
    return fid


def test_store_fused_keys_filter_the_same_fused_events_as_their_reports(store: SqlStore) -> None:
    _put(store, *_corpus())
    stored.update(store)
    assert _keys(store) == _expected_keys(store) and len(_keys(store)) == 8  # c: two countries
    _assert_same(store)
    merged = stored.merge(store, [_fused_of(store, "a"), _fused_of(store, "b")], who="ana")
    assert _keys(store) == _expected_keys(store)
    _assert_same(store)
    total, ids = store.page_fused(EventQuery(EventFilter(type="ASSAULT", country="IQ")))
    assert merged not in ids and total == 1  # a is ASSAULT in SY, b PROTEST in IQ: neither is both
    assert merged in store.page_fused(EventQuery(EventFilter(type="PROTEST")))[1]


def test_store_fused_keys_follow_a_split(store: SqlStore) -> None:
    _put(store, *_corpus())
    stored.update(store)
    merged = stored.merge(store, [_fused_of(store, "a"), _fused_of(store, "c")], who="ana")
    assert {k[2] for k in _keys(store)} >= {merged}
    stored.split(store, merged, report_uid("c", "ev1"), who="ana", why="another bomb")
    a, c = _fused_of(store, "a"), _fused_of(store, "c")
    assert a != c
    keys = _keys(store)
    assert keys == _expected_keys(store)
    assert {k[2] for k in keys if k[0] == report_uid("c", "ev1")} == {c}
    assert {k[2] for k in keys if k[0] == report_uid("a", "ev1")} == {a}
    _assert_same(store)


def test_store_fused_keys_go_with_a_replaced_article(store: SqlStore) -> None:
    _put(store, *_corpus())
    stored.update(store)
    before = fusion_counter_of(store)
    moved = _ev("b", "Protesters marched in Kabul on 4 March.", type="PROTEST", places=("Kabul",),
                date=("2020-03-04", "2020-03-04", "day"))  # fmt: skip
    _put(store, _article(moved))
    assert fusion_counter_of(store) > before  # its report left its fused event
    assert _keys(store) == _expected_keys(store)  # the old report's keys went with it
    assert store.page_fused(EventQuery(EventFilter(type="PROTEST", country="IQ")))[0] == 0
    stored.update(store)
    assert _keys(store) == _expected_keys(store)
    assert store.page_fused(EventQuery(EventFilter(type="PROTEST", country="AF")))[0] == 1
    _assert_same(store)


def fusion_counter_of(store: SqlStore) -> int:
    with store.engine.connect() as conn:
        value = fusion_counter(conn)
    assert value is not None
    return value


def test_store_fused_keys_total_is_kept_until_fusion_writes(store: SqlStore) -> None:
    _put(store, *_corpus()[:3])
    stored.update(store)
    q = EventQuery(EventFilter(type="ASSAULT"))
    assert store.page_fused(q)[0] == 2
    with store.engine.begin() as conn:  # behind the store's back: a kept total does not see it
        conn.execute(fused_keys.delete().where(fused_keys.c.event_uid == report_uid("c", "ev1")))
    assert store.page_fused(q)[0] == 2
    assert store.page_fused(EventQuery(EventFilter(type="ASSAULT", since="2000-01-01")))[0] == 1
    _put(store, *_corpus()[3:])
    stored.refuse(store)  # a fusion write moves the counter: the total is counted again
    assert store.page_fused(q)[0] == 4  # a, c (its keys written anew), e, f
    other = SqlStore(store.url)  # another process's fusion write (a merge) is seen too
    try:
        assert other.page_fused(q)[0] == 4
        counter = fusion_counter_of(store)
        stored.merge(other, [_fused_of(other, "a"), _fused_of(other, "f")], who="ana")
        assert fusion_counter_of(store) > counter
        assert store.page_fused(q)[0] == 3
    finally:
        other.close()


def test_store_fused_keys_filled_when_an_old_store_is_migrated(store: SqlStore) -> None:
    _put(store, *_corpus())
    stored.update(store)
    stored.merge(store, [_fused_of(store, "a"), _fused_of(store, "b")], who="ana")
    want = _keys(store)
    pages = {w: store.page_fused(EventQuery(w, None, "-date", 0, 100)) for w in FILTERS}
    with store.engine.begin() as conn:  # back to the schema before fused_keys, data kept
        command.downgrade(_config(conn), "0004")
    store.close()
    again = SqlStore(store.url, upgrade=True)
    try:
        assert _keys(again) == want == _expected_keys(again)
        assert {w: again.page_fused(EventQuery(w, None, "-date", 0, 100)) for w in FILTERS} == pages
        assert fusion_counter_of(again) == 0
    finally:
        again.close()
