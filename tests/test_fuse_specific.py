"""A pair of reports is tied only on evidence specific to one incident, never on a country's day of news."""

from __future__ import annotations

from fuse_helpers import event, reports

from polemos.fuse import THRESHOLD, fuse, pair
from polemos.fuse.score import NO_SPECIFIC_CAP

NOTHING_SPECIFIC = "nothing specific to one incident"


def _country_only(text: str, **kw: object) -> dict:
    rec = event(text=text, **kw)  # type: ignore[arg-type]
    rec["locations"] = [
        {"text": "Syria", "name": "Syria", "geonameid": 163843, "lat": 35.0, "lon": 38.0, "country": "SY",
         "admin1": None, "feature": "country", "start": None, "end": None}
    ]  # fmt: skip
    return rec


def test_the_cap_is_below_the_threshold() -> None:
    assert NO_SPECIFIC_CAP < THRESHOLD


def test_a_country_type_and_days_of_news_are_not_enough() -> None:
    for first, second in [
        ("Clashes in the north of the country", "Fighting resumes on several fronts"),
        ("Shelling kills civilians, activists say", "Warplanes pound rebel areas"),
    ]:
        for gap_day in ("2017-03-01", "2017-03-02", "2017-03-03"):
            a, b = reports(
                _country_only(first, article="a", outlet="Reuters", published="2017-03-01"),
                _country_only(second, article="b", outlet="AFP", published=gap_day),
            )
            p = pair(a, b)
            assert p.score < THRESHOLD, (first, second, gap_day, p)
            assert NOTHING_SPECIFIC in p.reasons


def test_one_specific_detail_ties_what_the_context_supports() -> None:
    base = dict(outlet="Reuters", published="2017-03-01")
    other = dict(outlet="AFP", published="2017-03-02")
    cases = [
        # a town both name
        (event("a", "Shelling hits Aleppo", places=("Aleppo",), **base),
         event("b", "Civilians die as shells fall on Aleppo", places=("Aleppo",), **other)),
        # a named group both name
        (_country_only("Jaish al-Islam fighters attack checkpoint", article="a", actor="Jaish al-Islam",
                       actor_kind="armed group", **base),
         _country_only("Jaish al-Islam raid leaves soldiers dead", article="b", actor="Jaish al-Islam",
                       actor_kind="armed group", **other)),
        # the same toll
        (_country_only("Bombing leaves 23 dead", article="a", killed=(23, 23, 23), **base),
         _country_only("Blast kills 23 at a market", article="b", killed=(23, 23, 23), **other)),
        # a day both texts date it to
        (_country_only("Fighting on Tuesday", article="a", date=("2017-02-28", "2017-02-28", "day"), **base),
         _country_only("Clashes on Tuesday", article="b", date=("2017-02-28", "2017-02-28", "day"), **other)),
    ]  # fmt: skip
    for rec_a, rec_b in cases:
        p = pair(*reports(rec_a, rec_b))
        assert NOTHING_SPECIFIC not in p.reasons, p
        assert p.score >= THRESHOLD, p


def test_a_countrys_week_of_stories_stays_apart_in_the_store() -> None:
    stories = [
        "Clashes in the north of the country",
        "Fighting resumes on several fronts",
        "Warplanes pound rebel areas",
        "Shelling kills civilians, activists say",
    ]
    outlets = ["Reuters", "AFP", "AP", "Xinhua"]
    recs = [
        _country_only(t, article=f"a{i}", outlet=outlets[i], published=f"2017-03-0{i + 1}")
        for i, t in enumerate(stories)
    ]
    fused = fuse(recs)
    assert sorted(len(f["reports"]) for f in fused) == [1, 1, 1, 1]


def test_a_day_both_texts_give_is_not_specific_alone() -> None:
    # a monitor's national toll of a day and another story of that day in the country share no word
    day = ("2017-02-28", "2017-02-28", "day")
    for first, second in [
        ("151 were killed yesterday including 15 members of the regime forces", "Warplanes pound Idlib"),
        ("Bombardment resumes on the eastern Ghouta", "Gunmen open fire at a checkpoint"),
        ("Ongoing raids target both Idlib and Hama", "Explosion rocks Jableh port"),
    ]:
        a, b = reports(
            _country_only(first, article="a", outlet="SOHR", published="2017-03-01", date=day),
            _country_only(second, article="b", outlet="AFP", published="2017-03-01", date=day),
        )
        p = pair(a, b)
        assert "same day" in p.reasons and NOTHING_SPECIFIC in p.reasons, (first, second, p)
        assert p.score < THRESHOLD


def test_a_day_with_a_word_both_share_is_specific() -> None:
    day = ("2017-02-28", "2017-02-28", "day")
    for first, second in [
        ("Car bomb at the Jableh bus station", "Bus station bombing kills civilians"),
        ("Fighting on Tuesday", "Clashes on Tuesday"),
        ("Shelling on the refugee camp", "Refugee camp shelled, activists say"),
    ]:
        a, b = reports(
            _country_only(first, article="a", outlet="Reuters", published="2017-03-01", date=day),
            _country_only(second, article="b", outlet="AFP", published="2017-03-01", date=day),
        )
        p = pair(a, b)
        assert "same day" in p.reasons and NOTHING_SPECIFIC not in p.reasons, (first, second, p)
