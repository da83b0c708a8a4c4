"""The French model's dependency labels, named by role like the English ones (``lang/en/labels.py``).

``fr_core_news_md`` writes Universal Dependencies labels; the sets carry the names of their English
equivalents where the two languages share the role (``SUBJECTS``, ``PASSIVE_SUBJECTS``, ``OBJECTS``,
``AGENTS``, ``NOUN_MODIFIERS``, ``CASE_MARKERS``), and ``ROLES`` the same role keys as the English
``ROLES``. ``OBLIQUES`` has no English set: English attaches a preposition and its object instead
(``PREPOSITIONS``, ``PREP_OBJECTS``).
"""

from __future__ import annotations

SUBJECTS = frozenset({"nsubj"})
PASSIVE_SUBJECTS = frozenset({"nsubj:pass"})
OBJECTS = frozenset({"obj"})
AGENTS = frozenset({"obl:agent"})  # "tué par des jihadistes": jihadistes
OBLIQUES = frozenset({"obl", "obl:arg", "obl:mod"})
NOUN_MODIFIERS = frozenset({"nmod"})
CASE_MARKERS = frozenset({"case"})  # the preposition of an oblique or a nominal modifier

# Role -> labels, the bundle's ``dependency_labels``.
ROLES: dict[str, frozenset[str]] = {
    "subject": SUBJECTS,
    "passive_subject": PASSIVE_SUBJECTS,
    "object": OBJECTS,
    "agent": AGENTS,
    "oblique": OBLIQUES,
    "nominal_modifier": NOUN_MODIFIERS,
    "case": CASE_MARKERS,
}
