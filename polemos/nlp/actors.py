"""Actor recognition: an entity ruler fed by the actor dictionary (issue 3 fills it).

``add_to`` and ``actor_spans`` are the interface the rest of the pipeline uses.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

ACTOR_LABELS = frozenset({"ORG", "NORP", "PERSON", "GPE"})


def add_to(nlp: Language) -> None:
    """Add the actor entity ruler to the pipeline (none yet beyond the model's NER)."""


def actor_spans(doc: Doc) -> list[tuple[int, int]]:
    """(char_start, char_end) of named actors the pipeline recognized, in text order."""
    return [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ACTOR_LABELS]
