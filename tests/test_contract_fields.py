"""The contract's types own its keys: hand-made records survive JSON both ways, every builder writes
every field, and the API's models, the stage records and the key tables agree."""

from __future__ import annotations

import ast
import dataclasses
import inspect
import json
from typing import Any

import pytest
from test_contract_article import _result

from polemos import types as t
from polemos.contract import article, models
from polemos.contract import event as ce
from polemos.contract.event import from_json, to_json
from polemos.contract.plain import json_fields
from polemos.fuse import record as fuse_record

OUTPUT_MD_ORDER = ["schema", "id", "type", "mode", "modality", "actors", "targets", "locations", "date",
                   "counts", "claims", "reports", "disagreements", "fusion", "acled", "cameo"]  # fmt: skip


def _fused(**changes: Any) -> ce.FusedEvent:
    seven = ce.FigureClaim(value=7, low=7, high=None, text="seven civilians", claimant="Syrian Arab Army",
                           party=True, outlet="Wire", article_id="a1")  # fmt: skip
    nine = ce.FigureClaim(value=9, low=8, high=10, text="about nine", claimant=None, party=False,
                          outlet="Post", article_id="a2")  # fmt: skip
    fields: dict[str, Any] = {
        "id": "fe0123456789abcd", "type": "ASSAULT", "mode": "bombard", "modality": "asserted",
        "actors": (ce.FusedParty("Rebels", "rebel", None), ce.FusedParty("Free Syrian Army", "rebel", "SY")),
        "targets": (ce.FusedParty("civilians", "civilians", None),),
        "locations": (ce.FusedPlace("Hama", 170017, 35.13, 36.75, "SY", "Hama", "city"),),
        "date": ce.FusedDate("2016-03-07", "2016-03-08", "day"),
        "counts": ce.FusedCounts(killed=ce.FusedCount(7, 7, 10, (seven, nine)), injured=None, size=None),
        "claims": (ce.FusedClaim(ce.FusedClaimant("Syrian Arab Army", True), "Wire", "a1"),
                   ce.FusedClaim(None, "Post", "a2")),
        "reports": (ce.FusedReport("a1", "e1", "u1", "Wire", "2016-03-08", "ASSAULT",
                                {"start": 0, "end": 30, "text": "Rebels shelled Hama on Monday,"}),
                    ce.FusedReport("a2", None, "u2", "Post", "2016-03-09", None, None)),
        "disagreements": (ce.Disagreement("killed", (7, 9)),
                          ce.Disagreement("actors", ("Free Syrian Army", "Rebels"))),
        "fusion": ce.Fusion("polemos.fuse.v1", 0.91, ("same type", "same day"),
                         ({"op": "merge", "fused_ids": ["fe1", "fe2"], "who": "ana"},)),
        "acled": {"event_type": "Explosions/Remote violence",
                  "sub_event_type": "Shelling/artillery/missile attack"},
        "cameo": "19",
    }  # fmt: skip
    fields.update(changes)
    return ce.FusedEvent(**fields)


# ---- polemos.event/1 both ways --------------------------------------------------------------------


def test_hand_made_fused_events_survive_json() -> None:
    for event in (
        _fused(),
        _fused(date=None, fusion=None, acled=None, counts=ce.FusedCounts(None, None, None), reports=()),
    ):
        record = to_json(event)
        assert from_json(record) == event
        assert from_json(json.loads(json.dumps(record))) == event
        assert to_json(from_json(json.loads(json.dumps(record)))) == record


def test_fused_record_keys_in_the_contract_order() -> None:
    record = to_json(_fused())
    assert list(record) == OUTPUT_MD_ORDER
    assert list(record["counts"]) == ["killed", "injured", "size"]
    assert list(record["counts"]["killed"]) == ["low", "best", "high", "claims"]
    assert list(record["reports"][0]) == [
        "article_id",
        "event_id",
        "uid",
        "outlet",
        "published",
        "type",
        "evidence",
    ]
    assert record["claims"][0]["claimant"] == {"name": "Syrian Arab Army", "party": True}
    assert record["disagreements"][0] == {"field": "killed", "values": [7, 9]}


