"""Gazetteer costs: build once, open, look up, resolve (printed side by side in one run).

    PYTHONPATH=. python benchmarks/gazetteer.py [--build]

--build compiles a fresh index in a temporary directory first (about a quarter of a minute).
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", action="store_true", help="time a fresh build too")
    a = ap.parse_args()
    from polemos.resolve import gazetteer

    if a.build:
        tmp = Path(tempfile.mkdtemp(prefix="polemos-gaz-")) / "g.sqlite"
        t0 = time.perf_counter()
        gazetteer.build_gazetteer(tmp, quiet=True)
        print(f"build              {time.perf_counter() - t0:8.1f} s  ({tmp.stat().st_size / 1e6:.0f} MB)")
        path = tmp
    else:
        path = gazetteer.build_gazetteer()
    t0 = time.perf_counter()
    g = gazetteer.Gazetteer(path)
    print(f"open               {1000 * (time.perf_counter() - t0):8.2f} ms")
    names = [
        "Aleppo",
        "Darayya",
        "Jableh",
        "Springfield",
        "Washington",
        "Georgia",
        "Paris",
        "Idlib",
        "Kobani",
    ]
    keys = [f"{n} {i}" for i in range(2000) for n in names[:1]] + names * 200
    random.seed(0)
    random.shuffle(keys)
    t0 = time.perf_counter()
    for k in keys:
        g._lookup(k.lower())  # uncached: the SQL cost
    dt = time.perf_counter() - t0
    print(f"lookup (uncached)  {1e6 * dt / len(keys):8.1f} µs/name")
    from polemos.resolve.places import resolve_places

    text = (
        "Shelling hit Darayya and Eastern Ghouta near Damascus, while Russian aircraft struck Idlib "
        "province and rebels in Aleppo fired on Jableh and Tartus. Washington called on Moscow to act. "
    ) * 5
    mentions = []
    for n in (
        "Darayya",
        "Eastern Ghouta",
        "Damascus",
        "Idlib",
        "Aleppo",
        "Jableh",
        "Tartus",
        "Washington",
        "Moscow",
    ):
        start = 0
        while (i := text.find(n, start)) >= 0:
            mentions.append((i, i + len(n), False))
            start = i + 1
    resolve_places(text, mentions, gazetteer=g)
    t0 = time.perf_counter()
    runs = 50
    for _ in range(runs):
        resolve_places(text, mentions, gazetteer=g)
    dt = (time.perf_counter() - t0) / runs
    print(f"resolve            {1000 * dt:8.2f} ms/article ({len(mentions)} mentions, warm caches)")
    print(f"pid {os.getpid()}")


if __name__ == "__main__":
    main()
