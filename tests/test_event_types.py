"""One table of event types (polemos.contract.event_types): every consumer knows every type, so a
new type is one row and this fails when a place that needs to know it does not."""

from __future__ import annotations

import re

import pytest

from polemos.contract.event_types import COUNT_KINDS, EVENT_TYPES
from polemos.extraction import taxonomy
from polemos.extraction.lexicon import read_tsv
from polemos.fuse.report import TYPE_FAMILY, report_from_record
from polemos.types import PLOVER_TYPES

ACLED = {
    taxonomy.BATTLES,
    taxonomy.REMOTE,
    taxonomy.VAC,
    taxonomy.PROTESTS,
    taxonomy.RIOTS,
    taxonomy.STRATEGIC,
}
FAMILIES = {"force", "protest", "verbal-conflict", "cooperation", "other"}
TYPES = list(EVENT_TYPES)


def test_table_rows_are_well_formed() -> None:
    assert TYPES[-1] == "OTHER" and len(set(TYPES)) == len(TYPES)
    for name, row in EVENT_TYPES.items():
        assert row.name == name and row.family in FAMILIES
        assert re.fullmatch(r"#[0-9a-f]{6}", row.colour), name
        assert set(row.counts) <= set(COUNT_KINDS) and (not row.crowd or "size" in row.counts)
        assert re.fullmatch(r"\d\d", row.cameo) and set(row.acled) <= ACLED


def test_plover_list_and_fusion_families_read_the_table() -> None:
    assert tuple(TYPES) == PLOVER_TYPES
    for name, row in EVENT_TYPES.items():
        assert TYPE_FAMILY[name] == row.family
        report = report_from_record({"id": "e", "type": name, "article_id": "a"})
        assert report.family == row.family


def test_dashboard_has_a_colour_for_every_type() -> None:
    pytest.importorskip("fastapi")
    from polemos.web.pages import TYPE_COLORS

    assert {name: row.colour for name, row in EVENT_TYPES.items()} == TYPE_COLORS


@pytest.mark.parametrize("name", TYPES)
def test_cameo_root_of_a_type_without_finer_row(name: str) -> None:
    assert taxonomy.cameo_root(name, None, "no-such-lemma") == EVENT_TYPES[name].cameo


def test_cameo_table_holds_only_known_types_and_no_type_defaults() -> None:
    rows = [r for r in read_tsv("cameo_roots.tsv") if len(r) >= 4]
    assert {r[0].strip() for r in rows} <= set(TYPES)
    assert not [r for r in rows if r[1].strip() == "-" and r[2].strip() == "-"]


def _modes() -> dict[str, set[str | None]]:
    out: dict[str, set[str | None]] = {t: {None} for t in TYPES}
    for r in read_tsv("triggers.tsv"):
        if len(r) >= 4 and r[2].strip() in out:
            out[r[2].strip()].add(None if r[3].strip() == "-" else r[3].strip())
    return out


WORDS = [
    frozenset(), frozenset({"airstrike", "killed"}), frozenset({"protester", "police", "tear", "gas"}),
    frozenset({"arrest", "weapon", "seize"}), frozenset({"ceasefire", "agreement", "territory"}),
]  # fmt: skip
KINDS = [None, "military", "rebel", "civilians", "protesters", "police"]


@pytest.mark.parametrize("name", TYPES)
def test_acled_types_a_type_may_get_are_in_its_row(name: str) -> None:
    got = set()
    for mode in _modes()[name]:
        for words in WORDS:
            for actor in KINDS:
                for target in KINDS:
                    for lemma in ("attack", "surrender", "arrest", "protest", "withdraw"):
                        pair = taxonomy.acled_types(name, mode, lemma, words, actor, target)
                        if pair is not None:
                            got.add(pair[0])
    assert got <= set(EVENT_TYPES[name].acled)
    assert bool(got) == bool(EVENT_TYPES[name].acled)  # a type the table maps is mapped somewhere