def test_unknown_keys_are_kept_where_they_were() -> None:
    record = to_json(_fused())
    record["added_later"] = {"any": "thing"}
    record["reports"][1]["title"] = "Hama"
    record["counts"]["killed"]["claims"][0]["span"] = [3, 9]
    record["counts"]["deaths_reported"] = None
    back = from_json(record)
    assert back.extra == {"added_later": {"any": "thing"}}
    assert back.reports[1].extra == {"title": "Hama"}
    assert back.counts.extra == {"deaths_reported": None}
    assert json.dumps(to_json(back)) == json.dumps(record)  # key order included


def test_a_record_missing_a_key_is_refused() -> None:
    record = to_json(_fused())
    del record["reports"][0]["uid"]
    with pytest.raises(TypeError, match="uid"):
        from_json(record)
    with pytest.raises(TypeError):
        from_json({"schema": "polemos.event/1", "id": "fe1", "type": "OTHER"})


# ---- every builder writes every field -------------------------------------------------------------

CONTRACT_TYPES = {
    c.__name__: c
    for c in (ce.FusedEvent, ce.FusedParty, ce.FusedPlace, ce.FusedDate, ce.FigureClaim, ce.FusedCount,
              ce.FusedCounts, ce.FusedClaimant, ce.FusedClaim, ce.FusedReport, ce.Disagreement, ce.Fusion)
}  # fmt: skip


