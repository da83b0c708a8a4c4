"""polemos watch: rounds over feeds served by a local HTTP server (127.0.0.1 only), folders and
lists of sources; the store after each round, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_fixtures import *  # noqa: F403
from watch_server import Route, Server, add_stories, story

from polemos.ingest import Options
from polemos.store import SqlStore
from polemos.store.changes import changes_since
from polemos.watch import Settings, run_round
from polemos.watch.state import WatchState

HAND = "watch_server:DatedExtractor"
SPANISH = (
    "Al menos tres personas murieron el lunes en un ataque contra el mercado central de la ciudad, según "
    "dijeron las autoridades locales, que pidieron calma a la población. Los vecinos contaron que las "
    "explosiones se oyeron en todo el barrio y que los hospitales de la zona no daban abasto con los "
    "heridos.\nEl gobierno no ha comentado todavía estas informaciones, que no pudieron ser verificadas "
    "de forma independiente por los periodistas que trabajan en la región."
)


@pytest.fixture
def server() -> Iterator[Server]:
    s = Server()
    yield s
    s.close()


def settings(**kw: object) -> Settings:
    base = dict(
        timeout=2.0,
        min_interval=0.0,
        retry_base=0.0,
        fetchers=4,
        options=Options(extractor=HAND, batch_size=4, chunk_size=2),
    )
    base.update(kw)
    return Settings(**base)  # type: ignore[arg-type]


def _status(result, source: str):  # type: ignore[no-untyped-def]
    return next(s for s in result.sources if s.source == source)


def test_watch_three_new_items_give_three_articles_and_three_added_events(
    store: SqlStore, server: Server
) -> None:
    feed = server.url("/feed.rss")
    add_stories(server, "/feed.rss", [1, 2])
    first = run_round(store, [feed], settings())
    assert (first.progress.added, store.counts()["articles"]) == (2, 2)
    assert first.changes.counts["added"] == 2
    cursor = first.changes.cursor

    add_stories(server, "/feed.rss", [1, 2, 3, 4, 5])  # three items appear between the rounds
    second = run_round(store, [feed], settings())
    assert _status(second, feed).new_items == 3
    assert (second.progress.added, second.progress.skipped, store.counts()["articles"]) == (3, 0, 5)
    assert server.hits["/news/1.html"] == 1  # an item seen before is not read again
    found, last, more = changes_since(store, cursor)
    assert [c["op"] for c in found] == ["added"] * 3 and not more
    new = {r["article_id"] for c in found for r in c["event"]["reports"]}
    assert new == {server.url(f"/news/{n}.html") for n in (3, 4, 5)}  # exactly the new articles' events

    third = run_round(store, [feed], settings())  # the feed answers 304: nothing is added
    assert _status(third, feed).status == "unchanged" and server.not_modified["/feed.rss"] == 1
    assert (third.progress.seen, store.counts()["articles"]) == (0, 5)
    assert changes_since(store, last)[0] == [] and third.changes.total == 0
    assert all(a.startswith("polemos/") for a in server.agents)


def test_watch_a_failing_source_fails_alone_and_visibly(store: SqlStore, server: Server) -> None:
    add_stories(server, "/good.rss", [1, 2])
    server.routes["/broken.rss"] = Route(status=500, body=b"oops")
    add_stories(server, "/slow.rss", [7], prefix="/slow")
    server.routes["/slow.rss"].delay = 3.0  # over the 2 s timeout
    server.routes["/junk.rss"] = Route(body=b"<html><body>not a feed at all</body></html>")
    server.routes["/moved.rss"] = Route(status=301, location="/target.rss")
    add_stories(server, "/target.rss", [10, 11], prefix="/moved")
    refused = "http://127.0.0.1:9/feed.rss"  # the discard port: nothing listens there
    sources = [server.url(p) for p in ("/good.rss", "/broken.rss", "/slow.rss", "/junk.rss", "/moved.rss")]
    sources.append(refused)
    result = run_round(store, sources, settings(retry_base=3600))
    by = {s.source: s for s in result.sources}
    assert by[server.url("/good.rss")].status == by[server.url("/moved.rss")].status == "ok"
    assert "E131" in by[server.url("/broken.rss")].reason and "500" in by[server.url("/broken.rss")].reason
    assert "timed out" in by[server.url("/slow.rss")].reason
    assert "not an RSS/Atom feed" in by[server.url("/junk.rss")].reason
    assert "E130" in by[refused].reason
    assert store.counts()["articles"] == 4  # the good feed's two and the redirected feed's two
    rows = {r["source"]: r for r in WatchState(store).sources()}
    assert rows[server.url("/broken.rss")]["failures"] == 1
    assert rows[server.url("/moved.rss")]["final_url"] == server.url("/target.rss")
    assert result.failed

    again = run_round(store, sources, settings(retry_base=3600))  # backing off: not asked again
    assert {s.status for s in again.sources if s.source in (refused, server.url("/broken.rss"))} == {
        "waiting"
    }
    assert server.hits["/broken.rss"] == 1
    WatchState(store).retry_now()  # as if the back-off had run out
    later = run_round(store, sources, settings(retry_base=3600))
    assert WatchState(store).source(server.url("/broken.rss"), "feed")["failures"] == 2
    assert _status(later, server.url("/good.rss")).status == "unchanged"


def test_watch_pages_that_fail_are_retried_and_other_languages_quarantined(
    store: SqlStore, server: Server
) -> None:
    add_stories(server, "/feed.rss", [1, 2, 3])
    server.routes["/news/2.html"] = Route(status=503, body=b"busy")
    server.page("/news/3.html", "Noticias", SPANISH)
    result = run_round(store, [server.url("/feed.rss")], settings())
    assert [link for link, _ in result.page_failures] == [server.url("/news/2.html")]
    assert store.counts()["articles"] == 1
    assert any("E108" in f.reason for f in store.quarantined())
    title, text = story(2)
    server.page("/news/2.html", title, text)  # the host is back
    again = run_round(store, [server.url("/feed.rss")], settings())
    assert again.progress.added == 1 and store.counts()["articles"] == 2
    assert WatchState(store).item_counts() == {"done": 3}


def test_watch_robots_txt_is_obeyed(store: SqlStore, server: Server) -> None:
    add_stories(server, "/feed.rss", [1, 2, 3])
    server.routes["/robots.txt"] = Route(
        body=b"User-agent: polemos\nDisallow: /news/\n", content_type="text/plain"
    )
    run_round(store, [server.url("/feed.rss")], settings())
    assert sum(server.hits[f"/news/{n}.html"] for n in (1, 2, 3)) == 0  # closed: the feed's text is read
    assert store.counts()["articles"] == 3 and server.hits["/robots.txt"] == 1  # asked once a round


def test_watch_an_unreachable_robots_txt_allows_nothing_for_now(store: SqlStore, server: Server) -> None:
    add_stories(server, "/feed.rss", [1])
    server.routes["/robots.txt"] = Route(status=503)
    result = run_round(store, [server.url("/feed.rss")], settings())
    assert server.hits["/news/1.html"] == 0 and "robots.txt unreachable" in result.page_failures[0][1]
    del server.routes["/robots.txt"]  # now a 404: everything is allowed
    WatchState(store).retry_now()
    run_round(store, [server.url("/feed.rss")], settings())
    assert server.hits["/news/1.html"] == 1 and store.counts()["articles"] == 1


def test_watch_folders_and_lists_of_sources(store: SqlStore, server: Server, tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a.txt").write_text("Clashes in Homs\n\n4 people were killed in Homs on Tuesday.")
    add_stories(server, "/feed.rss", [5])
    listing = tmp_path / "sources.txt"
    listing.write_text(f"# what we follow\n{server.url('/feed.rss')}\n{folder}\n")
    first = run_round(store, [str(listing)], settings())
    assert {s.kind for s in first.sources} == {"feed", "folder"}
    assert store.counts()["articles"] == 2
    (folder / "b.txt").write_text("Strike on Hama\n\n6 people were killed in Hama on Wednesday.")
    second = run_round(store, [str(listing)], settings())
    assert (second.files.added, store.counts()["articles"]) == (1, 3)
    third = run_round(store, [str(listing)], settings())
    assert third.files.added == third.progress.added == 0


def test_watch_a_changed_entry_is_read_again_as_a_new_version(store: SqlStore, server: Server) -> None:
    add_stories(server, "/feed.rss", [1, 2])
    cursor = run_round(store, [server.url("/feed.rss")], settings()).changes.cursor
    title, text = story(1)
    server.page("/news/1.html", title, text.replace("3 people", "9 people"))  # the toll corrected
    feed = server.routes["/feed.rss"].body.decode().replace("3 people", "9 people")
    server.routes["/feed.rss"] = Route(body=feed.encode(), content_type="application/rss+xml")
    again = run_round(store, [server.url("/feed.rss")], settings())
    assert _status(again, server.url("/feed.rss")).changed_items == 1
    assert (again.progress.updated, again.progress.added, store.counts()["articles"]) == (1, 0, 2)
    assert server.hits["/news/1.html"] == 2 and server.hits["/news/2.html"] == 1
    found, _, _ = changes_since(store, cursor)
    assert [(c["op"], c["version"]) for c in found] == [("updated", 2)]
    assert found[0]["event"]["counts"]["killed"]["best"] == 9


def test_watch_atom_feeds_and_the_size_cap(store: SqlStore, server: Server) -> None:
    title, text = story(4)
    server.page("/a/4.html", title, text)
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Atom Wire</title>"
        f"<id>urn:x</id><updated>2016-02-10T00:00:00Z</updated><entry><title>{title}</title><id>urn:4</id>"
        f'<link href="{server.url("/a/4.html")}"/><updated>2016-02-10T00:00:00Z</updated>'
        "<summary>Shelling.</summary></entry></feed>"
    )
    server.routes["/atom.xml"] = Route(body=atom.encode(), content_type="application/atom+xml")
    server.routes["/huge.rss"] = Route(
        body=b"<rss>" + b" " * 5000 + b"</rss>", content_type="application/rss+xml"
    )
    result = run_round(store, [server.url("/atom.xml"), server.url("/huge.rss")], settings(max_mb=0.004))
    assert _status(result, server.url("/atom.xml")).status == "ok"
    assert "E106" in (_status(result, server.url("/huge.rss")).reason or "")
    (article,) = store.iter_articles()
    assert article["article"]["id"] == server.url("/a/4.html") and article["article"]["outlet"] == "Atom Wire"


def test_watch_docs_name_every_option() -> None:
    import inspect

    from polemos.cli import app

    doc = (Path(__file__).parent.parent / "docs" / "watch.md").read_text()
    info = next(c for c in app.registered_commands if c.callback and c.callback.__name__ == "watch")
    for param in inspect.signature(info.callback).parameters.values():  # type: ignore[arg-type]
        decls = getattr(param.default, "param_decls", None) or ()
        flags = [d for d in decls if d.startswith("--")] or ["--" + param.name.replace("_", "-")]
        if param.name in ("sources", "extractor"):  # the argument; a test hook
            continue
        assert any(f"`{f}`" in doc for f in flags), f"polemos watch {flags[0]} is not in docs/watch.md"


def test_watch_fetch_failures_have_their_reasons(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    from polemos.watch.fetch import Fetcher, FetchError

    fetcher = Fetcher(timeout=2.0, min_interval=0.0, max_bytes=1000)
    server.routes["/big.html"] = Route(body=b"x" * 5000)

    def reason(url: str) -> str:
        with pytest.raises(FetchError) as e:
            fetcher.get(url)
        return e.value.reason

    assert "E131" in reason(server.url("/gone.rss")) and "404" in reason(server.url("/gone.rss"))
    assert "E106" in reason(server.url("/big.html"))
    assert "not an http(s) URL" in reason("file:///etc/passwd")
    server.routes["/sneaky"] = Route(status=302, location="file:///etc/passwd")
    assert "file:///etc/passwd" in reason(server.url("/sneaky"))  # a redirect off http(s) is refused

    def no_dns(*_a: object, **_k: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)  # a DNS failure, without asking any resolver
    assert "host not found" in reason("http://feeds.example.invalid/rss")
