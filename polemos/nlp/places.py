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

from spacy.language import Language
from spacy.tokens import Doc, Span

from polemos.nlp.places_facility import facility_spans
from polemos.resolve.gazetteer import Gazetteer, Place, open_gazetteer
from polemos.resolve.gazetteer_names import ARTICLES, fold, strip_article
from polemos.resolve.places_demonyms import demonyms

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})
NOT_PLACE_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
CONNECTORS = frozenset("of de del la le les du des da do dos van von y and on upon - 's".split()) | ARTICLES
LANGUAGE_CUES = frozenset(
    "in speak speaks spoke speaking into from learn learning taught teach fluent".split()
)
# Words before (or after) a place name: "in Darayya", "near Jableh", "shelled Tartus".
LOCATIVE = frozenset(
    """in at near from to of outside around across toward towards into between and through via inside
    throughout within nearby district town city village province governorate suburb outskirts struck hit
    shelled attacked captured seized bombed entered reached visited besieged retook stormed surrounded left
    fled""".split()
)
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
EMBEDDING_LABELS = frozenset({"PERSON"})
STRONG_FEATURES = frozenset({"country", "admin1", "region", "landmark", "neighbourhood"})
EXTENSION = "polemos_places"

if not Doc.has_extension(EXTENSION):
    Doc.set_extension(EXTENSION, default=None)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds without a leading 'the' and a trailing possessive or punctuation."""
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’") or doc[end - 1].is_punct):
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


def _locative(doc: Doc, span: Span) -> bool:
    prev = doc[span.start - 1] if span.start > 0 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    if prev is not None and prev.lower_ in LOCATIVE:
        return True
    if span[-1].dep_ == "compound" and span[-1].head.pos_ == "NOUN":
        return True  # a modifier of a common noun: "a Calais swimming pool", "the Oakdale fire station"
    ent = span[0].ent_type_
    if ent in ("ORG", "FAC") and span[0].ent_iob_ == "B" and span[-1].dep_ == "compound":
        return True  # the head of an institution's name: "Owensboro Public Schools", "Slidell PD"
    if nxt is not None and (
        nxt.text in (",", "'s", "’s") or nxt.lower_ in LOCATIVE - {"and", "of", "to", "from"}
    ):
        return True
    if nxt is not None and nxt.lower_ == "and" and nxt.i + 1 < len(doc) and _capitalised(doc[nxt.i + 1]):
        return True  # "Jableh and Tartus"
    return prev is not None and prev.text == ","


def _capitalised(tok) -> bool:
    return tok.text[:1].isupper() and any(c.isalpha() for c in tok.text)


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
        lower_words = {t.text for t in doc if t.text.islower()}
        surnames = {e[-1].text for e in map(_name_part, doc.ents) if e.label_ == "PERSON" and len(e) > 1}
        ent_of = {}
        for e in doc.ents:
            for k in range(e.start, e.end):
                ent_of[k] = e
        table = demonyms()
        for e in doc.ents:  # 1. the model's places, narrowed to the name the gazetteer knows inside
            if e.label_ not in PLACE_LABELS:
                continue
            s, t = _trim(doc, e.start, e.end)
            if s >= t or doc[s:t].text in table:
                continue  # demonyms: step 3
            if self._known(doc[s:t]):
                found.append((s, t, False, 0))
                continue
            inner = list(self._gazetteer_spans(doc, ent_of, lower_words, set(), s, t, relaxed=True))
            found += [(a, b, False, 0) for a, b in inner]
            if not inner:
                found.append((s, s + 1, True, 0) if doc[s].text in table else (s, t, False, 0))
        # 1b. facility and street names, whole: "Kingsley Road" is no mention of the town of Kingsley
        found += [(s, t, False, 0) for s, t in facility_spans(doc)]
        for start, end in self._gazetteer_spans(doc, ent_of, lower_words, surnames):  # 2. names it missed
            found.append((start, end, False, 1))
        for start, end in self._demonym_spans(doc):  # 3. "Syrian", "Americans"
            found.append((start, end, True, 2))
        # overlaps: the model's places first, then the gazetteer's names, then demonyms; longer first
        taken = [False] * len(doc)
        spans: list[tuple[int, int, bool]] = []
        for start, end, demonym, _ in sorted(found, key=lambda f: (f[3], f[0] - f[1], f[0])):
            if start < end and not any(taken[start:end]):
                taken[start:end] = [True] * (end - start)
                spans.append((start, end, demonym))
        spans.sort()
        return [(doc[s].idx, doc[t - 1].idx + len(doc[t - 1].text), d) for s, t, d in spans]

    def _known(self, span: Span) -> bool:
        key = fold(span.text)
        return bool(self.gazetteer.lookup(key) or self.gazetteer.lookup(strip_article(key)))

    def _gazetteer_spans(
        self,
        doc: Doc,
        ent_of: dict,
        lower_words: set[str],
        surnames: set[str],
        lo: int = 0,
        hi: int | None = None,
        relaxed: bool = False,
    ):
        hi = len(doc) if hi is None else hi
        i = lo
        while i < hi:
            tok = doc[i]
            starts_name = _capitalised(tok) or (
                tok.lower_ in ARTICLES
                and i + 2 < len(doc)
                and doc[i + 1].text == "-"
                and _capitalised(doc[i + 2])
            )
            if not starts_name:
                i += 1
                continue
            found = None
            for j in range(min(hi, i + MAX_TOKENS), i, -1):
                last = doc[j - 1]
                if not (_capitalised(last) or (last.text == "." and j - i > 1)):
                    continue
                inner = doc[i:j]
                if (
                    any(not (_capitalised(t) or t.lower_ in CONNECTORS) for t in inner)
                    or inner[-1].is_sent_start
                    and j - i > 1
                ):
                    continue
                if any(t.is_sent_start for t in inner[1:]):
                    continue
                place = self._accept(doc, inner, ent_of, lower_words, surnames, relaxed)
                if place is not None:
                    found = j
                    break
            if found:
                yield i, found
                i = found
            else:
                i += 1

    def _accept(
        self,
        doc: Doc,
        span: Span,
        ent_of: dict,
        lower_words: set[str],
        surnames: set[str],
        relaxed: bool = False,
    ) -> Place | None:
        text = span.text
        key = fold(text)
        if key in GENERIC:
            return None
        cands = self.gazetteer.lookup(key) or self.gazetteer.lookup(strip_article(key))
        if text.endswith(".") and len(span) <= 3:
            cands = self.gazetteer.lookup(fold(text) + ".") or ()
        letters = "".join(c for c in text if c.isalpha())
        if letters.isupper() and len(letters) <= 4:  # acronyms: only the ones the index has as such
            cands = self.gazetteer.lookup("=" + letters) or (cands if len(letters) == 4 else ())
        if not cands:
            return None
        first = span[0]
        single = len(span) == 1
        if relaxed:  # inside a span the model already calls a place: no population floor
            ok = [
                c
                for c in cands
                if c.kind <= 1 and (not single or c.kind == 0 or c.feature in STRONG_FEATURES)
            ]
            return ok[0] if ok and not (single and first.text in lower_words) else None
        ent = ent_of.get(span.start)
        numeric = ent is not None and ent.label_ in NOT_PLACE_LABELS
        if numeric and (ent.label_ in ("DATE", "TIME") or any(t.like_num for t in span)):
            return None  # "May" is a month; but "706 Orange County" residents are of a place
        if single and (
            first.text in lower_words or first.text.lower() in lower_words or first.text in surnames
        ):
            return None
        if single and first.pos_ != "PROPN" and not first.text.isupper():
            return None  # "We", "Road": a common word here
        if ent is not None and ent.label_ in EMBEDDING_LABELS and len(_name_part(ent)) > len(span):
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
        cue = _locative(doc, span)
        person = ent is not None and ent.label_ == "PERSON" and not cue  # "to Cirencester": a place after all
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

    def _demonym_spans(self, doc: Doc):
        table = demonyms()
        i = 0
        while i < len(doc):
            tok = doc[i]
            two = doc[i : i + 2].text if i + 1 < len(doc) else ""
            if two in table:
                yield i, i + 2
                i += 2
                continue
            if tok.text in table and not self._is_language(doc, i):
                yield i, i + 1
            i += 1

    @staticmethod
    def _is_language(doc: Doc, i: int) -> bool:
        prev = doc[i - 1].lower_ if i > 0 else ""
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is not None and nxt.lower_ in ("language", "-language", "speakers", "speaking", "translation"):
            return True
        head_noun = nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ")
        return prev in LANGUAGE_CUES and not head_noun


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
