"""WARC and RSS/Atom inputs become Articles through the read dispatch."""

from __future__ import annotations

import io
from pathlib import Path

from polemos.read import Article, ReadFailure, iter_articles
from polemos.read.feeds import html_to_text

PAGE = """<html><head><title>Blasts in Jableh</title></head><body><article>
<h1>Blasts in Jableh</h1>
<p>At least 100 people were killed in bomb attacks in Jableh and Tartus on Monday, the Syrian Observatory
for Human Rights said. Islamic State claimed responsibility for the blasts in a statement.</p>
<p>The explosions hit bus stations and a hospital in the two coastal cities, which are government
strongholds, witnesses told reporters on Monday evening.</p>
</article></body></html>"""


def _warc(path: Path, pages: list[tuple[str, str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=path.suffix == ".gz")
        for url, ctype, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            payload = body.encode()
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                               length=len(payload), http_headers=headers)  # fmt: skip
            writer.write_record(record)


def test_ingest_readers_warc_html_responses_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(path, [("https://news.example/a", "text/html; charset=utf-8", PAGE),
                 ("https://news.example/logo.png", "image/png", "PNG"),
                 ("https://news.example/b", "text/html", PAGE.replace("Jableh", "Tartus"))])  # fmt: skip
    items = list(iter_articles([str(path)]))
    assert [type(i) for i in items] == [Article, Article]
    first = items[0]
    assert first.id == first.url == "https://news.example/a" and first.source == f"{path}:1"
    assert "100 people were killed" in first.text and items[1].source == f"{path}:3"


def test_ingest_readers_broken_warc_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(b"WARC/1.0\r\nthis is not a record\r\n\r\n")
    (item,) = list(iter_articles([str(path)]))
    assert isinstance(item, ReadFailure) and "E110" in item.message


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Coast Wire</title>
<item><title>Blasts kill 100 in Jableh</title><link>https://coast.example/1</link>
<guid>coast-1</guid><pubDate>Mon, 23 May 2016 10:00:00 GMT</pubDate>
<description>&lt;p&gt;At least 100 people were killed in bomb attacks in Jableh on Monday, the Syrian
Observatory for Human Rights said.&lt;/p&gt;&lt;p&gt;Islamic State claimed the blasts.&lt;/p&gt;
</description></item>
<item><title></title><description></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Atom News</title><id>urn:x</id><updated>2016-05-24T00:00:00Z</updated>
<entry><title>Protest in Homs</title><id>urn:entry:7</id><updated>2016-05-24T08:00:00Z</updated>
<link href="https://atom.example/7"/><content type="html">&lt;p&gt;Thousands of people protested in Homs on
Tuesday against the siege of the city, activists said.&lt;/p&gt;</content></entry></feed>"""


def test_ingest_readers_rss_items_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(RSS)
    good, bad = list(iter_articles([str(path)]))
    assert isinstance(good, Article) and isinstance(bad, ReadFailure)
    assert (good.id, good.outlet, str(good.published), good.url) == ("coast-1", "Coast Wire", "2016-05-23",
                                                                    "https://coast.example/1")  # fmt: skip
    assert good.text.startswith("Blasts kill 100 in Jableh\n\nAt least 100 people")
    assert bad.source == f"{path}:2"


def test_ingest_readers_atom_entries_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "feed.atom"
    path.write_text(ATOM)
    (item,) = list(iter_articles([str(path)]))
    assert (item.id, item.title, str(item.published)) == ("urn:entry:7", "Protest in Homs", "2016-05-24")


def test_ingest_readers_not_a_feed_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "x.xml"
    path.write_text("<?xml version='1.0'?><svg></svg>")
    (item,) = list(iter_articles([str(path)]))
    assert isinstance(item, ReadFailure) and "not an RSS/Atom feed" in item.message


def test_ingest_readers_html_to_text_keeps_paragraphs() -> None:
    assert html_to_text("<p>One &amp; two.</p><p>Three<script>x()</script></p>") == "One & two.\n\nThree"
