"""How fused events are shown on a terminal: the table of ``polemos events`` and ``polemos events show``.

Its own module so that ``polemos/cli/store.py`` (which lists events) and ``polemos/cli/fuse.py`` (which
adds commands to ``events``) do not import each other.
"""

from __future__ import annotations

import json
import sys
from typing import Any


def render_table(found: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    table.add_column("id", no_wrap=True, min_width=16)
    table.add_column("date", no_wrap=True, min_width=10)
    for col in ("type", "actors → targets", "where", "killed", "reports", "outlets"):
        table.add_column(col, overflow="fold")
    for e in found:
        who = " → ".join(x for x in (_names(e.get("actors")), _names(e.get("targets"))) if x)
        where = _names(e.get("locations"))
        killed = (e.get("counts") or {}).get("killed") or {}
        figure = "" if not killed else _figure(killed)
        outlets = ", ".join(dict.fromkeys(r.get("outlet") or "?" for r in e.get("reports") or []))
        kind = e["type"] + (f"/{e['mode']}" if e.get("mode") else "")
        table.add_row(
            e["id"],
            (e.get("date") or {}).get("start") or "",
            kind,
            who,
            where,
            figure,
            str(len(e.get("reports") or [])),
            outlets,
        )
    Console().print(table)
    Console(stderr=True).print(f"{len(found)} fused event(s)")


def _names(items: list[dict[str, Any]] | None) -> str:
    return ", ".join(str(i.get("name")) for i in items or [] if i.get("name"))


def _figure(c: dict[str, Any]) -> str:
    low, best, high = c.get("low"), c.get("best"), c.get("high")
    return str(best) if low == high == best else f"{best} ({low}–{high})"


def render_show(e: dict[str, Any], fmt: str | None) -> None:
    """One fused event: its fields, its figures with who gave them, its reports side by side."""
    if (fmt or ("text" if sys.stdout.isatty() else "json")) == "json":
        sys.stdout.write(json.dumps(e, ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    console = Console()
    date = e.get("date") or {}
    kind = e["type"] + (f"/{e['mode']}" if e.get("mode") else "")
    console.print(
        f"[bold]{e['id']}[/]  {kind}  {e.get('modality')}  "
        f"{date.get('start') or '?'}..{date.get('end') or '?'} ({date.get('precision')})"
    )
    for label, key in (("actors", "actors"), ("targets", "targets"), ("at", "locations")):
        if e.get(key):
            console.print(f"{label}: {_names(e[key])}")
    for kind_, c in (e.get("counts") or {}).items():
        if c:
            console.print(f"{kind_}: low {c.get('low')} best {c.get('best')} high {c.get('high')}")
            for claim in c.get("claims") or []:
                who = claim.get("claimant") or "(unattributed)"
                console.print(
                    f'    {claim.get("value")} "{claim.get("text")}" — {who}, via {claim.get("outlet")}'
                )
    for d in e.get("disagreements") or []:
        console.print(f"[yellow]reports differ on {d['field']}[/]: {', '.join(map(str, d['values']))}")
    fusion = e.get("fusion") or {}
    console.print(f"fusion: score {fusion.get('score')} · {'; '.join(fusion.get('reasons') or [])}")
    table = Table(header_style="bold", show_lines=True)
    for col in ("report", "outlet", "published", "type", "evidence"):
        table.add_column(col, overflow="fold")
    for r in e.get("reports") or []:
        table.add_row(
            f"{r.get('uid')}\n{r.get('article_id')}:{r.get('event_id')}",
            r.get("outlet") or "",
            r.get("published") or "",
            r.get("type") or "",
            (r.get("evidence") or {}).get("text") or "",
        )
    console.print(table)
    for h in fusion.get("history") or []:
        what = f"took {h.get('report')} out" if h["op"] == "split" else f"merged {', '.join(h['fused_ids'])}"
        console.print(
            f"[bold]{h['op']}[/] by {h['who']} at {h['when']}: {what}"
            + (f" — {h['why']}" if h.get("why") else "")
        )
