"""Evidence that reads outlets and publication days, and the blocking that lets unplaced reports meet."""

from __future__ import annotations

from fuse_helpers import event, reports

from polemos.fuse import apart_reason, fuse, pair
from polemos.fuse.block import candidate_pairs
from polemos.fuse.report import report_from_record


def _groups(fused: list[dict]) -> list[list[str]]:
    return sorted(sorted(r["article_id"] for r in f["reports"]) for f in fused)


def test_unplaced_report_meets_reports_published_a_day_apart() -> None:
    # "CAR" the gazetteer does not place: no country, no shared name, but published the next day
    a, b, c = reports(
        event("a", "Rebels kill 30 in attack on army post", outlet="AFP", published="2021-11-30",
              places=("Maiduguri",)),
        event("b", "Thirty dead after rebel raid in CAR", outlet="Radio", published="2021-12-01"),
        event("c", "Thirty dead after rebel raid in CAR", outlet="Radio", published="2021-12-05",
              event_id="ev2"),
    )  # fmt: skip
    pairs = candidate_pairs([a, b, c])
    assert tuple(sorted((a.uid, b.uid))) in pairs
    assert tuple(sorted((a.uid, c.uid))) not in pairs  # four days apart, nothing shared: never compared


def test_placed_reports_do_not_meet_by_day_alone() -> None:
    a, b = reports(
        event("a", "Bomb kills 3 in Kabul", published="2020-01-01", places=("Kabul",)),
        event("b", "Gunmen kill 5 in Maiduguri", published="2020-01-01", places=("Maiduguri",)),
    )
    assert candidate_pairs([a, b]) == set()


def test_a_date_after_publication_is_not_the_events_date() -> None:
    # "… planned attacks ahead of Christmas", published 20 December: the event is not on the 25th
    rec = event("a", "Police kill 8 militants who planned attacks for Christmas", published="2018-12-20",
                date=("2018-12-25", "2018-12-25", "day"))  # fmt: skip
    r = report_from_record(rec)
    assert not r.date_from_text
    assert r.date_lo is not None and r.date_hi is not None
    assert r.date_lo <= r.date_hi <= r.published


def test_two_outlets_on_one_day_score_above_one_outlet_days_later() -> None:
    text_a, text_b = "Six soldiers killed in raid by insurgents", "Militants attack army camp, soldiers dead"
    two_outlets = reports(
        event("a", text_a, outlet="Reuters", published="2021-07-24", places=("Maiduguri",)),
        event("b", text_b, outlet="AFP", published="2021-07-24", places=("Maiduguri",)),
    )
    one_outlet_later = reports(
        event("a", text_a, outlet="Reuters", published="2021-07-24", places=("Maiduguri",)),
        event("b", text_b, outlet="Reuters", published="2021-07-26", places=("Maiduguri",)),
    )
    assert pair(*two_outlets).score > pair(*one_outlet_later).score
    assert "published the same day" in pair(*two_outlets).reasons


def test_one_outlets_house_style_is_weak_evidence() -> None:
    # two daily tolls of one monitor share their formula, not their event
    toll = "{n} were killed yesterday including members of the regime forces and militiamen loyal to them"
    same = reports(
        event("a", toll.format(n=75), outlet="Monitor", published="2017-03-13"),
        event("b", toll.format(n=122), outlet="Monitor", published="2017-03-13"),
    )
    other = reports(
        event("a", toll.format(n=75), outlet="Monitor", published="2017-03-13"),
        event("b", toll.format(n=122), outlet="Wire", published="2017-03-13"),
    )
    assert pair(*same).score < pair(*other).score


def test_one_outlets_tolls_of_two_days_stay_apart() -> None:
    toll = "{n} were killed yesterday including members of the regime forces and militiamen loyal to them"
    a = event("a", toll.format(n=75), outlet="Monitor", published="2017-03-13",
              date=("2017-03-12", "2017-03-12", "day"), killed=(75, 75, 75))  # fmt: skip
    b = event("b", toll.format(n=122), outlet="Monitor", published="2017-03-12",
              date=("2017-03-11", "2017-03-11", "day"), killed=(122, 122, 122))  # fmt: skip
    assert "same outlet, another day" in pair(*reports(a, b)).reasons
    assert _groups(fuse([a, b])) == [["a"], ["b"]]


