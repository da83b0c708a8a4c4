"""The one table of event types: every place that needs to know a type reads its row here.

A new type is one row. ``tests/test_event_types.py`` fails when a consumer lacks a type: the PLOVER
list, fusion's families, the dashboard's colours, which counts the extractor keeps, the CAMEO
default root, and the ACLED event types the taxonomy may give.

Columns: ``family`` (reports fuse only within one; ``fuse.report``), ``colour`` (the dashboard's
marker and badge), ``counts`` (the figures an event of the type keeps: killed, injured, size;
``extraction.events``), ``crowd`` (a bare number of people is the size of its crowd), ``cameo``
(the CAMEO root when neither mode nor trigger says more; ``data/cameo_roots.tsv`` holds the finer
rows) and ``acled`` (the ACLED event types ``extraction.taxonomy`` may give one; none: ACLED does
not code such an event). Nothing here imports polemos, so ``polemos.types`` can read it.
"""

from __future__ import annotations

from dataclasses import dataclass

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"
COUNT_KINDS = ("killed", "injured", "size")
HARM = ("killed", "injured", "size")


@dataclass(frozen=True)
class EventType:
    name: str
    family: str
    colour: str
    counts: tuple[str, ...] = ()
    crowd: bool = False
    cameo: str = "01"
    acled: tuple[str, ...] = ()


# In PLOVER's order (the order ties between types are broken in, ``fuse.record``).
EVENT_TYPES: dict[str, EventType] = {
    t.name: t
    for t in (
        EventType("AGREE", "cooperation", "#3498db", cameo="03", acled=(STRATEGIC,)),
        EventType("CONSULT", "cooperation", "#5dade2", cameo="04"),
        EventType("SUPPORT", "cooperation", "#48c9b0", cameo="05"),
        EventType("CONCEDE", "cooperation", "#2ecc71", cameo="08", acled=(STRATEGIC,)),
        EventType("COOPERATE", "cooperation", "#2980b9", cameo="06"),
        EventType("AID", "cooperation", "#1abc9c", cameo="07"),
        EventType("RETREAT", "cooperation", "#27ae60", cameo="08", acled=(STRATEGIC,)),
        EventType("REQUEST", "cooperation", "#16a085", cameo="10"),
        EventType("ACCUSE", "verbal-conflict", "#a0522d", cameo="11"),
        EventType("REJECT", "verbal-conflict", "#795548", cameo="12"),
        EventType("THREATEN", "verbal-conflict", "#e67e22", cameo="13"),
        EventType("PROTEST", "protest", "#f1c40f", HARM, crowd=True, cameo="14", acled=(PROTESTS, RIOTS)),
        EventType("SANCTION", "verbal-conflict", "#7f8c8d", cameo="16"),
        EventType("MOBILIZE", "force", "#d35400", ("size",), crowd=True, cameo="15", acled=(STRATEGIC,)),
        EventType("COERCE", "force", "#8e44ad", HARM, cameo="17", acled=(BATTLES, PROTESTS, STRATEGIC)),
        EventType(
            "ASSAULT",
            "force",
            "#c0392b",
            HARM,
            cameo="18",
            acled=(BATTLES, REMOTE, VAC, PROTESTS, RIOTS, STRATEGIC),
        ),  # fmt: skip
        EventType("OTHER", "other", "#95a5a6"),
    )
}
