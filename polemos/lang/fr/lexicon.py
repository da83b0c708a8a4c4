"""French lexicons of conflict reporting (general French usage; no rule is for one article).

Triggers are in ``data/triggers.tsv``; actor aliases in ``data/actors.tsv``; place exonyms in
``data/places.tsv``. Everything else is here: reporting verbs and attribution cues, modality cues,
numbers and vague quantifiers, dates, locative cues, noise lines and dependency labels.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from polemos.lang import Trigger
from polemos.lang.fr import labels

DATA = Path(__file__).parent / "data"


def read_tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@cache
def triggers() -> dict[str, Trigger]:
    out: dict[str, Trigger] = {}
    for lemma, pos, type_, mode, gloss in read_tsv("triggers.tsv"):
        out[lemma] = Trigger(lemma, pos, type_, None if mode == "-" else mode, gloss)
    return out


# A noun trigger refined by a modifier: "frappe de drone", "frappe aérienne", "tirs d'artillerie".
MODE_MODIFIERS: dict[str, str] = {
    "lacrymogène": "crowd-control",  # "des tirs de gaz lacrymogène", "à coups de grenades lacrymogènes"
    "drone": "drone",
    "aérien": "aerial",
    "aviation": "aerial",
    "avion": "aerial",
    "hélicoptère": "aerial",
    "artillerie": "heavy-weapons",
    "mortier": "heavy-weapons",
    "obus": "heavy-weapons",
    "roquette": "heavy-weapons",
    "missile": "heavy-weapons",
    "kamikaze": "suicide-attack",
    "suicide": "suicide-attack",
    "explosif": "explosives",
    "bombe": "explosives",
    "voiture piégée": "explosives",
    "arme": "firearms",
    "balle": "firearms",
    "machette": "primitive",
    "couteau": "primitive",
}

# Reporting verbs (lemmas): their subject, or the inverted subject after them, is the claimant.
REPORTING = frozenset(
    """déclarer dire indiquer affirmer annoncer confirmer rapporter expliquer assurer préciser souligner
    ajouter raconter témoigner signaler estimer révéler relater affirmer avancer évoquer rapporter
    communiquer informer faire_état poursuivre conclure insister détailler admettre reconnaître confier
    noter
    """.split()
)
# Nouns that tell a source by their own: "de source sécuritaire", "une source locale".
SOURCE_NOUNS = frozenset("source sources".split())
ATTRIBUTION_CUES = ("selon", "d'après", "de source", "de sources", "a-t-on appris", "cité par")
_SELON = re.compile(r"\b(?:selon|d['’]après)\s+", re.I)
_DE_SOURCE = re.compile(
    r"\b(?:de|des|une|plusieurs|d['’]autres)\s+(sources?\s+[\wéèêàâîôûç'’-]+(?:\s+(?:et|ou)\s+[\wéèêàâîôûç'’-]+)?)",
    re.I,
)

# Modality: the conditional of the press ("aurait tué") tells a report, not a fact; "si" a condition.
REPORTED = "reported"
MODALITY_CUES: dict[str, str] = {
    "aurait": REPORTED,
    "auraient": REPORTED,
    "serait": REPORTED,
    "seraient": REPORTED,
    "présumé": REPORTED,
    "si": "hypothetical",
    "pouvoir": "hypothetical",
    "démentir": "denied",
    "nier": "denied",
    "menacer": "threatened",
    "prévoir": "planned",
    "projeter": "planned",
    "proposer": "proposed",
}

NUMBER_WORDS: dict[str, int] = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    "cent": 100, "cents": 100, "mille": 1000,
}  # fmt: skip
# "une vingtaine": about twenty; "des dizaines": at least twenty (low honest, high unknown)
VAGUE: dict[str, tuple[int | None, int | None, int | None]] = {
    "dizaine": (10, 10, None), "douzaine": (12, 12, None), "quinzaine": (15, 15, None),
    "vingtaine": (20, 20, None), "trentaine": (30, 30, None), "quarantaine": (40, 40, None),
    "cinquantaine": (50, 50, None), "soixantaine": (60, 60, None), "centaine": (100, 100, None),
    "millier": (1000, 1000, None),
}  # fmt: skip
VAGUE_PLURAL: dict[str, int] = {"dizaine": 20, "centaine": 200, "millier": 2000}  # "des/plusieurs dizaines"
LOWER_BOUND = ("au moins", "plus de", "au minimum", "pas moins de", "plus d'", "plus d’")
UPPER_BOUND = ("moins de", "moins d'", "moins d’", "au plus")
ABOUT = ("près de", "environ", "quelque", "quelques", "autour de", "près d'", "près d’")
UP_TO = ("jusqu'à", "jusqu’à", "jusqu' à")

MONTHS: dict[str, int] = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}  # fmt: skip

# Locative prepositions before a place: "à Gao", "dans la région de", "près de", "au nord de".
LOCATIVE = frozenset("à au aux dans en près vers sur entre".split())

# Lines that are no reporting: cross-links, bylines and page chrome.
NOISE_LINE = (
    re.compile(r"^\s*(?:[AÀ]\s+lire\s+aussi|Lire\s+aussi|LIRE\s+AUSSI|[AÀ] LIRE|Voir\s+aussi|VOIR\s+AUSSI|"
               r"Sur\s+le\s+même\s+sujet|Lire\s+la\s+suite|Articles?\s+connexes?|ARTICLES\s+CONNEXES|"
               r"VOIR\s+TOUT|Voir\s+tout|Partager|PARTAGER|Abonnez-vous|Newsletter|Publicité|PUBLICITÉ|"
               r"Commentaires?|TWITTER|FACEBOOK|Twitter|Facebook|WhatsApp|Lire\s+plus)\b\s*[:>»|-]?", re.I),
    re.compile(r"^\s*(?:Publié\s+le|Mis\s+à\s+jour\s+le|Modifié\s+le|Photo\s*:|Crédit\s+photo|Légende\s*:|©)",
               re.I),
    # a byline: "Par Jean Dupont"
    re.compile(r"^\s*Par\s+[A-ZÀ-Ý][\w.'’-]+(?:\s+[A-ZÀ-Ý][\w.'’-]+){0,3}\s*$"),
)  # fmt: skip
# a cross-link label: the line after it is the linked story's headline
LINK_LABEL = re.compile(
    r"^\s*(?:[AÀ]\s+lire\s+aussi|Lire\s+aussi|Voir\s+aussi|Sur\s+le\s+même\s+sujet)\s*:?\s*$", re.I
)
# chrome that ends the article: everything after it is page furniture
END_OF_ARTICLE = re.compile(r"^\s*(?:ARTICLES\s+CONNEXES|Articles\s+connexes|Sur\s+le\s+même\s+sujet)\s*$")

# Universal Dependencies labels fr_core_news_md writes, by role (named in labels.py).
DEPENDENCY_LABELS: dict[str, frozenset[str]] = labels.ROLES

# Tolls: nouns that name the dead and the wounded, and verbs whose patient is counted.
KILLED_NOUNS = frozenset("mort tué décès victime cadavre corps".split())
INJURED_NOUNS = frozenset("blessé blessée".split())
KILL_VERBS = frozenset(
    "tuer massacrer abattre assassiner égorger décapiter exécuter neutraliser périr mourir succomber".split()
)
INJURE_VERBS = frozenset(["blesser"])
# Words for people a toll counts ("une centaine de villageois tués").
PEOPLE = frozenset(
    """personne civil villageois habitant homme femme enfant soldat militaire policier gendarme
    combattant jihadiste djihadiste terroriste assaillant membre élève fidèle déplacé agriculteur
    éleveur passager orpailleur victime""".split()
)
# Background and habitual: not an event of its own ("en proie à des attaques depuis des années").
GENERIC_CUES = re.compile(
    r"\b(?:depuis\s+(?:des|plusieurs)\s+(?:années|mois|ans)|régulièrement|souvent|en\s+proie\s+à|"
    r"depuis\s+\d{4}|chaque\s+année|de\s+plus\s+en\s+plus|depuis\s+le\s+début\s+de\s+l['’]année|"
    r"depuis\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)|"
    r"cette\s+année|au\s+cours\s+des\s+(?:derniers|dernières))\b",
    re.I,
)
# Another, earlier incident: "deux autres attaques", "une précédente attaque".
OTHER_INCIDENT = re.compile(
    r"\b(?:autres?|précédente?s?|dernières?)\s+(?:attaques?|attentats?|incidents?)\b", re.I
)
