"""Modality: what the text commits to about an event, one hand-made sentence per value."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import by_trigger

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("sentence", "trigger", "modality"),
    [
        # asserted: it happened
        ("Rebels attacked the army base near Idlib on Sunday.", "attacked", "asserted"),
        ("Government troops shelled the town overnight.", "shelled", "asserted"),
        # planned: intended, in preparation, "will"
        ("The army will attack the town next week.", "attack", "planned"),
        ("The rebels plan to attack the airport.", "attack", "planned"),
        ("The government intends to deploy troops to the border.", "deploy", "planned"),
        ("The army is preparing an offensive on the city.", "offensive", "planned"),
        # proposed: offered, suggested
        ("The government proposed a ceasefire with the rebels.", "ceasefire", "proposed"),
        ("Turkey proposed talks between the two sides.", "talks", "proposed"),
        # threatened: conditional on the other side
        ("The rebels will attack the city unless the army withdraws.", "attack", "threatened"),
        # hypothetical: could, would, if
        ("The army could attack the town if talks fail.", "attack", "hypothetical"),
        ("If talks fail, the army would respond with airstrikes.", "airstrikes", "hypothetical"),
        # a passive under "can": what is possible, not what happened
        ("Under the act, preventive arrests can be made.", "arrests", "hypothetical"),
        ("Such attacks can be carried out by anyone with a drone.", "attacks", "hypothetical"),
        ("Suspects can be detained for up to 90 days.", "detained", "hypothetical"),
        ("Police arrested three men who can be seen in the video.", "arrested", "asserted"),
        ("The minister raised the possibility of airstrikes on the camps.", "airstrikes", "hypothetical"),
        # negated: did not, no ... was reached
        ("The army did not attack the town.", "attack", "negated"),
        ("No agreement was reached at the talks in Geneva.", "agreement", "negated"),
        ("The rebels never attacked the convoy.", "attacked", "negated"),
        # denied: a party denies it happened
        ("The ministry denied that its troops had shelled the village.", "shelled", "denied"),
        ("The rebels denied attacking the convoy.", "attacking", "denied"),
    ],
)
def test_modality(extract_text: Any, sentence: str, trigger: str, modality: str) -> None:
    assert by_trigger(extract_text(sentence), trigger)["modality"] == modality


@pytest.mark.xfail(reason="extract: 'offer to <verb> talks' gives no event yet (reported)", strict=False)
def test_offer_to_host_talks_is_proposed(extract_text: Any) -> None:
    record = extract_text("Moscow offered to host talks between the two sides.")
    assert by_trigger(record, "talks")["modality"] == "proposed"


def test_modality_is_one_of_the_contract_values(extract_text: Any) -> None:
    allowed = {"asserted", "planned", "proposed", "threatened", "hypothetical", "negated", "denied"}
    record = extract_text(
        "Rebels attacked the base. The army will respond. Officials denied that talks were planned."
    )
    assert record["events"] and {e["modality"] for e in record["events"]} <= allowed


def test_said_frame_does_not_change_modality(extract_text: Any) -> None:
    record = extract_text("Rebels shelled the market on Sunday, the governor said.")
    assert by_trigger(record, "shelled")["modality"] == "asserted"
