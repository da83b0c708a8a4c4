"""The readers' registry: which reader reads an input, told by its suffix and then by its first bytes.

The built-in readers (text, HTML, JSON Lines, RSS/Atom feeds, WARC) are registered here in code, the
same way as any other; readers of other packages come from the ``polemos.readers`` entry point group
(``docs/plugins.md``), loaded once, on the first input read. An entry point names a ``ReaderSpec``
(or a function of no arguments returning one). A plugin that cannot be loaded is left out with one
coded line on the log (E119); one that raises while reading fails that input only (E110, naming it).

Choosing a reader for an input whose name ends in ``suffix`` (".txt", ".warc.gz", "" for none):
1. the reader registered for that suffix (built-ins first: a plugin never takes a built-in's suffix),
   except that a plain-text suffix does not hide JSON Lines (a ".txt" whose first line is a JSON object
   with a "text" string is read as JSON Lines);
2. else the first reader whose ``sniff`` says yes to the input's first bytes (built-ins, then plugins):
   a WARC, also gzip'd, by its "WARC/1." header; an RSS/Atom feed by its root element;
3. else the document reader, as before: a ".gz" is inflated and read as what it holds, and the first
   characters tell JSON Lines ("{"), HTML ("<html", "<!doctype html" ...) and plain text apart.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from importlib.metadata import EntryPoint, entry_points

from polemos.errors import Errors
from polemos.read import document, feeds, warc
from polemos.read.base import ReaderSpec

__all__ = ["GROUP", "ReaderSpec", "Readers", "plugin_label", "readers", "register_reader"]

GROUP = "polemos.readers"
_log = logging.getLogger("polemos.plugins")


def plugin_label(ep: EntryPoint) -> str:
    """How an entry point's plugin is named in messages: "name (from dist 1.0)", or "name (module:attr)"."""
    dist = ep.dist
    where = f"from {dist.name} {dist.version}" if dist is not None else ep.value
    return f"{ep.name} ({where})"


class Readers:
    """The registry: built-ins, then what other packages register (in code or by entry point)."""

    def __init__(self) -> None:
        self._specs: dict[str, ReaderSpec] = {}
        self._ready = False
        self.broken: list[str] = []  # coded lines of plugins that could not be loaded (E119)

    def register(self, spec: ReaderSpec) -> None:
        """Add a reader (replacing one of the same name); its suffixes go to it unless a built-in
        reader's already."""
        self._load()
        self._specs[spec.name] = spec

    def unregister(self, name: str) -> None:
        self._specs.pop(name, None)

    def reset(self) -> None:
        """Forget every reader: the next use registers the built-ins and loads the entry points again."""
        self._specs.clear()
        self.broken.clear()
        self._ready = False

    def specs(self) -> list[ReaderSpec]:
        """Every reader, the built-ins first."""
        self._load()
        return sorted(self._specs.values(), key=lambda s: s.plugin is not None)

    def get(self, name: str) -> ReaderSpec | None:
        self._load()
        return self._specs.get(name)

    def for_suffix(self, suffix: str) -> ReaderSpec | None:
        return next((s for s in self.specs() if suffix in s.suffixes), None)

    def choose(self, suffix: str, head: bytes) -> ReaderSpec | None:
        """The reader for an input (steps 1 and 2 above), or None: the document reader decides."""
        spec = self.for_suffix(suffix) if suffix else None
        if spec is not None:
            if spec.name == "text" and spec.plugin is None and document.looks_jsonl(head):
                return self.get("jsonl") or spec
            return spec
        if not head:
            return None
        return next((s for s in self.specs() if s.sniff is not None and _sniffs(s, head)), None)

    def _load(self) -> None:
        if self._ready:
            return
        self._ready = True
        # registered before what a caller registered in code, which can replace them by name
        builtins = (document.TEXT, document.HTML, document.JSONL, feeds.FEED, warc.WARC)
        self._specs = {s.name: s for s in builtins}
        for ep in entry_points(group=GROUP):
            label = plugin_label(ep)
            try:
                loaded = ep.load()
                spec = loaded if isinstance(loaded, ReaderSpec) else loaded()
                if not isinstance(spec, ReaderSpec):
                    raise TypeError(f"{ep.value} is not a polemos.read.ReaderSpec")
            except Exception as e:  # noqa: BLE001 - a broken plugin is left out, never the run
                message = Errors.E119.format(plugin=label, detail=f"{type(e).__name__}: {e}")
                self.broken.append(message)
                _log.error(" ".join(str(message).split()))
                continue
            if spec.name in self._specs and self._specs[spec.name].plugin is None:
                detail = f"the name {spec.name!r} is a built-in reader's"
                message = Errors.E119.format(plugin=label, detail=detail)
                self.broken.append(message)
                _log.error(str(message))
                continue
            self._specs[spec.name] = replace(spec, plugin=label)


def _sniffs(spec: ReaderSpec, head: bytes) -> bool:
    assert spec.sniff is not None
    try:
        return bool(spec.sniff(head))
    except Exception:  # noqa: BLE001 - a plugin's sniffer that fails says no
        return False


_READERS = Readers()


def readers() -> Readers:
    """The process's reader registry."""
    return _READERS


def register_reader(spec: ReaderSpec) -> None:
    """Register a reader in code (the built-ins are registered this way; plugins may be too)."""
    _READERS.register(spec)
