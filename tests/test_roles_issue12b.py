"""More constructions of issue 12 on hand-made sentences: a participle standing as a noun for people
("the accused", "the injured"), a split arrest phrase hung on its object, and the subject of a verb
reached from an infinitive of a passive ("the troops were sent to patrol")."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import actor, events_of, target

pytestmark = pytest.mark.slow


def _token(doc: Any, word: str) -> Any:
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("sentence", "verb", "doer"),
    [
        ("The troops were sent to patrol the border.", "patrol", "troops"),
        ("Soldiers were deployed to guard the embassy.", "guard", "Soldiers"),
        ("The officers were ordered to disperse the crowd.", "disperse", "officers"),
        ("Two battalions were sent by the ministry to secure the town.", "secure", "battalions"),
    ],
)
def test_roles_the_one_sent_does_what_the_infinitive_says(
    nlp: Any, sentence: str, verb: str, doer: str
) -> None:
    from polemos.extraction.roles import subject_of

    found = subject_of(_token(nlp(sentence), verb))
    assert found is not None and found.text == doer


@pytest.mark.parametrize(
    ("sentence", "verb", "doer"),
    [
        ("The troops were sent to patrol the border.", "sent", None),
        ("Soldiers were deployed to guard the embassy.", "deployed", None),
        ("The officers were ordered to disperse the crowd.", "ordered", None),
        ("Two battalions were sent by the ministry to secure the town.", "sent", "ministry"),
    ],
)
def test_roles_a_passive_subject_is_not_the_doer_of_its_verb(
    nlp: Any, sentence: str, verb: str, doer: str | None
) -> None:
    from polemos.extraction.roles import subject_of

    found = subject_of(_token(nlp(sentence), verb))
    assert (found.text if found is not None else None) == doer


@pytest.mark.parametrize(
    ("sentence", "doer", "held"),
    [
        ("Police placed the accused under arrest.", "Police", "the accused"),
        ("police placed the accused under arrest on sunday.", "police", "the accused"),
        ("Officers put the accused under arrest after questioning.", "Officers", "the accused"),
        ("The army placed Ali under arrest.", "The army", "Ali"),
    ],
)
def test_roles_the_accused_placed_under_arrest_is_an_arrest(
    extract_text: Any, sentence: str, doer: str, held: str
) -> None:
    record = extract_text(sentence)
    assert events_of(record, "ACCUSE") == []
    events = events_of(record, "COERCE")
    assert [(e["mode"], actor(e), target(e)) for e in events] == [("arrest", doer, held)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The injured were shifted to hospital by the police.",
        "the injured were rushed to the civil hospital.",
        "The wounded were taken to a hospital in Kabul.",
        "Police questioned the accused for three hours.",
    ],
)
def test_roles_a_participle_standing_for_people_is_no_event(extract_text: Any, sentence: str) -> None:
    record = extract_text(sentence)
    assert [e["type"] for e in record["events"] if e["type"] in ("ASSAULT", "ACCUSE")] == []


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("Militants killed 5 people and injured 20.", 5, 20),
        ("The injured man was shot by police.", None, None),
    ],
)
def test_roles_participles_that_are_verbs_stay_events(
    extract_text: Any, sentence: str, killed: int | None, injured: int | None
) -> None:
    (attack,) = events_of(extract_text(sentence), "ASSAULT")
    got = {k: (attack["counts"][k] or {}).get("best") for k in ("killed", "injured")}
    assert got == {"killed": killed, "injured": injured}


def _best(event: dict[str, Any], kind: str) -> int | None:
    count = event["counts"][kind]
    return count["best"] if count else None


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("The attack left 9 people dead.", 9, None),
        ("The explosion left 14 civilians dead in the market.", 14, None),
        ("Militants attacked the village, leaving 12 dead.", 12, None),
        ("The blast left at least 5 soldiers wounded.", None, 5),
        ("The bombing left 30 people injured.", None, 30),
        ("The shelling killed two children, leaving 15 people wounded.", 2, 15),
    ],
)
def test_counts_what_a_deed_left_them_is_the_toll(
    extract_text: Any, sentence: str, killed: int | None, injured: int | None
) -> None:
    (attack,) = events_of(extract_text(sentence), "ASSAULT")
    assert (_best(attack, "killed"), _best(attack, "injured")) == (killed, injured)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Soldiers shot dead three militants.", 3),
        ("Gunmen shot dead 5 policemen in Peshawar.", 5),
        ("Police gunned down two robbers on Sunday.", 2),
        ("A mob hacked to death four villagers.", 4),
    ],
)
def test_counts_the_object_of_a_killing_phrase_is_killed(
    extract_text: Any, sentence: str, killed: int
) -> None:
    (attack,) = events_of(extract_text(sentence), "ASSAULT")
    assert (_best(attack, "killed"), _best(attack, "size")) == (killed, None)


def test_counts_a_plain_shooting_does_not_kill(extract_text: Any) -> None:
    (attack,) = events_of(extract_text("The army shot three protesters."), "ASSAULT")
    assert _best(attack, "killed") is None


@pytest.mark.parametrize(
    ("sentence", "type_", "modality"),
    [
        ("The court ordered an asset freeze.", "SANCTION", "asserted"),
        ("An asset freeze was ordered by the court on Monday.", "SANCTION", "asserted"),
        ("The governor ordered the arrest of 20 activists.", "COERCE", "asserted"),
        ("The district magistrate ordered a curfew in the town.", "COERCE", "asserted"),
        ("The commander ordered troops to attack the town.", "ASSAULT", "planned"),
        ("The government plans an asset freeze.", "SANCTION", "planned"),
    ],
)
def test_modality_a_measure_ordered_by_name_is_done(
    extract_text: Any, sentence: str, type_: str, modality: str
) -> None:
    (event,) = events_of(extract_text(sentence), type_)
    assert event["modality"] == modality


@pytest.mark.parametrize(
    "sentence",
    [
        "Rebels will attack the town on Friday, the commander warned.",
        "The commander warned that rebels will attack the town on Friday.",
        "The group threatened to attack the base on Friday.",
    ],
)
def test_dates_a_weekday_of_what_is_to_come_is_never_last_week(extract_text: Any, sentence: str) -> None:
    record = extract_text(sentence)  # published Monday 2016-05-23
    assert record["events"]
    for event in record["events"]:
        assert event["date"] is None or event["date"]["start"] >= "2016-05-23"
    assert [t["value"] for t in record["times"] if t["text"] == "Friday"] == ["2016-05-27"]


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("Rebels will attack the town on Friday.", "2016-05-27"),
        ("Rebels attacked the town on Friday, the commander said.", "2016-05-20"),
        ("Gunmen killed five people on Friday.", "2016-05-20"),
    ],
)
def test_dates_a_weekday_follows_the_tense_of_its_own_clause(
    extract_text: Any, sentence: str, day: str
) -> None:
    (attack,) = events_of(extract_text(sentence), "ASSAULT")
    assert (attack["date"]["start"], attack["date"]["precision"]) == (day, "day")


@pytest.mark.parametrize(
    ("sentence", "kind", "toll"),
    [
        ("The UN condemned the bombing of the hospital, which wounded 30 patients.", "injured", 30),
        ("The government condemned the attack on the market, which killed 12 people.", "killed", 12),
        ("Pakistan condemned the shelling of the school, which injured 40 children.", "injured", 40),
        ("The minister denounced the strike on the village that killed seven civilians.", "killed", 7),
    ],
)
def test_reactions_a_toll_clause_hung_on_what_was_hit_still_tells_the_attack(
    extract_text: Any, sentence: str, kind: str, toll: int
) -> None:
    record = extract_text(sentence)
    assert len(events_of(record, "ACCUSE")) == 1
    (attack,) = events_of(record, "ASSAULT")
    assert _best(attack, kind) == toll
    assert actor(attack) is None  # neither the hospital nor the village did it


def test_reactions_a_clause_of_no_harm_tells_no_attack(extract_text: Any) -> None:
    record = extract_text("The UN condemned the bombing of the hospital, which was built in 1990.")
    assert events_of(record, "ASSAULT") == []
