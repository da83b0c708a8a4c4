"""Place recognition: which spans of a Doc name places.

First cut: the statistical model's GPE, LOC and FAC entities. The gazetteer-fed recognizer
(issue 3) replaces the internals; ``add_to`` and ``place_spans`` stay the interface.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def add_to(nlp: Language) -> None:
    """Add place recognition components to the pipeline (none yet beyond the model's NER)."""


def place_spans(doc: Doc) -> list[tuple[int, int, bool]]:
    """(char_start, char_end, is_demonym) of every place mention, in text order."""
    return [(e.start_char, e.end_char, False) for e in doc.ents if e.label_ in PLACE_LABELS]
