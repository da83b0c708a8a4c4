"""A wire headline's version label ("UPDATE 2-", "REFILE-") is noise; the headline after it is read."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import events_of

from polemos.read.noise import parse_text


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("UPDATE 2-Suicide bomber kills 12", "         Suicide bomber kills 12"),
        ("Blast in Kabul\nREFILE-Gunmen kill 9", "Blast in Kabul\n       Gunmen kill 9"),
        ("Gunmen kill 9 in Kano - police", "Gunmen kill 9 in Kano - police"),
        ("Kano - UPDATE 1-Gunmen kill 9", "Kano - UPDATE 1-Gunmen kill 9"),  # a label opens a line only
    ],
)
def test_the_parser_reads_the_headline_without_its_label(text: str, parsed: str) -> None:
    assert parse_text(text) == parsed
    assert len(parse_text(text)) == len(text)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("headline", "killed"),
    [
        ("UPDATE 2-Suicide bomber kills 12 in Kabul", 12),
        ("REFILE-Gunmen kill 9 in northeast Nigeria village", 9),
        ("WRAPUP 1-Air strikes kill 30 in Syria's Idlib", 30),
        ("UPDATE 1-Turkish warplanes strike 15 targets in Syria's al Bab area - military", None),
    ],
)
def test_a_labelled_headline_is_read(extract_text: Any, headline: str, killed: int | None) -> None:
    record = extract_text(headline + "\n", published="2016-11-14")
    assaults = events_of(record, "ASSAULT")
    assert assaults, headline
    event = assaults[0]
    ev = event["evidence"]
    assert headline[ev["start"] : ev["end"]] == ev["text"]
    assert not ev["text"].startswith(("UPDATE", "REFILE", "WRAPUP"))
    assert (event["counts"].get("killed") or {}).get("best") == killed
