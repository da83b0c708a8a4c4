"""Reports for the articles no event was read from, built from what the store holds about them.

Such an article may still be one more source of a fused event (its title and opening name the
place and day); ``report_from_article`` makes a report of it. The store gives the rows (through
``FusionTx``: the article, its places and times); which country an actor's name points to is the
actor dictionary's, not the store's, so it is looked up here.
"""

from __future__ import annotations

from collections.abc import Sequence

from polemos.fuse.report import Report, report_from_article
from polemos.resolve.actors import get_dictionary
from polemos.store.base import FusionTx


def _party_country(text: str) -> str | None:
    found = get_dictionary().country_evidence(text)
    return found[0] if found else None


def unread_reports(tx: FusionTx, article_ids: Sequence[str]) -> list[Report]:
    """One report per article, in the order the store gives them."""
    where, when = tx.article_places(article_ids), tx.article_times(article_ids)
    out = []
    for r in tx.unread_articles(article_ids):
        article = {"id": r["id"], "title": r["title"], "published": r["published"], "outlet": r["outlet"]}
        out.append(
            report_from_article(
                article,
                text=r["text"],
                places=where.get(r["id"]),
                times=when.get(r["id"]),
                party_country=_party_country,
            )
        )
    return out
