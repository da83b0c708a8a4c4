"""The trigger lexicon (``data/triggers.tsv``) and where its entries occur in a sentence.

A trigger is a lemma or a short lemma sequence ("call on", "air strike", "cease-fire") with a part of
speech. Verb phrases are headed by their first word, noun phrases by their last.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

MAX_WORDS = 4


@dataclass(frozen=True)
class Entry:
    lemma: str
    pos: str  # VERB, NOUN or ANY
    type: str
    mode: str | None
    standalone: bool  # nouns: reports an occurrence without a governing verb
    objects: frozenset[str] = frozenset()  # verbs: a trigger only with one of these as object


@dataclass(frozen=True)
class Match:
    entry: Entry
    head: Token  # the token the event hangs on in the parse
    start: int  # token indices into the Doc, end exclusive
    end: int


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a tab-separated data file in polemos/data, comments and blank lines skipped."""
    text = resources.files("polemos.data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def load_lexicon() -> dict[str, tuple[Entry, ...]]:
    """Entries keyed by their lemma string."""
    table: dict[str, list[Entry]] = {}
    for row in read_tsv("triggers.tsv"):
        lemma, pos, type_, mode, standalone, objects = (row + ["-"] * 6)[:6]
        entry = Entry(
            lemma.strip().lower(),
            pos.strip().upper(),
            type_.strip().upper(),
            None if mode.strip() in ("", "-") else mode.strip(),
            standalone.strip() == "y",
            frozenset(o.strip() for o in objects.split(",") if o.strip() not in ("", "-")),
        )
        table.setdefault(entry.lemma, []).append(entry)
    return {k: tuple(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def support_verbs() -> dict[str, str]:
    """Light verbs that make an event of a non-standalone noun, with the modality they carry."""
    return {row[0].strip(): row[1].strip() for row in read_tsv("support_verbs.tsv")}


def _key(tokens: list[Token]) -> str:
    """Lemmas joined as the lexicon writes them: hyphens glued ("cease - fire" -> "cease-fire")."""
    out = ""
    for t in tokens:
        lemma = t.lemma_.lower() if t.text != "-" else "-"
        if not out or out.endswith("-") or lemma == "-":
            out += lemma
        else:
            out += " " + lemma
    return out


def _pos_ok(entry: Entry, head: Token) -> bool:
    if entry.objects and not any(
        c.dep_ in ("dobj", "nsubjpass", "attr") and c.lemma_.lower() in entry.objects for c in head.children
    ):
        return False
    if entry.pos == "ANY":
        return True
    if entry.pos == "VERB":
        return head.pos_ in ("VERB", "AUX") or (head.pos_ == "NOUN" and head.tag_ == "VBG")
    return head.pos_ in ("NOUN", "PROPN") or (head.pos_ == "VERB" and head.tag_ in ("NNS", "NN"))


def find_triggers(sent: SpacySpan) -> list[Match]:
    """Lexicon entries in the sentence, longest match first, no two sharing a token."""
    lexicon = load_lexicon()
    matches: list[Match] = []
    taken: set[int] = set()
    tokens = list(sent)
    for width in range(MAX_WORDS, 0, -1):
        for i in range(len(tokens) - width + 1):
            window = tokens[i : i + width]
            if any(t.i in taken for t in window) or window[0].is_punct or window[-1].is_punct:
                continue
            entries = lexicon.get(_key(window))
            if not entries:
                continue
            for entry in entries:
                head = window[0] if entry.pos == "VERB" else window[-1]
                if entry.pos == "ANY":
                    head = window[0] if window[0].pos_ == "VERB" else window[-1]
                if _pos_ok(entry, head):
                    matches.append(Match(entry, head, window[0].i, window[-1].i + 1))
                    taken.update(t.i for t in window)
                    break
    matches.sort(key=lambda m: m.start)
    return matches
