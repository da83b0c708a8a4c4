"""The trigger lexicon (``data/triggers.tsv``, ``data/triggers_*.tsv``) and where its entries occur.

Two kinds of entries:

* English entries are lemmas or short lemma sequences ("call on", "air strike", "cease-fire") with a
  part of speech. Verb phrases are headed by their first word, noun phrases by their last. A verb may
  be a trigger only with certain objects (``objects``) or subjects (``subjects``); the first entry of
  a lemma whose constraints hold wins, so constrained rows come before the general one. An object
  word is the object's head lemma; a phrase of several words ("gas shell", "rubber bullet") holds
  when all its words are in the object's own phrase (head, compounds, adjectives: "tear-gas
  shells"); ``@person`` holds for an object that names people (a name, a pronoun, a number of
  them, a word for people: "picked up 30 youths", "booked the accused"), ``@none`` for a verb
  without an object ("police fired to disperse the crowd").
* Surface-form entries (``data/triggers_headlines.tsv``: French, Spanish, Portuguese, Russian…)
  match the lower-cased token text itself (an elided article stripped: "l'attaque" → "attaque"),
  since an English model's lemmas of other languages mean nothing. They stand alone: a headline that
  says "5 personnes tuées" names an event.

An entry of type NONE ("charm offensive", "price war", "gas explosion") takes its words and reports
nothing, so that no shorter entry inside it fires. A violent trigger is dropped when its doer is an
accident or a natural hazard ("a tsunami killed 222", "an industrial explosion"):
``data/non_agents.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from polemos.lang.en import labels as en

MAX_WORDS = 4
_NOUN_SUFFIXES = ("tion", "sion", "ment", "ance", "ence")
# Relations by which a word is what a verb acts on: direct and passive objects, and the object of
# the verb's own preposition ("withdraw from the treaty", "fired on the convoy").
_OBJECT_DEPS = en.OBJECTS | en.PASSIVE_SUBJECTS | en.ATTRIBUTES | en.OBJECT_PREDICATES
# A noun's prepositions of place, time, means and source say where, when or how, not what it is
# about: "the attack in a statement" is no attack on the statement.
_SETTING_PREPS = frozenset(
    "in at near during after before since by with within outside inside around across throughout "
    "amid following from".split()
)
# Nouns that count or hold what matters: "hundreds of protesters", "a cache of weapons".
_NAME_LABELS = frozenset(["ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "FAC", "LAW"])
_QUANTITIES = frozenset(
    ["hundred", "thousand", "dozen", "score", "group", "number", "million", "band", "cache", "stash"]
)
_ELISION = re.compile(r"^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)


@dataclass(frozen=True)
class Entry:
    lemma: str
    pos: str  # VERB, NOUN or ANY
    type: str
    mode: str | None
    standalone: bool  # nouns: reports an occurrence without a governing verb
    objects: frozenset[str] = frozenset()  # verbs: a trigger only with one of these as object
    subjects: frozenset[str] = frozenset()  # a trigger only with one of these as subject
    lang: str = "en"  # "en": matched on lemmas; otherwise on lower-cased surface forms


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


def _words(field: str) -> frozenset[str]:
    return frozenset(o.strip().lower() for o in field.split(",") if o.strip() not in ("", "-"))


def _entry(row: list[str], lang: str = "en") -> Entry:
    lemma, pos, type_, mode, standalone, objects, subjects = (row + ["-"] * 7)[:7]
    return Entry(
        lemma.strip().lower(),
        pos.strip().upper(),
        type_.strip().upper(),
        None if mode.strip() in ("", "-") else mode.strip(),
        standalone.strip() == "y",
        _words(objects),
        _words(subjects),
        lang,
    )


@lru_cache(maxsize=1)
def load_lexicon() -> dict[str, tuple[Entry, ...]]:
    """English entries keyed by their lemma string, in file order."""
    table: dict[str, list[Entry]] = {}
    for row in read_tsv("triggers.tsv"):
        entry = _entry(row)
        table.setdefault(entry.lemma, []).append(entry)
    return {k: tuple(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def load_surface_forms() -> dict[str, tuple[Entry, ...]]:
    """Surface-form entries (other languages) keyed by their lower-cased form."""
    table: dict[str, list[Entry]] = {}
    for row in read_tsv("triggers_headlines.tsv"):
        form, lang, type_, mode = (row + ["-"] * 4)[:4]
        entry = Entry(
            " ".join(form.strip().lower().split()),
            "ANY",
            type_.strip().upper(),
            None if mode.strip() in ("", "-") else mode.strip(),
            True,
            lang=lang.strip(),
        )
        table.setdefault(entry.lemma, []).append(entry)
    return {k: tuple(v) for k, v in table.items()}


@lru_cache(maxsize=4)
def casualty_words(sense: str) -> frozenset[str]:
    """Headline forms in other languages that say people were killed ("killed") or hurt
    ("injured"): "morts", "tués", "muertos", "feridos"."""
    return frozenset(
        " ".join(row[0].strip().lower().split())
        for row in read_tsv("triggers_headlines.tsv")
        if len(row) > 4 and row[4].strip() == sense
    )


@lru_cache(maxsize=1)
def non_agents() -> frozenset[str]:
    """Lemmas naming accidents and natural hazards: no event has them as its doer or cause."""
    return frozenset(r[0].strip().lower() for r in read_tsv("non_agents.tsv") if _where(r) == "cause")


@lru_cache(maxsize=1)
def accident_modifiers() -> frozenset[str]:
    """Modifiers that make an explosion or a fire an accident ("industrial", "factory")."""
    return frozenset(r[0].strip().lower() for r in read_tsv("non_agents.tsv") if _where(r) == "modifier")


def _where(row: list[str]) -> str:
    return row[1].strip() if len(row) > 1 and row[1].strip() else "cause"


@lru_cache(maxsize=1)
def support_verbs() -> dict[str, str]:
    """Light verbs that make an event of a non-standalone noun, with the modality they carry."""
    return {row[0].strip(): row[1].strip() for row in read_tsv("support_verbs.tsv")}


def surface(token: Token) -> str:
    """A token's lower-cased text with an elided French article or pronoun stripped."""
    return _ELISION.sub("", token.lower_)


