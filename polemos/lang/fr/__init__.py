"""The French bundle: ``fr_core_news_md`` and French lexicons of conflict reporting.

Reading (``analyse``): French noise lines, French calendar expressions (``dates``), places through the
shared recogniser and resolver with French exonyms (``places``), then events (``extract``) whose roles are
read over Universal Dependencies labels (``roles``), figures (``counts``), sources (``attribution``) and
actors (``actors``) — all in this folder; the taxonomy (ACLED, CAMEO), gazetteer and actor dictionary are
shared.
"""

from __future__ import annotations

from typing import Any

from polemos.lang import LanguageBundle
from polemos.lang.fr import lexicon
from polemos.lang.fr.nlp import MODEL, load_nlp


def analyse(doc: Any, article: Any) -> Any:
    """Parsed French Doc and its article → ``ArticleResult`` (``language`` "fr")."""
    from polemos.lang.fr.actors import force_countries, new_article
    from polemos.lang.fr.dates import find_times
    from polemos.lang.fr.event_place import with_nearness
    from polemos.lang.fr.extract import extract_events
    from polemos.lang.fr.noise import find_noise
    from polemos.lang.fr.places import (
        DIRECTIONS,
        actor_name_spans,
        again,
        area_countries,
        demonym_countries,
        french_gazetteer,
        locative_spans,
        not_actor_names,
        saint_spans,
        whole_hyphenated,
        with_prefixes,
    )
    from polemos.lang.fr.seize import seized_names
    from polemos.lang.fr.situate import situate
    from polemos.nlp.places import place_spans
    from polemos.resolve.places import resolve_places
    from polemos.types import ArticleResult

    new_article()  # actor readings are kept for one article only
    noise = find_noise(article.text)
    times = find_times(article.text, article.published)
    spans = whole_hyphenated(article.text, with_prefixes(article.text, place_spans(doc)))
    names = actor_name_spans(article.text)  # once: the text stays the same
    spans = not_actor_names(article.text, sorted(spans + locative_spans(doc, spans)), names)
    spans = not_actor_names(article.text, sorted(spans + seized_names(doc, spans)), names)  # "s'emparer de X"
    spans = sorted(spans + saint_spans(article.text, spans))  # "de St-Marc"
    # the countries the text names: a village of another country is not the one it means
    adjectives = demonym_countries(article.text) | force_countries(article.text)
    opts = {"named_countries": adjectives, "directions": DIRECTIONS}
    places = resolve_places(
        article.text, spans, published=article.published, gazetteer=french_gazetteer(), **opts
    )
    more = again(article.text, places)
    areas = area_countries(places) if not adjectives else frozenset()
    if areas:  # "Ituri : … à Lala": a story that names its country only by its provinces
        adjectives = areas
        opts["named_countries"] = adjectives
    if more or areas:
        spans = not_actor_names(article.text, sorted(spans + more), names)
        places = resolve_places(
            article.text, spans, published=article.published, gazetteer=french_gazetteer(), **opts
        )
    places, containers = situate(article.text, places, adjectives)
    places = with_nearness(article.text, places)  # "près de Ayorou": near the town, not in it
    events = extract_events(doc, article, places, times, noise, containers)
    return ArticleResult(article, events, tuple(places), tuple(times), "fr", noise)


BUNDLE = LanguageBundle(
    code="fr",
    model=MODEL,
    triggers=lexicon.triggers(),
    reporting_verbs=lexicon.REPORTING,
    attribution_cues=lexicon.ATTRIBUTION_CUES,
    modality_cues=lexicon.MODALITY_CUES,
    number_words=lexicon.NUMBER_WORDS,
    vague_quantifiers=lexicon.VAGUE,
    months=lexicon.MONTHS,
    weekdays=lexicon.WEEKDAYS,
    locative_cues=lexicon.LOCATIVE,
    noise_patterns=lexicon.NOISE_LINE,
    dependency_labels=lexicon.DEPENDENCY_LABELS,
    analyse=analyse,
    load=load_nlp,
)
