"""Police presence and alert (MOBILIZE police: security tightened, arrangements made, patrols, vigils,
an alert sounded), deaths told as "fell to police bullets", running tallies of
arrests and arrests made at once ("acted swiftly to arrest"), in lower and mixed case."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import actor, by_trigger, events_of, only_event, target

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("sentence", "trigger", "doer"),
    [
        ("the police have tightened security in the city.", "tightened", "the police"),
        ("Police stepped up security around the embassy on Monday.", "stepped up", "Police"),
        ("the cops beefed up vigil at the railway station.", "beefed up", "the cops"),
        ("the crpf intensified patrolling in the sensitive areas.", "intensified", "the crpf"),
        ("the police had made tight security arrangements at all the crossings.", "security arrangements",
         "the police"),
        ("the railway police are keeping a constant vigil on the trains.", "keeping", "the railway police"),
        ("policemen patrolled the old city through the night.", "patrolled", "policemen"),
    ],
)  # fmt: skip
def test_police_alert(extract_text: Any, sentence: str, trigger: str, doer: str) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert (event["type"], event["mode"], actor(event), event["modality"]) == (
        "MOBILIZE",
        "police",
        doer,
        "asserted",
    )


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("security has been beefed up in the town, police said.", "beefed up"),
        ("According to the police, security was tightened around the temple.", "tightened"),
    ],
)
def test_security_tightened_takes_the_force_that_tells_it(
    extract_text: Any, sentence: str, trigger: str
) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert (event["type"], event["mode"], event["actor"]["kind"]) == ("MOBILIZE", "police", "police")


def test_security_tightened_with_no_force_named_keeps_no_doer(extract_text: Any) -> None:
    event = by_trigger(extract_text("security has been tightened around the stadium."), "tightened")
    assert (event["type"], event["actor"]) == ("MOBILIZE", None)


@pytest.mark.parametrize(
    ("sentence", "mode"),
    [
        ("the soldiers patrolled the border villages on foot.", "troops"),
        ("the army held a flag march through the riot-hit areas on monday.", "troops"),
        ("The army conducted a flag march in the walled city.", "troops"),
    ],
)
def test_troops_on_patrol(extract_text: Any, sentence: str, mode: str) -> None:
    (event,) = events_of(extract_text(sentence), "MOBILIZE")
    assert event["mode"] == mode and event["actor"]["kind"] == "military"


@pytest.mark.parametrize(
    "sentence",
    [
        "hundreds of people held a candlelight vigil for the victims.",
        "the company increased its security budget.",
        "prices fell to a record low in march.",
        "the city fell to the rebels after a long siege.",
    ],
)
def test_no_police_alert_or_shooting(extract_text: Any, sentence: str) -> None:
    events = extract_text(sentence)["events"]
    assert all(e["type"] != "MOBILIZE" for e in events)
    assert all(e["mode"] != "firearms" for e in events)


@pytest.mark.parametrize(
    ("sentence", "doer", "fallen", "low"),
    [
        ("two youths fell to police bullets in the town.", "police", "two youths", 2),
        ("a teenager fell to the bullets of the police.", "the police", "a teenager", 1),
        ("Three protesters fell to army bullets on Friday.", "army", "Three protesters", 2),
    ],
)
def test_fell_to_police_bullets_is_a_killing(
    extract_text: Any, sentence: str, doer: str, fallen: str, low: int
) -> None:
    event = by_trigger(extract_text(sentence), "fell to")
    roles = (event["type"], event["mode"], actor(event), target(event))
    assert roles == ("ASSAULT", "firearms", doer, fallen)
    assert event["counts"]["killed"]["low"] == low


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("police officials said 2,000 persons have so far been rounded up in the state.", "rounded up"),
        ("So far the police have arrested 40 people in the district.", "arrested"),
    ],
)
def test_a_running_tally_of_arrests_is_an_event(extract_text: Any, sentence: str, trigger: str) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert (event["type"], event["mode"], event["modality"]) == ("COERCE", "arrest", "asserted")


def test_a_tally_since_an_era_began_stays_a_summary(extract_text: Any) -> None:
    record = extract_text("The group has so far killed more than 30,000 people since its insurgency began.")
    assert events_of(record, "ASSAULT") == []


@pytest.mark.parametrize(
    ("sentence", "trigger", "modality"),
    [
        ("the police acted swiftly to arrest the accused.", "arrest", "asserted"),
        ("Police moved quickly to detain the suspects.", "detain", "asserted"),
        ("the police went to the village to arrest the accused.", "arrest", "planned"),
        ("the police acted to arrest the accused.", "arrest", "planned"),
    ],
)
def test_prompt_action(extract_text: Any, sentence: str, trigger: str, modality: str) -> None:
    assert by_trigger(extract_text(sentence), trigger)["modality"] == modality


@pytest.mark.parametrize(
    ("sentence", "doer"),
    [
        (
            "he was arrested by a joint team of the ats, the crime branch and the city police.",
            "a joint team of the ats, the crime branch and the city police",
        ),
        (
            "The two men were detained by a team of the CRPF and the state police on Friday.",
            "a team of the CRPF and the state police",
        ),
        ("A police team arrested the two men on Friday.", "A police team"),
        ("the accused was arrested by a team of the crime branch on monday.", "a team of the crime branch"),
    ],
)
def test_a_team_of_forces_is_all_of_them(extract_text: Any, sentence: str, doer: str) -> None:
    event = only_event(extract_text(sentence), "COERCE")
    assert (event["mode"], actor(event)) == ("arrest", doer)
