"""The words of evidence sentences, and a bounded similarity between two reports' words.

A weighted cosine (0..1) over content words. The weights are fixed, not learnt from the store
(an IDF that moved with every ingest would make a pair's score depend on what else was ingested,
and fusion must give the same clusters in any order): function words count nothing, the stock
words of conflict reporting ("killed", "attack", "forces") count little, names count most.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Collection

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())  # a word list kept as prose, one block per kind


STOP = _words("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have
having he her here hers him his how i if in into is it its itself just me more most my no nor not now
of off on once only or other our out over own same she should so some such than that the their them
then there these they this those through to too under until up upon very was we were what when where
which while who whom why will with would you your yet amid among near via per says said say told
new one two three four five six seven eight nine ten dozens dozen tens hundreds least including
update updated writethru ld st nd rd th de la le les des du et en el los las un une del y
dans sur par pour avec au aux ce cette ces qui que est sont ont ete fait font lors apres selon contre
""")

# Stock words of conflict news: present in most reports of any event, so weak evidence of sameness.
GENERIC = _words("""
kill killed kills killing dead death deaths die died dies toll casualty casualties wound wounded injure
injured injuries injury attack attacks attacked clash clashes fighting fight fighter fighters force
forces people person civilian civilians soldier soldiers troop troops militant militants rebel rebels
security police army military government member members report reports reported yesterday today
city town village area areas countryside province region district governorate north south east west
northern southern eastern western central man men woman women child children strike strikes
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december week day days month year
deadly claim lives
mort morts tue tues tuee blesse blesses attaque attaques affrontement affrontements combat combats
personne personnes civil civils soldat soldats militaire militaires village ville region
""")

GENERIC_WEIGHT = 0.3
NAME_WEIGHT = 1.5  # capitalised in the middle of a sentence: a name
NUMBER_WEIGHT = 0.7


def _plain(word: str) -> str:
    if word.isascii():
        return word.lower()  # nothing to decompose, no curly apostrophe
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().replace("’", "'")


# Plurals in "-es" after a sibilant drop the "es" ("clashes" -> "clash", "marches" -> "march");
# these "-che" nouns and "-us" nouns are the exceptions English spelling makes.
_SIBILANT_PLURALS = ("sses", "shes", "ches", "xes", "zzes")
_CHE_NOUNS = frozenset("ache headache cache niche avalanche psyche moustache cliche quiche".split())
_US_NOUNS = frozenset(
    "bus virus bonus campus census status consensus chorus circus surplus sinus apparatus prospectus "
    "genius octopus".split()
)


