"""Ingest throughput and memory: 1 vs 2 workers, local vs Ray, SQLite vs PostgreSQL, side by side.

    PYTHONPATH=. python benchmarks/ingest.py --articles 2000
    PYTHONPATH=. python benchmarks/ingest.py --articles 300 --only local-1-sqlite,store-sqlite
    PYTHONPATH=. python benchmarks/ingest.py --only local-1-sqlite,local-2-sqlite --baseline main

Each configuration runs in a fresh process on the same generated corpus and a fresh database; peak
memory is the largest sum of PSS (each shared page divided among the processes that share it, so
workers forked from one loaded model are not counted once each; RSS where PSS cannot be read) over
that process and all its descendants (pool workers, Ray's raylet and actors), sampled every 0.2 s.

CPU is what the configuration's processes used (user + system, the ingest process and every
process it waited for): ``cpu ms/art`` in all, ``parent`` the ingest process's own share (reading,
writing, sending work to the workers), and ``cores`` CPU over wall time. On a machine shared with
other work, wall time says little about scaling (a session's processes share the CPU it is given),
so the load average is printed beside the figures, and the CPU columns say whether a second worker
costs extra work: with ``cpu ms/art`` the same for 1 and 2 workers, two free cores would run two
workers at up to twice the rate, less whatever the ``parent`` column cannot overlap.

``store-*`` rows load pre-extracted records (no NLP): the store's own cost. The corpus generator is
general: any number of articles, several outlets, templated English news about events of several
kinds, places, actors and figures, split over JSONL files.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

PLACES = [
    "Aleppo",
    "Homs",
    "Idlib",
    "Mosul",
    "Kirkuk",
    "Donetsk",
    "Kharkiv",
    "Mogadishu",
    "Kismayo",
    "Sanaa",
    "Aden",
    "Kabul",
    "Kandahar",
    "Gao",
    "Timbuktu",
    "Maiduguri",
    "Tripoli",
    "Benghazi",
    "Goma",
    "Bunia",
]
ACTORS = [
    "government forces",
    "rebels",
    "Islamic State militants",
    "the army",
    "police",
    "al-Shabaab fighters",
    "Houthi rebels",
    "Taliban fighters",
    "protesters",
    "Boko Haram militants",
    "security forces",
]
CLAIMANTS = [
    "the interior ministry",
    "a local official",
    "the Syrian Observatory for Human Rights",
    "witnesses",
    "the United Nations",
    "a military spokesman",
    "hospital sources",
]
OUTLETS = ["Wire One", "Daily Courier", "World Report", "Evening Post", "Global Times Review"]
TEMPLATES = [
    "{actor_c} attacked {place} on {day}, killing {n} people, {claimant} said.",
    "At least {n} people were killed when a car bomb exploded in {place} on {day}, according to {claimant}.",
    "{actor_c} shelled the outskirts of {place}, wounding {n} civilians, {claimant} reported.",
    "Thousands of protesters gathered in {place} on {day} to demand the release of detainees.",
    "{actor_c} seized control of several villages near {place} after heavy fighting, {claimant} said.",
    "Some {n} fighters massed near {place}, {claimant} told reporters.",
    "Talks between {actor} and the government in {place} ended without an agreement on {day}.",
    "{actor_c} kidnapped {n} aid workers on the road to {place}, {claimant} said on {day}.",
    "Air strikes hit a market in {place} on {day}, killing {n} and injuring dozens, {claimant} said.",
    "Police arrested {n} people in {place} after clashes with {actor}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def generate_corpus(
    n: int, out_dir: Path, *, seed: int = 7, files: int = 4, sentences: tuple[int, int] = (4, 9)
) -> list[Path]:
    """``n`` articles over ``files`` JSONL files in ``out_dir``; the same seed gives the same corpus."""
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / f"part-{i:03d}.jsonl" for i in range(files)]
    handles = [p.open("w", encoding="utf-8") for p in paths]
    start = date(2016, 1, 1)
    for i in range(n):
        lines = []
        for _ in range(rng.randint(*sentences)):
            actor = rng.choice(ACTORS)
            lines.append(
                rng.choice(TEMPLATES).format(
                    actor=actor,
                    actor_c=actor[0].upper() + actor[1:],
                    place=rng.choice(PLACES),
                    claimant=rng.choice(CLAIMANTS),
                    n=rng.choice([3, 5, 12, 20, 37, 100, 148, 6000]),
                    day=rng.choice(DAYS),
                )
            )
        title = lines[0].split(",")[0].rstrip(".")
        record = {
            "id": f"gen-{seed}-{i}",
            "title": title,
            "text": title + "\n" + " ".join(lines),
            "published": (start + timedelta(days=rng.randrange(900))).isoformat(),
            "outlet": rng.choice(OUTLETS),
            "url": f"https://example.org/{seed}/{i}",
        }
        handles[i % files].write(json.dumps(record) + "\n")
    for h in handles:
        h.close()
    return paths


# ---- one configuration, in a child process ---------------------------------------------------------


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _run_one(args: argparse.Namespace) -> None:
    from polemos.ingest import Options, ingest
    from polemos.store import Progress, SqlStore, Stored

    store = SqlStore(args.db)
    t0 = time.perf_counter()
    if args.engine == "store":  # pre-extracted records: the store's own cost
        records = [json.loads(line) for line in Path(args.records).read_text().splitlines()]
        progress = Progress()
        for i in range(0, len(records), 64):
            chunk = [Stored(r["record"], r["text"], r["source"]) for r in records[i : i + 64]]
            store.write_batch(chunk, [], run_id=None, progress=progress)
        added = progress.added
    else:
        options = Options(engine=args.engine, workers=args.workers, batch_size=64)
        added = ingest([args.corpus], store, options).added
    seconds = time.perf_counter() - t0
    store.close()
    print(json.dumps({"articles": added, "seconds": seconds, "cpu_self": _cpu(resource.RUSAGE_SELF)}))


def _tree_rss(pid: int) -> int:
    """Memory in bytes of a process and all its descendants (Linux /proc): PSS, else RSS."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            total += _pss(p)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def _pss(pid: int) -> int:
    for name, key in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
        try:
            with open(name) as f:
                for line in f:
                    if line.startswith(key):
                        return int(line.split()[1]) * 1024
        except PermissionError:
            continue
    return 0


