"""The English dependency labels live in ``polemos.lang.en.labels``: no English extraction module compares
a token's ``dep_`` with a label string, and every named set holds labels the English model writes.

The check is an AST scan of ``polemos/extraction``: a string constant (or a tuple, list or set of them)
compared with a ``.dep_`` attribute, passed to ``.dep_.startswith``/``.endswith``, or assigned to a
module-level name that is compared with ``.dep_``. The scanner is tried first on hand-made snippets,
several phrasings each, so the guard itself can be seen to fail."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest

from polemos.lang import bundle
from polemos.lang.en import labels

EXTRACTION = Path(__file__).resolve().parent.parent / "polemos" / "extraction"
# The language-neutral NLP stages read the English sets too (a UD label the French model shares, "nmod",
# is in them): no raw label there either.
NLP = Path(__file__).resolve().parent.parent / "polemos" / "nlp"
# The English labels, and the UD labels the extraction code used to accept beside them.
KNOWN = labels.ALL | {"obj", "flat", "nsubj:pass", "obl", "obl:agent", "nmod:poss"}


def _strings(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return [s for e in node.elts for s in _strings(e)]
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("frozenset", "set"):
        return [s for a in node.args for s in _strings(a)]
    return []


def _is_dep(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "dep_"


def raw_labels(source: str) -> list[tuple[int, str]]:
    """(line, label) for every label string read against ``.dep_`` in ``source``."""
    tree = ast.parse(source)
    assigned: dict[str, list[ast.AST]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    assigned.setdefault(t.id, []).append(node.value)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            assigned.setdefault(node.target.id, []).append(node.value)
    out: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        read: list[Any] = []
        if isinstance(node, ast.Compare):
            parts = [node.left, *node.comparators]
            if any(_is_dep(p) for p in parts):
                read = [p for p in parts if not _is_dep(p)]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("startswith", "endswith")
            and _is_dep(node.func.value)
        ):
            read = list(node.args)
        for r in read:
            values = [r] + (assigned.get(r.id, []) if isinstance(r, ast.Name) else [])
            out += [(node.lineno, s) for v in values for s in _strings(v) if s in KNOWN]
    return out


@pytest.mark.parametrize(
    "snippet",
    [
        'ok = tok.dep_ == "dobj"',
        'ok = tok.dep_ != "pobj"',
        'ok = "nsubjpass" == tok.head.dep_',
        'ok = tok.dep_ in ("nsubj", "nsubjpass")',
        'ok = any(c.dep_ not in ["prep", "agent"] for c in tok.children)',
        'ok = tok.dep_ in frozenset({"compound", "amod"})',
        '_ARGS = ("dobj", "attr")\nok = tok.dep_ in _ARGS',
        '_ARGS: frozenset[str] = frozenset(["xcomp"])\nok = tok.dep_ not in _ARGS',
        'ok = tok.dep_.startswith("obj")',
    ],
)
def test_scanner_finds_a_raw_label(snippet: str) -> None:
    assert raw_labels(snippet)


@pytest.mark.parametrize(
    "snippet",
    [
        "ok = tok.dep_ in en.OBJECTS",
        "ok = tok.dep_ not in en.SUBJECTS | en.PASSIVE_SUBJECTS",
        'ok = tok.lower_ == "agent" and tok.dep_ in en.SUBJECTS',  # a word, not a label read
        'ok = tok.pos_ in ("VERB", "AUX") and tok.dep_ == tok.head.dep_',
        '_WORDS = ("prep", "case")\nok = tok.lower_ in _WORDS',
    ],
)
def test_scanner_leaves_named_sets_and_words(snippet: str) -> None:
    assert raw_labels(snippet) == []


def test_no_english_extraction_module_reads_a_raw_label() -> None:
    found = {
        f"{path.name}:{line}: {label}"
        for path in sorted(EXTRACTION.glob("*.py")) + sorted(NLP.glob("*.py"))
        for line, label in raw_labels(path.read_text(encoding="utf-8"))
    }
    assert not found, "use polemos.lang.en.labels (as `en`): " + ", ".join(sorted(found))


def test_the_bundle_maps_roles_to_the_named_sets() -> None:
    en = bundle("en").dependency_labels
    assert en == labels.ROLES
    assert en["object"] == labels.OBJECTS == frozenset({"dobj"})
    assert en["prep_object"] == frozenset({"pobj"}) and en["passive_subject"] == frozenset({"nsubjpass"})
    # the roles both languages have carry the same key
    fr = bundle("fr").dependency_labels
    for role in ("subject", "passive_subject", "object", "agent", "nominal_modifier", "case"):
        assert role in en and role in fr
    assert fr["passive_subject"] == frozenset({"nsubj:pass"})


def test_each_label_has_one_role() -> None:
    seen: dict[str, str] = {}
    for role, labs in labels.ROLES.items():
        for label in labs:
            assert label not in seen, f"{label} in both {seen[label]} and {role}"
            seen[label] = role
    assert labels.ANY_SUBJECTS == labels.SUBJECTS | labels.PASSIVE_SUBJECTS


@pytest.mark.slow
def test_every_named_label_is_one_the_english_model_writes(nlp: Any) -> None:
    written = set(nlp.get_pipe("parser").labels)
    assert written >= labels.ALL, sorted(labels.ALL - written)
    assert "obj" not in written and "flat" not in written  # the UD labels dropped from the sets


def test_the_french_sets_carry_the_english_names_of_their_roles() -> None:
    from polemos.lang.fr import labels as fr_labels

    assert bundle("fr").dependency_labels == fr_labels.ROLES
    en_sets = {n: v for n, v in vars(labels).items() if n.isupper() and isinstance(v, frozenset)}
    fr_sets = {n: v for n, v in vars(fr_labels).items() if n.isupper() and isinstance(v, frozenset)}
    shared = set(en_sets) & set(fr_sets)
    assert {"SUBJECTS", "PASSIVE_SUBJECTS", "OBJECTS", "AGENTS", "NOUN_MODIFIERS", "CASE_MARKERS"} <= shared
    en_role = {id(v): k for k, v in labels.ROLES.items()}
    fr_role = {id(v): k for k, v in fr_labels.ROLES.items()}
    for name in shared:  # same name, same role key
        assert en_role[id(en_sets[name])] == fr_role[id(fr_sets[name])], name
    assert fr_labels.ROLES["object"] == frozenset({"obj"}) and fr_labels.ROLES["agent"] == {"obl:agent"}
