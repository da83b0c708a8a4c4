"""An event's date: which calendar expression of its sentence dates it, and what never does.

``find_times`` reads every expression on its own words; here the parse decides which one is the
event's. Not an event date: the date of a "said" frame ("said in a statement on Monday"), a span of
time the event runs over or counts from ("since 2014", "since the conflict began two years ago",
"until Friday", "over the past week", "so far this year"), and an era (decades, centuries). An event
told as past ("killed", "took place", a headline's "kills") is never after publication: an
expression the word cues put ahead ("on Friday ... where shoppers were due to gather") is read again
as past. ``date_sentences`` takes the date of a sentence that only dates the story's incident
("The attack took place on Saturday", "It happened late Friday") to that incident.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from polemos.extraction.attribution import Claimant
from polemos.extraction.doctext import doc_text
from polemos.extraction.drafts import SPEECH_ACTS, Draft
from polemos.lang.en import labels as en
from polemos.resolve.dates import as_past, date_range
from polemos.types import Span, TimeRef

# Words that open a span of time rather than a point in it ("since 2014", "until Friday").
_SPAN_OPENERS = frozenset({"since", "until", "till", "til"})
# "over the past week", "during the last month", "in the past year": a stretch of time
_DURATIVE = frozenset({"over", "during", "in", "for", "throughout", "within"})
_STRETCH = frozenset({"past", "last", "previous", "coming", "next"})
_FUTURE_AUX = frozenset(
    {"will", "'ll", "shall", "would", "'d", "may", "might", "could", "can", "should", "must"}
)
_PERFECT = frozenset({"have", "has", "had", "'ve", "was", "were"})
# a sentence that only dates an incident: "the attack took place on Saturday", "it happened late Friday"
_HAPPEN = frozenset({"happen", "occur", "unfold"})  # not "began": "the war began in 2011" is an era
_HARM_CLAUSE = frozenset("kill injure wound hurt maim claim leave".split())
_INCIDENT_WORDS = frozenset({"it", "this", "that", "incident", "violence", "fighting", "clash", "clashes"})


def event_date(
    d: Draft,
    sent: SpacySpan,
    times: Sequence[TimeRef],
    claimant: Claimant | None,
    published: date | None,
    others: Sequence[Draft] = (),
) -> TimeRef | None:
    """The time expression attached to the trigger's clause (else the nearest in the sentence) that
    dates the event itself, as past when the event is told as past. An expression attached to
    another event of the sentence is that one's ("The attack came a year after an assault in 2015
    killed 20"), and one attached to a toll's update dates the update ("the toll rose to 42 on
    Monday")."""
    from polemos.extraction.incidents import toll_verbs

    doc = sent.doc
    anchors = {d.head.i} | ({d.governor.i} if d.governor is not None else set())
    theirs = {o.head.i for o in others} | {o.governor.i for o in others if o.governor is not None}
    theirs -= anchors
    updates = {v.i for v in toll_verbs(sent)} - anchors
    attached: list[tuple[TimeRef, Token | None]] = []
    loose: list[tuple[TimeRef, Token | None]] = []
    for t in times:
        tok = doc.char_span(t.start, t.end, alignment_mode="expand")
        if tok is None or t.precision is None:  # "the 1990s", "the 20th century": an era
            continue
        root = tok.root
        path = [root, *root.ancestors]
        if _span_of_time(doc, t, path, anchors):
            recent = _recent_start(doc, t, published)
            if recent is None:
                continue
            t = recent  # noqa: PLW2901
        verb = next((a for a in path if a.pos_ in ("VERB", "AUX")), None)
        if (
            claimant is not None
            and claimant.reporting_verb is not None
            and verb is not None
            and verb.i == claimant.reporting_verb
            and not anchors & {a.i for a in path}
            and d.type not in SPEECH_ACTS
        ):
            continue  # "said in a statement on Monday": the statement's date, not the shelling's
        if _about_another_thing(path, anchors):
            continue  # "the hospital, which was built in 1990": the building's date, not the bombing's
        on_path = {a.i for a in path}
        if not anchors & on_path and (theirs & on_path or (verb is not None and verb.i in updates)):
            continue
        if _ahead(verb) and verb is not _clause_verb(d) and told_as_past(_clause_verb(d), d.in_headline):
            # "Rebels will attack on Friday, the commander warned": the attack's day, not the warning's
            continue
        (attached if anchors & on_path else loose).append((t, verb))
    pool = attached or loose
    if not pool:
        return None
    t, verb = min(pool, key=lambda tv: abs(tv[0].start - d.trigger.start))
    t = date_range(t, times, doc_text(doc))
    if (
        published is not None
        and t.start_date is not None
        and t.start_date > published
        and d.modality in ("asserted", "reported", "negated", "denied")
        and told_as_past(_clause_verb(d) or verb, d.in_headline)
        and not _ahead(verb)
    ):
        return as_past(t, published)
    return t


