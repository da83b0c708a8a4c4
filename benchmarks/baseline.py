"""The same benchmark on an earlier commit, in the same run: ``--baseline REF`` in fusion.py and ingest.py.

``checkout(REF)`` makes (or reuses) a detached git worktree of REF beside the system's temporary
files; ``python_in(tree)`` is the command line and environment of a Python that imports ``polemos``
from that tree, while the benchmark's own code (its generator, its timing) stays this checkout's, so
both sides measure the same thing and only the library differs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def checkout(ref: str) -> Path:
    """A worktree of ``ref`` (a commit, branch or tag of this repository), made once per commit."""
    sha = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--verify", f"{ref}^{{commit}}"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    tree = Path(tempfile.gettempdir()) / f"polemos-baseline-{sha[:12]}"
    if not (tree / "polemos" / "__init__.py").exists():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), sha],
                       check=True, capture_output=True)  # fmt: skip
    return tree


def environment(tree: Path) -> dict[str, str]:
    """The environment of a process that imports ``polemos`` from ``tree`` before anything else."""
    rest = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(tree), *rest]), "POLEMOS_BENCH_TREE": str(tree)}


def label(ref: str) -> str:
    sha = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", ref], capture_output=True,
                         text=True).stdout.strip()  # fmt: skip
    return f"{ref} ({sha})" if sha and sha != ref else ref


def python() -> str:
    return sys.executable
