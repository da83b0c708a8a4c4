"""docs/api.md names every endpoint, every API error code and every serve/demo option."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from polemos.api import create_app
from polemos.cli import app
from polemos.errors import Errors

DOC = (Path(__file__).parent.parent / "docs" / "api.md").read_text()


def test_api_docs_name_every_endpoint() -> None:
    spec = create_app(None).openapi()
    missing = [
        f"{method.upper()} {path}"
        for path, ops in spec["paths"].items()
        for method in ops
        if f"`{method.upper()} {path}" not in DOC
    ]
    assert missing == []


def test_api_docs_name_every_api_error_code() -> None:
    codes = [c for c in vars(Errors) if re.fullmatch(r"E6\d\d", c)]
    assert codes and [c for c in codes if c not in DOC] == []


@pytest.mark.parametrize("command", ["serve", "demo"])
def test_api_docs_name_every_option(command: str) -> None:
    info = next(c for c in app.registered_commands if c.callback and c.callback.__name__ == command)
    import inspect

    for param in inspect.signature(info.callback).parameters.values():  # type: ignore[arg-type]
        flags = [d for d in param.default.param_decls if d.startswith("--")] or [
            "--" + param.name.replace("_", "-")
        ]
        assert any(f in DOC for f in flags), f"polemos {command} {flags[0]} is not in docs/api.md"
