"""Optional parts used without being installed (the PostgreSQL driver, Ray): one line saying what to
install, exit code 3, no traceback, nothing done. The parts are hidden from a child process by a
module of the same name on its path that cannot be imported, as an absent one cannot."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from polemos.errors import ConfigError, MissingPart
from polemos.optional import require

ROOT = Path(__file__).parent.parent
ARTICLE = ROOT / "examples" / "report-2023-kharkiv.txt"


def hide(tmp_path: Path, *modules: str) -> dict[str, str]:
    shadow = tmp_path / "shadow"
    shadow.mkdir(exist_ok=True)
    for name in modules:
        absent = f"raise ModuleNotFoundError(\"No module named '{name}'\", name={name!r})\n"
        (shadow / f"{name}.py").write_text(absent)
    return {**os.environ, "PYTHONPATH": str(shadow)}


def run(env: dict[str, str], *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "polemos", *args], env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=300)  # fmt: skip


@pytest.mark.parametrize(
    "args",
    [
        ["events", "--db", "postgresql://postgres@127.0.0.1:5432/polemos_test"],
        ["events", "--db", "postgres://someone@db.invalid/x"],
        ["export", "--format", "csv", "-o", "-", "--db", "postgresql+psycopg://u@h/d"],
        ["db", "upgrade", "--db", "postgresql://u:secret@h/d"],
    ],
)
def test_postgres_url_without_driver_says_what_to_install(tmp_path: Path, args: list[str]) -> None:
    done = run(hide(tmp_path, "psycopg"), *args, cwd=tmp_path)
    assert done.returncode == 3, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error [E220]")
    assert "pip install 'polemos[postgres]'" in lines[0] and "psycopg" in lines[0]
    assert "Traceback" not in done.stderr and "secret" not in done.stderr


def test_ray_engine_without_ray_says_what_to_install(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    args = ["ingest", str(ARTICLE), "--engine", "ray", "--db", str(db)]
    done = run(hide(tmp_path, "ray"), *args, cwd=tmp_path)
    assert done.returncode == 3, done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("Error [E220] --engine ray needs Ray Data")
    assert "pip install 'polemos[ray]'" in line
    import sqlite3

    with sqlite3.connect(db) as conn:  # stopped before anything ran: no run recorded, no article
        assert conn.execute("select count(*) from ingest_runs").fetchone() == (0,)
        assert conn.execute("select count(*) from articles").fetchone() == (0,)


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    done = run(hide(tmp_path, "psycopg"), "--debug", "events", "--db", "postgresql://u@h/d", cwd=tmp_path)
    assert done.returncode != 0 and "Traceback" in done.stderr and "MissingPart" in done.stderr


def test_require_names_the_part_and_the_install_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # None in sys.modules: the import fails
    wanted = r"\[E220\] the Ray run needs Ray Data, .*pip install 'polemos\[ray\]'"
    with pytest.raises(MissingPart, match=wanted):
        require("ray", "the Ray run")
    assert issubclass(MissingPart, ConfigError)


def test_require_passes_when_installed() -> None:
    pytest.importorskip("psycopg")
    require("postgres", "a test")
