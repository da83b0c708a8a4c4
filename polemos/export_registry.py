"""The exporters' registry: the formats of ``polemos export --format NAME``.

The built-in formats (jsonl, csv, geojson, parquet, articles: ``polemos.export``) are registered here in
code, the same way as any other; other packages add formats through the ``polemos.exporters`` entry point
group (``docs/plugins.md``), loaded once, when an export first asks. An entry point names an
``ExporterSpec`` (or a function of no arguments returning one). A plugin that cannot be loaded is
refused when asked for (E204); one that raises while writing stops that export with one coded line
naming it (E205). A plugin never takes a built-in format's name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from importlib.metadata import entry_points
from typing import Any

from polemos.errors import Errors

__all__ = ["GROUP", "ExporterSpec", "Exporters", "exporters", "register_exporter"]

GROUP = "polemos.exporters"

# (records, where to write) -> how many records (or features) were written. Where: an open text stream
# (newline="" , UTF-8) or, for an exporter ``to_file``, a path.
WriteFn = Callable[[Iterator[dict[str, Any]], Any], int]


@dataclass(frozen=True)
class ExporterSpec:
    """An export format: its ``name`` (``--format NAME``) and the function that writes it.

    ``records`` is what ``write`` is given: "events" (the fused ``polemos.event/1`` records, as
    ``polemos export --format jsonl`` writes them) or "articles" (``polemos.article/1``). ``write``
    gets an open text stream, or a path when ``to_file`` (a binary format such as Parquet; such a
    format cannot go to standard output). ``plugin`` is set by the registry for an entry point's
    exporter ("name (from dist 1.0)").
    """

    name: str
    write: WriteFn
    records: str = "events"
    to_file: bool = False
    plugin: str | None = None


class Exporters:
    """The registry: built-ins, then what other packages register (in code or by entry point)."""

    def __init__(self) -> None:
        self._specs: dict[str, ExporterSpec] = {}
        self._broken: dict[str, str] = {}  # entry point name -> its coded E204 line
        self._ready = False

    def register(self, spec: ExporterSpec) -> None:
        self._load()
        self._specs[spec.name] = spec

    def unregister(self, name: str) -> None:
        self._specs.pop(name, None)

    def reset(self) -> None:
        """Forget every exporter: the next use registers the built-ins and loads the entry points again."""
        self._specs.clear()
        self._broken.clear()
        self._ready = False

    def names(self) -> list[str]:
        """Every format's name, the built-ins first."""
        self._load()
        return [s.name for s in sorted(self._specs.values(), key=lambda s: s.plugin is not None)]

    def get(self, name: str) -> ExporterSpec | None:
        self._load()
        return self._specs.get(name)

    def broken(self, name: str) -> str | None:
        """The coded line (E204) of a plugin named ``name`` that could not be loaded, or None."""
        self._load()
        return self._broken.get(name)

    def _load(self) -> None:
        if self._ready:
            return
        self._ready = True
        from polemos.export import BUILTIN_EXPORTERS  # imported here: it imports this module
        from polemos.read.registry import plugin_label

        self._specs = {s.name: s for s in BUILTIN_EXPORTERS}
        for ep in entry_points(group=GROUP):
            label = plugin_label(ep)
            try:
                loaded = ep.load()
                spec = loaded if isinstance(loaded, ExporterSpec) else loaded()
                if not isinstance(spec, ExporterSpec):
                    raise TypeError(f"{ep.value} is not a polemos.export_registry.ExporterSpec")
                if spec.name in self._specs and self._specs[spec.name].plugin is None:
                    raise ValueError(f"the name {spec.name!r} is a built-in format's")
            except Exception as e:  # noqa: BLE001 - a broken plugin is left out, never the others
                detail = f"{type(e).__name__}: {e}"
                self._broken[ep.name] = Errors.E204.format(plugin=label, detail=" ".join(detail.split()))
                continue
            self._specs[spec.name] = replace(spec, plugin=label)


_EXPORTERS = Exporters()


def exporters() -> Exporters:
    """The process's exporter registry."""
    return _EXPORTERS


def register_exporter(spec: ExporterSpec) -> None:
    """Register an export format in code (the built-ins are registered this way; plugins may be too)."""
    _EXPORTERS.register(spec)