def _ahead(verb: Token | None) -> bool:
    """A verb told as still to come: "will attack", "is to meet", "plans to strike" (its own
    auxiliaries say so; the tense of the verb above it does not)."""
    if verb is None:
        return False
    aux = [c for c in verb.children if c.dep_ in en.AUXILIARIES]
    return any(a.lower_ in _FUTURE_AUX - {"would", "'d", "could", "can", "might", "may"} for a in aux) or any(
        a.lower_ == "to" for a in aux
    )


def _recent_start(doc: Doc, t: TimeRef, published: date | None) -> TimeRef | None:
    """ "killed since Friday": a run of days that began this past week stands as the event's date,
    from that day to publication (precision week); "since June", "since 2014" date nothing."""
    before = doc_text(doc)[max(0, t.start - 12) : t.start].lower().split()
    if not before or before[-1] != "since" or published is None or t.start_date is None:
        return None
    if t.precision != "day" or not 0 <= (published - t.start_date).days <= 7:
        return None
    return TimeRef(t.text, t.start, t.end, t.value, t.start_date, published, "week")


def _span_of_time(doc: Doc, t: TimeRef, path: list[Token], anchors: set[int]) -> bool:
    """ "since 2014", "since the conflict began two years ago", "until Friday", "over the past
    week", "so far this year": a stretch the event runs over or counts from, not its date."""
    before = doc_text(doc)[max(0, t.start - 24) : t.start].lower().split()
    if before and before[-1] in _SPAN_OPENERS:
        return True
    if before[-2:] == ["so", "far"] or before[-3:-1] == ["so", "far"]:
        return True
    words = t.text.lower().split()
    if before and before[-1] in _DURATIVE and words[:1] in (["the"], *[[w] for w in _STRETCH]):
        rest = words[1:] if words[0] == "the" else words
        if rest and rest[0] in _STRETCH:
            return True
    for tok in path:  # a clause opened by "since" / "until" between the expression and the event
        if tok.i in anchors:
            break
        if tok.lower_ in _SPAN_OPENERS and tok.dep_ in en.PREPOSITIONS | en.MARKERS | en.ADVERBIAL_MODIFIERS:
            return True
        if any(c.dep_ in en.MARKERS and c.lower_ in _SPAN_OPENERS for c in tok.children):
            return True
    return False


def _about_another_thing(path: list[Token], anchors: set[int]) -> bool:
    """Is the expression inside a relative clause ("the hospital, which was built in 1990", "the
    school that opened in 2005") or a participle ("a mosque built in the 16th century") telling of a
    noun other than the event, below the event's own words? Then it dates that clause. A clause on
    the event noun itself ("the bombing, which took place on Monday") or on another event noun
    dates that event, as before; and an expression whose path never reaches the event's words is
    left to the nearest-in-sentence reading, as before."""
    from polemos.extraction.events import is_event_noun

    for k, a in enumerate(path):
        if a.i in anchors:
            return False
        relative = a.dep_ in en.RELATIVE_CLAUSES or (a.dep_ in en.CLAUSAL_MODIFIERS and a.tag_ == "VBN")
        if relative and a.head.i not in anchors and a.head.pos_ in ("NOUN", "PROPN"):
            # "the bombing of the hospital, which wounded 30 on Monday": a clause of harm the parser
            # hangs on what was hit tells the deed
            if is_event_noun(a.head) or a.lemma_.lower() in _HARM_CLAUSE:
                return False
            return any(b.i in anchors for b in path[k + 1 :])
    return False


