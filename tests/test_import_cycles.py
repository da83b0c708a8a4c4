"""No import cycles among polemos's modules (issue 13): the module-level imports of every module, read
from its source, make a graph without cycles, except the one the CLI is built on (``polemos.cli``
imports its command modules at its end, and they take ``app`` from it). And the modules once in a cycle
import on their own, each in a fresh interpreter."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "polemos"
# polemos.cli registers its commands by importing their modules last; each takes `app` from it
ALLOWED = {"polemos.cli"}


def _modules() -> dict[str, Path]:
    found = {}
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _top_level(tree: ast.Module) -> list[ast.stmt]:
    """Statements run at import: the module's own, and those in its top-level if/try blocks (but not
    ``if TYPE_CHECKING:``)."""
    out: list[ast.stmt] = []
    todo: list[ast.stmt] = list(tree.body)
    while todo:
        node = todo.pop(0)
        if isinstance(node, ast.If):
            test = node.test
            if isinstance(test, ast.Name) and test.id == "TYPE_CHECKING":
                todo.extend(node.orelse)
                continue
            todo.extend(node.body + node.orelse)
        elif isinstance(node, ast.Try):
            todo.extend(node.body + node.orelse + node.finalbody + [s for h in node.handlers for s in h.body])
        else:
            out.append(node)
    return out


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    deps = set()
    for node in _top_level(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            deps |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([node.module] if node.module else []))
            for alias in node.names:  # "from pkg import submodule" imports the submodule
                sub = f"{base}.{alias.name}"
                deps.add(sub if sub in modules else base)
    return {d for d in deps if d in modules and d != name}


def graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def cycles(edges: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = set()
            while True:
                w = stack.pop()
                on.discard(w)
                part.add(w)
                if w == v:
                    break
            if len(part) > 1:
                found.append(part)

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_no_module_level_import_cycles() -> None:
    edges = graph()
    # the CLI's own pattern, taken out: the package and its command modules
    for name in ALLOWED:
        edges[name] = {d for d in edges[name] if not d.startswith(name + ".")}
    assert cycles(edges) == []


def test_the_cycle_finder_finds_one() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [{"a", "b", "c"}]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_sees_what_a_reader_imports() -> None:
    edges = graph()
    assert "polemos.read.base" in edges["polemos.read.feeds"]
    assert "polemos.read" not in edges["polemos.read.feeds"]  # the reader no longer imports its package
    readers = {"polemos.read.document", "polemos.read.feeds", "polemos.read.warc"}
    assert readers <= edges["polemos.read.registry"]


def test_cli_store_never_imports_cli_fuse_at_any_level() -> None:
    """The cycle cli/fuse <-> cli/store was function-level on one side: look at every import."""
    for path, other in (("cli/store.py", "polemos.cli.fuse"), ("cli/show.py", "polemos.cli.fuse")):
        tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
        named = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        named |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        assert other not in named, path


@pytest.mark.parametrize(
    "module",
    [
        "polemos.read.feeds",
        "polemos.read.warc",
        "polemos.read.document",
        "polemos.read.jsonl",
        "polemos.read.registry",
        "polemos.read",
        "polemos.cli.fuse",
        "polemos.cli.store",
        "polemos.cli.show",
        "polemos.export_registry",
        "polemos.export",
    ],  # fmt: skip
)
def test_each_module_imports_first_in_a_fresh_interpreter(module: str) -> None:
    done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
