"""The actor entity ruler in the spaCy pipeline."""

from __future__ import annotations

import pytest

from polemos.resolve.actors import patterns

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    from polemos.nlp import load_nlp

    return load_nlp()


def ents(nlp, text):
    return [(e.text, e.label_, e.ent_id_) for e in nlp(text).ents]


def test_actors_ruler_marks_aliases_the_model_misses(nlp):
    found = ents(nlp, "Al-Nusra Front and the YPG clashed near Afrin.")
    assert ("Al-Nusra Front", "ORG", "jabhat-al-nusra") in found
    assert ("YPG", "ORG", "ypg") in found


def test_actors_ruler_marks_is_in_running_text(nlp):
    found = ents(nlp, "Groups like Islamic State (IS) are excluded from the truce.")
    assert ("IS", "ORG", "islamic-state") in found


def test_actors_ruler_leaves_is_the_verb_in_capitals(nlp):
    found = ents(nlp, "THE TRUCE IS OVER")
    assert not any(text == "IS" for text, _, _ in found)


def test_actors_ruler_leaves_lower_case_is_alone(nlp):
    found = ents(nlp, "The situation is calm.")
    assert not any(ent_id == "islamic-state" for _, _, ent_id in found)


def test_actors_ruler_marks_named_officials_as_people(nlp):
    assert ("Sergey Lavrov", "PERSON", "lavrov") in ents(nlp, "Sergey Lavrov spoke on Monday.")


def test_actors_actor_spans_are_character_offsets(nlp):
    from polemos.nlp.actors import actor_spans

    text = "Yesterday Boko Haram attacked Mainok."
    assert (10, 20) in actor_spans(nlp(text))


def test_actors_patterns_leave_country_names_to_the_gazetteer():
    texts = {p["pattern"] for p in patterns() if isinstance(p["pattern"], str)}
    assert "Syria" not in texts and "Washington" not in texts


def test_actors_ruler_keeps_acronyms_that_are_no_words_in_capitals(nlp):
    found = ents(nlp, "ISIS CLAIMS DEADLY ATTACK")
    assert any(ent_id == "islamic-state" for _, _, ent_id in found)
