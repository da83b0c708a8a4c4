"""Police and security forces: crowd control, firing, killings in police firing, arrests and
detentions, in lower-case and mixed-case reports (as Indian papers print them), with the force as
the doer wherever the text names it, and a null doer where it does not."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import actor, by_trigger, events_of, only_event, target

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("sentence", "trigger", "doer"),
    [
        ("police burst tear-gas shells to disperse the mob.", "burst", "police"),
        ("The police lobbed teargas shells at the crowd.", "lobbed", "The police"),
        ("Policemen fired tear gas at the stone-pelting youths.", "fired", "Policemen"),
        ("the police lathi-charged the mob near the station.", "lathi-charged", "police"),
        ("Cops lathicharged the students outside the college.", "lathicharged", "Cops"),
        ("riot police baton-charged the crowd in the square.", "baton-charged", "riot police"),
        ("police fired in the air to disperse the crowd.", "fired", "police"),
        ("the crpf jawans fired ten rounds in the air.", "fired", "the crpf jawans"),
        (
            "The constables opened fire in the air when the mob turned violent.",
            "opened fire",
            "The constables",
        ),
        ("The police used water cannon against the protesters.", "used", "The police"),
        ("Security forces fired rubber bullets at the demonstrators.", "fired", "Security forces"),
    ],
)
def test_crowd_control(extract_text: Any, sentence: str, trigger: str, doer: str) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert (event["type"], event["mode"], actor(event)) == ("ASSAULT", "crowd-control", doer)


def test_a_chemical_weapon_is_no_crowd_control(extract_text: Any) -> None:
    record = extract_text("The militants used mustard gas against an army unit.")
    assert all(e["mode"] != "crowd-control" for e in record["events"])


@pytest.mark.parametrize(
    ("sentence", "trigger", "doer", "done_to"),
    [
        ("police opened fire on the rioters.", "opened fire", "police", "the rioters"),
        ("The soldiers opened fire on the convoy.", "opened fire", "The soldiers", "the convoy"),
        ("the police had to resort to firing after the mob turned violent.", "firing", "the police", None),
        ("police fired over 50 rounds at the mob.", "fired", "police", None),
    ],
)
def test_firing(extract_text: Any, sentence: str, trigger: str, doer: str, done_to: str | None) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert (event["type"], event["mode"], actor(event)) == ("ASSAULT", "firearms", doer)
    if done_to is not None:
        assert target(event) == done_to  # never the word "fire" of the trigger itself


def test_artillery_rounds_stay_heavy_weapons(extract_text: Any) -> None:
    event = by_trigger(extract_text("The army fired artillery rounds at the village."), "fired")
    assert event["mode"] == "heavy-weapons"


@pytest.mark.parametrize(
    "sentence",
    [
        "The company fired its chief executive on Monday.",
        "The recruits trained at a firing range outside the city.",
    ],
)
def test_firing_that_is_no_attack(extract_text: Any, sentence: str) -> None:
    assert events_of(extract_text(sentence), "ASSAULT") == []


@pytest.mark.parametrize(
    ("sentence", "trigger", "doer", "killed"),
    [
        ("two persons were killed in police firing in the old city on friday.", "killed", "police", 2),
        ("One person was killed by police firing near the market.", "killed", "police", 1),
        ("three youths were killed in a police lathi-charge.", "killed", "police", 3),
        ("some 41 people were killed in 500 rounds of firing by the police.", "killed", "the police", 41),
        ("two people, including a woman, being killed in police firing, the city remained tense.", "killed",
         "police", 2),
        ("the 23 people killed in the police firing were buried on sunday.", "killed", "police", 23),
    ],
)  # fmt: skip
def test_killed_in_police_firing(
    extract_text: Any, sentence: str, trigger: str, doer: str, killed: int
) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert (event["type"], actor(event), event["counts"]["killed"]["best"]) == ("ASSAULT", doer, killed)


def test_injured_in_a_lathi_charge_by_the_police(extract_text: Any) -> None:
    event = by_trigger(extract_text("three were injured in a lathi-charge by the police."), "injured")
    assert (actor(event), event["mode"]) == ("the police", "crowd-control")


def test_died_in_police_firing_is_the_firing_of_the_police(extract_text: Any) -> None:
    event = only_event(extract_text("two persons died in police firing in the town."), "ASSAULT")
    assert (event["trigger"]["text"], actor(event), event["counts"]["killed"]["best"]) == (
        "firing",
        "police",
        2,
    )


@pytest.mark.parametrize(
    ("sentence", "low", "best"),
    [
        ("a youth died in police firing in the old city.", 1, 1),
        ("more members of the minority community died in the police firing.", 2, None),
        ("most of the people who died due to police firing were from the old city.", 2, None),
        ("of the 100 that succumbed to the police firing, 60 were from the villages.", 100, 100),
    ],
)
def test_a_death_in_police_firing_with_no_figure_is_at_least_one(
    extract_text: Any, sentence: str, low: int, best: int | None
) -> None:
    event = by_trigger(extract_text(sentence), "firing")
    assert (actor(event), event["counts"]["killed"]["low"], event["counts"]["killed"]["best"]) == (
        "police",
        low,
        best,
    )


def test_police_firing_with_no_death_has_no_toll(extract_text: Any) -> None:
    event = by_trigger(extract_text("the police firing in the town left the crowd angry."), "firing")
    assert event["counts"].get("killed") is None


def test_who_was_killed_names_no_doer(extract_text: Any) -> None:
    event = by_trigger(extract_text("a man who was firing at the police was killed."), "killed")
    assert actor(event) is None


@pytest.mark.parametrize(
    ("sentence", "trigger", "doer", "done_to"),
    [
        (
            "police rounded up 2,537 persons for violating the curfew.",
            "rounded up",
            "police",
            "2,537 persons",
        ),
        ("the cops nabbed three suspects from the bus stand.", "nabbed", "the cops", "three suspects"),
        ("the cops picked up three youths from the area.", "picked up", "the cops", "three youths"),
        (
            "The state police is holding two suspects in the case.",
            "holding",
            "The state police",
            "two suspects",
        ),
        (
            "dharwad: police arrested over 50 bjp workers on thursday.",
            "arrested",
            "police",
            "over 50 bjp workers",
        ),
        ("the srp detained 20 persons near the mosque.", "detained", "the srp", "20 persons"),
    ],
)
def test_arrests(extract_text: Any, sentence: str, trigger: str, doer: str, done_to: str) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert (event["type"], event["mode"], actor(event), target(event)) == ("COERCE", "arrest", doer, done_to)


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("several youths were taken into custody.", "taken into custody"),
        ("Six more activists were taken into police custody.", "taken into police custody"),
        ("bilal was booked under the arms act.", "booked"),
        ("ten persons were arrested in the area.", "arrested"),
    ],
)
def test_passive_arrests_without_a_named_doer_keep_it_null(
    extract_text: Any, sentence: str, trigger: str
) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert (event["type"], event["mode"], event["actor"]) == ("COERCE", "arrest", None)


@pytest.mark.parametrize(
    ("sentence", "doer"),
    [
        (
            "the police fired in the air and over 100 persons were arrested in combing operations.",
            "the police",
        ),
        ("over 50 persons were arrested for possessing weapons, police said.", "police"),
        ("in all, 51 persons were arrested in this case, said railway police sources.", "police"),
        ("according to police, 20 persons were detained in the raids.", "police"),
        ("12 tear-gas shells were lobbed during the police action.", "police"),
    ],
)
def test_passive_policing_takes_the_force_the_sentence_names(
    extract_text: Any, sentence: str, doer: str
) -> None:
    record = extract_text(sentence)
    event = next(e for e in record["events"] if e["mode"] in ("arrest", "crowd-control"))
    assert actor(event) == doer
    start, end = event["actor"]["start"], event["actor"]["end"]
    assert sentence[start:end] == doer


def test_a_police_station_is_no_doer(extract_text: Any) -> None:
    event = by_trigger(extract_text("four men were arrested from the police station area."), "arrested")
    assert event["actor"] is None


def test_a_later_passive_arrest_takes_the_force_told_arresting_before(extract_text: Any) -> None:
    text = (
        "police arrested about 50 activists near the railway station. "
        "the day passed off peacefully. "
        "six more activists were arrested at maidagin while proceeding towards the party office."
    )
    record = extract_text(text)
    later = next(e for e in record["events"] if e["evidence"]["start"] >= text.index("six more"))
    assert (later["mode"], later["actor"]["text"], later["actor"]["start"]) == ("arrest", "police", 0)


@pytest.mark.parametrize(
    ("text", "later", "doer"),
    [
        (
            "the police said the situation was tense. in the old city, about 200 demonstrators were "
            "arrested.",
            "about 200",
            "the police",
        ),
        (
            "Over 150 party workers were arrested from three areas. A police spokesman said the arrests were "
            "preventive.",
            "Over 150",
            "police",
        ),
        (
            "the crpf was deployed in the town on monday. preventive arrests have been made.",
            "preventive",
            "the crpf",
        ),
        (
            "Cops patrolled the lanes all night. Six activists were taken into custody in the morning.",
            "Six",
            "Cops",
        ),
        (
            "additional forces were deployed in the city. 40 youths were detained, the police commissioner "
            "said.",
            "40 youths",
            "police",
        ),
        (
            "the army staged a flag march. the police said 12 men were rounded up overnight.",
            "12 men",
            "the police",
        ),
    ],
)
def test_an_arrest_with_no_doer_takes_the_force_the_article_names(
    extract_text: Any, text: str, later: str, doer: str
) -> None:
    record = extract_text(text)
    event = next(
        e
        for e in record["events"]
        if e["mode"] == "arrest" and e["evidence"]["start"] <= text.index(later) < e["evidence"]["end"]
    )
    start, end = event["actor"]["start"], event["actor"]["end"]
    assert text[start:end] == doer
    # a doer from another sentence is said to be inferred, not passed off as stated; the force of
    # the act's own sentence ("the police said 12 men were rounded up") is its reading
    elsewhere = text.rfind(". ", 0, start) != text.rfind(". ", 0, text.index(later))
    assert event["actor"]["attribution"] == ("inferred" if elsewhere else None)


@pytest.mark.parametrize(
    "text",
    [
        "police arrested 50 workers in the old city.",
        "50 workers were arrested by the police in the old city.",
        "the police said they arrested 50 workers.",
    ],
)
def test_an_arrest_whose_words_name_the_police_is_not_inferred(extract_text: Any, text: str) -> None:
    event = next(e for e in extract_text(text)["events"] if e["mode"] == "arrest")
    assert actor(event) is not None and event["actor"].get("attribution") is None


@pytest.mark.parametrize(
    "text",
    [
        "ten people were arrested in the town. the police station was set on fire.",
        "the rebels were arrested in the town after the clashes.",
    ],
)
def test_an_article_naming_no_force_leaves_the_arrest_without_doer(extract_text: Any, text: str) -> None:
    event = next(e for e in extract_text(text)["events"] if e["mode"] == "arrest")
    assert event["actor"] is None


def test_remanded_in_police_custody(extract_text: Any) -> None:
    event = by_trigger(extract_text("he was remanded in police custody till april 1."), "police custody")
    assert (event["type"], event["mode"], actor(event)) == ("COERCE", "arrest", "police")


@pytest.mark.parametrize(
    "sentence",
    [
        "She picked up the phone and called her brother.",
        "The police held a meeting with community leaders.",
        "He apprehended that the situation could turn violent.",
        "The couple booked a flight to Delhi.",
    ],
)
def test_no_arrest(extract_text: Any, sentence: str) -> None:
    assert [e for e in extract_text(sentence)["events"] if e["mode"] == "arrest"] == []


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        ("police raided the hideouts in the old city.", "COERCE"),
        ("a police raid on the hideout yielded weapons.", "COERCE"),
        ("Troops raided the village at dawn.", "ASSAULT"),
    ],
)
def test_a_police_raid_is_a_search(extract_text: Any, sentence: str, type_: str) -> None:
    assert [e["type"] for e in extract_text(sentence)["events"] if "raid" in e["trigger"]["text"]] == [type_]


def test_criticised_for_opening_fire_tells_the_firing(extract_text: Any) -> None:
    record = extract_text("the party criticised the police for opening fire on the crowd.")
    firing = only_event(record, "ASSAULT")
    assert (actor(firing), target(firing)) == ("the police", "the crowd")
    assert only_event(record, "ACCUSE")["actor"]["text"] == "the party"


def test_accused_of_firing_stays_one_accusation(extract_text: Any) -> None:
    record = extract_text("the party accused the police of opening fire on the crowd.")
    assert events_of(record, "ASSAULT") == []


@pytest.mark.parametrize(
    ("sentence", "trigger", "doer"),
    [
        ("The rebels forced the army to retreat from the town.", "retreat", "the army"),
        ("The clashes prompted the troops to withdraw from the border.", "withdraw", "the troops"),
    ],
)
def test_an_infinitive_is_done_by_the_object_that_controls_it(
    extract_text: Any, sentence: str, trigger: str, doer: str
) -> None:
    assert actor(by_trigger(extract_text(sentence), trigger)) == doer


def test_a_purpose_infinitive_keeps_the_subject(extract_text: Any) -> None:
    text = "The students organised rallies and walkouts to call on the university to protect migrants."
    assert actor(by_trigger(extract_text(text), "call on")) == "The students"


# ---------------------------------------------------------------- words, not blows (issue 12, point 5)


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        (
            "Speaking to reporters, the leader made a direct attack on the prime minister for the violence.",
            "attack",
        ),
        ("The opposition attacked the government's policy on Sunday.", "attacked"),
        ("The opposition leader attacked the government over the riots.", "attacked"),
        ("In a scathing attack, the groups said the government had failed farmers.", "attack"),
        ("The former minister hit out at the government.", "hit out at"),
        ("The party lashed out at the chief minister for his silence.", "lashed out at"),
    ],
)
def test_a_verbal_attack_is_criticism(extract_text: Any, sentence: str, trigger: str) -> None:
    record = extract_text(sentence)
    assert by_trigger(record, trigger)["type"] == "ACCUSE"
    assert events_of(record, "ASSAULT") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "A mob attacked a youth for refusing to pay.",
        "Militants attacked the village for the second time this week.",
        "Militants attacked the minister's convoy near Kabul.",
        "He was attacked for wearing a cap.",
        "An airstrike hit a market in Aleppo.",
        "A rocket strike hit the police station.",
    ],
)
def test_blows_stay_assaults(extract_text: Any, sentence: str) -> None:
    assert events_of(extract_text(sentence), "ASSAULT")


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("The US hits 13 Venezuelans with sanctions.", "hits"),
        ("Seven officials were hit with sanctions on Monday.", "hit"),
        ("The EU targeted Russian banks with fresh sanctions.", "targeted"),
        ("Seven officials targeted by the administration's sanctions include a minister.", "targeted"),
        ("The officials were targeted by US sanctions last year.", "targeted"),
        ("The administration targeted Venezuelan officials in a new round of sanctions.", "targeted"),
        ("The sanctions target seven officials close to the president.", "target"),
        ("The Treasury targeted 13 Venezuelan officials on Monday.", "targeted"),
    ],
)
def test_hit_with_sanctions_is_a_sanction(extract_text: Any, sentence: str, trigger: str) -> None:
    record = extract_text(sentence)
    assert by_trigger(record, trigger)["type"] == "SANCTION"
    assert events_of(record, "ASSAULT") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen targeted a police checkpoint in Kabul on Monday.",
        "Insurgents targeted the convoy with a roadside bomb.",
        "Police targeted protesters who defied the ban on rallies.",
        "The drone strike targeted a militant commander under the cover of darkness.",
    ],
)
def test_targeted_without_a_penalty_stays_an_assault(extract_text: Any, sentence: str) -> None:
    assert events_of(extract_text(sentence), "ASSAULT")


@pytest.mark.parametrize(
    "sentence",
    [
        "Relief was sent to the riot-hit areas of the state.",
        "The minister toured violence hit areas on Friday.",
        "The war-torn country needs help.",
        "Normal life has been badly hit by the bandh.",
        "Any prolonged disruption would hit export orders.",
        "The price hike would hit the common man.",
        "Prices hit a record high on Monday.",
    ],
)
def test_figurative_hits_are_no_events(extract_text: Any, sentence: str) -> None:
    record = extract_text(sentence)
    assert [e for e in record["events"] if e["type"] in ("ASSAULT", "PROTEST")] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Transport workers began a day-long strike in the capital.",
        "The unions called a general strike on Monday.",
        "He began an indefinite hunger-strike outside the office.",
    ],
)
def test_a_walkout_is_a_protest(extract_text: Any, sentence: str) -> None:
    record = extract_text(sentence)
    assert events_of(record, "ASSAULT") == [] and events_of(record, "PROTEST")


@pytest.mark.parametrize(
    ("sentence", "trigger", "doer", "done_to"),
    [
        ("one person was shot dead by police in the old city.", "shot dead", "police", "one person"),
        ("police shot dead two rioters near the bridge.", "shot dead", "police", "two rioters"),
        ("a youth was beaten to death by the mob.", "beaten to death", "the mob", "a youth"),
        ("four persons were burnt alive in the village.", "burnt alive", None, "four persons"),
    ],
)
def test_killings_told_with_their_result(
    extract_text: Any, sentence: str, trigger: str, doer: str | None, done_to: str
) -> None:
    event = by_trigger(extract_text(sentence), trigger)
    assert (event["type"], actor(event), target(event)) == ("ASSAULT", doer, done_to)
    assert event["mode"] != "destroy"  # people burnt alive are killed, not property destroyed


@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        (
            "ahmedabad: in a major breakthrough, police on sunday arrested the main accused.",
            "arrested",
            "police",
        ),
        ("new delhi: the crpf on monday detained six youths.", "detained", "the crpf"),
        ("Kolkata: Cops arrested two men near the market on Friday.", "arrested", "Cops"),
    ],
)
def test_a_lower_case_dateline_is_no_doer_and_no_evidence(
    extract_text: Any, text: str, trigger: str, doer: str
) -> None:
    event = by_trigger(extract_text(text), trigger)
    start = text.index(":") + 2
    assert (actor(event), event["evidence"]["start"]) == (doer, start)
    assert event["evidence"]["text"] == text[start : event["evidence"]["end"]]
