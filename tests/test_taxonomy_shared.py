"""End to end on the CASE 2021 task 2 dev snippets (../shared): the ACLED sub-event of each snippet's
first violent event (else its first event), as the project's scorer reads it."""

import json

import pytest
from conftest import SHARED

CASE = SHARED / "eval" / "case2021-task2-dev.jsonl"
# CASE 2021 labels -> ACLED sub-event type; labels ACLED does not code want no ACLED type at all
LABELS = {
    "PEACE_PROTEST": "Peaceful protest", "PROTEST_WITH_INTER": "Protest with intervention",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters", "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Mob violence", "ARMED_CLASH": "Armed clash",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory", "CHEM_WEAP": "Chemical weapon",
    "AIR_STRIKE": "Air/drone strike", "SUIC_BOMB": "Suicide bomb",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack", "REM_EXPLOS": "Remote explosive/landmine/IED",
    "GRENADE": "Grenade", "SEX_VIOL": "Sexual violence", "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance", "AGREEMENT": "Agreement", "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity", "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established", "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory", "OTHER": "Other",
}  # fmt: skip


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.skipif(not CASE.exists(), reason="../shared/eval/case2021-task2-dev.jsonl is absent")
def test_taxonomy_case2021_dev_sub_event_accuracy_is_at_least_0_6():
    from polemos.pipeline import Pipeline
    from polemos.read import from_record

    records = [json.loads(line) for line in CASE.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [from_record({"id": r["id"], "text": r["text"]}, "case2021") for r in records]
    right = 0
    for record, result in zip(records, Pipeline().process(articles), strict=True):
        events = list(result.events)
        violent = [e for e in events if e.type in ("ASSAULT", "COERCE")]
        pool = violent or events
        first = min(pool, key=lambda e: e.evidence.start) if pool else None
        got = first.acled[1] if first is not None and first.acled else None
        right += got == LABELS.get(record["gold"]["event_type"])
    assert right / len(records) >= 0.6


PETRARCH_GSR = SHARED / "eval" / "petrarch2-gsr-dev.jsonl"


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.skipif(not PETRARCH_GSR.exists(), reason="../shared/eval/petrarch2-gsr-dev.jsonl is absent")
def test_taxonomy_petrarch_gsr_cameo_roots_hold_their_dev_figure():
    """Of the sentences PETRARCH's gold codes, how many get an event with one of the gold CAMEO roots
    (0.444 on dev when this was written; 0.167 before the crosswalk table)."""
    from polemos.pipeline import Pipeline
    from polemos.read import from_record

    records = [json.loads(line) for line in PETRARCH_GSR.read_text(encoding="utf-8").splitlines() if line]
    records = [r for r in records if r["gold"]["events"]]
    articles = [from_record({"id": r["id"], "text": r["text"]}, "petrarch2") for r in records]
    right = 0
    for record, result in zip(records, Pipeline().process(articles), strict=True):
        gold = {e["code"][:2] for e in record["gold"]["events"]}
        right += bool(gold & {e.cameo for e in result.events})
    assert right / len(records) >= 0.4
