"""Place recognition: which spans of a Doc name places (``polemos_places`` component).

The small model's NER misses most conflict place names (FINDINGS.md), so three sources are merged,
longest span first:

1. the model's GPE/LOC/FAC entities, and names of facilities and streets (``places_facility``);
2. capitalised token n-grams that the gazetteer knows ("Darayya", "Eastern Ghouta", "al-Hasakah"),
   kept only when they look like a place here: not a lower-case word elsewhere in the article, not
   inside a multi-word person/organisation name, not a surname of someone the article names, and
   big enough (country, admin area, curated region, or a town above a population floor);
3. demonyms and country adjectives ("Syrian", "Americans"): place mentions of their country,
   flagged ``is_demonym`` (never a language: "in French").

``add_to(nlp)`` adds the component; ``place_spans(doc)`` returns ``(start, end, is_demonym)``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from polemos.nlp.places_cues import after, capitalised_text, locative, name_word, where_violence
from polemos.nlp.places_facility import CAMP_KINDS, camp_spans, facility_spans, head_first_spans
from polemos.resolve.dates_lex import MONTHS, SEASONS, WEEKDAYS
from polemos.resolve.gazetteer import Gazetteer, Place, open_gazetteer
from polemos.resolve.gazetteer_names import ARTICLES, fold, strip_article
from polemos.resolve.places import spelling_candidates
from polemos.resolve.places_demonyms import demonyms
from polemos.resolve.places_teams import team_home

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})
NOT_PLACE_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
CONNECTORS = frozenset("of de del la le les du des da do dos van von y and on upon - 's".split()) | ARTICLES
LANGUAGE_CUES = frozenset(
    "in speak speaks spoke speaking into from learn learning taught teach fluent".split()
)
COMPASS = frozenset(
    "ouest est west east oeste este ost".split()
)  # the lower-case second half of "Nord-ouest"
# Arabic name words that begin a longer place name and are no place alone: "Abu Rasin", "Tal Tamr".
NAME_PARTICLES = frozenset(
    """abu ain ein ayn tal tall tell jabal jebel deir dayr kafr beit bayt bir ras wadi sheikh umm khan qasr
    maarat maaret maarrat jisr khirbet qalaat bab""".split()
)
# Titles and honorifics: the first word of a person's or a place's name ("Sheikh Maqsoud", "Sultan
# Qaboos"), or a person on their own ("the Caesar and Sultan"); never a place alone.
TITLES = frozenset(
    """sheikh sheik shaikh shaykh sheykh emir amir sultan imam mullah mufti ayatollah caliph sayyid pasha
    """.split()
)
# Words that begin a longer name and are no place when a capitalised word follows them: a particle,
# a title, or an Arabic article written apart ("Tal Abyad", "Sheikh Lutfi", "Al-Marjeh").
NAME_LEADS = NAME_PARTICLES | TITLES | ARTICLES
MAX_TOKENS = 7
CUE_POPULATION = 100_000  # a one-word town below this, named only by the gazetteer, needs a locative cue
MIN_POPULATION = 5000  # a town named only by the gazetteer (the model did not tag it) must be this big
MIN_POPULATION_NAME = 100_000  # ... and this big when the model took it for a person's name
# Words that name a direction or a part, never a place on their own ("Central", "Western").
GENERIC = frozenset(
    """north south east west central northern southern eastern western northeast northwest southeast
    southwest upper lower greater middle inner outer mid new old great little big saint st mount lake river
    city county state island islands valley bay centre center hall road street avenue hospital castle chapel
    college university school church park square airport station bridge stadium republic union village town
    district region province""".split()
)
# Feasts and holidays the model may tag as places ("on Eid al-Adha", "marking Ashura"); a name the
# gazetteer knows stays a place ("Christmas Island", "Easter Island")
HOLIDAYS = frozenset(
    """eid christmas easter ramadan ashura nowruz newroz diwali hanukkah passover thanksgiving
    halloween muharram arbaeen arbaeen mawlid holi vesak kippur pentecost lent""".split()
)
EMBEDDING_LABELS = frozenset({"PERSON"})
FUNCTION_POS = frozenset("ADP ADV AUX CCONJ DET PART PRON SCONJ".split())
STRONG_FEATURES = frozenset({"country", "admin1", "region", "landmark", "neighbourhood"})
EXTENSION = "polemos_places"

if not Doc.has_extension(EXTENSION):
    Doc.set_extension(EXTENSION, default=None)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds without a leading 'the' and a trailing possessive or punctuation."""
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct or doc[start].is_space):
        start += 1
    # a model's entity may run on over the blank line after a headline ("Mambasa\n\n")
    while end > start and (
        doc[end - 1].text in ("'s", "’s", "'", "’") or doc[end - 1].is_punct or doc[end - 1].is_space
    ):
        if doc[end - 1].text == "." and end - start == 1:
            break
        end -= 1
    return start, end


