"""Read latency under a flood of large extractions (issue 11: reads must stay fast under any load).

    PYTHONPATH=. python benchmarks/api_flood.py                       # 10k events, 60 flooding clients
    PYTHONPATH=. python benchmarks/api_flood.py --repo ../main        # the same against another checkout

``polemos serve`` runs in its own process on 127.0.0.1 over a generated store (``benchmarks/api.py``'s
records). Reader threads ask ``GET /health``, ``GET /events?limit=50``, ``GET /events/{id}`` and the
dashboard ``GET /`` in turn, first with no other load (baseline), then while ``--clients`` threads
each post ``--chars``-character reports to ``POST /extract`` again and again: a refused request (429)
is sent again after ``--pause`` seconds, as a client that does not honour Retry-After would.
Figures: p50/p99/max of each read kind in both phases, and how the extracts were answered.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from api import _free_port, build_store  # noqa: E402

SENTENCES = (
    "Shelling killed {n} civilians in the town of Kupiansk on Tuesday, the regional governor said.",
    "Rebels attacked an army post near Gao on Monday and {n} soldiers died, officials said.",
    "Some {n} people protested in Kharkiv on Saturday against power cuts, witnesses said.",
    "A car bomb in Homs wounded {n} people near a market on Sunday, a monitoring group reported.",
)


def report(chars: int, seed: int) -> str:
    parts: list[str] = []
    n = seed
    while sum(len(p) + 1 for p in parts) < chars:
        parts.append(SENTENCES[n % len(SENTENCES)].format(n=n % 90 + 2))
        n += 1
    return " ".join(parts)[:chars]


def serve(db: Path, repo: Path, args: argparse.Namespace) -> tuple[subprocess.Popen[bytes], str]:
    import httpx

    port = _free_port()
    cmd = [sys.executable, "-m", "polemos", "serve", "--db", str(db), "--port", str(port)]
    env = {**os.environ, "PYTHONPATH": str(repo)}
    # cwd: `python -m` puts the working directory first on sys.path, before PYTHONPATH
    proc = subprocess.Popen(cmd, env=env, cwd=repo, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/health", timeout=5).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("the server did not start")


def read_loop(base: str, paths: list[str], stop: threading.Event, out: dict[str, list[float]],
              failures: Counter[str]) -> None:  # fmt: skip
    import httpx

    with httpx.Client(base_url=base, timeout=120) as c:
        i = 0
        while not stop.is_set():
            path = paths[i % len(paths)]
            kind = path.split("?")[0].rsplit("/", 1)[0] or path.split("?")[0]
            t0 = time.perf_counter()
            try:
                status = c.get(path).status_code
            except httpx.HTTPError as e:
                status = type(e).__name__  # type: ignore[assignment]
            took = time.perf_counter() - t0
            out.setdefault(kind, []).append(took)
            if status != 200:
                failures[f"{kind} {status}"] += 1
            i += 1


def flood_loop(base: str, text: str, stop: threading.Event, pause: float, answers: Counter[str]) -> None:
    import httpx

    with httpx.Client(base_url=base, timeout=600) as c:
        while not stop.is_set():
            try:
                r = c.post("/extract", json={"text": text, "published": "2023-11-07"})
                answers[str(r.status_code)] += 1
                if r.status_code == 429:
                    time.sleep(pause)
            except httpx.HTTPError as e:
                answers[type(e).__name__] += 1
                time.sleep(pause)


def phase(base: str, paths: list[str], seconds: float, readers: int, flood: dict[str, Any] | None) -> tuple:
    stop = threading.Event()
    lat: dict[str, list[float]] = {}
    failures: Counter[str] = Counter()
    answers: Counter[str] = Counter()
    threads = [threading.Thread(target=read_loop, args=(base, paths[i:] + paths[:i], stop, lat, failures))
               for i in range(readers)]  # fmt: skip
    if flood:
        threads += [
            threading.Thread(
                target=flood_loop, args=(base, report(flood["chars"], k), stop, flood["pause"], answers)
            )
            for k in range(flood["clients"])
        ]
    for t in threads[readers:]:
        t.start()  # the flood first, so the reads meet it
    time.sleep(2 if flood else 0)
    for t in threads[:readers]:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join(timeout=900)
    return lat, failures, answers


def rows(name: str, lat: dict[str, list[float]]) -> list[str]:
    out = []
    for kind, xs in sorted(lat.items()):
        xs = sorted(xs)
        p99 = xs[min(len(xs) - 1, int(len(xs) * 0.99))]
        p50, worst = statistics.median(xs), xs[-1]
        out.append(
            f"{name:<9} {kind:<16} {len(xs):>6} {p50 * 1000:>9.1f} {p99 * 1000:>9.1f} {worst * 1000:>9.1f}"
        )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--db", type=Path, default=Path("/tmp/polemos-bench-flood.db"))
    ap.add_argument("--repo", type=Path, default=ROOT, help="the polemos checkout to serve")
    ap.add_argument("--clients", type=int, default=60)
    ap.add_argument("--chars", type=int, default=30_000)
    ap.add_argument("--pause", type=float, default=0.2, help="seconds before a refused extract is sent again")
    ap.add_argument("--readers", type=int, default=2)
    ap.add_argument("--seconds", type=float, default=40)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    from sqlalchemy import select

    from polemos.store.schema import events

    store = build_store(args.db, args.events, args.seed)
    with store.engine.connect() as conn:
        uids = list(conn.scalars(select(events.c.uid).limit(200)))
    store.close()
    proc, base = serve(args.db, args.repo.resolve(), args)
    try:
        paths = [
            p for u in uids[:20] for p in ("/health", "/events?type=ASSAULT&limit=50", "/", f"/events/{u}")
        ]
        phase(base, paths, 5, 1, None)  # warm up
        quiet = phase(base, paths, args.seconds, args.readers, None)
        flood = {"clients": args.clients, "chars": args.chars, "pause": args.pause}
        loud = phase(base, paths, args.seconds, args.readers, flood)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    print(f"\n{args.repo.resolve()}: {args.events} events, SQLite, {os.cpu_count()} cores, "
          f"{args.readers} readers; flood: {args.clients} clients x {args.chars:,}-character extracts, "
          f"{args.seconds:g} s each phase")  # fmt: skip
    print(f"{'phase':<9} {'read':<16} {'n':>6} {'p50 ms':>9} {'p99 ms':>9} {'max ms':>9}")
    print("\n".join(rows("baseline", quiet[0]) + rows("flood", loud[0])))
    print(f"reads not 200: baseline {dict(quiet[1]) or 0}, flood {dict(loud[1]) or 0}")
    print(f"extract answers during the flood: {dict(loud[2])}")


if __name__ == "__main__":
    main()
