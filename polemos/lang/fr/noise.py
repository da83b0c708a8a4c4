"""French page furniture: cross-link labels and the headline they link ("A lire aussi" + next line),
chrome lines ("Partager", "VOIR TOUT", "TWITTER"), and everything after an end-of-article block
("ARTICLES CONNEXES"), with a short byline just above it. Added to the language-neutral noise lines."""

from __future__ import annotations

from polemos.lang.fr.lexicon import END_OF_ARTICLE, LINK_LABEL, NOISE_LINE
from polemos.read.noise import find_noise as shared_noise
from polemos.types import Span


def _lines(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            a = start + len(line) - len(line.lstrip())
            out.append((a, start + len(line.rstrip())))
        start = end + 1
    return out


def find_noise(text: str) -> tuple[Span, ...]:
    spans = list(shared_noise(text))
    lines = _lines(text)
    for n, (a, b) in enumerate(lines):
        line = text[a:b]
        if END_OF_ARTICLE.match(line):
            # the byline above it: short lines with no sentence end ("M. TOURÉ", "Mohamed Touré")
            first = n
            while (
                first > 0
                and (lines[first - 1][1] - lines[first - 1][0]) < 40
                and text[lines[first - 1][1] - 1] not in '.!?»"'
            ):
                first -= 1
            spans.append(
                Span(lines[first][0], len(text.rstrip()), text[lines[first][0] : len(text.rstrip())])
            )
            break
        if LINK_LABEL.match(line):
            spans.append(Span(a, b, line))
            if n + 1 < len(lines):
                c, d = lines[n + 1]
                spans.append(Span(c, d, text[c:d]))
            continue
        if any(p.match(line) for p in NOISE_LINE) and len(line) < 120:
            spans.append(Span(a, b, line))
    return tuple(sorted(set(spans), key=lambda s: s.start))
