"""Fusion throughput as the store grows: reports/s for the next days' news at 1k, 10k, 100k stored.

    PYTHONPATH=. python benchmarks/fusion.py [--sizes 1000,10000,100000] [--batch 500] [--unplaced 0.1]
    PYTHONPATH=. python benchmarks/fusion.py --sizes 100000 --baseline main   # before/after, one run

A generated stream of article-level event records at a steady rate of news (about 55 reports a
day over 40 countries, each real event told by one to four reports with varied wording, figures and
dates) is fused into a store of N reports; then the next days' reports are fused in one at a time
and timed (best of three batches). The store grows by covering more time, as a real one does, so
blocking buckets (one country or name in one week) stay the same size and the cost of a new report
stays flat: the "pairs/report" column is the proof, the rate is the consequence (on a shared
machine, give or take its load). ``--unplaced`` leaves that share of reports without a place: they
are compared with the reports of three publication days, a day's news, not the store.

"build" is fusing the first N reports from records (``report_from_record`` included, in batches of
5,000; the records are generated before the clock starts): its rate is the "fusing 100k reports"
figure, in wall time and in CPU seconds of this process (which a busy shared machine disturbs much
less). ``--baseline REF`` runs the same sizes with the
``polemos`` of commit REF (a git worktree, see baseline.py) in a child process and prints the ratios.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from typing import Any

from polemos.fuse import Fuser, report_from_record

COUNTRIES = [f"C{i:02d}" for i in range(40)]
REPORTS_PER_DAY = 55
ROUNDS = 3
START = date(2015, 1, 1)
WORDS = [f"w{i}" for i in range(3000)]
STOCK = ["killed", "attack", "forces", "clashes", "people", "soldiers", "civilians", "village"]


class Stream:
    """Deterministic generated reports, in time order."""

    def __init__(self, seed: int = 7, unplaced: float = 0.0) -> None:
        self.rng = random.Random(seed)
        self.n = 0
        self.unplaced = unplaced  # share of reports the gazetteer places nowhere (no country)
        rng = self.rng
        self.places = {
            c: [
                (f"{c}-town{j}", 10_000_000 + i * 100 + j, rng.uniform(-30, 40), rng.uniform(-20, 60))
                for j in range(60)
            ]
            for i, c in enumerate(COUNTRIES)
        }

    def _event(self, day: date) -> list[dict[str, Any]]:
        rng = self.rng
        country = rng.choice(COUNTRIES)
        name, gid, lat, lon = rng.choice(self.places[country])
        actor = f"Group {rng.randrange(200)}"
        killed = rng.randrange(1, 60)
        topic = rng.sample(WORDS, 6)
        out = []
        for _ in range(rng.choice((1, 1, 1, 2, 2, 3, 4))):
            self.n += 1
            published = day + timedelta(days=rng.choice((0, 0, 1, 1, 2)))
            words = rng.sample(topic, 4) + rng.sample(STOCK, 3)
            text = f"{actor} {' '.join(words)} in {name}"
            k = max(1, killed + rng.randrange(-2, 3))
            dated = rng.random() < 0.4
            told = published.isoformat()
            when = (
                {"start": day.isoformat(), "end": day.isoformat(), "precision": "day", "text": "on Monday"}
                if dated
                else {"start": told, "end": told, "precision": "week", "text": None, "basis": "published"}
            )
            figure = {"low": k, "best": k, "high": k, "text": str(k)}
            where = [{"text": name, "name": name, "geonameid": gid, "lat": lat, "lon": lon,
                      "country": country, "admin1": None, "feature": "city"}]  # fmt: skip
            if self.unplaced and rng.random() < self.unplaced:
                where = []  # met by name and publication day only
            out.append({
                "id": "ev1", "article_id": f"a{self.n}", "outlet": f"outlet{rng.randrange(30)}",
                "published": published.isoformat(), "type": "ASSAULT", "mode": None, "modality": "asserted",
                "actor": {"text": actor, "name": actor, "kind": "rebel", "country": None},
                "target": None,
                "locations": where,
                "date": when, "counts": {"killed": figure, "injured": None, "size": None},
                "claims": [{"claimant": None, "outlet": "x"}],
                "evidence": {"start": 0, "end": len(text), "text": text}, "mentions": [],
            })  # fmt: skip
        return out

    def take(self, n: int) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        while len(out) < n:
            day = START + timedelta(days=self.n // REPORTS_PER_DAY)
            out.extend(self._event(day))
        return out[:n]


def run(size: int, batch: int, unplaced: float = 0.0) -> dict[str, float]:
    stream = Stream(unplaced=unplaced)
    fuser = Fuser()
    chunk = 5000
    # the records are generated before the clock starts: generating them is not fusing them
    chunks = [stream.take(min(chunk, size - i)) for i in range(0, size, chunk)]
    t0, c0 = time.perf_counter(), time.process_time()
    for records in chunks:
        fuser.add([report_from_record(r) for r in records])
    build, build_cpu = time.perf_counter() - t0, time.process_time() - c0
    gc.collect()
    gc.freeze()  # the stored reports are long-lived: keep the collector from re-walking them per batch
    compared = fuser.compared
    rates, cpu_rates = [], []
    for _ in range(ROUNDS):  # best of a few rounds: the machine is shared, the slowest round is noise
        new = [report_from_record(r) for r in stream.take(batch)]
        t1, c1 = time.perf_counter(), time.process_time()
        for r in new:  # one at a time, as articles arrive
            fuser.add([r])
        rates.append(batch / (time.perf_counter() - t1))
        cpu_rates.append(batch / max(1e-9, time.process_time() - c1))
    gc.unfreeze()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KiB
    return {
        "stored": size,
        "build_s": build,
        "build_cpu_s": build_cpu,
        "rate": max(rates),
        "rate_cpu": max(cpu_rates),
        "pairs_per_report": (fuser.compared - compared) / (batch * ROUNDS),
        "largest_bucket": fuser.index.largest_bucket(),
        "fused_events": len(fuser.clusters),
        "peak_mib": peak / 2**20,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--unplaced", type=float, default=0.0, help="share of reports with no place (0..1)")
    ap.add_argument("--baseline", metavar="REF", help="also run the polemos of git commit REF, and compare")
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # a baseline child's output
    a = ap.parse_args(argv)
    sizes = [int(s) for s in a.sizes.split(",")]
    before: list[dict[str, float]] | None = None
    if a.baseline:
        from baseline import checkout, environment, label

        tree = checkout(a.baseline)
        cmd = [sys.executable, __file__, "--json", "--sizes", a.sizes, "--batch", str(a.batch),
               "--unplaced", str(a.unplaced)]  # fmt: skip
        print(f"baseline: {label(a.baseline)} in {tree}", file=sys.stderr, flush=True)
        out = subprocess.run(cmd, env=environment(tree), check=True, capture_output=True, text=True).stdout
        before = json.loads(out)
    rows = [run(s, a.batch, a.unplaced) for s in sizes]
    if a.json:
        print(json.dumps(rows))
        return 0
    base = rows[0]["rate"]
    print(f"{'stored':>8} {'reports/s':>10} {'vs first':>9} {'pairs/report':>13} {'largest bucket':>15} "
          f"{'fused events':>13} {'build s':>8} {'build/s':>8} {'cpu/s':>7} {'process MiB':>12}")  # fmt: skip
    for r in rows:
        n, wall, cpu = r["stored"], r["build_s"], r["build_cpu_s"]
        print(
            f"{n:>8} {r['rate']:>10.0f} {r['rate'] / base:>8.2f}x {r['pairs_per_report']:>13.1f} "
            f"{r['largest_bucket']:>15} {r['fused_events']:>13} {wall:>8.1f} "
            f"{n / wall:>8.0f} {n / cpu:>7.0f} {r['peak_mib']:>12.0f}"
        )
    if before is not None:
        print(f"\nthis checkout vs {a.baseline} (× = how many times faster; build = fusing the first N)")
        print(f"{'stored':>8} {'build s':>8} {'was':>8} {'×':>6} {'build cpu s':>12} {'was':>8} {'×':>6} "
              f"{'reports/s':>10} {'was':>8} {'×':>6} {'cpu/s':>7} {'was':>7} {'×':>6} "
              f"{'same events':>12}")  # fmt: skip
        for r, b in zip(rows, before, strict=True):
            wall, was, cpu, cpu_was = r["build_s"], b["build_s"], r["build_cpu_s"], b["build_cpu_s"]
            print(
                f"{r['stored']:>8} {wall:>8.1f} {was:>8.1f} {was / wall:>6.2f} "
                f"{cpu:>12.1f} {cpu_was:>8.1f} {cpu_was / cpu:>6.2f} "
                f"{r['rate']:>10.0f} {b['rate']:>8.0f} {r['rate'] / b['rate']:>6.2f} "
                f"{r['rate_cpu']:>7.0f} {b['rate_cpu']:>7.0f} {r['rate_cpu'] / b['rate_cpu']:>6.2f} "
                f"{'yes' if r['fused_events'] == b['fused_events'] else 'NO':>12}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
