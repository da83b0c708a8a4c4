"""The output contract (polemos.article/1): every field of OUTPUT.md, every span true to the text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

pytestmark = pytest.mark.slow

EXAMPLE = (REPO / "examples" / "report-2023-kharkiv.txt").read_text(encoding="utf-8")
TWEETS = (
    "Ceasefire talks stall as rebels mass near Aleppo – army\n"
    "Some 3,000 rebel fighters gathered north of Aleppo on Sunday, the army said in a statement.\n"
    "“They are preparing an attack on the city. We will respond,” said General Ali Mahmoud.\n"
    "Smoke over the northern districts tonight pic.twitter.com/AbC123xyz\n"
    "— Example Wire (@examplewire) March 4, 2016\n"
    "READ MORE: Who controls what in Aleppo\n"
    "The UN envoy proposed a 48-hour truce, but the rebels rejected the offer and shelled two "
    "villages near Hama on Monday, killing at least seven civilians and wounding dozens.\n"
    "Photo: Residents flee the shelling\n"
)

ARTICLE_KEYS = {"id", "title", "published", "outlet", "url", "language"}
EVENT_KEYS = {
    "id", "type", "mode", "modality", "actor", "target", "locations", "date", "counts", "claims",
    "trigger", "evidence", "mentions", "acled", "cameo", "confidence",
}  # fmt: skip
ACTOR_KEYS = {"text", "name", "kind", "country", "start", "end"}
PLACE_KEYS = {"text", "name", "geonameid", "lat", "lon", "country", "admin1", "feature", "start", "end"}
DATE_KEYS = {"start", "end", "precision", "text"}
COUNT_KEYS = {"low", "best", "high", "text"}
CLAIM_KEYS = {"claimant", "outlet", "start", "end"}
TIME_KEYS = {"text", "start", "end", "value", "start_date", "end_date", "precision"}
MODALITIES = {"asserted", "planned", "proposed", "threatened", "hypothetical", "negated", "denied"}
MODALITIES |= {"reported"}  # French: the conditionnel de presse
PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "OTHER",
}  # fmt: skip


@pytest.fixture(scope="module", params=["example", "tweets"])
def case(request: pytest.FixtureRequest, extract_text: Any) -> tuple[str, dict[str, Any]]:
    text = EXAMPLE if request.param == "example" else TWEETS
    published = "2023-11-07" if request.param == "example" else "2016-05-23"
    return text, extract_text(text, published=published, outlet="Example Wire")


def spans(record: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(where, span dict) for every object that carries start/end/text in the record."""
    for i, e in enumerate(record["events"]):
        for role in ("actor", "target"):
            if e[role]:
                yield f"events[{i}].{role}", e[role]
        for loc in e["locations"]:
            yield f"events[{i}].locations", loc
        for kind, c in e["counts"].items():
            if c:
                yield f"events[{i}].counts.{kind}", c
        for c in e["claims"]:
            if c["claimant"]:
                yield f"events[{i}].claims.claimant", c["claimant"]
                yield f"events[{i}].claims", {**c, "text": c["claimant"]["text"]}
        yield f"events[{i}].trigger", e["trigger"]
        yield f"events[{i}].evidence", e["evidence"]
        for m in e["mentions"]:
            yield f"events[{i}].mentions", m
        d = e["date"]
        if d and d["span"]:
            yield f"events[{i}].date", {**d["span"], "text": d["text"]}
    for p in record["places"]:
        yield "places", p
    for t in record["times"]:
        yield "times", t
    for n in record["noise"]:
        yield "noise", n


def test_schema_name(case: tuple[str, dict[str, Any]]) -> None:
    assert case[1]["schema"] == "polemos.article/1"


def test_article_fields(case: tuple[str, dict[str, Any]]) -> None:
    assert set(case[1]["article"]) >= ARTICLE_KEYS


