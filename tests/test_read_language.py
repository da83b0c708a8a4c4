"""Language refusal: long non-English articles are refused, short headlines are read anyway."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from polemos.read import ReadFailure, iter_articles
from polemos.read.language import guess_language

ENGLISH = (
    "Government forces said on Monday that they had retaken the town after three days of fighting, "
    "and that the rebels who held it had withdrawn to the hills to the north. The army said it was "
    "clearing mines from the roads and that residents would be able to return within a week. Local "
    "officials said the town's schools would stay closed until the end of the month."
)
FRENCH = (
    "Les forces gouvernementales ont annoncé lundi qu'elles avaient repris le contrôle de la ville "
    "après trois jours de combats, et que les rebelles qui la tenaient se sont retirés dans les "
    "collines au nord. L'armée a indiqué qu'elle déminait les routes et que les habitants pourraient "
    "rentrer dans une semaine. Selon les autorités locales, les écoles de la ville resteront fermées "
    "jusqu'à la fin du mois, et les convois d'aide humanitaire arriveront par la route du sud dès que "
    "les ponts auront été réparés."
)
SPANISH = (
    "Las fuerzas del gobierno dijeron el lunes que habían recuperado el control de la ciudad tras tres "
    "días de combates, y que los rebeldes que la ocupaban se retiraron a las colinas del norte. El "
    "ejército dijo que estaba limpiando de minas las carreteras y que los vecinos podrían volver en "
    "una semana. Según las autoridades locales, las escuelas de la ciudad seguirán cerradas hasta el "
    "final del mes, y los convoyes de ayuda humanitaria llegarán por la carretera del sur en cuanto "
    "se reparen los puentes."
)
GERMAN = (
    "Die Regierungstruppen teilten am Montag mit, dass sie die Stadt nach drei Tagen der Kämpfe "
    "zurückerobert hätten und dass sich die Rebellen, die sie gehalten hatten, in die Hügel im Norden "
    "zurückgezogen hätten. Die Armee sagte, sie räume die Minen von den Straßen, und die Bewohner "
    "könnten in einer Woche zurückkehren. Nach Angaben der örtlichen Behörden bleiben die Schulen der "
    "Stadt bis zum Ende des Monats geschlossen, und die Hilfskonvois sollen über die Straße im Süden "
    "kommen, sobald die Brücken repariert sind."
)
ARABIC = "قالت القوات الحكومية يوم الاثنين إنها استعادت السيطرة على المدينة بعد ثلاثة أيام من القتال " * 3


def test_english_article_is_english() -> None:
    assert guess_language(ENGLISH) == "en"


@pytest.mark.parametrize(("text", "code"), [(FRENCH, "fr"), (SPANISH, "es"), (GERMAN, "de"), (ARABIC, "ar")])
def test_long_foreign_article_is_recognised(text: str, code: str) -> None:
    assert guess_language(text) == code


def test_test_articles_are_article_length() -> None:
    assert all(len(t.split()) >= 60 for t in (ENGLISH, FRENCH, SPANISH, GERMAN))


def test_short_foreign_snippet_is_read(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    snippet = " ".join(FRENCH.split()[:40])  # a lead paragraph, not an article: read anyway
    path.write_text(json.dumps({"id": "s", "text": snippet}) + "\n", encoding="utf-8")
    (article,) = list(iter_articles([str(path)]))
    assert article.id == "s"


@pytest.mark.parametrize(
    "headline",
    [
        "Asesinan a hombre en Juárez",
        "Attaque contre un poste militaire à Ménaka",
        "Soldiers vs Boko Haram, Borno",
    ],
)
def test_short_headline_is_undetermined(headline: str) -> None:
    assert guess_language(headline) == "und"


def test_english_with_a_foreign_quote_stays_english() -> None:
    text = ENGLISH + " The banner read « la guerre est finie », and the crowd cheered."
    assert guess_language(text) == "en"


def test_numbers_only_is_undetermined() -> None:
    assert guess_language("2016 05 23 12 400 6000") == "und"


def test_german_file_is_refused_with_e108(tmp_path: Path) -> None:
    path = tmp_path / "de.txt"
    path.write_text("Titel\n" + GERMAN + " " + GERMAN, encoding="utf-8")  # article-length (60+ words)
    (failure,) = list(iter_articles([str(path)]))
    assert isinstance(failure, ReadFailure)
    assert failure.message.startswith(f"[E108] {path}: not a language polemos reads (looks like de)")
    assert "English (en), French (fr)" in failure.message


def test_french_file_is_read(tmp_path: Path) -> None:
    # French has a bundle (polemos/lang/fr): an article-length French text is read, not refused
    path = tmp_path / "fr.txt"
    path.write_text("Titre\n" + FRENCH + " " + FRENCH, encoding="utf-8")
    (article,) = list(iter_articles([str(path)]))
    assert not isinstance(article, ReadFailure)


def test_french_article_routes_to_french_and_snippets_to_english() -> None:
    from polemos.lang import route

    assert route(FRENCH + " " + FRENCH) == "fr"
    assert route(" ".join(FRENCH.split()[:40])) == "fr"  # a French snippet, on its French evidence
    assert route(ENGLISH) == "en"
    assert route(SPANISH + " " + SPANISH) == "en"  # no bundle: refused earlier, at reading


def test_spanish_jsonl_line_is_refused_and_english_kept(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    rows = [{"id": "es", "text": SPANISH + " " + SPANISH}, {"id": "en", "text": ENGLISH}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    failure, article = list(iter_articles([str(path)]))
    assert isinstance(failure, ReadFailure) and "[E108]" in failure.message and f"{path}:1" in failure.message
    assert article.id == "en"


def test_short_foreign_headline_is_read(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "h", "text": "Asesinan a hombre en Juárez"}) + "\n", encoding="utf-8")
    (article,) = list(iter_articles([str(path)]))
    assert article.id == "h"


def test_short_foreign_text_is_read_not_refused(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"id": "h", "text": "Asesinan a hombre frente a su sobrina en Juárez"}) + "\n",
        encoding="utf-8",
    )
    (article,) = list(iter_articles([str(path)]))
    assert not isinstance(article, ReadFailure)


FRENCH_HEADLINES = [
    "Mali : au moins 20 civils tués dans une attaque près de Gao",
    "Attaque jihadiste au Burkina Faso",
    "Niger : une centaine de villageois tués dans l'ouest",
    "Des hommes armés tuent 12 personnes dans le Tillabéri",
    "RDC : les ADF accusés d'un massacre à Beni",
    "Au Tchad, l'armée affirme avoir repoussé les rebelles",
    "Haïti : un gang attaque Pont-Sondé, plusieurs dizaines de morts",
    "Mardi, embuscade meurtrière contre les FAMa",
    "Centrafrique : trois militaires tués dans une embuscade dans le Nord-est",
    "Burkina : le JNIM revendique l'attaque de Djibo",
    "Le 5 avril, des affrontements à Bunia",
    "Cameroun : deux soldats tués dans l'Extrême-Nord",
]
NOT_FRENCH_HEADLINES = [
    "Jihadist attack in Burkina Faso kills 20",
    "Gunmen kill 12 villagers near Gao",
    "Mali junta leader says elections delayed",
    "Soldiers vs Boko Haram , Borno",
    "Police clash with protesters in Port-au-Prince",
    "Niger coup d'état leaders meet Ecowas envoys",
    "Bomb at a café in Kabul",
    "Macron visits Côte d'Ivoire",
    "Le Pen and Macron face off on Sunday",
    "Des Moines police shoot man",
    # names only
    "Ouagadougou, Burkina Faso",
    "Jean-Pierre Bemba",
    "Charles de Gaulle Airport",
    "Côte d'Ivoire",
    "Tillabéri",
    "La Paz",
    # other languages
    "Mueren dos en ataque de la guerrilla",
    "Asesinan a hombre en Juárez",
    "Ataque armado deja cinco muertos en el norte del país",
    "Attacco jihadista nel nord del Burkina Faso",
    "Anschlag in Mali: mindestens 20 Tote",
]


@pytest.mark.parametrize("headline", FRENCH_HEADLINES)
def test_short_french_headline_routes_to_french(headline: str) -> None:
    from polemos.lang import route

    assert route(headline) == "fr"


@pytest.mark.parametrize("headline", NOT_FRENCH_HEADLINES)
def test_short_english_other_and_names_only_stay_on_the_english_path(headline: str) -> None:
    from polemos.lang import route

    assert route(headline) == "en"


def test_an_english_headline_quoting_a_little_french_stays_english() -> None:
    from polemos.lang import route

    assert route("Macron says 'la France' will stay in the Sahel after the attack") == "en"
    assert route("After the attack, the army said the town was calm, according to the mayor") == "en"
