"""The one entry point that the CLI, the API and the batch runners call.

``Pipeline.process`` streams ``ArticleResult`` in input order. Articles are parsed in batches with
``nlp.pipe``; with ``workers > 1`` whole batches (parse + extraction) go through the batch runner
(``polemos.batch``, ``LocalBackend``: the worker pool of ``polemos.workers``, as ingest and the API
use it), whose processes share one loaded model, so extraction runs in parallel too. An exception
in one article's extraction comes out of ``process`` as it is (a library reports bugs), after the
results of the batches before its own, with any number of workers; the CLI and ingest run the
pipeline through ``polemos.batch`` with its default extractor, which keeps the rest of the batch and
turns that article into a failure.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from datetime import date, datetime
from itertools import islice
from typing import TYPE_CHECKING

from polemos.budget import time_limit
from polemos.read import check_article, from_record
from polemos.read.language import guess_language
from polemos.read.noise import find_noise, parse_text
from polemos.read.source import MAX_CHARS
from polemos.types import Article, ArticleResult

if TYPE_CHECKING:
    from polemos.store.base import Failure

DEFAULT_BATCH = 16  # article-length docs: ~250 MiB a process at 8-16 (FINDINGS.md)
# Characters parsed together: the parser's memory grows with a batch's tokens (~0.3 GB per 100,000
# characters), so a batch of long articles is parsed in smaller groups; one article is never split.
BATCH_CHARS = MAX_CHARS
_WARM_TEXT = "Rebels shelled a base near Aleppo on 23 May 2016, killing three soldiers, the army said."


class Pipeline:
    """Article in, ArticleResult out. Loads the spaCy pipeline on first use."""

    def __init__(self, batch_size: int = DEFAULT_BATCH) -> None:
        self.batch_size = batch_size

    def process(self, articles: Iterable[Article], workers: int = 1) -> Iterator[ArticleResult]:
        if workers <= 1:
            for batch in _batches(articles, self.batch_size):
                yield from self.process_batch(batch)
            return
        from polemos.batch import LocalBackend, run
        from polemos.store.base import Failure

        # the batch runner on the one worker pool: warm workers, one batch a chunk (the batches of one
        # process), results in input order; a batch that raised is its articles' Failures, each
        # holding what it raised
        size = self.batch_size
        outcomes = run(articles, backend=LocalBackend(workers), extractor="polemos.batch:ResultExtractor",
                       extractor_kwargs={"batch_size": size}, chunk_size=size)  # fmt: skip
        try:
            while chunk := [o for _, o in islice(outcomes, self.batch_size)]:
                for outcome in chunk:
                    if isinstance(outcome, Failure):
                        raise _raised(outcome)
                yield from chunk  # type: ignore[misc]  # ResultExtractor's records are ArticleResult
        finally:  # stopped early, or raising: the pool's processes end now, not when collected
            getattr(outcomes, "close", lambda: None)()

    def process_batch(self, batch: list[Article]) -> list[ArticleResult]:
        from polemos.lang import DEFAULT, route

        dated = [_dated(a) for a in batch]
        langs = [route(a.text) for a in dated]
        if all(lang == DEFAULT for lang in langs):
            return self._process_english(dated)
        # articles in other languages go to their bundle (polemos.lang); input order is kept
        out: list[ArticleResult | None] = [None] * len(dated)
        for lang in sorted(set(langs)):
            idx = [i for i, x in enumerate(langs) if x == lang]
            group = [dated[i] for i in idx]
            done = self._process_english(group) if lang == DEFAULT else self._process_in(lang, group)
            for i, r in zip(idx, done, strict=True):
                out[i] = r
        return [r for r in out if r is not None]

    def _process_english(self, dated: list[Article]) -> list[ArticleResult]:
        from polemos.nlp import load_nlp

        nlp = load_nlp()
        results: list[ArticleResult] = []
        for group in _by_chars(dated, BATCH_CHARS):
            docs = nlp.pipe((parse_text(a.text) for a in group), batch_size=self.batch_size)
            results.extend(analyse(doc, article) for doc, article in zip(docs, group, strict=True))
        return results

    def _process_in(self, lang: str, dated: list[Article]) -> list[ArticleResult]:
        from polemos.lang import bundle

        b = bundle(lang)
        assert b.load is not None and b.analyse is not None, f"bundle {lang} reads nothing"
        nlp = b.load()
        results: list[ArticleResult] = []
        for group in _by_chars(dated, BATCH_CHARS):
            docs = nlp.pipe((parse_text(a.text) for a in group), batch_size=self.batch_size)
            results.extend(b.analyse(doc, article) for doc, article in zip(docs, group, strict=True))
        return results

    def warm(self) -> None:
        """Load the model and every resource extraction builds on first use (gazetteer, actor
        dictionary, date parser), by extracting one short sentence; once per process. A time budget
        must never run out while a resource is half-built, so budgets start after this."""
        global _WARM
        if not _WARM:
            self.process_batch([Article(id="warm", text=_WARM_TEXT, published=date(2016, 5, 23))])
            _WARM = True


def analyse(doc: object, article: Article) -> ArticleResult:
    """Everything after parsing: noise, times, places, events."""
    from polemos.extraction import extract_events
    from polemos.nlp.places import place_spans
    from polemos.resolve.dates import find_times
    from polemos.resolve.places import resolve_places

    noise = find_noise(article.text)
    hints = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]  # type: ignore[attr-defined]
    times = find_times(article.text, article.published, hints)
    places = resolve_places(article.text, place_spans(doc), published=article.published)  # type: ignore[arg-type]
    events = extract_events(doc, article, places, times, noise)  # type: ignore[arg-type]
    return ArticleResult(article, events, tuple(places), tuple(times), guess_language(article.text), noise)


_WARM = False


def _raised(failure: Failure) -> BaseException:
    """What a batch of ``Pipeline.process`` raised in its worker, to raise again: the exception itself
    (``ResultExtractor`` keeps it), or ``WorkerDied`` (its process ended), as the pool meets them."""
    from polemos.workers import HandlerCrash, WorkerDied

    cause = failure.cause
    if cause is not None and cause.error is not None:
        return cause.error
    if cause is not None and cause.name in ("WorkerDied", "NotStarted"):
        return WorkerDied(cause.detail)
    return HandlerCrash(*(cause.name, cause.detail) if cause else ("Failure", failure.reason))


def _dated(article: Article) -> Article:
    """A ``datetime`` published (a subclass of date) becomes its date: its time must not leak into
    event dates."""
    if isinstance(article.published, datetime):
        return replace(article, published=article.published.date())
    return article


def _by_chars(batch: list[Article], budget: int) -> Iterator[list[Article]]:
    group: list[Article] = []
    size = 0
    for article in batch:
        if group and size + len(article.text) > budget:
            yield group
            group, size = [], 0
        group.append(article)
        size += len(article.text)
    if group:
        yield group


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


def extract(
    text: str,
    published: date | str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    id: str | None = None,
    url: str | None = None,
    timeout: float | None = None,
) -> dict[str, object]:
    """One article's result as the contract's JSON object (``polemos.article/1``).

    Raises ``ReadError`` for a text that cannot be read (empty, too long, NUL characters, a lone
    surrogate, not English) and, with ``timeout`` (seconds), ``ExtractError`` (E118) past it."""
    from polemos.contract.article import result_to_dict

    fields = {"id": id, "text": text, "title": title, "published": published, "outlet": outlet, "url": url}
    article = text_article(fields)
    pipeline = Pipeline()
    if timeout:
        pipeline.warm()
    with time_limit(timeout, "<text>"):
        (result,) = pipeline.process_batch([article])
    return result_to_dict(result)


def text_article(fields: Mapping[str, object]) -> Article:
    """The article ``extract`` reads its arguments as (``fields``: text, published, outlet, title, id,
    url; source ``<text>``), checked: ``ReadError`` for a text that cannot be read, E109 for a date
    that is not one. The API's requests are read so too."""
    return check_article(from_record(fields, "<text>"))
