"""The dashboard: server-rendered pages (Jinja2) with a little JavaScript, served by the API's app.

The browser libraries (Leaflet, its marker-cluster plug-in, topojson-client, the Natural Earth borders
of world-atlas, and Swagger UI for ``/docs``) come from npm packages. ``vendor.json`` names the files
polemos serves of each, under ``/vendor/NAME/``. The repository and the wheel carry them in
``polemos/web/vendor/NAME/`` with their licence files (``npm ci && python setup.py vendor`` refreshes
them); a checkout without those copies serves ``node_modules``. Nothing is fetched at run time.
Without them the pages still work and the map (or ``/docs``) says what is missing.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from polemos.api.errors import ApiError
from polemos.errors import Errors

HERE = Path(__file__).parent
PACKAGED = HERE / "vendor"  # where a wheel carries the files


@lru_cache(maxsize=1)
def manifest() -> dict[str, dict[str, Any]]:
    """``vendor.json``'s packages: for each, its ``root`` folder, the ``files`` served from it, its
    ``licenses`` (at the package's top) and what it is ``for`` (``map`` or ``docs``)."""
    packages: dict[str, dict[str, Any]] = json.loads((HERE / "vendor.json").read_text("utf-8"))["packages"]
    return packages


def served_files(name: str) -> dict[str, str]:
    """URL path under ``/vendor/NAME/`` → path inside the npm package, for every file served of it."""
    spec = manifest()[name]
    root = spec["root"]
    files = {f: f"{root}/{f}" if root else f for f in spec["files"]}
    files.update({Path(lic).name: lic for lic in spec["licenses"]})
    return files


def node_modules_places() -> list[Path]:
    """Where to look for npm packages: ``POLEMOS_NODE_MODULES`` alone when set, else ``node_modules``
    at the repository root (a source checkout) and in the working directory."""
    given = os.environ.get("POLEMOS_NODE_MODULES")
    if given:
        return [Path(given)]
    return [HERE.parent.parent / "node_modules", Path.cwd() / "node_modules"]


@dataclass(frozen=True)
class Assets:
    """The browser files found, by package: URL path → file on disk; and the packages missing."""

    files: dict[str, dict[str, Path]] = field(default_factory=dict)
    missing: tuple[str, ...] = ()

    def has(self, purpose: str) -> bool:
        """Every package needed ``for`` that purpose (``map``, ``docs``) is here."""
        return not any(manifest()[name]["for"] == purpose for name in self.missing)

    def missing_for(self, purpose: str) -> list[str]:
        return [name for name in self.missing if manifest()[name]["for"] == purpose]


def find_assets() -> Assets:
    """Each package from the installed package (a wheel) when it is complete there, else from the
    first ``node_modules`` that holds every file of it; missing otherwise."""
    found: dict[str, dict[str, Path]] = {}
    missing: list[str] = []
    for name in manifest():
        wanted = served_files(name)
        packaged = {url: PACKAGED / name / url for url in wanted}
        if all(p.is_file() for p in packaged.values()):
            found[name] = packaged
            continue
        for place in node_modules_places():
            checkout = {url: place / name / inside for url, inside in wanted.items()}
            if all(p.is_file() for p in checkout.values()):
                found[name] = checkout
                break
        else:
            missing.append(name)
    return Assets(found, tuple(missing))


def missing_note(assets: Assets, purpose: str = "map") -> str | None:
    """One line saying what to install when the browser files for ``purpose`` are missing."""
    names = assets.missing_for(purpose)
    if not names:
        return None
    what = "the map" if purpose == "map" else "the API docs page (/docs)"
    return (f"{what} needs the npm package(s) {', '.join(names)}, which are not installed: install "
            "polemos from its wheel (pip install polemos-*.whl), which carries them, or run `npm ci "
            "&& python setup.py vendor` in the polemos source folder")  # fmt: skip


def mount_web(app: FastAPI) -> None:
    from polemos.web.pages import router, templates

    assets = find_assets()
    app.state.assets = assets
    app.state.vendor = assets if assets.has("map") else None  # the pages draw the map only with it
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.get("/vendor/{name}/{path:path}", include_in_schema=False)
    def vendor_file(name: str, path: str) -> FileResponse:
        found = assets.files.get(name, {}).get(path)
        if found is None:
            raise ApiError(404, Errors.E605.format(path=f"/vendor/{name}/{path}"))
        # the files change only with a new polemos release
        return FileResponse(found, headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/docs", include_in_schema=False)
    def api_docs(request: Request) -> HTMLResponse:
        """Swagger UI from the package (no CDN), its start-up in /static/api-docs.js (no inline script)."""
        note = missing_note(assets, "docs")
        return templates.TemplateResponse(
            request, "api_docs.html", {"openapi_url": app.openapi_url, "note": note}
        )

    app.include_router(router)