def objects_of(head: Token, last: Token | None = None) -> list[Token]:
    """What a verb acts on: its objects, and the object of a preposition that ends the trigger
    phrase ("withdraw from" + the treaty) or hangs on the verb."""
    out = [c for c in head.children if c.dep_ in _OBJECT_DEPS]
    # a verb's own prepositions say where or with what, not what it acts on ("found with the arms
    # cut off"); a noun's do ("violations of the truce")
    preps = [
        c
        for c in head.children
        if c.dep_ in en.PREPOSITIONS and head.pos_ not in ("VERB", "AUX") and c.lower_ not in _SETTING_PREPS
    ]
    if last is not None and last is not head and last.dep_ in en.PREPOSITIONS:
        preps.append(last)
    for p in preps:
        out += [c for c in p.children if c.dep_ in en.PREP_OBJECTS]
    if (
        head.dep_ in en.CLAUSAL_MODIFIERS | en.RELATIVE_CLAUSES
        and head.tag_ == "VBN"
        and not any(c.dep_ in en.OBJECTS for c in head.children)
    ):
        out.append(head.head)  # "weapons seized in the raid": the modified noun is the object
    if (
        head.dep_ in en.CLAUSAL_MODIFIERS | en.RELATIVE_CLAUSES
        and head.tag_ == "VB"
        and any(c.dep_ in en.AUXILIARIES and c.lower_ == "to" for c in head.children)
        and not any(c.dep_ in en.OBJECTS for c in head.children)
    ):
        out.append(head.head)  # "no disease to battle", "a target to attack": the noun is the object
    out += [c for o in list(out) for c in o.children if c.dep_ in en.CONJUNCTS]
    # "destroyed dozens of machine guns": a quantity counts as what it counts
    out += [
        g
        for o in list(out)
        if o.lemma_.lower() in _QUANTITIES
        for p in o.children
        if p.dep_ in en.PREPOSITIONS and p.lower_ == "of"
        for g in p.children
        if g.dep_ in en.PREP_OBJECTS
    ]
    return out


def subject_lemmas(head: Token) -> set[str]:
    """Lemmas of a verb's active subject (a passive's "by" agent), and of a noun's compounds."""
    out: set[str] = set()
    for c in head.children:
        if (
            c.dep_ in en.SUBJECTS | en.CLAUSAL_SUBJECTS
            and c.tag_ in ("WDT", "WP")
            and head.dep_ in en.RELATIVE_CLAUSES
        ):
            out.update(_nominal_lemmas(head.head))  # "the police who fired": the noun it stands for
        elif c.dep_ in en.SUBJECTS | en.CLAUSAL_SUBJECTS:
            out.update(_nominal_lemmas(c))
        if c.dep_ in en.AGENTS:
            for g in c.children:
                if g.dep_ in en.PREP_OBJECTS:
                    out.update(_nominal_lemmas(g))
    if not out:
        from polemos.extraction.roles import stray_agent

        stray = stray_agent(head)  # "were shifted to a camp by the police"
        if stray is not None:
            out.update(_nominal_lemmas(stray))
    controller = object_controller(head)
    if not out and controller is not None:
        return _nominal_lemmas(controller)
    if not out and head.dep_ in en.OPEN_COMPLEMENTS | en.CONJUNCTS and head.head.i != head.i:
        return subject_lemmas(head.head)
    if (
        not out
        and head.dep_ in en.PREP_COMPLEMENTS
        and head.head.dep_ in en.PREPOSITIONS
        and head.head.head.pos_ in ("VERB", "AUX")
    ):
        return subject_lemmas(head.head.head)  # "resorted to firing"
    if not out and head.tag_ == "VBG":  # "rounds of firing by the police": a gerund's "by" is its doer
        for c in head.children:
            if c.dep_ in en.PREPOSITIONS and c.lower_ == "by":
                out.update(x for g in c.children if g.dep_ in en.PREP_OBJECTS for x in _nominal_lemmas(g))
    if (
        not out
        and head.dep_ in en.CLAUSAL_MODIFIERS
        and (head.tag_ == "VBG" or any(c.dep_ in en.OBJECTS for c in head.children))
    ):
        # "police firing", "troops shooting at the crowd": the noun the participle modifies does it
        return _nominal_lemmas(head.head)
    if not out and (head.pos_ in ("NOUN", "PROPN") or head.tag_ == "VBG"):
        # a headline verb tagged a noun ("Regime forces advance"), a gerund ("the police firing")
        for c in head.children:
            if c.dep_ in en.COMPOUNDS:
                out.update(_nominal_lemmas(c))
    if not out and head.pos_ == "NOUN" and head.dep_ in en.OBJECTS and head.head.pos_ == "VERB":
        return subject_lemmas(head.head)  # "police launched raids": the doer of the verb that tells it
    return out


