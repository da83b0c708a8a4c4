"""A name an apposition calls a settlement is a place, known to the gazetteer or not ("Xyzabad, a
village near the border"; issue 12 item 3: the village keeps its name), with the real model (slow).
Hand-made sentences with invented villages; negatives: a person the settlement word qualifies ("a
village chief", "the town's mayor"), a weekday, an adverb."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def spans(nlp, text: str) -> list[str]:
    from polemos.nlp.places import place_spans

    return [text[s:e] for s, e, _ in place_spans(nlp(text))]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Suspected jihadists attacked Sondoroua, a village near the border, killing five civilians.",
         "Sondoroua"),
        ("Sondoroua, a small farming village in central Mali, was attacked on Tuesday.", "Sondoroua"),
        ("Gunmen stormed Kelmabari Ouest, a remote town of 3,000 people, and killed 12.", "Kelmabari Ouest"),
        ("The army said it had retaken Dakarawa, a hamlet some 40 km from the capital.", "Dakarawa"),
        ("Fighting spread to Tibangou, the last settlement before the river.", "Tibangou"),
    ],
)  # fmt: skip
def test_a_name_an_apposition_calls_a_settlement_is_a_place(nlp, text: str, name: str) -> None:
    assert name in spans(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Musa Ibrahim, a village chief, said 20 people were killed.",
        "John Smith, the town's mayor, said the attack lasted hours.",
        "Police said Ahmed, a town resident, was arrested.",
        "On Monday, a village in the north was attacked.",
        "Meanwhile, a town near the border was shelled.",
    ],
)
def test_no_person_weekday_or_adverb_is_made_a_place(nlp, text: str) -> None:
    assert spans(nlp, text) == []