def unfilled(source: str) -> list[str]:
    """Each construction of a contract type in ``source`` that leaves a declared field to its default
    (``schema`` excepted: it is the contract's name, never the builder's)."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in CONTRACT_TYPES:
            names = json_fields(CONTRACT_TYPES[node.func.id])
            given = set(names[: len(node.args)]) | {k.arg for k in node.keywords}
            missing = [n for n in names if n not in given and n != "schema"]
            if missing and not any(k.arg is None for k in node.keywords):
                out.append(f"line {node.lineno}: {node.func.id} without {', '.join(missing)}")
    return out


def test_fusion_builds_every_field_of_the_fused_event() -> None:
    source = inspect.getsource(fuse_record)
    assert "FusedEvent(" in source and "FusedReport(" in source and "FigureClaim(" in source
    assert unfilled(source) == []


def test_a_builder_missing_a_field_is_found() -> None:
    assert unfilled("FusedDate(start='2016-03-07', end='2016-03-07')") == [
        "line 1: FusedDate without precision"
    ]
    unplaced = "FusedPlace('Hama', 1, 2.0, 3.0, 'SY', 'Hama')"
    assert unfilled(unplaced) == ["line 1: FusedPlace without feature"]
    assert unfilled("FusedEvent(id='x', type='OTHER')")  # every field but schema is the builder's
    assert unfilled("FusedDate('2016', '2016', 'year')") == []


def test_one_report_records_and_fused_records_share_the_builder() -> None:
    from test_contract_event import _row

    served = ce.of_one_report(_row())
    assert list(served) == OUTPUT_MD_ORDER
    assert list(served["reports"][0])[-1] == "title"
    assert to_json(from_json(served)) == served


# ---- the models, the stage records and the key tables agree ---------------------------------------


def test_the_api_models_agree_with_the_contract_types() -> None:
    assert models.drift() == []


def test_a_table_entry_naming_an_unwritten_key_is_found() -> None:
    from dataclasses import replace

    row = replace(models.DESCRIBED[0], undescribed=("gone",))
    assert models.drift([row]) == ["Span: gone (undescribed) is never written"]


def test_a_field_added_to_a_type_is_described() -> None:
    from dataclasses import dataclass, replace

    @dataclass(frozen=True)
    class Wider(ce.Disagreement):
        weight: float | None = None

    rows = [replace(r, sources=(Wider,)) if r.name == "Disagreement" else r for r in models.DESCRIBED]
    built = models.build(rows)
    assert list(built["Disagreement"].model_fields) == ["field", "values", "weight"]
    schema = built["FusedEvent"].model_json_schema(by_alias=True)
    assert "weight" in schema["$defs"]["Disagreement"]["properties"]
    rows = [replace(r, sources=((*article.SPAN_FIELDS, "lang"),), types={"lang": str})
            if r.name == "Span" else r for r in models.DESCRIBED]  # fmt: skip
    assert "lang" in models.build(rows)["Span"].model_fields


# Each stage record with its table, the table's keys that come from elsewhere (the schema's name; the
# result's language, written in its article object), and the fields its object leaves out
# (docs/contract.md says why; an actor's attribution and a claimant's party are written by their
# role's table).
TABLES: dict[type, tuple[tuple[str, ...], set[str], set[str]]] = {
    t.Article: (article.ARTICLE_FIELDS, {"language"}, {"text", "source"}),
    t.ArticleResult: (article.RESULT_FIELDS, {"schema"}, {"language"}),
    t.Event: (article.EVENT_FIELDS, set(), set()),
    t.Span: (article.SPAN_FIELDS, set(), set()),
    t.Mention: (article.MENTION_FIELDS, set(), set()),
    t.ActorRef: (article.ACTOR_FIELDS, set(), {"party", "attribution"}),
    t.PlaceRef: (article.PLACE_FIELDS, set(), {"score"}),
    t.TimeRef: (article.TIME_FIELDS, set(), set()),
    t.Count: (article.COUNT_FIELDS, set(), {"claims"}),
    t.CountClaim: (article.COUNT_CLAIM_FIELDS, set(), set()),
    t.Claim: (article.CLAIM_FIELDS, set(), set()),
}


@pytest.mark.parametrize("cls", list(TABLES), ids=lambda c: c.__name__)
def test_every_stage_record_field_is_in_its_table(cls: type) -> None:
    table, elsewhere, left_out = TABLES[cls]
    fields = {f.name for f in dataclasses.fields(cls)}
    assert fields == (set(table) - elsewhere) | left_out, fields ^ ((set(table) - elsewhere) | left_out)
    assert set(article.DOER_FIELDS) - set(article.ACTOR_FIELDS) == {"attribution"}
    assert set(article.CLAIMANT_FIELDS) - set(article.ACTOR_FIELDS) == {"party"}


def test_the_article_writer_writes_each_table_in_order() -> None:
    record = article.to_json(_result())
    e = record["events"][0]
    assert list(record) == list(article.RESULT_FIELDS)
    assert list(record["article"]) == list(article.ARTICLE_FIELDS)
    assert list(e) == list(article.EVENT_FIELDS)
    assert list(e["actor"]) == list(article.DOER_FIELDS)
    assert list(e["target"]) == list(article.ACTOR_FIELDS)
    assert list(e["claims"][0]) == list(article.CLAIM_FIELDS)
    assert list(e["claims"][0]["claimant"]) == list(article.CLAIMANT_FIELDS)
    assert list(e["locations"][0]) == list(record["places"][0]) == list(article.PLACE_FIELDS)
    assert list(record["times"][0]) == list(article.TIME_FIELDS)
    assert list(e["date"]) == list(article.DATE_FIELDS)
    assert list(e["counts"]["killed"]) == [*article.COUNT_FIELDS, "claims"]
    assert list(e["counts"]["killed"]["claims"][0]) == list(article.COUNT_CLAIM_FIELDS)
    assert list(e["counts"]["killed"]["claims"][0]["claimant"]) == list(article.ACTOR_FIELDS)
    assert [list(m) for m in e["mentions"]] == [list(article.MENTION_FIELDS), list(article.SPAN_FIELDS)]
    assert list(e["acled"]) == list(article.ACLED_FIELDS)


def test_the_store_rebuilds_events_in_the_contract_order() -> None:
    from polemos.store.records import EVENT_KEYS

    assert EVENT_KEYS == article.EVENT_FIELDS