def test_one_outlets_consecutive_days_are_consecutive_events() -> None:
    a, b = reports(
        event("a", "Shelling kills 9 in Aleppo", outlet="Monitor", published="2016-11-15",
              places=("Aleppo",), date=("2016-11-14", "2016-11-14", "day")),
        event("b", "Shelling kills 12 in Aleppo", outlet="Monitor", published="2016-11-16",
              places=("Aleppo",), date=("2016-11-15", "2016-11-15", "day")),
    )  # fmt: skip
    assert "a day apart" not in pair(a, b).reasons
    assert "same outlet, another day" in pair(a, b).reasons


def test_one_outlets_stories_days_apart_are_different_events() -> None:
    # a monitor's daily stories share its words and its province; three days apart they are two events
    a = event(
        "a",
        "Renewed clashes between the regime forces and the factions in Aleppo countryside",
        outlet="Monitor",
        published="2017-02-04",
        places=("Aleppo",),
    )
    b = event(
        "b",
        "Renewed clashes and shelling by the regime forces in Aleppo countryside",
        outlet="Monitor",
        published="2017-02-07",
        places=("Aleppo",),
    )
    c = event("c", "Renewed clashes and shelling by the regime forces in Aleppo countryside",
              outlet="Wire", published="2017-02-07", places=("Aleppo",))  # fmt: skip
    assert apart_reason(*reports(a, b)) == "one outlet's stories of different days"
    assert apart_reason(*reports(a, c)) is None  # another outlet may tell it days later


def test_one_outlet_days_apart_may_tell_of_one_named_day() -> None:
    day = ("2019-03-18", "2019-03-18", "day")
    a = event(
        "a",
        "Coalition strikes kill 40 in Baghuz on 18 March",
        outlet="Monitor",
        published="2019-03-19",
        places=("Aleppo",),
        date=day,
    )
    b = event("b", "Calls for an inquiry into the strikes of 18 March that killed 40", outlet="Monitor",
              published="2019-03-25", places=("Aleppo",), date=day)  # fmt: skip
    assert apart_reason(*reports(a, b)) is None


def _times(text: str, when: str, precision: str = "day", start: int = 0) -> list[dict]:
    return [{"text": text, "start": start, "end": start + len(text), "start_date": when, "end_date": when,
             "precision": precision}]  # fmt: skip


def test_article_without_an_event_is_dated_by_its_opening() -> None:
    from polemos.fuse import Fuser, fused_records, report_from_article

    # a strike log published three weeks later, that names the day and the place but reads no event
    (strike,) = reports(
        event("m", "Shelling kills 80 in Aleppo city", outlet="Monitor", published="2017-06-11",
              places=("Aleppo",), date=("2017-06-10", "2017-06-10", "day")),
    )  # fmt: skip
    place = {"text": "Aleppo", "name": "Aleppo", "geonameid": 170063, "lat": 36.20, "lon": 37.16,
             "country": "SY", "admin1": "Aleppo", "feature": "city"}  # fmt: skip
    text = "June 10th 2017: (S828) Aleppo city, Syria"
    article = {"id": "log", "outlet": "Log", "published": "2017-07-01"}
    dated = report_from_article(
        article, text=text, places=[place], times=_times("June 10th 2017", "2017-06-10")
    )
    assert dated.date_from_text and str(dated.date_lo) == "2017-06-09"
    fuser = Fuser()
    fuser.add([strike, dated])
    (f,) = fused_records(fuser)
    assert {r["article_id"] for r in f["reports"]} == {"m", "log"}
    # without its date it is a report of the week before publication, and stays apart
    undated = report_from_article(article, text=text, places=[place])
    assert apart_reason(strike, undated) == "dates apart beyond their precision"


def test_an_openings_month_or_far_date_does_not_date_it() -> None:
    from polemos.fuse import report_from_article

    article = {"id": "r", "outlet": "UN", "published": "2021-02-01"}
    monthly = report_from_article(article, text="Monthly report January 2021",
                                  times=_times("January 2021", "2021-01-01", "month", 15))  # fmt: skip
    assert not monthly.date_from_text
    old = report_from_article(
        article, text="On 3 March 2019 a massacre", times=_times("3 March 2019", "2019-03-03")
    )
    assert not old.date_from_text
    later = report_from_article(article, text="Vote on 9 February", times=_times("9 February", "2021-02-09"))
    assert not later.date_from_text


