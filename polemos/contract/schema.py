"""The published JSON Schema of the contract, generated from ``polemos.contract.models``.

``python -m polemos.contract.schema`` writes ``polemos/data/schema/{article,event}.json``;
``--check`` exits 1 when the committed files differ from what the models give, or the models from
the contract's types (``models.drift``); a test runs it.
The schemas describe and do not narrow, as the models: extra keys are allowed everywhere.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from polemos.contract.models import ArticleResult, FusedEvent, drift
from polemos.types import SCHEMA_ARTICLE, SCHEMA_EVENT

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "data" / "schema"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
MODELS: dict[str, tuple[type[BaseModel], str]] = {
    "article": (ArticleResult, SCHEMA_ARTICLE),
    "event": (FusedEvent, SCHEMA_EVENT),
}


def schema(name: str) -> dict[str, Any]:
    """The JSON Schema of one record (``article`` or ``event``) as the models give it."""
    model, contract = MODELS[name]
    body = model.model_json_schema(by_alias=True, mode="validation")
    return {"$schema": DIALECT, "$id": f"https://polemos.invalid/schema/{name}.json",
            "x-polemos-schema": contract, **body}  # fmt: skip


def render(name: str) -> str:
    return json.dumps(schema(name), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def published(name: str) -> dict[str, Any]:
    """The committed schema file of one record."""
    loaded: dict[str, Any] = json.loads((SCHEMA_DIR / f"{name}.json").read_text(encoding="utf-8"))
    return loaded


def stale() -> list[str]:
    """The schema files that differ from what the models give (missing files included)."""
    out = []
    for name in MODELS:
        path = SCHEMA_DIR / f"{name}.json"
        if not path.exists() or path.read_text(encoding="utf-8") != render(name):
            out.append(str(path))
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--check" in args:
        for path in stale():
            print(f"{path}: differs from polemos.contract.models (run python -m polemos.contract.schema)")
        for line in drift():
            print(f"polemos.contract.models: {line}")
        return 1 if stale() or drift() else 0
    SCHEMA_DIR.mkdir(parents=True, exist_ok=True)
    for name in MODELS:
        (SCHEMA_DIR / f"{name}.json").write_text(render(name), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
