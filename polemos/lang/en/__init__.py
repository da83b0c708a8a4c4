"""The English bundle: the English model's dependency labels, and references to the modules that read English.

The English model's dependency labels live here (``labels.py``: named sets such as ``OBJECTS``,
``PREP_OBJECTS``, ``PASSIVE_SUBJECTS``), and the English extraction modules compare ``dep_`` with
those sets, never with a label string. English lexicons still live where the extractor reads them
(``polemos/data/triggers.tsv``, ``extraction/attribution.py``, ``extraction/modality.py``,
``extraction/numbers.py``, ``resolve/dates_lex.py``, ``read/noise.py``); this bundle names them, so
that English and French are chosen the same way and English output is unchanged. ``analyse`` is
``polemos.pipeline.analyse``.

``BUNDLE`` is built on first use (a module ``__getattr__``): the extraction modules import
``polemos.lang.en.labels``, and the bundle imports extraction modules, so building it at import would
be circular.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from polemos.lang import LanguageBundle
from polemos.lang.en import labels


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
        dependency_labels=labels.ROLES,
        analyse=_analyse,
        load=load_nlp,
    )


@cache
def _built() -> LanguageBundle:
    return _bundle()


def __getattr__(name: str) -> Any:
    if name == "BUNDLE":
        return _built()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
