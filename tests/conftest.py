"""Shared fixtures: the spaCy pipeline loaded once per session, a one-call extractor, the CLI.

Tests that use ``nlp`` or ``extract_text`` load the real model and are marked ``slow``; the CLI
helper runs ``python -m polemos`` as a subprocess with this checkout first on the path.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
# Gold data live beside the repository, never in it; POLEMOS_SHARED points elsewhere (a worktree).
SHARED = Path(os.environ.get("POLEMOS_SHARED") or REPO.parent / "shared")


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The full polemos spaCy pipeline (cached by ``load_nlp``: one load per session)."""
    from polemos.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def built_gazetteer() -> Path:
    """The gazetteer index, built once before any CLI subprocess needs it: a first `polemos extract`
    on a fresh machine builds it and prints its progress on stderr, which CLI tests read."""
    from polemos.resolve.gazetteer import build_gazetteer

    return build_gazetteer(quiet=True)


@pytest.fixture(scope="session")
def extract_text(nlp: Any) -> Callable[..., dict[str, Any]]:
    """``extract_text(text, published="2016-05-23", outlet=None, title=None)`` -> contract dict."""
    from polemos.pipeline import extract

    def run(text: str, published: str | None = "2016-05-23", **kw: Any) -> dict[str, Any]:
        return extract(text, published=published, **kw)

    return run


def events_of(record: dict[str, Any], type_: str | None = None) -> list[dict[str, Any]]:
    return [e for e in record["events"] if type_ is None or e["type"] == type_]


def only_event(record: dict[str, Any], type_: str | None = None) -> dict[str, Any]:
    """The single event (of a type) a hand-made sentence reports; fails loudly otherwise."""
    found = events_of(record, type_)
    summary = [(e["type"], e["trigger"]["text"]) for e in record["events"]]
    assert len(found) == 1, f"expected one {type_ or ''} event, got {summary}"
    return found[0]


def by_trigger(record: dict[str, Any], trigger: str) -> dict[str, Any]:
    found = [e for e in record["events"] if e["trigger"]["text"].lower() == trigger.lower()]
    summary = [(e["type"], e["trigger"]["text"]) for e in record["events"]]
    assert found, f"no event on trigger {trigger!r}; got {summary}"
    return found[0]


def run_cli(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """``python -m polemos ARGS`` in a subprocess, output captured as text."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("PYTHONWARNINGS", None)
    proc = subprocess.run(
        [sys.executable, "-m", "polemos", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd or REPO,
        env=env,
        timeout=timeout,
    )
    return subprocess.CompletedProcess(
        proc.args,
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
    )


def actor(event: dict[str, Any]) -> str | None:
    """The text of an event's doer, or None."""
    return event["actor"]["text"] if event["actor"] else None


def target(event: dict[str, Any]) -> str | None:
    """The text of an event's target, or None."""
    return event["target"]["text"] if event["target"] else None
