"""cameo_root: the CAMEO root a PLOVER event comes from (PLOVER crosswalk, read backwards)."""

import pytest

from polemos.extraction.taxonomy import cameo_root


@pytest.mark.parametrize(
    ("type_", "mode", "lemma", "want"),
    [
        ("AGREE", None, "agree", "03"),
        ("CONSULT", "visit", "visit", "04"),
        ("SUPPORT", None, "praise", "05"),
        ("COOPERATE", None, "cooperate", "06"),
        ("AID", None, "provide", "07"),
        ("RETREAT", "ceasefire", "truce", "08"),
        ("ACCUSE", None, "investigate", "09"),
        ("REQUEST", None, "urge", "10"),
        ("ACCUSE", None, "accuse", "11"),
        ("REJECT", None, "reject", "12"),
        ("THREATEN", None, "threaten", "13"),
        ("PROTEST", "demo", "protest", "14"),
        ("MOBILIZE", "troops", "deploy", "15"),
        ("SANCTION", None, "sanction", "16"),
        ("COERCE", "arrest", "arrest", "17"),
        ("COERCE", "restrict", "blockade", "19"),
        ("COERCE", "restrict", "embargo", "16"),
        ("ASSAULT", "abduct", "kidnap", "18"),
        ("ASSAULT", None, "clash", "19"),
        ("ASSAULT", "heavy-weapons", "shell", "19"),
        ("ASSAULT", None, "massacre", "20"),
        ("ASSAULT", "unconventional", "attack", "20"),
    ],
)
def test_cameo_root_by_type_mode_and_lemma(type_, mode, lemma, want):
    assert cameo_root(type_, mode, lemma) == want


def test_cameo_assault_between_armies_is_conventional_force():
    assert cameo_root("ASSAULT", None, "kill", ("Battles", "Armed clash")) == "19"


def test_cameo_assault_on_civilians_is_unconventional_violence():
    assert cameo_root("ASSAULT", None, "kill", ("Violence against civilians", "Attack")) == "18"


def test_cameo_unknown_type_is_the_neutral_root():
    assert cameo_root("NOSUCHTYPE", None, "x") == "01"


def test_cameo_a_planned_release_is_an_intent_to_cooperate():
    assert cameo_root("RETREAT", "release", "free", None, "planned") == "03"


def test_cameo_a_threatened_attack_is_a_threat():
    assert cameo_root("ASSAULT", None, "attack", None, "threatened") == "13"


def test_cameo_a_planned_attack_keeps_its_own_root():
    assert cameo_root("ASSAULT", None, "clash", None, "planned") == "19"
