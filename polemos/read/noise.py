"""Mark the lines of an article that are not its own reporting.

Embedded tweets and their "— Name (@handle) March 4, 2016" datelines, "READ MORE:" / "EXCLUSIVE:"
promos, photo captions and share prompts are kept in the text (so offsets stay true) but listed as
noise spans: no event and no event date may come from them.

Lines are judged one at a time, by patterns that hold for web news in general.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from polemos.types import Span

_URL = r"(?:https?://\S+|pic\.twitter\.com/\S+|www\.\S+)"

# A tweet's closing dateline: "— RT (@RT_com) March 4, 2016" (em/en dash or hyphen); embeds in
# day-month locales write "4 March 2016".
_TWEET_DATELINE = re.compile(
    r"^\s*[—–-]{1,2}\s*[^\n]{0,80}\(@\w{1,30}\)\s*"
    r"(?:[A-Za-z]+\.?\s+\d{1,2},\s*\d{4}|\d{1,2}\s+[A-Za-z]+\.?\s+\d{4})\s*$"
)
# An embedded tweet's text sits on the line(s) right above its dateline; a tweet is at most 280
# characters plus its links, so a longer line above a dateline is the article's own paragraph.
_TWEET_MAX = 400
# Promo and cross-link labels at the start of a line.
_PROMO = re.compile(
    r"^\s*(?:READ MORE|Read more|READ ALSO|Read also|ALSO READ|Also read|RELATED|Related|"
    r"MORE|SEE ALSO|See also|WATCH|Watch|LISTEN|EXCLUSIVE|Exclusive|SUBSCRIBE|Subscribe|"
    r"SIGN UP|Sign up|Follow us|FOLLOW US|Click here|CLICK HERE|Share this|SHARE THIS|"
    r"Recommended|RECOMMENDED|Trending|TRENDING|Advertisement|ADVERTISEMENT)\b\s*[:>»|-]",
)
_SHARE = re.compile(
    r"^\s*(?:Share|Tweet|Email|Print|Comments?|Like us on Facebook|"
    r"Share (?:this|on \w+|via \w+)(?: (?:article|story|page|post|video))?|"
    r"Click to share(?: on \w+)?)\s*:?\s*$",
    re.I,
)
# Captions and picture credits: "Photo: …", "(Reuters/Name)", "© AFP", "FILE PHOTO: …".
_CAPTION = re.compile(
    r"^\s*(?:\(?(?:Photo|Image|Picture|Video|File photo|FILE PHOTO|Credit|Caption)\b\s*[:/]|"
    r"©|\(c\)\s|Photograph:)",
    re.I,
)
_ONLY_URL = re.compile(rf"^\s*(?:{_URL}\s*)+$")
_EMBEDDED_TWEET = re.compile(r"(?:pic\.twitter\.com/|https?://t\.co/)")


def _lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in re.finditer(r"\n", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def find_noise(text: str) -> tuple[Span, ...]:
    """Spans of lines that are not the article's own reporting, in text order."""
    spans: list[Span] = []
    previous: tuple[int, int] | None = None  # the last non-blank line, for a tweet's text
    for start, end in _lines(text):
        line = text[start:end]
        if not line.strip():
            continue
        if (
            _TWEET_DATELINE.match(line)
            and previous is not None
            and previous[1] - previous[0] <= _TWEET_MAX
            and not (spans and spans[-1].end >= previous[0])
        ):
            spans.append(_visible(text, *previous))
        previous = (start, end)
        if (
            _TWEET_DATELINE.match(line)
            or _PROMO.match(line)
            or _SHARE.match(line)
            or _CAPTION.match(line)
            or _ONLY_URL.match(line)
            or _EMBEDDED_TWEET.search(line)
        ):
            spans.append(_visible(text, start, end))
    return tuple(spans)


def _visible(text: str, start: int, end: int) -> Span:
    """The line without its surrounding whitespace, so the span is what a reader sees."""
    line = text[start:end]
    lead = len(line) - len(line.lstrip())
    trail = len(line) - len(line.rstrip())
    return Span(start + lead, end - trail, line.strip())


def in_noise(noise: tuple[Span, ...], start: int, end: int) -> bool:
    """Does [start, end) overlap any noise span?"""
    return any(n.start < end and start < n.end for n in noise)


# A wire dateline opening a paragraph: "PESHAWAR, Pakistan —", "KYIV (Reuters) -", "GAZA CITY, Oct 9 -".
_DATELINE = re.compile(
    r"^[ \t]*([A-Z][A-Z'’.\- ]{1,40}[A-Z](?:,[ \t]*[A-Z][\w.'’ -]{1,40}?)?)"
    r"[ \t]*(?:\([^)\n]{1,30}\)[ \t]*)?[—–-]{1,2}[ \t]",
    re.M,
)


def find_datelines(text: str) -> tuple[Span, ...]:
    """Datelines at the start of paragraphs: where a story was filed, never a party to its events."""
    return tuple(Span(m.start(1), m.end(1), m.group(1)) for m in _DATELINE.finditer(text))
