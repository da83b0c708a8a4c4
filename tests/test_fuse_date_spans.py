"""Dates compared as the spans the texts give: a day inside another report's span is that span's day."""

from __future__ import annotations

from datetime import date

from fuse_helpers import event, reports

from polemos.fuse import pair, report_from_article


def test_a_day_inside_a_span_is_the_same_day() -> None:
    for span, day in [
        (("2017-09-20", "2017-09-22"), "2017-09-21"),  # "September 20th-22nd" / "on the 21st"
        (("2017-09-20", "2017-09-22"), "2017-09-22"),
        (("2017-09-18", "2017-09-24"), "2017-09-18"),
    ]:
        a, b = reports(
            event("a", "Clashes in Aleppo", places=("Aleppo",), outlet="Reuters", published="2017-09-25",
                  date=(span[0], span[1], "day")),
            event("b", "Fighting in Aleppo", places=("Aleppo",), outlet="AFP", published="2017-09-25",
                  date=(day, day, "day")),
        )  # fmt: skip
        assert "same day" in pair(a, b).reasons, (span, day)
        assert pair(a, b).score == pair(b, a).score


def test_days_outside_a_span_are_not_the_same_day() -> None:
    for span, day, apart in [
        (("2017-09-20", "2017-09-22"), "2017-09-23", "a day apart"),
        (("2017-09-20", "2017-09-22"), "2017-09-19", "a day apart"),
    ]:
        a, b = reports(
            event("a", "Clashes in Aleppo", places=("Aleppo",), outlet="Reuters", published="2017-09-25",
                  date=(span[0], span[1], "day")),
            event("b", "Fighting in Aleppo", places=("Aleppo",), outlet="AFP", published="2017-09-25",
                  date=(day, day, "day")),
        )  # fmt: skip
        reasons = pair(a, b).reasons
        assert "same day" not in reasons and apart in reasons, (span, day, reasons)


def _times(title: str, *dates: tuple[str, str]) -> list[dict]:
    out = []
    for text, day in dates:
        start = title.index(text)
        out.append({"text": text, "start": start, "end": start + len(text), "start_date": day,
                    "end_date": day, "precision": "day"})  # fmt: skip
    return out


def test_a_title_span_dates_the_whole_span() -> None:
    for title, dates, last in [
        ("WEEKLY HIGHLIGHTS 4 - 10 FEBRUARY 2021 HUB: SANA'A",
         (("4", "2021-02-04"), ("10 FEBRUARY 2021", "2021-02-10")), date(2021, 2, 10)),
        ("Weekly update, May 3 to May 9 2021", (("May 3", "2021-05-03"), ("May 9 2021", "2021-05-09")),
         date(2021, 5, 9)),
        ("Bulletin du 4 au 10 février 2021", (("4", "2021-02-04"), ("10 février 2021", "2021-02-10")),
         date(2021, 2, 10)),
    ]:  # fmt: skip
        r = report_from_article(
            {"id": "x", "title": title, "published": last.isoformat(), "outlet": "Monitor"},
            text=title, times=_times(title, *dates),
        )  # fmt: skip
        assert r.date_from_text and r.date_hi is not None and r.date_hi >= last, (title, r.date_hi)


def test_two_dates_not_joined_are_no_span() -> None:
    for title, dates in [
        ("Attack on 4 February, funeral on 10 February 2021",
         (("4 February", "2021-02-04"), ("10 February 2021", "2021-02-10"))),
        ("DAILY ALERT 04 FEB 2021 and 10 FEB 2021",
         (("04 FEB 2021", "2021-02-04"), ("10 FEB 2021", "2021-02-10"))),
    ]:  # fmt: skip
        r = report_from_article(
            {"id": "x", "title": title, "published": "2021-02-12", "outlet": "Monitor"},
            text=title, times=_times(title, *dates),
        )  # fmt: skip
        assert r.date_hi is not None and r.date_hi < date(2021, 2, 10), (title, r.date_hi)
