"""lang: the language seam. Everything one language needs, behind one small typed bundle.

A bundle (``LanguageBundle``) names the spaCy model of its language and holds its lexicons: event
triggers with their PLOVER type and mode, reporting verbs and attribution cues, modality cues, number
words and vague quantifiers, month and weekday names, locative cues, noise patterns and the map from
roles to the dependency labels its model writes. ``analyse`` is the bundle's reader: parsed Doc and
article in, ``ArticleResult`` out.

Language detection (``polemos.read.language.guess_language``) routes each article to the bundle of its
language (``route``); a short text goes to French only on clear French evidence, and a text no bundle
reads (undetermined) goes to English, as before.

Bundles are registered by code in ``_BUNDLES`` and imported on first use, so reading English never
imports the French lexicons. Adding a language: one folder ``polemos/lang/XX/`` whose ``__init__``
defines ``BUNDLE``, one line in ``_BUNDLES``, and its model as a dependency (docs/languages.md).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

# code -> module defining BUNDLE (imported lazily)
_BUNDLES: dict[str, str] = {"en": "polemos.lang.en", "fr": "polemos.lang.fr"}
DEFAULT = "en"


@dataclass(frozen=True)
class Trigger:
    """One trigger word or phrase: ``lemma`` as the model lemmatises it (a phrase: its words' lemmas
    joined by spaces), the part of speech it counts as (VERB, NOUN or ANY), its PLOVER type and mode,
    and an English gloss that the language-neutral taxonomy (ACLED, CAMEO) reads."""

    lemma: str
    pos: str
    type: str
    mode: str | None
    gloss: str


@dataclass(frozen=True)
class LanguageBundle:
    """What polemos needs to read one language."""

    code: str  # ISO 639-1
    model: str  # the spaCy pipeline package, a declared dependency (never downloaded at run time)
    triggers: Mapping[str, Trigger] = field(default_factory=dict)
    reporting_verbs: frozenset[str] = frozenset()
    attribution_cues: tuple[str, ...] = ()  # "according to", "selon", "de source sécuritaire"
    modality_cues: Mapping[str, str] = field(default_factory=dict)  # cue -> modality
    number_words: Mapping[str, int] = field(default_factory=dict)
    vague_quantifiers: Mapping[str, tuple[int | None, int | None, int | None]] = field(default_factory=dict)
    months: Mapping[str, int] = field(default_factory=dict)
    weekdays: Mapping[str, int] = field(default_factory=dict)  # Monday = 0
    locative_cues: frozenset[str] = frozenset()
    noise_patterns: tuple[Any, ...] = ()  # compiled regular expressions matched on a line
    dependency_labels: Mapping[str, frozenset[str]] = field(default_factory=dict)  # role -> labels
    analyse: Callable[[Any, Any], Any] | None = None  # (Doc, Article) -> ArticleResult
    load: Callable[[], Any] | None = None  # the full spaCy pipeline (model + polemos components), cached


def codes() -> frozenset[str]:
    """The languages polemos reads."""
    return frozenset(_BUNDLES)


_NAMES = {"en": "English", "fr": "French"}


def supported() -> str:
    """The languages polemos reads, in words: "English (en), French (fr)"."""
    return ", ".join(f"{_NAMES.get(c, c)} ({c})" for c in sorted(_BUNDLES))


@cache
def bundle(code: str) -> LanguageBundle:
    """The bundle of language ``code`` (ISO 639-1); KeyError for a language polemos does not read."""
    return importlib.import_module(_BUNDLES[code]).BUNDLE  # type: ignore[no-any-return]


def route(text: str) -> str:
    """The bundle code an article goes to: its detected language when a bundle reads it, else English.

    An article-length text (``REFUSE_WORDS`` words and more) goes by its function words
    (``guess_language``). A headline or a snippet is too short for that: it goes to French when the
    evidence says French (``short_text_is_french``: French function words, elisions, accented
    lowercase words, French news words, month and weekday names, and clearly more of them than English
    or other-language words), else to English as before; names alone say nothing."""
    from polemos.read.language import REFUSE_WORDS, guess_language, short_text_is_french

    if len(text.split()) < REFUSE_WORDS:
        return "fr" if short_text_is_french(text) else DEFAULT
    lang = guess_language(text)
    return lang if lang in _BUNDLES else DEFAULT
