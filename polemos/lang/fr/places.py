"""French names of places: the gazetteer as French articles need it.

``FrenchGazetteer`` answers every lookup as the shared gazetteer does, and first with the place a French
exonym names ("Tchad" → Chad, "RDC" → DR Congo, "Le Caire" → Cairo): the French country names of
ISO 3166 (pycountry's French locale) and ``data/places.tsv``. English articles never see it.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Sequence
from functools import cache, lru_cache

from polemos.lang.fr.lexicon import read_tsv
from polemos.resolve.gazetteer import Gazetteer, Place, open_gazetteer
from polemos.resolve.gazetteer_names import fold
from polemos.types import PlaceRef


@cache
def exonyms() -> dict[str, tuple[str | None, str]]:
    """Folded French name → (gazetteer name or None for the country itself, ISO2)."""
    import pycountry

    out: dict[str, tuple[str | None, str]] = {}
    try:
        fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    except OSError:  # a pycountry without its locales: the table below still holds
        fr = None
    if fr is not None:
        for c in pycountry.countries:
            name = fr.gettext(c.name)
            if "," in name:  # "Åland, Îles": ISO's inverted form is no running-text name
                continue
            out.setdefault(fold(name), (None, c.alpha_2))
            short = name.split(" (")[0]
            out.setdefault(fold(short), (None, c.alpha_2))
    for french, known, cc in read_tsv("places.tsv"):
        out[fold(french)] = (known, cc)
    return out


_SAINT_KEY = re.compile(r"^(st|ste) (?=\w)")


class FrenchGazetteer(Gazetteer):
    """The shared gazetteer, reading French exonyms too."""

    def __init__(self, base: Gazetteer) -> None:
        super().__init__(base.path)
        self.lookup = lru_cache(maxsize=200_000)(self._lookup_fr)

    def _lookup_fr(self, key: str) -> tuple[Place, ...]:
        found = self._lookup(key)
        saint = _SAINT_KEY.match(key)
        if not found and saint is not None:  # "St-Marc", "Ste-Rose": French abbreviations of Saint(e)
            found = self._lookup(("saint " if saint.group(1) == "st" else "sainte ") + key[saint.end() :])
        alias = exonyms().get(key)
        if alias is None:
            return found
        known, cc = alias
        if known is None:
            country = self.country(cc)
            first: tuple[Place, ...] = (country,) if country is not None else ()
        else:
            first = tuple(p for p in self._lookup(fold(known)) if p.cc == cc)
        return first + tuple(p for p in found if p not in first)


@cache
def french_gazetteer() -> FrenchGazetteer:
    return FrenchGazetteer(open_gazetteer())


# Compass words, folded: in a French story "dans le Nord-Ouest", "le Nord-Est" is a direction in the
# country the text names, a match only for that country's area of the name (Burkina's "Centre-Nord",
# Haiti's "Nord-Est"), never another country's ("Nord-Ouest" of a Central African story is not Cameroon's)
_POINTS = ("nord", "sud", "est", "ouest", "centre")
DIRECTIONS = frozenset(
    [p for p in _POINTS]
    + [f"{a} {b}" for a in ("nord", "sud", "centre") for b in ("est", "ouest")]
    + [f"centre {b}" for b in ("nord", "sud")]
    + [f"{a} {b}" for a in ("extreme", "grand") for b in _POINTS]
)

# French adjectives of nationality, masculine singular → ISO2: "soldats nigériens" names Niger as
# "au Niger" does. Left out: "français" (the language too), "congolais" (two Congos), "guinéen" (three
# Guineas).
_DEMONYMS = {
    "malien": "ML", "nigérien": "NE", "nigérian": "NG", "burkinabè": "BF", "burkinabé": "BF",
    "centrafricain": "CF", "camerounais": "CM", "tchadien": "TD", "haïtien": "HT", "ivoirien": "CI",
    "mauritanien": "MR", "sénégalais": "SN", "béninois": "BJ", "togolais": "TG", "soudanais": "SD",
    "sud-soudanais": "SS", "somalien": "SO", "éthiopien": "ET", "libyen": "LY", "algérien": "DZ",
    "marocain": "MA", "tunisien": "TN", "syrien": "SY", "irakien": "IQ", "afghan": "AF",
    "ougandais": "UG", "rwandais": "RW", "burundais": "BI", "kényan": "KE", "mozambicain": "MZ",
    "gabonais": "GA", "ghanéen": "GH", "libanais": "LB", "israélien": "IL", "palestinien": "PS",
    "yéménite": "YE", "ukrainien": "UA", "colombien": "CO", "mexicain": "MX", "vénézuélien": "VE",
}  # fmt: skip


def _forms(word: str) -> list[str]:
    if word.endswith("ien"):
        return [word, word + "s", word + "ne", word + "nes"]
    if word.endswith(("e", "è", "é")):
        return [word, word + "s"]
    if word.endswith("s"):
        return [word, word + "e", word + "es"]
    return [word, word + "s", word + "e", word + "es"]


@cache
def _demonym_table() -> dict[str, str]:
    return {f: cc for w, cc in _DEMONYMS.items() for f in _forms(w)}


def demonym_countries(text: str) -> frozenset[str]:
    """The countries a French text names by an adjective of nationality ("l'armée malienne", "des
    soldats nigériens", "les FACA centrafricaines")."""
    table = _demonym_table()
    return frozenset(table[w] for w in re.findall(r"[\w-]+", text.lower()) if w in table)


# Words after which a capitalised name is a place: "à Zaroumdareye", "le village de Tchoma Bangou".
_PLACE_NOUNS = frozenset(
    """village villages localité localités commune communes ville quartier département cercle
    territoire préfecture sous-préfecture province région arrondissement canton chefferie groupement
    secteur district""".split()
)  # the administrative units of the francophone states too: Mali's cercles, the DRC's territoires


# a place noun right before a name ("le village Kouki"): the press's apposition without "de"
_KIND_BEFORE = frozenset("village localité hameau bourgade".split())

# an apposition that calls the name before it a place: ", un village du département de", ", une
# localité de la commune de", ", un hameau de", ", une petite commune rurale du"
_CALLED_A_PLACE = re.compile(
    r"\s*,\s*(?:(?:une?|la|le)\s+)?(?:(?:petite?|grande?)\s+)?"
    r"(?:village|localité|commune|hameau|bourgade|bourg|agglomération|quartier)"
    r"(?:\s+(?:rurale|frontali[eè]re|isolée?|située?|voisine?))*\s+(?:de|du|des|d['’])",
    re.I,
)


def locative_spans(doc: object, known: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Places the recogniser left out that French grammar marks as places: a capitalised name after
    "à" or after "village(s) de" (and its conjunct: "les villages de X et Y"), or before an apposition
    that calls it a place ("Xyzabadou, un village du département de Ouallam", "à Tchoma Bangou, une
    localité de la commune de …"). Else a person's full name (two words the model calls a person) or a
    named organisation never is one."""
    out: list[tuple[int, int, bool]] = []
    taken = [(a, b) for a, b, _ in known]
    toks = list(doc)  # type: ignore[call-overload]
    text = str(getattr(doc, "text", ""))

    def proper(k: int) -> bool:
        # "X": the tagger's foreign word, as it tags many a local name ("le cercle de Bankass")
        return bool(toks[k].pos_ in ("PROPN", "X") and toks[k].text[:1].isupper())

    def run_end(k: int) -> int:
        j = k + 1
        while (
            j < len(toks)
            and (proper(j) or toks[j].text == "-")
            and (toks[j].text != "-" or (j + 1 < len(toks) and toks[j + 1].text[:1].isupper()))
        ):
            j += 1
        return j

    i = 0
    while i < len(toks):
        t = toks[i]
        prev = toks[i - 1].lower_ if i else ""
        prev2 = toks[i - 2].lower_ if i > 1 else ""
        cue = (
            prev in ("à", "a")
            and (prev == "à" or toks[i - 1].text == "À")
            or (prev in ("de", "d'", "d’") and prev2 in _PLACE_NOUNS)
            or prev in _KIND_BEFORE  # "près du village Kouki", "la localité Tchoma Bangou"
        )
        if not cue and prev == "et" and out and out[-1][1] <= t.idx and t.idx - out[-1][1] < 6:
            cue = True  # "de X et Y"
        # a name that opens its run (not the tail of a longer name) and that an apposition calls a place
        said = False
        if proper(i) and not (i and proper(i - 1)):
            last = toks[run_end(i) - 1]
            said = bool(_CALLED_A_PLACE.match(text, last.idx + len(last.text)))
        if not ((cue or said) and proper(i)):
            i += 1
            continue
        j = run_end(i)
        a, b = t.idx, toks[j - 1].idx + len(toks[j - 1].text)
        person = t.ent_type_ == "PER" and j - i >= 2 and not said
        # "le cercle de Bankass", "X, un village de …": the text says place, over the model's ORG
        called = said or prev2 in _PLACE_NOUNS or prev in _KIND_BEFORE
        named = (t.ent_type_ == "ORG" and not called) or bool(t.ent_id_)
        if not person and not named and not any(x < b and a < y for x, y in taken):
            out.append((a, b, False))
            taken.append((a, b))
        i = j
    return out


# a hyphenated saint's name after a locative or "de" is a town ("à Saint-Marc", "le maire de St-Louis",
# "près de Sainte-Rose"); after an article it is a feast ("la Saint-Jean") or the Holy See ("le
# Saint-Siège")
_SAINT_NAME = re.compile(
    r"(?:(?<!\w)(?:à|À|de|d['’]|près de|vers|depuis|en direction de)\s+)"
    r"((?:St|Ste|Saint|Sainte)-[A-ZÉÈ]\w+(?:-(?:du|de|des|la|le|sur|en|lès|les)(?=-))?(?:-[A-ZÉÈ]\w+)*)"
)


def saint_spans(text: str, known: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Hyphenated saints' names of towns the recogniser left out: "de St-Marc", "à Saint-Nicolas"."""
    out: list[tuple[int, int, bool]] = []
    for m in _SAINT_NAME.finditer(text):
        a, b = m.span(1)
        if not any(x < b and a < y for x, y, _ in known):
            out.append((a, b, False))
    return out


_PREFIX_BEFORE = re.compile(r"(?<![\w-])(?:Haute?|Basse?|Bas)[\s-]$")


def with_prefixes(text: str, spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Place mentions with the "Haut-", "Basse-" the recogniser left before them: the French names of
    upper and lower areas ("Basse Kotto", "Haut-Mbomou", "Bas-Uele") are one name."""
    out = []
    for a, b, demonym in spans:
        m = _PREFIX_BEFORE.search(text, max(0, a - 7), a)
        out.append((m.start(), b, demonym) if m is not None and not demonym else (a, b, demonym))
    return out


_HYPHEN_TAIL = re.compile(r"(?:-[A-ZÀ-Ý][\w'’]*)+")
# a road or a border named by the places at its ends: "la route Beni-Kasindi", "l'axe Kaya-Dori"
_ENDS_OF = re.compile(r"\b(?:route|axe|tronçon|liaison|frontière|corridor|ligne)s?\s+(?:de\s+|du\s+)?$", re.I)


def whole_hyphenated(text: str, spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """A name the recogniser cut at a hyphen is the whole hyphenated name ("le quartier de
    Carrefour-Feuilles" is not the commune of Carrefour): unless the text names a road or a border
    by its two ends ("la route Beni-Kasindi"). A later part found on its own goes with it."""
    out: list[tuple[int, int, bool]] = []
    for a, b, demonym in spans:
        m = _HYPHEN_TAIL.match(text, b)
        if m is not None and not demonym and not _ENDS_OF.search(text[max(0, a - 30) : a]):
            b = m.end()
        if out and out[-1][1] >= b and out[-1][0] <= a:
            continue  # the tail's own span, inside the whole
        out.append((a, b, demonym))
    return out


def area_countries(places: Sequence[PlaceRef]) -> frozenset[str]:
    """The one country of the provinces and districts a story names when it names no country as
    such ("Ituri : …", "dans le territoire de Djugu"): the story's country, as a named one would be.
    Empty when it names one, or when its areas are of several countries."""
    if any(p.feature == "country" and not p.demonym for p in places):
        return frozenset()
    found = {
        p.country
        for p in places
        if p.feature in ("admin1", "admin2") and p.status == "resolved" and p.country and not p.demonym
    }
    return frozenset(found) if len(found) == 1 else frozenset()


def again(text: str, places: Sequence[PlaceRef]) -> list[tuple[int, int, bool]]:
    """Later mentions of a village the article already named as a place (one sense per story):
    "Tchoma Bangou" after "à Tchoma Bangou", where the model took it for a person's name."""
    import re

    out: list[tuple[int, int, bool]] = []
    taken = [(p.start, p.end) for p in places]
    names = {p.text for p in places if not p.demonym and p.text[:1].isupper() and len(p.text) > 3}
    for name in names:
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                out.append((m.start(), m.end(), False))
                taken.append(m.span())
    return out


@cache
def _actor_name_patterns() -> tuple[re.Pattern[str], ...]:
    from polemos.lang.fr.actors import alias_names

    return tuple(re.compile(r"(?<!\w)" + re.escape(alias) + r"(?!\w)", re.I) for alias in alias_names())


def actor_name_spans(text: str) -> list[tuple[int, int]]:
    """Where the text writes a name of the French actor table (each alias's every match)."""
    return [m.span() for pat in _actor_name_patterns() for m in pat.finditer(text)]


def not_actor_names(
    text: str, spans: list[tuple[int, int, bool]], names: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, bool]]:
    """Place mentions less those inside a name of the French actor table ("Gran" of the gang "Gran
    Grif" is no town of France). ``names``: ``actor_name_spans(text)``, when the caller has it."""
    if names is None:
        names = actor_name_spans(text)
    if not names:
        return spans
    return [s for s in spans if not any(a <= s[0] and s[1] <= b for a, b in names)]
