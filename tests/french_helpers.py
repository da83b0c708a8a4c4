"""Reading a French text through the French bundle, as the French tests do."""

from __future__ import annotations

from datetime import date

from polemos.lang import bundle
from polemos.types import Article, ArticleResult

SATURDAY = date(2024, 3, 9)


def read(text: str, published: date = SATURDAY) -> ArticleResult:
    """The bundle's result for ``text`` as an article published on ``published``."""
    b = bundle("fr")
    assert b.load is not None and b.analyse is not None
    doc = b.load()(text)
    result: ArticleResult = b.analyse(doc, Article(id="t", text=text, published=published, outlet="Test"))
    return result