def stem(word: str) -> str:
    """A light English stem, enough that 'bombings'/'bombing', 'militias'/'militia' and
    'clashes'/'clash' meet."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(_SIBILANT_PLURALS) and word[:-1] not in _CHE_NOUNS:
        return word[:-2]
    if len(word) > 4 and word.endswith("uses") and word[:-2] in _US_NOUNS:
        return word[:-2]  # "buses" -> "bus", "viruses" -> "virus" ("causes" -> "cause" below)
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# What a token alone decides, read once per distinct token: its key (None: a function word or a
# single letter), the weight it has whatever its place in a sentence (None: a name when it is not
# the first word of a sentence, else 1.0), and whether its shape makes it a name.
_SENTENCE_BREAKS = frozenset(".:!?|\n")
_Token = tuple[str | None, float | None, bool]
_TOKENS: dict[str, _Token] = {}
_TOKENS_MAX = 200_000  # distinct tokens remembered (a bound on memory, not on correctness)


def _token(raw: str) -> _Token:
    found = _TOKENS.get(raw)
    if found is not None:
        return found
    word = _plain(raw)
    if word in STOP or len(word) < 2:
        found = (None, None, False)
    else:
        key = stem(word)
        weight: float | None
        if key.isdigit():
            weight = NUMBER_WEIGHT
        elif key in GENERIC or word in GENERIC:
            weight = GENERIC_WEIGHT
        elif raw.isupper() and len(raw) > 1:
            weight = NAME_WEIGHT
        else:
            weight = None
        found = (key, weight, raw[:1].isupper() and not raw.isupper())
    if len(_TOKENS) >= _TOKENS_MAX:
        _TOKENS.clear()
    _TOKENS[raw] = found
    return found


def word_weights(text: str, skip: Collection[str] = ()) -> dict[str, float]:
    """Content words of ``text`` with their weights, unit-normalised (so cosine is a dot product)."""
    weights: dict[str, float] = {}
    breaks = _SENTENCE_BREAKS
    tokens = _TOKENS
    first = True  # the first word opens a sentence wherever it starts
    for m in _WORD.finditer(text):
        raw = m[0]
        key, w, capitalised = tokens.get(raw) or _token(raw)  # ``_token``, its cache read inline
        opens, first = first, False
        if key is None or key in skip:
            continue
        if w is None:
            s = m.start()
            # a capitalised word is a name unless it opens a sentence
            if capitalised and not opens and s and breaks.isdisjoint(text[max(0, s - 2) : s]):
                w = NAME_WEIGHT
            else:
                w = 1.0
        if w > weights.get(key, 0.0):
            weights[key] = w
    if not weights:
        return {}
    norm = math.sqrt(sum([w * w for w in weights.values()]))
    return {k: w / norm for k, w in weights.items()}


def word_keys(text: str) -> set[str]:
    """The keys ``word_weights(text)`` would weigh, without the weights."""
    keys = set()
    for m in _WORD.finditer(text):
        key = _token(m.group(0))[0]
        if key is not None:
            keys.add(key)
    return keys


_KEYS: dict[str, frozenset[str]] = {}
_KEYS_MAX = 100_000  # distinct texts remembered (a bound on memory, not on correctness)


def text_keys(text: str) -> frozenset[str]:
    """``word_keys(text)`` as a frozen set, remembered: the texts of places repeat across reports."""
    found = _KEYS.get(text)
    if found is None:
        if len(_KEYS) >= _KEYS_MAX:
            _KEYS.clear()
        found = _KEYS[text] = frozenset(word_keys(text))
    return found


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two unit-normalised weight maps: 0 (no shared word) .. 1 (the same words)."""
    if len(a) > len(b):
        a, b = b, a
    return min(1.0, sum(w * b.get(k, 0.0) for k, w in a.items()))


def shared_words(a: dict[str, float], b: dict[str, float], limit: int = 4) -> list[str]:
    """The heaviest words two reports share, for the reasons a fusion gives."""
    common = sorted((k for k in a if k in b), key=lambda k: (-(a[k] * b[k]), k))
    return common[:limit]


def name_tokens(a: dict[str, float], minimum: float = 0.0) -> list[str]:
    """Words that are neither stock words nor numbers: what a blocking key may be built from."""
    return sorted(k for k in a if not k.isdigit() and k not in GENERIC and len(k) > 2 and a[k] > minimum)


# Kinds of dictionary actors that name one party rather than a country's forces or its people: a
# named armed group, a body such as the UN, a person. A country's army or police takes part in
# most events of its country, so naming it is no evidence of one incident.
PARTY_KINDS_SKIPPED = frozenset({"state", "military", "police", "government", "civilians", "protesters"})


@functools.lru_cache(maxsize=65536)
def parties(text: str) -> frozenset[str]:
    """Dictionary ids of the named parties ``text`` mentions by one of their aliases, whatever the
    spelling or case ("UN" and "UNITED NATIONS", "Hayyaat Tahrir al-Sham" and "Tahrir Al-Sham")."""
    from polemos.resolve.actors import get_dictionary  # the dictionary loads once, on first use
    from polemos.resolve.actors_text import tokenize

    dictionary = get_dictionary()
    found: set[str] = set()
    for m in dictionary.matcher.find(tokenize(text)):
        if m.how != "alias" or not m.ids:
            continue
        entry = dictionary.entries.get(m.ids[0])
        if entry is None or entry.kind in PARTY_KINDS_SKIPPED or entry.id.startswith("state:"):
            continue
        found.add(entry.id)
    return frozenset(found)
