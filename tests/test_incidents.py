"""Incident assembly: the sentences of an article that tell one incident are one event; distinct
incidents, reactions to them and sums of many stay apart (extraction/incidents.py, reactions.py,
generic.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from conftest import actor, events_of, only_event

from polemos.extraction.incidents import counts_link, dates_meet, places_link
from polemos.types import Count, PlaceRef, TimeRef

# ---- the judgement's parts, on hand-made records (no model) ----------------------------------------


def _place(name: str, gid: int, feature: str, admin1: str, cc: str = "SY") -> PlaceRef:
    return PlaceRef(name, 0, len(name), name=name, geonameid=gid, country=cc, admin1=admin1, feature=feature)


def test_two_towns_of_one_province_are_two_places() -> None:
    idlib_town = _place("Maarat al-Numan", 1, "city", "Idlib")
    saraqib = _place("Saraqib", 2, "city", "Idlib")
    province = _place("Idlib", 3, "admin1", "Idlib")
    assert places_link([idlib_town], [saraqib]) is None
    assert places_link([province], [saraqib]) == 1
    assert places_link([saraqib], [saraqib]) == 1
    assert places_link([saraqib], [_place("Mosul", 4, "city", "Nineveh", "IQ")]) is None


def test_an_unresolved_name_neither_links_nor_contradicts() -> None:
    hotel = PlaceRef("the Hayat Hotel", 0, 15)
    assert places_link([_place("Mogadishu", 5, "city", "Banaadir", "SO")], [hotel]) == 0


def _count(best: int, high: int | None, text: str) -> Count:
    return Count(best, best, high, text, 0, len(text))


@pytest.mark.parametrize(
    ("a", "b", "update", "expected"),
    [
        (_count(31, 31, "31"), _count(31, 31, "31"), False, 1),
        (_count(37, 37, "37"), _count(42, 42, "42"), False, 0),  # two sources' close figures
        (_count(20, 20, "20"), _count(31, 31, "31"), True, 0),  # "the toll has risen to 31"
        (_count(20, None, "at least 20"), _count(31, 31, "31"), False, 0),  # an open figure
        (_count(2, 2, "two"), _count(31, 31, "31"), False, None),  # another incident's toll
    ],
)
def test_figures_of_one_incident(a: Count, b: Count, update: bool, expected: int | None) -> None:
    assert counts_link(a, b, update=update) == expected


def _day(d: date, precision: str = "day") -> TimeRef:
    return TimeRef("x", 0, 1, d.isoformat(), d, d, precision)


def test_an_undated_incident_stands_at_the_publication_week() -> None:
    published = date(2018, 4, 22)
    assert dates_meet(None, _day(date(2018, 4, 22)), published)
    assert dates_meet(None, _day(date(2018, 4, 17)), published)
    assert not dates_meet(None, _day(date(2018, 1, 1), "month"), published)  # "in January … 95 killed"
    assert not dates_meet(_day(date(2018, 4, 22)), _day(date(2018, 4, 12)), published)


# ---- whole articles, with the model ---------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    "update",
    [
        "Later on Thursday, the state government said the death toll had risen to 42.",
        "The toll climbed to 42 overnight, a hospital official said.",
        "The number of dead rose to 42 by the evening, police said.",
    ],
)
def test_a_toll_update_joins_the_incident_with_both_figures(extract_text: Any, update: str) -> None:
    text = (
        "Gunmen kill 37 in northeast Nigeria village\n"
        "Gunmen killed at least 37 people in an overnight raid on a village near Gwoza in Borno state, "
        "residents said on Thursday.\n" + update + "\n"
    )
    event = only_event(extract_text(text, published="2020-01-09"), "ASSAULT")
    killed = event["counts"]["killed"]
    assert (killed["low"], killed["best"], killed["high"]) == (37, 42, 42)
    assert {c["best"] for c in killed["claims"]} == {37, 42}
    assert any(c["update"] for c in killed["claims"])
    assert any("42" in m["text"] for m in event["mentions"])
    for c in killed["claims"]:
        assert text[c["start"] : c["end"]] == c["text"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "later",
    [
        "The attack was carried out by two men on motorcycles, a witness said.",
        "Saturday's bombing was the deadliest in the city this year.",
        "The blast shattered windows across the street.",
        "The Islamic State group claimed responsibility for the attack in a statement.",
    ],
)
def test_a_sentence_that_refers_back_is_a_mention(extract_text: Any, later: str) -> None:
    text = (
        "Bomb kills 12 at market in Baghdad\n"
        "A car bomb exploded at a crowded market in Baghdad on Saturday, killing 12 people, police "
        "said.\n" + later + "\n"
    )
    event = only_event(extract_text(text, published="2016-07-03"), "ASSAULT")
    assert event["evidence"]["text"].startswith("A car bomb exploded")
    later_mention = [m for m in event["mentions"] if m["text"] == later]
    assert later_mention and later_mention[0]["reasons"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "later",
    [
        "Two days later, the death toll rose to 35.",
        "The next day, officials said the death toll had risen to 35.",
    ],
)
def test_a_later_death_or_toll_is_the_same_incident(extract_text: Any, later: str) -> None:
    text = (
        "Suicide bomber kills 31 at Kabul rally\n"
        "A suicide bomber blew himself up at an election rally in Kabul on Sunday, killing at least 31 "
        "people, officials said.\n" + later + "\n"
    )
    assaults = events_of(extract_text(text, published="2018-04-22"), "ASSAULT")
    assert len(assaults) == 1, [e["evidence"]["text"] for e in assaults]


@pytest.mark.slow
@pytest.mark.parametrize(
    "other",
    [
        "In a separate attack on Sunday, gunmen killed two police officers in Kunduz province.",
        "In another incident, a roadside bomb killed two soldiers in Kandahar.",
        "In January, a truck bomb killed 95 people near a police checkpoint in the city.",
        "Elsewhere, militants attacked a checkpoint in Helmand, killing three policemen.",
        "Days later, one of the bombers was killed in a gun battle with police in Kabul.",
        "Two weeks later, gunmen opened fire on a convoy in Kabul.",
        "The next day, police shot dead a suspect in Kabul.",
    ],
)
def test_another_incident_stays_apart(extract_text: Any, other: str) -> None:
    text = (
        "Suicide bomber kills 31 at Kabul rally\n"
        "A suicide bomber blew himself up at an election rally in Kabul on Sunday, killing at least 31 "
        "people, officials said.\n" + other + "\n"
    )
    assaults = events_of(extract_text(text, published="2018-04-22"), "ASSAULT")
    assert len(assaults) == 2, [e["evidence"]["text"] for e in assaults]


@pytest.mark.slow
@pytest.mark.parametrize(
    "later",
    [
        "Police lathi-charged a crowd that had gathered outside a temple, injuring five people.",
        "Police burst tear-gas shells at stone-pelting youths, injuring three of them.",
        "Policemen fired rubber bullets at a mob that was looting shops, wounding four people.",
    ],
)
def test_the_state_s_forces_in_two_sentences_are_not_one_incident(extract_text: Any, later: str) -> None:
    """Police and soldiers take part in most incidents of a riot report: the same force alone does
    not make two of its actions one incident (lower case too, as the Indian wires print it)."""
    text = (
        "Curfew after clashes\n"
        "Two persons were killed when police opened fire on a mob in Ahmedabad, Gujarat on Tuesday.\n"
        + later
        + "\n"
    )
    for t in (text, text.lower()):
        found = events_of(extract_text(t, published="2002-03-06"), "ASSAULT")
        assert len(found) == 2, [e["evidence"]["text"] for e in found]


@pytest.mark.slow
def test_a_restatement_by_the_same_force_still_joins_its_incident(extract_text: Any) -> None:
    text = (
        "Police fire kills two in Godhra\n"
        "Two persons were killed when police opened fire on a mob in Godhra on Tuesday.\n"
        "The firing in Godhra came after the mob torched a bus, officials said.\n"
    )
    found = events_of(extract_text(text, published="2002-03-06"), "ASSAULT")
    police = [e for e in found if "police" in (actor(e) or "").lower()]
    assert len(police) == 1, [e["evidence"]["text"] for e in found]
    assert any("The firing in Godhra" in m["text"] for m in police[0]["mentions"])
    # what the mob did before the police fired is its own deed, not the firing told again
    assert [actor(e) for e in found if e is not police[0]] == ["the mob"]


@pytest.mark.slow
def test_a_bare_mention_in_a_round_up_of_several_incidents_stays_apart(extract_text: Any) -> None:
    text = (
        "Violence across the province\n"
        "Gunmen killed four farmers in the village of Kwatandashi near Gwoza on Monday.\n"
        "Separately, insurgents attacked an army post in Bama, killing two soldiers.\n"
        "Witnesses said the attackers opened fire on passers-by.\n"
    )
    assaults = events_of(extract_text(text, published="2020-01-08"), "ASSAULT")
    assert len(assaults) == 3


@pytest.mark.slow
def test_the_evidence_is_the_sentence_that_tells_most(extract_text: Any) -> None:
    text = (
        "Blast in Mogadishu\n"
        "There was an explosion, a witness said.\n"
        "A car bomb exploded outside a hotel in Mogadishu on Friday, killing 21 people, officials said.\n"
    )
    event = only_event(extract_text(text, published="2022-08-20"), "ASSAULT")
    assert event["evidence"]["text"].startswith("A car bomb exploded")
    assert event["id"] == f"ev{event['trigger']['start']}"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("President Ashraf Ghani condemned the bombing.", "President Ashraf Ghani"),
        (
            "The National Unity Government called the attack a heinous war crime.",
            "The National Unity Government",
        ),
        ("The governor termed the bombings cowardly.", "The governor"),
        ("The foreign ministry described the strike as a massacre.", "The foreign ministry"),
    ],
)
def test_a_verdict_on_an_attack_is_an_accusation_not_an_attack(
    extract_text: Any, sentence: str, actor: str
) -> None:
    record = extract_text(sentence)
    assert events_of(record, "ASSAULT") == []
    assert only_event(record, "ACCUSE")["actor"]["text"] == actor


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "The UN rights chief said he was horrified by the airstrike.",
        "The mayor said the city was deeply saddened by the heinous attacks.",
        "The embassy expressed its condolences over the bombing.",
        "Residents were shocked by the killings.",
    ],
)
def test_feelings_about_an_attack_are_no_event(extract_text: Any, sentence: str) -> None:
    record = extract_text(sentence)
    assert events_of(record, "ASSAULT") == [], [e["trigger"]["text"] for e in record["events"]]


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Boko Haram has killed more than 30,000 people since its insurgency began in 2009.",
        "Since seizing power in February 2021, the army has killed more than 3,000 civilians.",
        "The region is regularly targeted by attacks of jihadist groups.",
        "France is jittery over a spate of attacks in recent years.",
        "Kidnappings are commonplace in the province.",
        "The republic has seen numerous bombings targeted at the army.",
    ],
)
def test_sums_and_habits_are_no_event(extract_text: Any, sentence: str) -> None:
    record = extract_text(sentence)
    assert events_of(record, "ASSAULT") == [], [e["trigger"]["text"] for e in record["events"]]


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Clashes since Monday have killed at least 40 people in the city.",
        "The army has killed 12 insurgents in an operation near Bama.",
    ],
)
def test_an_episode_told_in_the_perfect_is_still_an_event(extract_text: Any, sentence: str) -> None:
    assert events_of(extract_text(sentence), "ASSAULT")


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Militants stormed a hotel in Mogadishu after two car bombs exploded outside, killing 21 people.",
        "Gunmen opened fire on the crowd after a grenade exploded near the gate.",
    ],
)
def test_a_weapon_in_its_own_clause_is_the_same_event(extract_text: Any, sentence: str) -> None:
    assert len(events_of(extract_text(sentence), "ASSAULT")) == 1


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "The groups clashed near the temple before the police burst tear-gas shells.",
        "The mob hurled stones at the station, forcing the police to open fire.",
    ],
)
def test_a_clause_with_its_own_doer_is_its_own_event(extract_text: Any, sentence: str) -> None:
    doers = {(e["actor"] or {}).get("text") for e in extract_text(sentence)["events"]}
    assert len(doers - {None}) == 2, doers


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "It was the deadliest attack since Russia invaded Ukraine nearly a year ago.",
        "Fighting has displaced thousands since rebels seized the town in 2019.",
    ],
)
def test_the_start_of_an_era_is_no_event(extract_text: Any, sentence: str) -> None:
    triggers = [e["trigger"]["text"] for e in extract_text(sentence)["events"]]
    assert "invaded" not in triggers and "seized" not in triggers


@pytest.mark.slow
@pytest.mark.parametrize(
    ("headline", "figure"),
    [
        ("More human losses raise to 28, the number of those who were killed in the blast in Idlib", 28),
        ("The death toll escalates raising to 9, the number of casualties of the Idlib bombing", 9),
        ("Toll in Mogadishu truck bomb climbs to 300", 300),
        ("Death toll in Quetta bombing climbs to 25", 25),
        ("The number of people killed in the Quetta blast has risen to 25", 25),
        ("The number of those who died in the Kano attack reached 19", 19),
        ("Civilian losses in the shelling of Donetsk rose to 12", 12),
    ],
)
def test_a_toll_headline_gives_the_killed_figure(extract_text: Any, headline: str, figure: int) -> None:
    record = extract_text(headline + "\n", published="2018-05-13")
    killed = [e["counts"]["killed"] for e in events_of(record, "ASSAULT") if e["counts"].get("killed")]
    assert killed and all(k["best"] == figure for k in killed), record["events"]
    for k in killed:
        assert headline[k["start"] : k["end"]] == k["text"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "headline",
    [
        "The number of people arrested rose to 40",
        "The number of displaced people climbs to 3,000",
        "Toll road in Lagos closed after protest",
    ],
)
def test_a_count_of_others_than_the_dead_is_no_toll(extract_text: Any, headline: str) -> None:
    record = extract_text(headline + "\n", published="2018-05-13")
    assert not [e for e in events_of(record) if (e["counts"].get("killed") or {}).get("best")]


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "More human losses raise to 28, the number of those who were killed in the blast in Idlib city",
        "Human losses rise to 12, the number of people killed in the shelling of Douma",
        "Human losses climbed to 7, the number of those who died in the bombing of a market in Homs",
    ],
)
def test_a_toll_noun_and_the_killing_it_counts_are_one_event(extract_text: Any, sentence: str) -> None:
    assaults = events_of(extract_text(sentence + "\n", published="2018-05-13"), "ASSAULT")
    assert len(assaults) == 1, [e["trigger"]["text"] for e in assaults]
