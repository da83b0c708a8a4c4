"""Fusion under kill -9: kill `polemos ingest` at random points of its fusion pass, resume, compare.

    PYTHONPATH=. python benchmarks/fusion_kill.py GOLD.jsonl [--kills 5] [--seed 1] [--code DIR]
        [--base STORE]

GOLD: reports one a line ({"id","text","published","outlet"}), e.g. ../shared/eval/ucdp-fusion-dev.jsonl.
The reports are ingested once (``--base``: a store that already holds them, e.g. one left by
``shared/eval/fusion.py``) and its fused tables emptied: the store as an ingest leaves it just before
fusion. Then, each time on a copy of it:

- clean: ``polemos ingest`` over the same input (every file is known, so the run is its fusion pass),
  and the fusion pass alone, timed in-process (best of three);
- killed: the same command, sent SIGKILL at a random moment of its fusion pass (the process's start-up
  time plus a uniform share of the clean pass's time), then run again to the end (the resume).

Prints, per kill, how many fused events the killed run had left and how many fused events of the
resumed store differ from the clean run's (an id only in one of them, or other members or fields),
then the total and the fusion time. ``--code DIR``: run another checkout's polemos (its source tree,
put first on PYTHONPATH), e.g. the code before fusion became one transaction, to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

FUSED = ("fused_members", "fused_articles", "fused_events")


RUN_IN = tempfile.gettempdir()  # never a checkout: ``python -m`` and ``-c`` put the working dir first


def _env(code: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLEMOS_CRASH")}
    if code:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [code, env.get("PYTHONPATH")]))
    return env


def _ingest_cmd(inp: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "polemos", "ingest", str(inp), "--db", str(db)]


def snapshot(db: Path) -> dict[str, tuple[Any, ...]]:
    """Fused event id -> (its members, its record): all fusion writes but the time it wrote them."""
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        members: dict[str, list[str]] = {}
        for uid, fid in conn.execute(text("SELECT event_uid, fused_id FROM fused_members")):
            members.setdefault(fid, []).append(uid)
        for aid, fid in conn.execute(text("SELECT article_id, fused_id FROM fused_articles")):
            members.setdefault(fid or "-", []).append("article:" + aid)
        out = {
            fid: (tuple(sorted(members.get(fid, []))), record)
            for fid, record in conn.execute(text("SELECT id, record FROM fused_events"))
        }
        out["-"] = (tuple(sorted(members.get("-", []))), None)  # articles that joined no event
    engine.dispose()
    return out


def _unfuse(db: Path) -> None:
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        for table in FUSED:
            conn.execute(text(f"DELETE FROM {table}"))
    engine.dispose()


def differences(a: dict[str, Any], b: dict[str, Any]) -> int:
    return sum(1 for fid in set(a) | set(b) if a.get(fid) != b.get(fid))


def _fusion_seconds(db: Path, code: str | None, rounds: int = 3) -> float:
    script = (
        "import sys, time; from polemos.store import SqlStore; from polemos.fuse.stored import update;"
        "s = SqlStore(sys.argv[1]); t = time.perf_counter(); update(s); print(time.perf_counter() - t)"
    )
    best = float("inf")
    for _ in range(rounds):
        _unfuse(db)
        out = subprocess.run([sys.executable, "-c", script, str(db)], env=_env(code), capture_output=True,
                             text=True, check=True, cwd=RUN_IN)  # fmt: skip
        best = min(best, float(out.stdout.strip().splitlines()[-1]))
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold")
    ap.add_argument("--kills", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--code", help="another checkout's source tree to run instead of this one")
    ap.add_argument("--base", help="a SQLite store that holds the reports already (not changed)")
    ap.add_argument("--input", help="with --base: the input file it was ingested from")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    rng = random.Random(a.seed)
    tmp = Path(tempfile.mkdtemp(prefix="polemos-fusion-kill-"))
    env = _env(a.code)
    probe = [sys.executable, "-c", "import polemos; print(polemos.__file__)"]
    ran = subprocess.run(probe, env=env, capture_output=True, text=True, cwd=RUN_IN).stdout.strip()
    print(f"polemos from {ran}", file=sys.stderr)
    if a.base:
        inp = Path(a.input) if a.input else Path(a.base).parent / "input.jsonl"
        base = tmp / "base.db"
        shutil.copy(a.base, base)
    else:
        inp, base = tmp / "input.jsonl", tmp / "base.db"
        with open(a.gold, encoding="utf-8") as f, inp.open("w", encoding="utf-8") as out:
            for line in f:
                if line.strip():
                    r = json.loads(line)
                    out.write(json.dumps({k: r.get(k) for k in ("id", "text", "published", "outlet")}) + "\n")
        subprocess.run(_ingest_cmd(inp, base), env=env, capture_output=True, check=True, cwd=RUN_IN)
    _unfuse(base)

    clean_db = tmp / "clean.db"
    shutil.copy(base, clean_db)
    t0 = time.perf_counter()
    subprocess.run(_ingest_cmd(inp, clean_db), env=env, capture_output=True, check=True, cwd=RUN_IN)
    wall = time.perf_counter() - t0
    clean = snapshot(clean_db)
    fusion = _fusion_seconds(clean_db, a.code)
    start_up = max(0.0, wall - fusion)  # imports, opening the store, checking the input files

    rows = []
    for k in range(a.kills):
        db = tmp / f"killed-{k}.db"
        for _attempt in range(5):  # a kill that came after the pass ended is drawn again
            shutil.copy(base, db)
            at = start_up + rng.uniform(0.0, 0.9 * fusion)
            proc = subprocess.Popen(_ingest_cmd(inp, db), env=env, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL, cwd=RUN_IN)  # fmt: skip
            time.sleep(at)
            proc.send_signal(signal.SIGKILL)
            if proc.wait() == -signal.SIGKILL:
                break
        left = sum(1 for fid in snapshot(db) if fid != "-")
        subprocess.run(_ingest_cmd(inp, db), env=env, capture_output=True, check=True, cwd=RUN_IN)  # resume
        resumed = snapshot(db)
        changed = differences(clean, resumed)
        rows.append({"kill_at_s": round(at, 2), "fused_left_by_kill": left,
                     "fused_after_resume": len(resumed) - 1, "changed": changed})  # fmt: skip
    result = {
        "reports": sum(1 for _ in inp.open()),
        "fused_clean": len(clean) - 1,
        "fusion_s": round(fusion, 3),
        "kills": rows,
        "changed_total": sum(r["changed"] for r in rows),
    }
    if a.json:
        print(json.dumps(result))
    else:
        print(f"{result['reports']} reports, {result['fused_clean']} fused events, fusion {fusion:.2f} s")
        for r in rows:
            print(f"kill at {r['kill_at_s']:6.2f} s: {r['fused_left_by_kill']:4d} fused left, "
                  f"{r['fused_after_resume']:4d} after resume, {r['changed']:3d} changed")  # fmt: skip
        print(f"changed fused events in all: {result['changed_total']}")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
