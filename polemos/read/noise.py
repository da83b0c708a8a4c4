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
# A list of links to other stories ("related stories", as Indian and British sites print it, often
# in lower case and with no colon): from the label to the end of its line.
_RELATED = re.compile(r"^\s*related (?:stories|news|articles|links|coverage)(?![a-z])", re.I)
_RELATED_TAIL = re.compile(r"(?<=[.!?\"'”’] )\s*related (?:stories|news|articles|links)(?![a-z])", re.I)
# Captions and picture credits: "Photo: …", "(Reuters/Name)", "© AFP", "FILE PHOTO: …".
_CAPTION = re.compile(
    r"^\s*(?:\(?(?:Photo|Image|Picture|Video|File photo|FILE PHOTO|Credit|Caption)\b\s*[:/]|"
    r"©|\(c\)\s|Photograph:)",
    re.I,
)
# Wire-photo captions end with their credit: "… May 22, 2016. REUTERS/Omar Sanadiki",
# "… (AP Photo/Hussein Malla)", "Photograph: Name/Getty Images". Reporting never ends that way.
# A photographer's name: capitalized words, with the particles names carry ("al-", "bin").
_PARTICLE = r"(?:[A-Z]|al-|el-|ad-|bin |de |van |von |da |di )"
_NAME = _PARTICLE + r"[\w.'’-]+(?: " + _PARTICLE.replace(" ", "") + r"[\w.'’-]*){0,4}"
_CREDIT_TAIL = re.compile(
    r"(?:\b(?:REUTERS|AFP|AP|EPA|EPA-EFE|ANADOLU|XINHUA|SANA|TASS)\s*/\s*"
    + _NAME
    + r"|\((?:AP|AFP|EPA|Reuters|Getty|Anadolu)(?: Photo| Images|/)[^()\n]{0,60}\)"
    r"|/\s*(?:Getty Images|AFP|Reuters|AP|EPA|Anadolu Agency)\)?)\s*\.?\s*$"
)
# A caption in parentheses opening a paragraph it was glued to: "(Image: Stu Morgan) An air …".
_LEADING_CAPTION = re.compile(r"^\s*(\((?:Photo|Image|Picture|Video|Credit|Caption)\b[^()\n]{0,80}\))", re.I)
# A tweet's dateline in the middle of a line: "… https://t.co/x -- Name (@handle) March 31, 2018 …".
_INLINE_TWEET_DATELINE = re.compile(
    r"[—–-]{1,2}\s*[^\n()]{0,80}\(@\w{1,30}\)\s*"
    r"(?:[A-Za-z]+\.?\s+\d{1,2},\s*\d{4}|\d{1,2}\s+[A-Za-z]+\.?\s+\d{4})"
)
# Editors' notes of a wire story's versions: "(Updates death toll, adds quotes)", "UPDATES NUMBER OF
# INJURED; ADDS DETAILS", "(Corrects spelling of name in paragraph 3)", "EDITOR'S NOTE: …".
_EDITOR_VERBS = (
    r"(?:UPDATES?|ADDS?|RECASTS?|CORRECTS?|REFILES?|REPEATS?|CHANGES?|REWRITES?|WRITETHRU|ADVISORY|"
    r"EDITOR['’]?S NOTE|EDS)"
)
_EDITOR_NOTE = re.compile(
    rf"^\s*(?:\(\s*(?i:{_EDITOR_VERBS})\b[^\n]*\)\s*|{_EDITOR_VERBS}\b[^a-z\n]*"
    r"|(?i:editor['’]?s note)\s*:.*)$"
)
# Version and kind labels that open a wire headline: "UPDATE 2-", "REFILE-", "WRAPUP 1-", "FACTBOX-".
_HEADLINE_LABEL = re.compile(
    r"^\s*((?:UPDATE|REFILE|CORRECTED|WRAPUP|FACTBOX|ANALYSIS|EXCLUSIVE|INSIGHT|BREAKINGVIEWS|"
    r"RPT|URGENT|FLASH|BRIEF|TIMELINE|EXPLAINER|GRAPHIC)(?:\s+\d+)?\s*-)"
)
# Credit lines and bylines: "(Reporting by X; Editing by Y)", "Additional reporting by …", "By Ahmed
# Kingimi", "By JOHN SMITH, Associated Press".
_CREDIT_LINE = re.compile(
    r"^\s*\(?\s*(?:(?:Additional |Writing and )?(?:reporting|writing|editing|compiled|produced|"
    r"translated|photographs?|graphics?)\s+by\b|By\s+" + _NAME + r"(?:\s+and\s+" + _NAME + r")?\s*"
    r"(?:[,|-]\s*[\w .'’&-]{0,60})?\s*$)",
    re.I,
)
# A section heading inside the body: a few words on a line of their own, no closing punctuation.
_HEADING_MAX_WORDS = 6
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
    lines = [(a, b) for a, b in _lines(text) if text[a:b].strip()]
    for n, (start, end) in enumerate(lines):
        line = text[start:end]
        label = _HEADLINE_LABEL.match(line)
        if label:
            spans.append(_visible(text, start + label.start(1), start + label.end(1)))
        if 0 < n < len(lines) - 1 and _is_heading(
            line, text[slice(*lines[n - 1])], text[slice(*lines[n + 1])]
        ):
            spans.append(_visible(text, start, end))
            previous = (start, end)
            continue
        if len(line.strip()) > _TWEET_MAX:
            # a long line is reporting, even when an extractor glued a caption or a tweet to it:
            # mark only those parts
            spans.extend(_parts_of_long_line(text, start, end))
            previous = (start, end)
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
            or _RELATED.match(line)
            or _SHARE.match(line)
            or _CAPTION.match(line)
            or _CREDIT_TAIL.search(line)
            or _ONLY_URL.match(line)
            or _EMBEDDED_TWEET.search(line)
            or _EDITOR_NOTE.match(line)
            or _CREDIT_LINE.match(line)
        ):
            spans.append(_visible(text, start, end))
    return tuple(spans)