def _name_part(ent: Span) -> Span:
    """An entity without leading words that are not names ("Besides Aleppo" → "Aleppo")."""
    start = ent.start
    while start < ent.end - 1 and ent.doc[start].pos_ not in ("PROPN", "NOUN"):
        start += 1
    return ent.doc[start : ent.end] if start != ent.start else ent


def _names_a_day(doc: Doc, end: int) -> bool:
    """Does a capitalised "Day" (or "Eve") follow the name, making it a holiday's ("Independence
    Day", "Republic Day", "Australia Day")? Said of a place, it names the day, not where."""
    return 0 < end < len(doc) and doc[end].text in ("Day", "Eve", "DAY")


# The word that says a name is a river's: before it ("the river Niger", "le fleuve Niger", "la rivière
# Ruzizi") or after it ("the Niger River", "the Congo river").
RIVER_BEFORE = frozenset({"river", "fleuve", "rivière", "riviere", "oued", "wadi"})
RIVER_AFTER = frozenset({"river", "fleuve"})


def names_a_river(doc: Doc, start: int, end: int) -> bool:
    """Is ``doc[start:end]`` the name of a river ("the Niger River", "le fleuve Niger")?"""
    before = doc[start - 1].lower_ if start > 0 else ""
    after = doc[end].lower_ if end < len(doc) else ""
    return before in RIVER_BEFORE or after in RIVER_AFTER


