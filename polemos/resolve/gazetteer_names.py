"""Name keys for the gazetteer: one folding for the index and for the text, so both agree.

``fold`` maps a name to an ASCII lower-case key ("Dārayyā" → "darayya", "‘Ayn al ‘Arab" →
"ayn al arab"). ``strip_article`` drops a leading Arabic article ("al-Hasakah", "Ar Raqqah",
"As-Suwayda" → "hasakah", "raqqah", "suwayda"), and ``skeleton`` is a consonant key that survives
the usual transliteration drift (Jableh/Jablah, Hodeidah/Hudaydah, Darayya/Daraya): it is used only
as a fallback, with a fuzzy check on top.
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

# Arabic definite article as the press transliterates it, sun-letter assimilations included.
ARTICLES = frozenset("al el ar ad as ash at az an adh ath aj ed es et en er ez ul il".split())
# Words that turn a place name into the name of an area ("Idlib province", "Harris County").
AREA_WORDS = frozenset(
    {"province", "provinces", "governorate", "county", "state", "region", "district", "oblast", "prefecture",
     "department", "municipality", "parish", "territory", "division", "wilayat", "raion", "emirate", "canton",
     "countryside"}
)  # fmt: skip

# Countries (ISO 3166-1 alpha-2) where a national official language is written in a script other than
# Latin, so that the English press transliterates their place names and spellings drift: Arabic
# script (the Arab League, Iran, Afghanistan, Pakistan; Chad, Djibouti, Somalia and the Comoros, where
# Arabic is co-official), Hebrew, Cyrillic, Greek, Armenian, Georgian, Ge'ez, the Brahmic scripts,
# Thai, Lao, Khmer, Burmese, Thaana, Tibetan, Han, kana and Hangul. Compiled from general knowledge
# of each country's official languages; a country written in Latin script (Finland, France, the US,
# Turkey, Azerbaijan, Uzbekistan; Bosnia and Montenegro, where Latin is as official as Cyrillic) has
# no drift to allow for.
NON_LATIN_SCRIPT_COUNTRIES = frozenset(
    """AE BH DZ EG EH IQ JO KW LB LY MA MR OM PS QA SA SD SY TN YE IR AF PK TD DJ SO KM IL
    RU UA BY BG RS MK KZ KG TJ MN GR CY AM GE ET ER IN NP BD LK BT MV TH LA KH MM CN TW HK MO
    JP KR KP""".split()
)
_QUOTES = re.compile(r"['’‘ʼʻʿʾ`´]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_VOWELS = re.compile(r"[aeiouy]+")
_DOUBLE = re.compile(r"(.)\1+")


def fold(name: str) -> str:
    """ASCII, lower case, punctuation to single spaces; apostrophes and ayn/hamza marks vanish."""
    text = _QUOTES.sub("", name)
    text = anyascii(text).lower()
    text = _QUOTES.sub("", text)
    return _NON_ALNUM.sub(" ", text).strip()


def strip_article(key: str) -> str:
    """A folded key without its leading Arabic article ("al hasakah" → "hasakah"); else the key."""
    head, _, rest = key.partition(" ")
    if rest and head in ARTICLES and len(rest) >= 3:
        return rest
    return key


def strip_area_word(key: str) -> str:
    """A folded key without a trailing area word ("idlib province" → "idlib"); else the key."""
    head, _, last = key.rpartition(" ")
    if head and last in AREA_WORDS:
        return head
    return key


def skeleton(key: str) -> str:
    """Consonant frame: no article, no final h after a vowel, no doubled letters, each vowel run
    one 'a' ("jableh" and "jablah" → "jabla"; "hodeidah" and "hudaydah" → "hadada")."""
    # an article inside the name assimilates to its noun ("an nu'man", "al-Numan"): one form
    key = " ".join("al" if i and w in ARTICLES else w for i, w in enumerate(strip_article(key).split()))
    key = key.replace(" ", "")
    key = re.sub(r"(?<=[aeiouy])h$", "", key)
    key = _DOUBLE.sub(r"\1", key)
    return _VOWELS.sub("a", key)


def consonants(name: str) -> str:
    """A name's first letter and its consonants, doubled letters once: spellings of one village a
    gazetteer lacks meet ("Tchoma Bangou", "Tchombangou", "Tchomo-Bangou" → "tchmbng")."""
    f = fold(name).replace(" ", "").replace("-", "").replace("'", "")
    if not f:
        return ""
    return re.sub(r"(.)\1+", r"\1", f[0] + re.sub(r"[aeiouy]", "", f[1:]))


def is_latin(name: str) -> bool:
    """True when every letter of the name is Latin script (other scripts fold to noise)."""
    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in name if ch.isalpha())
