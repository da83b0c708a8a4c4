"""Police and army acts that Indian riot reports tell without a subject doer, lower case and mixed
case: a case or FIR registered with the police only as the source, a force rushed or posted to a
place (the force moved is who mobilizes, also as "two companies of the srp"), an army arriving,
the police bandobast; and what is not a deployment ("the injured were rushed to hospital", "he
posted a video", "the minister arrived")."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import actor, events_of

pytestmark = pytest.mark.slow


def _kinds(record: dict[str, Any], type_: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (e["trigger"]["text"], actor(e), e["actor"] and e["actor"]["kind"])
        for e in events_of(record, type_)
        if e["modality"] == "asserted"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "a case has been registered against the accused, police said.",
        "A case was registered against 20 persons, the police said.",
        "an fir has been registered against the vhp leaders, according to the police.",
        "Cases have been registered against the rioters under the Arms Act, police said.",
    ],
)
def test_a_case_registered_takes_the_police_of_its_sentence(extract_text: Any, text: str) -> None:
    found = _kinds(extract_text(text, published="2002-03-01"), "ACCUSE")
    assert any(kind == "police" for _, _, kind in found), found


@pytest.mark.parametrize(
    "text",
    [
        "a case has been registered against the shopkeeper.",
        "A complaint was registered against the landlord by his tenant.",
    ],
)
def test_a_case_registered_names_no_police_where_the_sentence_does_not(extract_text: Any, text: str) -> None:
    found = _kinds(extract_text(text, published="2002-03-01"), "ACCUSE")
    assert not any(kind == "police" for _, _, kind in found), found


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("two companies of the srp have been rushed to the town.", "police"),
        ("Four companies of the CRPF were rushed to Bhavnagar.", "police"),
        ("additional police force has been rushed to the area.", "police"),
        ("policemen were posted outside the mosque.", "police"),
        ("Armed policemen have been posted at all the entry points.", "police"),
        ("the army was rushed to the border.", "military"),
        ("Army troops have been posted along the highway.", "military"),
    ],
)
def test_a_force_rushed_or_posted_is_its_deployment(extract_text: Any, text: str, kind: str) -> None:
    found = _kinds(extract_text(text, published="2002-03-01"), "MOBILIZE")
    assert any(k == kind for _, _, k in found), found


@pytest.mark.parametrize(
    "text",
    [
        "the army arrived here on friday.",
        "Troops arrived in the town on Sunday.",
        "three columns of the army arrived in surat on sunday morning.",
    ],
)
def test_an_army_arriving_is_its_deployment(extract_text: Any, text: str) -> None:
    found = _kinds(extract_text(text, published="2002-03-01"), "MOBILIZE")
    assert any(k == "military" for _, _, k in found), found


@pytest.mark.parametrize(
    "text",
    [
        "elaborate police bandobast has been made in the city.",
        "Heavy police bandobast was seen in the walled city.",
    ],
)
def test_the_police_bandobast_is_a_deployment(extract_text: Any, text: str) -> None:
    found = _kinds(extract_text(text, published="2002-03-01"), "MOBILIZE")
    assert any(k == "police" for _, _, k in found), found


@pytest.mark.parametrize(
    "text",
    [
        "the injured were rushed to the civil hospital.",
        "He was rushed to the hospital in a critical condition.",
        "he posted a video on facebook.",
        "The police posted a message on Twitter.",
        "the company posted a loss.",
        "the letter was posted to the minister.",
        "the minister arrived in ahmedabad on friday.",
    ],
)
def test_what_is_not_a_deployment(extract_text: Any, text: str) -> None:
    record = extract_text(text, published="2002-03-01")
    assert not events_of(record, "MOBILIZE"), _kinds(record, "MOBILIZE")


@pytest.mark.parametrize(
    "text",
    [
        "the police was present at the spot for nearly two hours but no arrests have been made.",
        "only 17 policemen were on duty in the town.",
        "Police were present in large numbers near the mosque.",
        "The police are on high alert in the city.",
        "The police have been put on high alert after the blast.",
    ],
)
def test_a_force_present_on_duty_or_on_alert_is_deployed(extract_text: Any, text: str) -> None:
    record = extract_text(text, published="2002-03-01")
    found = [e for e in events_of(record, "MOBILIZE") if e["actor"] and e["actor"]["kind"] == "police"]
    assert found, _kinds(record, "MOBILIZE")
    assert all(e["target"] is None for e in found)  # where they are is no one done to


@pytest.mark.parametrize(
    "text",
    [
        "the minister was present at the function.",
        "he was on duty at the hospital.",
        "students were present in the hall.",
        "the doctors were on duty.",
    ],
)
def test_others_present_or_on_duty_are_no_deployment(extract_text: Any, text: str) -> None:
    record = extract_text(text, published="2002-03-01")
    assert not events_of(record, "MOBILIZE"), _kinds(record, "MOBILIZE")


@pytest.mark.parametrize(
    "text",
    [
        "Ayodhya: The situation was calm, Inspector General of Police Ram Singh said on Sunday. Singh said "
        "the authorities had received information. He said security has been further tightened in the town.",
        "ayodhya: the situation was calm, additional director general of police a k mitra said on sunday. "
        "mitra said the authorities had received definite information. he said security has been "
        "further tightened in the town.",
    ],
)
def test_a_speaker_titled_of_police_earlier_gives_the_force(extract_text: Any, text: str) -> None:
    record = extract_text(text, published="2002-03-01")
    found = [e for e in events_of(record, "MOBILIZE") if e["trigger"]["text"] == "tightened"]
    assert found and found[0]["actor"] and found[0]["actor"]["kind"] == "police", _kinds(record, "MOBILIZE")


def test_a_speaker_with_a_civil_title_gives_no_force(extract_text: Any) -> None:
    text = (
        "faizabad commissioner anil kumar gupta said the situation was calm. gupta said the roads were "
        "open. he said security has been tightened."
    )
    record = extract_text(text, published="2002-03-01")
    found = [e for e in events_of(record, "MOBILIZE") if e["trigger"]["text"] == "tightened"]
    assert found and found[0]["actor"] is None, _kinds(record, "MOBILIZE")
