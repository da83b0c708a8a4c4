"""A folder of hostile files ingested: every bad one quarantined with its reason, every good article
stored, and the run never stops (a FIFO does not hang it, a broken link does not end it)."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

from store_fixtures import *  # noqa: F403

from polemos.ingest import Options, ingest, list_inputs
from polemos.store import SqlStore

HAND = "store_extractor:HandExtractor"


def _good(path: Path, *ids: str) -> None:
    path.write_text("".join(json.dumps({"id": i, "text": f"{len(i)} killed in Homs."}) + "\n" for i in ids))


def hostile_folder(root: Path) -> Path:
    folder = root / "in"
    folder.mkdir()
    _good(folder / "a.jsonl", "a1", "a2")
    os.mkfifo(folder / "pipe.txt")
    (folder / "gone.txt").symlink_to(folder / "deleted.txt")
    (folder / "self.txt").symlink_to(folder / "self.txt")
    lines = [json.dumps({"id": "b1", "text": "4 killed in Hama."}),
             '{"id": "deep", "text": "x", "n": ' + "[" * 5000 + "]" * 5000 + "}",
             json.dumps({"id": "nul", "text": "5 killed in Idlib.\u0000"}),
             '{"id": "sur", "text": "6 killed in Homs \\ud800."}',
             json.dumps({"id": "b2", "text": "7 killed in Hama."})]  # fmt: skip
    (folder / "b.jsonl").write_text("\n".join(lines) + "\n")
    whole = gzip.compress("".join(json.dumps({"id": f"c{i}", "text": f"{i} killed in Homs."}) + "\n"
                                  for i in range(300)).encode())  # fmt: skip
    (folder / "c.jsonl.gz").write_bytes(whole[: len(whole) // 2])  # truncated
    (folder / "z.txt").write_text("8 killed in Aleppo.\n")
    return folder


def test_hostile_folder_is_listed_without_error(tmp_path: Path) -> None:
    folder = hostile_folder(tmp_path)
    names = [Path(p).name for p in list_inputs([str(folder)])]
    assert names == ["a.jsonl", "b.jsonl", "gone.txt", "pipe.txt", "self.txt", "z.txt"]


def test_hostile_folder_quarantines_each_bad_input_and_keeps_the_rest(
    store: SqlStore, tmp_path: Path
) -> None:
    folder = hostile_folder(tmp_path)
    gz = str(folder / "c.jsonl.gz")
    progress = ingest([str(folder), gz], store, Options(extractor=HAND, batch_size=4, chunk_size=2))
    quarantined = {(Path(f.source).name, f.line): f.code for f in store.quarantined()}
    cut = [k for k in quarantined if k[0] == "c.jsonl.gz" and k[1]]  # the line the truncation cut
    assert [quarantined.pop(k) for k in cut] in ([], ["E104"])
    assert quarantined == {
        ("b.jsonl", 2): "E105", ("b.jsonl", 3): "E102", ("b.jsonl", 4): "E114",
        ("gone.txt", 0): "E110", ("pipe.txt", 0): "E113", ("self.txt", 0): "E110", ("c.jsonl.gz", 0): "E116",
    }  # fmt: skip
    stored = {a["article"]["id"] for a in store.iter_articles()}
    assert {"a1", "a2", "b1", "b2"} <= stored and any(i.startswith("c") for i in stored)
    assert progress.failed == 7 + len(cut)


def test_hostile_folder_twice_stores_nothing_twice(store: SqlStore, tmp_path: Path) -> None:
    folder = hostile_folder(tmp_path)
    ingest([str(folder)], store, Options(extractor=HAND))
    before = store.counts()["articles"]
    again = ingest([str(folder)], store, Options(extractor=HAND))
    assert store.counts()["articles"] == before and again.added == 0
    # special files and broken links are never remembered as read: they are reported on every run
    assert again.failed == 3


def test_named_broken_link_is_quarantined_not_fatal(store: SqlStore, tmp_path: Path) -> None:
    link = tmp_path / "gone.jsonl"
    link.symlink_to(tmp_path / "nowhere.jsonl")
    _good(tmp_path / "ok.jsonl", "k1")
    ingest([str(link), str(tmp_path / "ok.jsonl")], store, Options(extractor=HAND))
    assert [f.code for f in store.quarantined()] == ["E110"] and store.counts()["articles"] == 1


def test_file_name_that_is_not_utf8_is_stored_and_remembered(store: SqlStore, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.jsonl"), "wb") as f:
        f.write(json.dumps({"id": "c1", "text": "3 killed in Homs."}).encode() + b"\n")
    first = ingest([str(folder)], store, Options(extractor=HAND))
    second = ingest([str(folder)], store, Options(extractor=HAND))
    assert (first.added, first.failed, second.seen) == (1, 0, 0)
    (article,) = list(store.iter_articles())
    assert article["article"]["id"] == "c1"
