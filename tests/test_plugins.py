"""Readers and exporters of other packages, through the polemos.readers / polemos.exporters entry
points (docs/plugins.md); sniffing of the built-ins' inputs by content."""

from __future__ import annotations

import gzip
import io
import json
import logging
from pathlib import Path

import pytest
from conftest import run_cli
from plugin_fixtures import *  # noqa: F403
from plugin_fixtures import LABEL
from store_fixtures import TEXT, make_record

from polemos.errors import ConfigError, PolemosError
from polemos.export import export
from polemos.export_registry import ExporterSpec, exporters
from polemos.read import Article, ReaderSpec, ReadFailure, iter_articles, readers
from polemos.service import IngestService
from polemos.store import EventFilter, SqlStore, Stored

NEWS = "Gunmen killed three villagers in an attack on a market in northern Mali on Sunday, officials said."
NEWS2 = "Police fired tear gas at hundreds of protesters who marched through the capital on Friday."


def items(*paths: Path | str) -> list[Article | ReadFailure]:
    return list(iter_articles([str(p) for p in paths]))


def codes(found: list[Article | ReadFailure]) -> list[str]:
    return [f.code or "?" if isinstance(f, ReadFailure) else "ok" for f in found]


def good(tmp_path: Path, name: str = "good.txt") -> Path:
    path = tmp_path / name
    path.write_text(NEWS2)
    return path


# --- readers -------------------------------------------------------------------------------------------


def test_builtin_readers_are_in_the_registry() -> None:
    names = [s.name for s in readers().specs()]
    assert names[:5] == ["text", "html", "jsonl", "feed", "warc"]
    assert all(s.plugin is None for s in readers().specs()[:5])
    assert readers().for_suffix(".warc.gz").name == "warc"  # type: ignore[union-attr]


@pytest.mark.usefixtures("plugin_dir")
def test_entry_point_reader_is_registered_with_its_plugin() -> None:
    spec = readers().get("dat")
    assert spec is not None and spec.plugin == f"dat {LABEL}" and spec.suffixes == (".dat",)


@pytest.mark.usefixtures("plugin_dir")
def test_entry_point_reader_reads_its_suffix(tmp_path: Path) -> None:
    path = tmp_path / "wire.dat"
    path.write_text(f"DAT1\nd1|{NEWS}\nd2|{NEWS2}\n")
    found = items(path)
    assert [(a.id, a.text, a.source) for a in found if isinstance(a, Article)] == [
        ("d1", NEWS, f"{path}:2"), ("d2", NEWS2, f"{path}:3")]  # fmt: skip


@pytest.mark.usefixtures("plugin_dir")
def test_entry_point_reader_is_chosen_by_its_sniffer(tmp_path: Path) -> None:
    path = tmp_path / "wire-no-suffix"
    path.write_text(f"DAT1\nd1|{NEWS}\n")
    (article,) = items(path)
    assert isinstance(article, Article) and article.id == "d1"


@pytest.mark.usefixtures("plugin_dir")
def test_plugin_articles_are_checked_as_builtin_ones(tmp_path: Path) -> None:
    path = tmp_path / "wire.dat"
    path.write_text(f"DAT1\nd1|  \nd2|{NEWS}\nd3|a NUL \x00 in {NEWS2}\n")
    assert codes(items(path)) == ["E101", "ok", "E102"]


@pytest.mark.usefixtures("plugin_dir")
def test_plugin_reader_that_raises_fails_its_input_only(tmp_path: Path) -> None:
    bad = tmp_path / "x.boom"
    bad.write_text("anything")
    found = items(good(tmp_path, "a.txt"), bad, good(tmp_path, "b.txt"))
    assert codes(found) == ["ok", "E110", "ok"]
    failure = found[1]
    assert isinstance(failure, ReadFailure) and "\n" not in failure.message
    assert failure.message == (f"[E110] {bad}: cannot read: the reader 'boom' of plugin boom {LABEL} failed "
                               "(RuntimeError: the boom reader always fails)")  # fmt: skip


@pytest.mark.usefixtures("plugin_dir")
def test_plugin_that_cannot_be_loaded_is_one_coded_line(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="polemos.plugins"):
        assert readers().get("text") is not None  # the others load
    (line,) = readers().broken
    assert line.code == "E119" and line.startswith(
        f"[E119] broken {LABEL}: the reader plugin cannot be loaded"
    )
    assert "AttributeError" in line and [r.getMessage() for r in caplog.records] == [line]


