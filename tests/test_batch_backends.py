"""The batch runner (``polemos.batch.run``): one entry point, one rule for failures, on every backend.

The hand extractor (``store_extractor``) on hand-made articles: a text it breaks on ("CRASH") is one
E117, a text it never finishes ("SPIN") one E118 past its budget, the rest records, in input order,
alike in one process, the worker pool and Ray actors (Ray: slow, and skipped when it is absent).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

import pytest

from polemos import batch
from polemos.batch import Backend, Job, LocalBackend, RayBackend, backend_for, run
from polemos.errors import BatchError
from polemos.store.base import Failure
from polemos.types import Article

HAND = "store_extractor:HandExtractor"
TEXTS = ["3 killed in Homs.", "CRASH 4 killed in Hama.", "5 people were killed in Idlib.",
         "SPIN 6 killed in Gao.", "No one was hurt.", "7 killed in Aden. Later 2 killed in Sanaa.",
         "8 killed in Mosul."]  # fmt: skip


def _articles(texts: Iterable[str] = TEXTS) -> list[Article]:
    return [Article(id=f"a{i}", text=t, source=f"in.jsonl:{i + 1}") for i, t in enumerate(texts)]


def _seen(found: Iterable[tuple[Article, batch.Outcome]]) -> list[tuple[str, object]]:
    """Each article's id with its record, or its failure less the elapsed seconds in its reason."""
    out: list[tuple[str, object]] = []
    for article, outcome in found:
        if isinstance(outcome, Failure):
            outcome = replace(outcome, reason=outcome.reason.split(" (")[0].split(" took")[0])
        out.append((article.id, outcome))
    return out


def _kinds(found: list[tuple[str, object]]) -> list[str]:
    return ["record" if isinstance(o, dict) else getattr(o, "code", "?") for _, o in found]


EXPECTED = ["record", "E117", "record", "E118", "record", "record", "record"]


@pytest.mark.parametrize("workers", [1, 2])
def test_local_backend_keeps_order_and_makes_each_failure_one_article(workers: int) -> None:
    found = _seen(
        run(_articles(), backend="local", workers=workers, extractor=HAND, chunk_size=3, timeout=0.5)
    )
    assert [i for i, _ in found] == [f"a{i}" for i in range(len(TEXTS))]
    assert _kinds(found) == EXPECTED
    crash = found[1][1]
    assert isinstance(crash, Failure) and (crash.source, crash.line, crash.article_id) == (
        "in.jsonl",
        2,
        "a1",
    )


def test_one_process_and_the_pool_give_the_same_outcomes() -> None:
    one = _seen(run(_articles(), extractor=HAND, chunk_size=2, timeout=0.5))
    pool = _seen(run(_articles(), backend=LocalBackend(2), extractor=HAND, chunk_size=2, timeout=0.5))
    assert one == pool


def test_backends_are_named_or_given() -> None:
    assert (
        isinstance(backend_for("local", workers=3), LocalBackend)
        and backend_for("local", workers=3).workers == 3
    )
    ray = backend_for("ray", workers=2, address="ray://x:1", shard_dir="/tmp/s")
    assert isinstance(ray, RayBackend) and (ray.workers, ray.address, ray.shard_dir) == (
        2,
        "ray://x:1",
        "/tmp/s",
    )
    with pytest.raises(BatchError) as caught:
        backend_for("spark")
    assert caught.value.code == "E501" and "'spark'" in str(caught.value)


class _Recording:
    """A backend of a test's own: ``run`` hands it the job as given."""

    name = "recording"
    workers = 1

    def __init__(self) -> None:
        self.jobs: list[Job] = []

    def outcomes(self, articles: Iterable[Article], job: Job) -> Iterator[tuple[Article, batch.Outcome]]:
        self.jobs.append(job)
        return LocalBackend(1).outcomes(articles, job)


def test_run_takes_any_backend_and_passes_the_whole_job() -> None:
    mine = _Recording()
    as_backend: Backend = mine
    found = list(run(_articles(TEXTS[:1]), backend=as_backend, extractor="store_extractor:TaggingExtractor",
                     extractor_kwargs={"tag": "T"}, chunk_size=5, timeout=9.0))  # fmt: skip
    assert mine.jobs == [Job("store_extractor:TaggingExtractor", {"tag": "T"}, 5, 9.0)]
    assert found[0][1]["article"]["title"] == "T"  # type: ignore[index]


@pytest.mark.parametrize("workers", [1, 2])
def test_the_extractor_is_built_with_its_keyword_arguments_in_the_pool(workers: int) -> None:
    found = run(_articles(TEXTS[:3]), workers=workers, extractor="store_extractor:TaggingExtractor",
                extractor_kwargs={"tag": "pooled"}, chunk_size=1)  # fmt: skip
    assert {o["article"]["title"] for _, o in found if isinstance(o, dict)} == {"pooled"}


