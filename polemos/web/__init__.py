"""The dashboard: server-rendered pages (Jinja2) with a little JavaScript, served by the API's app.

Leaflet, topojson-client and world-atlas (Natural Earth borders) come from the npm registry into
``node_modules`` at the repository root (``npm ci``); they are served from there under ``/vendor`` and
never copied into the repository. Without them the pages still work and the map says what is missing.
"""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

HERE = Path(__file__).parent
# what the pages load from each npm package (only these folders are served)
VENDOR = {"leaflet": "leaflet/dist", "topojson-client": "topojson-client/dist", "world-atlas": "world-atlas"}


def node_modules() -> Path | None:
    """Where the npm packages are: ``POLEMOS_NODE_MODULES``, else ``node_modules`` at the repository
    root (a source checkout) or in the working directory; None when they are not installed."""
    given = os.environ.get("POLEMOS_NODE_MODULES")
    places = [Path(given)] if given else [HERE.parent.parent / "node_modules", Path.cwd() / "node_modules"]
    for root in places:
        if all((root / sub).is_dir() for sub in VENDOR.values()):
            return root
    return None


def mount_web(app: FastAPI) -> None:
    from polemos.web.pages import router

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    vendor = node_modules()
    app.state.vendor = vendor
    if vendor is not None:
        for name, sub in VENDOR.items():
            app.mount(f"/vendor/{name}", StaticFiles(directory=vendor / sub), name=f"vendor-{name}")
    app.include_router(router)
