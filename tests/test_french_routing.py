"""Routing of headlines and snippets (under 60 words): French ones, whose function words are all
French, go to the French bundle; English, mixed and bare ones stay on the English path. Hand-made."""

from __future__ import annotations

import pytest

from polemos.lang import route


@pytest.mark.parametrize(
    "text",
    [
        "Niger : des hommes armés tuent dix civils dans l'ouest du pays",
        "Burkina Faso : au moins 20 soldats tués dans une embuscade près de Djibo",
        "RDC : les rebelles du M23 ont pris le contrôle de la localité de Kitshanga",
        "Haïti : un gang a tué des dizaines de personnes dans la ville de Pont-Sondé",
        "Mali : une attaque jihadiste fait une vingtaine de morts dans la région de Mopti",
    ],
)
def test_french_headline_goes_to_french(text: str) -> None:
    assert route(text) == "fr"


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen kill ten civilians in western Niger",
        "Le Pen wins in Paris as protests continue",
        "Al-Shabaab attack on the Mogadishu hotel kills 10",
        "Niger: des hommes armés tuent dix civils, the army said",  # a mixed one: English, as before
        "Attaque à Djibo",  # too short to tell
        "Coup d'Etat",
    ],
)
def test_english_mixed_and_bare_headlines_stay_english(text: str) -> None:
    assert route(text) == "en"
