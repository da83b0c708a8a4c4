"""The conflict-actor dictionary and resolver: mention text -> canonical actor, kind, home country.

Public API (the extraction calls it; no spaCy here):

- ``get_dictionary() -> ActorDictionary``, loaded once per process.
- ``ActorDictionary.resolve(mention_text, start, end, countries=(), context="") -> ActorRef``
- ``ActorDictionary.is_party(actor, conflict_country) -> bool | None``
- ``ActorDictionary.country_hint(text) -> str | None``
- ``patterns() -> list[dict]`` for the spaCy entity ruler in ``polemos/nlp/actors.py``.

Resolution, first rule that applies:
1. a dictionary alias in the mention ("Al-Nusra fighters" -> Jabhat al-Nusra); a country word with an
   institution head ("Russian aircraft" -> Military Forces of Russia) or "the army of Nigeria"; a bare
   country or capital ("Washington" -> Government of United States);
2. a definite description that points back ("the Center" after "the Russian Center for Reconciliation",
   "the group", "the ministry") -> the latest entry in ``context`` it fits;
3. an institution without a country ("government troops", "the army", "the authorities") -> the same
   institution named last in ``context``, else of the article's first country (``countries``);
4. a generic word ("gunmen", "protesters", "civilians") -> ``name`` null, ``kind`` from the word;
5. else the mention as written, everything null.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from pathlib import Path

from polemos.resolve.actors_data import ActorEntry, RawData, curated_entries, load_raw, state_entries
from polemos.resolve.actors_match import DETERMINERS, Match, Matcher, PhraseTable
from polemos.resolve.actors_text import Token, phrase_key, tokenize
from polemos.types import ActorRef

__all__ = ["ActorDictionary", "ActorEntry", "get_dictionary", "patterns"]

# heads of definite descriptions that point back to an actor named earlier ("the Center", "the group")
_GROUP_HEADS = frozenset(
    {
        "group",
        "groups",
        "organization",
        "movement",
        "militia",
        "faction",
        "outfit",
        "insurgency",
        "network",
        "jihadists",
        "militants",
        "rebels",
        "terrorists",
    }
)
_ANAPHOR_HEADS = _GROUP_HEADS | {
    "center", "ministry", "coalition", "alliance", "council", "committee", "agency", "mission", "observatory",
    "administration", "commission", "office", "department", "court", "union", "party", "brigade", "brigades",
    "division", "corps", "legion", "body", "watchdog", "monitor",
}  # fmt: skip
_ARMED_NON_STATE = frozenset({"rebel", "militia", "terrorist-designated"})
_NEVER_PARTY = frozenset({"civilians", "protesters", "media", "ngo"})
# words that may stand before a generic institution without making it someone else's
# ("the Kurdish forces" are not the army of the article's country)
_NEUTRAL = DETERMINERS | {
    "some", "several", "many", "more", "other", "dozens", "hundreds", "thousands", "of", "one", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty",
    "local", "national", "federal", "state", "government", "regime", "security", "elite", "special", "armed",
    "own", "new", "additional", "senior", "top", "official", "officials", "nearby", "regular", "loyalist",
    "pro", "allied", "joint", "deployed", "army", "military", "our", "your", "whose", "any", "all", "both",
    "country", "countrys", "junta", "transitional", "interim", "central", "provincial", "facto",
    # French, Spanish and Portuguese articles: UCDP's source headlines come in those languages too
    "les", "le", "la", "l", "des", "du", "de", "los", "las", "el", "unos", "unas", "os", "dos", "das",
    "do", "da",
}  # fmt: skip
# words that start a modifier after a generic head
_POSTMODIFIER = frozenset({
    "in", "of", "from", "at", "on", "near", "loyal", "with", "who", "which", "that", "based", "backed",
    "affiliated", "linked", "allied", "belonging", "stationed",
})  # fmt: skip
_CLAUSE = frozenset({"who", "whom", "whose", "which", "that", "when", "while", "after", "before", "because"})
_CONTEXT_CHARS = 6000  # how far back definite descriptions look
# The head of an outlet's name after a place in it ("the Kabul Times", "The Jordan Times", "The
# Kyiv Independent"): the outlet says where it is published, not where its story happened.
_OUTLET_AFTER = re.compile(
    r"^(?:\s+(?:Morning|Evening|Daily|Sunday|Weekly))*\s+(?:Times|Post|Herald|Independent|Tribune|Journal|"
    r"Gazette|Telegraph|Chronicle|Observer|Standard|Monitor|Express|Mail|Star|Guardian|Today|Review|"
    r"Courier)\b"
)
# Police ranks that stand as a title before an officer's name in Indian reports ("psi t k gondaliya",
# "inspector j s rana", "constable ramesh singh"): the named person is police. Only as the mention's
# first word after a determiner, and only before a name ("the inspector" alone is left to the table).
_POLICE_TITLES = frozenset(
    "psi sho dsp dcp acp ssp dgp igp inspector sub-inspector constable head-constable".split()
)


def _titled_officer(keys: Sequence[str]) -> bool:
    words = [k for k in keys if k not in DETERMINERS]
    if len(words) < 2 or words[0] not in _POLICE_TITLES:
        return False
    return not any(w in _POSTMODIFIER or w in _CLAUSE for w in words[1:2])


class ArticleContext(str):
    """The text before a mention that knows the article it is cut from, so that context look-ups
    match the article once rather than once per mention (it reads as the plain preceding text)."""

    article: str
    end: int

    def __new__(cls, article: str, end: int) -> ArticleContext:
        obj = super().__new__(cls, article[max(0, end - _CONTEXT_CHARS) : end])
        obj.article, obj.end = article, end
        return obj


class ActorDictionary:
    """Every actor polemos knows, with the tables that find them in text."""

    def __init__(self, raw: RawData) -> None:
        states = state_entries(raw)
        curated = curated_entries(raw, states)
        self.entries: dict[str, ActorEntry] = {**states, **curated}
        self.conflict_names: dict[str, list[str]] = {cc: names for cc, (names, _) in raw.conflicts.items()}
        self._by_name: dict[str, ActorEntry] = {}
        for entry in sorted(self.entries.values(), key=lambda e: e.person):  # bodies before people
            if entry.name:
                self._by_name.setdefault(entry.name, entry)
        self.matcher = Matcher()
        self._head_index: dict[str, list[ActorEntry]] | None = None
        self._article_cache: tuple[str, list[tuple[int, int, ActorEntry]]] | None = None
        self._alias_word_cache: dict[str, frozenset[str]] = {}
        self._evidence_cache: dict[str, tuple[str, int, int] | None] = {}
        self._country_names: set[str] = set()  # keys of country names (not adjectives) for the hint
        self._peoples: set[str] = set()  # "Palestinians", "Afghans": people, not their state
        for entry in self.entries.values():
            for alias in entry.aliases:
                self.matcher.add_alias(alias, entry.id)
        # country words: bigger states win shared words ("Congolese" -> DR Congo, "Dominican" -> the Republic)
        for state in sorted(raw.states, key=lambda s: -s.population):
            for word in (state.name, *state.adjectives, *state.people, *state.other_names):
                self.matcher.add_country_word(word, state.cc)
            for word in (state.name, *state.other_names):
                self._country_names.add(phrase_key(word))
            self._peoples.update(phrase_key(w) for w in state.people if w not in state.adjectives)
            if state.capital:
                self.matcher.capitals.add(phrase_key(state.capital), state.cc)
        for inst in raw.institutions:
            for head in inst.heads:
                self.matcher.heads.add(phrase_key(head), inst.key)
            for phrase in inst.of_phrases:
                self.matcher.of_phrases.add(phrase_key(phrase), inst.key)
        self._generic: PhraseTable[tuple[str, str | None]] = PhraseTable()
        for phrase, kind, institution in raw.generic:
            self._generic.add(phrase_key(phrase), (kind, institution))
        self._usual: PhraseTable[str] = PhraseTable()
        for phrase, cc in raw.usual:
            self._usual.add(phrase_key(phrase), cc)
        self.n_aliases = sum(len(e.aliases) for e in self.entries.values())

    # -- resolution -------------------------------------------------------------------------------------

    def resolve(
        self, text: str, start: int, end: int, *, countries: Sequence[str] = (), context: str = ""
    ) -> ActorRef:
        """The actor a mention names. ``text`` is the mention as written, with its offsets ``start``/``end``
        in the article (the article text itself is accepted too: then the mention is ``text[start:end]``)."""
        mention = text if len(text) == end - start else text[start:end]
        toks = tokenize(mention, start)
        # a relative clause names someone else: "militants who attacked Syrian troops"
        cut = next((i for i, t in enumerate(toks) if i and t.key in _CLAUSE), len(toks))
        toks = toks[:cut]
        if not toks:
            return ActorRef(mention, start, end)
        matches = self.matcher.find(toks)
        named = [m for m in matches if m.how != "country"] or matches
        if named:
            best = self._best(named, toks, countries)
            if best is not None:
                return self._from_entry(mention, start, end, best)
        back = self._anaphor(toks, context, countries)
        if back is not None:
            return self._from_entry(mention, start, end, back)
        if len(toks) == 1 and mention[:1].isupper() and not mention.endswith("s"):
            # a group's name used as a modifier in the singular: "a Maoist attack" (the Maoists)
            plural = [m for m in self.matcher.find(tokenize(mention + "s", start)) if m.how == "alias"]
            entry = self._choose(plural[0].ids, countries) if plural else None
            if entry is not None and not entry.person:
                return self._from_entry(mention, start, end, entry)
        return self._generic_ref(mention, start, end, toks, countries, context)

    def _best(
        self, matches: list[Match], toks: Sequence[Token], countries: Sequence[str]
    ) -> ActorEntry | None:
        # a named group or body beats a composed state organ in the same mention ("Lavrov" in
        # "Russian Foreign Minister Sergey Lavrov"), else the first reference wins
        aliases = [m for m in matches if m.how == "alias"]
        pick = aliases[0] if aliases else matches[0]
        if pick is not matches[0] and any(t.key in ("and", "or") for t in toks[matches[0].j : pick.i]):
            pick = matches[0]  # "the Malian army and Russian mercenaries": the first of two conjuncts
        if pick.how == "country" and pick.j < len(toks):
            # "a Syrian man": the country word only modifies; the generic head decides (see _generic_ref)
            return None
        if self._is_people(pick, toks):
            return None  # "Palestinians killed": a people, not its state (see _generic_ref)
        return self._choose(pick.ids, countries)

    def _is_people(self, match: Match, toks: Sequence[Token]) -> bool:
        return match.how == "country" and " ".join(t.key for t in toks[match.i : match.j]) in self._peoples

    def _choose(self, ids: Sequence[str], countries: Sequence[str]) -> ActorEntry | None:
        entries = [self.entries[i] for i in ids if i in self.entries]
        if not entries:
            return None
        for cc in countries:
            for entry in entries:
                if entry.country == cc or cc in entry.conflicts:
                    return entry
        return entries[0]

    @staticmethod
    def _from_entry(mention: str, start: int, end: int, entry: ActorEntry) -> ActorRef:
        return ActorRef(mention, start, end, name=entry.name, kind=entry.kind, country=entry.country)

    def _anaphor(self, toks: Sequence[Token], context: str, countries: Sequence[str]) -> ActorEntry | None:
        """'the Center', 'the group', 'the ministry': the latest fitting entry named in ``context``; else
        'the coalition' in a Yemen article: the one body of that name that fights in the article's country."""
        keys = [t.key for t in toks]
        definite = keys[0] in DETERMINERS and 2 <= len(keys) <= 3
        bare = len(keys) == 1 and toks[0].text[:1].isupper()  # "Coalition bombs Raqqa"
        if not (definite or bare) or keys[-1] not in _ANAPHOR_HEADS:
            return None
        head = keys[-1].rstrip("s") if keys[-1] != "corps" else keys[-1]
        for entry in self._context_entries(context) if context else ():
            if keys[-1] in _GROUP_HEADS and entry.kind in _ARMED_NON_STATE:
                return entry
            if head in self._alias_words(entry) or (
                head == "ministry" and entry.institution in ("mod", "mfa", "interior")
            ):
                return entry
        if countries and keys[-1] not in _GROUP_HEADS:
            fits = [e for e in self._heads().get(head, ()) if countries[0] in e.conflicts]
            if len(fits) == 1:
                return fits[0]
        return None

    def _heads(self) -> dict[str, list[ActorEntry]]:
        """Curated bodies by the last word of their names and aliases ("coalition" -> the coalitions)."""
        if self._head_index is None:
            index: dict[str, list[ActorEntry]] = {}
            for entry in self.entries.values():
                if entry.person or entry.institution:
                    continue
                for alias in (entry.name or "", *entry.aliases):
                    words = phrase_key(alias).split()
                    if words and entry not in index.setdefault(words[-1].rstrip("s"), []):
                        index[words[-1].rstrip("s")].append(entry)
            self._head_index = index
        return self._head_index

    def _alias_words(self, entry: ActorEntry) -> frozenset[str]:
        """The word keys of an entry's name and aliases, without a plural s; built once per entry
        (anaphora ask it of every entry in context, for every mention)."""
        words = self._alias_word_cache.get(entry.id)
        if words is None:
            names = (entry.name or "", *entry.aliases)
            words = frozenset(w.rstrip("s") for alias in names for w in phrase_key(alias).split())
            self._alias_word_cache[entry.id] = words
        return words

    def _context_entries(self, context: str, limit: int = _CONTEXT_CHARS) -> list[ActorEntry]:
        """Entries named in the last ``limit`` characters of ``context``, latest first."""
        if isinstance(context, ArticleContext):
            matches = self._article_matches(context.article)
            low = context.end - limit
            return [entry for s, e, entry in reversed(matches) if s >= low and e <= context.end]
        tail = context[-limit:]
        found = []
        for m in reversed(self.matcher.find(tokenize(tail))):
            entry = self._choose(m.ids, ())
            if entry is not None:
                found.append(entry)
        return found

    def _generic_ref(
        self,
        mention: str,
        start: int,
        end: int,
        toks: Sequence[Token],
        countries: Sequence[str],
        context: str,
    ) -> ActorRef:
        keys = [t.key for t in toks]
        hit = None
        for i in range(len(keys)):
            found = self._generic.longest_at(keys, i)
            # the head ends the mention or a modifier follows it: "police in Kashmir", "gunmen who"
            if found is not None and (found[0] == len(keys) or keys[found[0]] in _POSTMODIFIER):
                hit = (i, found[1][0])
                break
        if hit is None:
            if _titled_officer(keys):
                return ActorRef(mention, start, end, kind="police")
            people = next((m for m in self.matcher.find(toks) if self._is_people(m, toks)), None)
            if people is not None:  # "Palestinians", "the Afghans"
                return ActorRef(mention, start, end, kind="civilians", country=people.ids[0].split(":")[1])
            return ActorRef(mention, start, end)
        i, (kind, institution) = hit
        # a more telling word before a vague head: "terrorist fighters", "rebel militants"
        if kind == "unknown":
            for k in keys[:i]:
                better = self._generic.longest_at([k], 0)
                if better is not None and better[1][0][0] not in ("unknown", "civilians"):
                    kind = better[1][0][0]
                    break
        own = next((m for m in self.matcher.find(toks[:i]) if m.how == "country"), None)
        if own is not None:  # "a Syrian man", "Syrian villagers"
            return ActorRef(mention, start, end, kind=kind, country=own.ids[0].split(":")[1])
        if institution is not None and all(k in _NEUTRAL or k.isdigit() for k in keys[:i]):
            entry = self._institution_in_context(institution, context) or self._institution_of(
                institution, countries
            )
            if entry is not None:
                return self._from_entry(mention, start, end, entry)
        return ActorRef(mention, start, end, kind=kind)

    def _article_matches(self, article: str) -> list[tuple[int, int, ActorEntry]]:
        """Every entry the article names, with its character span: matched once per article (the
        last article is kept; mentions of one article are resolved together)."""
        cached = self._article_cache
        if cached is not None and cached[0] is article:
            return cached[1]
        toks = tokenize(article)
        found = []
        for m in self.matcher.find(toks):
            entry = self._choose(m.ids, ())
            if entry is not None:
                found.append((toks[m.i].start, toks[m.j - 1].end, entry))
        self._article_cache = (article, found)
        return found

    def _institution_in_context(self, institution: str, context: str) -> ActorEntry | None:
        if not context:
            return None
        for entry in self._context_entries(context, 1500):
            if entry.institution == institution:
                return entry
        return None

    def _institution_of(self, institution: str, countries: Sequence[str]) -> ActorEntry | None:
        for cc in countries[:1]:
            return self.entries.get(f"state:{cc}:{institution}")
        return None

    # -- parties and places ---------------------------------------------------------------------------

    def entry_of(self, actor: ActorRef) -> ActorEntry | None:
        """The dictionary entry behind a resolved actor, by its canonical name."""
        return self._by_name.get(actor.name) if actor.name else None

    def is_party(self, actor: ActorRef, conflict_country: str | None) -> bool | None:
        """Is ``actor`` a side in the conflict fought in ``conflict_country``? None when unknown."""
        entry = self.entry_of(actor)
        kind = entry.kind if entry else actor.kind
        if kind in _NEVER_PARTY:
            return False
        if entry is None:
            return None
        entry = self._with_conflicts(entry)
        if conflict_country is None:
            return False if not entry.conflicts and entry.kind == "international-org" else None
        if entry.conflicts:
            return conflict_country.upper() in entry.conflicts
        return False if entry.kind == "international-org" or entry.institution else None

    def _with_conflicts(self, entry: ActorEntry) -> ActorEntry:
        """Officials and units take the conflicts of the body they belong to."""
        seen = 0
        while not entry.conflicts and entry.link("member_of") and seen < 5:
            parent = self.entries.get(entry.link("member_of") or "")
            if parent is None:
                break
            entry, seen = parent, seen + 1
        return entry

    def country_hint(self, text: str) -> str | None:
        """The country the actors of ``text`` point to ("Soldiers vs Boko Haram, Borno" -> NG), or None."""
        found = self.country_evidence(text)
        return found[0] if found else None

    def country_evidence(self, text: str) -> tuple[str, int, int] | None:
        """``country_hint`` with its evidence: (iso2, start, end) of the mention that weighs most for it
        ("Boko Haram" in "Soldiers vs Boko Haram, Borno"), so a caller can keep offsets for what it infers."""
        # every event of a sentence asks it of the same evidence text: answered once (a few hundred kept)
        known = self._evidence_cache
        if text in known:
            return known[text]
        found = self._country_evidence(text)
        if len(known) >= 512:
            known.clear()
        known[text] = found
        return found

    def _country_evidence(self, text: str) -> tuple[str, int, int] | None:
        toks = tokenize(text)
        score: dict[str, float] = {}
        first: dict[str, int] = {}
        strongest: dict[str, tuple[float, int, int]] = {}
        for m in self.matcher.find(toks):
            entry = self._choose(m.ids, ())
            # bodies without a front line, and people (leaders speak of everywhere), tell nothing
            if entry is None or entry.person or entry.kind in ("international-org", "ngo", "media"):
                continue
            if _OUTLET_AFTER.match(text[toks[m.j - 1].end : toks[m.j - 1].end + 40]):
                continue  # "Police arrested two men, the Kabul Times reported": not Afghanistan's
            if (
                len(
                    {(self.entries[i].country, self.entries[i].conflicts) for i in m.ids if i in self.entries}
                )
                > 1
            ):
                continue  # an alias of several actors ("coalition airstrikes") does not tell which
            # "Turkmen", "Uzbek", "Somali" also name peoples living elsewhere: an adjective alone is weak
            weak = m.how == "country" and " ".join(t.key for t in toks[m.i : m.j]) not in self._country_names
            for cc, v in self._votes(entry).items():
                vote = 0.3 if weak else v
                score[cc] = score.get(cc, 0.0) + vote
                first.setdefault(cc, m.i)
                if vote > strongest.get(cc, (0.0, 0, 0))[0]:
                    strongest[cc] = (vote, toks[m.i].start, toks[m.j - 1].end)
        ranked = sorted(score, key=lambda cc: (-score[cc], first[cc], cc))
        # an actor fighting in many countries (Islamic State, al-Qaeda) alone does not tell the country,
        # nor one fighting in two ("the US-led coalition" in Iraq and Syria)
        if not ranked or score[ranked[0]] < 0.5:
            return self._usual_referent(toks)
        if len(ranked) > 1 and score[ranked[1]] >= score[ranked[0]] - 1e-9:
            return self._usual_referent(toks)
        best = ranked[0]
        return best, strongest[best][1], strongest[best][2]

    def _usual_referent(self, toks: Sequence[Token]) -> tuple[str, int, int] | None:
        """The last resort: a generic phrase whose referent the press fixes by convention ("regime
        forces" with no country named: Syria's; ``actors_usual.tsv``), with its span."""
        keys = [t.key for t in toks]
        for i in range(len(keys)):
            found = self._usual.longest_at(keys, i)
            if found is not None:
                return found[1][0], toks[i].start, toks[found[0] - 1].end
        return None

    @staticmethod
    def _votes(entry: ActorEntry) -> dict[str, float]:
        """Where an actor's mention suggests the event is: armed actors where they fight (a military that
        fights abroad splits its vote, so "Russian warplanes" alone names no country), others at home."""
        armed = entry.kind in _ARMED_NON_STATE or entry.kind in ("military", "police")
        fronts = entry.conflicts if armed else frozenset()
        votes = {cc: 1.0 / len(fronts) for cc in sorted(fronts)}
        if entry.country and (not fronts or entry.country in fronts):
            votes[entry.country] = votes.get(entry.country, 0.0) + (0.25 if fronts else 1.0)
        return votes

    # -- spaCy patterns -------------------------------------------------------------------------------

    def patterns(self) -> list[dict[str, object]]:
        """Entity-ruler patterns for named actors: phrase patterns matched on LOWER, and token patterns
        for the capitals-only aliases ("IS", "UN"). Country institutions and generic words are left to
        ``resolve``; country names and capitals are the gazetteer's."""
        from polemos.resolve.actors_text import caps_only

        seen: set[tuple[str, str]] = set()
        out: list[dict[str, object]] = []
        for entry in self.entries.values():
            if entry.id.startswith("state:") and entry.institution in ("state",):
                continue
            label = "PERSON" if entry.person else "ORG"
            for alias in entry.aliases:
                if (alias, label) in seen or _is_place_word(self, alias):
                    continue
                seen.add((alias, label))
                pattern: object = [{"TEXT": alias}] if caps_only(alias) else alias
                out.append({"label": label, "pattern": pattern, "id": entry.id})
        return out


def _is_place_word(dictionary: ActorDictionary, alias: str) -> bool:
    toks = tokenize(alias)
    keys = [t.key for t in toks]
    m = dictionary.matcher
    whole = " ".join(keys)
    return (
        whole in m.countries.values
        or whole in m.capitals.values
        or (len(toks) == 1 and toks[0].caps in m.exact_countries)
    )


_LOCK = threading.Lock()
_DICTIONARY: ActorDictionary | None = None


def get_dictionary(data_dir: Path | None = None) -> ActorDictionary:
    """The dictionary, built on first use and kept (``data_dir`` builds a fresh one from other files)."""
    global _DICTIONARY
    if data_dir is not None:
        return ActorDictionary(load_raw(data_dir))
    with _LOCK:
        if _DICTIONARY is None:
            _DICTIONARY = ActorDictionary(load_raw())
        return _DICTIONARY


def patterns() -> list[dict[str, object]]:
    """Entity-ruler patterns for the named actors of the dictionary."""
    return get_dictionary().patterns()
