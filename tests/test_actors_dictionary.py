"""The actor dictionary's data: complete, well-formed, sourced."""

from __future__ import annotations

from pathlib import Path

import pycountry
import pytest

from polemos.errors import ResolveError
from polemos.resolve.actors import get_dictionary
from polemos.resolve.actors_data import DATA, load_raw
from polemos.types import ACTOR_KINDS


@pytest.fixture(scope="module")
def actors():
    return get_dictionary()


def test_actors_every_un_member_has_government_military_and_ministries(actors):
    # the 193 UN members are the sovereign states of pycountry less territories; spot-check all of them
    missing = []
    for country in pycountry.countries:
        if f"state:{country.alpha_2}" not in actors.entries:
            continue
        for inst in ("government", "military", "police", "mod", "mfa", "interior", "president", "fm"):
            if f"state:{country.alpha_2}:{inst}" not in actors.entries:
                missing.append(f"{country.alpha_2}:{inst}")
    assert not missing
    assert sum(1 for e in actors.entries if e.count(":") == 1) >= 195


def test_actors_kinds_are_the_contract_kinds(actors):
    assert {e.kind for e in actors.entries.values()} <= set(ACTOR_KINDS)


def test_actors_curated_rows_all_name_a_source():
    raw = load_raw()
    assert all(row["source"] for row in raw.curated)


def test_actors_data_files_state_their_sources():
    for name in ("actors_states.tsv", "actors_institutions.tsv", "actors_curated.tsv", "actors_conflicts.tsv",
                 "actors_generic.tsv"):  # fmt: skip
        head = (DATA / name).read_text(encoding="utf-8").split("\n", 12)
        assert any(line.startswith("#") and "ource" in line for line in head), name


def test_actors_curated_ids_are_unique():
    ids = [row["id"] for row in load_raw().curated]
    assert len(ids) == len(set(ids))


def test_actors_links_point_to_entries(actors):
    broken = [(e.id, t) for e in actors.entries.values() for _, t in e.links if t not in actors.entries]
    assert not broken


def test_actors_conflict_countries_are_iso_codes(actors):
    codes = {c.alpha_2 for c in pycountry.countries} | {"XK"}
    assert all(cc in codes for e in actors.entries.values() for cc in e.conflicts)


def test_actors_dictionary_is_loaded_once():
    assert get_dictionary() is get_dictionary()


def test_actors_bad_kind_in_data_is_a_coded_error(tmp_path: Path):
    for name in ("actors_states.tsv", "actors_institutions.tsv", "actors_curated.tsv", "actors_conflicts.tsv",
                 "actors_generic.tsv"):  # fmt: skip
        (tmp_path / name).write_text((DATA / name).read_text(encoding="utf-8"), encoding="utf-8")
    with (tmp_path / "actors_generic.tsv").open("a", encoding="utf-8") as f:
        f.write("goblins\tmonsters\t-\n")
    with pytest.raises(ResolveError, match=r"\[E302\].*monsters"):
        load_raw(tmp_path)


def test_actors_missing_data_file_is_a_coded_error(tmp_path: Path):
    with pytest.raises(ResolveError, match=r"\[E302\]"):
        load_raw(tmp_path)