def test_a_periodic_report_joins_no_event() -> None:
    from polemos.fuse import report_from_article

    (strike,) = reports(
        event("m", "Rebels kill 30 in attack on army post", outlet="AFP", published="2021-11-30",
              places=("Maiduguri",)),
    )  # fmt: skip
    place = {"text": "Nigeria", "name": "Nigeria", "geonameid": 2328926, "lat": 10.0, "lon": 8.0,
             "country": "NG", "admin1": None, "feature": "country"}  # fmt: skip
    article = {"id": "cw", "outlet": "Crisis Group", "published": "2021-12-01"}
    digest = report_from_article(article, text="Nigeria NOVEMBER 2021", places=[place],
                                 times=_times("NOVEMBER 2021", "2021-11-01", "month", 8))  # fmt: skip
    assert digest.periodic
    assert apart_reason(strike, digest) == "a periodic report tells of many events"
    news = report_from_article(article, text="Violence forces 88,000 to flee homes in May", places=[place],
                               times=_times("May", "2021-05-01", "month", 40))  # fmt: skip
    assert not news.periodic  # "in May" dates what it tells


def test_an_unread_article_is_placed_by_the_country_its_party_fights_in() -> None:
    from polemos.fuse import report_from_article

    article = {"id": "u", "outlet": "Monitor", "published": "2018-04-15"}
    text = "After the death of hundreds, Tahrir al-Sham takes a crossing"
    placed = report_from_article(article, text=text, party_country=lambda t: "SY" if "Sham" in t else None)
    assert placed.countries == {"SY"} and not placed.country_firm  # says whose, never keeps apart
    place = {"text": "Idlib", "name": "Idlib", "geonameid": 169389, "lat": 35.93, "lon": 36.63,
             "country": "SY", "admin1": "Idlib", "feature": "city"}  # fmt: skip
    named = report_from_article(article, text=text, places=[place], party_country=lambda t: "IQ")
    assert named.countries == {"SY"} and named.country_firm  # a place the text names comes first


def test_a_demonym_says_whose_not_where() -> None:
    # "Russian warplanes" read as a place in Russia must not keep a Syrian report apart
    strike = event(
        "a", "Russian warplanes bomb villages, 20 killed", outlet="Monitor", published="2017-10-04"
    )
    strike["locations"] = [{"text": "Russian", "name": "Russia", "geonameid": 2017370, "lat": 60.0,
                            "lon": 100.0, "country": "RU", "admin1": None, "feature": "country"}]  # fmt: skip
    demonym = {**strike["locations"][0], "demonym": True}
    r = report_from_record(strike, article_places=[demonym])
    assert r.countries == {"RU"} and not r.country_firm and r.places == ()
    (syria,) = reports(
        event(
            "b",
            "Warplanes bomb villages near Aleppo",
            outlet="Wire",
            published="2017-10-04",
            places=("Aleppo",),
        )
    )
    assert apart_reason(r, syria) is None
    assert tuple(sorted((r.uid, syria.uid))) in candidate_pairs([r, syria])  # met by publication day
    # without the article's demonym flag, the same record is a place in Russia, apart from Syria
    assert apart_reason(report_from_record(strike), syria) == "different countries"


def test_an_unplaced_report_needs_more_than_the_days_news() -> None:
    """Type, day, figures and another outlet are shared by a day's news anywhere: an unplaced report
    is tied by them to nothing, so it cannot chain the world's reports into one component."""
    from polemos.fuse import Fuser

    day = ("2020-03-01", "2020-03-01", "day")
    kabul, borno, unplaced = reports(
        event("a", "Gunmen kill 12 at a checkpoint", outlet="A", published="2020-03-02", places=("Kabul",),
              date=day, killed=(12, 12, 12)),
        event("b", "Militants kill 11 in a raid", outlet="B", published="2020-03-02", places=("Maiduguri",),
              date=day, killed=(11, 11, 11)),
        event("u", "Twelve dead as fighters storm a camp", outlet="C", published="2020-03-02", date=day,
              killed=(12, 12, 12)),
    )  # fmt: skip
    fuser = Fuser()
    fuser.add([kabul, borno, unplaced])
    assert fuser.edges[unplaced.uid] == {}
    assert len(fuser.clusters) == 3


def test_a_report_dated_only_by_publication_takes_its_openings_date() -> None:
    # a digest republishing "Five dead in Bria", 25 August, ten days later
    rec = event("d", "Five dead in an incident in Bria, 25 August 2015", published="2015-09-04")
    dated = report_from_record(rec, article_times=_times("25 August 2015", "2015-08-25", start=35))
    assert dated.date_from_text and str(dated.date_lo) == "2015-08-24"
    # its own date from the text wins; an opening date weeks before publication is background
    own = event(
        "e", "Five dead in Bria on Monday", published="2015-09-04", date=("2015-08-31", "2015-08-31", "day")
    )
    assert (
        str(report_from_record(own, article_times=_times("25 August", "2015-08-25")).date_lo) == "2015-08-30"
    )
    far = report_from_record(rec, article_times=_times("3 July 2015", "2015-07-03"))
    assert not far.date_from_text
