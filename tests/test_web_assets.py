"""The browser files (polemos/web/vendor.json): found in the package or in node_modules, served under
/vendor only as listed, their licences beside them; /docs with Swagger UI from them (no CDN); the
wheel's build hook (setup.py) that copies them, failing clearly when npm ci was not run."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from api_fixtures import Client
from web_fixtures import LiveServer, browser, page  # noqa: F401  (fixtures)

from polemos.api import create_app
from polemos.web import find_assets, manifest, missing_note, served_files

ROOT = Path(__file__).parent.parent
CSP_WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));
"""


def test_assets_are_found_for_every_package() -> None:
    assets = find_assets()
    assert assets.missing == () and assets.has("map") and assets.has("docs")
    assert set(assets.files) == set(manifest()) >= {"leaflet", "leaflet.markercluster", "topojson-client",
                                                    "world-atlas", "swagger-ui-dist"}  # fmt: skip
    for name, files in assets.files.items():
        assert all(p.is_file() for p in files.values()), name


def test_every_package_is_pinned_in_package_json() -> None:
    pins = json.loads((ROOT / "package.json").read_text())["dependencies"]
    assert set(manifest()) <= set(pins)
    assert all(pins[n].replace(".", "").isdigit() for n in manifest())  # exact versions, no ranges


def test_every_package_serves_its_licence() -> None:
    for name, spec in manifest().items():
        assert spec["licenses"], name
        assert any(Path(lic).name in served_files(name) for lic in spec["licenses"])


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/vendor/leaflet/leaflet.js", 200),
        ("/vendor/leaflet/images/layers.png", 200),
        ("/vendor/leaflet/LICENSE", 200),
        ("/vendor/leaflet.markercluster/leaflet.markercluster.js", 200),
        ("/vendor/world-atlas/countries-50m.json", 200),
        ("/vendor/swagger-ui-dist/swagger-ui-bundle.js", 200),
        ("/vendor/leaflet/leaflet-src.js", 404),  # in the npm package, not listed: not served
        ("/vendor/leaflet/../../package.json", 404),
        ("/vendor/leaflet/%2e%2e/package.json", 404),
        ("/vendor/nope/x.js", 404),
    ],
)
def test_vendor_serves_only_listed_files(url: str, status: int) -> None:
    answer = Client(create_app(None)).get(url)
    assert answer.status_code == status
    if status == 404:
        assert answer.json()["code"] == "E605"


def test_vendor_files_have_their_types() -> None:
    api = Client(create_app(None))
    assert api.get("/vendor/leaflet/leaflet.js").headers["content-type"].startswith("text/javascript")
    assert api.get("/vendor/leaflet/leaflet.css").headers["content-type"].startswith("text/css")
    assert api.get("/vendor/world-atlas/countries-50m.json").json()["type"] == "Topology"


def test_docs_page_loads_swagger_from_this_server() -> None:
    html = Client(create_app(None)).get("/docs").text
    assert '<script src="/vendor/swagger-ui-dist/swagger-ui-bundle.js">' in html
    assert '<script src="/static/api-docs.js">' in html
    assert "cdn" not in html.lower() and "http" not in html
    assert "<script>" not in html  # no inline script (a same-origin CSP allows the page)


def test_redoc_is_not_served() -> None:
    assert Client(create_app(None)).get("/redoc").status_code == 404  # it would load from a CDN


def test_missing_assets_say_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLEMOS_NODE_MODULES", str(tmp_path))
    monkeypatch.setattr("polemos.web.PACKAGED", tmp_path / "none")
    assets = find_assets()
    assert set(assets.missing) == set(manifest()) and not assets.has("map")
    note = missing_note(assets, "map")
    assert note and "leaflet" in note and "npm ci" in note and "wheel" in note and "\n" not in note
    assert missing_note(find_assets(), "docs")
    app = create_app(None)
    assert app.state.vendor is None
    html = Client(app).get("/docs").text
    assert "swagger-ui-dist" in html and "/openapi.json" in html and "<script" not in html


def test_packaged_copy_comes_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A wheel's polemos/web/vendor is used before any node_modules."""
    packaged = tmp_path / "vendor"
    for name, files in (("topojson-client", served_files("topojson-client")),):
        for url, inside in files.items():
            (packaged / name / url).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ROOT / "node_modules" / name / inside, packaged / name / url)
    monkeypatch.setattr("polemos.web.PACKAGED", packaged)
    assets = find_assets()
    assert assets.files["topojson-client"]["topojson-client.min.js"].parent == packaged / "topojson-client"
    assert "node_modules" in str(assets.files["leaflet"]["leaflet.js"])


