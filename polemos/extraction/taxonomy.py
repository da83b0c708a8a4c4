"""ACLED event / sub-event types and CAMEO root codes for PLOVER events.

ACLED's sub-event types turn on things PLOVER's type and mode leave open: the instrument (aircraft,
artillery, a grenade, a roadside bomb, a suicide bomber), who acts on whom (armed men on armed men
is a clash, on civilians an attack, police on protesters excessive force or an intervention), and
what is taken (territory, weapons, people). This module reads them from the event's own words
(trigger, mode, the words of its sentence, the text of its doer and target); the word lists are
data (``data/acled_cues.tsv``), the order of the questions is here.

CAMEO roots come from ``data/cameo_roots.tsv``: PLOVER type and mode (and a few trigger lemmas)
to the CAMEO root they come from in the PLOVER crosswalk; else the type's own root, a column of
the event-type table (``polemos.contract.event_types``).

Sources: ACLED Codebook (event and sub-event type definitions); the PLOVER CAMEO crosswalk
(CAMEO2PLOVER-2021).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from polemos.contract.event_types import BATTLES, EVENT_TYPES, PROTESTS, REMOTE, RIOTS, STRATEGIC, VAC
from polemos.extraction.lexicon import read_tsv
from polemos.types import ActorRef

_ARMED_KINDS = frozenset({"military", "police", "rebel", "militia", "terrorist-designated", "state", "armed"})
_STATE_KINDS = frozenset({"military", "police", "state", "government"})
_COMMUNAL = frozenset(
    ["villager", "resident", "neighbour", "neighbor", "clan", "tribesman", "family", "herder"]
)
_WORD = re.compile(r"[\w'’-]+", re.UNICODE)


@lru_cache(maxsize=1)
def cues() -> dict[str, tuple[frozenset[str], tuple[tuple[str, ...], ...]]]:
    """Cue name -> (single words, multi-word phrases as word tuples)."""
    out = {}
    for row in read_tsv("acled_cues.tsv"):
        name, words = row[0].strip(), row[1] if len(row) > 1 else ""
        items = [w.strip().lower() for w in words.split(",") if w.strip()]
        single = frozenset(w for w in items if " " not in w)
        multi = tuple(tuple(w.split()) for w in items if " " in w)
        out[name] = (single, multi)
    return out


def has(cue: str, words: frozenset[str]) -> bool:
    """Does the word set hold the cue (a word of it, or every word of one of its phrases)?"""
    single, multi = cues()[cue]
    return bool(single & words) or any(all(w in words for w in phrase) for phrase in multi)


def text_words(text: str | None) -> frozenset[str]:
    """Lower-cased words of a text, with plain plural forms folded ("soldiers" -> "soldier")."""
    if not text:
        return frozenset()
    out: set[str] = set()
    for w in _WORD.findall(text.lower()):
        out.add(w)
        if len(w) > 3 and w.endswith("ies"):
            out.add(w[:-3] + "y")
        elif len(w) > 3 and w.endswith("es"):
            out.update((w[:-1], w[:-2]))
        elif len(w) > 2 and w.endswith("s"):
            out.add(w[:-1])
    return frozenset(out)


def _party(kind: str | None, text: str | None) -> str | None:
    """'armed', 'civilian' or None for a doer or target, from its dictionary kind, else its words."""
    if kind in _ARMED_KINDS:
        return "armed"
    if kind in ("civilians", "civilian", "protesters"):
        return "civilian"
    words = text_words(text)
    if not words:
        return None
    if has("armed", words):
        return "armed"
    if has("civilian", words) or has("protest", words):
        return "civilian"
    return None


def _is_state(kind: str | None, text: str | None) -> bool:
    if kind in _STATE_KINDS:
        return True
    if kind in ("rebel", "militia", "terrorist-designated"):
        return False
    words = text_words(text)
    non_state = {"rebel", "opposition", "militant", "insurgent", "jihadist", "islamic", "is", "isis", "isil"}
    return has("state", words) and not words & non_state


# ---------------------------------------------------------------- CAMEO


@lru_cache(maxsize=1)
def _cameo_table() -> dict[tuple[str, str, str], str]:
    return {
        (r[0].strip(), r[1].strip(), r[2].strip()): r[3].strip()
        for r in read_tsv("cameo_roots.tsv")
        if len(r) >= 4
    }


# ACLED sub-events of an ASSAULT that are CAMEO's conventional military force (19) or weapons of
# mass destruction (20); the others stay unconventional violence (18).
_CONVENTIONAL = frozenset(
    [
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Air/drone strike",
        "Shelling/artillery/missile attack",
    ]
)


# Material cooperation: CAMEO codes a promise or plan of one as an intent to cooperate (03x:
# "will free 150 prisoners" is 0353, "pledged aid" 033), and a threat of any act as 13.
_COOPERATIVE = frozenset(["COOPERATE", "AID", "CONCEDE", "RETREAT"])


def cameo_root(
    type_: str,
    mode: str | None,
    trigger_lemma: str,
    acled: tuple[str, str] | None = None,
    modality: str | None = None,
) -> str:
    """CAMEO root code (two digits) of a PLOVER event: by trigger lemma, else type and mode, else
    type; an ASSAULT's ACLED sub-event (when known) tells conventional force (19) from
    unconventional violence (18) where the words alone do not. A planned or proposed cooperative
    act is CAMEO's intent to cooperate (03); a threatened act is a threat (13)."""
    if modality == "threatened":
        return "13"
    if modality in ("planned", "proposed") and type_ in _COOPERATIVE:
        return "03"
    table = _cameo_table()
    m = mode or "-"
    keys = [(type_, m, trigger_lemma), (type_, "-", trigger_lemma)] + ([(type_, m, "-")] if mode else [])
    for key in keys:
        if key in table:
            return table[key]
    if type_ == "ASSAULT" and acled is not None:
        if acled[1] in _CONVENTIONAL:
            return "19"
        if acled[1] == "Chemical weapon":
            return "20"
    row = EVENT_TYPES.get(type_)  # the type's own root: a column of the event-type table
    return row.cameo if row is not None else "01"


