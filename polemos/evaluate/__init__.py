"""evaluate: how well polemos does on a user's own gold (``polemos eval GOLD``).

    >>> from polemos.evaluate import evaluate
    >>> result = evaluate("my-gold.json")          # runs polemos on the gold's texts, then scores
    >>> result.metrics["recall"], result.per_type["ASSAULT"]["recall"]
    >>> evaluate("acled.csv", text_column="notes", km=25, days=1).metrics["location_accuracy"]

Gold formats are in ``polemos.evaluate.gold`` (and docs/eval.md); the figures' definitions in
``polemos.evaluate.articles`` (article gold: the same as the project's ``score.py``) and
``polemos.evaluate.acled`` (ACLED-style CSV). ``predictions`` scores records polemos (or anything
writing the contract) produced before, instead of running it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from polemos.errors import ConfigError, Errors, ReadError
from polemos.evaluate import acled, articles
from polemos.evaluate.gold import GoldArticle, GoldRow, load_articles, load_csv


@dataclass
class Evaluation:
    """Figures and the per-record listing of one evaluation."""

    gold: str
    kind: str  # "article" (article gold) or "acled" (ACLED-style CSV)
    documents: int
    metrics: dict[str, Any]
    per_type: dict[str, dict[str, Any]]
    records: list[dict[str, Any]]
    refused: list[str] = field(default_factory=list)  # texts polemos would not read, and why

    def errors(self) -> list[dict[str, Any]]:
        """The records where polemos and the gold disagree."""
        return [
            r for r in self.records if r["status"] != "found" or any(not c["ok"] for c in r.get("checks", []))
        ]

    def to_json(self) -> dict[str, Any]:
        return {"gold": self.gold, "kind": self.kind, "documents": self.documents, "metrics": self.metrics,
                "per_type": self.per_type, "refused": self.refused, "records": self.records}  # fmt: skip


def _inputs(items: list[GoldArticle] | list[GoldRow]) -> list[dict[str, Any]]:
    """What polemos gets of each text: its id, text, publication date and outlet (never the gold)."""
    return [{"id": it.id, "text": it.text, "published": it.published,
             "outlet": getattr(it, "outlet", None)} for it in items]  # fmt: skip


def run_polemos(
    inputs: list[dict[str, Any]], workers: int = 1
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """polemos's contract record for each input, by id; and the inputs it refused, with why."""
    from polemos.contract.article import result_to_dict
    from polemos.pipeline import Pipeline
    from polemos.read import check_article, from_record

    good, refused = [], []
    for obj in inputs:
        try:
            good.append(check_article(from_record(obj, str(obj["id"]))))
        except ReadError as e:
            refused.append(str(e))
    out = {r.article.id: result_to_dict(r) for r in Pipeline().process(good, workers=workers)}
    return out, refused


def load_predictions(path: str | Path) -> list[dict[str, Any]]:
    """Contract records from a file: one JSON object, a JSON array, or JSON Lines."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(Errors.E230.format(path=p, detail=f"cannot read the predictions ({e})")) from e
    if not text:
        return []
    try:
        data = json.loads(text)
        return data if isinstance(data, list) else [data]
    except json.JSONDecodeError:
        pass
    try:  # JSON Lines; split on "\n" only: U+2028 and U+0085 are valid inside a JSON string
        return [json.loads(line) for line in text.split("\n") if line.strip()]
    except json.JSONDecodeError as e:
        raise ConfigError(Errors.E230.format(path=p, detail=f"predictions are not JSON ({e.msg})")) from e


def _by_id(preds: list[dict[str, Any]], ids: list[str]) -> dict[str, dict[str, Any]]:
    found = {str((p.get("article") or {}).get("id")): p for p in preds if isinstance(p, dict)}
    if len(ids) == 1 and len(preds) == 1 and ids[0] not in found:  # one article, one record: the same
        return {ids[0]: preds[0]}
    return found


def evaluate(
    gold: str | Path,
    *,
    predictions: str | Path | None = None,
    text_column: str = "notes",
    published_column: str | None = None,
    km: float = 25,
    days: int = 0,
    limit: int | None = None,
    workers: int = 1,
) -> Evaluation:
    """Score polemos on ``gold`` (an article gold, or a ``.csv`` ACLED-style CSV).

    ``predictions``: a file of contract records to score instead of running polemos. For a CSV,
    ``text_column`` holds the text, ``published_column`` (optional) the publication date, and ``km``
    / ``days`` are the tolerances of place and date; an article gold carries its own tolerances.
    """
    path = Path(gold)
    if not path.exists():
        raise ConfigError(Errors.E230.format(path=path, detail="no such file or folder"))
    items: list[GoldArticle] | list[GoldRow]
    if path.suffix.lower() == ".csv":
        items = load_csv(path, text_column, published_column)[:limit]
    else:
        items = load_articles(path)[:limit]
    ids = [it.id for it in items]
    refused: list[str] = []
    if predictions is not None:
        records = _by_id(load_predictions(predictions), ids)
    else:
        records, refused = run_polemos(_inputs(items), workers)
    if path.suffix.lower() == ".csv":
        rows = [
            acled.score_row(r, records.get(r.id), km=km, days=days) for r in items if isinstance(r, GoldRow)
        ]
        return Evaluation(
            str(path), "acled", len(rows), acled.figures(rows), acled.per_type(rows), rows, refused
        )
    tally = articles.Tally()
    listing: list[dict[str, Any]] = []
    for art in items:
        if isinstance(art, GoldArticle):
            listing += articles.score_article(art, records.get(art.id), tally)
    return Evaluation(
        str(path), "article", tally.articles, tally.metrics(), tally.per_type(), listing, refused
    )
