// The paste page: text to POST /extract, and each event drawn with its evidence spans marked.
"use strict";
(() => {
  const form = document.getElementById("paste");
  const status = document.getElementById("status");
  const out = document.getElementById("events");

  function row(label, value) {
    return value ? PM.el("div", { class: "kv" }, PM.el("span", { class: "k" }, label), " ", value) : null;
  }

  function who(a) {
    return a ? a.name || a.text : null;
  }

  function card(ev) {
    const evid = ev.evidence;
    const quote = PM.el("blockquote", { class: "evidence" });
    if (evid) quote.append(PM.highlighted(evid.text, evid.start, PM.eventMarks(ev)));
    const places = (ev.locations || [])
      .map((l) => [l.name || l.text, l.country].filter(Boolean).join(", "))
      .join("; ");
    const claims = (ev.claims || [])
      .map((c) => (c.claimant ? `${who(c.claimant)}${c.claimant.party ? " (party)" : ""}` : `${c.outlet || "outlet"}`))
      .join("; ");
    const counts = ["killed", "injured", "size"]
      .filter((k) => ev.counts && ev.counts[k])
      .map((k) => `${k} ${PM.figure(ev.counts[k])}`)
      .join(", ");
    return PM.el(
      "section",
      { class: "report", "data-type": ev.type },
      PM.el(
        "header",
        {},
        PM.el("span", { class: "type", style: `--c: ${PM.typeColor(ev.type)}` }, ev.type),
        ev.mode ? PM.el("span", { class: "mode" }, ` ${ev.mode}`) : null,
        ` ${ev.modality || ""}`,
      ),
      quote,
      row("Actor", who(ev.actor)),
      row("Target", who(ev.target)),
      row("Places", places),
      row("Date", ev.date ? `${ev.date.start}${ev.date.end !== ev.date.start ? " – " + ev.date.end : ""} (${ev.date.precision})` : null),
      row("Counts", counts),
      row("Claims", claims),
    );
  }

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const data = Object.fromEntries([...new FormData(form)].filter(([, v]) => v !== ""));
    status.textContent = "Reading…";
    document.body.dataset.ready = "0";
    try {
      const result = await PM.json("/extract", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(data),
      });
      out.replaceChildren(...result.events.map(card));
      if (!result.events.length) out.append(PM.el("p", {}, "No event found in this text."));
      document.getElementById("n-events").textContent = String(result.events.length);
      document.getElementById("result").hidden = false;
      status.textContent = `${result.events.length} events, ${result.places.length} places, ${result.times.length} dates.`;
    } catch (err) {
      status.textContent = `Error: ${err.message}`;
    }
    document.body.dataset.ready = "1";
  });
})();
