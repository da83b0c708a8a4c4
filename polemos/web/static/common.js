// Shared helpers. Text from articles is only ever put into the page as text nodes (never innerHTML).
"use strict";
const PM = (() => {
  const config = JSON.parse(document.getElementById("pm-config").textContent);
  const KINDS = ["count", "date", "actor", "target", "place", "claimant", "trigger"];

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined) continue;
      // styles through the CSSOM: the Content-Security-Policy refuses style attributes
      if (k === "style") node.style.cssText = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function typeColor(type) {
    return config.types[type] || "#95a5a6";
  }

  // Marks of an article-level event: [start, end, kind] in article offsets.
  function eventMarks(ev) {
    const marks = [];
    const add = (o, kind) => {
      if (o && Number.isInteger(o.start) && Number.isInteger(o.end)) marks.push([o.start, o.end, kind]);
    };
    add(ev.actor, "actor");
    add(ev.target, "target");
    (ev.locations || []).forEach((l) => add(l, "place"));
    if (ev.date) add(ev.date.span, "date");
    Object.values(ev.counts || {}).forEach((c) => add(c, "count"));
    (ev.claims || []).forEach((c) => add(c.claimant, "claimant"));
    add(ev.trigger, "trigger");
    return marks;
  }

  // `text` starts at article offset `base`; returns a fragment with <mark> around each span.
  function highlighted(text, base, marks) {
    const end = base + text.length;
    const kept = marks
      .map(([s, e, k]) => [Math.max(s, base), Math.min(e, end), k])
      .filter(([s, e]) => s < e);
    const cuts = [...new Set([base, end, ...kept.flatMap(([s, e]) => [s, e])])].sort((a, b) => a - b);
    const frag = document.createDocumentFragment();
    for (let i = 0; i + 1 < cuts.length; i++) {
      const lo = cuts[i], hi = cuts[i + 1];
      const piece = text.slice(lo - base, hi - base);
      const kinds = [...new Set(kept.filter(([s, e]) => s <= lo && hi <= e).map(([, , k]) => k))]
        .sort((a, b) => KINDS.indexOf(a) - KINDS.indexOf(b));
      if (kinds.length) {
        const m = el("mark", { class: kinds.map((k) => "hl-" + k).join(" "), "data-kind": kinds[0] }, piece);
        frag.append(m);
      } else {
        frag.append(document.createTextNode(piece));
      }
    }
    return frag;
  }

  function figure(c) {
    if (!c) return "";
    if (c.low !== null && c.high !== null && c.low !== c.high) return `${c.low}–${c.high}`;
    if (c.best !== null) return `${c.best}${c.high === null && c.low !== null ? "+" : ""}`;
    return c.low !== null ? `${c.low}+` : "?";
  }

  async function json(url, options) {
    const response = await fetch(url, options);
    const body = await response.json();
    if (!response.ok || body.ok === false) {
      throw new Error(body.error ? `${body.error}${body.code ? ` [${body.code}]` : ""}` : response.statusText);
    }
    return body;
  }

  return { config, el, typeColor, eventMarks, highlighted, figure, json };
})();
