"""HTML pages: main text and metadata through trafilatura; boilerplate left out."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from polemos.read import Defaults, ReadFailure, iter_articles

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Rebels shell army base near Idlib | Example Wire</title>
  <meta property="og:title" content="Rebels shell army base near Idlib">
  <meta property="og:site_name" content="Example Wire">
  <meta property="article:published_time" content="2016-05-23T08:30:00Z">
  <link rel="canonical" href="https://wire.example.org/2016/05/23/idlib-base">
</head>
<body>
  <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
  <article>
    <h1>Rebels shell army base near Idlib</h1>
    <p>Rebel fighters shelled an army base near the city of Idlib on Sunday, killing three soldiers
    and wounding eleven others, the defence ministry said in a statement on Monday.</p>
    <p>The ministry said the attack came from positions south of the city that the rebels had taken
    last month, and that its artillery had returned fire. There was no word on casualties among the
    attackers, and the rebels did not comment on the report.</p>
    <p>A local monitoring group said at least two civilians were also hurt when a shell hit a market
    close to the base, and that families had begun to leave the nearby villages.</p>
  </article>
  <footer>Copyright Example Wire. All rights reserved. Subscribe to our newsletter.</footer>
</body>
</html>
"""


def read_page(tmp_path: Path, html: str = PAGE, defaults: Defaults = Defaults()) -> object:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    (item,) = list(iter_articles([str(path)], defaults))
    return item


def test_html_main_text_is_extracted(tmp_path: Path) -> None:
    article = read_page(tmp_path)
    assert "Rebel fighters shelled an army base" in article.text
    assert "families had begun to leave" in article.text


def test_html_boilerplate_is_left_out(tmp_path: Path) -> None:
    article = read_page(tmp_path)
    assert "Subscribe to our newsletter" not in article.text and "Sport" not in article.text


def test_html_markup_is_gone(tmp_path: Path) -> None:
    article = read_page(tmp_path)
    assert "<p>" not in article.text and "<article>" not in article.text


def test_html_title_from_metadata(tmp_path: Path) -> None:
    assert read_page(tmp_path).title == "Rebels shell army base near Idlib"


def test_html_published_from_metadata(tmp_path: Path) -> None:
    assert read_page(tmp_path).published == date(2016, 5, 23)


def test_html_outlet_from_site_name(tmp_path: Path) -> None:
    assert read_page(tmp_path).outlet == "Example Wire"


def test_html_url_from_canonical_link(tmp_path: Path) -> None:
    assert read_page(tmp_path).url == "https://wire.example.org/2016/05/23/idlib-base"


def test_html_defaults_win_over_metadata(tmp_path: Path) -> None:
    article = read_page(tmp_path, defaults=Defaults(date(2020, 1, 1), "Other Outlet", "Other title"))
    assert (article.published, article.outlet, article.title) == (
        date(2020, 1, 1),
        "Other Outlet",
        "Other title",
    )


def test_html_detected_without_suffix(tmp_path: Path) -> None:
    path = tmp_path / "page"
    path.write_text(PAGE, encoding="utf-8")
    (article,) = list(iter_articles([str(path)]))
    assert "Rebel fighters shelled" in article.text


def test_html_without_main_text_is_e111(tmp_path: Path) -> None:
    failure = read_page(tmp_path, "<!DOCTYPE html><html><head><title>x</title></head><body></body></html>")
    assert isinstance(failure, ReadFailure) and failure.message.startswith("[E111]")
