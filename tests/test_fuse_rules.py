"""Fusion's rules, each on hand-written reports: what is one event, and what stays apart."""

from __future__ import annotations

from fuse_helpers import event, reports

from polemos.fuse import Fuser, apart_reason, fuse, pair


def _groups(fused: list[dict]) -> list[list[str]]:
    return sorted(sorted(r["article_id"] for r in f["reports"]) for f in fused)


def jableh() -> list[dict]:
    """The Jableh/Tartus bombings of 23 May 2016 told by four outlets (issue 5)."""
    return [
        event(
            "rt",
            "Over 100 people died in a series of bombings in Jableh and Tartus on Monday, IS claimed",
            outlet="RT",
            published="2016-05-23",
            mode="explode",
            actor="Islamic State",
            places=("Jableh", "Tartus"),
            date=("2016-05-23", "2016-05-23", "day"),
            killed=(100, 100, None),
        ),
        event(
            "wire",
            "Bombings in the coastal cities of Jableh and Tartus killed 148 people, the Syrian "
            "Observatory for Human Rights said",
            outlet="Christian Times",
            published="2016-05-24",
            mode="explode",
            places=("Jableh", "Tartus"),
            date=("2016-05-23", "2016-05-23", "day"),
            killed=(148, 148, 148),
            claimant="Syrian Observatory for Human Rights",
        ),
        event(
            "weekly",
            "Islamic State bombings in Tartus and Jableh killed nearly 150 people last week",
            outlet="WorldTribune",
            published="2016-05-27",
            mode="explode",
            actor="Islamic State",
            places=("Tartus", "Jableh"),
            date=("2016-05-23", "2016-05-23", "day"),
            killed=(150, 150, 150),
        ),
        event(
            "sana",
            "Terrorist bombings in Jableh and Tartus claim the lives of civilians",
            outlet="SANA",
            published="2016-05-23",
            mode="explode",
            places=("Jableh", "Tartus"),
        ),
    ]


def test_fuse_several_outlets_one_event() -> None:
    fused = fuse(jableh())
    assert _groups(fused) == [["rt", "sana", "weekly", "wire"]]
    (f,) = fused
    assert f["schema"] == "polemos.event/1"
    assert {r["outlet"] for r in f["reports"]} == {"RT", "Christian Times", "WorldTribune", "SANA"}
    assert f["fusion"]["reasons"] and f["fusion"]["score"] >= 0.5


def test_fuse_keeps_every_figure_with_who_gave_it() -> None:
    (f,) = fuse(jableh())
    killed = f["counts"]["killed"]
    assert (killed["low"], killed["high"]) == (100, 150)
    assert killed["best"] == 148  # the only figure a named, independent source gives
    assert sorted(c["value"] for c in killed["claims"]) == [100, 148, 150]
    by_value = {c["value"]: c for c in killed["claims"]}
    assert by_value[148]["claimant"] == "Syrian Observatory for Human Rights"
    assert by_value[100]["outlet"] == "RT"
    assert {"field": "killed", "values": [100, 148, 150]} in f["disagreements"]


def test_fuse_one_outlet_two_events_same_city_same_day() -> None:
    """Two attacks in Kabul on one day that disagree on type, target and neighbourhood stay apart."""
    a = event(
        "pajhwok-1",
        "A suicide bomber killed 12 soldiers at a checkpoint in Shar-e Naw, Kabul",
        outlet="Pajhwok",
        published="2020-12-26",
        mode="explode",
        target="soldiers",
        target_kind="military",
        places=("Shar-e Naw",),
        date=("2020-12-26", "2020-12-26", "day"),
        killed=(12, 12, 12),
    )
    b = event(
        "pajhwok-2",
        "Police arrested 40 protesters in Karte Se, Kabul",
        type="COERCE",
        mode="arrest",
        outlet="Pajhwok",
        published="2020-12-26",
        target="protesters",
        target_kind="protesters",
        places=("Karte Se",),
        date=("2020-12-26", "2020-12-26", "day"),
    )
    c = event(
        "pajhwok-3",
        "Gunmen shot dead 2 civilians at a wedding in Karte Se, Kabul",
        mode="firearms",
        outlet="Pajhwok",
        published="2020-12-26",
        target="civilians",
        target_kind="civilians",
        places=("Karte Se",),
        date=("2020-12-26", "2020-12-26", "day"),
        killed=(2, 2, 2),
    )
    assert len(fuse([a, b, c])) == 3
    _, rb, rc = reports(a, b, c)
    assert apart_reason(rb, rc) == "details disagree: type, mode, target"


def test_fuse_same_actor_same_place_dates_apart() -> None:
    """9,500 militants near Aleppo on 11 April and 6,000 on 23 May: two events."""
    april = event(
        "a",
        "Some 9,500 Nusra militants gathered near Aleppo",
        type="MOBILIZE",
        actor="Jabhat al-Nusra",
        places=("Aleppo",),
        published="2016-04-12",
        date=("2016-04-11", "2016-04-11", "day"),
    )
    may = event(
        "b",
        "Some 6,000 Nusra militants gathered near Aleppo",
        type="MOBILIZE",
        actor="Jabhat al-Nusra",
        places=("Aleppo",),
        published="2016-05-24",
        date=("2016-05-23", "2016-05-23", "day"),
    )
    ra, rb = reports(april, may)
    assert apart_reason(ra, rb) == "dates apart beyond their precision"
    assert len(fuse([april, may])) == 2


