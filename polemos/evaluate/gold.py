"""Reading a user's gold: the project's article gold (docs/eval.md) and ACLED-style CSV.

- **Article gold**: a JSON object with the article (``"text"``, or ``"article"``: a path to its text
  file, relative to the gold file), ``"published"``, ``"outlet"``, ``"events"`` (each with an
  ``"anchor"`` or ``"spans"`` saying where the text tells it, a ``"type"`` and what to check) and
  ``"forbidden"``. Many articles: a JSON array of such objects, a JSON Lines file of them, or a folder
  of ``.json`` files.
- **ACLED-style CSV**: one event a row with ACLED's column names; the text polemos reads is the
  ``notes`` column, or another the user names.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from polemos.errors import ConfigError, Errors

# ACLED's columns that polemos eval compares (any other column is kept, unread)
ACLED_FIELDS = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1",
                "location", "latitude", "longitude", "fatalities")  # fmt: skip


@dataclass
class GoldArticle:
    """One article of an article gold, with its text."""

    id: str
    text: str
    events: list[dict[str, Any]]
    forbidden: list[dict[str, Any]] = field(default_factory=list)
    published: str | None = None
    outlet: str | None = None
    source: str = ""


@dataclass
class GoldRow:
    """One row of an ACLED-style CSV: the text to read and the coded event."""

    id: str
    text: str
    gold: dict[str, Any]
    published: str | None = None
    line: int = 0


def _bad(path: str | Path, detail: str) -> ConfigError:
    return ConfigError(Errors.E230.format(path=path, detail=detail))


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise _bad(path, f"cannot read it ({e})") from e
    except json.JSONDecodeError as e:
        raise _bad(path, f"not valid JSON ({e.msg}, line {e.lineno})") from e


def article_from(obj: Any, where: Path, n: int = 0, many: bool = False) -> GoldArticle:
    """A ``GoldArticle`` from one article gold object (the ``n``-th of ``where``, a file holding
    ``many`` or one)."""
    if not isinstance(obj, dict) or not isinstance(obj.get("events"), list):
        raise _bad(where, f'article {n + 1}: an article gold is an object with an "events" list')
    text = obj.get("text")
    if not isinstance(text, str):
        rel = obj.get("article")
        if not isinstance(rel, str):
            raise _bad(where, f'article {n + 1}: give the article as "text" or as "article" (a file path)')
        text_path = where.parent / rel
        try:
            text = text_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise _bad(where, f"article {n + 1}: cannot read its text {text_path} ({e})") from e
    for i, g in enumerate(obj["events"]):
        if not isinstance(g, dict) or not isinstance(g.get("type"), str):
            raise _bad(where, f'article {n + 1}: event {i + 1} has no "type"')
        if not g.get("anchor") and not g.get("spans"):
            raise _bad(where, f'article {n + 1}: event {g.get("id", i + 1)} has no "anchor" or "spans"')
    ident = obj.get("id") or (Path(obj["article"]).stem if isinstance(obj.get("article"), str) else None)
    if not ident:
        ident = f"{where.stem}-{n + 1}" if many else where.stem
    return GoldArticle(
        id=str(ident),
        text=text,
        events=obj["events"],
        forbidden=list(obj.get("forbidden") or []),
        published=obj.get("published"),
        outlet=obj.get("outlet"),
        source=str(where),
    )


def load_articles(path: Path) -> list[GoldArticle]:
    """Every article of an article gold: a ``.json`` object or array, a ``.jsonl``, or a folder."""
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix == ".json")
        if not files:
            raise _bad(path, "the folder holds no .json article gold")
        return [article_from(_read_json(p), p) for p in files]
    if path.suffix == ".jsonl":
        out: list[GoldArticle] = []
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as e:
            raise _bad(path, f"cannot read it ({e})") from e
        for i, line in enumerate(lines):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise _bad(path, f"line {i + 1}: not valid JSON ({e.msg})") from e
            out.append(article_from(obj, path, len(out), many=True))
        return out
    data = _read_json(path)
    if isinstance(data, list):
        return [article_from(obj, path, i, many=True) for i, obj in enumerate(data)]
    return [article_from(data, path)]


def load_csv(path: Path, text_column: str = "notes", published_column: str | None = None) -> list[GoldRow]:
    """The rows of an ACLED-style CSV whose ``text_column`` holds text to read."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            columns = reader.fieldnames or []
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise _bad(path, f"cannot read it as CSV ({e})") from e
    if text_column not in columns:
        raise _bad(path, f"no column {text_column!r} to read the text from (columns: {', '.join(columns)}); "
                   "name one with --text-column")  # fmt: skip
    if published_column and published_column not in columns:
        raise _bad(path, f"no column {published_column!r} for --published-column")
    out: list[GoldRow] = []
    for i, row in enumerate(rows):
        text = (row.get(text_column) or "").strip()
        if not text:
            continue  # a row without text gives polemos nothing to read; it is not scored
        ident = row.get("event_id_cnty") or row.get("event_id") or row.get("id") or f"row-{i + 2}"
        gold = {k: (row.get(k) or "").strip() for k in ACLED_FIELDS if k in columns}
        published = (row.get(published_column) or "").strip() or None if published_column else None
        out.append(GoldRow(id=str(ident), text=text, gold=gold, published=published, line=i + 2))
    return out