def _is_heading(line: str, before: str, after: str) -> bool:
    """ "Matanov's involvement", "What happened next": a short line between two paragraphs, ending
    with no punctuation, is a heading, not reporting. Between lines of hard-wrapped text (the line
    before ends mid-sentence) it is a fragment of a sentence; a dateline ("BOSTON —") is no heading."""
    words = line.split()
    stripped = line.strip()
    if not words or len(words) > _HEADING_MAX_WORDS or stripped[-1] in ".!?\"'’”:;,—–-)":
        return False
    if not before.rstrip() or before.rstrip()[-1] not in ".!?\"'’”:)":
        return False
    nxt = after.lstrip()
    return (
        not stripped.isupper()
        and stripped[0].isupper()
        and bool(nxt)
        and (nxt[0].isupper() or nxt[0] in "\"“‘'")
    )


def _parts_of_long_line(text: str, start: int, end: int) -> list[Span]:
    """In a long line: a leading "(Image: …)" caption, a tweet glued in with its dateline (from the
    line's start when the tweet opens it), and a trailing photo credit."""
    line = text[start:end]
    parts: list[tuple[int, int]] = []
    lead = _LEADING_CAPTION.match(line)
    if lead:
        parts.append((lead.start(1), lead.end(1)))
    for m in _INLINE_TWEET_DATELINE.finditer(line):
        begin = 0 if m.end() <= _TWEET_MAX + 100 else m.start()
        parts.append((begin, m.end()))
    related = _RELATED_TAIL.search(line)
    if related:
        parts.append((related.start(), len(line.rstrip())))
    tail = _CREDIT_TAIL.search(line)
    if tail:
        parts.append((tail.start(), len(line.rstrip())))
    return [_visible(text, start + a, start + b) for a, b in parts]


