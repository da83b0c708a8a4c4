"""A country the article names is weighed by the country term, not again as a word both texts share:
two stories of one country's day that share only its name ("RCA : ...", "Mali: ...") have nothing
specific to one incident. Hand-made records."""

from __future__ import annotations

from typing import Any

from fuse_helpers import event

from polemos.fuse import report_from_record
from polemos.fuse.score import pair


def country(text: str, name: str, cc: str, *, demonym: bool = False) -> dict[str, Any]:
    start = text.find(name)
    return {"text": name, "start": start, "end": start + len(name), "name": name, "geonameid": 1,
            "lat": 1.0, "lon": 1.0, "country": cc, "admin1": None,
            "feature": "country", "demonym": demonym}  # fmt: skip


def told(article: str, text: str, outlet: str, name: str, cc: str) -> Any:
    record = event(article, text, outlet=outlet, published="2021-12-19")
    return report_from_record(record, article_places=[country(text, name, cc)])


def test_a_shared_country_name_is_no_shared_word() -> None:
    for a, b, name, cc in [
        ("RCA : des miliciens pillent un marché", "RCA : un camion de commerçants incendié", "RCA", "CF"),
        ("Mali: gunmen loot a market", "Mali: a traders' lorry set on fire", "Mali", "ML"),
        ("Burkina Faso : une école brûlée", "Burkina Faso : un pont détruit", "Burkina Faso", "BF"),
        ("Nigeria - herders and farmers fight", "Nigeria - a pipeline blown up", "Nigeria", "NG"),
    ]:
        p = pair(told("a1", a, "A", name, cc), told("a2", b, "B", name, cc))
        assert not any(r.startswith("text") for r in p.reasons), (a, b, p.reasons)
        assert "nothing specific to one incident" in p.reasons and p.score < 0.23, (a, b, p.reasons)


def test_the_incident_s_own_words_still_count() -> None:
    for a, b, name, cc in [
        ("RCA : des miliciens pillent le marché de Zimako", "RCA : pillage du marché de Zimako", "RCA", "CF"),
        ("Mali: gunmen loot the Ansongo cattle market", "Mali: Ansongo cattle market looted", "Mali", "ML"),
    ]:  # fmt: skip
        p = pair(told("a1", a, "A", name, cc), told("a2", b, "B", name, cc))
        assert any(r.startswith("text") for r in p.reasons), (a, b, p.reasons)
        assert name.lower() not in next(r for r in p.reasons if r.startswith("text")).lower(), p.reasons


def test_a_demonym_stays_a_word() -> None:
    # "Malian soldiers" says whose, not where: the article's demonym place is not skipped
    text = "Malian soldiers ambushed"
    record = event("a1", text, outlet="A", published="2021-12-19")
    r = report_from_record(record, article_places=[country(text, "Malian", "ML", demonym=True)])
    assert "malian" in r.words
