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


def test_a_short_village_name_is_a_village_too() -> None:
    # names of two or three consonants are keyed by their spelling, not their consonants: still villages
    for a, b in [("Zimako", "Kouki"), ("Boda", "Zawa"), ("Ouro", "Kaya Peulh")]:
        x, y = reports(
            at(event("a1", f"5 personnes tuées au village {a}.", outlet="A", date=DAY), a),
            at(event("a2", f"6 morts au village {b}.", outlet="B", date=DAY), b),
        )
        assert apart_reason(x, y) == "different villages", (a, b)


def test_one_short_village_told_twice_is_one_place() -> None:
    for a, b in [("Zimako", "Zimako"), ("Kouki", "Kouki"), ("Boda", "BODA")]:
        x, y = reports(
            at(event("a1", f"5 personnes tuées au village {a}.", outlet="A", date=DAY), a),
            at(event("a2", f"Cinq morts à {b} samedi.", outlet="B", date=DAY), b),
        )
        assert apart_reason(x, y) is None, (a, b)
        assert any(r.startswith("same place") for r in pair(x, y).reasons), (a, b)


def test_a_short_village_within_two_is_a_part() -> None:
    whole, part = reports(
        at(event("a1", "12 morts à Zimako et Kouki.", outlet="A", date=DAY), "Zimako", "Kouki"),
        at(event("a2", "5 morts à Zimako.", outlet="B", date=DAY), "Zimako"),
    )
    assert apart_reason(whole, part) == "a whole and one of its parts"


def test_a_village_agrees_with_a_country_level_report_no_more_than_two_country_level_reports() -> None:
    from polemos.fuse.score import _place_evidence

    country = [{"text": "Niger", "name": "Niger", "geonameid": 2440476, "lat": 17.0, "lon": 9.0,
                "country": "NE", "admin1": None, "feature": "country", "start": 0, "end": 5}]  # fmt: skip
    for name in ("Zimako", "Tchombangou", "Kouki"):
        village = at(event("a1", f"Niger : 5 civils tués à {name}.", outlet="A", date=DAY), name)
        plain = event("a2", "Niger : 6 civils tués.", outlet="B", date=DAY)
        plain["locations"] = country
        other = event("a3", "Niger : 4 civils tués.", outlet="C", date=DAY)
        other["locations"] = country
        v, c, o = reports(village, plain, other)
        assert _place_evidence(v, c) == _place_evidence(o, c) == (0.0, []), name
        assert apart_reason(v, c) is None  # a country-level report may still be the village's event
