"""The shortcuts of the fusion hot paths say what the plain rules say (hand-made reports): the
scorer's one pass over shared words is ``cosine`` and ``shared_words``, ``apart_otherwise`` is
``is_apart`` once dates and places meet, the index's name keys are the heaviest ``name_tokens``,
a lone report is its own cluster, and the contract writer dispatches as ``isinstance`` would."""

from __future__ import annotations

import dataclasses
import itertools
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from fuse_helpers import event
from test_fuse_fast import _record, _reports

from polemos.contract.plain import plain, shaped
from polemos.fuse import Fuser, report_from_record
from polemos.fuse.block import NAME_KEYS, name_keys
from polemos.fuse.report import _date
from polemos.fuse.score import apart_otherwise, evidence, is_apart, pair, pair_at_least, places_apart
from polemos.fuse.text import cosine, name_tokens, shared_words, text_keys, word_keys, word_weights

TEXTS = [
    "Rebels shelled Aleppo on Sunday, killing three.",
    "Government forces shelled rebel positions near Aleppo; three civilians were killed.",
    "ISIS fighters attacked a checkpoint in Mosul, the Iraqi army said.",
    "A suicide bomber struck a market in Maiduguri, Borno State, killing 12 people.",
    "Boko Haram gunmen raided Maiduguri overnight and killed twelve villagers.",
    "Protesters marched in Kabul against the Taliban.",
]


def _pairs() -> list[tuple[Any, Any]]:
    reports = _reports() + [
        report_from_record(event(f"t{i}", text, places=("Aleppo",) if "Aleppo" in text else ()))
        for i, text in enumerate(TEXTS)
    ]
    return list(itertools.permutations(reports, 2))


def _text_reason(a: Any, b: Any) -> str | None:
    text = cosine(a.words, b.words)
    if not text > 0:
        return None
    shared = shared_words(a.words, b.words)
    return f"text {text:.2f}" + (f" ({', '.join(shared)})" if shared else "")


def test_the_text_reason_is_the_cosine_and_the_heaviest_shared_words() -> None:
    seen = 0
    for a, b in _pairs():
        if is_apart(a, b):
            continue
        want = _text_reason(a, b)
        got = [r for r in evidence(a, b).reasons if r.startswith("text ")]
        assert got == ([want] if want else []), (a.uid, b.uid)
        seen += bool(want)
    assert seen  # some pairs do share words


def test_apart_otherwise_is_is_apart_once_dates_meet_and_places_are_near() -> None:
    checked = 0
    for a, b in _pairs():
        lo, hi = a.date_lo, a.date_hi
        if lo and hi and b.date_lo and b.date_hi and (hi < b.date_lo or b.date_hi < lo):
            continue
        if a.precise and b.precise and places_apart(a.precise, b.precise):
            continue
        checked += 1
        assert apart_otherwise(a, b) == is_apart(a, b), (a.uid, b.uid)
        for floor in (0.0, 0.23, 0.5):
            assert pair_at_least(a, b, floor, near=True) == pair_at_least(a, b, floor)
    assert checked


def test_the_score_is_unchanged_by_which_report_comes_first() -> None:
    for a, b in _pairs():
        assert pair(a, b).score == pair(b, a).score


def test_name_keys_are_the_heaviest_name_tokens() -> None:
    for text in TEXTS:
        r = report_from_record(event("n1", text, actor="Boko Haram" if "Boko" in text else None))
        words = r.words
        heaviest = sorted(name_tokens(words), key=lambda k: (-words[k], k))[:NAME_KEYS]
        names = {*heaviest, *(p.key for p in r.places), *r.actors}
        weeks = sorted({k[2] for k in name_keys(r)})
        assert name_keys(r) == [("n", n, w) for n in sorted(names) for w in weeks]


def test_text_keys_are_word_keys_remembered() -> None:
    for text in [*TEXTS, "", "Shar-e Naw", "Kafr Awad"]:
        assert text_keys(text) == word_keys(text)
        assert text_keys(text) is text_keys(text)


