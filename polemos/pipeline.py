"""The one entry point that the CLI, the API and the batch runners call.

``Pipeline.process`` streams ``ArticleResult`` in input order. Articles are parsed in batches with
``nlp.pipe``; with ``workers > 1`` whole batches (parse + extraction) go to worker processes, each
with its own model, so extraction runs in parallel too.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice

from polemos.read import check_article, from_record
from polemos.read.language import guess_language
from polemos.read.noise import find_noise
from polemos.types import Article, ArticleResult

DEFAULT_BATCH = 16  # article-length docs: ~250 MiB a process at 8-16 (FINDINGS.md)


class Pipeline:
    """Article in, ArticleResult out. Loads the spaCy pipeline on first use."""

    def __init__(self, batch_size: int = DEFAULT_BATCH) -> None:
        self.batch_size = batch_size

    def process(self, articles: Iterable[Article], workers: int = 1) -> Iterator[ArticleResult]:
        batches = _batches(articles, self.batch_size)
        if workers <= 1:
            for batch in batches:
                yield from self.process_batch(batch)
            return
        ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
        with ctx.Pool(workers, initializer=_init_worker, initargs=(self.batch_size,)) as pool:
            for results in pool.imap(_work, batches):
                yield from results

    def process_batch(self, batch: list[Article]) -> list[ArticleResult]:
        from polemos.nlp import load_nlp

        nlp = load_nlp()
        docs = nlp.pipe((a.text for a in batch), batch_size=self.batch_size)
        return [analyse(doc, article) for doc, article in zip(docs, batch, strict=True)]


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


_WORKER: Pipeline | None = None


def _init_worker(batch_size: int) -> None:
    global _WORKER
    _WORKER = Pipeline(batch_size)


def _work(batch: list[Article]) -> list[ArticleResult]:
    assert _WORKER is not None, "worker not initialised"
    return _WORKER.process_batch(batch)


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
) -> dict[str, object]:
    """One article's result as the contract's JSON object (``polemos.article/1``)."""
    from polemos.output import result_to_dict

    record = {"id": id, "text": text, "title": title, "published": published, "outlet": outlet, "url": url}
    article = check_article(from_record(record, "<text>"))
    (result,) = Pipeline().process_batch([article])
    return result_to_dict(result)
