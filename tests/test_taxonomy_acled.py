"""acled_types: ACLED sub-event types from PLOVER type, mode, words and parties (no spaCy)."""

import pytest

from polemos.extraction.taxonomy import acled_types, cues, has, text_words
from polemos.types import ActorRef


def ref(text: str, kind: str | None = None) -> ActorRef:
    return ActorRef(text=text, start=0, end=len(text), kind=kind)


def sub(type_, mode, lemma, words, actor=None, target=None):
    got = acled_types(type_, mode, lemma, frozenset(words), None, None, actor, target)
    return got[1] if got else None


@pytest.mark.parametrize(
    ("mode", "lemma", "words", "want"),
    [
        ("aerial", "airstrike", {"jet", "village"}, "Air/drone strike"),
        (None, "raid", {"raid", "chopper", "army"}, "Air/drone strike"),
        (None, "attack", {"grenade", "attack", "police"}, "Grenade"),
        ("heavy-weapons", "shell", {"shell", "village"}, "Shelling/artillery/missile attack"),
        ("explosives", "explode", {"roadside", "bomb", "explode"}, "Remote explosive/landmine/IED"),
        (None, "kill", {"suicide", "bomber", "kill", "drone"}, "Suicide bomb"),
        (None, "attack", {"sarin", "attack"}, "Chemical weapon"),
        ("abduct", "kidnap", {"kidnap", "villager"}, "Abduction/forced disappearance"),
        ("sexual", "rape", {"rape", "woman"}, "Sexual violence"),
    ],
)
def test_taxonomy_instrument_and_mode_decide_the_sub_event(mode, lemma, words, want):
    assert sub("ASSAULT", mode, lemma, words) == want


def test_taxonomy_suicide_outranks_the_aircraft_in_the_sentence():
    assert sub("ASSAULT", "aerial", "strike", {"suicide", "strike"}) == "Suicide bomb"


def test_taxonomy_armed_men_on_soldiers_is_an_armed_clash():
    got = sub("ASSAULT", None, "attack", {"attack", "base"}, ref("Al-Shabab fighters"), ref("the army base"))
    assert got == "Armed clash"


def test_taxonomy_armed_men_on_villagers_is_an_attack():
    got = sub("ASSAULT", None, "kill", {"kill"}, ref("gunmen"), ref("six villagers"))
    assert got == "Attack"


def test_taxonomy_a_clash_word_makes_a_clash_whoever_is_named():
    assert sub("ASSAULT", None, "kill", {"kill", "clash"}, None, ref("dozens")) == "Armed clash"


def test_taxonomy_tear_gas_on_protesters_is_an_intervention_not_a_chemical_weapon():
    words = {"fire", "tear", "gas", "protester"}
    assert sub("ASSAULT", "crowd-control", "fire", words, ref("police")) == "Protest with intervention"


@pytest.mark.parametrize(
    ("lemma", "words"),
    [
        ("burst", {"burst", "tear", "gas", "shell", "disperse", "mob"}),
        ("lathi-charge", {"lathi-charge", "mob", "station"}),
        ("fire", {"fire", "air", "scatter", "mob"}),
    ],
)
def test_taxonomy_dispersing_a_mob_is_rioting_not_an_intervention(lemma, words):
    # ACLED's "Protest with intervention" is for a peaceful protest; a mob is a riot
    assert sub("ASSAULT", "crowd-control", lemma, words, ref("police", "police")) == "Mob violence"


def test_taxonomy_killing_protesters_is_excessive_force():
    words = {"shoot", "kill", "protester", "police"}
    assert sub("ASSAULT", "firearms", "shoot", words, ref("police"), ref("protesters")) == (
        "Excessive force against protesters"
    )


def test_taxonomy_protesters_throwing_stones_is_a_violent_demonstration():
    words = {"protester", "throw", "stone"}
    assert sub("ASSAULT", "primitive", "throw", words, ref("protesters")) == "Violent demonstration"


@pytest.mark.parametrize(
    ("mode", "words", "want"),
    [
        ("demo", {"rally", "march"}, "Peaceful protest"),
        ("riot", {"riot"}, "Violent demonstration"),
        ("obstruct", {"block", "road"}, "Violent demonstration"),
        ("demo", {"protest", "tear", "gas"}, "Protest with intervention"),
        ("demo", {"protest", "police", "kill"}, "Excessive force against protesters"),
        ("demo", {"mob", "lynch"}, "Mob violence"),
        ("hunger", {"hunger", "strike"}, None),
    ],
)
def test_taxonomy_protest_sub_events(mode, words, want):
    assert sub("PROTEST", mode, "protest", words) == want


def test_taxonomy_weapons_seized_are_disrupted_weapons_use():
    got = sub("COERCE", "seize", "seize", {"seize", "gun"}, ref("police"), ref("eight guns"))
    assert got == "Disrupted weapons use"


