"""Lines of an article that are page furniture rather than report: a bulleted list of related
stories, units or names."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from polemos.extraction.doctext import doc_text

_BULLETS = ("*", "•", "-", "–", "·", "▪", "►")


def list_item(sent: SpacySpan) -> bool:
    """A bulleted line with no verb names a thing, not what happened: a "See also" list of related
    stories ("* 2014 Bagram Airfield bombing"), a list of units or names."""
    text = doc_text(sent.doc)
    start = text.rfind("\n", 0, sent.start_char) + 1
    end = text.find("\n", sent.start_char)
    end = len(text) if end < 0 else end
    if not text[start:end].lstrip().startswith(_BULLETS):
        return False
    line = sent.doc.char_span(start, end, alignment_mode="expand")
    words = line if line is not None else sent
    return not any(t.pos_ in ("VERB", "AUX") and t.is_alpha for t in words)  # a "•" read as a verb
