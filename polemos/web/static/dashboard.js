// The dashboard: the filter form drives the table (rows rendered by the server), the map and the timeline.
"use strict";
(() => {
  const form = document.getElementById("filters");
  const rows = document.getElementById("rows");
  const mapEl = document.getElementById("map");
  const intervalEl = document.getElementById("interval");
  const MAP_LIMIT = 1000;
  let map = null;
  let markers = null;
  let generation = 0;

  function params() {
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) p.set(k, v);
    return p;
  }

  function setupMap() {
    if (typeof L === "undefined" || typeof topojson === "undefined" || typeof L.markerClusterGroup === "undefined") {
      document.getElementById("map-missing").hidden = false;
      mapEl.hidden = true;
      return;
    }
    // maxZoom: the clusters need one, and no tile layer gives it while the offline borders are shown
    map = L.map(mapEl, { worldCopyJump: true, maxZoom: 18 }).setView([30, 20], 2);
    mapEl.pmMap = map; // for scripts and tests that look at the map
    const showZoom = () => (mapEl.dataset.zoom = String(map.getZoom()));
    map.on("zoomend", showZoom);
    showZoom();
    // the borders in a pane of their own under the markers' (they arrive after the markers may have)
    map.createPane("pm-borders").style.zIndex = "350";
    const borders = L.layerGroup().addTo(map);
    fetch("/vendor/world-atlas/countries-50m.json")
      .then((r) => r.json())
      .then((world) => {
        // shapes across the antimeridian drawn in one piece (static/geo.js)
        const land = PMGeo.wrapCountries(topojson.feature(world, world.objects.countries));
        L.geoJSON(land, {
          interactive: false,
          pane: "pm-borders",
          style: { color: "#6b7a8f", weight: 0.7, fillColor: "#eef1f4", fillOpacity: 1 },
          onEachFeature: (f, layer) => {
            layer.options.className = f.properties.pm_pole ? "pm-country pm-pole" : "pm-country";
            layer.once("add", () => (layer.getElement().dataset.name = f.properties.name || ""));
          },
        }).addTo(borders);
        mapEl.dataset.borders = String(land.features.length);
      });
    const osm = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 18,
      attribution: "© OpenStreetMap contributors",
    });
    L.control
      .layers(null, { "Country borders (Natural Earth, offline)": borders, "OpenStreetMap tiles (online)": osm })
      .addTo(map);
    // nearby places group into one circle (count inside, size by deaths) that opens on click or zoom
    markers = L.markerClusterGroup({
      maxClusterRadius: 45,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: clusterIcon,
    }).addTo(map);
  }

  function clusterIcon(cluster) {
    const children = cluster.getAllChildMarkers();
    const killed = children.reduce((s, m) => s + (m.options.pmKilled || 0), 0);
    const size = Math.round(Math.min(64, 26 + 3 * Math.sqrt(killed)));
    const title = `${children.length} places · ${killed ? `${killed} killed` : "no deaths reported"} (click to open)`;
    return L.divIcon({
      html: `<span title="${title}">${children.length}</span>`,
      className: "pm-cluster",
      iconSize: L.point(size, size),
    });
  }

  function killedOf(ev) {
    const k = ev.counts && ev.counts.killed;
    if (!k) return 0;
    return k.best ?? k.low ?? 0;
  }

  function popup(ev, loc, killed) {
    const where = [loc.name, loc.country].filter(Boolean).join(", ");
    const date = ev.date ? ev.date.start : "undated";
    return PM.el(
      "div",
      { class: "popup" },
      PM.el("strong", {}, ev.type, ev.mode ? ` (${ev.mode})` : ""),
      PM.el("br"),
      `${date} · ${where}`,
      PM.el("br"),
      killed ? `killed: ${PM.figure(ev.counts.killed)}` : "no deaths reported",
      PM.el("br"),
      PM.el("a", { href: `/event/${encodeURIComponent(ev.id)}` }, "open the event"),
    );
  }

  function drawMarkers(events, total) {
    if (!map) return;
    markers.clearLayers();
    const layers = [];
    let n = 0;
    for (const ev of events) {
      const killed = killedOf(ev);
      const radius = Math.min(30, 5 + 3 * Math.sqrt(killed));
      for (const loc of ev.locations || []) {
        if (loc.lat === null || loc.lon === null || loc.lat === undefined) continue;
        const m = L.circleMarker([loc.lat, loc.lon], {
          radius,
          color: PM.typeColor(ev.type),
          fillColor: PM.typeColor(ev.type),
          fillOpacity: 0.55,
          weight: 1.5,
          className: `pm-marker pm-type-${ev.type}`,
          pmKilled: killed,
        });
        m.bindPopup(() => popup(ev, loc, killed));
        layers.push(m);
        n += 1;
      }
    }
    markers.addLayers(layers);
    mapEl.dataset.markers = String(n);
    const shown = events.length < total ? ` (the newest ${events.length} of ${total} events)` : "";
    document.getElementById("map-count").textContent = `${n} places on the map${shown}.`;
    if (n) map.fitBounds(markers.getBounds().pad(0.3), { maxZoom: 8, animate: false });
  }

  // Empty days (or weeks) between the dated buckets, so the axis is time; only for spans a bar can show.
  function withGaps(buckets, interval) {
    if (buckets.length < 2) return buckets;
    const step = interval === "week" ? 7 : 1;
    const day = (k) => Date.parse(k + "T00:00:00Z") / 86400000;
    const first = day(buckets[0].key);
    const span = (day(buckets[buckets.length - 1].key) - first) / step;
    if (span > 400) return buckets;
    const byKey = new Map(buckets.map((b) => [b.key, b]));
    const out = [];
    for (let i = 0; i <= span; i++) {
      const key = new Date((first + i * step) * 86400000).toISOString().slice(0, 10);
      out.push(byKey.get(key) || { key, count: 0, killed: 0 });
    }
    return out;
  }

  function drawTimeline(stats) {
    const svg = document.getElementById("timeline");
    const NS = "http://www.w3.org/2000/svg";
    svg.replaceChildren();
    const buckets = withGaps(stats.timeline, stats.interval);
    svg.dataset.buckets = String(stats.timeline.length);
    const width = svg.clientWidth || 600;
    const height = 160;
    const pad = 18;
    if (!buckets.length) {
      const t = document.createElementNS(NS, "text");
      t.setAttribute("x", "10");
      t.setAttribute("y", "30");
      t.textContent = "No dated events.";
      svg.append(t);
      return;
    }
    const max = Math.max(...buckets.map((b) => b.count));
    const barW = Math.min(40, Math.max(1, (width - 2 * pad) / buckets.length - 2));
    buckets.forEach((b, i) => {
      if (!b.count) return; // a gap: an empty day or week keeps its place on the axis
      const h = ((height - 2 * pad) * b.count) / max;
      const rect = document.createElementNS(NS, "rect");
      rect.setAttribute("x", String(pad + i * (barW + 2)));
      rect.setAttribute("y", String(height - pad - h));
      rect.setAttribute("width", String(barW));
      rect.setAttribute("height", String(Math.max(1, h)));
      rect.setAttribute("class", "bar");
      rect.dataset.key = b.key;
      const title = document.createElementNS(NS, "title");
      title.textContent = `${stats.interval} of ${b.key}: ${b.count} events, ${b.killed} killed`;
      rect.append(title);
      rect.addEventListener("click", () => {
        const start = new Date(b.key + "T00:00:00Z");
        const end = new Date(start);
        if (stats.interval === "week") end.setUTCDate(end.getUTCDate() + 6);
        form.elements.since.value = b.key;
        form.elements.until.value = end.toISOString().slice(0, 10);
        refresh();
      });
      svg.append(rect);
    });
    const label = (x, anchor, text) => {
      const t = document.createElementNS(NS, "text");
      t.setAttribute("x", String(x));
      t.setAttribute("y", String(height - 3));
      t.setAttribute("text-anchor", anchor);
      t.setAttribute("class", "axis");
      t.textContent = text;
      svg.append(t);
    };
    label(pad, "start", buckets[0].key);
    label(width - pad, "end", buckets[buckets.length - 1].key);
    const byType = document.getElementById("by-type");
    byType.replaceChildren(
      ...stats.by_type.map((b) =>
        PM.el("li", {}, PM.el("span", { class: "swatch", style: `background:${PM.typeColor(b.key)}` }), ` ${b.key} ${b.count}`),
      ),
    );
  }

  async function refresh() {
    const mine = ++generation;
    const p = params();
    const qs = p.toString();
    history.replaceState(null, "", qs ? `/?${qs}` : "/");
    document.body.dataset.ready = "0";
    try {
      const [html, page, stats] = await Promise.all([
        fetch(`/fragments/events?${qs}`).then((r) => r.text()),
        PM.json(`/events?${qs}${qs ? "&" : ""}limit=${MAP_LIMIT}`),
        PM.json(`/stats?${qs}${qs ? "&" : ""}interval=${intervalEl.value}`),
      ]);
      if (mine !== generation) return;
      rows.innerHTML = html; // rendered and escaped by the server (templates/_rows.html)
      const t = rows.querySelector("#pm-total");
      document.getElementById("total").textContent = t ? `${t.dataset.total} matching` : "";
      drawMarkers(page.events, page.total);
      drawTimeline(stats);
    } catch (e) {
      rows.replaceChildren(PM.el("tr", { class: "empty" }, PM.el("td", { colspan: "9" }, `Error: ${e.message}`)));
    }
    document.body.dataset.ready = "1";
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    refresh();
  });
  form.addEventListener("change", () => refresh());
  intervalEl.addEventListener("change", () => refresh());
  setupMap();
  refresh();
})();