def test_a_plugin_never_takes_a_builtin_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib.metadata import EntryPoint

    import polemos.read.registry as registry

    fake = EntryPoint("text", "polemos.read.feeds:FEED", registry.GROUP)
    monkeypatch.setattr(registry, "entry_points", lambda group: [fake] if group == registry.GROUP else [])
    readers().reset()
    try:
        assert readers().get("text").read.__name__ == "read_text"  # type: ignore[union-attr]
        (line,) = readers().broken
        assert line.code == "E119" and "is a built-in reader's" in line
    finally:
        monkeypatch.undo()
        readers().reset()


def test_a_reader_registered_in_code_is_used(tmp_path: Path) -> None:
    def read_upper(stream, size, source, defaults, limits):  # type: ignore[no-untyped-def]
        yield Article(id="u", text=stream.read().decode().upper(), source=source)

    readers().register(ReaderSpec("upper", read_upper, (".up",)))
    try:
        path = tmp_path / "a.up"
        path.write_text(NEWS)
        (article,) = items(path)
        assert isinstance(article, Article) and article.text == NEWS.upper()
    finally:
        readers().unregister("upper")


# --- sniffing the built-ins' inputs by content -------------------------------------------------------------


@pytest.mark.parametrize("name", ["corpus.txt", "corpus.text", "corpus.md"])
def test_jsonl_named_as_text_is_read_as_jsonl(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(
        json.dumps({"id": "j1", "text": NEWS}) + "\n" + json.dumps({"id": "j2", "text": NEWS2}) + "\n"
    )
    assert [(a.id, a.text) for a in items(path) if isinstance(a, Article)] == [("j1", NEWS), ("j2", NEWS2)]


@pytest.mark.parametrize("first", ['{"headline": "no text field"}', "{ not json at all", '["a list"]'])
def test_text_that_only_starts_like_json_stays_text(tmp_path: Path, first: str) -> None:
    path = tmp_path / "note.txt"
    path.write_text(f"{first}\n{NEWS}\n")
    (article,) = items(path)
    assert isinstance(article, Article) and article.text == f"{first}\n{NEWS}\n"


@pytest.mark.slow
def test_html_without_suffix_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "page"
    path.write_text(f"<!DOCTYPE html><html><head><title>Attack</title></head><body><article><p>{NEWS}</p>"
                    f"<p>{NEWS2}</p></article></body></html>")  # fmt: skip
    (article,) = items(path)
    assert isinstance(article, Article) and NEWS in article.text and "<p>" not in article.text


def _warc(path: Path, compress: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=compress)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
        body = f"<html><body><article><p>{NEWS}</p><p>{NEWS2}</p></article></body></html>".encode()
        record = writer.create_warc_record("https://news.example/1", "response", payload=io.BytesIO(body),
                                           length=len(body), http_headers=headers)  # fmt: skip
        writer.write_record(record)


@pytest.mark.slow
@pytest.mark.parametrize(("name", "compress"), [("crawl.gz", True), ("crawl", True), ("crawl", False),
                                                ("crawl.dat.gz", True)])  # fmt: skip
def test_warc_is_told_by_its_content(tmp_path: Path, name: str, compress: bool) -> None:
    path = tmp_path / name
    _warc(path, compress)
    (article,) = items(path)
    assert isinstance(article, Article) and article.url == "https://news.example/1" and NEWS in article.text


@pytest.mark.parametrize(
    "doc",
    [
        f'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Wire</title><item><title>Attack</title>'
        f"<description>{NEWS}</description><link>https://w.example/1</link></item></channel></rss>",
        f'<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><entry><id>e1</id><title>Attack</title>'
        f"<summary>{NEWS}</summary></entry></feed>",
    ],  # fmt: skip
)
def test_feed_without_suffix_is_read_as_a_feed(tmp_path: Path, doc: str) -> None:
    path = tmp_path / "feed"
    path.write_text(doc)
    (article,) = items(path)
    assert isinstance(article, Article) and article.text == f"Attack\n\n{NEWS}" and article.outlet == "Wire"


def test_gzip_text_keeps_being_read_by_its_inner_suffix(tmp_path: Path) -> None:
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(NEWS.encode()))
    (article,) = items(path)
    assert isinstance(article, Article) and article.text == NEWS


# --- exporters ------------------------------------------------------------------------------------------


@pytest.fixture
def filled(tmp_path: Path) -> SqlStore:
    store = SqlStore(f"sqlite:///{tmp_path / 'p.db'}")
    items = [Stored(make_record("a1"), TEXT), Stored(make_record("a2", outlet="AFP"), TEXT)]
    IngestService(store).write(items, paths=["test"], engine="test")  # stored and fused, as ingest does
    return store


