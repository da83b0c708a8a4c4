"""A tiny plugin package, installed for a test the way pip would: a module and its ``.dist-info``
(METADATA and entry_points.txt) in a folder on ``sys.path``, found by ``importlib.metadata``.

Readers: ``dat`` (".dat" files, also told by their first line "DAT1"; each later line "id|text"),
``boom`` (".boom", always raises), ``broken`` (names nothing). Exporters: ``tsv`` (fused id, type), by a
function returning its spec; ``explode`` (always raises); ``broken`` (a module that is not there).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from polemos.export_registry import exporters
from polemos.read import readers

__all__ = ["LABEL", "plugin_dir"]

LABEL = "(from polemos-testplug 0.1)"

MODULE = """
from polemos.export_registry import ExporterSpec
from polemos.read import ReaderSpec
from polemos.types import Article


def read_dat(stream, size, source, defaults, limits):
    for n, line in enumerate(stream.read().decode("utf-8").splitlines()[1:], 2):
        ident, _, text = line.partition("|")
        yield Article(id=ident, text=text, published=defaults.published, source=f"{source}:{n}")


def read_boom(stream, size, source, defaults, limits):
    raise RuntimeError("the boom reader always fails")
    yield


def write_tsv(events, out):
    n = 0
    for event in events:
        out.write(f"{event['id']}\\t{event['type']}\\n")
        n += 1
    return n


def write_explode(events, out):
    raise ValueError("the explode exporter always fails")


def make_tsv():
    return ExporterSpec("tsv", write_tsv)


DAT = ReaderSpec("dat", read_dat, (".dat",), sniff=lambda head: head.startswith(b"DAT1\\n"))
BOOM = ReaderSpec("boom", read_boom, (".boom",))
EXPLODE = ExporterSpec("explode", write_explode)
"""

ENTRY_POINTS = """[polemos.readers]
dat = polemos_testplug:DAT
boom = polemos_testplug:BOOM
broken = polemos_testplug:NOT_THERE

[polemos.exporters]
tsv = polemos_testplug:make_tsv
explode = polemos_testplug:EXPLODE
broken = polemos_testplug_missing:X
"""


def _reset() -> None:
    sys.modules.pop("polemos_testplug", None)
    readers().reset()
    exporters().reset()


@pytest.fixture
def plugin_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The plugin installed on sys.path (and on PYTHONPATH, for a ``polemos`` subprocess)."""
    root = tmp_path_factory.mktemp("site")
    (root / "polemos_testplug.py").write_text(MODULE)
    info = root / "polemos_testplug-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: polemos-testplug\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(ENTRY_POINTS)
    monkeypatch.syspath_prepend(str(root))
    monkeypatch.setenv("PYTHONPATH", str(root))
    _reset()
    yield root
    _reset()
