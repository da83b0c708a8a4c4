"""extract: events from a parsed article (spaCy stays inside this package and ``nlp``)."""

from __future__ import annotations

from spacy.tokens import Doc

from polemos.extract.events import read_events
from polemos.extract.merge import merge_across, merge_in_sentence
from polemos.extract.resolved import article_countries, finish, resolve_draft
from polemos.resolve.actors import get_dictionary
from polemos.types import Article, Event, PlaceRef, Span, TimeRef


def extract_events(
    doc: Doc, article: Article, places: list[PlaceRef], times: list[TimeRef], noise: tuple[Span, ...]
) -> tuple[Event, ...]:
    """The article's events in text order, restatements folded into ``mentions``."""
    drafts, _ = read_events(doc, article, places, times, noise)
    actors = get_dictionary()
    countries = article_countries(places) or [c for c in [actors.country_hint(doc.text)] if c]
    resolved = [resolve_draft(d, doc.text, article, countries, actors) for d in drafts]
    merged = merge_across(merge_in_sentence(resolved))
    events = [finish(r, article) for r in merged]
    return tuple(sorted(events, key=lambda e: e.evidence.start))