def test_taxonomy_a_town_taken_by_the_army_is_regained_territory():
    got = sub("COERCE", "seize", "capture", {"capture"}, ref("Syrian government forces"), ref("a town"))
    assert got == "Government regains territory"


def test_taxonomy_a_town_taken_by_rebels_is_overtaken_territory():
    got = sub("COERCE", "seize", "retake", {"retake"}, ref("opposition fighters"), ref("the town"))
    assert got == "Non-state actor overtakes territory"


def test_taxonomy_people_seized_are_arrests():
    got = sub("COERCE", "seize", "capture", {"capture"}, ref("police"), ref("seven men"))
    assert got == "Arrests"


def test_taxonomy_arresting_protesters_is_an_intervention():
    assert sub("COERCE", "arrest", "arrest", {"arrest", "demonstrator"}) == "Protest with intervention"


def test_taxonomy_a_base_set_up_is_a_headquarters_established():
    assert sub("MOBILIZE", "troops", "set", {"set", "up", "observation", "post"}) == (
        "Headquarters or base established"
    )


def test_taxonomy_troops_deployed_are_a_change_of_activity():
    assert sub("MOBILIZE", "troops", "deploy", {"deploy", "troop"}) == "Change to group/activity"


def test_taxonomy_ceasefire_and_surrender_are_agreements():
    assert sub("RETREAT", "ceasefire", "ceasefire", {"ceasefire"}) == "Agreement"
    assert sub("CONCEDE", None, "surrender", {"surrender"}) == "Agreement"


def test_taxonomy_withdrawing_from_a_city_is_a_non_violent_transfer():
    assert sub("RETREAT", "withdraw", "withdraw", {"withdraw", "city"}) == "Non-violent transfer of territory"


@pytest.mark.parametrize("type_", ["CONSULT", "ACCUSE", "REQUEST", "THREATEN", "SANCTION"])
def test_taxonomy_diplomatic_types_have_no_acled_type(type_):
    assert acled_types(type_, None, "x", frozenset({"x"}), None, None) is None


def test_taxonomy_event_type_goes_with_the_sub_event():
    assert acled_types("ASSAULT", "aerial", "airstrike", frozenset(), None, None) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )


def test_taxonomy_dictionary_kind_outranks_the_words():
    got = acled_types("ASSAULT", None, "attack", frozenset({"attack"}), "rebel", "military")
    assert got == ("Battles", "Armed clash")


def test_taxonomy_text_words_fold_plurals():
    assert {"soldier", "militia"} <= text_words("Soldiers and militias")


def test_taxonomy_multiword_cue_needs_all_its_words():
    assert not has("chemical", frozenset({"gas"}))
    assert has("chemical", frozenset({"poison", "gas"}))


def test_taxonomy_every_cue_the_code_asks_for_is_in_the_data():
    wanted = {"suicide", "chemical", "air", "grenade", "artillery", "explosive", "sexual", "abduct", "weapon",
              "defuse", "territory", "capture", "clash", "civilian", "armed", "state", "protest", "lethal",
              "intervention", "riot_violence", "mob", "hq"}  # fmt: skip
    assert wanted <= set(cues())


def test_taxonomy_intercepted_missiles_are_disrupted_weapons_use():
    got = sub("COERCE", "seize", "intercept", {"intercept"}, ref("air defences"), ref("two missiles"))
    assert got == "Disrupted weapons use"


def test_taxonomy_villagers_clashing_without_armed_groups_is_mob_violence():
    assert sub("ASSAULT", None, "kill", {"kill", "villager", "clash", "stick"}) == "Mob violence"


def test_taxonomy_islamic_state_is_not_a_state_force():
    got = sub("COERCE", "seize", "capture", {"capture"}, ref("Islamic State group"), ref("positions"))
    assert got == "Non-state actor overtakes territory"


def test_taxonomy_aircraft_destroying_a_depot_is_an_air_strike():
    words = {"warplane", "destroy", "arm", "depot"}
    assert sub("ASSAULT", "destroy", "destroy", words, ref("Syrian warplanes"), ref("arms depot")) == (
        "Air/drone strike"
    )


def test_taxonomy_a_clash_trigger_is_a_clash_whatever_weapons_the_sentence_names():
    assert sub("ASSAULT", None, "clash", {"clash", "detonate", "vehicle"}) == "Armed clash"


def test_taxonomy_an_attack_on_buildings_with_nobody_hurt_is_property_destruction():
    assert sub("ASSAULT", None, "attack", {"attack"}, None, ref("properties of its members")) == (
        "Looting/property destruction"
    )
    assert sub("ASSAULT", None, "attack", {"attack", "kill"}, None, ref("a school")) == "Attack"
