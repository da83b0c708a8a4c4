"""A live polemos server on 127.0.0.1 and a headless Debian Chromium driven by Playwright.

The browser is Debian's (`apt-get install chromium`), never one downloaded by Playwright; the tests
skip, saying why, only when it is not installed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("POLEMOS_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
# Screenshots go to a scratch folder unless POLEMOS_SCREENSHOTS names one (docs/screenshots to
# refresh the documentation's pictures), so a test run never rewrites files of the checkout.
SHOTS = Path(os.environ.get("POLEMOS_SCREENSHOTS") or Path(tempfile.gettempdir()) / "polemos-screenshots")


class LiveServer:
    """uvicorn serving ``app`` in a thread on a free loopback port."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


# One browser a test module: the modules import this fixture, which makes one instance of it per
# module; a session-scoped one would start a second Playwright while the first still runs.
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1300, "height": 950})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.js_errors = errors
    yield pg
    context.close()


def shoot(page: Any, name: str) -> None:
    """Keep a screenshot of the page (in ``SHOTS``)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def ready(page: Any, timeout_s: float = 20) -> None:
    """Wait until the page's script says its data is drawn."""
    page.wait_for_selector("body[data-ready='1']", timeout=timeout_s * 1000)


def shown(page: Any) -> dict[str, int]:
    """Places drawn one by one, clusters, and the places inside the clusters."""
    return page.evaluate(
        """() => ({markers: document.querySelectorAll('path.pm-marker').length,
                   clusters: document.querySelectorAll('.pm-cluster').length,
                   clustered: [...document.querySelectorAll('.pm-cluster span')]
                                .reduce((s, e) => s + Number(e.textContent), 0)})"""
    )


def settled(page: Any) -> dict[str, int]:
    """What the map shows once the clusters' animations are over (two readings alike)."""
    last: dict[str, int] = {}
    for _ in range(50):
        page.wait_for_function("() => !document.querySelector('.leaflet-cluster-anim')")
        page.wait_for_timeout(250)
        now = shown(page)
        if now == last:
            return now
        last = now
    raise AssertionError(f"the map never settled: {last}")