def object_controller(verb: Token) -> Token | None:
    """The object of the verb an infinitive or a gerund complements, which is its doer: "forcing
    the police to open fire", "ordered the troops to withdraw", "criticised the police for opening
    fire", "arrested him for firing" (object control; "promised him to come" is too rare in news
    to weigh)."""
    if verb.dep_ in en.OPEN_COMPLEMENTS and verb.head.i < verb.i:
        matrix = verb.head
    elif (
        verb.dep_ in en.PREP_COMPLEMENTS
        and verb.head.dep_ in en.PREPOSITIONS
        and verb.head.lower_ in _CONTROL_PREPS
        and verb.head.head.i < verb.head.i
    ):
        matrix = verb.head.head
    else:
        return None
    if matrix.pos_ not in ("VERB", "AUX"):
        return None
    obj = next((c for c in matrix.children if c.dep_ in en.OBJECTS and c.i < verb.i), None)
    return obj if obj is not None and could_act(obj) else None


# Prepositions whose gerund the verb's object does: "blamed X for firing", "stopped X from
# marching", "forced X into retreating", "accused X of attacking" (not "after", "before", "by").
_CONTROL_PREPS = frozenset({"for", "from", "into", "of"})


def could_act(tok: Token) -> bool:
    """Can the noun phrase headed by ``tok`` do something: people, a body, a force, a named party
    ("the police", "troops", "him", "Hamas"), not a thing or an event ("rallies", "property")?"""
    if names_people(tok) or tok.ent_type_ in ("ORG", "NORP", "GPE", "PERSON"):
        return True
    from polemos.resolve.actors import get_dictionary  # the dictionary's words for parties

    ref = get_dictionary().resolve(tok.text, 0, len(tok.text))
    return ref.kind is not None or ref.name is not None


def _nominal_lemmas(tok: Token) -> set[str]:
    """A noun's lemma, its compounds and conjuncts; a quantity noun counts as what it counts
    ("hundreds of protesters" -> protester)."""
    out = {tok.lemma_.lower()}
    out.update(x.lemma_.lower() for x in tok.children if x.dep_ in en.COMPOUNDS | en.CONJUNCTS)
    if tok.lemma_.lower() in _QUANTITIES:
        for p in tok.children:
            if p.dep_ in en.PREPOSITIONS and p.lower_ == "of":
                out.update(g.lemma_.lower() for g in p.children if g.dep_ in en.PREP_OBJECTS)
    return out


def _constraints_ok(entry: Entry, head: Token, last: Token) -> bool:
    if entry.objects and not _objects_fit(entry.objects, objects_of(head, last), entry.type == "ACCUSE"):
        return False
    return not (entry.subjects and not subject_lemmas(head) & entry.subjects)


def _objects_fit(wanted: frozenset[str], objs: list[Token], stance: bool = False) -> bool:
    """``stance``: the words are what one criticises ("attacked his position"), not ground held."""
    for item in wanted:
        if item == "@none":
            if not objs:
                return True
        elif item == "@person":
            if any(names_people(o) for o in objs):
                return True
        elif " " in item:
            words = set(item.split())
            if any(words <= _phrase_lemmas(o) for o in objs):
                return True
        elif any(
            (o.lemma_.lower() == item or o.lower_ == item) and not (stance and _ground_held(o)) for o in objs
        ):
            return True
    return False


# A stance in the singular, ground a force holds in the plural: "attacked the minister's position
# on taxes", but "attacked al-Shabaab positions", "shelled rebel positions".
_HELD_IN_PLURAL = frozenset({"position"})


def _ground_held(tok: Token) -> bool:
    return (
        tok.lemma_.lower() in _HELD_IN_PLURAL
        and tok.tag_ == "NNS"
        and not any(c.dep_ in en.PREPOSITIONS and c.lower_ in ("on", "about", "over") for c in tok.children)
    )


def _phrase_lemmas(tok: Token) -> set[str]:
    """Lemmas of a noun and of the words that make it a compound ("tear-gas shells" -> tear, gas,
    shell), hyphenated parts split ("rubber-coated")."""
    out = {tok.lemma_.lower(), tok.lower_}
    stack = [c for c in tok.children if c.dep_ in en.COMPOUNDS | en.ADJECTIVAL_MODIFIERS | en.NOUN_MODIFIERS]
    while stack:
        c = stack.pop()
        out.update(c.lemma_.lower().split("-"))
        out.add(c.lower_)
        stack += [
            g for g in c.children if g.dep_ in en.COMPOUNDS | en.ADJECTIVAL_MODIFIERS | en.NOUN_MODIFIERS
        ]
    return out


