"""Fusion of reports placed at villages the gazetteer lacks (unresolved names, no point): spellings of
one village meet by their consonants; another village, or the attack on two villages against the
attack on one of them, is another event. Hand-made records."""

from __future__ import annotations

from typing import Any

from fuse_helpers import event, reports

from polemos.fuse.score import apart_reason, pair


def at(record: dict[str, Any], *names: str) -> dict[str, Any]:
    """The record placed at villages no gazetteer holds (name and country, no point)."""
    text = record["evidence"]["text"]
    record["locations"] = [
        {"text": n, "name": None, "geonameid": None, "lat": None, "lon": None, "country": "NE",
         "admin1": "Tillaberi", "feature": None, "start": max(0, text.find(n)), "end": 0}
        for n in names
    ]  # fmt: skip
    return record


DAY = ("2021-01-02", "2021-01-02", "day")


def test_spellings_of_one_village_are_one_place() -> None:
    for a, b in [
        ("Tchoma Bangou", "Tchombangou"),
        ("Tchomo-Bangou", "Tchombangou"),
        ("Kobadiéré", "Kobadiere"),
    ]:
        x, y = reports(
            at(event("a1", f"Des hommes armés ont tué 70 personnes à {a}.", outlet="A", date=DAY), a),
            at(event("a2", f"70 villageois tués à {b} samedi.", outlet="B", date=DAY), b),
        )
        p = pair(x, y)
        assert any(r.startswith("same place") for r in p.reasons), (a, b, p.reasons)


def test_another_village_is_another_event() -> None:
    x, y = reports(
        at(event("a1", "À Kobadiéré, 70 morts.", outlet="A", date=DAY, killed=(70, 70, 70)), "Kobadiéré"),
        at(event("a2", "À Sinagodar, 30 morts.", outlet="B", date=DAY, killed=(30, 30, 30)), "Sinagodar"),
    )
    assert apart_reason(x, y) == "different villages"


def test_the_attack_on_two_villages_is_not_the_attack_on_one() -> None:
    whole, part, same = reports(
        at(
            event("a1", "100 morts à Kobadiéré et Sinagodar.", outlet="A", date=DAY), "Kobadiéré", "Sinagodar"
        ),
        at(event("a2", "50 morts à Kobadiere.", outlet="B", date=DAY), "Kobadiere"),
        at(
            event("a3", "Cent morts à Sinagodar et Kobadiéré.", outlet="C", date=DAY),
            "Sinagodar",
            "Kobadiéré",
        ),
    )
    assert apart_reason(whole, part) == "a whole and one of its parts"
    assert apart_reason(whole, same) is None and pair(whole, same).score > 0.23
