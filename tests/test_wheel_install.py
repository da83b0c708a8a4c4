"""The wheel as a user gets it: installed alone in a fresh virtual environment outside the source tree
(no repository, no npm), `polemos demo --port 0` serves a dashboard whose map draws its country
shapes in headless Chromium, and /docs works, with no request leaving the server.

.ci/run builds the wheel (`python -m build`), installs it into such an environment and names it in
``POLEMOS_WHEEL_VENV``; without it these tests skip, saying so.
"""

from __future__ import annotations

import os
import re
import select
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_fixtures import browser, page, ready, shoot  # noqa: F401  (fixtures)

VENV = os.environ.get("POLEMOS_WHEEL_VENV")
SOURCE = Path(__file__).resolve().parent.parent
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not VENV, reason="POLEMOS_WHEEL_VENV names no venv with the wheel installed (.ci/run does)"
    ),
]


def clean_env() -> dict[str, str]:
    """The environment without anything pointing into the source tree."""
    env = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "POLEMOS_NODE_MODULES", "VIRTUAL_ENV")
    }
    env["PATH"] = f"{VENV}/bin:{env.get('PATH', '')}"
    return env


def in_venv(*args: str, cwd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([f"{VENV}/bin/{args[0]}", *args[1:]], cwd=cwd, env=clean_env(), capture_output=True,
                          text=True, timeout=300)  # fmt: skip


@pytest.fixture(scope="module")
def away() -> Iterator[str]:
    """A working folder outside the source tree."""
    with tempfile.TemporaryDirectory(prefix="polemos-wheel-") as d:
        assert not Path(d).resolve().is_relative_to(SOURCE)
        yield d


@pytest.fixture(scope="module")
def demo(away: str) -> Iterator[str]:
    command = [f"{VENV}/bin/polemos", "demo", "--port", "0", "--db", "demo.db"]
    proc = subprocess.Popen(command, cwd=away, env=clean_env(), text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)  # fmt: skip
    try:
        out, deadline = "", time.monotonic() + 240
        assert proc.stdout is not None
        while (found := re.search(r"at (http://127\.0\.0\.1:\d+/)", out)) is None:
            if time.monotonic() > deadline or proc.poll() is not None:
                raise AssertionError(f"polemos demo did not start:\n{out}")
            if select.select([proc.stdout], [], [], 1)[0]:
                out += proc.stdout.readline()
        assert "Note:" not in out, out  # no browser file is missing
        yield found.group(1).rstrip("/")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        if proc.stdout is not None:
            proc.stdout.close()


def test_wheel_polemos_is_the_installed_one(away: str) -> None:
    script = ("import polemos, polemos.web as w; a = w.find_assets(); print(polemos.__file__); "
              "print(a.missing); print(a.files['leaflet']['leaflet.js'])")  # fmt: skip
    done = in_venv("python", "-c", script, cwd=away)
    where, missing, leaflet = done.stdout.split("\n")[:3]
    assert "site-packages" in where and not Path(where).resolve().is_relative_to(SOURCE)
    assert missing == "()" and "site-packages/polemos/web/vendor/leaflet" in leaflet
    assert in_venv("python", "-c", "import node_modules", cwd=away).returncode != 0


def test_wheel_demo_map_draws_offline(demo: str, page: Any) -> None:  # noqa: F811
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(demo + "/")
    ready(page)
    page.wait_for_selector("#map[data-borders]", timeout=20_000)
    assert int(page.locator("#map").get_attribute("data-borders")) > 200
    assert page.locator("path.pm-country").count() > 200  # the country shapes are drawn
    assert int(page.locator("#map").get_attribute("data-markers")) > 0
    assert not page.locator("#map-missing").is_visible()
    assert [u for u in requests if not u.startswith(demo) and not u.startswith("data:")] == []
    assert page.js_errors == []
    shoot(page, "wheel-dashboard")


def test_wheel_docs_page_works_offline(demo: str, page: Any) -> None:  # noqa: F811
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(demo + "/docs")
    page.wait_for_selector(".opblock", timeout=20_000)
    assert [u for u in requests if not u.startswith(demo) and not u.startswith("data:")] == []


def test_wheel_licences_are_served(demo: str, page: Any) -> None:  # noqa: F811
    for url in ("/vendor/leaflet/LICENSE", "/vendor/leaflet.markercluster/MIT-LICENCE.txt",
                "/vendor/swagger-ui-dist/NOTICE", "/vendor/world-atlas/LICENSE"):  # fmt: skip
        assert page.request.get(demo + url).status == 200, url


@pytest.mark.parametrize(
    ("args", "install"),
    [
        (["events", "--db", "postgresql://postgres@127.0.0.1:5432/polemos_test"], "polemos[postgres]"),
        (["ingest", "in.txt", "--engine", "ray", "--db", "r.db"], "polemos[ray]"),
    ],
)
def test_wheel_missing_extras_say_what_to_install(away: str, args: list[str], install: str) -> None:
    (Path(away) / "in.txt").write_text(
        "Clashes in Kharkiv\nTroops clashed with rebels in Kharkiv on Monday.\n"
    )
    done = in_venv("polemos", *args, cwd=away)
    assert done.returncode == 3, done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("Error [E220]") and f"pip install '{install}'" in line
