"""polemos eval on an ACLED-style CSV, with hand-made records (no model): type, place, country, date,
fatalities and actor checks on the event that stands for each row; per-type figures; the text column."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from polemos.errors import ConfigError
from polemos.evaluate import evaluate
from polemos.evaluate.acled import acled_day, country_code, standing_event

COLUMNS = [
    "event_id_cnty",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "location",
    "latitude",
    "longitude",
    "fatalities",
    "notes",
    "story",
]
ROWS = [
    [
        "YEM1",
        "04 March 2024",
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        "Unidentified Armed Group (Yemen)",
        "Civilians (Yemen)",
        "Yemen",
        "Aden",
        "12.7794",
        "45.0367",
        "9",
        "On 4 March 2024, a car bomb killed 9 people at a market in Aden.",
        "A bomb in Aden.",
    ],
    [
        "YEM2",
        "2024-03-03",
        "Battles",
        "Armed clash",
        "Military Forces of Yemen",
        "Houthis",
        "Yemen",
        "Hodeidah",
        "14.7978",
        "42.9545",
        "0",
        "On 3 March 2024, troops clashed with Houthis near Hodeidah.",
        "Clashes near Hodeidah.",
    ],
    [
        "SYR1",
        "2024-03-05",
        "Protests",
        "Peaceful protest",
        "Protesters (Syria)",
        "",
        "SY",
        "Suwayda",
        "32.7089",
        "36.5695",
        "0",
        "On 5 March 2024, people protested in Suwayda against the government.",
        "A rally in Suwayda.",
    ],
    [
        "NOTEXT",
        "2024-03-05",
        "Protests",
        "Peaceful protest",
        "",
        "",
        "Syria",
        "Idlib",
        "35.93",
        "36.63",
        "0",
        "",
        "",
    ],
]


def ev(start: int, type_: str, acled: tuple[str, str] | None, **kw: Any) -> dict[str, Any]:
    out = {
        "type": type_,
        "modality": "asserted",
        "evidence": {"start": start, "end": start + 10, "text": "…"},
        "acled": {"event_type": acled[0], "sub_event_type": acled[1]} if acled else None,
        "locations": [],
        "counts": {},
        "actor": None,
        "target": None,
        "date": None,
        "claims": [],
    }
    out.update(kw)
    return out


def preds() -> list[dict[str, Any]]:
    aden = {"name": "Aden", "lat": 12.78, "lon": 45.04, "country": "YE"}
    return [
        {
            "article": {"id": "YEM1"},
            "events": [
                ev(0, "ACCUSE", None),  # not violent: the bombing stands for the row
                ev(
                    20,
                    "ASSAULT",
                    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
                    locations=[aden],
                    counts={"killed": {"low": 9, "best": 9, "high": 9}},
                    date={"start": "2024-03-04"},
                    target={"text": "9 people", "name": "Civilians"},
                ),
            ],
        },
        {
            "article": {"id": "YEM2"},
            "events": [
                ev(
                    20,
                    "FIGHT",
                    ("Battles", "Armed clash"),
                    locations=[aden],
                    date={"start": "2024-03-04"},
                    actor={"text": "troops", "name": "Military Forces of Yemen"},
                    target={"text": "Houthis"},
                    counts={"killed": {"low": 2, "best": 2, "high": 2}},
                )
            ],
        },
        {"article": {"id": "SYR1"}, "events": []},
    ]


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    gold = tmp_path / "acled.csv"
    with gold.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        w.writerows(ROWS)
    pred = tmp_path / "pred.jsonl"
    pred.write_text("\n".join(json.dumps(p) for p in preds()) + "\n")
    return gold, pred


def test_csv_scores_type_place_and_fatalities(files: tuple[Path, Path]) -> None:
    result = evaluate(files[0], predictions=files[1])
    m = result.metrics
    assert result.kind == "acled" and m["records"] == 3  # the row without notes is not scored
    assert m["detected"] == round(2 / 3, 3)
    assert m["event_type_accuracy"] == round(2 / 3, 3) and m["sub_event_type_accuracy"] == round(2 / 3, 3)
    assert m["location_accuracy"] == round(1 / 3, 3)  # Hodeidah read as Aden; the protest not read
    assert m["country_accuracy"] == round(2 / 3, 3)  # "Yemen" and "SY" both understood
    # YEM2: 2 killed read where the row says 0; SYR1: none read, rightly
    assert m["fatalities_accuracy"] == 1.0 and m["fatalities_none_accuracy"] == 0.5
    assert m["date_accuracy"] == round(1 / 3, 3)
    assert m["actor_accuracy"] == round(1 / 3, 3) and m["target_accuracy"] == 1.0


def test_csv_date_and_place_tolerances(files: tuple[Path, Path]) -> None:
    result = evaluate(files[0], predictions=files[1], km=400, days=1)
    assert result.metrics["location_accuracy"] == round(2 / 3, 3) and result.metrics[
        "date_accuracy"
    ] == round(2 / 3, 3)


def test_csv_listing_shows_expected_and_said(files: tuple[Path, Path]) -> None:
    result = evaluate(files[0], predictions=files[1])
    rows = {r["record"]: r for r in result.errors()}
    assert set(rows) == {"YEM1", "YEM2", "SYR1"}
    assert [c["field"] for c in rows["YEM1"]["checks"] if not c["ok"]] == ["actor"]  # no actor read
    place = next(c for c in rows["YEM2"]["checks"] if c["field"] == "location")
    assert place["expected"] == "Hodeidah within 25 km" and place["got"] == ["Aden (318 km away)"]
    assert rows["YEM2"]["line"] == 3 and rows["YEM2"]["said"][0]["type"] == "FIGHT"
    assert rows["SYR1"]["status"] == "missed" and "Suwayda" in rows["SYR1"]["text"]


def test_csv_per_type(files: tuple[Path, Path]) -> None:
    per_type = evaluate(files[0], predictions=files[1]).per_type
    assert set(per_type) == {"Explosions/Remote violence", "Battles", "Protests"}
    assert per_type["Protests"]["detected"] == 0.0 and per_type["Battles"]["event_type_accuracy"] == 1.0


def test_csv_text_column_named_by_the_user(files: tuple[Path, Path]) -> None:
    result = evaluate(files[0], predictions=files[1], text_column="story")
    assert result.metrics["records"] == 3 and "A bomb in Aden." in [r["text"] for r in result.records]


def test_csv_without_the_text_column_says_so(files: tuple[Path, Path]) -> None:
    with pytest.raises(ConfigError, match=r"E230.*no column 'body'.*--text-column"):
        evaluate(files[0], predictions=files[1], text_column="body")


def test_standing_event_prefers_the_first_violent() -> None:
    rec = {"events": [ev(50, "ASSAULT", None), ev(0, "CONSULT", None), ev(10, "COERCE", None)]}
    assert standing_event(rec)["type"] == "COERCE"
    assert standing_event({"events": [ev(5, "AID", None), ev(1, "CONSULT", None)]})["type"] == "CONSULT"
    assert standing_event(None) is None


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2024-03-05", "2024-03-05"),
        ("05 March 2024", "2024-03-05"),
        ("5 Mar 2024", "2024-03-05"),
        ("05/03/2024", "2024-03-05"),
        ("March 5", None),
    ],
)
def test_acled_dates(value: str, day: str | None) -> None:
    got = acled_day(value)
    assert (got.isoformat() if got else None) == day


def test_country_names_and_codes() -> None:
    assert [country_code(c) for c in ("Syria", "SYR", "sy", "Yemen")] == ["SY", "SY", "SY", "YE"]
    assert country_code("Atlantis") is None
