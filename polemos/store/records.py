"""Contract records ⇄ table rows: ``flatten`` one ``polemos.article/1`` dict, ``rebuild`` it from rows.

Known keys become columns; anything else goes to the row's ``extra`` JSON, and a known key that the
record leaves out is listed in ``extra["__absent__"]``, so ``rebuild(flatten(r)) == r`` holds for every
record, including fields the pipeline adds later. Spans are stored as ``span_start``/``span_end``.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, DateTime, Float, Integer, String, Table

from polemos.contract.article import EVENT_FIELDS
from polemos.types import SCHEMA_ARTICLE

# a row read back: a dict, or SQLAlchemy's RowMapping (whose keys may be columns as well as names)
Row = Mapping[Any, Any]

_ABSENT = "__absent__"

# json key -> column, in contract order
ARTICLE_KEYS = {"id": "id", "title": "title", "published": "published", "outlet": "outlet", "url": "url",
                "language": "language"}  # fmt: skip
PLACE_KEYS = {"text": "text", "name": "name", "geonameid": "geonameid", "lat": "lat", "lon": "lon",
              "country": "country", "admin1": "admin1", "feature": "feature", "start": "span_start",
              "end": "span_end"}  # fmt: skip
ACTOR_KEYS = {"text": "text", "name": "name", "kind": "kind", "country": "country", "start": "span_start",
              "end": "span_end"}  # fmt: skip
CLAIMANT_KEYS = {"text": "text", "name": "name", "kind": "kind", "country": "country", "party": "party"}
CLAIM_KEYS = {"outlet": "outlet", "start": "span_start", "end": "span_end"}  # claimant: its own row
COUNT_KEYS = {"low": "low", "best": "best", "high": "high", "text": "text"}
SPAN_KEYS = {"text": "text", "start": "span_start", "end": "span_end"}
EVIDENCE_KEYS = {"start": "span_start", "end": "span_end", "text": "text"}
TIME_KEYS = {"text": "text", "start": "span_start", "end": "span_end", "value": "value",
             "start_date": "start_date", "end_date": "end_date", "precision": "precision"}  # fmt: skip
DATE_KEYS = {"start": "date_start", "end": "date_end", "precision": "date_precision", "text": "date_text"}
ACLED_KEYS = {"event_type": "acled_event_type", "sub_event_type": "acled_sub_event_type"}
EVENT_KEYS = EVENT_FIELDS  # the contract's event keys, in its order (rebuild_event writes them so)
RESULT_KEYS = ("schema", "article", "events", "places", "times")
TABLES = ("articles", "events", "actors", "claims", "locations", "counts", "spans", "places", "times")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def event_uid(article_id: str, event_id: str) -> str:
    """A stable, global id for an article-level event: the same article and event id give the same uid."""
    return hashlib.sha1(f"{article_id}\x00{event_id}".encode()).hexdigest()[:16]


def _split(obj: Mapping[str, Any], keys: Mapping[str, str]) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """Columns for the known keys, and the rest (plus which known keys were absent) as extra."""
    cols = {col: obj.get(key) for key, col in keys.items()}
    extra = {k: v for k, v in obj.items() if k not in keys}
    absent = [k for k in keys if k not in obj]
    if absent:
        extra[_ABSENT] = absent
    return cols, (extra or None)


def _join(row: Mapping[str, Any], keys: Mapping[str, str], extra: Mapping[str, Any] | None) -> dict[str, Any]:
    extra = dict(extra or {})
    absent = set(extra.pop(_ABSENT, ()))
    out = {key: row[col] for key, col in keys.items() if key not in absent}
    out.update(extra)
    return out


def flatten(
    result: Mapping[str, Any], *, text: str | None, source: str | None = None, run_id: int | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Rows per table name for one contract record (``text`` is the article's text, kept for evidence)."""
    if text and (why := _text_refused(text)):
        raise ValueError(f"articles.text: {why}")
    art = result["article"]
    article_id = str(art["id"])
    cols, art_extra = _split(art, ARTICLE_KEYS)
    result_extra = {k: v for k, v in result.items() if k not in RESULT_KEYS}
    if absent := [k for k in ("events", "places", "times") if k not in result]:
        result_extra[_ABSENT] = absent
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    rows["articles"].append({
        **cols, "id": article_id, "content_hash": content_hash(text or ""), "text": text, "source": source,
        "schema": result.get("schema", SCHEMA_ARTICLE), "article_extra": art_extra,
        "result_extra": result_extra or None, "ingested_at": datetime.now(UTC), "run_id": run_id,
    })  # fmt: skip
    for seq, place in enumerate(result.get("places") or ()):
        pcols, extra = _split(place, PLACE_KEYS)
        rows["places"].append({"article_id": article_id, "seq": seq, **pcols, "extra": extra})
    for seq, time in enumerate(result.get("times") or ()):
        tcols, extra = _split(time, TIME_KEYS)
        rows["times"].append({"article_id": article_id, "seq": seq, **tcols, "extra": extra})
    for seq, event in enumerate(result.get("events") or ()):
        _flatten_event(event, article_id, seq, rows)
    check_storable(rows)
    return rows