def _visible(text: str, start: int, end: int) -> Span:
    """The line without its surrounding whitespace, so the span is what a reader sees."""
    line = text[start:end]
    lead = len(line) - len(line.lstrip())
    trail = len(line) - len(line.rstrip())
    return Span(start + lead, end - trail, line.strip())


def in_noise(noise: tuple[Span, ...], start: int, end: int) -> bool:
    """Does [start, end) overlap any noise span?"""
    return any(n.start < end and start < n.end for n in noise)


def sentence_noise(noise: tuple[Span, ...]) -> tuple[Span, ...]:
    """The noise spans that make a sentence overlapping them no reporting: all but the version labels
    a wire headline opens with ("UPDATE 1-Turkish warplanes strike …" is still the headline)."""
    return tuple(n for n in noise if not _HEADLINE_LABEL.match(n.text))


def parse_text(text: str) -> str:
    """The text the parser reads: ``text`` with each line's wire label ("UPDATE 2-") blanked to
    spaces, offsets unchanged, so "UPDATE 2-Suicide bomber kills 12" parses as its headline (the
    label's number is no figure, "2-Suicide" no word)."""
    if "-" not in text:
        return text
    out = text
    for start, end in _lines(text):
        label = _HEADLINE_LABEL.match(text[start:end])
        if label:
            a, b = start + label.start(1), start + label.end(1)
            out = out[:a] + " " * (b - a) + out[b:]
    return out


# A wire dateline opening a paragraph: "PESHAWAR, Pakistan —", "KYIV (Reuters) -", "GAZA CITY, Oct 9 -".
_DATELINE = re.compile(
    r"^[ \t]*([A-Z][A-Z'’.\- ]{1,40}[A-Z](?:,[ \t]*[A-Z][\w.'’ -]{1,40}?)?)"
    r"[ \t]*(?:\([^)\n]{1,30}\)[ \t]*)?[—–-]{1,2}[ \t]",
    re.M,
)


# The dateline Indian and some British papers print: a place of one to three words and a colon
# opening the paragraph, often in lower case ("ahmedabad:", "new delhi :", "Kolkata:").
# A speaker before a quote ("the police said: …") is no dateline.
_COLON_DATELINE = re.compile(
    r"^[ \t]*((?:[a-z][a-z.'’-]*(?:[ \t]+[a-z][a-z.'’-]*){0,2}"
    r"|[A-Z][a-z.'’-]+(?:[ \t]+[A-Z][a-z.'’-]+){0,2}))"
    r"(?<!said)(?<!says)(?<!told)(?<!added)(?<!asked)(?<!stated)(?<!wrote)(?<!warned)(?<!announced)"
    r"[ \t]*:[ \t]",
    re.M,
)


def find_datelines(text: str) -> tuple[Span, ...]:
    """Datelines at the start of paragraphs: where a story was filed, never a party to its events."""
    found = [Span(m.start(1), m.end(1), m.group(1)) for m in _DATELINE.finditer(text)]
    found += [Span(m.start(1), m.end(1), m.group(1)) for m in _COLON_DATELINE.finditer(text)]
    return tuple(sorted(found, key=lambda s: s.start))


def past_dateline(evidence: Span, datelines: tuple[Span, ...]) -> Span:
    """A sentence opening with a paragraph's dateline is read from the words after it: "lucknow: the
    police …" has the evidence "the police …" (the dateline says where the story was filed)."""
    for line in datelines:
        if line.start == evidence.start and line.end < evidence.end:
            rest = evidence.text[line.end - evidence.start :]
            skip = len(rest) - len(rest.lstrip(" \t:—–-"))
            if skip and rest.lstrip(" \t:—–-"):
                start = line.end + skip
                return Span(start, evidence.end, evidence.text[start - evidence.start :])
    return evidence