@pytest.mark.slow
def test_ray_backend_gives_what_the_local_backend_gives(tmp_path: object) -> None:
    pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'polemos[ray]'")
    local = _seen(run(_articles(), backend="local", workers=2, extractor="store_extractor:TaggingExtractor",
                      extractor_kwargs={"tag": "k"}, chunk_size=3, timeout=0.5))  # fmt: skip
    on_ray = _seen(run(_articles(), backend="ray", workers=2, extractor="store_extractor:TaggingExtractor",
                       extractor_kwargs={"tag": "k"}, chunk_size=3, timeout=0.5))  # fmt: skip
    assert _kinds(on_ray) == EXPECTED
    assert on_ray == local


EXITING = "worker_handlers:ExitingExtractor"  # its process ends (os._exit) on a text with "EXIT"


@pytest.mark.slow
def test_a_dying_ray_actor_costs_one_article_as_a_dying_local_worker_does() -> None:
    pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'polemos[ray]'")
    texts = [f"{i + 2} killed in Homs." for i in range(7)]
    texts[3] = "EXIT 9 killed in Hama."
    texts[5] = "CRASH 4 killed in Gao."
    kinds = ["record"] * 3 + ["E117", "record", "E117", "record"]
    local = list(run(_articles(texts), workers=2, extractor=EXITING, chunk_size=3, timeout=30))
    on_ray = list(
        run(_articles(texts), backend="ray", workers=2, extractor=EXITING, chunk_size=3, timeout=30)
    )
    for found in (local, on_ray):
        assert [a.id for a, _ in found] == [f"a{i}" for i in range(7)]
        assert _kinds(_seen(found)) == kinds
    died = on_ray[3][1]
    assert isinstance(died, Failure) and (died.source, died.line, died.article_id) == ("in.jsonl", 4, "a3")
    assert died.reason.startswith("[E117] in.jsonl:4: extraction failed (the worker process stopped: ")
    assert [o for _, o in on_ray if isinstance(o, dict)] == [o for _, o in local if isinstance(o, dict)]


@pytest.mark.slow
def test_a_ray_rescue_of_an_extractor_that_cannot_be_built_is_e501() -> None:
    pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'polemos[ray]'")
    with pytest.raises(BatchError) as caught:
        list(run(_articles(TEXTS[:2]), backend="ray", extractor="no_such_module:Nothing"))
    assert caught.value.code == "E501" and "no_such_module" in str(caught.value)