# ---- what every store can hold --------------------------------------------------------------------
# SQLite takes nearly anything (a 2^63 integer raises OverflowError in the driver, a NaN becomes
# NULL, a 3,000-character id or a string in an INTEGER column is kept); PostgreSQL refuses all of
# those, and NUL characters too. Rows are checked against the schema's types here, before either
# sees them, so a record is stored by both or refused by both (E405, then quarantined by ingest).
_INT32, _INT64 = 2**31 - 1, 2**63 - 1
MAX_JSON_DEPTH = 64


def check_storable(rows: Mapping[str, list[dict[str, Any]]]) -> None:
    """Raise ValueError naming the table, column and value that a store could not hold alike."""
    from polemos.store import schema

    for name, table_rows in rows.items():
        table: Table = schema.metadata.tables[name]
        fine = _fine_checks(table)
        for row in table_rows:
            for col, value in row.items():
                if value is not None and (ok := fine.get(col)) is not None and not ok(value):
                    why = _refused(value, table.c[col].type)  # the reason, or fine after all
                    if why:
                        raise ValueError(f"{name}.{col}: {why}")


_FINE: dict[str, dict[str, Callable[[Any], bool]]] = {}


def _fine_checks(table: Table) -> dict[str, Callable[[Any], bool]]:
    """Per column, a quick test that a value is certainly storable (False: ask ``_refused`` why
    not), built once per table: ``check_storable`` sees every value of every batch written."""
    if table.name not in _FINE:
        _FINE[table.name] = {c.name: check for c in table.c if (check := _fine_check(c.type)) is not None}
    return _FINE[table.name]


def _fine_check(kind: Any) -> Callable[[Any], bool] | None:
    if isinstance(kind, JSON):
        return lambda v: _json_refused(v) is None
    if isinstance(kind, Boolean):
        return lambda v: type(v) is bool
    if isinstance(kind, Integer):
        bound = _INT64 if isinstance(kind, BigInteger) else _INT32
        return lambda v: type(v) is int and -bound - 1 <= v <= bound
    if isinstance(kind, Float):
        return lambda v: type(v) is float and math.isfinite(v)
    if isinstance(kind, DateTime):
        return lambda v: isinstance(v, datetime)
    if isinstance(kind, String):
        longest = kind.length

        def text_fine(v: Any) -> bool:
            if type(v) is not str or (longest is not None and len(v) > longest) or "\x00" in v:
                return False
            return v.isascii() or _text_refused(v) is None

        return text_fine
    return None


def _refused(value: Any, kind: Any) -> str | None:
    if isinstance(kind, JSON):
        return _json_refused(value)
    if isinstance(kind, Boolean):
        return None if isinstance(value, bool) else f"expected true or false, got {type(value).__name__}"
    if isinstance(kind, Integer):
        if not isinstance(value, int) or isinstance(value, bool):
            return f"expected an integer, got {type(value).__name__}"
        bound = _INT64 if isinstance(kind, BigInteger) else _INT32
        return None if -bound - 1 <= value <= bound else f"{value} does not fit the column's integer type"
    if isinstance(kind, Float):
        if not isinstance(value, int | float) or isinstance(value, bool):
            return f"expected a number, got {type(value).__name__}"
        return None if math.isfinite(value) else f"{value} is not a finite number"
    if isinstance(kind, DateTime):
        return None if isinstance(value, datetime) else f"expected a timestamp, got {type(value).__name__}"
    if isinstance(kind, String):  # Text too
        if not isinstance(value, str):
            return f"expected text, got {type(value).__name__}"
        if kind.length is not None and len(value) > kind.length:
            return f"{len(value):,} characters, over the column's {kind.length:,}"
        return _text_refused(value)
    return None


