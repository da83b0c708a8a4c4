"""Punctuation garbled by a wrong decoding, read as the punctuation it was.

Pages saved as UTF-8 and read back as Windows-1252 turn every curly quote, dash and non-breaking
space into two or three signs ("â€œwe condemn the attack,â€\ufffd he said"; "vhpÂ one dead"). Archives
of web news (IndiaPoliceEvents, as released) are full of them. The text keeps them as given, since
every offset points into it; the tokenizer splits them off the words they are glued to, and each is
given the punctuation it stands for as its norm, the form the model's features read, so that "â€œwe"
is a quote mark and the pronoun "we", not a name.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

# The UTF-8 bytes of each mark read as Windows-1252; the closing double quote's last byte (0x9d) has
# no character there, so it arrives as U+009D, as the replacement sign, or not at all.
MARKS = {
    "â€œ": '"',
    "â€\x9d": '"',
    "â€\ufffd": '"',
    "â€˜": "'",
    "â€™": "'",
    "â€“": "-",
    "â€”": "-",
    "â€¦": "...",
    "â€": '"',  # what is left of a closing quote whose last byte was dropped
    "Â\xa0": ",",
    "Â": ",",  # a non-breaking space whose second byte became a space: a pause between words
}
# "Â" alone is a letter too ("ROMÂNIA"): a garbled space only where a word ends in it ("vhpÂ one")
_WORD_END_ONLY = frozenset({"Â"})
# English clitics after a garbled apostrophe, split off whole as the tokenizer splits "'s" ("itâ€™s",
# "the shankaracharyaâ€™s formula", "donâ€™t")
CLITICS = {f"{q}{c}": f"'{c}" for q in ("â€™", "â€˜") for c in ("s", "re", "ve", "ll", "d", "m")}
CLITICS |= {f"n{q}t": "n't" for q in ("â€™", "â€˜")}
# longest first, so that "â€œ" is never split as "â€" + "œ"
_ALTERNATIVES = "|".join(re.escape(m) for m in sorted(MARKS.keys() - _WORD_END_ONLY, key=len, reverse=True))
_END_ALTERNATIVES = "|".join(re.escape(m) for m in sorted(_WORD_END_ONLY, key=len, reverse=True))
_CLITIC_ALTERNATIVES = "|".join(re.escape(m) for m in sorted(CLITICS, key=len, reverse=True))


@Language.component("polemos_mojibake", assigns=["token.norm"])
def mojibake_norms(doc: Doc) -> Doc:
    """Each garbled mark the tokenizer split off reads as the mark it stands for."""
    for token in doc:
        norm = MARKS.get(token.text) or CLITICS.get(token.lower_)
        if norm is not None:
            token.norm_ = norm
    return doc


def add_to(nlp: Language) -> None:
    """Split garbled marks off words (as prefix, suffix or between two words), on top of whatever
    affixes the tokenizer already splits, and norm them."""
    tokenizer: Any = nlp.tokenizer  # spaCy's Tokenizer (typed as any callable str -> Doc)
    mark = f"(?:{_ALTERNATIVES})"
    tokenizer.prefix_search = re.compile(f"^{mark}|{tokenizer.prefix_search.__self__.pattern}").search
    clitic = f"(?:{_CLITIC_ALTERNATIVES})"
    suffixes = tokenizer.suffix_search.__self__.pattern
    tokenizer.suffix_search = re.compile(f"(?i:{clitic})$|{mark}$|(?:{_END_ALTERNATIVES})$|{suffixes}").search
    tokenizer.infix_finditer = re.compile(f"{tokenizer.infix_finditer.__self__.pattern}|{mark}").finditer
    if "polemos_mojibake" not in nlp.pipe_names:
        nlp.add_pipe("polemos_mojibake", first=True)
