"""Fusion pair precision / recall at two store sizes, from one gold file of clustered reports.

    PYTHONPATH=. python benchmarks/fusion_sizes.py ../shared/eval/ucdp-fusion-dev.jsonl

The reports (``{"id","text","published","outlet","gold":{"cluster","country","date"}}``) are
ingested once into a temporary store; fusion is then run in memory on:

- ``a`` / ``b``: the two halves of the file split by a hash of the gold cluster id (develop on one,
  confirm on the other);
- ``whole``: every report;
- ``dense``: half A plus every report of half B moved by whole days into the week of an A event of
  the same country (the gold country and date say which), under new article and cluster ids, so B's
  events are distractors in A's weeks: a store twice as dense where A's events are.

Only the fusion library runs after the ingest, so a change to ``polemos/fuse`` is measured in
seconds. Pairs are counted as ``shared/eval/fusion.py`` counts them (two reports are together when
one fused event lists both).
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import itertools
import json
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from polemos.fuse.cluster import Fuser
from polemos.fuse.report import Report, report_from_article, report_from_record
from polemos.fuse.sources import _party_country
from polemos.store.sql import open_store


def _half(cluster: str) -> str:
    return "ab"[int(hashlib.sha1(cluster.encode()).hexdigest(), 16) % 2]


def _moved(value: Any, days: int) -> Any:
    if not value or not days:
        return value
    try:
        return (date.fromisoformat(str(value)[:10]) + timedelta(days=days)).isoformat()
    except ValueError:
        return value


def _stored(gold_path: str) -> dict[str, Any]:
    """Ingest the reports and read back what fusion reads: events, article places and times."""
    tmp = Path(tempfile.mkdtemp(prefix="polemos-sizes-"))
    inp, db = tmp / "input.jsonl", f"sqlite:///{tmp / 'store.db'}"
    with open(gold_path, encoding="utf-8") as f, open(inp, "w", encoding="utf-8") as out:
        for line in f:
            if line.strip():
                r = json.loads(line)
                out.write(json.dumps({k: r.get(k) for k in ("id", "text", "published", "outlet")}) + "\n")
    subprocess.run([sys.executable, "-m", "polemos", "ingest", str(inp), "--db", db], check=True,
                   capture_output=True)  # fmt: skip
    with open_store(db).fusion() as tx:
        assert tx is not None
        records = tx.reports(sorted(tx.all_events()))
        unread_ids = sorted(tx.all_unread())
        ids = sorted({r["article_id"] for r in records} | set(unread_ids))
        return {"records": records, "places": tx.article_places(ids), "times": tx.article_times(ids),
                "unread": tx.unread_articles(unread_ids)}  # fmt: skip


def _reports(store: dict[str, Any], moves: dict[str, tuple[str, int]]) -> list[list[Report]]:
    """Reports of the articles in ``moves`` (article id -> its id in the run, days moved)."""

    def times(aid: str, days: int) -> list[dict[str, Any]]:
        return [
            {
                **t,
                "start_date": _moved(t.get("start_date"), days),
                "end_date": _moved(t.get("end_date"), days),
            }
            for t in store["times"].get(aid) or ()
        ]

    read = []
    for r in store["records"]:
        if (aid := r["article_id"]) not in moves:
            continue
        new_id, days = moves[aid]
        r = copy.deepcopy(r)
        r["article_id"], r["published"] = new_id, _moved(r["published"], days)
        if new_id != aid:
            r.pop("uid", None)
        if r.get("date"):
            r["date"]["start"], r["date"]["end"] = (_moved(r["date"].get(k), days) for k in ("start", "end"))
        read.append(
            report_from_record(r, article_places=store["places"].get(aid), article_times=times(aid, days))
        )
    unread = []
    for u in store["unread"]:
        if (aid := u["id"]) not in moves:
            continue
        new_id, days = moves[aid]
        article = {"id": new_id, "title": u["title"], "published": _moved(u["published"], days),
                   "outlet": u["outlet"]}  # fmt: skip
        unread.append(report_from_article(article, text=u["text"], places=store["places"].get(aid),
                                          times=times(aid, days), party_country=_party_country))  # fmt: skip
    return [read, unread]


def _score(gold: dict[str, str], batches: list[list[Report]]) -> dict[str, Any]:
    fuser = Fuser()
    for batch in batches:  # as the store fuses: read events, then the unread articles
        fuser.add(batch)
    together: set[tuple[str, str]] = set()
    for fid, cluster in fuser.clusters.items():
        if fuser.is_event(fid):
            ids = sorted({fuser.reports[u].article_id for u in cluster.members})
            together.update(itertools.combinations(ids, 2))
    tp = sum(1 for a, b in together if gold.get(a) is not None and gold.get(a) == gold.get(b))
    fp = len(together) - tp
    fn = sum(1 for a, b in itertools.combinations(sorted(gold), 2) if gold[a] == gold[b]) - tp
    p, r = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"reports": len(gold), "P": round(p, 3), "R": round(r, 3), "F1": round(f1, 3)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold")
    ap.add_argument("--sets", default="a,b,whole,dense")
    args = ap.parse_args(argv)
    with open(args.gold, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    store = _stored(args.gold)
    halves = {h: [r for r in rows if _half(r["gold"]["cluster"]) == h] for h in "ab"}
    for name in args.sets.split(","):
        if name == "dense":
            hosts: dict[str, list[dict[str, Any]]] = {}
            for r in halves["a"]:
                hosts.setdefault(r["gold"]["country"], []).append(r["gold"])
            for v in hosts.values():
                v.sort(key=lambda g: (g["cluster"], g["date"]))
            moves = {r["id"]: (r["id"], 0) for r in halves["a"]}
            gold = {r["id"]: r["gold"]["cluster"] for r in halves["a"]}
            for r in halves["b"]:
                g = r["gold"]
                pool = hosts.get(g["country"])
                if not pool:
                    continue  # no A event in its country to crowd
                host = pool[int(hashlib.sha1(g["cluster"].encode()).hexdigest(), 16) % len(pool)]
                days = (date.fromisoformat(host["date"]) - date.fromisoformat(g["date"])).days
                moves[r["id"]] = ("x-" + r["id"], days)
                gold["x-" + r["id"]] = "x-" + g["cluster"]
        else:
            chosen = rows if name == "whole" else halves[name]
            moves = {r["id"]: (r["id"], 0) for r in chosen}
            gold = {r["id"]: r["gold"]["cluster"] for r in chosen}
        print(json.dumps({"set": name, **_score(gold, _reports(store, moves))}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
