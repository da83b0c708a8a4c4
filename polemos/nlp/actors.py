"""Actor recognition: an entity ruler fed by the actor dictionary.

The small model misses many conflict names ("Al-Nusra Front", "YPG", "IS"); the ruler, placed before the
statistical NER, marks every dictionary alias as an ORG (PERSON for named officials) with the entry id as
``ent_id_``, and the NER fills in around them. Aliases written in capitals only ("IS", "UN", "SDF") are
token patterns on the exact text; ``polemos_actor_caps`` then drops those that stand in an all-capitals
stretch ("ISLAMIC STATE IS DEFEATED"), where "IS" is the verb. Country institutions ("Syrian army") and
generic words ("gunmen") are not entities: ``polemos.resolve.actors`` reads them from the role spans.

``add_to`` and ``actor_spans`` are the interface the rest of the pipeline uses.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from polemos.resolve.actors import patterns

ACTOR_LABELS = frozenset({"ORG", "NORP", "PERSON", "GPE"})
RULER = "polemos_actors"
EXACT_RULER = "polemos_actors_exact"
CAPS_FILTER = "polemos_actor_caps"


@Language.component(CAPS_FILTER, assigns=["doc.ents"], requires=["doc.ents"])
def drop_caps_verbs(doc: Doc) -> Doc:
    """Drop capitals-only actor entities that are also plain English words ("IS", "US", "UN") inside
    all-capitals text; "ISIS" or "SDF" in a capitals headline stay."""
    keep = []
    for ent in doc.ents:
        word = ent.text.lower()
        plain = len(word) <= 2 or doc.vocab[word].is_stop
        if ent.ent_id_ and len(ent) == 1 and ent.text.isupper() and plain and _in_caps_run(doc, ent.start):
            continue
        keep.append(ent)
    if len(keep) != len(doc.ents):
        doc.ents = keep
    return doc


def _in_caps_run(doc: Doc, i: int) -> bool:
    """True when the nearest alphabetic words on both sides (or the one side there is) are in capitals."""
    sides = []
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(doc) and not doc[j].is_alpha:
            j += step
        if 0 <= j < len(doc):
            sides.append(doc[j].text.isupper() and len(doc[j].text) > 1)
    return bool(sides) and all(sides)


def add_to(nlp: Language) -> None:
    """Add the actor entity ruler (before the statistical NER) and its capitals filter."""
    if RULER in nlp.pipe_names:
        return
    where: dict[str, Any] = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe(
        "entity_ruler", name=RULER, config={"phrase_matcher_attr": "LOWER", "overwrite_ents": False}, **where
    )
    # exact-text token patterns ("IS", "SDF") go to a phrase matcher on ORTH: the same matches, without
    # the token Matcher's per-token cost (it was the largest cost polemos added to the parse)
    lower, exact = [], []
    for p in patterns():
        tokens = p["pattern"]
        if isinstance(tokens, list) and all(set(t) == {"TEXT"} for t in tokens):
            exact.append({**p, "pattern": " ".join(t["TEXT"] for t in tokens)})
        else:
            lower.append(p)
    ruler.add_patterns(lower)  # type: ignore[attr-defined]
    exact_ruler = nlp.add_pipe(
        "entity_ruler", name=EXACT_RULER, config={"phrase_matcher_attr": "ORTH", "overwrite_ents": False},
        after=RULER,
    )  # fmt: skip
    exact_ruler.add_patterns(exact)  # type: ignore[attr-defined]
    nlp.add_pipe(CAPS_FILTER, after=EXACT_RULER)


def actor_spans(doc: Doc) -> list[tuple[int, int]]:
    """(char_start, char_end) of named actors the pipeline recognized, in text order."""
    return [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ACTOR_LABELS]