def _text_refused(value: str) -> str | None:
    if "\x00" in value:
        return f"a NUL character at offset {value.index(chr(0))}"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        return f"a lone surrogate at offset {e.start}"
    return None


def _json_refused(value: Any) -> str | None:
    """The first value of a JSON document that a store cannot hold (iterative: any depth is safe)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > MAX_JSON_DEPTH:
                return f"nested deeper than {MAX_JSON_DEPTH} levels"
            if isinstance(item, dict):
                for key in item:
                    if not isinstance(key, str):
                        return f"a key that is not text ({key!r})"
                    if why := _text_refused(key):
                        return why
            stack.extend((v, depth + 1) for v in (item.values() if isinstance(item, dict) else item))
        elif isinstance(item, str):
            if why := _text_refused(item):
                return why
        elif isinstance(item, bool) or item is None:
            continue
        elif isinstance(item, int):
            if not -_INT64 - 1 <= item <= _INT64:
                return f"{item} does not fit a 64-bit integer"
        elif isinstance(item, float):
            if not math.isfinite(item):
                return f"{item} is not a finite number"
        else:
            return f"a {type(item).__name__}, not a JSON value"
    return None


def _flatten_event(event: Mapping[str, Any], article_id: str, seq: int, rows: dict[str, list]) -> None:
    uid = event_uid(article_id, str(event["id"]))
    date = event.get("date")
    dcols, dextra = _split(date or {}, DATE_KEYS)
    acled = event.get("acled")
    acols, aextra = _split(acled or {}, ACLED_KEYS)
    extra = {k: v for k, v in event.items() if k not in EVENT_KEYS}
    absent = [k for k in EVENT_KEYS if k not in event]
    if absent:
        extra[_ABSENT] = absent
    if aextra:
        extra["__acled_extra__"] = aextra
    rows["events"].append({
        "uid": uid, "article_id": article_id, "event_id": str(event["id"]), "seq": seq,
        "type": event.get("type"), "mode": event.get("mode"), "modality": event.get("modality"),
        "has_date": date is not None, **dcols, "date_extra": dextra if date is not None else None,
        "has_acled": acled is not None, **acols,
        "cameo": event.get("cameo"), "confidence": event.get("confidence"), "extra": extra or None,
    })  # fmt: skip
    for role in ("actor", "target"):
        if event.get(role) is not None:
            rows["actors"].append(_actor_row(uid, role, 0, event[role], ACTOR_KEYS))
    for cseq, claim in enumerate(event.get("claims") or ()):
        ccols, cextra = _split({k: v for k, v in claim.items() if k != "claimant"}, CLAIM_KEYS)
        if "claimant" not in claim:
            cextra = {**(cextra or {}), "__no_claimant_key__": True}
        rows["claims"].append({"event_uid": uid, "seq": cseq, **ccols, "extra": cextra})
        if claim.get("claimant") is not None:
            rows["actors"].append(_actor_row(uid, "claimant", cseq, claim["claimant"], CLAIMANT_KEYS))
    for lseq, loc in enumerate(event.get("locations") or ()):
        lcols, lextra = _split(loc, PLACE_KEYS)
        rows["locations"].append({"event_uid": uid, "seq": lseq, **lcols, "extra": lextra})
    for kseq, (kind, count) in enumerate((event.get("counts") or {}).items()):
        ccols, cextra = _split(count or {}, COUNT_KEYS)
        rows["counts"].append({"event_uid": uid, "kind": kind, "seq": kseq, "is_null": count is None, **ccols,
                               "extra": cextra if count is not None else None})  # fmt: skip
    for role, keys in (("trigger", SPAN_KEYS), ("evidence", EVIDENCE_KEYS)):
        if event.get(role) is not None:
            scols, sextra = _split(event[role], keys)
            rows["spans"].append({"event_uid": uid, "role": role, "seq": 0, **scols, "extra": sextra})
    for mseq, mention in enumerate(event.get("mentions") or ()):
        scols, sextra = _split(mention, EVIDENCE_KEYS)
        rows["spans"].append({"event_uid": uid, "role": "mention", "seq": mseq, **scols, "extra": sextra})


def _actor_row(uid: str, role: str, seq: int, actor: Mapping[str, Any], keys: Mapping[str, str]) -> dict:
    cols, extra = _split(actor, keys)
    if keys is CLAIMANT_KEYS:  # claimants may carry offsets too: keep them as columns, not extra
        for key, col in (("start", "span_start"), ("end", "span_end")):
            if extra and key in extra:
                cols[col] = extra.pop(key)
                extra.setdefault("__offsets__", []).append(key)
        extra = extra or None
    cols.setdefault("span_start", None)
    cols.setdefault("span_end", None)
    cols.setdefault("party", None)
    fold = (actor.get("name") or actor.get("text") or "").casefold() or None
    return {"event_uid": uid, "role": role, "seq": seq, **cols, "name_fold": fold, "extra": extra}


# ---- rebuild -------------------------------------------------------------------------------------------


def rebuild_event(ev: Row, children: Mapping[str, list[Mapping[str, Any]]]) -> dict[str, Any]:
    """One contract event from its ``events`` row and its child rows (each list sorted by seq): its keys
    are the contract's (``polemos.contract.article.EVENT_FIELDS``), in its order, less the ones the
    stored record left out, then the keys it carried beyond the contract."""
    extra = dict(ev["extra"] or {})
    absent = set(extra.pop(_ABSENT, ()))
    acled_extra = extra.pop("__acled_extra__", None)
    by_role: dict[tuple[str, int], Mapping[str, Any]] = {(a["role"], a["seq"]): a for a in children["actors"]}
    spans_by_role: dict[str, list[Mapping[str, Any]]] = {}
    for s in children["spans"]:
        spans_by_role.setdefault(s["role"], []).append(s)

    def actor(role: str) -> dict[str, Any] | None:
        row = by_role.get((role, 0))
        return _join(row, ACTOR_KEYS, row["extra"]) if row else None

    def claim(row: Mapping[str, Any]) -> dict[str, Any]:
        cextra = dict(row["extra"] or {})
        no_key = cextra.pop("__no_claimant_key__", False)
        out: dict[str, Any] = {} if no_key else {"claimant": _claimant(by_role.get(("claimant", row["seq"])))}
        out.update(_join(row, CLAIM_KEYS, cextra))
        return out

    def one_span(role: str, keys: Mapping[str, str]) -> dict[str, Any] | None:
        rows = spans_by_role.get(role)
        return _join(rows[0], keys, rows[0]["extra"]) if rows else None

    values: dict[str, Any] = {
        "id": ev["event_id"], "type": ev["type"], "mode": ev["mode"], "modality": ev["modality"],
        "actor": actor("actor"), "target": actor("target"),
        "locations": [_join(r, PLACE_KEYS, r["extra"]) for r in children["locations"]],
        "date": _join(ev, DATE_KEYS, ev["date_extra"]) if ev["has_date"] else None,
        "counts": {c["kind"]: None if c["is_null"] else _join(c, COUNT_KEYS, c["extra"])
                   for c in children["counts"]},
        "claims": [claim(c) for c in children["claims"]],
        "trigger": one_span("trigger", SPAN_KEYS), "evidence": one_span("evidence", EVIDENCE_KEYS),
        "mentions": [_join(r, EVIDENCE_KEYS, r["extra"]) for r in spans_by_role.get("mention", [])],
        "acled": _join(ev, ACLED_KEYS, acled_extra) if ev["has_acled"] else None,
        "cameo": ev["cameo"], "confidence": ev["confidence"],
    }  # fmt: skip
    out = {k: values[k] for k in EVENT_KEYS if k not in absent}
    out.update(extra)
    return out


def _claimant(row: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if row is None:
        return None
    extra = dict(row["extra"] or {})
    offsets = extra.pop("__offsets__", [])
    out = _join(row, CLAIMANT_KEYS, extra)
    for key in offsets:
        out[key] = row["span_start" if key == "start" else "span_end"]
    return out


def rebuild_article(
    art: Row,
    events: list[dict[str, Any]],
    places: Sequence[Row],
    times: Sequence[Row],
) -> dict[str, Any]:
    """The ``polemos.article/1`` record from its ``articles`` row, rebuilt events and place/time rows."""
    extra = dict(art["result_extra"] or {})
    absent = set(extra.pop(_ABSENT, ()))
    values: dict[str, Any] = {
        "schema": art["schema"],
        "article": _join(art, ARTICLE_KEYS, art["article_extra"]),
        "events": events,
        "places": [_join(p, PLACE_KEYS, p["extra"]) for p in places],
        "times": [_join(t, TIME_KEYS, t["extra"]) for t in times],
    }
    out = {k: v for k, v in values.items() if k not in absent}
    out.update(extra)
    return out
