"""What the store says about articles, as fusion reads it: places, times, and reports for the
articles no event was read from (the contract's lists, rebuilt from the store's rows)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select

from polemos.fuse.report import Report, report_from_article
from polemos.resolve.actors import get_dictionary
from polemos.store.schema import articles, places, times

_CHUNK = 500


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def article_places(conn: Any, article_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The geoparser's places of each article (demonyms flagged, as the contract has them)."""
    out: dict[str, list[dict[str, Any]]] = {}
    cols = ("text", "name", "geonameid", "lat", "lon", "country", "admin1", "feature")
    for chunk in _chunks(article_ids):
        q = select(places).where(places.c.article_id.in_(chunk)).order_by(places.c.seq)
        for r in conn.execute(q):
            place = {c: r._mapping[c] for c in cols}
            place["demonym"] = bool((r.extra or {}).get("demonym"))
            out.setdefault(r.article_id, []).append(place)
    return out


def article_times(conn: Any, article_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The calendar expressions of each article, as the contract's ``times`` has them."""
    out: dict[str, list[dict[str, Any]]] = {}
    for chunk in _chunks(article_ids):
        q = select(times).where(times.c.article_id.in_(chunk)).order_by(times.c.seq)
        for r in conn.execute(q):
            out.setdefault(r.article_id, []).append(
                {
                    "text": r.text,
                    "start": r.span_start,
                    "end": r.span_end,
                    "start_date": r.start_date,
                    "end_date": r.end_date,
                    "precision": r.precision,
                }  # fmt: skip
            )
    return out


def _party_country(text: str) -> str | None:
    found = get_dictionary().country_evidence(text)
    return found[0] if found else None


def unread_reports(conn: Any, article_ids: list[str]) -> list[Report]:
    where, when = article_places(conn, article_ids), article_times(conn, article_ids)
    out = []
    for chunk in _chunks(article_ids):
        q = select(articles.c.id, articles.c.text, articles.c.title, articles.c.published, articles.c.outlet)
        for r in conn.execute(q.where(articles.c.id.in_(chunk))):
            article = {"id": r.id, "title": r.title, "published": r.published, "outlet": r.outlet}
            out.append(
                report_from_article(
                    article,
                    text=r.text,
                    places=where.get(r.id),
                    times=when.get(r.id),
                    party_country=_party_country,
                )
            )
    return out
