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
        "A soldier stands guard in Aleppo, Syria, May 22, 2016. REUTERS/Omar Sanadiki",
        "Smoke rises after an airstrike on the rebel-held district. (AP Photo/Hussein Malla)",
        "Residents inspect the damaged market. Photograph: Ali Haj Suleiman/Getty Images",
        "Displaced families wait at the border crossing. AFP/Bulent Kilic",
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
        "Support for the truce fell, according to a Reuters/Ipsos poll.",
        "The AP/NORC survey found most residents wanted the talks to go on.",
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


LONG = " ".join([BODY] * 6)  # a paragraph longer than any caption, promo or tweet


def test_long_paragraph_ending_with_a_photo_credit_keeps_its_reporting() -> None:
    text = f"Headline\n{LONG} (AP Photo/Hussein Malla)\n"
    assert noise_texts(text) == ["(AP Photo/Hussein Malla)"]


def test_long_paragraph_opening_with_a_caption_keeps_its_reporting() -> None:
    text = f"Headline\n(Image: Stu Morgan) {LONG}\n"
    assert noise_texts(text) == ["(Image: Stu Morgan)"]


def test_long_paragraph_starting_with_exclusive_is_reporting() -> None:
    assert noise_texts(f"Headline\nEXCLUSIVE: {LONG}\n") == []


def test_tweet_glued_into_a_paragraph_is_marked_up_to_its_dateline() -> None:
    tweet = (
        "Heavy shelling in the east tonight https://t.co/B6st9j0txx "
        "-- Example Wire (@examplewire) March 31, 2018"
    )
    text = f"Headline\n{tweet} {LONG}\n"
    (span,) = find_noise(text)
    assert span.text == tweet and text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    "line",
    [
        "(Updates death toll, adds quotes from rescuers)",
        "(Adds comment from the ministry in paragraph 5)",
        "UPDATES NUMBER OF INJURED; ADDS DETAILS",
        "(Corrects spelling of the governor's name)",
        "EDITOR'S NOTE: This story contains graphic details",
    ],
)
def test_editors_note_is_noise(line: str) -> None:
    assert line in noise_texts(f"Blast kills 12 in Kabul\n{line}\n{BODY}")


@pytest.mark.parametrize(
    "line",
    [
        "(Reporting by Ahmed Kingimi; Writing by Camillus Eboh; Editing by Alex Richardson)",
        "Additional reporting by Tom Balmforth in Moscow",
        "By Ahmed Kingimi",
        "By JOHN SMITH, Associated Press",
        "Compiled by our staff",
    ],
)
def test_credit_and_byline_are_noise(line: str) -> None:
    assert line in noise_texts(f"Blast kills 12 in Kabul\n{line}\n{BODY}")


@pytest.mark.parametrize("label", ["UPDATE 2-", "REFILE-", "WRAPUP 1-", "CORRECTED-"])
def test_version_label_of_a_wire_headline_is_noise_the_headline_is_not(label: str) -> None:
    text = f"{label}Russian missile strike kills 23\n{BODY}"
    assert noise_texts(text) == [label]


@pytest.mark.parametrize("heading", ["Matanov's involvement", "Pending charges", "What happens next"])
def test_a_heading_between_paragraphs_is_noise(heading: str) -> None:
    text = f"Court convicts friend of bomber\n{BODY}\n{heading}\n{BODY}"
    assert noise_texts(text) == [heading]


def test_a_short_line_of_hard_wrapped_text_is_reporting() -> None:
    text = (
        "Awards season\n"
        "FIFA will award its own prize, with Ronaldo, Messi and Atletico\n"
        "Madrid striker Antoine\n"
        "Griezmann shortlisted, in a ceremony in Zurich.\n"
    )
    assert noise_texts(text) == []


@pytest.mark.parametrize("line", ["Police said", "By the evening the toll had risen"])
def test_reporting_that_merely_starts_like_a_credit_is_not_noise(line: str) -> None:
    text = f"Blast kills 12 in Kabul\n{BODY} {line} to 12."
    assert noise_texts(text) == []


LONG = " ".join([BODY.lower()] * 6)  # a paragraph longer than any promo line


@pytest.mark.parametrize(
    "tail",
    [
        "related stories Â police reports name the leaders",
        "related storiesÂ the minister visits riot-hit areas",
        "Related Stories the story so far",
        "related news: curfew lifted in two towns",
    ],
)
def test_related_stories_glued_to_a_paragraph_are_noise(tail: str) -> None:
    text = f"{LONG} {tail}"
    assert noise_texts(text) == [tail]


@pytest.mark.parametrize(
    "line",
    [
        "related storiesÂ the minister visits riot-hit areas",
        "related stories",
        "Related news Â full coverage",
    ],
)
def test_related_stories_line_is_noise(line: str) -> None:
    assert line in noise_texts(f"{BODY}\n\n{line}\n\n{BODY}")


@pytest.mark.parametrize(
    "text",
    [
        f"{LONG} the related stories were never printed.",
        f"{LONG} he said related stories had been denied.",
        "the related stories were never printed, police said.",
    ],
)
def test_related_stories_inside_a_sentence_is_reporting(text: str) -> None:
    assert noise_texts(text) == []
