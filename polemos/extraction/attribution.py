"""Who says so: the claimant of each sentence.

In order of strength:
1. the sentence's own frame: "according to X", "X said (that) …", "…, said X", "a statement by X said";
2. a quotation: every sentence of a quote belongs to the speaker named where the quote closes
   ("“…,” said Kuralenko") or where it is introduced ("X said: “…”"); a quoted paragraph that goes
   on without a speaker continues the previous quote's speaker;
3. the paragraph: an unattributed sentence takes the claimant of the nearest attributed sentence of
   its paragraph (news writing attributes a paragraph once);
4. a headline credit ("… – Russian MoD") covers the headline and the lead.
Pronoun speakers ("he said") take the most recent named claimant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from polemos.extraction.doctext import doc_text
from polemos.extraction.roles import PRONOUNS, np_bounds
from polemos.lang.en import labels as en

REPORTING = frozenset(
    [
        "say",
        "tell",
        "report",
        "state",
        "announce",
        "claim",
        "add",
        "note",
        "stress",
        "confirm",
        "allege",
        "insist",
        "declare",
        "write",
        "explain",
        "assert",
        "contend",
        "argue",
        "maintain",
        "reveal",
        "disclose",
        "acknowledge",
        "admit",
        "affirm",
        "emphasize",
        "emphasise",
    ]
)
_STATEMENT_NOUNS = frozenset(
    [
        "statement",
        "report",
        "communique",
        "communiqué",
        "release",
        "announcement",
        "source",
        "sources",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "official",
        "officials",
    ]
)
_NOT_REPORTED = frozenset("responsibility credit victory".split())
_OPEN_QUOTES = '“"«'
_CLOSE_QUOTES = '”"»'
_HEADLINE_CREDIT = re.compile(r"\s[–—-]\s*([^\W\d][^–—\n]{1,60}?)\s*$")


@dataclass(frozen=True)
class Claimant:
    start: int  # character offsets of the claimant mention
    end: int
    reporting_verb: int | None = None  # token index of "said", to keep its date apart from events


def sentence_claimants(doc: Doc, sents: list[SpacySpan], title_end: int | None) -> list[Claimant | None]:
    """One claimant (or None) per sentence, aligned with ``sents``."""
    own = [_own_claimant(s) for s in sents]
    unknown = _resolve_pronouns(doc, own)
    result = list(own)
    _carry_quotes(doc, sents, result, unknown)
    _fill_paragraphs(doc, sents, result, unknown)
    _headline_credit(doc, sents, result, title_end)
    return result


def reporting_verbs(sent: SpacySpan) -> list[Token]:
    return [t for t in sent if t.lemma_.lower() in REPORTING and t.pos_ == "VERB"]


def _own_claimant(sent: SpacySpan) -> Claimant | None:
    for tok in sent:
        # "according to X"
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
            objs = [c for c in tok.nbor().children if c.dep_ in en.PREP_OBJECTS]
            if objs:
                return _claimant(objs[0], None)
    for verb in reporting_verbs(sent):
        if any(c.dep_ in en.OBJECTS and c.lemma_.lower() in _NOT_REPORTED for c in verb.children):
            continue  # "claimed responsibility for the attack" is a deed, not a report
        subj = next((c for c in verb.children if c.dep_ in en.ANY_SUBJECTS), None)
        if subj is None:
            subj = _inverted_speaker(verb)
        if subj is None and verb.dep_ in en.CONJUNCTS:
            # "the Ministry denied … and said …": the coordinated verb shares the subject
            subj = next((c for c in verb.head.children if c.dep_ in en.SUBJECTS), None)
        if subj is None:
            continue
        if subj.tag_ in ("WP", "WDT") and verb.dep_ in en.RELATIVE_CLAUSES | en.CLAUSAL_MODIFIERS:
            subj = verb.head  # "de Mistura, who stated that …": the antecedent speaks
        if subj.dep_ in en.PASSIVE_SUBJECTS:  # "it was reported by X"
            agent = next(
                (
                    o
                    for c in verb.children
                    if c.dep_ in en.AGENTS
                    for o in c.children
                    if o.dep_ in en.PREP_OBJECTS
                ),
                None,
            )
            if agent is None:
                continue
            subj = agent
        return _claimant(_speaker_of(subj), verb.i)
    return None


def _inverted_speaker(verb: Token) -> Token | None:
    """ "…, reported the Russian Foreign Ministry." / "…, said Kuralenko": the speaker after the verb,
    which the parser may take for an object."""
    if verb.i == 0 or verb.doc[verb.i - 1].text not in (",", "”", '"', "’"):
        return None
    for child in verb.children:
        if child.dep_ in en.OBJECTS | en.ATTRIBUTES | en.NOUN_ADVERBIALS | en.SUBJECTS and child.i > verb.i:
            return child
    return None


def _speaker_of(subj: Token) -> Token:
    """ "a statement by X" / "X's statement" -> X; "head of Y, Z" stays head (it names the body)."""
    if subj.lemma_.lower() in _STATEMENT_NOUNS:
        for child in subj.children:
            if child.dep_ in en.POSSESSIVES:
                return child
            if child.dep_ in en.PREPOSITIONS and child.lower_ in ("by", "from", "of"):
                for obj in child.children:
                    if obj.dep_ in en.PREP_OBJECTS:
                        return obj
    return subj


def _claimant(token: Token, verb: int | None) -> Claimant:
    start, end = np_bounds(token, max_right=8)
    doc = token.doc
    for conj in token.children:  # "the United States and Saudi Arabia said": both speak
        if conj.dep_ in en.CONJUNCTS and conj.i > token.i:
            end = max(end, np_bounds(conj, max_right=8)[1])
    return Claimant(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), verb)


def _is_pronoun(doc: Doc, c: Claimant) -> bool:
    return doc_text(doc)[c.start : c.end].lower() in PRONOUNS


_ONE_PERSON = frozenset("he she".split())


def _resolve_pronouns(doc: Doc, own: list[Claimant | None]) -> set[int]:
    """A pronoun speaker is the last one named; "he" / "she" the last one person named, not a body
    or a plural ("delhi police sources said … he said he would meet the prime minister"). Returns
    the sentences whose pronoun speaker names no one before it: they have a speaker of their own,
    unknown, and take no other sentence's ("… urged calm. he said he would meet the prime minister.
    a railway spokesperson said …": not the spokesperson)."""
    last: Claimant | None = None
    last_person: Claimant | None = None
    unknown: set[int] = set()
    for i, c in enumerate(own):
        if c is None:
            continue
        if _is_pronoun(doc, c):
            one = doc_text(doc)[c.start : c.end].lower() in _ONE_PERSON
            ante = last_person if one else last
            own[i] = Claimant(ante.start, ante.end, c.reporting_verb) if ante else None
            if ante is None:
                unknown.add(i)
        else:
            last = c
            if _one_person(doc, c):
                last_person = c
    return unknown