def _measure(cmd: list[str], env: dict[str, str] | None = None) -> tuple[dict, int]:
    """The child's result (with ``cpu``: the CPU seconds of its whole tree) and its peak memory."""
    cpu_before = _cpu(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.2)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    out, err = proc.communicate()
    stop.set()
    thread.join()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{err[-2000:]}")
    result = json.loads(out.strip().splitlines()[-1])
    result["cpu"] = _cpu(resource.RUSAGE_CHILDREN) - cpu_before
    return result, peak


def _pg_url(base: str) -> str | None:
    """A fresh database on the server at ``base`` (dropped at exit by the caller), or None."""
    try:
        import psycopg
    except ImportError:
        return None
    name = f"polemos_bench_{uuid.uuid4().hex[:8]}"
    admin = base.rsplit("/", 1)[0] + "/postgres"
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error:
        return None
    return base.rsplit("/", 1)[0] + "/" + name


def _drop_pg(url: str) -> None:
    import psycopg

    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument(
        "--pg", default=os.environ.get("POLEMOS_TEST_PG", "postgresql://postgres@127.0.0.1:5432/x")
    )
    parser.add_argument("--only", default="", help="comma-separated configuration names")
    parser.add_argument(
        "--baseline", metavar="REF", help="also run the SQLite rows with the polemos of git commit REF"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--engine", default="local", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--records", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _run_one(args)
        return

    work = Path(tempfile.mkdtemp(prefix="polemos-bench-"))
    corpus = work / "corpus"
    generate_corpus(args.articles, corpus)
    words = sum(len(json.loads(line)["text"].split()) for p in corpus.glob("*.jsonl") for line in p.open())
    print(f"corpus: {args.articles} articles, {words / args.articles:.0f} words each, in {corpus}")
    configs = [  # name, engine, workers, database
        ("local-1-sqlite", "local", 1, "sqlite"),
        ("local-2-sqlite", "local", 2, "sqlite"),
        ("local-2-postgres", "local", 2, "postgres"),
        ("ray-2-sqlite", "ray", 2, "sqlite"),
        ("store-sqlite", "store", 1, "sqlite"),
        ("store-postgres", "store", 1, "postgres"),
    ]
    only = {s for s in args.only.split(",") if s}
    configs = [c for c in configs if not only or c[0] in only]
    records = work / "records.jsonl"
    rows = []
    for name, engine, workers, dbkind in configs:
        if engine == "store" and not records.exists():
            _dump_records(work, corpus, records)
        if dbkind == "postgres":
            db = _pg_url(args.pg)
            if db is None:
                rows.append((name, None, None, None, "no PostgreSQL server", None))
                continue
        else:
            db = str(work / f"{name}.db")
        cmd = [
            sys.executable,
            __file__,
            "--child",
            "--engine",
            engine,
            "--workers",
            str(workers),
            "--db",
            db,
            "--corpus",
            str(corpus),
            "--records",
            str(records),
        ]
        if engine == "ray":
            try:
                import ray  # noqa: F401
            except ImportError:
                rows.append((name, None, None, None, "ray not installed", None))
                continue
        try:
            result, peak = _measure(cmd)
            rows.append((name, result["articles"], result["seconds"], peak, "", result))
        except RuntimeError as e:
            rows.append((name, None, None, None, str(e).splitlines()[-1][:60], None))
        finally:
            if dbkind == "postgres":
                _drop_pg(db)
        print(f"  {name}: done", file=sys.stderr)
        if args.baseline and dbkind == "sqlite":  # the same configuration, the polemos of REF
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from baseline import checkout, environment

            tree = checkout(args.baseline)
            cmd[cmd.index(db)] = str(work / f"{name}-{tree.name}.db")
            try:
                result, peak = _measure(cmd, environment(tree))
                rows.append((f"{name}@base", result["articles"], result["seconds"], peak, "", result))
            except RuntimeError as e:
                rows.append((f"{name}@base", None, None, None, str(e).splitlines()[-1][:60], None))
            print(f"  {name} on {args.baseline}: done", file=sys.stderr)
    rates = {r[0]: r[1] / r[2] for r in rows if r[1] and r[2]}
    cols = ("articles", "seconds", "articles/s", "× local-1", "× base", "cpu ms/art", "parent", "cores",
            "peak MiB")  # fmt: skip
    widths = (9, 9, 12, 10, 8, 12, 8, 7, 10)
    if args.baseline:
        print(f"\n@base: the polemos of {args.baseline}; × base: this checkout's rate over it")
    print(f"load average (1, 5, 15 min) at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}, "
          f"{os.cpu_count()} cores")  # fmt: skip
    print(f"\n{'configuration':<22}" + "".join(f"{c:>{w}}" for c, w in zip(cols, widths, strict=True)))
    for name, n, secs, peak, note, result in rows:
        if n is None:
            print(f"{name:<22}  skipped: {note}")
            continue
        rate = n / secs
        one = rates.get("local-1-sqlite@base" if name.endswith("@base") else "local-1-sqlite")
        ratio = f"{rate / one:.2f}" if one and not name.startswith("store") else "-"
        was = rates.get(f"{name}@base")
        vs = f"{rate / was:.2f}" if was else "-"
        cpu, parent = result["cpu"], result.get("cpu_self", 0.0)
        print(f"{name:<22}{n:>9}{secs:>9.1f}{rate:>12.1f}{ratio:>10}{vs:>8}{1000 * cpu / n:>12.1f}"
              f"{1000 * parent / n:>8.1f}{cpu / secs:>7.2f}{peak / 2**20:>10.0f}")  # fmt: skip


def _dump_records(work: Path, corpus: Path, out: Path) -> None:
    """Extracted records for the store-* rows: from an earlier row's database, else extracted now."""
    from polemos.ingest import Options, ingest
    from polemos.read import iter_articles
    from polemos.store import SqlStore

    earlier = sorted(work.glob("local-*-sqlite.db"))
    store = SqlStore(str(earlier[0] if earlier else work / "records.db"))
    if not earlier:
        ingest([str(corpus)], store, Options(workers=2))
    texts = {a.id: (a.text, a.source) for a in iter_articles(sorted(str(p) for p in corpus.glob("*.jsonl")))}
    with out.open("w") as f:
        for record in store.iter_articles():
            text, source = texts[record["article"]["id"]]
            f.write(json.dumps({"record": record, "text": text, "source": source}) + "\n")
    store.close()


if __name__ == "__main__":
    main()
