// Live updates: the dashboard polls the change feed (GET /changes) and, when events were added or
// updated, reloads its table, map and timeline through the filter form, marking those rows.
"use strict";
(() => {
  const rows = document.getElementById("rows");
  const form = document.getElementById("filters");
  const note = document.getElementById("live");
  if (!rows || !form || !note) return;
  const asked = Number(new URLSearchParams(location.search).get("live"));
  const every = 1000 * (asked >= 1 ? asked : 15); // ?live=SECONDS, for tests and busy desks
  const fresh = new Map(); // fused id -> "added" | "updated" since the page was opened
  let cursor = null;
  let busy = false;

  function mark() {
    for (const tr of rows.querySelectorAll("tr[data-id]")) {
      const op = fresh.get(tr.dataset.id);
      tr.classList.toggle("pm-new", op === "added");
      tr.classList.toggle("pm-updated", op === "updated");
      if (op && tr.cells.length && !tr.cells[0].querySelector(".pm-badge")) {
        tr.cells[0].prepend(PM.el("span", { class: `pm-badge pm-${op}` }, op === "added" ? "new" : "updated"), " ");
      }
    }
  }
  new MutationObserver(mark).observe(rows, { childList: true });

  async function poll() {
    if (busy) return;
    busy = true;
    try {
      const first = cursor === null;
      const page = await PM.json(`/changes?since=${first ? "now" : cursor}&limit=1000`);
      cursor = page.cursor;
      let seen = 0;
      for (const c of page.changes) {
        seen += 1;
        if (c.op === "added") fresh.set(c.id, "added");
        else if (c.op === "updated") fresh.set(c.id, fresh.get(c.id) === "added" ? "added" : "updated");
        else fresh.delete(c.id); // merged into another or removed: the reload shows what is left
      }
      if (seen) {
        const ops = [...fresh.values()];
        const added = ops.filter((o) => o === "added").length;
        note.textContent = `· ${added} new, ${ops.length - added} updated since this page was opened`;
        form.dispatchEvent(new Event("change")); // dashboard.js reloads the table, map and timeline
      }
      document.body.dataset.liveCursor = cursor;
      if (page.more) setTimeout(poll, 0);
    } catch (e) {
      note.textContent = "· live updates paused (the next try is in a moment)";
    } finally {
      busy = false;
    }
  }
  poll();
  setInterval(poll, every);
})();
