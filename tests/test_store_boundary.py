"""The store owns persistence (issue 13): SQLAlchemy is imported only under ``polemos/store/``, the
store imports neither the pipeline nor spaCy, and fusion and the API's read path run over an
in-memory test double of the store Protocol (``store_double.MemoryStore``), with no database."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fuse_helpers import event
from store_double import MemoryStore
from test_fuse_rules import jableh

from polemos.api import data
from polemos.fuse import fuse, stored
from polemos.store.base import EventFilter, EventQuery

ROOT = Path(__file__).resolve().parent.parent / "polemos"
# what the store may not import: the extraction pipeline and what it is built on
PIPELINE = ("spacy", "polemos.pipeline", "polemos.batch", "polemos.nlp", "polemos.extraction", "polemos.lang")


def _imported(path: Path) -> set[str]:
    """Every module an ``import`` anywhere in the file names (top level or inside a function)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            out.add(node.module)
            out |= {f"{node.module}.{a.name}" for a in node.names}
    return out


def _under(name: str, roots: tuple[str, ...]) -> bool:
    return any(name == r or name.startswith(r + ".") for r in roots)


def test_sqlalchemy_is_imported_only_by_the_store() -> None:
    outside = {
        str(p.relative_to(ROOT.parent)): sorted(n for n in _imported(p) if _under(n, ("sqlalchemy",)))
        for p in ROOT.rglob("*.py")
        if "store" not in p.relative_to(ROOT).parts[:1]
    }
    assert {p: names for p, names in outside.items() if names} == {}


