"""Fusion committed in bounded passes: any pass size gives what one pass gives, and a pass killed after
earlier ones committed leaves those, and the next ``update`` resumes from them to the same result.

A pass is about ``pass_reports`` new reports (``polemos.fuse.stored.PASS_REPORTS``), a whole number
of date slices, one transaction; each slice is cut from what is unfused when it starts, so the work
left after a committed pass is what a fresh ``update`` would find.
"""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest
from store_fixtures import *  # noqa: F403  (db_url, store: SQLite and PostgreSQL)
from test_fusion_atomic import _env, _events, _put, _unfuse, snapshot

from polemos.fuse import stored
from polemos.store import SqlStore


def _passes(store: SqlStore, monkeypatch: pytest.MonkeyPatch, **kw: int) -> int:
    """Run ``update``; how many fusion transactions it opened."""
    opened = []
    real = SqlStore.fusion

    def counting(self: SqlStore, **args: bool):  # type: ignore[no-untyped-def]
        opened.append(1)
        return real(self, **args)

    monkeypatch.setattr(SqlStore, "fusion", counting)
    stored.update(store, **kw)
    monkeypatch.setattr(SqlStore, "fusion", real)
    return len(opened)


@pytest.mark.parametrize("size", [1, 7, 30])
def test_passes_of_any_size_fuse_as_one_pass(
    store: SqlStore, monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    _put(store, _events())
    assert _passes(store, monkeypatch) == 1  # the default: 200 reports are one pass
    one = snapshot(store)
    assert len(one["events"]) > 50 and any(n > 1 for _, _, _, n, _ in one["events"].values())
    _unfuse(store)
    n = _passes(store, monkeypatch, pass_reports=size)
    assert n > 2  # the store really was fused in several transactions
    assert snapshot(store) == one


def test_passes_after_an_earlier_fusion_keep_its_ids(
    store: SqlStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """New reports beside fused ones: several passes or one, the same fused events and ids."""
    evs = _events()
    _put(store, evs[::2])
    stored.update(store)
    _put(store, evs[1::2])
    with store.engine.connect() as conn:
        before = conn.exec_driver_sql("SELECT event_uid, fused_id FROM fused_members").all()
    stored.update(store, pass_reports=5)
    many = snapshot(store)
    _unfuse(store)
    stored.update(store)
    assert len(before) == len(evs[::2])
    # the second run is of all the reports at once: the ids of the first may differ, so compare the
    # grouping only, then the ids with a store fused the same way in one pass
    assert sorted(sorted(u for u, f in many["members"] if f == fid) for fid in many["events"]) == sorted(
        sorted(u for u, f in snapshot(store)["members"] if f == fid) for fid in snapshot(store)["events"]
    )


def _fuse_in_child(url: str, crash: str, size: int) -> subprocess.CompletedProcess:
    code = (
        "from polemos.store import SqlStore; from polemos.fuse.stored import update;"
        f"update(SqlStore({url!r}), pass_reports={size})"
    )
    return subprocess.run([sys.executable, "-c", code], env=_env(crash), capture_output=True, timeout=300)


@pytest.mark.parametrize("crash", ["fuse-start:3", "fuse-slice:6", "fuse-commit:2"])
def test_killed_pass_keeps_the_passes_before_it_and_resumes(store: SqlStore, crash: str) -> None:
    _put(store, _events())
    stored.update(store)
    clean = snapshot(store)
    _unfuse(store)
    killed = _fuse_in_child(store.url, crash, 20)
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()[-2000:]
    partial = snapshot(store)
    assert partial["members"], "the passes before the killed one were committed"
    assert len(partial["members"]) < len(clean["members"])
    assert set(partial["members"]) <= set(clean["members"])  # what is there is already final
    assert stored.pending(store) > 0
    stored.update(store)  # the resume, with the default pass size
    assert snapshot(store) == clean
    assert stored.pending(store) == 0


def test_event_starts_of_the_seeds_are_what_seeds_read(store: SqlStore) -> None:
    """A pass's ``event_starts`` of its seeds come from the rows ``seeds`` read (no IN lists of every
    unfused uid again), and are what the events table holds; a uid ``seeds`` did not read is looked up."""
    from sqlalchemy import event, select

    from polemos.store.schema import events

    _put(store, _events())
    with store.engine.connect() as conn:
        table = {r.uid: r.date_start or "" for r in conn.execute(select(events.c.uid, events.c.date_start))}
    statements: list[str] = []

    def seen(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        statements.append(statement)

    with store.fusion() as tx:
        assert tx is not None
        seeds = tx.seeds()
        event.listen(store.engine, "before_cursor_execute", seen)
        try:
            starts = tx.event_starts(sorted(seeds))
        finally:
            event.remove(store.engine, "before_cursor_execute", seen)
        assert not statements
        assert sorted(starts) == sorted((table[u], u) for u in seeds)
        from polemos.store.fusion import SqlFusion

        assert isinstance(tx, SqlFusion)
        fresh = SqlFusion(store, tx.conn)  # has read no seeds: looks them up
        some = sorted(seeds)[:3]
        assert sorted(fresh.event_starts(some)) == sorted((table[u], u) for u in some)
