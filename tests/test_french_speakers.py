"""Who says so in French incises: the inverted subject after the reporting verb, never the one told
("à Radio Okapi"), the medium ("dans un communiqué") or the subject of what is reported."""

from __future__ import annotations

import pytest

from polemos.lang import bundle
from polemos.lang.fr.attribution import own_claimant
from polemos.lang.fr.drafts import sentences

pytestmark = pytest.mark.slow


def claimant(text: str) -> str | None:
    b = bundle("fr")
    assert b.load is not None
    doc = b.load()(text)
    (sent,) = sentences(doc)
    span = own_claimant(sent)
    return None if span is None else text[span[0] : span[1]]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("« Les assaillants sont arrivés vers 22 heures », a déclaré à Radio Okapi le président de la "
         "société civile.", "le président de la société civile"),
        ("« Nous avons perdu dix hommes », a confié à Jeune Afrique un officier.", "un officier"),
        ("Le bilan est de dix morts, a déclaré à l'AFP un responsable local.", "un responsable local"),
        ("Des rebelles ont attaqué vendredi une base à Bocaranga, a annoncé la mission samedi dans un "
         "communiqué.", "la mission"),
        ("Les assaillants, arrivés en grand nombre, ont été repoussés après plusieurs heures de combats, a "
         "précisé cette source.", "cette source"),
        ("Cinq civils ont été tués, ont indiqué des sources locales.", "des sources locales"),
    ],
)  # fmt: skip
def test_the_inverted_speaker(text: str, who: str) -> None:
    assert claimant(text) == who


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Le maire a indiqué dimanche dans un communiqué que dix personnes ont été tuées.", "Le maire"),
        ("Le maire, joint par téléphone, a indiqué que le ministre était sur place.", "Le maire"),
        ("Le gouverneur, qui s'est rendu sur les lieux, a déploré la mort de 70 civils.", "Le gouverneur"),
        ("Le gouverneur a déclaré à la presse que dix personnes étaient mortes.", "Le gouverneur"),
    ],
)  # fmt: skip
def test_the_subject_before_the_verb(text: str, who: str) -> None:
    assert claimant(text) == who


def test_what_is_reported_is_not_its_speaker() -> None:
    assert claimant("Dix soldats ont été tués, a-t-il ajouté.") != "Dix soldats"


@pytest.mark.parametrize(
    "place",
    ["sur leslieux des attaques", "sur leslieux des attaques perpétréessamedi", "sur les lieux de l'attaque"],
)
def test_a_speaker_the_parser_made_a_passive_or_shared_subject(place: str) -> None:
    text = (
        f"Le Premier ministre Brigi Rafini, quis'est rendu dimanche {place}, a déploré à la télévision "
        'publique "un bilan désastreux", "une situation horrible", en parlant de "70" morts à Tchoma Bangou.'
    )
    assert claimant(text) == "Le Premier ministre Brigi Rafini"


def test_selon_laquelle_is_the_source_before_it() -> None:
    text = (
        "« Les combats ont duré plusieurs heures », a expliqué une source sécuritaire, selon laquelle une "
        "trentaine d'assaillants ont été tués par les renforts aériens."
    )
    assert claimant(text) == "une source sécuritaire"


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Une vingtaine de civils ont été enlevés jeudi près de Diafarabé, a appris l'AFP vendredi auprès "
         "d'élus locaux.", "élus locaux"),
        ("Trois soldats ont été tués, a appris l'AFP de source sécuritaire.", "source sécuritaire"),
        ("Dix morts, a-t-on appris de source sécuritaire.", "source sécuritaire"),
    ],
)  # fmt: skip
def test_the_newsroom_that_learnt_it_names_its_source(text: str, who: str) -> None:
    assert claimant(text) == who


def test_one_who_learns_is_no_source() -> None:
    assert claimant("Le maire a appris la nouvelle dimanche.") is None