# Words for people that an arrest, a detention or a booking is made on (beside names, pronouns,
# numbers and the actor dictionary's words for people and groups).
_PEOPLE = frozenset(
    "person people man men woman women youth youngster boy girl child accused suspect culprit "
    "miscreant criminal offender activist worker leader member supporter volunteer cadre official "
    "councillor corporator mla mp minister officer trader businessman student journalist driver "
    "resident villager local passenger thief robber smuggler dacoit goon gangster hooligan rioter "
    "protester protestor demonstrator agitator militant terrorist insurgent rebel extremist fundamentalist "
    "accomplice associate aide kingpin mastermind don operative agent spy informer "
    "parent father mother son daughter brother sister husband wife relative neighbour neighbor "
    "villager tribesman farmer fisherman labourer laborer employee staff colleague friend citizen "
    "pilgrim devotee priest monk nun imam cleric sadhu worshipper patient doctor nurse teacher "
    "family victim survivor refugee tourist civilian soldier policeman policewoman constable guard fighter "
    "other".split()
)
_NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve dozen dozens hundred hundreds "
    "thousand thousands several many few some".split()
)


def names_people(tok: Token) -> bool:
    """Does the noun phrase headed by ``tok`` name people (who can be arrested or booked)?"""
    if tok.ent_type_ in ("PERSON", "NORP"):
        return True
    if tok.tag_ == "PRP" and tok.lower_ not in ("it", "its"):
        return True
    low = tok.lemma_.lower()
    if low in _PEOPLE or tok.lower_ in _PEOPLE:
        return True
    if tok.like_num or low in _NUMBER_WORDS:  # "the three were arrested", "over 100 were held"
        return not any(c.dep_ in en.PREPOSITIONS for c in tok.children) or any(
            names_people(g)
            for p in tok.children
            if p.dep_ in en.PREPOSITIONS
            for g in p.children
            if g.dep_ in en.PREP_OBJECTS
        )
    # a name the model does not know in lower-case text ("bilal was booked"): a proper noun that no
    # place or date entity claims
    return tok.pos_ == "PROPN" and tok.ent_type_ in ("", "PERSON") and not tok.is_stop


def _pos_ok(entry: Entry, head: Token) -> bool:
    if entry.pos == "ANY":
        return True
    if entry.pos == "VERB":
        if participle_as_noun(head):
            return False
        return (
            head.pos_ in ("VERB", "AUX")
            or (head.pos_ == "NOUN" and head.tag_ == "VBG")
            or _verb_as_noun(head)
        )
    if head.pos_ == "PROPN":  # a title-case headline's noun, not a name ("Rally's", "Storm Shadow")
        # in a title-case line the model's names are guesses: only the actor dictionary's count
        return head.ent_type_ not in _NAME_LABELS or (not head.ent_id_ and _title_case(head.sent))
    if head.pos_ == "VERB" and head.lemma_.lower().endswith(_NOUN_SUFFIXES):
        return True  # a noun the tagger took for a verb: "Mapping human rights violations"
    return head.pos_ == "NOUN" or (head.pos_ == "VERB" and head.tag_ in ("NNS", "NN"))


def _verb_as_noun(head: Token) -> bool:
    """A verb the tagger took for a noun, as the month: "supporters of the president march in the
    capital" (the clause's head, with a subject of its own, written in lower case)."""
    return (
        head.pos_ in ("NOUN", "PROPN")
        and head.dep_ in en.ROOTS
        and head.is_lower
        and any(c.dep_ in en.SUBJECTS and c.i < head.i for c in head.children)
    )


# Determiners that make a participle a noun for people: "the accused", "the injured", "those detained".
_NOMINAL_DETERMINERS = frozenset("the these those all".split())
# Verb companions a participle used as a noun never has.
_VERB_COMPANIONS = en.OBJECTS | en.AGENTS | en.AUXILIARIES | en.PASSIVE_AUXILIARIES | en.DATIVES


def participle_as_noun(head: Token) -> bool:
    """A participle standing as a noun for the people it describes: "placed the accused under
    arrest", "the injured were shifted to hospital", "the wounded included": people, no event of
    the sentence."""
    if head.tag_ not in ("VBN", "VBD", "JJ") or head.dep_ not in (
        en.ANY_SUBJECTS | en.OBJECTS | en.PREP_OBJECTS | en.CONJUNCTS
    ):
        return False
    if head.dep_ in en.CONJUNCTS and head.head.pos_ in ("VERB", "AUX"):
        return False  # "were killed and injured": a verb coordinated with a verb
    children = list(head.children)
    if any(c.dep_ in _VERB_COMPANIONS for c in children):
        return False
    return any(
        c.dep_ in en.DETERMINERS and c.lower_ in _NOMINAL_DETERMINERS and c.i < head.i for c in children
    )


_RESULT_RELATIONS = (
    en.CLAUSAL_COMPLEMENTS | en.OBJECT_PREDICATES | en.CLAUSAL_MODIFIERS | en.ADJECTIVAL_COMPLEMENTS
)


def left_as_result(head: Token) -> bool:
    """ "the blast left at least 5 soldiers wounded", "left 30 people injured": the state the deed
    left them in, told by the deed; no event of its own."""
    if head.dep_ not in _RESULT_RELATIONS or head.tag_ not in ("VBN", "JJ"):
        return False
    verb = head.head
    if head.dep_ in en.CLAUSAL_MODIFIERS and verb.dep_ in en.OBJECTS:
        verb = verb.head  # "left [30 people injured]"
    return verb.lemma_.lower() == "leave" and verb.i < head.i