@pytest.mark.slow
def test_ray_backend_reads_batches_of_only_records_beside_batches_with_failures(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Chunks with no failure (and articles with no title) beside chunks with both: each shard's
    columns are typed, not inferred from its values, so the window is read back without the rescue."""
    pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'polemos[ray]'")

    def no_rescue(*_: object, **__: object) -> Iterator[batch.Outcome]:
        raise AssertionError("the window went to the rescue")

    monkeypatch.setattr(batch, "_rescue", no_rescue)
    texts = ["3 killed in Homs.", "4 killed in Hama.", "5 killed in Idlib.", "CRASH 6 killed in Gao."]
    arts = [replace(a, title="Gao" if i == 3 else None) for i, a in enumerate(_articles(texts))]
    local = _seen(run(arts, backend="local", extractor=HAND, chunk_size=2))
    on_ray = _seen(run(arts, backend="ray", workers=2, extractor=HAND, chunk_size=2))
    assert _kinds(on_ray) == ["record", "record", "record", "E117"]
    assert on_ray == local


@pytest.mark.slow
def test_a_ray_article_hanging_in_compiled_code_is_killed_past_its_deadline_as_on_the_local_pool() -> None:
    """One call into compiled code (an hour's sleep, signals blocked) that the in-actor budget cannot
    interrupt: past the per-article deadline the actor is ended (Ray Data's window, then the rescue's
    own actor, killed from the driver), that article is an E118 and its chunk's others are kept."""
    pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'polemos[ray]'")
    texts = ["3 killed in Homs.", "FREEZE 4 killed in Hama.", "5 killed in Idlib.", "6 killed in Gao."]
    job = Job(EXITING, None, chunk_size=2, timeout=30, deadline=3)
    local = list(LocalBackend(2).outcomes(_articles(texts), job))
    on_ray = list(RayBackend(2).outcomes(_articles(texts), job))
    for found in (local, on_ray):
        assert [a.id for a, _ in found] == ["a0", "a1", "a2", "a3"]
        assert _kinds(_seen(found)) == ["record", "E118", "record", "record"]
        frozen = found[1][1]
        assert isinstance(frozen, Failure) and (frozen.line, frozen.article_id) == (2, "a1")
    assert [o for _, o in on_ray if isinstance(o, dict)] == [o for _, o in local if isinstance(o, dict)]


# ---- what broke an article: its Failure's cause (issue 13) ------------------------------------------

CODED = ["3 killed in Homs.", "REFUSE 4 killed in Hama.", "UNREADY 5 killed in Idlib.",
         "CRASH 6 killed in Gao.", "7 killed in Aden."]  # fmt: skip


@pytest.mark.parametrize("workers", [1, 2])
def test_a_coded_error_is_one_e117_whose_cause_keeps_its_code_and_status(workers: int) -> None:
    """Ingest's outcome is unchanged (E117, the rest of the chunk kept); the cause says what the error
    was, with its own code and HTTP status (the API answers with them), and not the exception itself."""
    found = list(run(_articles(CODED), workers=workers, extractor=HAND, chunk_size=3))
    assert _kinds(_seen(found)) == ["record", "E117", "E117", "E117", "record"]
    causes = [o.cause for _, o in found if isinstance(o, Failure)]
    assert all(c is not None for c in causes)
    assert [(c.name, c.code, c.status) for c in causes if c] == [
        ("ReadError", "E108", 422),
        ("ResolveError", "E302", 503),  # the status it was raised with, not its class's 400
        ("RuntimeError", None, None),  # no code: the API answers E609
    ]
    refused = found[1][1]
    assert isinstance(refused, Failure) and refused.cause is not None
    assert refused.cause.detail.startswith("[E108] in.jsonl:2: not a language")
    assert refused.cause.error is None
    assert refused.reason.startswith("[E117] in.jsonl:2: extraction failed (ReadError: [E108]")


def test_a_failure_crosses_ray_shards_as_json_with_its_cause() -> None:
    """What a Ray actor writes for a failed article (RayExtractor's shard row) reads back as the same
    Failure with the same cause, code and status included; the exception itself never goes to JSON."""
    pa = pytest.importorskip("pyarrow")
    import json

    arts = _articles(CODED[:3])
    rows = pa.Table.from_pylist([batch.article_row(a, i) for i, a in enumerate(arts)],
                                schema=batch._typed(pa, batch.ARTICLE_COLUMNS))  # fmt: skip
    shard = batch.RayExtractor(HAND)(rows).to_pylist()
    assert [r["record"] is None for r in shard] == [False, True, True]
    back = [Failure.from_json(json.loads(r["failure"])) for r in shard[1:]]
    local = [o for _, o in run(arts, extractor=HAND, chunk_size=3) if isinstance(o, Failure)]
    assert back == local and [f.cause for f in back] == [f.cause for f in local]
    kept = replace(local[0], cause=batch.cause_of(ValueError("x"), keep=True))
    assert kept.cause is not None and isinstance(kept.cause.error, ValueError)
    again = Failure.from_json(json.loads(json.dumps(kept.to_json())))
    assert again.cause is not None and again.cause.error is None and again.cause.name == "ValueError"


def test_a_kept_exception_that_cannot_cross_processes_is_kept_by_name() -> None:
    import threading

    from polemos.workers import HandlerCrash

    class Holding(Exception):
        def __init__(self) -> None:
            super().__init__("holds a lock")
            self.lock = threading.Lock()

    held = batch.cause_of(Holding(), keep=True).error
    assert isinstance(held, HandlerCrash) and (held.name, held.message) == ("Holding", "holds a lock")
    plain = batch.cause_of(KeyError("k"), keep=True).error
    assert isinstance(plain, KeyError)


def test_pipeline_process_raises_what_its_batch_met_in_the_pool() -> None:
    """``Pipeline.process`` on the runner raises a Failure's kept exception itself, a worker's death as
    the pool's ``WorkerDied`` with its words, and anything else by name (``HandlerCrash``)."""
    from polemos.pipeline import _raised
    from polemos.store.base import Cause
    from polemos.workers import HandlerCrash, WorkerDied

    failure = Failure("in.jsonl", 2, "[E117] in.jsonl:2: extraction failed (x)", "E117", "a1")
    bug = AttributeError("'NoneType' object has no attribute 'split'")
    assert _raised(replace(failure, cause=batch.cause_of(bug, keep=True))) is bug
    died = _raised(replace(failure, cause=Cause("WorkerDied", "exit code 7")))
    assert isinstance(died, WorkerDied) and str(died) == "the worker process stopped: exit code 7"
    other = _raised(replace(failure, cause=Cause("BatchError", "[E501] x")))
    assert isinstance(other, HandlerCrash) and (other.name, other.message) == ("BatchError", "[E501] x")
    assert isinstance(_raised(failure), HandlerCrash)
