"""The fused record: low/best/high by the contract's rule, claims, disagreements, reports."""

from __future__ import annotations

from fuse_helpers import event, reports

from polemos.fuse.record import figure


def _killed(*given: tuple[int, str | None, bool, str]) -> dict:
    recs = [
        event(
            f"a{i}",
            f"{value} killed",
            outlet=outlet,
            claimant=claimant,
            party=party,
            killed=(value, value, value),
        )
        for i, (value, claimant, party, outlet) in enumerate(given)
    ]
    result = figure("killed", reports(*recs))
    assert result is not None
    return result


def test_fuse_best_is_the_figure_most_independent_claimants_support() -> None:
    k = _killed((20, "UN", False, "AFP"), (20, "Red Cross", False, "Reuters"), (35, "SOHR", False, "AP"))
    assert (k["low"], k["best"], k["high"]) == (20, 20, 35)


def test_fuse_a_party_counts_less_than_an_independent_source() -> None:
    k = _killed((300, "Nigerian Army", True, "AFP"), (120, "Amnesty International", False, "Reuters"))
    assert k["best"] == 120


def test_fuse_one_claimant_repeated_counts_once() -> None:
    k = _killed(
        (50, "Army", False, "A"), (50, "Army", False, "B"), (30, "UN", False, "C"), (30, "HRW", False, "D")
    )
    assert k["best"] == 30  # two sources against one source told twice


def test_fuse_over_n_keeps_low_honest() -> None:
    recs = [
        event("a", "over 100 died", killed=(100, 100, None)),
        event("b", "148 died", killed=(148, 148, 148)),
    ]
    k = figure("killed", reports(*recs))
    assert k is not None and (k["low"], k["high"]) == (100, 148)


def test_fuse_no_figure_no_count() -> None:
    assert figure("injured", reports(event("a", "a blast"))) is None