def _title_case(sent: SpacySpan) -> bool:
    """A headline written in title case ("Sexual Violence and War Crime Case in Burma")."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return (
        is_headline(sent) and len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.8 * len(words)
    )


def _no_agent(entry: Entry, head: Token) -> bool:
    """Does the trigger report an accident or a natural hazard rather than anyone's act?"""
    if entry.type not in ("ASSAULT", "COERCE"):
        return False
    hazards, modifiers = non_agents(), accident_modifiers()
    if head.pos_ in ("VERB", "AUX"):
        causes = subject_lemmas(head)
        if (
            not causes and head.dep_ in en.ADVERBIAL_CLAUSES
        ):  # "an earthquake leveled villages, killing hundreds"
            causes = subject_lemmas(head.head)
        if not causes:
            # no doer named: "injured in the flood", "… after downpours sent flash floods"
            for c in head.children:
                if c.dep_ in en.PREPOSITIONS | en.AGENTS and c.lower_ in ("in", "by", "from", "during"):
                    # a gerund is an act, not a hazard: "killed in the police firing" (lemma "fire")
                    causes |= {
                        g.lower_ if g.tag_ == "VBG" else g.lemma_.lower()
                        for g in c.children
                        if g.dep_ in en.PREP_OBJECTS
                    }
                if c.dep_ in en.ADVERBIAL_CLAUSES:
                    causes |= subject_lemmas(c)
                    causes |= {
                        g.lemma_.lower() for g in c.children if g.dep_ in en.OBJECTS | en.PASSIVE_SUBJECTS
                    }
        # "an industrial explosion injured nine": the doer's own modifiers say what it was
        mods = {
            m.lemma_.lower()
            for c in head.children
            if c.dep_ in en.SUBJECTS
            for m in c.children
            if m.dep_ in en.ADJECTIVAL_MODIFIERS | en.COMPOUNDS
        }
        return bool(causes & hazards or mods & modifiers)
    mods = {
        c.lemma_.lower()
        for c in head.children
        if c.dep_ in en.COMPOUNDS | en.ADJECTIVAL_MODIFIERS | en.NOUN_MODIFIERS | en.CONJUNCTS
    }
    if head.dep_ in en.CONJUNCTS:  # "a multi-vehicle crash and explosion"
        mods.add(head.head.lemma_.lower())
    return bool(mods & (hazards | modifiers))


_SKY = frozenset({"air", "sky"})


# Penalties that one "hits" or "slaps" someone with: a sanction, not a blow ("hits 13 Venezuelans
# with sanctions", "was slapped with a fine").
_PENALTIES = frozenset(
    "sanction embargo tariff duty fine penalty ban levy restriction charge indictment lawsuit".split()
)
# Words of an attack that make it one of words: "a scathing attack on the minister".
_VERBAL = frozenset(
    "scathing verbal blistering stinging withering vitriolic veiled sarcastic rhetorical virulent "
    "bitter sharp personal scurrilous caustic acerbic vituperative".split()
)
_HIT_WORDS = frozenset({"hit", "strike"})
# Economic penalties by name, and the finance authorities that impose them: what makes "targeted"
# a sanction wherever the sentence puts it ("targeted by US sanctions", "targeted in a new round of
# sanctions", "sanctions targeting 13 officials", "the Treasury targeted seven officials"); an
# administration (a civilian executive, not an army) that targets or hits people penalises them.
_SANCTION_NOUNS = frozenset("sanction embargo tariff penalty blacklist freeze".split())
_FINANCE_AUTHORITIES = frozenset("treasury ofac administration".split())


def _refined(entry: Entry, head: Token) -> Entry:
    """What the words around a trigger make of it:

    * an area "riot-hit" or "violence hit", a town "quake-struck": a description, no event;
    * "hit X with sanctions", "slapped with a fine": a SANCTION;
    * an attack that is "scathing", "verbal", or made on someone "for" or "over" something ("a
      direct attack on the prime minister for the violence", "attacked the government over the
      riots"): criticism, an ACCUSE;
    * shots fired in(to) the air are warning shots to scatter a crowd: crowd control, whatever the
      gun ("police fired ten rounds in the air", "opened fire in the air", "fire on air")."""
    if entry.type != "ASSAULT":
        return entry
    lemma = head.lemma_.lower()
    if lemma in _HIT_WORDS and head.tag_ in ("VBN", "VBD", "JJ") and _compound_adjective(head):
        return replace(entry, type="NONE")
    if lemma == "strike" and head.pos_ == "NOUN" and _walkout(head):
        return replace(entry, type="PROTEST", mode="strike", standalone=True)
    if lemma in _HIT_WORDS | {"slap", "target", "punish"} and _with_penalty(head):
        return replace(entry, type="SANCTION", mode=None)
    if lemma in ("attack", "assault") and _verbal_attack(head):
        return replace(entry, type="ACCUSE", mode=None)
    if entry.mode not in (None, "firearms", "heavy-weapons"):
        return entry
    around = [head, *(c for c in head.children if c.dep_ in en.OBJECTS | en.PASSIVE_SUBJECTS)]
    for tok in around:
        for prep in tok.children:
            skyward = prep.dep_ in en.PREPOSITIONS and prep.lower_ in (
                "in",
                "into",
                "on",
                "over",
                "towards",
                "toward",
            )
            if skyward and any(g.dep_ in en.PREP_OBJECTS and g.lemma_.lower() in _SKY for g in prep.children):
                return replace(entry, mode="crowd-control")
    return entry


