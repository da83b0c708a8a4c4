"""The contract record goes in and comes back exactly, on SQLite and PostgreSQL."""

from __future__ import annotations

from store_fixtures import *  # noqa: F403
from store_fixtures import TEXT, clone, make_record

from polemos.store import Progress, SqlStore, Stored
from polemos.store.records import content_hash, event_uid, flatten, rebuild_article


def _put(store: SqlStore, *records: dict, text: str = TEXT) -> Progress:
    progress = Progress()
    store.write_batch([Stored(r, text, f"in.jsonl:{i + 1}") for i, r in enumerate(records)], [],
                      run_id=None, progress=progress)  # fmt: skip
    return progress


def test_store_roundtrip_rebuilds_the_record_exactly(store: SqlStore) -> None:
    record = make_record()
    _put(store, record)
    assert store.article("a1") == record


def test_store_roundtrip_keeps_fields_the_contract_does_not_name(store: SqlStore) -> None:
    record = make_record()
    record["noise"] = [{"start": 0, "end": 5, "text": "Blast"}]
    record["article"]["section"] = "world"
    record["events"][0]["fusion_hint"] = {"k": [1, 2]}
    record["events"][0]["counts"]["killed"]["start"] = 42
    record["events"][0]["date"]["text_start"] = 7
    record["events"][1]["locations"][0]["precision"] = "exact"
    record["events"][0]["claims"][0]["claimant"]["aliases"] = ["SOHR"]
    _put(store, record)
    assert store.article("a1") == record


def test_store_roundtrip_keeps_absent_keys_absent(store: SqlStore) -> None:
    record = make_record()
    del record["events"][1]["acled"]
    del record["events"][1]["mentions"]
    del record["times"]
    del record["events"][0]["claims"][0]["start"]
    _put(store, record)
    assert store.article("a1") == record


def test_store_roundtrip_keeps_nulls_and_empty_lists(store: SqlStore) -> None:
    record = make_record()
    ev = record["events"][0]
    ev.update(actor=None, date=None, acled=None, trigger=None, locations=[], claims=[{"claimant": None,
              "outlet": "RT", "start": None, "end": None}], counts={"killed": None})  # fmt: skip
    _put(store, record)
    assert store.article("a1") == record


def test_store_flatten_is_pure_python() -> None:
    record = make_record()
    rows = flatten(record, text=TEXT)
    assert len(rows["events"]) == 2 and len(rows["locations"]) == 3


def test_store_rebuild_article_of_an_article_without_events() -> None:
    record = make_record()
    record["events"] = []
    art = flatten(record, text=TEXT)["articles"][0]
    assert rebuild_article(art, [], [], [])["events"] == []


def test_store_event_uid_is_stable_and_distinct() -> None:
    assert event_uid("a1", "e1") == event_uid("a1", "e1")
    assert event_uid("a1", "e1") != event_uid("a1", "e2") != event_uid("a2", "e1")


def test_store_events_carry_article_fields(store: SqlStore) -> None:
    _put(store, make_record())
    (ev,) = store.events([event_uid("a1", "e1")])
    assert (ev["article_id"], ev["outlet"], ev["published"], ev["id"]) == ("a1", "RT", "2016-05-24", "e1")
    assert ev["counts"]["killed"]["low"] == 100


def test_store_same_article_twice_replaces_not_doubles(store: SqlStore) -> None:
    _put(store, make_record())
    progress = _put(store, make_record())
    assert store.counts()["events"] == 2 and store.counts()["articles"] == 1
    assert progress.updated == 1 and progress.added == 0


def test_store_changed_article_is_stored_anew(store: SqlStore) -> None:
    _put(store, make_record())
    changed = clone(make_record())
    changed["events"] = changed["events"][:1]
    _put(store, changed, text=TEXT + "\nUpdated.")
    assert store.counts()["events"] == 1
    assert store.article("a1") == changed
    assert store.known([("a1", "")])["a1"] == content_hash(TEXT + "\nUpdated.")


def test_store_hooks_see_written_and_removed_event_uids(store: SqlStore) -> None:
    calls: list[tuple[str, list[str]]] = []
    store.after_write.append(lambda conn, uids: calls.append(("write", sorted(uids))))
    store.before_delete.append(lambda conn, uids: calls.append(("delete", sorted(uids))))
    _put(store, make_record())
    _put(store, make_record(), text=TEXT + " changed")
    uids = sorted([event_uid("a1", "e1"), event_uid("a1", "e2")])
    assert calls == [("write", uids), ("delete", uids), ("write", uids)]
