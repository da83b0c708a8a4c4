"""A cheap, offline guess at a text's language from its function words and script.

Good enough to tell an English article from a French, Spanish, German, Portuguese, Italian, Russian,
Arabic or Chinese one; it says "und" (undetermined) for short texts such as bare headlines, which
are read anyway (a headline like "Asesinan a hombre en Juárez" still names an event).
"""

from __future__ import annotations

import re
from functools import lru_cache

# The most frequent function words of each language (general knowledge, any grammar lists them).
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "of",
            "and",
            "to",
            "in",
            "a",
            "is",
            "that",
            "for",
            "on",
            "was",
            "with",
            "he",
            "it",
            "as",
            "at",
            "by",
            "from",
            "his",
            "have",
            "has",
            "are",
            "were",
            "be",
            "this",
            "which",
            "an",
            "not",
            "but",
            "they",
            "said",
            "their",
            "been",
            "had",
            "who",
            "will",
            "would",
            "after",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "de",
            "des",
            "du",
            "et",
            "en",
            "un",
            "une",
            "est",
            "que",
            "qui",
            "dans",
            "pour",
            "pas",
            "sur",
            "au",
            "aux",
            "avec",
            "ce",
            "il",
            "elle",
            "sont",
            "ont",
            "été",
            "par",
            "plus",
            "ne",
            "se",
            "son",
            "sa",
            "ses",
            "leur",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "la",
            "los",
            "las",
            "de",
            "del",
            "y",
            "en",
            "un",
            "una",
            "es",
            "que",
            "por",
            "con",
            "para",
            "no",
            "se",
            "su",
            "sus",
            "al",
            "lo",
            "como",
            "más",
            "pero",
            "fue",
            "han",
            "ha",
            "sido",
            "este",
            "esta",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "die",
            "das",
            "und",
            "in",
            "den",
            "von",
            "zu",
            "mit",
            "sich",
            "des",
            "auf",
            "für",
            "ist",
            "im",
            "dem",
            "nicht",
            "ein",
            "eine",
            "als",
            "auch",
            "es",
            "an",
            "wurde",
            "werden",
            "bei",
        ]
    ),
    "pt": frozenset(
        [
            "o",
            "a",
            "os",
            "as",
            "de",
            "do",
            "da",
            "dos",
            "das",
            "e",
            "em",
            "um",
            "uma",
            "que",
            "para",
            "com",
            "não",
            "por",
            "no",
            "na",
            "se",
            "mais",
            "foi",
            "ao",
            "pelo",
            "pela",
        ]
    ),
    "it": frozenset(
        [
            "il",
            "lo",
            "la",
            "i",
            "gli",
            "le",
            "di",
            "del",
            "della",
            "e",
            "in",
            "un",
            "una",
            "che",
            "per",
            "con",
            "non",
            "si",
            "è",
            "sono",
            "al",
            "alla",
            "nel",
            "nella",
            "da",
            "dei",
            "delle",
        ]
    ),
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_WORDS = 25  # below this a guess is not certain enough to name a language
# Below this a text is a headline or a snippet: read it whatever its language (a French headline can
# still name an event); at or above it, a text that is clearly not English is refused.
REFUSE_WORDS = 60