# What a strike that is a walkout says of itself: how long ("a 48-hour strike", "a day-long
# strike"), how wide ("a general strike"), or who stops work ("a transport strike").
_WALKOUT = frozenset(
    "hour day week month long general nationwide nation-wide indefinite token labour labor worker "
    "workers union transport teacher doctor truckers trucker taxi rail railway dock miner".split()
)


# What an area is "hit" or "struck" by, written as one adjective with it even without the hyphen
# ("violence hit areas", "quake struck towns"), where the parse often reads a clause.
_AFFLICTIONS = frozenset(
    "violence riot riots flood floods quake earthquake drought terror conflict war cyclone storm tsunami "
    "recession strife insurgency militancy famine crisis disaster calamity".split()
)


def _compound_adjective(part: Token) -> bool:
    """ "riot-hit areas", "violence hit areas", "quake-struck towns": a place described by what
    befell it (a noun right before the participle, a noun right after it)."""
    if any(
        c.dep_ in en.NOUN_ADVERBIALS | en.COMPOUNDS and c.i in (part.i - 1, part.i - 2) for c in part.children
    ):
        return True
    doc = part.doc
    before = doc[part.i - 1] if part.i > 0 else None
    after = doc[part.i + 1] if part.i + 1 < len(doc) else None
    return (
        before is not None
        and after is not None
        and before.lower_ in _AFFLICTIONS
        and after.pos_ in ("NOUN", "ADJ")
        and not any(c.dep_ in en.DETERMINERS | en.POSSESSIVES for c in after.children)
    )


def _walkout(noun: Token) -> bool:
    mods = [
        c
        for c in noun.children
        if c.dep_ in en.COMPOUNDS | en.ADJECTIVAL_MODIFIERS | en.NOUN_MODIFIERS | en.POSSESSIVES
    ]
    words = {w for c in mods for w in (c.lemma_.lower(), c.lower_, *c.lower_.split("-"))}
    words |= {
        g.lemma_.lower()
        for c in mods
        for g in c.children
        if g.dep_ in en.COMPOUNDS | en.NOUN_ADVERBIALS | en.ADJECTIVAL_MODIFIERS
    }
    return bool(words & _WALKOUT)


def _with_penalty(verb: Token) -> bool:
    """ "hit X with sanctions" (the "with" phrase on the verb or, as parsed, on its object), and a
    blow dealt by an economic penalty wherever it stands: "targeted by US sanctions", "targeted in a
    new round of sanctions", "sanctions targeting X", "the sanctions target X", "the Treasury
    targeted X"."""
    if verb.dep_ in en.CLAUSAL_MODIFIERS | en.RELATIVE_CLAUSES and _sanction_word(verb.head):
        return True
    for subj in (c for c in verb.children if c.dep_ in en.SUBJECTS):
        if _sanction_word(subj) or subj.lemma_.lower() in _FINANCE_AUTHORITIES:
            return True
        if any(c.dep_ in en.COMPOUNDS and c.lemma_.lower() in _FINANCE_AUTHORITIES for c in subj.children):
            return True
    holders = [verb, *(c for c in verb.children if c.dep_ in en.OBJECTS | en.PASSIVE_SUBJECTS)]
    for prep in (p for h in holders for p in h.children if p.dep_ in en.PREPOSITIONS | en.AGENTS):
        for g in (g for g in prep.children if g.dep_ in en.PREP_OBJECTS):
            if prep.lower_ == "with" and g.lemma_.lower() in _PENALTIES:
                return True
            # "by the administration's sanctions", "in a new round of sanctions", "under the embargo"
            of = [x for p in g.children if p.dep_ in en.PREPOSITIONS and p.lower_ == "of" for x in p.children]
            if any(_sanction_word(x) for x in (g, *of)):
                return True
    return False


def _sanction_word(tok: Token) -> bool:
    return tok.lemma_.lower() in _SANCTION_NOUNS or tok.lower_.removesuffix("s") in _SANCTION_NOUNS


# Participles that make a compound adjective of an event word: "riot-hit areas", "war-torn towns",
# "violence-affected districts" describe a place; the riot or the war is no event of the sentence.
_DESCRIBING = frozenset("hit strike stricken affect torn tear ravage wrack batter scar prone ridden".split())


def _describes(head: Token) -> bool:
    part = head.head
    if head.dep_ not in en.NOUN_ADVERBIALS | en.COMPOUNDS | en.NOUN_MODIFIERS or part.i not in (
        head.i + 1,
        head.i + 2,
    ):
        return False
    if part.lemma_.lower() not in _DESCRIBING and part.lower_ not in _DESCRIBING:
        return False
    after = part.doc[part.i + 1] if part.i + 1 < len(part.doc) else None
    return after is not None and after.pos_ in ("NOUN", "PROPN", "ADJ")


# Who a verbal attack is made on: office holders, governments, parties ("attacked the government
# over the riots", "a direct attack on the prime minister for the violence"). A mob attacking a
# youth "for" something, or militants a village, stay assaults.
_POLITICAL = frozenset(
    "government minister party leadership opposition centre center administration president premier "
    "leader mp mla congress ally chief secretary spokesman cabinet regime".split()
)
# "for" and "over" phrases that say when, where or how long, not why
_NOT_A_REASON = frozenset(
    "time hour day night week month year minute while weekend border area region city town village "
    "territory course period stretch span moment".split()
)
_WHEN_OR_WHERE = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL", "QUANTITY"})


