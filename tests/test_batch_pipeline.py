"""``Pipeline.process(workers=N)`` on the batch runner (issue 13: one runner, one pool): the results of
one process, in input order, batch by batch; what a batch raises comes out of ``process`` as it is,
after the results of the batches before it, with one worker or several; and the pool's processes end
with the stream, whether it ran out, raised or was stopped. Hand-made articles; the real model (slow).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import pytest

from polemos import batch
from polemos.contract.article import result_to_dict
from polemos.pipeline import Pipeline
from polemos.types import Article

pytestmark = pytest.mark.slow

TEXTS = [
    ("h0", "Rebels shelled a base near Aleppo on Tuesday, killing three soldiers.", date(2016, 5, 24)),
    ("h1", "Police arrested 12 protesters in Minsk on Sunday after a march.", datetime(2020, 8, 10, 23, 30)),
    ("h2", "Some 200 people protested in Kharkiv on Saturday against power cuts.", None),
    ("h3", "The weather was fine and nothing happened.", date(2021, 1, 1)),
    ("h4", "Gunmen killed 7 villagers in Zamfara state on Friday, police said.", date(2021, 3, 7)),
]  # fmt: skip


def _articles() -> list[Article]:
    return [Article(id=i, text=t, published=p, outlet="Hand") for i, t, p in TEXTS]


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    with open(f"/proc/{pid}/stat") as f:  # a zombie is not running
        return f.read().rsplit(")", 1)[1].split()[0] == "Z"


class Opened:
    """A runner's session ``Pipeline.process`` opened, and its processes when it was closed."""

    def __init__(self, session: batch.Session) -> None:
        self.session = session
        self.pids: list[int] | None = None  # None: not closed
        close = session.close

        def closing() -> None:
            self.pids = session.pool.pids()
            close()

        session.close = closing  # type: ignore[method-assign]

    def ended(self) -> bool:
        """Closed, with processes that are all gone."""
        return bool(self.pids) and all(_gone(pid) for pid in self.pids or [])


@pytest.fixture
def sessions(monkeypatch: pytest.MonkeyPatch) -> list[Opened]:
    """The runner's sessions ``Pipeline.process`` opens (each its pool of processes)."""
    opened: list[Opened] = []
    real = batch.LocalBackend.open

    def spy(self: batch.LocalBackend, job: batch.Job, **kw: Any) -> batch.Session:
        opened.append(Opened(real(self, job, **kw)))
        return opened[-1].session

    monkeypatch.setattr(batch.LocalBackend, "open", spy)
    return opened


def test_pipeline_process_on_the_runner_gives_what_one_process_gives(sessions: list[Opened]) -> None:
    one = [result_to_dict(r) for r in Pipeline(2).process(_articles())]
    assert not sessions  # one worker: this process, no pool
    two = [result_to_dict(r) for r in Pipeline(2).process(iter(_articles()), workers=2)]
    assert [r["article"]["id"] for r in two] == ["h0", "h1", "h2", "h3", "h4"]
    assert two == one and any(r["events"] for r in two)
    assert two[1]["article"]["published"] == "2020-08-10"  # a datetime's time does not leak
    (opened,) = sessions
    job = opened.session.job
    assert (job.extractor, job.chunk_size) == ("polemos.batch:ResultExtractor", 2)
    assert job.kwargs == {"batch_size": 2}
    assert opened.ended()


@pytest.mark.parametrize("workers", [1, 2])
def test_pipeline_process_raises_what_a_batch_raises_after_the_batches_before_it(
    workers: int, sessions: list[Opened]
) -> None:
    """Batches of two: [h0 h1] [h2 broken] [h3 h4]; the second raises (an article without text), so
    the first's results come out, then the exception itself, and nothing of the batches after."""
    arts = _articles()
    arts.insert(3, Article(id="broken", text=None))  # type: ignore[arg-type]
    seen: list[str] = []
    with pytest.raises(AttributeError, match="split"):
        for result in Pipeline(2).process(arts, workers=workers):
            seen.append(result.article.id)
    assert seen == ["h0", "h1"]
    assert len(sessions) == (workers > 1)
    assert all(opened.ended() for opened in sessions), [o.pids for o in sessions]  # ended with it


def test_pipeline_process_stopped_early_ends_its_pool(sessions: list[Opened]) -> None:
    results: Iterator[Any] = Pipeline(2).process(_articles(), workers=2)
    assert next(results).article.id == "h0"
    (opened,) = sessions
    assert opened.pids is None  # still running
    results.close()  # type: ignore[attr-defined]
    assert opened.ended(), opened.pids
