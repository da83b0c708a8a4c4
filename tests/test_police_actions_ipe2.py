"""Police acts in riot reports that other parties' events used to swallow or that named no doer:
the force's act beside a mob's clash, a death by police firing inside another party's clash, a
dispersal or release told in the passive, curfew and cordons, police ranks as doers; and what is
not a police act ("police said", "according to police", "the police station", a policeman's
wedding). Lower case and mixed case, as the Indian wires print them."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import actor, events_of

pytestmark = pytest.mark.slow


def _police_events(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        e
        for e in record["events"]
        if e["actor"] and e["actor"]["kind"] == "police" and e["modality"] == "asserted"
    ]


def _in(text: str, part: str, event: dict[str, Any]) -> bool:
    at = text.index(part)
    return event["evidence"]["start"] <= at < event["evidence"]["end"]


@pytest.mark.parametrize(
    "text",
    [
        "a dozen persons were injured as the groups clashed with lathis and swords for almost two hours "
        "before the police burst tear-gas shells to disperse the mob.",
        "The two groups clashed for an hour before the police lobbed tear-gas shells at them.",
        "rioters fought each other with swords until the police lathi-charged the mob.",
    ],
)
def test_a_force_s_act_beside_a_clash_is_its_own_event(extract_text: Any, text: str) -> None:
    record = extract_text(text, published="2002-03-01")
    police = [e for e in _police_events(record) if e["type"] == "ASSAULT"]
    assert police, [(e["type"], e["trigger"]["text"], actor(e)) for e in record["events"]]
    assert all(e["mode"] == "crowd-control" for e in police)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        (
            "there was a communal clash in deodhar town where four persons were burnt alive and two "
            "persons were killed in police firing.",
            "killed in police firing",
        ),
        (
            "A clash broke out in the old city in which two men were killed in police firing.",
            "killed in police firing",
        ),
    ],
)
def test_a_death_by_police_firing_inside_a_clash_is_the_police_s(
    extract_text: Any, text: str, part: str
) -> None:
    record = extract_text(text, published="2002-03-01")
    kills = [e for e in _police_events(record) if e["type"] == "ASSAULT" and _in(text, part, e)]
    assert kills, [(e["type"], e["trigger"]["text"], actor(e)) for e in record["events"]]


@pytest.mark.parametrize(
    "text",
    [
        "the police reached the spot. the mob was dispersed after a lathi-charge.",
        "Police rushed to the area. The crowd was dispersed with tear gas.",
        "the mob was dispersed by lobbing tear-gas shells, police said.",
    ],
)
def test_a_doerless_dispersal_takes_the_force_the_article_names(extract_text: Any, text: str) -> None:
    record = extract_text(text, published="2002-03-01")
    found = [e for e in events_of(record, "ASSAULT") if e["mode"] == "crowd-control"]
    assert found and all(e["actor"] and e["actor"]["kind"] == "police" for e in found)


@pytest.mark.parametrize(
    "text",
    ["the mob was dispersed after a lathi-charge.", "The crowd was dispersed with tear gas."],
)
def test_a_dispersal_in_an_article_naming_no_force_keeps_no_doer(extract_text: Any, text: str) -> None:
    found = events_of(extract_text(text, published="2002-03-01"), "ASSAULT")
    assert found and all(e["actor"] is None for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "police arrested over 50 bjp workers on thursday. the arrested workers were released later.",
        "Police detained 20 activists at the station. They were released in the evening.",
    ],
)
def test_a_passive_release_is_by_the_force_that_arrested(extract_text: Any, text: str) -> None:
    record = extract_text(text, published="2002-03-01")
    released = [e for e in events_of(record, "RETREAT") if e["mode"] == "release"]
    assert released and all(e["actor"] and e["actor"]["kind"] == "police" for e in released)


def test_a_release_with_no_arrest_before_it_keeps_no_doer(extract_text: Any) -> None:
    record = extract_text("the prisoners were released on monday.", published="2002-03-01")
    assert all(e["actor"] is None for e in events_of(record, "RETREAT"))


@pytest.mark.parametrize(
    "text",
    [
        "police arrested over 50 bjp workers near the bridge. they were protesting against the torching "
        "of the train.",
        "Police detained 30 students on the campus. They were protesting against the fee hike.",
    ],
)
def test_the_ones_arrested_are_the_protesters_not_the_police(extract_text: Any, text: str) -> None:
    record = extract_text(text, published="2002-03-01")
    protests = events_of(record, "PROTEST")
    assert protests and all(e["actor"] is None or e["actor"]["kind"] != "police" for e in protests)


@pytest.mark.parametrize(
    "text",
    [
        "police arrested ten men on monday. he said the situation was tense.",
        "delhi police sources said the city was calm. he said that he would meet the prime minister.",
    ],
)
def test_he_is_not_the_police(extract_text: Any, text: str) -> None:
    record = extract_text(text, published="2002-03-01")
    later = text.index(" he ")
    assert not [e for e in _police_events(record) if e["evidence"]["start"] > later]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("both the dgp and the police commissioner warned people against rumour-mongering.", "warned"),
        ("the dcp arrested three men on monday.", "arrested"),
        ("The Superintendent of Police ordered a lathi-charge on the mob.", "lathi-charge"),
    ],
)
def test_police_ranks_are_the_police(extract_text: Any, text: str, trigger: str) -> None:
    record = extract_text(text, published="2002-03-01")
    found = [e for e in record["events"] if e["trigger"]["text"].lower() == trigger.lower()]
    assert found and found[0]["actor"]["kind"] == "police"


def test_a_party_acronym_is_not_a_police_rank(extract_text: Any) -> None:
    record = extract_text("the sp leader warned the government on monday.", published="2002-03-01")
    assert not _police_events(record)


@pytest.mark.parametrize(
    "text",
    [
        "more than 100 police personnel formed a ring around the court.",
        "Police threw a cordon around the area after the blast.",
        "the railway police monitored the platforms through the night.",
    ],
)
def test_cordons_and_watch_are_police_deployments(extract_text: Any, text: str) -> None:
    record = extract_text(text, published="2002-03-01")
    found = [e for e in _police_events(record) if e["type"] == "MOBILIZE"]
    assert found, [(e["type"], e["trigger"]["text"], actor(e)) for e in record["events"]]


@pytest.mark.parametrize(
    "text",
    ["the students formed a ring around the statue.", "The UN monitored the elections in March."],
)
def test_a_ring_or_watch_by_others_is_no_police_act(extract_text: Any, text: str) -> None:
    assert not _police_events(extract_text(text, published="2002-03-01"))


@pytest.mark.parametrize(
    "text",
    [
        "curfew was clamped in the walled city, police said.",
        "prohibitory orders were promulgated in the town, a police officer said.",
        "Curfew was imposed in four areas of the city, according to police.",
    ],
)
def test_a_curfew_with_the_police_as_source_is_an_inferred_police_act(extract_text: Any, text: str) -> None:
    record = extract_text(text, published="2002-03-01")
    found = [e for e in events_of(record, "COERCE") if e["mode"] == "curfew"]
    assert found and found[0]["actor"]["kind"] == "police"
    assert found[0]["actor"]["attribution"] == "inferred"


@pytest.mark.parametrize(
    "text",
    [
        "curfew was imposed in two police station areas.",
        "Curfew was imposed in the old city on Friday.",
        "the district administration imposed curfew in the city, police said.",
    ],
)
def test_a_curfew_without_the_police_named_is_not_theirs(extract_text: Any, text: str) -> None:
    record = extract_text(text, published="2002-03-01")
    assert all(e["actor"] is None or e["actor"]["kind"] != "police" for e in events_of(record, "COERCE"))


@pytest.mark.parametrize(
    "text",
    [
        "the situation in the city was peaceful, police said.",
        "according to police, the situation was under control.",
        "the police station was closed for repairs on monday.",
        "the police officer's wedding was held in the city on sunday.",
        "Police said the death toll had risen to 40.",
    ],
)
def test_what_police_say_or_own_is_no_police_act(extract_text: Any, text: str) -> None:
    assert not _police_events(extract_text(text, published="2002-03-01"))


@pytest.mark.parametrize(
    "text",
    [
        "a police officer said the town was calm. he said security had been tightened.",
        "Police Inspector J K Patel said the town was calm. He said security had been beefed up.",
    ],
)
def test_security_told_by_a_police_speaker_named_before_is_theirs(extract_text: Any, text: str) -> None:
    record = extract_text(text, published="2002-03-01")
    later = text.index("said security")
    found = [e for e in _police_events(record) if e["type"] == "MOBILIZE" and e["evidence"]["start"] < later]
    assert found, [(e["type"], e["trigger"]["text"], actor(e)) for e in record["events"]]


def test_security_told_by_another_speaker_is_not_the_police_s(extract_text: Any) -> None:
    text = "the collector said the town was calm. he said security had been tightened."
    assert not _police_events(extract_text(text, published="2002-03-01"))


@pytest.mark.parametrize(
    "text", ["A police officer arrested the man.", "a senior police officer detained two men."]
)
def test_a_police_officer_is_police(extract_text: Any, text: str) -> None:
    found = events_of(extract_text(text, published="2002-03-01"), "COERCE")
    assert found and found[0]["actor"]["kind"] == "police"


@pytest.mark.parametrize(
    "text",
    [
        "when the police arrived, the crowd asked them to go away.",
        "Police reached the spot and dispersed the mob.",
        "policemen rushed to the area after the clash.",
    ],
)
def test_a_force_reaching_the_scene_is_a_deployment(extract_text: Any, text: str) -> None:
    record = extract_text(text, published="2002-03-01")
    assert [e for e in _police_events(record) if e["type"] == "MOBILIZE"]


@pytest.mark.parametrize(
    "text",
    [
        "the minister arrived in ahmedabad on friday.",
        "The train reached the station late.",
        "the police reached a conclusion after the inquiry.",
    ],
)
def test_others_arriving_or_reaching_a_conclusion_is_no_deployment(extract_text: Any, text: str) -> None:
    assert not events_of(extract_text(text, published="2002-03-01"), "MOBILIZE")


@pytest.mark.parametrize(
    ("mention", "kind"),
    [
        ("psi t k gondaliya", "police"),
        ("inspector j s rana", "police"),
        ("constable ramesh singh", "police"),
        ("the sho", "police"),
        ("food inspector ram lal", None),
        ("inspector of schools", None),
        ("the inspector", None),
    ],
)
def test_a_police_rank_before_a_name_is_the_police(mention: str, kind: str | None) -> None:
    from polemos.resolve.actors import get_dictionary

    assert get_dictionary().resolve(mention, 0, len(mention)).kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "The FSA said it would not abide by the truce unless the army pulls out of the town.",
        "the rebels said they would not respect the truce unless the troops pull out of the city.",
    ],
)
def test_a_force_s_act_in_an_ultimatum_s_condition_stays_no_event(extract_text: Any, text: str) -> None:
    assert not events_of(extract_text(text, published="2016-05-23"), "RETREAT")