# ---------------------------------------------------------------- ACLED


def acled_types(
    type_: str,
    mode: str | None,
    trigger_lemma: str,
    words: frozenset[str],
    actor_kind: str | None,
    target_kind: str | None,
    actor_ref: ActorRef | None = None,
    target_ref: ActorRef | None = None,
) -> tuple[str, str] | None:
    """ACLED (event_type, sub_event_type) for an event, or None where ACLED has no such event.

    ``words``: lower-cased lemmas and words of the event's sentence, for instruments and
    circumstances; ``actor_ref`` / ``target_ref``: the doer and target, when known (their words)."""
    row = EVENT_TYPES.get(type_)
    if row is None or not row.acled:  # the event-type table: ACLED codes no such event
        return None
    actor_text = actor_ref.text if actor_ref is not None else None
    target_text = target_ref.text if target_ref is not None else None
    words = words | {trigger_lemma}
    actor = _party(actor_kind, actor_text)
    target = _party(target_kind, target_text)
    state = _is_state(actor_kind, actor_text)
    target_words = text_words(target_text)
    if type_ == "ASSAULT":
        return _violent(mode, trigger_lemma, words, actor, target, state, actor_text, target_words)
    if type_ == "PROTEST":
        return _protest(mode, words, actor_text)
    if type_ == "COERCE":
        return _coerce(mode, trigger_lemma, words, state, target_words)
    if type_ == "RETREAT":
        if mode == "ceasefire" or (mode == "release" and words & {"exchange", "swap"}):
            return STRATEGIC, "Agreement"
        if mode == "withdraw":
            if has("territory", words) or words & {"handover", "hand", "control"}:
                return STRATEGIC, "Non-violent transfer of territory"
            return STRATEGIC, "Change to group/activity"
        if mode == "disarm":
            return STRATEGIC, "Change to group/activity"
        return None
    if type_ == "AGREE" or (type_ == "CONCEDE" and trigger_lemma == "surrender"):
        return STRATEGIC, "Agreement"
    if type_ == "MOBILIZE":
        if has("hq", words) and trigger_lemma in ("set", "establish", "build", "open", "create", "set up"):
            return STRATEGIC, "Headquarters or base established"
        return STRATEGIC, "Change to group/activity"
    return None


def _protest(mode: str | None, words: frozenset[str], actor_text: str | None) -> tuple[str, str] | None:
    if has("mob", words):
        return RIOTS, "Mob violence"
    if mode in ("riot", "vandalize", "obstruct") or has("riot_violence", words):
        return RIOTS, "Violent demonstration"
    if has("lethal", words) and has("state", words):
        return PROTESTS, "Excessive force against protesters"
    if has("intervention", words):
        return PROTESTS, "Protest with intervention"
    if mode in ("hunger", "boycott"):
        return None
    return PROTESTS, "Peaceful protest"


