"""The published JSON Schema (polemos/data/schema) is what the contract's models give, and real
records validate against the committed files (jsonschema when installed, else a small checker of
the keywords the files use)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import REPO, run_cli
from test_contract_article import TEXT, _result
from test_contract_event import _row

from polemos.api.data import as_fused
from polemos.contract import schema as published
from polemos.contract.article import to_json


def _check(value: Any, node: dict[str, Any], root: dict[str, Any], at: str = "$") -> list[str]:
    """Errors of ``value`` against ``node``: type, anyOf, $ref, properties, required, items."""
    if "$ref" in node:
        return _check(value, root["$defs"][node["$ref"].rsplit("/", 1)[-1]], root, at)
    if "anyOf" in node:
        options = [_check(value, n, root, at) for n in node["anyOf"]]
        return [] if any(not o for o in options) else [f"{at}: no option of anyOf fits {value!r:.60}"]
    kinds = {"string": str, "integer": int, "number": (int, float), "boolean": bool, "null": type(None),
             "object": dict, "array": list}  # fmt: skip
    t = node.get("type")
    if t is not None and (not isinstance(value, kinds[t]) or (t in ("integer", "number") and value is True)):
        return [f"{at}: {type(value).__name__} is not {t}"]
    errors: list[str] = []
    if isinstance(value, dict):
        errors += [f"{at}: {k} is required" for k in node.get("required", ()) if k not in value]
        for k, sub in node.get("properties", {}).items():
            if k in value:
                errors += _check(value[k], sub, root, f"{at}.{k}")
    if isinstance(value, list) and "items" in node:
        for i, item in enumerate(value):
            errors += _check(item, node["items"], root, f"{at}[{i}]")
    return errors


def validate(record: dict[str, Any], name: str) -> list[str]:
    root = published.published(name)
    try:
        import jsonschema
    except ImportError:
        return _check(record, root, root)
    return [e.message for e in jsonschema.Draft202012Validator(root).iter_errors(record)]


def test_committed_schema_is_generated() -> None:
    assert published.stale() == [], "run: python -m polemos.contract.schema"
    assert published.published("article")["x-polemos-schema"] == "polemos.article/1"
    assert published.published("event")["x-polemos-schema"] == "polemos.event/1"


def test_hand_made_records_validate() -> None:
    assert validate(to_json(_result()), "article") == []
    assert validate(as_fused(_row()), "event") == []
    assert validate(as_fused(_row(date=None, counts=None, claims=None, type=None)), "event") == []


def test_checker_refuses_what_the_schema_refuses() -> None:
    record = to_json(_result())
    assert validate({**record, "article": {"title": "no id"}}, "article")
    assert validate({**record, "events": [{**record["events"][0], "confidence": "high"}]}, "article")
    assert validate({**as_fused(_row()), "reports": "one"}, "event")
    assert TEXT  # the hand-made article's text, so the spans above index something real


@pytest.mark.slow
def test_demo_output_validates(built_gazetteer: Any) -> None:
    demo = REPO / "polemos" / "data" / "demo" / "demo.jsonl"
    out = run_cli("extract", str(demo), "--format", "jsonl")
    records = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    assert records
    for r in records:
        assert validate(r, "article") == [], r["article"]["id"]
