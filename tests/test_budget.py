"""The per-article time budget: an article that outlasts it is one E118 failure, in one process, in a
worker thread, in a --workers pool and in ingest, and the articles around it are kept.

The spinning article loops for ever, so no assertion depends on how fast the machine is: only the
budget can end it."""

from __future__ import annotations

import json
import signal
import threading
import time
from pathlib import Path

import pytest
from store_fixtures import *  # noqa: F403

from polemos.batch import run, safe_extract
from polemos.budget import BudgetExceeded, time_limit
from polemos.errors import ExtractError, PolemosError
from polemos.ingest import Options, ingest
from polemos.store import SqlStore
from polemos.store.base import Failure
from polemos.types import Article

HAND = "store_extractor:HandExtractor"


def spin() -> None:
    while True:
        pass


def test_budget_stops_work_in_the_main_thread() -> None:
    expected = r"^\[E118\] a.jsonl:3: extraction took more than 0.2 s of CPU time"
    with pytest.raises(BudgetExceeded, match=expected), time_limit(0.2, "a.jsonl:3"):
        spin()
    assert signal.getitimer(signal.ITIMER_REAL) == signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


def test_waiting_without_computing_meets_the_wall_clock_backstop() -> None:
    # the budget is CPU time; a sleep uses none, and ten times the budget of wall-clock time ends it
    with pytest.raises(BudgetExceeded), time_limit(0.05, "x"):
        time.sleep(60)


def test_budget_stops_work_in_another_thread() -> None:
    caught: list[BaseException] = []

    def work() -> None:
        try:
            with time_limit(0.2, "api"):
                spin()
        except BaseException as e:  # noqa: BLE001 - the test reads what came out
            caught.append(e)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(60)
    assert not thread.is_alive()
    (error,) = caught
    assert isinstance(error, ExtractError) and isinstance(error, PolemosError)
    assert str(error).startswith("[E118] api: extraction took more than 0.2 s")


def test_work_within_its_budget_is_untouched() -> None:
    previous = signal.getsignal(signal.SIGALRM)
    with time_limit(30, "x"):
        total = sum(range(1000))
    assert total == 499500 and signal.getsignal(signal.SIGALRM) is previous
    assert signal.getitimer(signal.ITIMER_REAL) == signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


def test_no_budget_means_no_limit() -> None:
    for seconds in (None, 0):
        with time_limit(seconds, "x"):
            pass


def test_thread_budget_does_not_fire_after_the_block() -> None:
    done = threading.Event()
    errors: list[BaseException] = []

    def work() -> None:
        try:
            with time_limit(0.05, "x"):
                pass
            done.wait(1.0)  # well past the budget: a late exception would land here
        except BaseException as e:  # noqa: BLE001
            errors.append(e)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(60)
    assert errors == []


def _articles(*texts: str) -> list[Article]:
    return [Article(id=f"a{i}", text=t, source=f"in.jsonl:{i + 1}") for i, t in enumerate(texts)]


def test_spinning_article_becomes_e118_and_its_chunk_is_kept() -> None:
    from store_extractor import HandExtractor

    arts = _articles("3 killed in Homs.", "SPIN 4 killed in Hama.", "5 killed in Idlib.")
    outcomes = safe_extract(HandExtractor(), arts, timeout=0.5)
    assert isinstance(outcomes[0], dict) and isinstance(outcomes[2], dict)
    failure = outcomes[1]
    assert isinstance(failure, Failure) and (failure.code, failure.line, failure.article_id) == (
        "E118",
        2,
        "a1",
    )
    assert failure.reason.startswith("[E118] in.jsonl:2: extraction took more than 0.5 s")


def test_crashing_article_becomes_e117() -> None:
    from store_extractor import HandExtractor

    outcomes = safe_extract(HandExtractor(), _articles("3 killed in Homs.", "CRASH"), timeout=30)
    assert isinstance(outcomes[0], dict)
    assert isinstance(outcomes[1], Failure) and outcomes[1].code == "E117"
    assert outcomes[1].reason.startswith("[E117] in.jsonl:2: extraction failed (RuntimeError: the extractor")


@pytest.mark.parametrize("workers", [1, 2])
def test_budget_holds_in_one_process_and_in_a_pool(workers: int) -> None:
    texts = [f"{i + 2} killed in Homs." for i in range(6)]
    texts[3] = "SPIN 9 killed in Hama."
    found = list(run(_articles(*texts), extractor=HAND, workers=workers, chunk_size=2, timeout=0.5))
    kinds = ["record" if isinstance(o, dict) else o.code for _, o in found]
    assert kinds == ["record", "record", "record", "E118", "record", "record"]


def test_ingest_quarantines_the_article_over_budget(store: SqlStore, tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    texts = ["3 killed in Homs.", "SPIN 4 killed in Hama.", "5 killed in Idlib.", "6 killed in Aleppo."]
    path.write_text("".join(json.dumps({"id": f"r{i}", "text": t}) + "\n" for i, t in enumerate(texts)))
    progress = ingest([str(path)], store, Options(extractor=HAND, chunk_size=4, timeout=0.5))
    (bad,) = list(store.quarantined())
    assert (bad.code, bad.line, bad.article_id) == ("E118", 2, "r1")
    assert progress.added == 3 and store.counts()["articles"] == 3
