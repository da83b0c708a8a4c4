"""A hand-made store of events on every inhabited continent, some close together (the Sahel, Syria),
some at the antimeridian (Chukotka, Fiji): the world view of the dashboard is tested over it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from api_fixtures import event, place, record

from polemos.service import IngestService
from polemos.store import SqlStore, Stored

# (article id, town, lat, lon, country, killed, day)
TOWNS = [
    ("gao", "Gao", 16.27, -0.04, "ML", 7, "2024-03-04"),
    ("ansongo", "Ansongo", 15.66, 0.50, "ML", 12, "2024-03-06"),
    ("menaka", "Menaka", 15.92, 2.40, "ML", 30, "2024-03-09"),
    ("homs", "Homs", 34.73, 36.72, "SY", 5, "2024-03-05"),
    ("hama", "Hama", 35.13, 36.75, "SY", 9, "2024-03-07"),
    ("idlib", "Idlib", 35.93, 36.63, "SY", 14, "2024-03-11"),
    ("kharkiv", "Kharkiv", 49.99, 36.23, "UA", 3, "2024-03-12"),
    ("anadyr", "Anadyr", 64.73, 177.51, "RU", 1, "2024-03-13"),
    ("suva", "Suva", -18.14, 178.44, "FJ", 2, "2024-03-14"),
    ("culiacan", "Culiacan", 24.80, -107.39, "MX", 6, "2024-03-15"),
    ("cali", "Cali", 3.45, -76.53, "CO", 4, "2024-03-16"),
    ("marawi", "Marawi", 8.00, 124.29, "PH", 8, "2024-03-17"),
    ("sittwe", "Sittwe", 20.15, 92.90, "MM", 11, "2024-03-18"),
    ("goma", "Goma", -1.68, 29.22, "CD", 20, "2024-03-19"),
    ("maiduguri", "Maiduguri", 11.85, 13.16, "NG", 15, "2024-03-20"),
]


def world_corpus() -> list[Stored]:
    out = []
    for aid, town, lat, lon, cc, killed, day in TOWNS:
        title = f"Attack in {town}"
        sentence = f"Gunmen killed {killed} people in {town} on Monday, local officials said."
        text = f"{title}\n{sentence}"
        ev = event(text, "e1", sentence, "ASSAULT", places=[place(text, town, lat, lon, cc)], day=day,
                   date_text="on Monday", killed=(killed, f"{killed} people"), claimant="local officials",
                   trigger="killed", outlet="World Wire")  # fmt: skip
        out.append(Stored(record(aid, text, [ev], "World Wire", day), text))
    return out


@pytest.fixture
def world_url(tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A SQLite file holding the multi-continent corpus."""
    url = f"sqlite:///{tmp_path / 'world.db'}"
    store = SqlStore(url)
    IngestService(store).write(world_corpus(), paths=["world"], engine="test")  # stored, then fused
    store.close()
    yield url
