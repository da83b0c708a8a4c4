"""`polemos eval GOLD`: score polemos on a user's own gold; a table of figures, or ``--json``."""

from __future__ import annotations

import json
from typing import Any

import typer

from polemos.cli import app
from polemos.evaluate import Evaluation

TRIM = 110


def _quote(span: dict[str, Any] | None) -> str:
    if not span or span.get("start") is None:
        return "(no evidence span)"
    text = " ".join(str(span.get("text") or "").split())
    text = text if len(text) <= TRIM else text[: TRIM - 1] + "…"
    return f'[{span["start"]}:{span["end"]}] "{text}"'


def _said(s: dict[str, Any]) -> str:
    mode = f"/{s['mode']}" if s.get("mode") else ""
    return f"{s.get('type')}{mode} ({s.get('modality')}) {_quote(s.get('evidence'))}"


def _value(v: Any, empty: str = "-") -> str:
    if isinstance(v, list):
        return "[" + ", ".join(map(str, v)) + "]" if v else "nothing"
    return empty if v is None else str(v)


def render(result: Evaluation, max_errors: int) -> str:
    """The evaluation as a plain-text report: figures, per type, then the disagreements."""
    unit = "article(s)" if result.kind == "article" else "row(s)"
    kind = "article gold" if result.kind == "article" else "ACLED-style CSV"
    lines = [f"polemos eval {result.gold}  ({kind}, {result.documents} {unit})", ""]
    width = max(len(k) for k in result.metrics) + 2
    lines += [f"{k:{width}}{_value(v)}" for k, v in result.metrics.items()]
    if result.refused:
        lines += ["", f"refused by polemos ({len(result.refused)}, scored as missed):"]
        lines += [f"  {r}" for r in result.refused]
    if result.per_type and (result.documents > 1 or len(result.per_type) > 1):
        lines += ["", "per type:"]
        cols = list(dict.fromkeys(c for row in result.per_type.values() for c in row))
        tw = max(len(t) for t in result.per_type) + 2
        cw = [max(len(c), *(len(_value(row.get(c))) for row in result.per_type.values())) + 2 for c in cols]
        lines.append(f"  {'type':{tw}}" + "".join(f"{c:>{w}}" for c, w in zip(cols, cw, strict=True)))
        for t, row in result.per_type.items():
            cells = (f"{_value(row.get(c)):>{w}}" for c, w in zip(cols, cw, strict=True))
            lines.append(f"  {t:{tw}}" + "".join(cells))
    errors = result.errors()
    lines += ["", f"where polemos and the gold disagree ({len(errors)}):"]
    shown = errors if max_errors <= 0 else errors[:max_errors]
    for r in shown:
        where = r.get("article") or f"{r.get('record')} (line {r.get('line')})"
        if r["status"] == "false_alarm":
            lines.append(f"  {where}: no gold event here: polemos read {_said(r['said'][0])}")
            continue
        if r["status"] == "forbidden":
            lines.append(f"  {where}: forbidden ({r['what']}): polemos read {_said(r['said'][0])}")
            continue
        types = "/".join(r.get("type") or []) or r.get("gold_type") or ""
        head = "  " + " ".join(p for p in (where, r.get("gold"), types) if p)
        if r["status"] == "missed":
            at = f" at {_quote(r['anchor'])}" if r.get("anchor") else f": {r.get('text')!r}"
            lines.append(f"{head}: MISSED{at}")
            lines += [f"      polemos read there: {_said(s)}" for s in r["said"]]
            continue
        wrong = [c for c in r["checks"] if not c["ok"]]
        lines.append(f"{head}: " + "; ".join(f"{c['field']} expected {_value(c['expected'])}, polemos said "
                                            f"{_value(c['got'], 'nothing')}" for c in wrong))  # fmt: skip
        lines.append(f"      evidence {_quote(r['said'][0]['evidence'])}")
    if len(shown) < len(errors):
        lines.append(
            f"  … {len(errors) - len(shown)} more (--max-errors 0 lists all; --json gives every record)"
        )
    return "\n".join(lines)


@app.command("eval")
def eval_cmd(
    gold: str = typer.Argument(
        ..., help="Article gold (.json, .jsonl, a folder of .json) or ACLED-style CSV."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the figures and every record as JSON."),
    pred: str | None = typer.Option(
        None, "--pred", help="Score these contract records instead of running polemos."
    ),
    text_column: str = typer.Option("notes", help="CSV: the column holding the text polemos reads."),
    published_column: str | None = typer.Option(
        None, help="CSV: a column with each text's publication date."
    ),
    km: float = typer.Option(25.0, min=0, help="CSV: a place within this many km of the gold's is right."),
    days: int = typer.Option(0, min=0, help="CSV: a date within this many days of the gold's is right."),
    limit: int | None = typer.Option(None, min=1, help="Score only the first N articles or rows."),
    workers: int = typer.Option(1, min=1, help="Extraction processes."),
    max_errors: int = typer.Option(50, min=0, help="How many disagreements to list (0: all)."),
) -> None:
    """Score polemos on your own gold: event recall and precision, field accuracies, per type, and
    each disagreement with what the gold expected, what polemos said and its evidence span."""
    from polemos.evaluate import evaluate

    result = evaluate(gold, predictions=pred, text_column=text_column, published_column=published_column,
                      km=km, days=days, limit=limit, workers=workers)  # fmt: skip
    if as_json:
        typer.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
    else:
        typer.echo(render(result, max_errors))