def test_fuse_dates_of_different_precision_meet_within_the_coarser() -> None:
    """'in May' (month) holds 23 May (day); 11 April is outside it."""
    day = event(
        "day",
        "Islamic State bombings in Jableh killed 148",
        places=("Jableh",),
        actor="Islamic State",
        published="2016-05-24",
        date=("2016-05-23", "2016-05-23", "day"),
        killed=(148, 148, 148),
    )
    month = event(
        "month",
        "Islamic State bombings in Jableh in May killed 148",
        places=("Jableh",),
        actor="Islamic State",
        published="2016-06-10",
        date=("2016-05-01", "2016-05-31", "month"),
        killed=(148, 148, 148),
    )
    april = event(
        "april",
        "Islamic State bombing in Jableh killed 148",
        places=("Jableh",),
        actor="Islamic State",
        published="2016-04-12",
        date=("2016-04-11", "2016-04-11", "day"),
        killed=(148, 148, 148),
    )
    r_day, r_month, r_april = reports(day, month, april)
    assert apart_reason(r_day, r_month) is None
    assert apart_reason(r_april, r_month) == "dates apart beyond their precision"
    assert _groups(fuse([day, month, april])) == [["april"], ["day", "month"]]


def test_fuse_fused_date_is_the_finest_the_reports_give() -> None:
    day = event(
        "day",
        "Islamic State bombings in Jableh killed 148",
        places=("Jableh",),
        actor="Islamic State",
        published="2016-05-24",
        date=("2016-05-23", "2016-05-23", "day"),
        killed=(148, 148, 148),
    )
    month = event(
        "month",
        "Islamic State bombings in Jableh in May killed 148",
        places=("Jableh",),
        actor="Islamic State",
        published="2016-06-10",
        date=("2016-05-01", "2016-05-31", "month"),
        killed=(148, 148, 148),
    )
    (f,) = fuse([day, month])
    assert f["date"] == {"start": "2016-05-23", "end": "2016-05-23", "precision": "day"}


def test_fuse_different_countries_stay_apart() -> None:
    a = event("a", "A car bomb killed 10 in Mosul", places=("Mosul",), mode="explode", killed=(10, 10, 10))
    b = event(
        "b", "A car bomb killed 10 in Maiduguri", places=("Maiduguri",), mode="explode", killed=(10, 10, 10)
    )
    assert apart_reason(*reports(a, b)) == "different countries"


def test_fuse_reports_of_one_article_never_fuse() -> None:
    a = event("same", "A car bomb killed 10 in Mosul", places=("Mosul",), event_id="ev1")
    b = event("same", "A car bomb killed 10 in Mosul", places=("Mosul",), event_id="ev2")
    assert len(fuse([a, b])) == 2


def test_fuse_denied_event_is_not_the_asserted_one() -> None:
    a = event("a", "Rebels attacked the army base in Aleppo", places=("Aleppo",), actor="rebels")
    b = event(
        "b",
        "Rebels denied they attacked the army base in Aleppo",
        places=("Aleppo",),
        actor="rebels",
        modality="denied",
    )
    assert apart_reason(*reports(a, b)) == "one says it did not happen"


def test_fuse_kinds_of_event_do_not_mix() -> None:
    a = event("a", "Government and rebels agreed a ceasefire in Aleppo", type="AGREE", places=("Aleppo",))
    b = event("b", "Government forces shelled rebels in Aleppo", places=("Aleppo",))
    assert apart_reason(*reports(a, b)) == "different kinds of event"


def test_fuse_pair_gives_its_reasons() -> None:
    rt, wire, *_ = reports(*jableh())
    p = pair(rt, wire)
    assert p.score >= 0.5
    assert "same day" in p.reasons
    assert any(r.startswith("same place") for r in p.reasons)


def test_fuse_every_report_in_exactly_one_fused_event() -> None:
    fuser = Fuser()
    fuser.add(reports(*jableh()))
    members = [m for c in fuser.clusters.values() for m in c.members]
    assert sorted(members) == sorted(fuser.reports)


def test_fuse_article_without_a_read_event_joins_an_event() -> None:
    """A verbless headline no event was read from joins the event its places, words and day match."""
    from polemos.fuse import Fuser, fused_records, report_from_article

    _, wire, *_ = reports(*jableh())
    place = {"text": "Jableh", "name": "Jableh", "geonameid": 169304, "lat": 35.36, "lon": 35.93,
             "country": "SY", "admin1": "Latakia", "feature": "city"}  # fmt: skip
    article = {"id": "fr", "outlet": "AFP", "published": "2016-05-24"}
    text = "Jableh and Tartus bombings: 148 dead, Syrian Observatory"
    other = {**place, "text": "Tartus", "name": "Tartus", "geonameid": 163345, "lat": 34.89, "lon": 35.89,
             "admin1": "Tartus"}  # fmt: skip
    unread = report_from_article(article, text=text, places=[place, other])
    fuser = Fuser()
    fuser.add([wire, unread])
    (f,) = fused_records(fuser)
    assert {r["article_id"] for r in f["reports"]} == {wire.article_id, "fr"}
    assert [r["event_id"] for r in f["reports"] if r["article_id"] == "fr"] == [None]


def test_fuse_articles_without_read_events_never_make_one() -> None:
    from polemos.fuse import Fuser, fused_records, report_from_article

    text = "Syrie : attentats à Jableh et Tartus"
    a = report_from_article({"id": "fr1", "outlet": "A", "published": "2016-05-23"}, text=text)
    b = report_from_article({"id": "fr2", "outlet": "B", "published": "2016-05-23"}, text=text)
    fuser = Fuser()
    fuser.add([a, b])
    assert fused_records(fuser) == []
