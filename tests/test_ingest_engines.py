"""The Ray engine and the real pipeline end to end: the same records as the local engine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from store_fixtures import *  # noqa: F403
from test_ingest_runs import HAND, write_corpus

from polemos.ingest import Options, ingest
from polemos.store import SqlStore


@pytest.mark.slow
def test_ingest_ray_engine_stores_what_the_local_engine_does(db_url: str, tmp_path: Path) -> None:
    pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'polemos[ray]'")
    write_corpus(tmp_path / "in", 30)
    local = SqlStore(f"sqlite:///{tmp_path / 'local.db'}")
    ingest([str(tmp_path / "in")], local, Options(extractor=HAND))
    on_ray = SqlStore(db_url)
    options = Options(engine="ray", workers=2, extractor=HAND, shard_dir=str(tmp_path / "shards"))
    progress = ingest([str(tmp_path / "in")], on_ray, options)
    assert progress.added == 30
    assert list(on_ray.iter_articles()) == list(local.iter_articles())
    assert list((tmp_path / "shards").rglob("*.parquet"))  # the shards Ray wrote
    local.close(), on_ray.close()


ARTICLES = [
    {"id": "jableh", "published": "2016-05-24", "outlet": "RT",
     "text": "Blasts kill over 100 in Syria's Jableh and Tartus\nOver 100 people were killed in a series of "
             "bomb attacks in the coastal cities of Jableh and Tartus on Monday, the Syrian Observatory for "
             "Human Rights said. Islamic State claimed responsibility."},
    {"id": "aleppo", "published": "2016-05-23", "outlet": "RT",
     "text": "Some 6,000 militants gathered near Aleppo\nSome 6,000 Al-Nusra Front militants have gathered "
             "near Aleppo, the Russian Defense Ministry said on Monday."},
]  # fmt: skip


@pytest.mark.slow
def test_ingest_real_pipeline_record_comes_back_exactly(db_url: str, tmp_path: Path) -> None:
    from polemos.output import result_to_dict
    from polemos.pipeline import Pipeline
    from polemos.read import iter_articles

    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    store = SqlStore(db_url)
    ingest([str(path)], store)
    direct = [result_to_dict(r) for r in Pipeline().process(a for a in iter_articles([str(path)]))]
    assert [store.article(a["id"]) for a in ARTICLES] == direct
    assert store.counts()["events"] == sum(len(d["events"]) for d in direct) > 0
    store.close()


@pytest.mark.slow
def test_ingest_cli_end_to_end_with_plain_progress(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    (folder / "b.txt").write_bytes(b"\xff\xfe\x00\x00garbage")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    cmd = [sys.executable, "-m", "polemos", "ingest", str(folder), "--db", str(tmp_path / "p.db")]
    run = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert run.returncode == 1, run.stderr  # finished, one input quarantined (docs/cli.md, exit codes)
    assert "done: 2 read · 2 new" in run.stderr and "1 input(s) quarantined" in run.stderr
    again = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert "done: 0 read · 0 new" in again.stderr
    assert again.returncode == 0, again.stderr  # nothing new met: the quarantined file is remembered
