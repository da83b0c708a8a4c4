"""Fusion on the UCDP fusion dev headlines (../shared), through the real pipeline: a regression guard."""

from __future__ import annotations

import importlib.util
import json

import pytest
from conftest import SHARED as SHARED_ROOT

SHARED = SHARED_ROOT / "eval"
GOLD = SHARED / "ucdp-fusion-dev.jsonl"

pytestmark = [pytest.mark.shared, pytest.mark.slow]


@pytest.mark.skipif(not GOLD.exists(), reason=f"{GOLD} is not here (gold data stays out of the repo)")
def test_fuse_shared_ucdp_dev_precision() -> None:
    from polemos.errors import PolemosError
    from polemos.fuse import Fuser, fused_records, report_from_record
    from polemos.output import place_to_dict
    from polemos.pipeline import Pipeline
    from polemos.read import check_article, from_record

    spec = importlib.util.spec_from_file_location("fusion_scorer", SHARED / "fusion.py")
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    with GOLD.open(encoding="utf-8") as f:
        gold = [json.loads(line) for line in f if line.strip()]
    articles = []
    for g in gold:  # the extractor gets what a user's data would give: text, published, outlet
        try:
            articles.append(
                check_article(
                    from_record({k: g.get(k) for k in ("id", "text", "published", "outlet")}, g["id"])
                )
            )
        except PolemosError:  # an input the reader refuses (not English) is simply not fused
            continue
    fuser = Fuser()
    for result in Pipeline().process(articles):
        a = result.article
        places = [place_to_dict(p) for p in result.places]
        fuser.add(
            report_from_record(
                event, article_id=a.id, outlet=a.outlet, published=a.published, article_places=places
            )
            for event in (_event(e, a.published) for e in result.events)
        )
    metrics = scorer.score(gold, fused_records(fuser))
    assert metrics["pair_precision"] is not None and metrics["pair_precision"] >= 0.7


def _event(event: object, published: object) -> dict:
    from polemos.output import event_to_dict

    return event_to_dict(event, published)  # type: ignore[arg-type]
