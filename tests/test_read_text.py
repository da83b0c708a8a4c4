"""Reading plain text and JSON Lines into Articles: the text exactly as given, its metadata."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from polemos.errors import ReadError
from polemos.read import Defaults, ReadFailure, iter_articles, parse_date, text_id

STORY = (
    "Rebels shell army base near Idlib\n"
    "Rebel fighters shelled an army base near the city of Idlib on Sunday, killing three soldiers, "
    "the defence ministry said in a statement.\n"
)


def read_all(path: Path, defaults: Defaults = Defaults()) -> list[object]:
    return list(iter_articles([str(path)], defaults))


def test_text_first_line_is_title(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    (article,) = read_all(path)
    assert article.title == "Rebels shell army base near Idlib"


def test_text_is_kept_exactly_as_given(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    (article,) = read_all(path)
    assert article.text == STORY


def test_text_id_is_a_stable_hash(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    (article,) = read_all(path)
    assert article.id == text_id(STORY) and len(article.id) == 16


def test_single_line_text_has_no_title(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text("Rebel fighters shelled an army base near Idlib on Sunday.", encoding="utf-8")
    (article,) = read_all(path)
    assert article.title is None


def test_defaults_fill_published_outlet_and_title(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    (article,) = read_all(path, Defaults(date(2016, 5, 23), "Example Wire", "Given title"))
    assert (article.published, article.outlet, article.title) == (
        date(2016, 5, 23),
        "Example Wire",
        "Given title",
    )


def test_source_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    (article,) = read_all(path)
    assert article.source == str(path)


def test_jsonl_fields_are_read(tmp_path: Path) -> None:
    record = {
        "id": "a-1",
        "text": STORY,
        "title": "Headline",
        "published": "2016-05-23",
        "outlet": "Example Wire",
        "url": "https://example.org/a-1",
    }
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (article,) = read_all(path)
    assert (article.id, article.text, article.title, article.published, article.outlet, article.url) == (
        "a-1",
        STORY,
        "Headline",
        date(2016, 5, 23),
        "Example Wire",
        "https://example.org/a-1",
    )


def test_jsonl_without_id_gets_the_text_hash(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": STORY}) + "\n", encoding="utf-8")
    (article,) = read_all(path)
    assert article.id == text_id(STORY)


def test_jsonl_numeric_id_becomes_a_string(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": 17, "text": STORY}) + "\n", encoding="utf-8")
    (article,) = read_all(path)
    assert article.id == "17"


def test_jsonl_record_published_beats_default(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"id": "x", "text": STORY, "published": "2020-01-02"}) + "\n", encoding="utf-8"
    )
    (article,) = read_all(path, Defaults(published=date(2016, 5, 23)))
    assert article.published == date(2020, 1, 2)


def test_jsonl_default_published_fills_a_gap(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "x", "text": STORY, "published": None}) + "\n", encoding="utf-8")
    (article,) = read_all(path, Defaults(published=date(2016, 5, 23)))
    assert article.published == date(2016, 5, 23)


def test_jsonl_blank_lines_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": "a", "text": STORY}), "", "   ", json.dumps({"id": "b", "text": STORY})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [a.id for a in read_all(path)] == ["a", "b"]


def test_jsonl_source_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps({"id": i, "text": STORY}) for i in "ab") + "\n", encoding="utf-8")
    assert [a.source for a in read_all(path)] == [f"{path}:1", f"{path}:2"]


def test_jsonl_malformed_line_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    good = json.dumps({"id": "a", "text": STORY})
    path.write_text(f"{good}\n{{not json\n{good.replace('a', 'b', 1)}\n", encoding="utf-8")
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["Article", "ReadFailure", "Article"]


def test_jsonl_malformed_line_message_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "text": STORY}) + "\n{not json\n", encoding="utf-8")
    failure = read_all(path)[1]
    assert isinstance(failure, ReadFailure)
    assert failure.message.startswith("[E104]") and f"{path}: line 2" in failure.message


def test_jsonl_record_without_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "body": STORY}) + "\n", encoding="utf-8")
    (failure,) = read_all(path)
    assert isinstance(failure, ReadFailure) and failure.message.startswith("[E105]")


def test_jsonl_array_line_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('["not", "an", "object"]\n', encoding="utf-8")
    (failure,) = read_all(path)
    assert isinstance(failure, ReadFailure) and "expected a JSON object" in failure.message


def test_jsonl_bad_published_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": STORY, "published": "next Tuesday"}) + "\n", encoding="utf-8"
    )
    (failure,) = read_all(path)
    assert isinstance(failure, ReadFailure) and failure.message.startswith("[E109]")


def test_jsonl_detected_without_suffix(tmp_path: Path) -> None:
    path = tmp_path / "records"
    path.write_text(json.dumps({"id": "a", "text": STORY}) + "\n", encoding="utf-8")
    (article,) = read_all(path)
    assert article.id == "a"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-05-23", date(2016, 5, 23)),
        ("2016-05-23T10:15:00Z", date(2016, 5, 23)),
        ("2016-05-23 10:15", date(2016, 5, 23)),
        (date(2016, 5, 23), date(2016, 5, 23)),
        ("", None),
        (None, None),
    ],
)
def test_parse_date_accepts_iso_forms(value: object, expected: date | None) -> None:
    assert parse_date(value, "test") == expected


@pytest.mark.parametrize("value", ["23/05/2016", "May 23, 2016", "yesterday", "2016-13-01"])
def test_parse_date_refuses_other_forms_with_e109(value: str) -> None:
    with pytest.raises(ReadError, match=r"\[E109\]"):
        parse_date(value, "test")


def test_missing_file_is_e107() -> None:
    (failure,) = list(iter_articles(["/nonexistent/story.txt"]))
    assert isinstance(failure, ReadFailure) and failure.message.startswith("[E107]")


def test_directory_is_refused(tmp_path: Path) -> None:
    (failure,) = list(iter_articles([str(tmp_path)]))
    assert isinstance(failure, ReadFailure) and failure.message.startswith("[E110]")


def test_document_over_the_size_limit_is_e106(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Rebels attacked the town. " * 50_000, encoding="utf-8")  # 1.3 MB
    (failure,) = list(iter_articles([str(path)], max_mb=1.0))
    assert isinstance(failure, ReadFailure) and failure.message.startswith("[E106]")


def test_jsonl_line_over_the_size_limit_is_e106_and_others_survive(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    big = json.dumps({"id": "big", "text": "Rebels attacked the town. " * 50_000})
    path.write_text(big + "\n" + json.dumps({"id": "ok", "text": STORY}) + "\n", encoding="utf-8")
    items = list(iter_articles([str(path)], max_mb=1.0))
    assert isinstance(items[0], ReadFailure) and items[0].message.startswith("[E106]")
    assert items[1].id == "ok"


def test_several_paths_are_read_in_order(tmp_path: Path) -> None:
    paths = []
    for name in ("b.txt", "a.txt"):
        path = tmp_path / name
        path.write_text(f"{name}\n{STORY}", encoding="utf-8")
        paths.append(str(path))
    assert [a.title for a in iter_articles(paths)] == ["b.txt", "a.txt"]