@lru_cache(maxsize=32)  # routing, refusal and the result each ask it of the same article text
def guess_language(text: str) -> str:
    """ISO 639-1 code of the text's likely language, or "und" when too short or unclear."""
    sample = text[:20000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return "und"
    if len(letters) >= 20:
        latin = sum(1 for c in letters if ord(c) < 0x250)
        if latin / len(letters) < 0.5:
            return _script(letters)
    words = [w.lower() for w in _WORD.findall(sample)]
    scores = {lang: sum(1 for w in words if w in sw) for lang, sw in _STOPWORDS.items()}
    best = max(scores, key=lambda k: scores[k])
    if len(words) < MIN_WORDS:
        # a snippet: name a language only when its function words clearly lead
        runner_up = max(v for k, v in scores.items() if k != best)
        # English is what polemos expects: one English function word with no competitor will do
        needed = 1 if best == "en" else 2
        return best if scores[best] >= needed and scores[best] > runner_up else "und"
    if scores[best] / len(words) < 0.08:
        return "und"
    # English wins ties and near-ties: quotes and names in other languages are common in English news
    if best != "en" and scores["en"] >= 0.6 * scores[best]:
        return "en"
    return best


# Short texts (headlines, one-line snippets): the evidence that a text is French. Each is general
# knowledge of written French and rare in English news outside a name; names are capitalised and so
# not counted ("Des Moines", "La Paz", "Côte d'Ivoire", "Le Pen", "Tillabéri").
# French function words no other language polemos meets writes the same way
_FR_STRONG = frozenset(
    """une dans pour au aux avec elle elles ils sont ont été leur leurs ses cette ces à près après selon
    contre lors entre sous chez depuis vers pendant puis dont où nous sans aussi encore moins environ
    deux trois quatre cinq sept huit neuf dix vingt mille dizaine dizaines vingtaine centaine centaines
    plusieurs""".split()
)
# French function words that Spanish, Italian, Portuguese or a name writes too ("de la Cruz", "et al."):
# half a piece of evidence each
_FR_WEAK = frozenset("le la les de des du et un il sa que qui".split())
# French news words that are not English words: a headline's nouns and participles
_FR_NEWS = frozenset(
    """attaque attaques attentat attentats tués tuées tué morts mort blessés blessées enlevés enlèvement
    affrontements embuscade jihadiste jihadistes djihadiste djihadistes armée soldats militaires civils
    villageois hommes armés gendarmes policiers otages frappe frappes tuerie bilan revendique revendiqué
    meurtrière meurtrier""".split()
)
# French capitalises a function word opening a headline or its second half ("Au Mali, …")
_FR_OPENERS = frozenset("Au Aux Une Dans Selon Après Près Vers Depuis Lors Pour Plusieurs".split())
_FR_DATES = frozenset(
    """janvier février fevrier avril juin juillet août aout septembre octobre novembre décembre decembre
    lundi mardi mercredi jeudi vendredi samedi dimanche""".split()
)  # "mars" and "mai" name a planet and a person in English: counted only lowercase, as French writes them
_FR_LOWER_DATES = frozenset({"mars", "mai"})
# Words that say English in a headline (function words the stopword list leaves out, and headlinese)
_EN_SHORT = _STOPWORDS["en"] | frozenset(
    """says say over into amid against near up out new more than its we you our after before during
    killed kills kill dead attack attacks attacked police army troops rebels gunmen clash clashes
    protest protesters wounded injured least people""".split()
)
# Function words of the other languages the guesser knows, not French, not English ("el", "los", "con")
_OTHER_SHORT = (
    frozenset().union(*(v for k, v in _STOPWORDS.items() if k not in ("en", "fr")))
    - _STOPWORDS["fr"]
    - _STOPWORDS["en"]
    - _FR_STRONG
    - _FR_WEAK
)
# An elided article or pronoun before a lowercase word: "l'armée", "d'une", "qu'il", "L'attaque"
_ELISION = re.compile(r"(?:[lLdDsSnNjJcC]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)['’][a-zàâçéèêëîïôûùüÿœ]")
_FR_ACCENTS = frozenset("àâçéèêëîïôûùüœ")
_SHORT_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def short_text_evidence(text: str) -> tuple[float, int]:
    """(French, not French) evidence in a short text. French: lowercase French function words, number
    and date words, elisions ("l'armée", "d'une"), lowercase words with a French accent ("tués",
    "près"), French news words ("attaque", "civils"), a French month or weekday name ("mardi", "le 5
    avril"). Not French: English function words and headline words, and the function words of the
    other languages the guesser knows. Capitalised words are names and count for neither, except the
    news words, dates and the function words that open a French headline ("Au Mali, …")."""
    fr = 0.0
    other = 0
    for word in _SHORT_WORD.findall(text):
        if _ELISION.match(word):
            fr += 1  # one piece of evidence with the word it elides into ("coup d'état" counts once)
            continue
        low = word.lower()
        if low in _FR_DATES or word in _FR_LOWER_DATES or low in _FR_NEWS or word in _FR_OPENERS:
            fr += 1
        elif not word[:1].islower():
            continue
        elif low in _EN_SHORT or low in _OTHER_SHORT:
            other += 1
        elif low in _FR_STRONG or any(c in _FR_ACCENTS for c in low):
            fr += 1
        elif low in _FR_WEAK:
            fr += 0.5
    return fr, other


def short_text_is_french(text: str) -> bool:
    """Whether a headline or snippet is French: at least two pieces of French evidence, and more than
    twice the other evidence (an English headline quoting a French phrase stays English)."""
    fr, other = short_text_evidence(text)
    return fr >= 2 and fr > 2 * other


def _script(letters: list[str]) -> str:
    counts = {"ar": 0, "ru": 0, "zh": 0, "he": 0, "other": 0}
    for c in letters:
        o = ord(c)
        if 0x0600 <= o <= 0x06FF:
            counts["ar"] += 1
        elif 0x0400 <= o <= 0x04FF:
            counts["ru"] += 1
        elif 0x4E00 <= o <= 0x9FFF:
            counts["zh"] += 1
        elif 0x0590 <= o <= 0x05FF:
            counts["he"] += 1
        else:
            counts["other"] += 1
    best = max(counts, key=lambda k: counts[k])
    return "und" if best == "other" else best


def refuse_language(text: str) -> str | None:
    """The language to refuse this text for: article-length, clearly not English and in no language
    polemos has a bundle for (``polemos.lang``); else None."""
    if len(text.split()) < REFUSE_WORDS:
        return None
    from polemos.lang import codes

    lang = guess_language(text)
    return None if lang in ("en", "und") or lang in codes() else lang