def _verbal_attack(head: Token) -> bool:
    """ "a scathing attack", "a verbal assault"; an attack on a government or an office holder "for"
    or "over" something ("attacked the government over the riots", "a direct attack on the prime
    minister for the violence"): blame for a reason is said, not done."""
    if any(
        c.dep_ in en.ADJECTIVAL_MODIFIERS | en.COMPOUNDS and c.lemma_.lower() in _VERBAL
        for c in head.children
    ):
        return True
    if any(c.dep_ in en.PASSIVE_SUBJECTS | en.PASSIVE_AUXILIARIES for c in head.children):
        return False  # "he was attacked for refusing to pay": a passive victim, not a critic
    attacked = [c for c in head.children if c.dep_ in en.OBJECTS] + [
        g
        for p in head.children
        if p.dep_ in en.PREPOSITIONS and p.lower_ in ("on", "against")
        for g in p.children
        if g.dep_ in en.PREP_OBJECTS
    ]
    if not any(_political(t) for t in attacked):
        return False
    # the reason may hang on the attack or, as parsed, on the one attacked
    for prep in (p for t in (head, *attacked) for p in t.children):
        if prep.dep_ not in en.PREPOSITIONS or prep.lower_ not in ("for", "over"):
            continue
        for g in prep.children:
            if g.dep_ in en.PREP_COMPLEMENTS or (
                g.dep_ in en.PREP_OBJECTS
                and g.ent_type_ not in _WHEN_OR_WHERE
                and g.lemma_.lower() not in _NOT_A_REASON
            ):
                return True
    return False


def _political(tok: Token) -> bool:
    words = {tok.lemma_.lower(), *(c.lemma_.lower() for c in tok.children if c.dep_ in en.COMPOUNDS)}
    if words & _POLITICAL:
        return True
    from polemos.resolve.actors import get_dictionary

    kind = get_dictionary().resolve(tok.text, 0, len(tok.text)).kind
    return kind in ("government", "political-party")


def _head_of(entry: Entry, window: list[Token]) -> Token:
    if entry.pos == "VERB":
        if "-" in entry.lemma and window[-1].pos_ == "VERB":
            return window[-1]  # "gang - raped": the verb is the last word
        return window[0]
    if entry.pos == "ANY":
        return window[0] if window[0].pos_ == "VERB" else window[-1]
    return window[-1]


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    return frozenset(w for key in load_lexicon() for w in key.split())


@lru_cache(maxsize=1)
def _irregular() -> dict[str, str]:
    return {r[0].strip().lower(): r[1].strip().lower() for r in read_tsv("irregular_forms.tsv")}


def verb_lemma(tok: Token) -> str:
    """A token's lemma, mended where the model's lemmatizer reduces a form wrongly ("staged" ->
    "stag", "raped" -> "rap"): the irregular-forms table first, then the model's lemma."""
    return _irregular().get(tok.lower_) or tok.lemma_.lower()


@lru_cache(maxsize=8192)
def guess_lemma(word: str) -> str:
    """A lexicon word that a capitalized or mis-tagged form inflects ("Executing" -> "execute",
    "Attacks" -> "attack"), else the word lower-cased. Headlines in title case come out of the
    tagger as proper nouns whose lemma is the word itself."""
    w = word.lower()
    vocab = _vocabulary()
    if w in vocab:
        return w
    if w in _irregular():
        return _irregular()[w]
    stems = []
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
                         ("es", ""), ("s", ""), ("d", "")):  # fmt: skip
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[: len(w) - len(suffix)] + repl
            stems.append(stem)
            if repl == "" and len(stem) > 3 and stem[-1] == stem[-2]:
                stems.append(stem[:-1])  # "shelled" -> "shell" is above; "kidnapped" -> "kidnap"
    return next((s for s in stems if s in vocab), w)


def _needs_fold(t: Token) -> bool:
    """Should this word also be read from a guessed lemma? When it is capitalized, tagged as a
    proper noun (title-case headlines) or a verb the lemmatizer left unreduced ("retook", "raped"
    -> "rap")."""
    vocab = _vocabulary()
    return (
        t.pos_ == "PROPN"
        or (t.text[:1].isupper() and t.lemma_ == t.text)
        or (t.pos_ == "VERB" and t.lemma_.lower() not in vocab and guess_lemma(t.text) in vocab)
    )


def _join(parts: list[str]) -> str:
    """Words joined as the lexicon writes them: hyphens glued ("cease - fire" -> "cease-fire")."""
    out = ""
    for w in parts:
        out += w if not out or out.endswith("-") or w == "-" else " " + w
    return out


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """Words an entry can start with (lexicon keys split at spaces and hyphens, surface forms)."""
    firsts = {re.split(r"[ -]", k)[0] for k in load_lexicon()} | {k.split()[0] for k in load_surface_forms()}
    return frozenset(firsts)


def is_headline(sent: SpacySpan) -> bool:
    """A short line that does not end in punctuation: where taggers often miss the verb."""
    words = [t for t in sent if not t.is_space]
    return 0 < len(words) <= 25 and not words[-1].is_punct


_DONE_TO = frozenset({"ASSAULT", "COERCE"})


