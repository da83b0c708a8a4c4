"""API latency and throughput on a store of 100k events, beside the same queries run in-process.

    PYTHONPATH=. python benchmarks/api.py                     # 100k events, reuses the store file
    PYTHONPATH=. python benchmarks/api.py --events 10000 --requests 500
    PYTHONPATH=. python benchmarks/api.py --baseline main   # the same run on commit main too, and the ratios

Events are fused events (``polemos.event/1``); the generated reports are fused when the store is
built (timed), as ``create_app`` does. Three ways to ask the same two questions, one table:

- ``sql``      the filtered, paged SELECT of event ids alone (what the database itself costs);
- ``library``  ``polemos.api.data`` in this process: that SELECT plus the total count and the records
               rebuilt from their tables (what every surface pays before any HTTP);
- ``http``     ``GET /events?…`` / ``GET /events/{id}`` against ``polemos serve`` in its own process on
               127.0.0.1 (one uvicorn worker), from a Python load generator with keep-alive
               connections (``--concurrency`` threads).

Queries: ``/events?type=ASSAULT&country=SY&since=2018-01-01&until=2021-12-31&sort=-date&offset=50
&limit=50`` (filtered, paged: the page after the first) and ``/events/{id}`` for random stored ids.
The store is generated (records with true offsets, written through ``SqlStore.write_batch``): several
countries, types, actors, claimants and figures over ten years. Up to 100k events the reports fall in
15 cities (about two a city a day); a larger store covers more places, not more reports per place:
each city gains towns around it (``towns``), one per further 100k events, so a 1M store holds about
as many reports per town and day as the 100k one (without them it would hold 18 a city a day, every
day for ten years, and its fusion would measure that density rather than the store). The filtered
query's countries keep their share. Figures vary with the machine and its load; the ratios between
rows are the point.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# --baseline runs this script again with the polemos of another commit (benchmarks/baseline.py)
TREE = Path(os.environ.get("POLEMOS_BENCH_TREE") or ROOT)
sys.path.insert(0, str(TREE))

from polemos.fuse.stored import update as fuse_update  # noqa: E402
from polemos.store import Progress, SqlStore, Stored  # noqa: E402
from polemos.store.stats import refresh_planner_stats  # noqa: E402

CITIES = [("Aleppo", 36.20, 37.16, "SY"), ("Homs", 34.73, 36.72, "SY"), ("Idlib", 35.93, 36.63, "SY"),
          ("Mosul", 36.34, 43.13, "IQ"), ("Kirkuk", 35.47, 44.39, "IQ"), ("Donetsk", 48.02, 37.80, "UA"),
          ("Kharkiv", 49.99, 36.23, "UA"), ("Mogadishu", 2.04, 45.34, "SO"), ("Sanaa", 15.35, 44.21, "YE"),
          ("Aden", 12.78, 45.04, "YE"), ("Kabul", 34.53, 69.17, "AF"), ("Gao", 16.27, -0.04, "ML"),
          ("Maiduguri", 11.85, 13.16, "NG"), ("Tripoli", 32.89, 13.19, "LY"),
          ("Goma", -1.68, 29.23, "CD")]  # fmt: skip
TYPES = ["ASSAULT"] * 5 + ["PROTEST", "COERCE", "MOBILIZE", "THREATEN", "CONSULT", "AGREE", "ACCUSE"]
ACTORS = ["government forces", "rebel fighters", "Islamic State", "the army", "militiamen", "police"]
CLAIMANTS = [("a monitoring group", False), ("the defence ministry", True), ("local officials", False),
             ("rebel spokesmen", True), ("the UN", False), ("hospital staff", False)]  # fmt: skip
OUTLETS = ["Levant Wire", "Orontes Observer", "Ridge Radio", "Euphrates Weekly", "Coast Post"]
EVENTS_PER_ARTICLE = 4
BATCH = 500  # articles per write_batch: one transaction each, as ingest writes
FILTERED = "type=ASSAULT&country=SY&since=2018-01-01&until=2021-12-31&sort=-date&offset=50&limit=50"


TOWN_STEP = 0.35  # degrees between a city and its towns (about 39 km: farther than a city's 25 km)


def towns(n_events: int) -> list[tuple[str, float, float, str]]:
    """The places a store of ``n_events`` covers: the 15 cities, each with one town around it per
    100k events past the first 100k (on a grid around the city, each farther than a city's radius)."""
    per_city = max(1, n_events // 100_000)
    ring = [(i, j) for i in range(-3, 4) for j in range(-3, 4) if (i, j) != (0, 0)]
    ring.sort(key=lambda ij: (abs(ij[0]) + abs(ij[1]), ij))
    out = []
    for city, lat, lon, cc in CITIES:
        out.append((city, lat, lon, cc))
        for k, (i, j) in enumerate(ring[: per_city - 1], start=1):
            out.append(
                (f"{city} district {k}", round(lat + i * TOWN_STEP, 4), round(lon + j * TOWN_STEP, 4), cc)
            )
    return out


def _article(n: int, rng: random.Random, places: list[tuple[str, float, float, str]] = CITIES) -> Stored:
    day0 = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
    outlet = rng.choice(OUTLETS)
    parts: list[str] = [f"Report {n} from {outlet}"]
    events = []
    for i in range(EVENTS_PER_ARTICLE):
        city, lat, lon, cc = rng.choice(places)
        actor = rng.choice(ACTORS)
        claimant, party = rng.choice(CLAIMANTS)
        killed = rng.choice([None, None, rng.randrange(1, 200)])
        day = day0 - timedelta(days=rng.randrange(3))
        figure = f"{killed} people" if killed else "people"
        sentence = f"On {day.isoformat()}, {actor} attacked {figure} in {city}, {claimant} said."
        start = sum(len(p) + 1 for p in parts)
        parts.append(sentence)

        def span(piece: str, s: str = sentence, base: int = start) -> dict[str, Any]:
            i0 = s.index(piece)
            return {"text": piece, "start": base + i0, "end": base + i0 + len(piece)}

        events.append({
            "id": f"ev{i}", "type": rng.choice(TYPES), "mode": None, "modality": "asserted",
            "actor": {**span(actor), "name": actor, "kind": "military", "country": None}, "target": None,
            "locations": [{**span(city), "name": city, "geonameid": None, "lat": lat, "lon": lon,
                           "country": cc, "admin1": None, "feature": "city"}],
            "date": {"start": day.isoformat(), "end": day.isoformat(), "precision": "day",
                     "text": day.isoformat()},
            "counts": {"killed": None if not killed else {"low": killed, "best": killed, "high": killed,
                                                          **span(figure)}, "injured": None, "size": None},
            "claims": [{"claimant": {**span(claimant), "name": claimant, "kind": "unknown", "country": None,
                                     "party": party}, "outlet": outlet}],
            "trigger": span("attacked"), "evidence": span(sentence), "mentions": [], "acled": None,
            "cameo": "18", "confidence": 0.5,
        })  # fmt: skip
    text = "\n".join(parts)
    record = {"schema": "polemos.article/1",
              "article": {"id": f"bench-{n}", "title": parts[0], "published": day0.isoformat(),
                          "outlet": outlet, "url": None, "language": "en"},
              "events": events, "places": [], "times": []}  # fmt: skip
    return Stored(record, text, source=f"bench:{n}")


def is_postgres(db: str) -> bool:
    return db.startswith(("postgresql://", "postgres://", "postgresql+psycopg://"))


def _recreate_postgres(url: str) -> None:
    """Drop and create the database named in ``url`` with the PostgreSQL client tools (no SQL here)."""
    from sqlalchemy.engine import make_url

    u = make_url(url)
    conn = ["-h", u.host or "127.0.0.1", "-p", str(u.port or 5432), "-U", u.username or "postgres"]
    env = {**os.environ, **({"PGPASSWORD": u.password} if u.password else {})}
    subprocess.run(["dropdb", *conn, "--if-exists", str(u.database)], check=True, env=env)
    subprocess.run(["createdb", *conn, str(u.database)], check=True, env=env)


def _ensure_postgres(url: str) -> None:
    """Create the database if it does not exist yet (the store needs one to upgrade into)."""
    from sqlalchemy.exc import OperationalError

    from polemos.errors import StoreError

    try:
        SqlStore(url).close()
    except (StoreError, OperationalError):
        _recreate_postgres(url)


def build_store(db: str, n_events: int, seed: int) -> SqlStore:
    """A store of ``n_events`` generated events at ``db`` (a SQLite path or a PostgreSQL URL), reused
    when it already holds exactly that many; otherwise emptied (file removed, database re-created)."""
    pg = is_postgres(db)
    if pg:
        _ensure_postgres(db)
    url = db if pg else f"sqlite:///{db}"
    store = SqlStore(url, upgrade=True)
    have = store.counts()["events"]
    if have == n_events:
        print(f"store: reusing {db} ({have} events)")
        return store
    store.close()
    if pg:
        if have:
            _recreate_postgres(db)
        store = SqlStore(url, upgrade=True)
    else:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        store = SqlStore(url)
    rng = random.Random(seed)
    t0 = time.perf_counter()
    n_articles = n_events // EVENTS_PER_ARTICLE
    places = towns(n_events)
    for lo in range(0, n_articles, BATCH):
        batch = [_article(n, rng, places) for n in range(lo, min(lo + BATCH, n_articles))]
        store.write_batch(batch, [], run_id=None, progress=Progress())
        if lo and lo % (50 * BATCH) == 0:
            done = lo * EVENTS_PER_ARTICLE
            rate = done / (time.perf_counter() - t0)
            print(f"store: {done} events written, {rate:.0f} events/s", flush=True)
    took = time.perf_counter() - t0
    rate = n_events / took if took else 0.0
    print(
        f"store: wrote {n_articles} articles, {n_events} events in {took:.1f} s, {rate:.0f} events/s "
        f"({store.url.split('@')[-1]})",
        flush=True,
    )
    return store


def timed(fn: Any, n: int) -> list[float]:
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(db: str) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    where = db if is_postgres(db) else str(Path(db).resolve())
    cmd = [sys.executable, "-m", "polemos", "serve", "--db", where, "--port", str(port)]
    env = {**os.environ, "PYTHONPATH": str(TREE)}
    # cwd: ``-m`` puts the working directory first on sys.path, before PYTHONPATH (a --baseline
    # server started from this checkout would import this checkout's polemos)
    proc = subprocess.Popen(cmd, env=env, cwd=str(TREE), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start: " + (proc.stderr.read() if proc.stderr else b"").decode())


def load(base: str, paths: list[str], concurrency: int) -> tuple[list[float], float]:
    """Each thread walks its share of ``paths`` on one keep-alive connection; (latencies, wall time)."""
    import httpx

    latencies: list[float] = []
    lock = threading.Lock()

    def worker(mine: list[str]) -> None:
        local = []
        with httpx.Client(base_url=base, timeout=30) as client:
            for p in mine:
                t0 = time.perf_counter()
                r = client.get(p)
                local.append(time.perf_counter() - t0)
                if r.status_code != 200:
                    raise SystemExit(f"GET {p}: {r.status_code} {r.text[:200]}")
        with lock:
            latencies.extend(local)

    threads = [threading.Thread(target=worker, args=(paths[i::concurrency],)) for i in range(concurrency)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, time.perf_counter() - t0


Row = tuple[str, int, float, float, float]  # name, requests, rate, p50 ms, p99 ms


def row(name: str, lat: list[float], wall: float | None = None) -> Row:
    lat = sorted(lat)
    p50 = statistics.median(lat) * 1000
    p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000
    rate = len(lat) / (wall if wall is not None else sum(lat))
    return (name, len(lat), rate, p50, p99)


def show(r: Row) -> str:
    return f"{r[0]:<38} {r[1]:>6} {r[2]:>9.0f} {r[3]:>9.2f} {r[4]:>9.2f}"


def baseline_rows(ref: str, argv: list[str], db: str) -> list[Row]:
    """The same run with the polemos of commit ``ref``, on its own store (file or database), in a
    child process."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from baseline import checkout, environment, label

    tree = checkout(ref)
    print(f"baseline: {label(ref)} in {tree}", flush=True)
    own = (
        f"{db}_{''.join(c if c.isalnum() else '_' for c in tree.name)}"
        if is_postgres(db)
        else f"{db}.{tree.name}"
    )
    cmd = [sys.executable, __file__, *argv, "--db", own, "--json"]
    out = subprocess.run(cmd, env=environment(tree), check=True, stdout=subprocess.PIPE, text=True).stdout
    return [tuple(r) for r in json.loads(out.strip().splitlines()[-1])]  # type: ignore[misc]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument(
        "--db",
        default="/tmp/polemos-bench-api.db",
        help="a SQLite file, or a PostgreSQL URL (postgresql://user@host:port/database)",
    )
    ap.add_argument("--requests", type=int, default=1000, help="requests per HTTP query kind")
    ap.add_argument("--direct", type=int, default=300, help="in-process runs per query kind")
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--baseline", metavar="REF", help="also run the polemos of git commit REF, and compare")
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # a baseline child's output
    args = ap.parse_args()
    before: list[Row] | None = None
    if args.baseline:
        argv = [f"--{k}={getattr(args, k)}" for k in ("events", "requests", "direct", "concurrency", "seed")]
        before = baseline_rows(args.baseline, argv, args.db)

    from sqlalchemy import select

    from polemos.api import data
    from polemos.api.routes import event_filters
    from polemos.store import pages
    from polemos.store.schema import fused_events

    store = build_store(args.db, args.events, args.seed)
    analysed = True
    if not is_postgres(args.db):
        with store.engine.connect() as conn:
            analysed = bool(
                conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name='sqlite_stat1'").first()
            )
    if not analysed:  # what a freshly ingested store costs before the planner has statistics
        where, bbox = event_filters(type="ASSAULT", country="SY", since="2018-01-01", until="2021-12-31")
        query = data.EventQuery(where, bbox, "-date", 50, 50)
        unplanned = timed(
            lambda: data.page_events(store, query, fused=False), 1
        )  # not `before`: the baseline's
        print(f"before ANALYZE: one filtered page took {unplanned[0] * 1000:.0f} ms", flush=True)
    refresh_planner_stats(store)  # as create_app does when the server starts
    t0 = time.perf_counter()
    fuse_update(store)  # as every ingest does before it returns (reads never fuse)
    n_fused = store.counts()["fused_events"]
    print(
        f"fusion: {n_fused} fused events, brought up to date in {time.perf_counter() - t0:.1f} s", flush=True
    )
    # the statistics again, now of the fused tables too: the server refreshes them when it starts,
    # after the fusion; the in-process rows would otherwise plan the fused tables blind
    refresh_planner_stats(store)
    rng = random.Random(args.seed)
    with store.engine.connect() as conn:
        all_ids = list(conn.scalars(select(fused_events.c.id)))
    ids = [rng.choice(all_ids) for _ in range(max(args.requests, args.direct))]

    where, bbox = event_filters(type="ASSAULT", country="SY", since="2018-01-01", until="2021-12-31")
    query = data.EventQuery(where, bbox, "-date", 50, 50)
    total, page = data.page_events(store, query)
    print(f"filtered query: {total} matching fused events, page of {len(page)}", flush=True)

    def sql_page() -> None:
        with store.engine.connect() as conn:
            stmt = pages._fused_ordered(pages._fused_matching(store, conn, where, bbox), "-date")
            list(conn.scalars(stmt.offset(50).limit(50)))

    it = iter(ids * 2)
    rows = [
        row("sql: filtered page of ids", timed(sql_page, args.direct)),
        row("library: GET /events equivalent", timed(lambda: data.page_events(store, query), args.direct)),
        row("sql+library: one event by id", timed(lambda: data.event_detail(store, next(it)), args.direct)),
    ]
    store.close()
    proc, base = serve(args.db)
    try:
        load(base, [f"/events?{FILTERED}"] * 20 + [f"/events/{i}" for i in ids[:20]], 2)  # warm up
        lat, wall = load(base, [f"/events?{FILTERED}"] * args.requests, args.concurrency)
        rows.append(row(f"http: GET /events?… (c={args.concurrency})", lat, wall))
        lat, wall = load(base, [f"/events/{i}" for i in ids[: args.requests]], args.concurrency)
        rows.append(row(f"http: GET /events/{{id}} (c={args.concurrency})", lat, wall))
        lat, wall = load(base, [f"/events?{FILTERED}"] * (args.requests // 4), 1)
        rows.append(row("http: GET /events?… (c=1)", lat, wall))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    if args.json:
        print(json.dumps(rows))
        return
    engine = "PostgreSQL" if is_postgres(args.db) else "SQLite"
    print(f"\n{args.events} events, {engine}, {os.cpu_count()} cores; rate = requests/s (in-process: 1/mean)")
    print(f"{'':<38} {'n':>6} {'req/s':>9} {'p50 ms':>9} {'p99 ms':>9}")
    print("\n".join(show(r) for r in rows))
    if before is not None:
        print(f"\nthis checkout vs {args.baseline}: p50 and p99 before / after (× = how many times faster)")
        print(f"{'':<38} {'p50 was':>9} {'p50':>9} {'×':>6} {'p99 was':>9} {'p99':>9} {'×':>6}")
        for (name, *_, p50, p99), (_, *_, b50, b99) in zip(rows, before, strict=True):
            p50s = f"{b50:>9.2f} {p50:>9.2f} {b50 / p50:>6.2f}"
            print(f"{name:<38} {p50s} {b99:>9.2f} {p99:>9.2f} {b99 / p99:>6.2f}")


if __name__ == "__main__":
    main()
