"""Sentence boundaries that news text needs and the parser does not know."""

from __future__ import annotations

from itertools import product
from typing import Any

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

# Hyphenated military ranks ("Lt.-Gen. Sergey Kuralenko"): as one token the parser no longer ends a
# sentence at their period (presetting is_sent_start=False is not respected by the parser).
_RANK_HEADS = ("Lt.", "Maj.", "Brig.", "Vice", "Rear", "Lt")
_RANK_TAILS = ("Gen.", "Col.", "Cmdr.", "Adm.")
# Spaces in a row that no writer types between two words of one sentence (spaCy keeps the first as
# the previous token's whitespace and the rest as a token of its own).
_BLOCK_GAP = 4


@Language.component(
    "polemos_paragraphs",
    requires=["token.text"],
    assigns=["token.is_sent_start"],
)
def paragraphs(doc: Doc) -> Doc:
    """A line break starts a sentence: headlines, tweet lines and promos stay on their own."""
    for i, token in enumerate(doc[:-1]):
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[i + 1].is_sent_start = True
        elif token.is_space and len(token.text) >= _BLOCK_GAP - 1:
            # a run of spaces inside a line is where an extractor joined two blocks of a page
            # ("…have been undertaken.        read this story in hindi    the delhi police had…"):
            # what follows it is no part of the sentence before
            doc[i + 1].is_sent_start = True
        elif token.text == ";" and not token.whitespace_:
            # "…in Boa Vista;Principal suspeito…": items joined without a space are separate lines
            doc[i + 1].is_sent_start = True
    return doc


def add_paragraphs(nlp: Language) -> None:
    # split a semicolon glued between words ("BurkinaFaso;Killing"), as lists of headlines write it
    tokenizer: Any = nlp.tokenizer  # spaCy's Tokenizer (typed as any callable str -> Doc)
    tokenizer.infix_finditer = compile_infix_regex(
        [*(nlp.Defaults.infixes or ()), r"(?<=\w);(?=\w)"]
    ).finditer
    for head, tail in product(_RANK_HEADS, _RANK_TAILS):
        rank = f"{head}-{tail}"
        tokenizer.add_special_case(rank, [{ORTH: rank}])
    if "polemos_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("polemos_paragraphs", before="parser")