def _names_the_concrete_store(path: Path) -> list[str]:
    """Where a module outside the store names ``SqlStore`` (or imports the modules that take one)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = sorted(n for n in _imported(path) if n.endswith(".SqlStore") or _under(n, CONCRETE))
    found += [f"line {n.lineno}" for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == "SqlStore"]
    found += [
        f"line {n.lineno}" for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr == "SqlStore"
    ]
    return found


CONCRETE = ("polemos.store.sql", "polemos.store.lock")  # SqlStore and the locks written against it


def test_outside_the_store_everything_is_typed_against_the_protocol() -> None:
    """The watcher, the API's POST /articles, ingest and the CLI take a ``Store``, never ``SqlStore``:
    they get one from ``open_store`` and take its lock through ``Store.ingest_lock``."""
    outside = {
        str(p.relative_to(ROOT.parent)): _names_the_concrete_store(p)
        for p in ROOT.rglob("*.py")
        if "store" not in p.relative_to(ROOT).parts[:1]
    }
    assert {p: names for p, names in outside.items() if names} == {}


def test_the_concrete_store_check_sees_a_name(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("import polemos.store as s\n\ndef f(x: 's.SqlStore') -> None:\n    s.SqlStore(x)\n")
    assert _names_the_concrete_store(module) == ["line 4"]
    module.write_text("from polemos.store.lock import ingest_lock\n")
    assert _names_the_concrete_store(module) == ["polemos.store.lock", "polemos.store.lock.ingest_lock"]


def test_the_boundary_check_sees_a_nested_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "def f():\n    from sqlalchemy.exc import SQLAlchemyError\n    return SQLAlchemyError\n"
    )
    assert "sqlalchemy.exc" in _imported(module)


def test_the_store_does_not_import_the_pipeline() -> None:
    found = {
        str(p.relative_to(ROOT.parent)): sorted(n for n in _imported(p) if _under(n, PIPELINE))
        for p in (ROOT / "store").rglob("*.py")
    }
    assert {p: names for p, names in found.items() if names} == {}


def test_opening_a_store_loads_no_spacy(tmp_path: Path) -> None:
    code = (
        "import sys; from polemos.store import open_store; from polemos.fuse import stored; "
        f"s = open_store({str(tmp_path / 'x.db')!r}); stored.update(s); s.close(); "
        "print(sorted(m for m in sys.modules if m == 'spacy' or m.startswith('polemos.nlp')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ---- fusion over the test double ----------------------------------------------------------------


def _partition(store: MemoryStore) -> list[list[str]]:
    return sorted(
        sorted(r["article_id"] for r in f["reports"]) for f in store.fused(store.fused_ids(EventFilter()))
    )


def _kabul() -> dict[str, Any]:
    text = "A car bomb hit Kabul on Tuesday, killing 12"
    day = ("2017-03-07", "2017-03-07", "day")
    return event("ap", text, outlet="AP", published=day[0], places=("Kabul",), date=day, killed=(12, 12, 12))


def test_fusion_over_the_double_groups_what_the_pure_fuser_groups() -> None:
    store = MemoryStore()
    store.put(*jableh(), _kabul())
    outcome = stored.update(store)
    assert outcome.new == 5 and store.passes == 1
    in_memory = sorted(sorted(r["article_id"] for r in f["reports"]) for f in fuse([*jableh(), _kabul()]))
    assert _partition(store) == in_memory
    assert ["ap"] in _partition(store)
    assert store.pending_fusion() == 0


def test_fusion_over_the_double_keeps_ids_and_decisions() -> None:
    store = MemoryStore()
    store.put(*jableh())
    stored.update(store)
    [fid] = store.fused_ids(EventFilter())
    assert stored.update(store).reports == 0  # nothing new: nothing fused
    assert stored.refuse(store).fused_events == 1 and store.fused_ids(EventFilter()) == [fid]
    first = store.fused_members(fid)[0]
    apart = stored.split(store, fid, first, who="tester", why="a different attack")
    assert apart != fid and store.fused_members(apart) == [first]
    stored.refuse(store)  # the decision holds when everything is fused again
    assert store.fused_id_of(first) == apart and first not in store.fused_members(fid)
    assert [a.op for a in store.state.actions] == ["split"] and store.state.actions[0].result_id == apart


def test_a_pass_that_fails_leaves_the_double_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    store = MemoryStore()
    store.put(*jableh())

    def boom(*_: Any, **__: Any) -> int:
        raise RuntimeError("killed mid-pass")

    monkeypatch.setattr(stored, "_write", boom)
    with pytest.raises(RuntimeError):
        stored.update(store)
    assert store.state.fused == {} and store.pending_fusion() == 4


def test_an_unread_article_joins_a_fused_event_as_one_more_source() -> None:
    store = MemoryStore()
    store.put(*jableh())
    store.put_unread(
        "local", "Bombings in Jableh and Tartus kill dozens", published="2016-05-23", outlet="Local"
    )
    stored.update(store)
    assert store.state.joined.get("local") in (None, *store.state.fused)  # seen by the pass either way
    assert store.pending_fusion() == 0


# ---- the API's read path over the double --------------------------------------------------------


def test_api_pages_and_detail_over_the_double() -> None:
    store = MemoryStore()
    store.put(*jableh(), _kabul())
    stored.update(store)
    total, page = data.page_events(store, EventQuery(EventFilter(), limit=1))
    assert total == 2 and len(page) == 1 and page[0]["schema"] == data.FUSED_SCHEMA
    assert page[0]["date"]["start"] == "2017-03-07"  # newest first
    total, page = data.page_events(store, EventQuery(EventFilter(country="SY")))
    assert total == 1 and {r["article_id"] for r in page[0]["reports"]} == {e["article_id"] for e in jableh()}
    detail = data.event_detail(store, page[0]["id"])
    assert detail is not None and len(detail["report_events"]) == len(page[0]["reports"])
    uid = detail["report_events"][0]["uid"]
    assert data.event_detail(store, uid)["id"] == page[0]["id"]  # type: ignore[index]
    assert data.event_detail(store, "no-such-id") is None


def test_api_unfused_shape_and_stats_over_the_double() -> None:
    store = MemoryStore()
    store.put(_kabul())
    total, page = data.page_events(store, EventQuery(EventFilter()), fused=False)
    assert total == 1 and page[0]["fusion"]["score"] is None and page[0]["reports"][0]["outlet"] == "AP"
    stored.update(store)
    answer = data.stats(store, EventFilter())
    assert answer["events"] == 1 and answer["by_country"] == [{"key": "AF", "count": 1, "killed": 0}]
    assert answer["by_month"] == [{"key": "2017-03", "count": 1, "killed": 12}]
    assert data.facets(store) == (["ASSAULT"], ["AF"])


def test_api_over_http_on_the_double() -> None:
    from api_fixtures import Client

    from polemos.api.app import create_app

    store = MemoryStore()
    store.put(*jableh(), _kabul())
    stored.update(store)
    app = create_app(None)
    app.state.store, app.state.fused = store, True
    client = Client(app)
    got = client.get("/events", params={"limit": 5})
    assert got.status_code == 200, got.text
    assert got.json()["total"] == 2
    one = client.get(f"/events/{got.json()['events'][0]['id']}")
    assert one.status_code == 200 and one.json()["report_events"]
    assert client.get("/health").json()["unfused_reports"] == 0