def test_the_cases_report_events(case: tuple[str, dict[str, Any]]) -> None:
    assert len(case[1]["events"]) >= 3


def test_event_fields(case: tuple[str, dict[str, Any]]) -> None:
    for e in case[1]["events"]:
        assert set(e) >= EVENT_KEYS, EVENT_KEYS - set(e)


def test_event_values_are_from_the_contract_vocabularies(case: tuple[str, dict[str, Any]]) -> None:
    for e in case[1]["events"]:
        assert e["type"] in PLOVER and e["modality"] in MODALITIES
        assert 0.0 <= e["confidence"] <= 1.0
        assert e["cameo"] is None or (len(e["cameo"]) == 2 and e["cameo"].isdigit())
        assert e["acled"] is None or set(e["acled"]) == {"event_type", "sub_event_type"}


def test_actor_and_target_fields(case: tuple[str, dict[str, Any]]) -> None:
    parties = [e[r] for e in case[1]["events"] for r in ("actor", "target") if e[r]]
    assert parties and all(set(p) >= ACTOR_KEYS for p in parties)


def test_location_and_place_fields(case: tuple[str, dict[str, Any]]) -> None:
    places = case[1]["places"] + [p for e in case[1]["events"] for p in e["locations"]]
    assert places and all(PLACE_KEYS | {"status", "demonym"} <= set(p) for p in places)


def test_place_status_and_demonym_values(case: tuple[str, dict[str, Any]]) -> None:
    for p in case[1]["places"]:
        assert p["status"] in ("resolved", "unresolved", "ambiguous") and isinstance(p["demonym"], bool)
        assert p["status"] != "resolved" or (p["lat"] is not None and p["lon"] is not None)


def test_counts_fields(case: tuple[str, dict[str, Any]]) -> None:
    for e in case[1]["events"]:
        assert set(e["counts"]) == {"killed", "injured", "size"}
        for c in e["counts"].values():
            assert c is None or set(c) >= COUNT_KEYS


def test_count_triples_are_ordered(case: tuple[str, dict[str, Any]]) -> None:
    for e in case[1]["events"]:
        for c in filter(None, e["counts"].values()):
            known = [v for v in (c["low"], c["best"], c["high"]) if v is not None]
            assert known == sorted(known) and c["best"] is not None


def test_claim_fields(case: tuple[str, dict[str, Any]]) -> None:
    claims = [c for e in case[1]["events"] for c in e["claims"]]
    assert claims and all(set(c) >= CLAIM_KEYS for c in claims)
    assert all(c["claimant"] is None or (ACTOR_KEYS | {"party"}) <= set(c["claimant"]) for c in claims)
    assert all(c["outlet"] == "Example Wire" for c in claims)


def test_date_fields_and_basis(case: tuple[str, dict[str, Any]]) -> None:
    for e in case[1]["events"]:
        d = e["date"]
        assert DATE_KEYS | {"basis", "span"} <= set(d)
        assert d["basis"] in ("text", "published") and d["precision"] in ("day", "week", "month", "year")
        assert (d["basis"] == "text") == (d["span"] is not None)
        assert d["start"] <= d["end"]


def test_time_fields(case: tuple[str, dict[str, Any]]) -> None:
    assert case[1]["times"] and all(set(t) >= TIME_KEYS for t in case[1]["times"])


def test_every_span_indexes_the_text(case: tuple[str, dict[str, Any]]) -> None:
    text, record = case
    bad = [
        (where, s["start"], s["end"], s["text"])
        for where, s in spans(record)
        if s["start"] is None or text[s["start"] : s["end"]] != s["text"]
    ]
    assert bad == []


def test_every_span_kind_is_checked(case: tuple[str, dict[str, Any]]) -> None:
    kinds = {where.split(".")[-1].split("[")[0] for where, _ in spans(case[1])}
    assert {"trigger", "evidence", "actor", "claimant", "places", "times"} <= kinds


