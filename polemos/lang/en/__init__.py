"""The English bundle: references to the modules that read English today (nothing moves yet).

English lexicons still live where the extractor reads them (``polemos/data/triggers.tsv``,
``extraction/attribution.py``, ``extraction/modality.py``, ``extraction/numbers.py``,
``resolve/dates_lex.py``, ``read/noise.py``), and the English extraction modules read the English
model's dependency labels (``dobj``, ``pobj``, ``nsubjpass``) directly. Moving them under this folder
is a later step; until then this bundle only names them, so that English and French are chosen the
same way and English output is unchanged. ``analyse`` is ``polemos.pipeline.analyse``.
"""

from __future__ import annotations

from typing import Any

from polemos.lang import LanguageBundle


def _analyse(doc: Any, article: Any) -> Any:
    from polemos.pipeline import analyse

    return analyse(doc, article)


def _bundle() -> LanguageBundle:
    from polemos.extraction import modality
    from polemos.extraction.attribution import REPORTING
    from polemos.extraction.numbers import _TENS, _UNITS, VAGUE
    from polemos.nlp import MODEL, load_nlp
    from polemos.read import noise
    from polemos.resolve.dates_lex import MONTHS, WEEKDAYS

    cues = {w: "denied" for w in modality.DENY}
    cues |= {w: "proposed" for w in modality.PROPOSE}
    cues |= {w: "threatened" for w in modality.THREAT}
    cues |= {w: "hypothetical" for w in modality.HYPOTHETICAL}
    return LanguageBundle(
        code="en",
        model=MODEL,
        reporting_verbs=frozenset(REPORTING),
        attribution_cues=("according to",),
        modality_cues=cues,
        number_words={**_UNITS, **_TENS},
        vague_quantifiers={k: (v, v, None) for k, v in VAGUE.items()},
        months=dict(MONTHS),
        weekdays=dict(WEEKDAYS),
        locative_cues=frozenset("in at near outside around across".split()),
        noise_patterns=(noise._PROMO, noise._SHARE, noise._CAPTION),
        dependency_labels={
            "subject": frozenset({"nsubj"}),
            "passive_subject": frozenset({"nsubjpass"}),
            "object": frozenset({"dobj"}),
            "agent": frozenset({"agent"}),
            "prep_object": frozenset({"pobj"}),
        },
        analyse=_analyse,
        load=load_nlp,
    )


BUNDLE = _bundle()
