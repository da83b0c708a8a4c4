"""The light stem fusion compares words by (fuse/text.py): a plural meets its singular."""

from __future__ import annotations

import pytest

from polemos.fuse.text import stem


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("clashes", "clash"),
        ("crashes", "crash"),
        ("marches", "march"),
        ("searches", "search"),
        ("ambushes", "ambush"),
        ("buses", "bus"),
        ("viruses", "virus"),
        ("boxes", "box"),
        ("masses", "mass"),
        ("bombings", "bombing"),
        ("militias", "militia"),
        ("casualties", "casualty"),
        ("causes", "cause"),
        ("houses", "house"),
        ("headaches", "headache"),
        ("strikes", "strike"),
    ],
)
def test_fuse_text_stem_meets_singular(plural: str, singular: str) -> None:
    assert stem(plural) == stem(singular)
    assert not stem(plural).endswith("e") or singular.endswith("e")


@pytest.mark.parametrize("word", ["clashe", "marche", "buse"])
def test_fuse_text_stem_never_leaves_a_half_suffix(word: str) -> None:
    assert stem(word + "s") != word
