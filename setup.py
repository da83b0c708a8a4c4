"""Build hook: the wheel carries the dashboard's browser files, so an installed polemos needs no npm.

``polemos/web/vendor.json`` names the files served of each npm package. The repository carries
copies of them, with their licence files, in ``polemos/web/vendor/NAME/`` (so a fresh clone needs no
npm either); ``npm ci && python setup.py vendor`` refreshes those copies from ``node_modules`` after
checking each package's version against the pin in ``package.json``. Builds (wheel, sdist) take the
copies, or ``node_modules`` when the copies are absent. A missing package stops the build with one
line saying what to run.
Everything else is in pyproject.toml.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

ROOT = Path(__file__).resolve().parent
WEB = Path("polemos") / "web"


class MissingBrowserFiles(SystemExit):
    pass


def _wanted() -> dict[str, dict[str, str]]:
    """Package → {path under polemos/web/vendor/NAME → path inside the npm package}."""
    packages = json.loads((ROOT / WEB / "vendor.json").read_text("utf-8"))["packages"]
    out = {}
    for name, spec in packages.items():
        root = spec["root"]
        files = {f: f"{root}/{f}" if root else f for f in spec["files"]}
        files.update({Path(lic).name: lic for lic in spec["licenses"]})
        out[name] = files
    return out


def _sources(refresh: bool = False) -> dict[Path, Path]:
    """Destination (relative to the package tree) → source file, for every browser file.

    From a source tree already holding ``polemos/web/vendor`` (the repository, an unpacked sdist)
    those copies are used, unless ``refresh``; else ``node_modules``, whose versions must match
    package.json's pins.
    """
    wanted = _wanted()
    prebuilt = {
        WEB / "vendor" / n / url: ROOT / WEB / "vendor" / n / url for n, fs in wanted.items() for url in fs
    }
    if not refresh and all(src.is_file() for src in prebuilt.values()):
        return prebuilt
    modules = ROOT / "node_modules"
    pins = json.loads((ROOT / "package.json").read_text("utf-8"))["dependencies"]
    out: dict[Path, Path] = {}
    for name, files in wanted.items():
        meta = modules / name / "package.json"
        if not meta.is_file():
            raise MissingBrowserFiles(
                f"error: the npm package {name!r} is not in {modules}: run `npm ci` in {ROOT} before "
                "building polemos (the wheel carries the dashboard's browser files)"
            )
        version = json.loads(meta.read_text("utf-8"))["version"]
        if version != pins.get(name):
            raise MissingBrowserFiles(
                f"error: node_modules has {name} {version}, package.json pins {pins.get(name)}: run `npm ci`"
            )
        for url, inside in files.items():
            src = modules / name / inside
            if not src.is_file():
                raise MissingBrowserFiles(f"error: {src} is missing from the npm package {name} {version}")
            out[WEB / "vendor" / name / url] = src
    return out


def _copy(into: Path, refresh: bool = False) -> None:
    for dest, src in _sources(refresh).items():
        target = into / dest
        if target.resolve() == src.resolve():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, target)


class BuildPy(build_py):
    def run(self) -> None:
        super().run()
        # an editable install serves node_modules from the checkout; only real builds carry copies
        if not getattr(self, "editable_mode", False):
            _copy(Path(self.build_lib))


class Sdist(sdist):
    def make_release_tree(self, base_dir: str, files: list[str]) -> None:
        super().make_release_tree(base_dir, files)
        _copy(Path(base_dir))
        # an sdist carries package.json for the record; its node_modules are the copies above
        for extra in ("package.json", "package-lock.json"):
            shutil.copyfile(ROOT / extra, Path(base_dir) / extra)


if __name__ == "__main__" and sys.argv[1:] == ["vendor"]:
    # `npm ci && python setup.py vendor`: refresh the copies the repository carries after a pin moves
    shutil.rmtree(ROOT / WEB / "vendor", ignore_errors=True)
    _copy(ROOT, refresh=True)
    print(f"copied the browser files of {', '.join(_wanted())} into {WEB / 'vendor'}")
else:
    setup(cmdclass={"build_py": BuildPy, "sdist": Sdist})
