"""The change feed: fused events added, updated (a new version), merged (old id → new id) and removed,
in order with a cursor; through the library, `polemos events --changed-since` and GET /changes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from api_fixtures import Client
from store_fixtures import *  # noqa: F403
from watch_server import put

from polemos.api import create_app
from polemos.fuse.stored import fused_id_of, merge
from polemos.store import SqlStore
from polemos.store.changes import changes_since, record_changes, versions

REPO = Path(__file__).resolve().parent.parent


def ops(found: list[dict]) -> list[tuple[str, str]]:
    return [(c["op"], c["id"]) for c in found]


def test_watch_changes_added_updated_removed_in_order(store: SqlStore) -> None:
    put(store, "a", "Shelling\n5 people were killed in Homs.", "2016-03-01")
    put(store, "b", "Raid\n2 people were killed in Daraa.", "2016-06-01")
    first = record_changes(store)
    fa, fb = fused_id_of(store, _uid(store, "a")), fused_id_of(store, _uid(store, "b"))
    found, cursor, more = changes_since(store, 0)
    assert sorted(ops(found)) == sorted([("added", fa), ("added", fb)]) and not more
    assert cursor == first.cursor and all(c["version"] == 1 and c["event"]["id"] == c["id"] for c in found)
    assert record_changes(store).total == 0  # nothing changed: nothing recorded

    put(store, "a", "Shelling\n7 people were killed in Homs.", "2016-03-01")  # a correction of article a
    record_changes(store)
    found, cursor2, _ = changes_since(store, cursor)
    assert ops(found) == [("updated", fused_id_of(store, _uid(store, "a")))]
    assert found[0]["version"] == 2 and found[0]["event"]["counts"]["killed"]["best"] == 7

    put(store, "b", "Raid\nNo one was hurt.", "2016-06-01")  # article b now reports no event
    record_changes(store)
    found, _, _ = changes_since(store, cursor2)
    assert ops(found) == [("removed", fb)] and "event" not in found[0]
    assert [v["op"] for v in versions(store, fb)] == ["added", "removed"]


def _uid(store: SqlStore, article_id: str) -> str:
    from polemos.store.records import event_uid

    return event_uid(article_id, "e1")


def test_watch_changes_a_merge_says_old_id_to_new_id(store: SqlStore) -> None:
    put(store, "a", "Shelling\n5 people were killed in Homs.", "2016-03-01")
    put(store, "b", "Raid\n2 people were killed in Daraa.", "2016-09-01")
    cursor = record_changes(store).cursor
    fa, fb = fused_id_of(store, _uid(store, "a")), fused_id_of(store, _uid(store, "b"))
    into = merge(store, [fa, fb], who="analyst", why="one event")
    record_changes(store)
    found, _, _ = changes_since(store, cursor)
    gone = fb if into == fa else fa
    assert ("merged", gone) in ops(found) and ("updated", into) in ops(found)
    merged = next(c for c in found if c["op"] == "merged")
    assert merged["into"] == into
    assert [c["cursor"] for c in found] == sorted((c["cursor"] for c in found), key=int)


def test_watch_changes_cli_and_api(db_url: str, tmp_path: Path) -> None:
    store = SqlStore(db_url)
    put(store, "a", "Shelling\n5 people were killed in Homs.", "2016-03-01")
    put(store, "b", "Raid\n2 people were killed in Daraa.", "2016-06-01")
    store.close()
    env = {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{REPO / 'tests'}"}
    cmd = [sys.executable, "-m", "polemos", "events", "--db", db_url, "--format", "jsonl", "--limit", "0"]
    proc = subprocess.run(
        [*cmd, "--changed-since", "0"], capture_output=True, text=True, env=env, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [c["op"] for c in lines] == ["added", "added"]
    assert f"--changed-since {lines[-1]['cursor']}" in proc.stderr
    again = subprocess.run([*cmd, "--changed-since", lines[-1]["cursor"]], capture_output=True, text=True,
                           env=env, timeout=120)  # fmt: skip
    assert again.returncode == 0 and again.stdout == ""
    bad = subprocess.run([*cmd, "--changed-since", "yesterday"], capture_output=True, text=True, env=env)
    assert bad.returncode == 1 and "E203" in bad.stderr

    api = Client(create_app(db_url))
    page = api.get("/changes?since=0&limit=1").json()
    assert page["more"] and len(page["changes"]) == 1 and page["changes"][0]["op"] == "added"
    rest = api.get(f"/changes?since={page['cursor']}").json()
    assert [c["cursor"] for c in rest["changes"]] == [lines[1]["cursor"]] and not rest["more"]
    assert api.get("/changes?since=abc").status_code == 422
    assert "/changes" in api.get("/openapi.json").json()["paths"]