def _one_person(doc: Doc, c: Claimant) -> bool:
    return one_person(doc, c.start, c.end)


def one_person(doc: Doc, start: int, end: int) -> bool:
    """A mention whose head word is singular and not the name of a body of people ("police"): one
    "he" or "she" may stand for."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return True
    head = span.root
    return head.tag_ not in ("NNS", "NNPS") and head.lower_ not in _BODIES


# Words for a body of people that take a singular verb or none: "police said", "the ministry said".
_BODIES = frozenset(
    "police cops constabulary ministry government army administration department agency "
    "committee office force forces sources".split()
)


def _quote_state(sent: SpacySpan) -> tuple[bool, bool]:
    """(opens inside or at a quote, a quote closes in it)."""
    text = sent.text.strip()
    # a sentence of punctuation alone (a stray closing mark) opens nothing
    opens = len(text) > 2 and text[0] in _OPEN_QUOTES
    closes = any(ch in _CLOSE_QUOTES for ch in text[1:])
    return opens, closes


def _carry_quotes(doc: Doc, sents: list[SpacySpan], result: list[Claimant | None], unknown: set[int]) -> None:
    """Give every sentence of a quotation its speaker. A quote ends at its closing mark or its
    paragraph; a quoted paragraph right after a quoted paragraph continues the same speaker."""
    paras = paragraph_ids(doc, sents)
    i, previous = 0, None  # previous: (speaker, paragraph where that quote ended)
    while i < len(sents):
        opens, _ = _quote_state(sents[i])
        # the parser may leave an opening mark as a sentence of its own: the quote opens after it
        lone = i > 0 and sents[i - 1].text.strip() in _OPEN_QUOTES and paras[i - 1] == paras[i]
        if not (opens or lone):
            i += 1
            continue
        j = i  # the quote runs to the first sentence where a quote mark closes, within the paragraph
        while j < len(sents) - 1 and not _quote_state(sents[j])[1] and paras[j + 1] == paras[i]:
            j += 1
        speaker = result[j]
        if speaker is None and i > 0 and sents[i - 1].text.rstrip().endswith(":"):
            speaker = result[i - 1]
        if speaker is None and previous is not None and previous[1] == paras[i] - 1:
            speaker = previous[0]  # a quoted paragraph continuing the last speaker
        for k in range(i, j + 1):
            if result[k] is None and speaker is not None and k not in unknown:
                result[k] = speaker
        if speaker is not None:
            previous = (speaker, paras[j])
        i = j + 1


def paragraph_ids(doc: Doc, sents: list[SpacySpan]) -> list[int]:
    ids, para = [], 0
    for i, s in enumerate(sents):
        if i and "\n" in doc_text(doc)[sents[i - 1].start_char : s.start_char]:
            para += 1
        ids.append(para)
    return ids


def _fill_paragraphs(
    doc: Doc, sents: list[SpacySpan], result: list[Claimant | None], unknown: set[int]
) -> None:
    """A sentence with no speaker of its own takes the nearest one of its paragraph, before or
    after it (ties: the one before); a sentence whose own speaker is unknown ("he said", no one
    named before) is where that reach ends on its side."""
    paras = paragraph_ids(doc, sents)
    filled = list(result)
    for i, c in enumerate(result):
        if c is not None or i in unknown:
            continue
        found = []
        for side in (range(i - 1, -1, -1), range(i + 1, len(result))):
            j = next((j for j in side if paras[j] != paras[i] or result[j] is not None or j in unknown), None)
            if j is not None and paras[j] == paras[i] and j not in unknown:
                found.append((abs(j - i), j))
        best = result[min(found)[1]] if found else None
        filled[i] = Claimant(best.start, best.end, None) if best else None
    result[:] = filled


def _headline_credit(
    doc: Doc, sents: list[SpacySpan], result: list[Claimant | None], title_end: int | None
) -> None:
    """ "Headline – Russian MoD": the credit covers the headline and the lead."""
    if not sents or title_end is None:
        return
    m = _HEADLINE_CREDIT.search(doc_text(doc)[:title_end])
    if not m or len(m.group(1).split()) > 5:
        return
    credit = Claimant(m.start(1), m.end(1), None)
    for i, s in enumerate(sents[:3]):
        if s.start_char < title_end:
            result[i] = credit
        elif result[i] is None:
            result[i] = credit
            break
        else:
            break