def test_builtin_exporters_are_in_the_registry() -> None:
    assert exporters().names()[:5] == ["jsonl", "csv", "geojson", "parquet", "articles"]


@pytest.mark.usefixtures("plugin_dir")
def test_entry_point_exporter_writes(filled: SqlStore, tmp_path: Path) -> None:
    out = tmp_path / "e.tsv"
    try:
        assert export(filled, EventFilter(), "tsv", str(out)) == 2
    finally:
        filled.close()
    rows = [line.split("\t") for line in out.read_text().splitlines()]
    assert sorted(t for _, t in rows) == ["ASSAULT", "MOBILIZE"] and all(
        i.startswith("f") or i for i, _ in rows
    )
    spec = exporters().get("tsv")
    assert spec is not None and spec.plugin == f"tsv {LABEL}"


@pytest.mark.usefixtures("plugin_dir")
def test_entry_point_exporter_that_raises_is_one_coded_line(filled: SqlStore, tmp_path: Path) -> None:
    with pytest.raises(PolemosError) as info:
        export(filled, EventFilter(), "explode", str(tmp_path / "x"))
    filled.close()
    detail = "ValueError: the explode exporter always fails"
    assert info.value.code == "E205"
    assert str(info.value) == f"[E205] explode {LABEL}: the exporter 'explode' failed ({detail})"


@pytest.mark.usefixtures("plugin_dir")
def test_exporter_plugin_that_cannot_be_loaded_is_refused_by_name(filled: SqlStore, tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        export(filled, EventFilter(), "broken", str(tmp_path / "x"))
    filled.close()
    assert info.value.code == "E204" and str(info.value).startswith(f"[E204] broken {LABEL}: the exporter")
    assert "ModuleNotFoundError" in str(info.value) and "\n" not in str(info.value)


@pytest.mark.usefixtures("plugin_dir")
def test_unknown_format_lists_the_plugins_too(filled: SqlStore, tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        export(filled, EventFilter(), "xml", str(tmp_path / "x"))
    filled.close()
    assert str(info.value) == ("[E201] unknown output format 'xml'; use one of jsonl, csv, geojson, parquet, "
                               "articles, tsv, explode")  # fmt: skip


def test_exporter_to_file_refuses_stdout(filled: SqlStore) -> None:
    exporters().register(ExporterSpec("bin", lambda records, path: 0, to_file=True))
    try:
        with pytest.raises(ConfigError) as info:
            export(filled, EventFilter(), "bin", "-")
    finally:
        exporters().unregister("bin")
        filled.close()
    assert str(info.value) == "[E203] invalid option -o: bin needs a file, not standard output"


# --- the command line, with the plugin installed ---------------------------------------------------------


def test_cli_export_with_a_plugin_format(plugin_dir: Path, filled: SqlStore, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'p.db'}"
    filled.close()
    out = tmp_path / "e.tsv"
    proc = run_cli("export", "--db", url, "--format", "tsv", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert len(out.read_text().splitlines()) == 2
    proc = run_cli("export", "--db", url, "--format", "explode", "-o", str(tmp_path / "x"))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines()[-1].endswith("the exporter 'explode' failed (ValueError: "
                                                         "the explode exporter always fails)")  # fmt: skip


def test_cli_extract_with_a_plugin_reader_that_raises(plugin_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "x.boom"
    bad.write_text("anything")
    proc = run_cli("extract", str(bad), "--format", "jsonl")
    errors = [line for line in proc.stderr.splitlines() if line.startswith("Error")]
    assert proc.returncode == 1 and "Traceback" not in proc.stderr and proc.stdout == ""
    assert errors == [f"Error [E110] {bad}: cannot read: the reader 'boom' of plugin boom {LABEL} failed "
                      "(RuntimeError: the boom reader always fails)"]  # fmt: skip


@pytest.mark.slow
@pytest.mark.usefixtures("built_gazetteer")
def test_cli_extract_with_a_plugin_reader(plugin_dir: Path, tmp_path: Path) -> None:
    wire = tmp_path / "wire.dat"
    wire.write_text(f"DAT1\nd1|{NEWS}\n")
    bad = tmp_path / "x.boom"
    bad.write_text("anything")
    proc = run_cli("extract", str(bad), str(wire), "--format", "jsonl")
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert proc.returncode == 1 and [r["article"]["id"] for r in records] == ["d1"]
    assert records[0]["events"] and "the reader 'boom' of plugin boom" in proc.stderr
