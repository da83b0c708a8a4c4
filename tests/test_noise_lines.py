"""Noise: lines that are not the article's reporting are marked, and their spans index the text."""

from __future__ import annotations

import pytest

from polemos.read.noise import find_noise, in_noise

BODY = "Rebel fighters shelled an army base near Idlib on Sunday, the ministry said."


def noise_texts(text: str) -> list[str]:
    return [s.text for s in find_noise(text)]


@pytest.mark.parametrize(
    "line",
    [
        "— RT (@RT_com) March 4, 2016",
        "— Syrian Observer (@SyrianObserver) May 22, 2016",
        "- Jane Doe (@janedoe) Jan. 3, 2017",
        "— Example Wire (@examplewire) 4 March 2016",
    ],
)
def test_tweet_dateline_is_noise(line: str) -> None:
    assert line in noise_texts(f"{BODY}\n\n{line}\n{BODY}")


def test_long_paragraph_above_a_dateline_is_not_tweet_text() -> None:
    paragraph = " ".join([BODY] * 6)  # longer than any tweet
    text = f"{paragraph}\n— RT (@RT_com) March 4, 2016\n{BODY}"
    assert noise_texts(text) == ["— RT (@RT_com) March 4, 2016"]


def test_tweet_with_picture_link_is_noise() -> None:
    line = "Smoke over the base tonight pic.twitter.com/AbC123xyz"
    assert line in noise_texts(f"{BODY}\n{line}\n{BODY}")


def test_tweet_with_short_link_is_noise() -> None:
    line = "EXCLUSIVE: Inside the besieged town https://t.co/2zvqeMWAN"
    assert line in noise_texts(f"{BODY}\n{line}\n{BODY}")


def test_tweet_text_above_its_dateline_is_noise() -> None:
    tweet = "Heavy shelling reported in the east of the city tonight #Idlib"
    text = f"{BODY}\n{tweet}\n— Example Wire (@examplewire) March 4, 2016\n{BODY}"
    assert noise_texts(text) == [tweet, "— Example Wire (@examplewire) March 4, 2016"]


@pytest.mark.parametrize(
    "line",
    [
        "READ MORE: Army retakes Palmyra from Islamic State",
        "Read more: Army retakes Palmyra",
        "EXCLUSIVE: Inside the siege of Darayya",
        "ALSO READ: Ceasefire talks resume in Geneva",
        "RELATED: Who controls what in Aleppo",
        "WATCH: Drone footage of the destroyed bridge",
    ],
)
def test_promo_line_is_noise(line: str) -> None:
    assert noise_texts(f"{BODY}\n{line}\n{BODY}") == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Photo: Smoke rises over the base after the attack",
        "FILE PHOTO: Soldiers stand guard at a checkpoint",
        "© AFP 2016",
        "Image: Reuters",
    ],
)
def test_caption_line_is_noise(line: str) -> None:
    assert noise_texts(f"{BODY}\n{line}\n{BODY}") == [line]


@pytest.mark.parametrize(
    "line",
    ["Share", "Tweet", "Email", "Print", "Share this article", "Share on Facebook", "Share this:"],
)
def test_share_line_is_noise(line: str) -> None:
    assert noise_texts(f"{BODY}\n{line}\n{BODY}") == [line]


def test_bare_link_line_is_noise() -> None:
    assert noise_texts(f"{BODY}\nhttps://example.org/story/123\n{BODY}") == ["https://example.org/story/123"]


@pytest.mark.parametrize(
    "line",
    [
        BODY,
        "More than 100 people were killed in the blasts, the monitor said.",
        "Photographers were among the wounded, the union said.",
        "Sharing intelligence with Washington was on the agenda, the minister said.",
        "The exclusive zone around the base was closed.",
        "Watch towers along the border were hit overnight.",
    ],
)
def test_reporting_line_is_not_noise(line: str) -> None:
    assert noise_texts(f"Headline\n{line}\n{BODY}") == []


def test_noise_offsets_index_the_original_text() -> None:
    text = f"Headline\n{BODY}\n   READ MORE: Army retakes Palmyra   \n— RT (@RT_com) March 4, 2016\n{BODY}"
    spans = find_noise(text)
    assert spans and all(text[s.start : s.end] == s.text for s in spans)


def test_noise_span_is_trimmed_to_the_visible_line() -> None:
    text = f"{BODY}\n   READ MORE: Army retakes Palmyra   \n{BODY}"
    (span,) = find_noise(text)
    assert span.text == "READ MORE: Army retakes Palmyra"


def test_noise_with_windows_line_endings_keeps_offsets() -> None:
    text = f"{BODY}\r\nREAD MORE: Army retakes Palmyra\r\n{BODY}"
    (span,) = find_noise(text)
    assert text[span.start : span.end] == span.text == "READ MORE: Army retakes Palmyra"


def test_in_noise_sees_overlap_only() -> None:
    text = f"{BODY}\nREAD MORE: Army retakes Palmyra\n{BODY}"
    spans = find_noise(text)
    (span,) = spans
    assert in_noise(spans, span.start + 2, span.start + 5)
    assert not in_noise(spans, 0, len(BODY))
