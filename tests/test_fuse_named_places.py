"""A town one report's text names, where the other report puts its event, is evidence of one incident."""

from __future__ import annotations

from typing import Any

from fuse_helpers import PLACES, event

from polemos.fuse import THRESHOLD, pair, report_from_record
from polemos.fuse.report import Report


def _article_place(name: str) -> dict[str, Any]:
    gid, lat, lon, cc, admin1, feature = PLACES[name]
    return {"text": name, "name": name, "geonameid": gid, "lat": lat, "lon": lon, "country": cc,
            "admin1": admin1, "feature": feature, "start": 0, "end": len(name)}  # fmt: skip


_COUNTRY = {"text": "Syria", "name": "Syria", "geonameid": 163843, "lat": 35.0, "lon": 38.0,
            "country": "SY", "admin1": None, "feature": "country", "start": 0, "end": 5}  # fmt: skip


def _unplaced(text: str, named: tuple[str, ...], **kw: Any) -> Report:
    """An event read with the country only, in an article whose text names ``named`` too."""
    rec = event(text=text, **kw)
    rec["locations"] = [dict(_COUNTRY)]
    return report_from_record(rec, article_places=[dict(_COUNTRY), *(_article_place(n) for n in named)])


def test_a_town_the_text_names_meets_the_other_reports_place() -> None:
    for first, second in [
        ("Aleppo - fighters storm a checkpoint at dawn", "Checkpoint attack near Aleppo leaves six dead"),
        ("Shells fall on residential blocks, Aleppo activists say", "Aleppo shelling hits homes"),
        ("Jableh: car bomb near the bus station", "Car bomb in Jableh kills civilians"),
    ]:
        town = "Jableh" if "Jableh" in first else "Aleppo"
        a = _unplaced(first, (town,), article="a", outlet="Reuters", published="2017-03-01")
        b = report_from_record(event("b", second, places=(town,), outlet="AFP", published="2017-03-01"))
        p = pair(a, b)
        assert any(r.startswith("the text names the place") for r in p.reasons), (first, p)
        assert pair(b, a).score == p.score
        alone = report_from_record(event("a", first, outlet="Reuters", published="2017-03-01"))
        alone = report_from_record({**alone.record, "locations": [dict(_COUNTRY)]})
        assert pair(alone, b).score < p.score


def test_another_town_named_is_no_evidence() -> None:
    a = _unplaced("Tartus - fighters storm a checkpoint", ("Tartus",), article="a", outlet="Reuters",
                  published="2017-03-01")  # fmt: skip
    b = report_from_record(event("b", "Checkpoint attack in Aleppo", places=("Aleppo",), outlet="AFP",
                                 published="2017-03-01"))  # fmt: skip
    p = pair(a, b)
    assert not any(r.startswith("the text names the place") for r in p.reasons)


def test_a_province_or_country_the_text_names_is_not_a_named_place() -> None:
    rec = event("a", "Fighting in Syria", outlet="Reuters", published="2017-03-01")
    province = {**_article_place("Aleppo"), "name": "Aleppo Governorate", "feature": "admin1",
                "geonameid": 170062}  # fmt: skip
    r = report_from_record(rec, article_places=[dict(_COUNTRY), province])
    assert not r.named


def test_a_named_place_ties_what_the_context_supports() -> None:
    a = _unplaced("Jableh - a car bomb went off near the bus station", ("Jableh",), article="a",
                  outlet="Reuters", published="2017-03-01")  # fmt: skip
    b = report_from_record(event("b", "Blast in Jableh kills civilians", places=("Jableh",), outlet="AFP",
                                 published="2017-03-01"))  # fmt: skip
    assert pair(a, b).score >= THRESHOLD