def _clause_verb(d: Draft) -> Token | None:
    """The verb that tells the event: the trigger, its governing verb ("launched an offensive"),
    or the verb of which the event noun is the subject ("the attack took place")."""
    if d.head.pos_ in ("VERB", "AUX"):
        return d.head
    if d.governor is not None:
        return d.governor
    if d.head.dep_ in en.ANY_SUBJECTS and d.head.head.pos_ in ("VERB", "AUX"):
        return d.head.head
    return None


def told_as_past(verb: Token | None, headline: bool = False) -> bool:
    """A verb in a past tense ("killed", "have shelled", "was attacked"), without a modal or "will";
    in a headline also the present ("Gunmen kill five"), as headlines tell what has happened."""
    if verb is None:
        return False
    aux = [c for c in verb.children if c.dep_ in en.AUXILIARIES | en.PASSIVE_AUXILIARIES]
    if any(a.lower_ in _FUTURE_AUX or a.tag_ == "MD" for a in aux):
        return False
    if any(a.lower_ == "to" for a in aux) or verb.dep_ in en.OPEN_COMPLEMENTS:
        return False  # "to attack", "plans to strike"
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ == "VBN":
        return (
            any(a.lower_ in _PERFECT for a in aux)
            or verb.dep_ in en.ROOTS | en.CONJUNCTS | en.CLAUSAL_COMPLEMENTS | en.ADVERBIAL_CLAUSES
        )
    if verb.tag_ in ("VBZ", "VBP") and verb.lower_ not in ("is", "are", "am", "'s", "'re"):
        return headline
    return False


def date_sentences(
    sents: Sequence[SpacySpan],
    times: Sequence[TimeRef],
    skip: set[int],
    published: date | None,
) -> list[tuple[int, TimeRef, Span]]:
    """Sentences that only date an incident told before them: (sentence index, its date, its span).

    "The attack took place on Saturday", "It happened late Friday, police said", "The incident
    occurred on Sunday night": a verb of happening whose subject is a pronoun or an incident word,
    with a date attached to it (never a "since" / "over the past week" span)."""
    out = []
    for i, sent in enumerate(sents):
        if i in skip:
            continue
        verb = next((t for t in sent if _is_happening(t)), None)
        if verb is None:
            continue
        mine = [
            t
            for t in times
            if sent.start_char <= t.start < sent.end_char and t.start_date is not None and t.precision
        ]
        doc = sent.doc
        for t in mine:
            tok = doc.char_span(t.start, t.end, alignment_mode="expand")
            if tok is None:
                continue
            path = [tok.root, *tok.root.ancestors]
            if verb not in path or _span_of_time(doc, t, path, {verb.i}):
                continue
            t = date_range(t, times, doc_text(doc))  # noqa: PLW2901
            if (
                published is not None
                and t.start_date is not None
                and t.start_date > published
                and told_as_past(verb)
            ):
                past = as_past(t, published)
                if past is None:
                    continue
                t = past  # noqa: PLW2901
            text = sent.text
            start = sent.start_char + len(text) - len(text.lstrip())
            end = sent.end_char - (len(text) - len(text.rstrip()))
            out.append((i, t, Span(start, end, doc_text(doc)[start:end])))
            break
    return out


_GRAIN = {"day": 0, "week": 1, "month": 2, "year": 3}


def finer_date(a: TimeRef | None, b: TimeRef | None) -> TimeRef | None:
    """The incident's date from two of its mentions: the first given, unless the other is finer
    and inside it ("this week", then "on Tuesday")."""
    if a is None or a.start_date is None:
        return b if b is not None and b.start_date is not None else a
    if b is None or b.start_date is None or a.end_date is None:
        return a
    finer = _GRAIN.get(b.precision or "", 9) < _GRAIN.get(a.precision or "", 9)
    return b if finer and a.start_date <= b.start_date <= a.end_date else a


def _is_happening(tok: Token) -> bool:
    from polemos.extraction.events import is_event_noun

    lemma = tok.lemma_.lower()
    place = lemma == "take" and any(c.dep_ in en.OBJECTS and c.lower_ == "place" for c in tok.children)
    if tok.pos_ != "VERB" or not (lemma in _HAPPEN or place):
        return False
    subj = next((c for c in tok.children if c.dep_ in en.ANY_SUBJECTS), None)
    if subj is None:
        return False
    return subj.lower_ in _INCIDENT_WORDS or subj.lemma_.lower() in _INCIDENT_WORDS or is_event_noun(subj)