def _coerce(
    mode: str | None,
    lemma: str,
    words: frozenset[str],
    state: bool,
    target: frozenset[str],
) -> tuple[str, str] | None:
    protest = has("protest", words)
    if mode in ("arrest", "restrict") and protest:
        return PROTESTS, "Protest with intervention"
    if mode == "seize":
        if lemma in ("intercept", "defuse", "dismantle"):
            return STRATEGIC, "Disrupted weapons use"  # bombs defused, missiles and drones intercepted
        if has("weapon", target) or (not target and has("weapon", words) and has("defuse", words)):
            return STRATEGIC, "Disrupted weapons use"
        if has("territory", target) or (not target and has("territory", words)):
            if state:
                return BATTLES, "Government regains territory"
            return BATTLES, "Non-state actor overtakes territory"
        if has("civilian", target) or has("armed", target):
            return STRATEGIC, "Arrests"
        if has("weapon", words):
            return STRATEGIC, "Disrupted weapons use"
        return STRATEGIC, "Looting/property destruction"
    if mode == "arrest":
        return STRATEGIC, "Arrests"
    if mode in ("curfew", "martial-law"):
        return STRATEGIC, "Other"
    if mode == "destroy":
        return STRATEGIC, "Looting/property destruction"
    return None


def _instrument(mode: str | None, lemma: str, words: frozenset[str]) -> str | None:
    """The Explosions/Remote violence sub-event the words name, most specific first."""
    if mode == "suicide-attack" or has("suicide", words):
        return "Suicide bomb"
    if mode == "unconventional" or has("chemical", words):
        return "Chemical weapon"
    if mode in ("aerial", "drone"):
        return "Air/drone strike"
    if mode == "heavy-weapons" and not has("air", words):
        return "Shelling/artillery/missile attack"
    if has("air", words):
        return "Air/drone strike"
    if has("grenade", words):
        return "Grenade"
    if mode == "heavy-weapons" or has("artillery", words):
        return "Shelling/artillery/missile attack"
    if mode == "explosives" or has("explosive", words):
        return "Remote explosive/landmine/IED"
    return None


def _violent(
    mode: str | None,
    lemma: str,
    words: frozenset[str],
    actor: str | None,
    target: str | None,
    state: bool,
    actor_text: str | None,
    target_words: frozenset[str],
) -> tuple[str, str]:
    actor_words = text_words(actor_text)
    # demonstrations met with force, or turned violent
    if has("protest", words) and mode != "aerial":
        if (has("protest", actor_words) and has("riot_violence", words)) or has("clash", words):
            return RIOTS, "Violent demonstration"
        if (has("lethal", words) and "rubber" not in words) or mode == "beat":
            return PROTESTS, "Excessive force against protesters"
        if mode == "crowd-control" or has("intervention", words):
            return PROTESTS, "Protest with intervention"
        if has("riot_violence", words) and not state:
            return RIOTS, "Violent demonstration"
        return PROTESTS, "Excessive force against protesters"
    if mode == "crowd-control":
        # ACLED's intervention is in a peaceful protest; a mob being dispersed is rioting
        return (RIOTS, "Mob violence") if has("mob", words) else (PROTESTS, "Protest with intervention")
    if has("mob", words) or (actor == "civilian" and lemma in ("clash", "lynch", "beat")):
        return RIOTS, "Mob violence"
    if has("clash", words) and words & _COMMUNAL and not has("armed", words):
        return RIOTS, "Mob violence"  # villagers or residents fighting each other, no armed group
    if mode == "abduct":
        return VAC, "Abduction/forced disappearance"
    if mode == "sexual":
        return VAC, "Sexual violence"
    if mode == "destroy" and has("weapon", target_words) and not has("air", words):
        return STRATEGIC, "Disrupted weapons use"
    clash_words, _ = cues()["clash"]
    if lemma in clash_words and mode not in ("aerial", "drone", "heavy-weapons", "suicide-attack"):
        return BATTLES, "Armed clash"  # the trigger says fighting: context words name its weapons
    instrument = _instrument(mode, lemma, words)
    if instrument is not None:
        return REMOTE, instrument
    if has("sexual", words):
        return VAC, "Sexual violence"
    if has("abduct", words):
        return VAC, "Abduction/forced disappearance"
    if mode == "destroy" or (has("property", target_words) and not has("casualty", words)):
        return STRATEGIC, "Looting/property destruction"  # buildings, vehicles: nobody hurt
    if has("capture", words) and has("territory", words) and not has("clash", words):
        return (
            (BATTLES, "Government regains territory")
            if state
            else (
                BATTLES,
                "Non-state actor overtakes territory",
            )
        )
    if has("clash", words):
        return BATTLES, "Armed clash"
    if target == "armed" and actor != "civilian":
        return BATTLES, "Armed clash"
    if target == "civilian":
        return VAC, "Attack"
    if actor == "armed" and target is None and _count(words, "armed") >= 2 and not has("civilian", words):
        return BATTLES, "Armed clash"
    return VAC, "Attack"


def _count(words: Iterable[str], cue: str) -> int:
    single, _ = cues()[cue]
    return len(single & set(words))