def test_word_weights_read_names_and_sentence_openings_as_before() -> None:
    w = word_weights("Rebels shelled Aleppo. Gunmen fled to Homs; the Army said.")
    assert w["aleppo"] > w["shelled"]  # a name in a sentence weighs more than a plain word
    assert w["gunmen"] == w["shelled"]  # a capital opening a sentence is no name
    assert word_weights("") == {} and word_weights("the of and") == {}


def test_a_day_parsed_once_is_the_same_day_and_a_bad_one_stays_none() -> None:
    assert _date("2020-03-01") == date(2020, 3, 1) == _date("2020-03-01T10:00:00")
    assert _date("2020-13-01") is None and _date("2020-13-01") is None
    assert _date(None) is None and _date("") is None
    assert _date(date(2020, 1, 2)) == date(2020, 1, 2)


def test_precise_places_and_areas_follow_the_places() -> None:
    one = report_from_record(_record(1))
    assert one.precise is one.places and one.areas is one.places
    country = {"text": "Syria", "name": "Syria", "geonameid": 163843, "lat": 35.0, "lon": 38.0,
               "country": "SY", "admin1": None, "feature": "country"}  # fmt: skip
    two = report_from_record(_record(2, locations=[*_record(2)["locations"], country]))
    assert [p.name for p in two.precise] == ["Aleppo"] and [p.name for p in two.areas] == ["Aleppo"]
    none = report_from_record(_record(3, locations=[]))
    assert none.precise == () and none.areas == ()


def test_a_lone_report_is_its_own_cluster_and_a_tied_one_joins() -> None:
    fuser = Fuser()
    lone = report_from_record(event("a1", "Protesters marched in Kabul.", type="PROTEST", places=("Kabul",)))
    a = report_from_record(event("a2", "Rebels shelled Aleppo, killing three.", places=("Aleppo",),
                                 killed=(3, 3, 3), date=("2016-05-23", "2016-05-23", "day")))  # fmt: skip
    b = report_from_record(event("a3", "Rebels shelled Aleppo, killing three people.", outlet="Other",
                                 places=("Aleppo",), killed=(3, 3, 3),
                                 date=("2016-05-23", "2016-05-23", "day")))  # fmt: skip
    fuser.add([lone, a, b])
    alone = fuser.cluster_of(lone.uid)
    assert alone.members == (lone.uid,) and alone.joins == ()
    assert fuser.cluster_of(a.uid) is fuser.cluster_of(b.uid)


class _Colour(StrEnum):
    RED = "red"


@dataclasses.dataclass(frozen=True)
class _Inner:
    day: date
    when: datetime | None = None


@dataclasses.dataclass(frozen=True)
class _Outer:
    name: _Colour
    n: int
    flag: bool
    inner: _Inner
    items: tuple[_Inner, ...]
    raw: dict[str, Any]
    other: Any = None


def test_the_contract_writer_dispatches_as_isinstance_would() -> None:
    raw = {"kept": [1, 2]}
    inner = _Inner(date(2020, 1, 2), datetime(2020, 1, 2, 3, 4))
    marker = object()
    out = shaped(_Outer(_Colour.RED, 3, True, inner, (inner,), raw, marker))
    assert out == {
        "name": _Colour.RED, "n": 3, "flag": True,
        "inner": {"day": "2020-01-02", "when": "2020-01-02T03:04:00"},
        "items": [{"day": "2020-01-02", "when": "2020-01-02T03:04:00"}],
        "raw": raw, "other": marker,
    }  # fmt: skip
    assert out["raw"] is raw and out["other"] is marker  # a mapping kept as JSON is not copied
    day = {"day": "2020-01-02", "when": "2020-01-02T03:04:00"}
    assert plain([inner, None, 1.5, "x"]) == [day, None, 1.5, "x"]
    assert plain(date(2021, 5, 6)) == "2021-05-06"