def _split_phrases(
    tokens: list[Token],
    lemmas: list[str],
    lexicon: dict[str, tuple[Entry, ...]],
    matches: list[Match],
    taken: set[int],
) -> None:
    """Verb phrases with the object between their words: "took him into custody", "placed them under
    arrest", "rounded them up". Read from the parse (the particle, or the preposition and its object,
    hang on the verb), so only phrases the lexicon lists as verbs, whose words are not adjacent."""
    for tok in tokens:
        if tok.pos_ != "VERB" or tok.i in taken:
            continue  # a contiguous entry read first ("blew himself up")
        lemma = lemmas[tok.i - tokens[0].i]
        for c in tok.children:
            if c.i <= tok.i + 1 and c.dep_ not in en.OBJECTS:
                continue
            parts: list[Token] = []
            if c.dep_ in en.PARTICLES:
                parts = [c]
            elif c.dep_ in en.PREPOSITIONS:
                objs = [g for g in c.children if g.dep_ in en.PREP_OBJECTS and g.i == c.i + 1]
                parts = [c, *objs[:1]] if objs else []
            elif c.dep_ in en.OBJECTS:
                # "placed the accused under arrest": the parser may hang the phrase's preposition on
                # the object right before it
                prep = next((g for g in c.children if g.dep_ in en.PREPOSITIONS and g.i == c.i + 1), None)
                objs = [] if prep is None else [g for g in prep.children if g.dep_ in en.PREP_OBJECTS]
                parts = [prep, objs[0]] if prep is not None and objs and objs[0].i == prep.i + 1 else []
            if len(parts) < (1 if c.dep_ in en.PARTICLES else 2):
                continue
            key = _join([lemma, *(p.lemma_.lower() for p in parts)])
            for entry in lexicon.get(key, ()):
                # an act done to the object between ("took him into custody"); "pulled it out"
                # is no withdrawal
                if entry.pos != "VERB" or entry.type not in _DONE_TO or entry.lang != "en":
                    continue
                if not _constraints_ok(entry, tok, parts[-1]) or _no_agent(entry, tok):
                    continue
                # the phrase's own words read alone ("under arrest") are this event, not another
                words = {t.i for t in parts}
                matches[:] = [m for m in matches if not any(m.start <= w < m.end for w in words)]
                matches.append(Match(_refined(entry, tok), tok, tok.i, tok.i + 1))
                taken.update(t.i for t in (tok, *parts))
                break
            if tok.i in taken:
                break


def _time_after(last: Token) -> bool:
    """Is a phrase's last word a preposition whose object is a time ("fire on Monday")?"""
    if last.pos_ != "ADP" or last.dep_ not in en.PREPOSITIONS:
        return False
    return any(c.dep_ in en.PREP_OBJECTS and c.ent_type_ in ("DATE", "TIME") for c in last.children)


def find_triggers(sent: SpacySpan) -> list[Match]:
    """Lexicon entries in the sentence, longest match first, no two sharing a token."""
    lexicon = load_lexicon()
    forms = load_surface_forms()
    firsts = _first_words()
    headline = is_headline(sent)
    tokens = list(sent)
    # each word read three ways, once: its lemma, a guessed lemma where the tagger may be wrong,
    # and its surface form (for other languages)
    lemmas = [t.lemma_.lower() if t.text != "-" else "-" for t in tokens]
    folds = [guess_lemma(t.text) if t.text != "-" and _needs_fold(t) else None for t in tokens]
    surfaces = [surface(t) for t in tokens]
    # where an entry may start, read once: most words start none, and are skipped at every width
    starts = [
        i
        for i in range(len(tokens))
        if lemmas[i] in firsts or (folds[i] or "") in firsts or surfaces[i] in firsts
    ]
    matches: list[Match] = []
    taken: set[int] = set()
    for width in range(MAX_WORDS, 0, -1):
        for i in starts:
            if i + width > len(tokens):
                break
            window = tokens[i : i + width]
            if window[0].is_punct or window[-1].is_punct or any(t.i in taken for t in window):
                continue
            entries = lexicon.get(_join(lemmas[i : i + width]), ())
            folded = False
            if not entries and any(f is not None for f in folds[i : i + width]):
                pairs = zip(folds[i : i + width], lemmas[i : i + width], strict=True)
                alt = [f if f is not None else w for f, w in pairs]
                entries = lexicon.get(_join(alt), ())
                folded = bool(entries)
            entries += forms.get(" ".join(surfaces[i : i + width]), ())
            for entry in entries:
                head = _head_of(entry, window)
                pos_ok = _pos_ok(entry, head) or (
                    (folded or headline)
                    and entry.pos == "VERB"
                    and head.pos_ in ("NOUN", "PROPN", "ADJ")
                    and not head.ent_type_  # "Free Syrian Army", "Operation Desert Storm": names
                )
                if width > 1 and _time_after(window[-1]):
                    continue  # "firing on Monday": the day, not the one fired on
                if entry.lang != "en" or (pos_ok and _constraints_ok(entry, head, window[-1])):
                    entry = _refined(entry, head) if entry.lang == "en" else entry
                    if (
                        entry.type != "NONE"
                        and not _no_agent(entry, head)
                        and not _describes(head)
                        and not left_as_result(head)
                    ):
                        matches.append(Match(entry, head, window[0].i, window[-1].i + 1))
                    taken.update(t.i for t in window)
                    break
    _split_phrases(tokens, lemmas, lexicon, matches, taken)
    matches.sort(key=lambda m: m.start)
    return matches
