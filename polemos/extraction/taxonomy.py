"""ACLED event / sub-event types and CAMEO root codes for PLOVER events.

Sources: ACLED Codebook (event and sub-event type definitions); the PLOVER CAMEO crosswalk
(CAMEO2PLOVER-2021) for which CAMEO root each PLOVER type comes from.
"""

from __future__ import annotations

CAMEO_ROOT = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07", "CONCEDE": "08",
    "RETREAT": "08", "REQUEST": "10", "ACCUSE": "11", "REJECT": "12", "THREATEN": "13", "PROTEST": "14",
    "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17", "ASSAULT": "18", "OTHER": "01",
}  # fmt: skip
_CLASH_WORDS = frozenset(
    ["clash", "fight", "fighting", "battle", "gunfight", "firefight", "skirmish", "vs", "combat", "exchange"]
)
_ARMED_KINDS = frozenset({"military", "police", "rebel", "militia", "terrorist-designated", "state"})


def cameo_root(type_: str, mode: str | None, trigger_lemma: str) -> str:
    if type_ == "ASSAULT" and trigger_lemma in _CLASH_WORDS:
        return "19"
    if type_ == "ASSAULT" and trigger_lemma in ("massacre",):
        return "20"
    return CAMEO_ROOT.get(type_, "01")


def acled_types(
    type_: str,
    mode: str | None,
    trigger_lemma: str,
    words: frozenset[str],
    actor_kind: str | None,
    target_kind: str | None,
) -> tuple[str, str] | None:
    """ACLED (event_type, sub_event_type) for an event, or None where ACLED has no such event.

    ``words``: lower-cased lemmas of the event's sentence, for instruments and circumstances."""
    if type_ == "ASSAULT":
        return _violent(mode, trigger_lemma, words, actor_kind, target_kind)
    if type_ == "PROTEST":
        if mode == "riot" or words & {"riot", "rioter", "loot", "clash", "stone", "torch", "vandalize"}:
            return "Riots", "Violent demonstration"
        if words & {"tear", "teargas", "disperse", "crackdown", "baton"}:
            return "Protests", "Excessive force against protesters"
        if words & {"arrest", "detain", "disperse"}:
            return "Protests", "Protest with intervention"
        return "Protests", "Peaceful protest"
    if type_ == "COERCE":
        if mode == "arrest":
            return "Strategic developments", "Arrests"
        if mode == "seize":
            if actor_kind in ("military", "police", "state", "government"):
                return "Battles", "Government regains territory"
            return "Battles", "Non-state actor overtakes territory"
        if mode == "destroy":
            return "Strategic developments", "Looting/property destruction"
        return None
    if type_ in ("AGREE",) or (type_ == "RETREAT" and mode == "ceasefire"):
        return "Strategic developments", "Agreement"
    if type_ == "RETREAT" and mode == "withdraw":
        return "Strategic developments", "Non-violent transfer of territory"
    if type_ == "MOBILIZE":
        return "Strategic developments", "Other"
    return None


def _violent(
    mode: str | None, lemma: str, words: frozenset[str], actor_kind: str | None, target_kind: str | None
) -> tuple[str, str]:
    remote = "Explosions/Remote violence"
    if "suicide" in words:
        return remote, "Suicide bomb"
    if mode in ("aerial", "drone") or words & {
        "airstrike",
        "warplane",
        "jet",
        "drone",
        "helicopter",
        "aircraft",
    }:
        return remote, "Air/drone strike"
    if words & {"chemical", "sarin", "chlorine", "gas"} and words & {"attack", "weapon"}:
        return remote, "Chemical weapon"
    if words & {"grenade"}:
        return remote, "Grenade"
    if mode == "heavy-weapons" or words & {"shell", "shelling", "artillery", "mortar", "rocket", "missile"}:
        return remote, "Shelling/artillery/missile attack"
    if mode == "explosives" or words & {"ied", "landmine", "mine", "bomb", "explosive", "blast", "explosion"}:
        return remote, "Remote explosive/landmine/IED"
    if mode == "abduct":
        return "Violence against civilians", "Abduction/forced disappearance"
    if mode == "sexual":
        return "Violence against civilians", "Sexual violence"
    if mode == "destroy":
        return "Strategic developments", "Looting/property destruction"
    if lemma in _CLASH_WORDS or (actor_kind in _ARMED_KINDS and target_kind in _ARMED_KINDS):
        return "Battles", "Armed clash"
    if target_kind in ("civilians", "protesters", None) and actor_kind not in _ARMED_KINDS:
        return "Violence against civilians", "Attack"
    if target_kind == "civilians":
        return "Violence against civilians", "Attack"
    return "Battles", "Armed clash"
