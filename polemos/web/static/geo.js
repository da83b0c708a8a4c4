// Country borders that read right on a flat world map: shapes that cross the antimeridian (180°)
// are drawn in one piece instead of the long way round the world.
//
// Natural Earth stores longitudes in [-180, 180], so a ring that crosses 180° (Russia's Chukotka,
// Fiji) jumps from +179.9 to -179.9, and Leaflet joins the two with a line across the whole map; a
// country whose islands lie on both sides (the Aleutians, the Chatham Islands, Kiribati) spans the
// whole width too. Here each ring is unwrapped (a jump of more than 180° between neighbours is taken
// the short way), a ring that goes round a pole (Antarctica) is closed along that pole, and each of a
// country's polygons is moved by a whole turn (±360°) to sit next to the country's largest polygon.
// Longitudes past ±180 are fine for Leaflet: such a shape is drawn just beyond the edge it touches.
"use strict";
window.PMGeo = (() => {
  // a ring with every step taken the short way round (no jump over 180°)
  function unwrapRing(ring) {
    const out = [];
    let prev = null;
    for (const [lon0, lat] of ring) {
      let lon = lon0;
      if (prev !== null) {
        while (lon - prev > 180) lon -= 360;
        while (lon - prev < -180) lon += 360;
      }
      out.push([lon, lat]);
      prev = lon;
    }
    return out;
  }

  // an unwrapped ring that does not come back to its start went once round a pole: close it along it
  function closeAroundPole(ring) {
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (Math.abs(last[0] - first[0]) < 180) return { ring, pole: false };
    const meanLat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
    const poleLat = meanLat < 0 ? -90 : 90;
    return { ring: [...ring, [last[0], poleLat], [first[0], poleLat], first], pole: true };
  }

  function extent(ring) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of ring) {
      if (p[0] < lo) lo = p[0];
      if (p[0] > hi) hi = p[0];
    }
    return [lo, hi];
  }

  function shift(ring, by) {
    return by ? ring.map(([lon, lat]) => [lon + by, lat]) : ring;
  }

  // the whole turn that puts a longitude's value nearest to `ref`
  function turnToward(lon, ref) {
    return 360 * Math.round((ref - lon) / 360);
  }

  function area(ring) {
    let a = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      a += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
    }
    return Math.abs(a / 2);
  }

  // [[outer, hole…], …] of one country → the same, unwrapped and placed beside its largest polygon;
  // `pole` when one ring goes round a pole (it then spans every longitude, as the land does)
  function placePolygons(polygons) {
    let pole = false;
    const prepared = polygons.map((rings) => {
      const out = rings.map((r) => {
        const closed = closeAroundPole(unwrapRing(r));
        pole = pole || closed.pole;
        return closed.ring;
      });
      const [lo, hi] = extent(out[0]);
      const mid = (lo + hi) / 2;
      const by = turnToward(mid, 0); // each polygon first centred in [-180, 180]
      const placed = out.map((r, i) => {
        if (i === 0) return shift(r, by);
        const [hlo, hhi] = extent(r); // a hole goes where its outer ring goes
        return shift(r, turnToward((hlo + hhi) / 2, mid + by));
      });
      return { rings: placed, mid: mid + by, area: area(out[0]) };
    });
    if (!prepared.length) return { polygons, pole };
    const ref = prepared.reduce((a, b) => (b.area > a.area ? b : a)).mid;
    const placed = prepared.map((p) => {
      const by = turnToward(p.mid, ref);
      return p.rings.map((r) => shift(r, by));
    });
    return { polygons: placed, pole };
  }

  // a GeoJSON FeatureCollection of countries (topojson.feature's) → the same, drawn in one piece
  function wrapCountries(collection) {
    const features = collection.features.map((f) => {
      const g = f.geometry;
      if (!g || (g.type !== "Polygon" && g.type !== "MultiPolygon")) return f;
      const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
      const { polygons, pole } = placePolygons(polys);
      const geometry = g.type === "Polygon"
        ? { type: "Polygon", coordinates: polygons[0] }
        : { type: "MultiPolygon", coordinates: polygons };
      return { ...f, geometry, properties: { ...f.properties, pm_pole: pole } };
    });
    return { ...collection, features };
  }

  return { unwrapRing, closeAroundPole, placePolygons, wrapCountries, extent };
})();