def test_evidence_contains_its_trigger(case: tuple[str, dict[str, Any]]) -> None:
    for e in case[1]["events"]:
        ev, tr = e["evidence"], e["trigger"]
        assert ev["start"] <= tr["start"] and tr["end"] <= ev["end"]


def test_evidence_is_a_sentence_not_a_paragraph(case: tuple[str, dict[str, Any]]) -> None:
    for e in case[1]["events"]:
        assert "\n" not in e["evidence"]["text"]


def test_event_ids_are_unique(case: tuple[str, dict[str, Any]]) -> None:
    ids = [e["id"] for e in case[1]["events"]]
    assert len(ids) == len(set(ids))


def test_events_are_in_text_order(case: tuple[str, dict[str, Any]]) -> None:
    starts = [e["evidence"]["start"] for e in case[1]["events"]]
    assert starts == sorted(starts)


def test_record_is_json(case: tuple[str, dict[str, Any]]) -> None:
    assert json.loads(json.dumps(case[1])) == case[1]


def test_noise_lists_the_tweet_promo_and_caption(extract_text: Any) -> None:
    record = extract_text(TWEETS)
    assert [n["text"].split()[0] for n in record["noise"]] == ["Smoke", "—", "READ", "Photo:"]


def test_no_event_stands_on_noise(extract_text: Any) -> None:
    record = extract_text(TWEETS)
    for e in record["events"]:
        for n in record["noise"]:
            assert not (n["start"] < e["evidence"]["end"] and e["evidence"]["start"] < n["end"])


def test_undated_event_falls_back_to_the_publication_week(extract_text: Any) -> None:
    (event,) = extract_text("Rebels attacked the army base.", published="2016-05-23")["events"]
    assert event["date"] == {
        "start": "2016-05-23",
        "end": "2016-05-23",
        "precision": "week",
        "text": None,
        "span": None,
        "basis": "published",
    }


def test_a_bare_headline_has_undetermined_language(extract_text: Any) -> None:
    assert extract_text("Soldiers vs Boko Haram, Borno")["article"]["language"] == "und"


def test_without_a_publication_date_an_undated_event_has_none(extract_text: Any) -> None:
    (event,) = extract_text("Rebels attacked the army base.", published=None)["events"]
    assert event["date"] is None


def test_article_metadata_is_echoed(extract_text: Any) -> None:
    from polemos.pipeline import extract

    text = (
        "Rebels attacked the army base near the town on Sunday, and the army said that it had returned "
        "fire and that there were no losses among the soldiers who were on duty at the time."
    )
    record = extract(text, published="2016-05-23", outlet="Wire", title="T", id="a1", url="u")
    assert record["article"] == {
        "id": "a1",
        "title": "T",
        "published": "2016-05-23",
        "outlet": "Wire",
        "url": "u",
        "language": "en",
    }


def test_package_level_extract_api_works_twice(nlp: Any) -> None:
    # regression: a stage package named polemos.extract once replaced the function on first use
    import polemos

    polemos.extract("Rebels attacked the army base.")
    assert polemos.extract("Police arrested five activists.")["events"]


def test_api_refuses_empty_text_with_a_coded_error(nlp: Any) -> None:
    from polemos.errors import ReadError
    from polemos.pipeline import extract

    with pytest.raises(ReadError, match=r"\[E101\]"):
        extract("   ")


def test_example_report_ships_with_the_package() -> None:
    assert Path(REPO / "examples" / "report-2023-kharkiv.txt").is_file()


def test_inferred_location_is_country_level_and_spans_the_party(extract_text: Any) -> None:
    text = "Al-Shabaab militants attacked an army base, killing five soldiers."
    record = extract_text(text, published=None)
    (place,) = [p for e in record["events"] for p in e["locations"] if p["status"] == "inferred"]
    assert (place["feature"], place["country"]) == ("country", "SO")
    assert text[place["start"] : place["end"]] == place["text"] == "Al-Shabaab militants"
