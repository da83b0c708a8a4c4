"""A headline that tells of several areas is a digest: one area it shares with another story is weak."""

from __future__ import annotations

from fuse_helpers import event, reports

from polemos.fuse import pair


def _score(first: tuple[str, tuple[str, ...]], second: tuple[str, tuple[str, ...]], **kw: str) -> tuple:
    a, b = reports(
        event("a", first[0], places=first[1], outlet=kw.get("oa", "Monitor"), published="2017-03-01"),
        event("b", second[0], places=second[1], outlet=kw.get("ob", "Monitor"), published="2017-03-02"),
    )
    p = pair(a, b)
    return p.score, p.reasons


def test_one_of_two_areas_weighs_less_than_the_only_area() -> None:
    for digest, single in [
        (
            ("Shelling on Jableh and clashes in Aleppo", ("Jableh", "Aleppo")),
            ("Shells fall on Aleppo", ("Aleppo",)),
        ),
        (
            ("Aleppo raids and a blast in Tartus", ("Aleppo", "Tartus")),
            ("Warplanes pound Aleppo", ("Aleppo",)),
        ),
        (("Clashes in Mosul, shelling in Aleppo", ("Mosul", "Aleppo")), ("Aleppo under fire", ("Aleppo",))),
    ]:
        weak, reasons = _score(digest, single)
        full, _ = _score((single[0] + " again", single[1]), single)
        assert weak < full, (digest, weak, full)
        assert any("one of 2 areas" in r for r in reasons), reasons


def test_the_more_areas_a_digest_names_the_less_one_of_them_weighs() -> None:
    single = ("Clashes continue in Aleppo", ("Aleppo",))
    two, _ = _score(("Shelling on Jableh and clashes in Aleppo", ("Jableh", "Aleppo")), single)
    three, reasons = _score(
        ("Shelling on Jableh, a blast in Mosul and clashes in Aleppo", ("Jableh", "Mosul", "Aleppo")), single
    )
    assert three < two, (two, three)
    assert any("one of 3 areas" in r for r in reasons), reasons


def test_the_same_areas_in_both_count_fully() -> None:
    score, reasons = _score(
        ("Shelling on Jableh and clashes in Aleppo", ("Jableh", "Aleppo")),
        ("Clashes in Aleppo and shelling on Jableh", ("Aleppo", "Jableh")),
    )
    assert not any("areas" in r for r in reasons), reasons
    assert any(r.startswith("same place") for r in reasons), reasons
