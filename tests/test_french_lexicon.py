"""French bundle without the model: the interface, dates, numbers, actor aliases, exonyms, noise.

Hand-made French inputs, several phrasings per construction (none taken from a gold set)."""

from __future__ import annotations

from datetime import date

import pytest

from polemos.lang import LanguageBundle, bundle, codes
from polemos.lang.fr.counts import word_value
from polemos.lang.fr.dates import find_times
from polemos.lang.fr.noise import find_noise

SATURDAY = date(2024, 3, 9)  # a Saturday


def test_both_bundles_have_one_interface() -> None:
    assert {"en", "fr"} <= codes()
    for code in ("en", "fr"):
        b = bundle(code)
        assert isinstance(b, LanguageBundle) and b.code == code and b.model
        assert b.load is not None and b.analyse is not None
        assert b.months and b.weekdays and b.reporting_verbs and b.dependency_labels
    assert bundle("fr").model == "fr_core_news_md"
    assert bundle("fr").dependency_labels["agent"] == frozenset({"obl:agent"})
    assert bundle("en").dependency_labels["object"] == frozenset({"dobj"})


@pytest.mark.parametrize(
    ("lemma", "type_", "mode"),
    [
        ("attaque", "ASSAULT", None),
        ("embuscade", "ASSAULT", "firearms"),
        ("frappe", "ASSAULT", "aerial"),
        ("enlèvement", "ASSAULT", "abduct"),
        ("enlever", "ASSAULT", "abduct"),
        ("affrontement", "ASSAULT", None),
        ("massacre", "ASSAULT", None),
        ("tuer", "ASSAULT", None),
        ("incendier", "ASSAULT", "destroy"),
        ("cessez-le-feu", "RETREAT", "ceasefire"),
        ("condamner", "ACCUSE", None),
        ("appeler", "REQUEST", None),
    ],
)
def test_trigger_lexicon(lemma: str, type_: str, mode: str | None) -> None:
    t = bundle("fr").triggers[lemma]
    assert (t.type, t.mode) == (type_, mode) and t.gloss


def _one(text: str, published: date = SATURDAY) -> tuple[str | None, str | None, str | None]:
    (t,) = find_times(text, published)
    return t.value, t.precision, t.text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Des hommes armés ont attaqué mardi le village.", "2024-03-05"),
        ("L'attaque a eu lieu ce mardi vers midi.", "2024-03-05"),
        ("Mardi dernier, les assaillants sont arrivés à moto.", "2024-03-05"),
        ("Le drame s'est produit samedi soir.", "2024-03-09"),  # the day of publication
        ("Le 5 avril, l'armée a repris la ville.", "2023-04-05"),  # no April after March 9, 2024 yet
        ("L'embuscade du 2 mars a fait dix morts.", "2024-03-02"),
        ("Jeudi 3 octobre 2024, un gang a attaqué la ville.", "2024-10-03"),
        ("L'attaque de samedi 02 mars 2024 a été revendiquée.", "2024-03-02"),
        ("Le 1er mars, des tirs ont été entendus.", "2024-03-01"),
        ("Hier, deux soldats ont été tués.", "2024-03-08"),
        ("Avant-hier, une mine a explosé.", "2024-03-07"),
    ],
)
def test_days(text: str, value: str) -> None:
    assert _one(text)[:2] == (value, "day")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Dans la nuit de samedi à dimanche, le camp a été attaqué.", "2024-03-02", "2024-03-03"),
        ("dans la nuit de jeudi à vendredi, des tirs ont visé le poste.", "2024-03-07", "2024-03-08"),
        ("La nuit du 3 au 4 mars, des bandits ont pillé le marché.", "2024-03-03", "2024-03-04"),
    ],
)
def test_nights(text: str, start: str, end: str) -> None:
    (t,) = find_times(text, SATURDAY)
    assert (str(t.start_date), str(t.end_date), t.precision) == (start, end, "day")


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("L'attaque de la semaine dernière a fait vingt morts.", "2024-W09", "week"),
        ("Le convoi a été attaqué la semaine passée.", "2024-W09", "week"),
        ("Le mois dernier, trois villages ont été incendiés.", "2024-02", "month"),
        ("En février, des affrontements ont éclaté.", "2024-02", "month"),
        ("En juin 2022, le camp a été attaqué.", "2022-06", "month"),
        ("Depuis 2015, la région est en proie aux attaques.", "2015", "year"),
    ],
)
def test_weeks_months_years(text: str, value: str, precision: str) -> None:
    assert _one(text)[:2] == (value, precision)


def test_a_bare_month_word_is_no_date() -> None:
    assert find_times("Le ministre a promis des mesures, mais rien n'a changé.", SATURDAY) == []


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["cinquante"], 50),
        (["vingt-cinq"], 25),
        (["soixante-dix"], 70),
        (["quatre-vingt-dix"], 90),
        (["trois", "cents"], 300),
        (["deux", "mille"], 2000),
        (["cent"], 100),
    ],
)
def test_number_words(words: list[str], value: int) -> None:
    assert word_value(words) == value


def test_vague_quantifiers() -> None:
    b = bundle("fr")
    assert b.vague_quantifiers["vingtaine"][1] == 20
    assert b.vague_quantifiers["centaine"][1] == 100
    assert b.vague_quantifiers["dizaine"][0] == 10


@pytest.mark.parametrize("label", ["A lire aussi", "À lire aussi :", "Lire aussi"])
def test_cross_link_and_its_headline_are_noise(label: str) -> None:
    text = f"Niger : une attaque fait dix morts\n\n{label}\nMali : le couvre-feu levé à Gao\n\nLe texte suit."
    spans = [text[s.start : s.end] for s in find_noise(text)]
    assert "Mali : le couvre-feu levé à Gao" in spans
    assert not any("Le texte suit" in s for s in spans)


def test_page_chrome_after_the_article_is_noise() -> None:
    text = "Le texte de l'article.\n\nJ. DUPONT\nauteur\n\nARTICLES CONNEXES\n\nVOIR TOUT\n\nTWITTER\n"
    (span,) = [s for s in find_noise(text) if "ARTICLES" in s.text]
    assert span.text.startswith("J. DUPONT") and span.text.endswith("TWITTER")


@pytest.mark.parametrize(
    "line",
    ["Par Jean Kabila", "Publié le mardi 12 mars 2024 - 10:45", "Photo : des habitants fuient", "© AFP"],
)
def test_bylines_and_captions_are_noise(line: str) -> None:
    text = f"Un titre\n\n{line}\n\nLe texte de l'article suit ici."
    assert [s.text for s in find_noise(text)] == [line]