def _body_abbreviation(text: str) -> bool:
    """ "MoD", "DoJ", "MoI": a short abbreviation with a capital after a small letter names a body."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) <= 4 and any(
        a.islower() and b.isupper() for a, b in zip(letters, letters[1:], strict=False)
    )


@dataclass
class _DocView:
    """One Doc's token features, read once (iterating a Doc builds a Token object each time), and
    what recognition needs to know about its other words; made per call, so a recognizer keeps no
    state of the Doc it is reading."""

    doc: Doc
    texts: list[str] = field(init=False)
    spaced: list[str] = field(init=False)  # texts with their trailing whitespace
    starts: list[bool] = field(init=False)  # sentence starts
    lower_words: set[str] = field(init=False)  # words written in lower case somewhere in the Doc
    ent_of: dict[int, Span] = field(init=False)  # token index -> the model's entity holding it
    surnames: set[str] = field(init=False)  # last words of the model's multi-word PERSON names

    def __post_init__(self) -> None:
        doc = self.doc
        self.texts = [t.text for t in doc]
        self.spaced = [t.text_with_ws for t in doc]
        self.starts = [bool(t.is_sent_start) for t in doc]
        self.lower_words = {w for w in self.texts if w.islower()}
        self.ent_of = {k: e for e in doc.ents for k in range(e.start, e.end)}
        self.surnames = {
            e[-1].text
            for e in map(_name_part, doc.ents)
            if e.label_ == "PERSON" and len(e) > 1 and not any(t.lower_ in ("and", ",", "&") for t in e)
        }


class PlaceRecognizer:
    """Doc in, Doc out: writes ``doc._.polemos_places`` as sorted (start, end, is_demonym)."""

    def __init__(self, nlp: Language, name: str = "polemos_places") -> None:
        self.name = name
        self._gazetteer: Gazetteer | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = open_gazetteer()
        return self._gazetteer

    def __call__(self, doc: Doc) -> Doc:
        doc._.set(EXTENSION, self.find(doc))
        return doc

    # -- the three sources ------------------------------------------------------------------
    def find(self, doc: Doc) -> list[tuple[int, int, bool]]:
        found: list[tuple[int, int, bool, int]] = []  # (start, end, demonym, source rank)
        view = _DocView(doc)
        table = demonyms()
        for e in doc.ents:  # 1. the model's places, narrowed to the name the gazetteer knows inside
            if e.label_ not in PLACE_LABELS:
                continue
            s, t = _trim(doc, e.start, e.end)
            if s < t and view.texts[s].lower() in NAME_LEADS:
                t = self._whole_name(view, s, t)
                if t - s == 1 and view.texts[s].lower() in TITLES:
                    continue  # "the Caesar and Sultan": a title alone names a person
            if s >= t or doc[s:t].text in table or _body_abbreviation(doc[s:t].text) or aged(doc, t):
                continue  # demonyms: step 3; "MoD" is no place
            if view.texts[s].lower() in HOLIDAYS and not self._known(doc[s:t]) or _names_a_day(doc, t):
                continue  # "Eid al-Adha", "Ashura", "Independence Day": a day, not a place
            if t - s > 1 and _names_a_day(doc, t - 1) and not self._known(doc[s:t]):
                continue  # the model's "Republic Day", "Australia Day": the holiday, whole
            if self._country_river(doc, s, t):
                continue  # "the Niger River", "le fleuve Niger": a river, not the country of its name
            if self._known(doc[s:t]) or self._transliterated(doc, doc[s:t], cue_needed=False):
                found.append((s, t, False, 0))
                continue
            inner = list(self._gazetteer_spans(view, s, t, relaxed=True))
            found += [(a, b, False, 0) for a, b in inner]
            if not inner:
                found.append((s, s + 1, True, 0) if doc[s].text in table else (s, t, False, 0))
        # 1a. a name the model reads as a person's that violence is told "in" (resolved or not)
        found += [(s, t, False, 0) for s, t in where_violence(doc)]
        # 1b. facility and street names, whole: "Kingsley Road" is no mention of the town of Kingsley
        found += [(s, t, False, 0) for s, t in facility_spans(doc)]
        # "Zamzam camp", "Kakuma refugee camp": a camp named head last, whole (not a person, nor the
        # town of its name alone)
        # (a camp named for a town the gazetteer knows stays that town: "Dadaab camp" is placed at it)
        found += [
            (s, t, False, 0) for s, t in camp_spans(doc) if not self._known(doc[s : _camp_name_end(doc, t)])
        ]
        # "Camp Taji", "Fort Hood", "Hotel Serena": a head-first post or building, not the town of
        # the name it carries (a name the gazetteer has whole, "Fort Worth", stays a town)
        found += [(s, t, False, 0) for s, t in head_first_spans(doc) if not self._known(doc[s:t])]
        model = [(s, t) for s, t, d, _ in found if not d]
        for start, end in self._gazetteer_spans(view):  # 2. names it missed
            # a longer known name around one of the model's places: "the U.S. Virgin Islands"
            longer = any(start <= s and t <= end and t - s < end - start for s, t in model)
            found.append((start, end, False, 0 if longer else 1))
        for start, end in self._demonym_spans(view):  # 3. "Syrian", "Americans"
            found.append((start, end, True, 2))
        # 3b. a lower-case dateline ("kolkata: police on monday …"): the town the story is filed from
        found += [(start, end, False, 1) for start, end in self._lower_datelines(doc)]
        # 4. a name the text calls a village or a town, known or not: "the village of Qaryat Zizi"
        # ranked first when it holds a shorter name the gazetteer knows: "the town of Um Batna" is
        # the town the text names whole, not Batna in another country
        for start, end in [*_named_settlements(view), *_settlements_named_before(view)]:
            holds = any(start <= a and b <= end and b - a < end - start for a, b, dem, _ in found if not dem)
            found.append((start, end, False, -1 if holds else 3))
        # 4b. a name an apposition calls a village or a town, known or not: "Xyzabad, a village near
        # the border", "attacked Xyzabad, a small town in Mopti region"
        found += [(start, end, False, 3) for start, end in _called_settlements(view)]
        # overlaps: the model's places first, then the gazetteer's names, then demonyms; longer first
        taken = [False] * len(doc)
        spans: list[tuple[int, int, bool]] = []
        for start, end, demonym, _ in sorted(found, key=lambda f: (f[3], f[0] - f[1], f[0])):
            if start < end and not any(taken[start:end]):
                taken[start:end] = [True] * (end - start)
                spans.append((start, end, demonym))
        spans.sort()
        return [(doc[s].idx, doc[t - 1].idx + len(doc[t - 1].text), d) for s, t, d in spans]

    def _lower_datelines(self, doc: Doc) -> Iterator[tuple[int, int]]:
        """Token spans of a town's name in lower case opening a line before a colon ("kolkata :",
        "new delhi: "), as lower-case archives print datelines: only a town of some size the
        gazetteer has (a capital or 50,000 people), never a word of a lower-case sentence."""
        for i in range(len(doc)):
            if not (i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_):
                continue
            for j in range(i + 1, min(i + 4, len(doc))):
                if doc[j].text == ":":
                    name = doc[i:j]
                    if all(w.is_alpha and w.is_lower for w in name) and self._big_town(fold(name.text)):
                        yield i, j
                    break
                if not doc[j].is_alpha:
                    break

    def _big_town(self, key: str) -> bool:
        return any(
            c.feature == "city" and (c.capital or c.population >= _DATELINE_POPULATION)
            for c in self.gazetteer.lookup(key)
        )

    def _country_river(self, doc: Doc, s: int, t: int) -> bool:
        """A river named as a country is ("the Niger River", "le fleuve Congo"): it runs through
        several countries and is none of them. A town's river ("the Sacramento River") runs by the
        town and stays its mention."""
        if t - s > 1 and doc[t - 1].lower_ in RIVER_AFTER:
            t -= 1  # the model's "Niger River" whole
        elif not names_a_river(doc, s, t):
            return False
        found = self.gazetteer.lookup(fold(doc[s:t].text))
        return bool(found) and found[0].feature == "country"

    def _whole_name(self, view: _DocView, s: int, t: int) -> int:
        """The end of the name a model's place begins with a particle or a title, when the model cut
        it short ("Tal" of "Tal Abyad", "Sheikh" of "Sheikh Lutfi"): the longest known name that
        goes on from it, else (the model's place is the lone first word) one more word."""
        ends = [t]
        while (end := name_word(view.texts, view.starts, ends[-1])) > ends[-1] and end - s <= MAX_TOKENS:
            ends.append(end)
        ends = ends[1:]
        known = [e for e in ends if self._known(view.doc[s:e])]
        if known:
            return known[-1]
        return ends[0] if ends and t - s == 1 else t  # "El Salvador" is whole already

    def _known(self, span: Span) -> bool:
        key = fold(span.text)
        return bool(self.gazetteer.lookup(key) or self.gazetteer.lookup(strip_article(key)))

    def _gazetteer_spans(
        self, view: _DocView, lo: int = 0, hi: int | None = None, relaxed: bool = False
    ) -> Iterator[tuple[int, int]]:
        """Known names in tokens ``[lo, hi)``, longest first: the ones the model did not tag, or
        (``relaxed``) the names inside a place it did."""
        doc = view.doc
        hi = len(doc) if hi is None else hi
        texts = view.texts[lo:hi]
        caps = [capitalised_text(w) for w in texts]
        joins = [c or w.lower() in CONNECTORS for c, w in zip(caps, texts, strict=True)]
        starts = view.starts[lo:hi]
        i = lo
        while i < hi:
            k = i - lo
            starts_name = caps[k] or (
                texts[k].lower() in ARTICLES and k + 2 < len(texts) and texts[k + 1] == "-" and caps[k + 2]
            )
            if not starts_name:
                i += 1
                continue
            found = None
            for j in range(min(hi, i + MAX_TOKENS), i, -1):
                e = j - lo
                if not (caps[e - 1] or (texts[e - 1] == "." and j - i > 1)):
                    continue
                if not all(joins[k:e]) or (starts[e - 1] and j - i > 1) or any(starts[k + 1 : e]):
                    continue
                inner = doc[i:j]
                place = self._accept(view, inner, relaxed)
                if place is not None:
                    found = j
                    break
            if found:
                yield i, found
                i = found
            elif texts[k].lower() in NAME_LEADS:
                # no known name begins with this particle or title: the words after it are the rest
                # of that name ("Tarma" of "Ein Tarma"), not a place of their own
                i = max(i + 1, name_word(texts, starts, k + 1) + lo)
            else:
                i += 1

    def _accept(self, view: _DocView, span: Span, relaxed: bool = False) -> Place | None:
        doc, lower_words, surnames = view.doc, view.lower_words, view.surnames
        text = span.text
        if aged(doc, span.end):
            return None  # "Tamerlan, 26, died": a person's age follows a person's name
        key = fold(text)
        if key.split()[0] in HOLIDAYS and not (len(span) > 1 and self._known(span)):
            return None  # "Easter", "Eid": a day; "Easter Island" is a place
        if _names_a_day(doc, span.end):
            return None  # "Independence Day", "Australia Day", "Victory Day": a holiday's name
        if self._country_river(doc, span.start, span.end):
            return None  # "the Niger River", "le fleuve Niger": a river, not the country of its name
        if key in GENERIC or key in TITLES or text in demonyms() or _body_abbreviation(text):
            # "Canadian", "Pak": a country's adjective (step 3), not Canadian, Victoria or Paka in
            # Malaysia; "MoD" names a body; "Sultan" is a title
            return None
        cands: Sequence[Place] = self.gazetteer.lookup(key) or self.gazetteer.lookup(strip_article(key))
        if text.endswith(".") and len(span) <= 3:
            cands = self.gazetteer.lookup(fold(text) + ".") or ()
        letters = "".join(c for c in text if c.isalpha())
        if letters.isupper() and len(letters) <= 4:  # acronyms: only the ones the index has as such
            cands = self.gazetteer.lookup("=" + letters) or (cands if len(letters) == 4 else ())
        if not cands and not relaxed:
            drift = self._transliterated(doc, span)
            return drift[0] if drift else None  # its size unknown (cities500 has 0 for many)
        if not cands:
            return None
        first = span[0]
        single = len(span) == 1
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None:
            if (
                single
                and first.lower_ in NAME_LEADS
                and name_word(view.texts, view.starts, span.end) > span.end
            ):
                return None  # "Abu" of "Abu Rasin", "Al" of "Al-Marjeh": the unknown name is longer
            if nxt.text == "-" and span.end + 1 < len(doc) and doc[span.end + 1].text in COMPASS:
                return None  # "Nord" of "le Nord-ouest": a direction, not the French département
        if relaxed:  # inside a span the model already calls a place: no population floor
            ok = [
                c
                for c in cands
                if c.kind <= 1 and (not single or c.kind == 0 or c.feature in STRONG_FEATURES)
            ]
            return ok[0] if ok and not (single and first.text in lower_words) else None
        ent = view.ent_of.get(span.start)
        numeric = ent is not None and ent.label_ in NOT_PLACE_LABELS
        if numeric and ent is not None and _calendar(ent, span):
            return None  # "May" is a month; but "706 Orange County" residents are of a place
        if single and (
            first.text in lower_words or first.text.lower() in lower_words or first.text in surnames
        ):
            return None
        if ent is not None and ent.ent_id_ and not ent.ent_id_.startswith("state:"):  # a known party
            if (ent.start, ent.end) != (span.start, span.end):
                return None  # "Haram" of "Boko Haram fighters": a word of the party's name
            if ent.label_ == "ORG" and not any(c.feature in STRONG_FEATURES for c in cands):
                return None  # an organisation ("NATO"), not the town of Nato; "EU" is an area too
        if single and first.pos_ != "PROPN" and not first.text.isupper():
            # "We", "Road": a common word here; but a big place the tagger read as an adjective at a
            # headline's end ("…neighborhood, Aleppo") keeps its cue
            countries = [c for c in cands if c.feature == "country"]
            if countries:
                cands = countries  # "Centrafrique :" tagged ADJ still names the country
            elif first.is_sent_start or not locative(doc, span):
                return None
            else:
                cands = [c for c in cands if c.feature in STRONG_FEATURES or c.population >= CUE_POPULATION]
            if not cands:
                return None
        listing = ent is not None and any(t.lower_ in ("and", ",", "&") for t in ent)
        if (
            ent is not None
            and ent.label_ in EMBEDDING_LABELS
            and len(_name_part(ent)) > len(span)
            and not listing  # "Ein Tarma and Douma" is no one's name
            and not team_home(text, after(doc, span))  # "Seattle Seahawks"
        ):
            return None  # "George Washington"; a place inside an organisation's name still counts ...
        tail = (
            ent is not None
            and ent.label_ in NAME_LABELS
            and span.end == ent.end
            and span.start > ent.start
            and doc[span.start - 1].lower_ not in ("of", "for", "in", "at", "on")
        )
        if tail and not any(c.feature in STRONG_FEATURES or c.population >= CUE_POPULATION for c in cands):
            return None  # ... and at its tail only when it is well known ("CTV Edmonton"; not "Boko Haram")
        cue = locative(doc, span)
        # "to Cirencester": a place after all
        person = ent is not None and ent.label_ == "PERSON" and not cue and not listing
        floor = MIN_POPULATION_NAME if person else MIN_POPULATION
        for c in cands:
            if c.feature in STRONG_FEATURES and c.kind <= 1:
                return c
            if c.feature in ("city", "admin2") and c.population >= floor * (
                1 if c.kind == 0 or not single else 4
            ):
                # a single-word alternate name ("Jableh") needs a bigger town behind it, and a small
                # one-word town a locative cue ("in Nubl", "Nubl, Aleppo"): "Police said" is no place
                if single and c.population < CUE_POPULATION and not cue:
                    continue
                return c
        return None

    def _transliterated(self, doc: Doc, span: Span, cue_needed: bool = True) -> list[Place]:
        """An Arabic place name spelt another way than the gazetteer's ("Maaret al-Numan",
        "al-Bokamal", "Deir Ezzor"), named after a locative cue: its fuzzy readings."""
        words = [t.lower_ for t in span]
        hyphenated = any(w in ARTICLES and nxt == "-" for w, nxt in zip(words, words[1:], strict=False))
        if not (hyphenated or words[0] in NAME_PARTICLES) or len(span) < 2:
            return []  # "Al Outland" is a man
        if cue_needed and not locative(doc, span):
            return []
        before = doc[span.start - 1] if span.start else None
        if before is not None and (before.pos_ == "PROPN" or before.ent_type_ == "PERSON"):
            return []  # "Bashar al-Assad": the end of a person's name
        return [c for c in spelling_candidates(self.gazetteer, span.text) if c.kind <= 3]

    def _demonym_spans(self, view: _DocView) -> Iterator[tuple[int, int]]:
        table = demonyms()
        doc, texts, spaced = view.doc, view.texts, view.spaced
        i = 0
        while i < len(texts):
            if not texts[i][:1].isupper():  # every demonym is capitalised
                i += 1
                continue
            two = spaced[i] + texts[i + 1] if i + 1 < len(texts) else ""
            if two in table:
                yield i, i + 2
                i += 2
                continue
            if texts[i] in table and not self._is_language(doc, i):
                yield i, i + 1
            i += 1

    @staticmethod
    def _is_language(doc: Doc, i: int) -> bool:
        prev = doc[i - 1].lower_ if i > 0 else ""
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is not None and nxt.lower_ in ("language", "-language", "speakers", "speaking", "translation"):
            return True
        # "in Azerbaijani jails": a lower-case word after it is its noun, whatever the tagger says
        # ("jails" read as a verb); "in English to …", "speaks Russian fluently" stay languages
        head_noun = nxt is not None and (
            nxt.pos_ in ("NOUN", "PROPN", "ADJ")
            or (nxt.text.isalpha() and nxt.text.islower() and nxt.pos_ not in FUNCTION_POS)
        )
        return prev in LANGUAGE_CUES and not head_noun


# The least population of a town a lower-case dateline may name (a capital whatever its size).
_DATELINE_POPULATION = 50_000

# "the village of X", "the town of X": the text says X is a settlement, whatever the gazetteer knows.
SETTLEMENTS = frozenset("village villages town towns city cities hamlet settlement locality".split())


def _named_settlements(view: _DocView) -> Iterator[tuple[int, int]]:
    """Token spans of the capitalised names after "village of" / "town of" (the whole name, at
    most ``MAX_TOKENS`` words, in the sentence)."""
    texts, starts = view.texts, view.starts
    for i in range(len(texts) - 2):
        kind = texts[i] if texts[i] in ("city", "cities") else texts[i].lower()  # not "the City of London"
        if kind not in SETTLEMENTS or texts[i + 1] != "of" or not capitalised_text(texts[i + 2]):
            continue
        begin = i + 2
        plural = kind in ("towns", "villages", "cities")
        while True:
            end = begin
            while (nxt := name_word(texts, starts, end)) > end and nxt - begin <= MAX_TOKENS:
                end = nxt
            if end == begin:
                break
            yield begin, end
            # "the towns of Deir Hafer and Maskana", "the villages of A, B and C": each name
            if not plural or end + 1 >= len(texts) or texts[end] not in (",", "and") or starts[end + 1]:
                break
            begin = end + 1
            if (
                texts[end] == ","
                and begin + 1 < len(texts)
                and texts[begin] == "and"
                and not starts[begin + 1]
            ):
                begin += 1
            if not capitalised_text(texts[begin]):
                break


# "X, a village …", "X, a small farming town …": the apposition's head, and the words it may take
# before it (its article first); a noun after it makes it a modifier ("Musa, a village chief")
CALLED_SETTLEMENTS = frozenset("village town hamlet settlement locality".split())
_APPOSITION_ARTICLES = frozenset("a an the".split())
_NOT_NAMES = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december""".split()
)


def _called_settlements(view: _DocView) -> Iterator[tuple[int, int]]:
    """Token spans of the capitalised names an apposition right after them calls a settlement
    ("Xyzabad, a village near the border", "Xyzabad, a remote farming village of 300"): the whole
    name (at most ``MAX_TOKENS`` words, in its sentence) whose first word the model tags a proper
    noun. Not "Musa, a village chief" or "Smith, the town's mayor" (a person the settlement word
    only qualifies), nor a weekday or a month ("On Monday, a village …")."""
    doc, texts, starts = view.doc, view.texts, view.starts
    n = len(texts)
    for c in range(1, n - 2):
        if texts[c] != "," or texts[c + 1].lower() not in _APPOSITION_ARTICLES or starts[c + 1]:
            continue
        j = c + 2
        while j < n and j - c <= 5 and texts[j].lower() not in CALLED_SETTLEMENTS:
            if not (texts[j].islower() and texts[j].replace("-", "").isalpha()) or starts[j]:
                break
            j += 1
        if j >= n or j - c > 5 or texts[j].lower() not in CALLED_SETTLEMENTS or starts[j]:
            continue
        if (
            j + 1 < n
            and not starts[j + 1]
            and (doc[j + 1].pos_ in ("NOUN", "PROPN") or texts[j + 1] in ("'s", "’s"))
        ):
            continue  # "a village chief", "the town's mayor": a person, not the name's apposition
        k = c
        while (
            k > 0
            and not starts[k]
            and c - k < MAX_TOKENS
            and (capitalised_text(texts[k - 1]) or texts[k - 1] == "-" or texts[k - 1].lower() in ARTICLES)
        ):
            k -= 1
        while k < c and not capitalised_text(texts[k]):
            k += 1  # a name opens with a capital, not with a particle or a hyphen
        if k < c and doc[k].pos_ == "PROPN" and texts[k].lower() not in _NOT_NAMES:
            yield k, c


# A settlement word after a name: "in al-Tayyana town", "Hazima village"; not "Homs city council",
# "the town hall", "Douma city of" (a longer name)
_SETTLEMENT_AFTER = frozenset("village town hamlet locality city".split())
_NOT_SETTLEMENT_NEXT = frozenset("of council hall hall's centre center square mayor".split())


def _settlements_named_before(view: _DocView) -> Iterator[tuple[int, int]]:
    """Token spans of the capitalised names before a lower-case "town" or "village" ("killed in
    al-Tayyana town", "Tal al Shayer village in Hasaka governorate"): the text says the name is a
    settlement, whatever the gazetteer knows. Not a people's or a faith's adjective ("the Kurdish
    town", "a Christian village"), nor a title-case headline's word ("Village")."""
    doc, texts, starts = view.doc, view.texts, view.starts
    for i in range(1, len(texts)):
        if texts[i] not in _SETTLEMENT_AFTER or starts[i]:
            continue
        if i + 1 < len(texts) and texts[i + 1].lower() in _NOT_SETTLEMENT_NEXT:
            continue
        begin = i
        while begin > 0 and i - begin < MAX_TOKENS and not starts[begin]:
            w = texts[begin - 1]
            if capitalised_text(w) or w == "-" or w.lower() in ARTICLES:
                begin -= 1
            else:
                break
        while begin < i and not _opens_a_name(doc, begin, i):
            begin += 1
        if begin == i or doc[i - 1].pos_ == "ADJ" or texts[begin] in demonyms():
            continue
        if fold(doc[begin:i].text) in GENERIC or texts[begin].lower() in TITLES and i - begin == 1:
            continue
        yield begin, i


def _calendar(ent: Span, span: Span) -> bool:
    """Is a name inside the model's number or date entity part of that figure or date? A number in
    it is, and a date or time entity with a number or a calendar word in it ("May", "Sunday", "last
    week"); not an area the model took for a date with no such word ("in Amhara region": DATE)."""
    if any(t.like_num for t in span):
        return True
    if ent.label_ not in ("DATE", "TIME"):
        return False
    return any(t.like_num or t.lower_.rstrip(".") in _CALENDAR_WORDS for t in ent)


_CALENDAR_WORDS = (
    frozenset(MONTHS)
    | frozenset(WEEKDAYS)
    | frozenset(SEASONS)
    | frozenset(
        """today yesterday tomorrow tonight day days week weeks weekend month months year years night
        nights morning evening afternoon dawn dusk noon midnight decade decades century ago""".split()
    )
)


def _opens_a_name(doc: Doc, k: int, end: int) -> bool:
    """Can token ``k`` open a name ending before ``end``: a capitalised word that is no determiner
    or pronoun ("The village", "This town" name none), or an article joined by a hyphen ("al-")?"""
    if doc[k].lower_ in ARTICLES and k + 2 < end and doc[k + 1].text == "-":
        return True
    return capitalised_text(doc[k].text) and doc[k].pos_ not in FUNCTION_POS


def _camp_name_end(doc: Doc, end: int) -> int:
    """The end of the name of a camp span ending at ``end`` (before its kind and "camp")."""
    end -= 1
    if end > 0 and doc[end - 1].lower_ in CAMP_KINDS:
        end -= 1
    return end


def aged(doc: Doc, end: int) -> bool:
    """Is the name ending at token ``end`` followed by an age in commas ("Matanov, 23, faces",
    "Tamerlan, 26, died")? A person is told so, never a place."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 2].text not in (",", ")"):
        return False
    age = doc[end + 1].text
    return age.isdigit() and len(age) <= 3 and 0 < int(age) < 120


@Language.factory("polemos_places", default_config={})
def make_place_recognizer(nlp: Language, name: str) -> PlaceRecognizer:
    return PlaceRecognizer(nlp, name)


def add_to(nlp: Language) -> None:
    """Add place recognition after the model's NER (idempotent)."""
    if "polemos_places" not in nlp.pipe_names:
        nlp.add_pipe("polemos_places", after="ner" if "ner" in nlp.pipe_names else None)


def place_spans(doc: Doc) -> list[tuple[int, int, bool]]:
    """(char_start, char_end, is_demonym) of every place mention, in text order."""
    found = doc._.get(EXTENSION)
    if found is None:
        found = PlaceRecognizer(None).find(doc)  # type: ignore[arg-type]
    return list(found)