@pytest.mark.slow
def test_docs_page_draws_in_a_browser_offline(page: Any) -> None:  # noqa: F811
    with LiveServer(create_app(None)) as base:
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.add_init_script(CSP_WATCH)
        page.goto(base + "/docs")
        page.wait_for_selector(".opblock", timeout=20_000)
        assert page.locator(".opblock").count() >= 5  # the API's operations
        assert "/events" in page.locator("#swagger-ui").text_content()
        assert [u for u in requests if not u.startswith(base) and not u.startswith("data:")] == []
        assert page.js_errors == []
        assert page.evaluate("window.__csp") == []  # its own policy refuses nothing it needs


# ------------------------------------------------------------------ the build hook (setup.py)


def _hook(monkeypatch: pytest.MonkeyPatch, root: Path) -> ModuleType:
    import setuptools

    monkeypatch.setattr(setuptools, "setup", lambda **_: None)  # load the hook, do not build
    spec = importlib.util.spec_from_file_location("polemos_setup", ROOT / "setup.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.ROOT = root  # type: ignore[attr-defined]
    return module


def _tree(tmp_path: Path) -> Path:
    (tmp_path / "polemos" / "web").mkdir(parents=True)
    shutil.copyfile(ROOT / "polemos" / "web" / "vendor.json", tmp_path / "polemos" / "web" / "vendor.json")
    shutil.copyfile(ROOT / "package.json", tmp_path / "package.json")
    return tmp_path


def test_build_hook_copies_every_file_with_its_licence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _tree(tmp_path / "src")
    shutil.copytree(ROOT / "node_modules", root / "node_modules", symlinks=True)
    hook = _hook(monkeypatch, root)
    hook._copy(tmp_path / "build")
    vendor = tmp_path / "build" / "polemos" / "web" / "vendor"
    for name in manifest():
        copied = [p.relative_to(vendor / name).as_posix() for p in (vendor / name).rglob("*") if p.is_file()]
        assert sorted(copied) == sorted(served_files(name))
    assert (vendor / "leaflet" / "LICENSE").read_text().startswith("BSD 2-Clause License")


def test_build_hook_without_npm_ci_says_what_to_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hook = _hook(monkeypatch, _tree(tmp_path))
    with pytest.raises(SystemExit, match=r"run `npm ci`"):
        hook._sources()


def test_build_hook_refuses_another_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _tree(tmp_path)
    shutil.copytree(ROOT / "node_modules", root / "node_modules", symlinks=True)
    meta = root / "node_modules" / "leaflet" / "package.json"
    data = json.loads(meta.read_text())
    data["version"] = "1.0.0"
    meta.write_text(json.dumps(data))
    with pytest.raises(SystemExit, match=r"leaflet 1\.0\.0, package.json pins 1\.9\.4"):
        _hook(monkeypatch, root)._sources()


def test_build_hook_uses_an_sdists_copies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unpacked sdist holds polemos/web/vendor already and no node_modules: the wheel uses those."""
    root = _tree(tmp_path / "sdist")
    source = _tree(tmp_path / "src")
    shutil.copytree(ROOT / "node_modules", source / "node_modules", symlinks=True)
    _hook(monkeypatch, source)._copy(root)
    sources = _hook(monkeypatch, root)._sources()
    assert sources and all(
        str(p).startswith(str(root / "polemos" / "web" / "vendor")) for p in sources.values()
    )


def test_carried_copies_are_the_pinned_packages_files() -> None:
    """The repository's polemos/web/vendor holds exactly the files vendor.json names, byte for byte
    those of the npm packages package.json pins (checked where `npm ci` has run, as in CI)."""
    modules = ROOT / "node_modules"
    if not modules.is_dir():
        pytest.skip("node_modules is absent (npm ci): nothing to compare the carried copies with")
    vendor = ROOT / "polemos" / "web" / "vendor"
    for name in manifest():
        carried = sorted(
            p.relative_to(vendor / name).as_posix() for p in (vendor / name).rglob("*") if p.is_file()
        )
        assert carried == sorted(served_files(name)), name
        for url, inside in served_files(name).items():
            assert (vendor / name / url).read_bytes() == (modules / name / inside).read_bytes(), (name, url)
