// The start page: search, filters, a map of located fused events on an offline SVG base
// map, a per-day timeline that filters the rest when brushed, the events table and the
// search results. Everything from the API is inserted with textContent.
"use strict";

const PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
let world = null;

function filters() {
  const f = new FormData(document.getElementById("filters"));
  const out = {};
  for (const [k, v] of f.entries()) if (String(v).trim()) out[k] = String(v).trim();
  return out;
}

function qs(obj) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(obj)) if (v) p.set(k, v);
  return p.toString();
}

// Equirectangular projection: x = lon, y = -lat in the SVG's user units.
function drawMap(events) {
  const map = document.getElementById("map");
  clear(map);
  const located = events.filter((e) => e.place && e.place.lat !== null && e.place.lon !== null);
  let [w, s, e, n] = [-180, -60, 180, 85];
  if (located.length) {
    const lons = located.map((v) => v.place.lon), lats = located.map((v) => v.place.lat);
    w = Math.min(...lons); e = Math.max(...lons); s = Math.min(...lats); n = Math.max(...lats);
    const cx = (w + e) / 2, cy = (s + n) / 2;
    const half = Math.max((e - w) / 2 + 8, (n - s) / 2 * 2 + 8, 14);
    w = cx - half; e = cx + half; s = cy - half / 2; n = cy + half / 2;
  }
  map.setAttribute("viewBox", [w, -n, e - w, n - s].join(" "));
  map.setAttribute("preserveAspectRatio", "xMidYMid meet");
  if (world) {
    const g = svg("g", { class: "land" });
    for (const c of world.countries) {
      let d = "";
      for (const r of c.rings) {
        // Rings that cross the antimeridian (Russia, Fiji) are cut where longitude jumps,
        // instead of being drawn as lines across the whole map.
        let cut = false;
        for (let i = 0; i + 1 < r.length; i += 2) {
          const jump = i > 0 && Math.abs(r[i] - r[i - 2]) > 180;
          cut = cut || jump;
          d += (i === 0 || jump ? "M" : "L") + r[i] + " " + (-r[i + 1]);
        }
        if (!cut) d += "Z";
      }
      const p = svg("path", { d });
      const t = svg("title");
      t.textContent = c.name;
      p.appendChild(t);
      g.appendChild(p);
    }
    map.appendChild(g);
  }
  const r = Math.max((e - w) / 120, 0.05);
  for (const ev of located) {
    const a = document.createElementNS(SVGNS, "a");
    a.setAttribute("href", "/event/" + encodeURIComponent(ev.id));
    const c = svg("circle", { cx: ev.place.lon, cy: -ev.place.lat, r, class: "marker",
      "stroke-width": r / 4, "data-event": ev.id, "data-type": ev.type });
    const t = svg("title");
    t.textContent = ev.type + " · " + (ev.date || "no date") + " · " + ev.place.name;
    c.appendChild(t);
    a.appendChild(c);
    map.appendChild(a);
  }
  document.getElementById("maphint").textContent = located.length + " of " + events.length + " events located";
}

// Per-day histogram; dragging selects a date range that becomes the from/to filter.
function drawTimeline(days, from, to) {
  const tl = document.getElementById("timeline");
  clear(tl);
  const keys = Object.keys(days).sort();
  const W = 600, H = 120, pad = 18;
  tl.setAttribute("viewBox", "0 0 " + W + " " + H);
  tl.setAttribute("preserveAspectRatio", "none");
  if (!keys.length) {
    const t = svg("text", { x: 10, y: 60, class: "axis" });
    t.textContent = "no dated events";
    tl.appendChild(t);
    tl.setAttribute("data-bars", "0");
    return;
  }
  const d0 = Date.parse(keys[0]), d1 = Date.parse(keys[keys.length - 1]);
  const n = Math.round((d1 - d0) / 86400000) + 1;
  const bw = (W - 2 * pad) / n;
  const max = Math.max(...Object.values(days));
  const dayAt = (x) => new Date(d0 + Math.max(0, Math.min(n - 1, Math.floor((x - pad) / bw))) * 86400000)
    .toISOString().slice(0, 10);
  let bars = 0;
  for (const k of keys) {
    const i = Math.round((Date.parse(k) - d0) / 86400000);
    const h = (H - 2 * pad) * days[k] / max;
    const inside = (!from || k >= from) && (!to || k <= to);
    const b = svg("rect", { x: pad + i * bw + bw * 0.1, y: H - pad - h, width: Math.max(bw * 0.8, 1), height: h,
      class: inside ? "bar" : "bar out", "data-day": k });
    const t = svg("title");
    t.textContent = k + ": " + days[k] + " event(s)";
    b.appendChild(t);
    tl.appendChild(b);
    bars++;
  }
  tl.setAttribute("data-bars", String(bars));
  for (const [x, label, anchor] of [[pad, keys[0], "start"], [W - pad, keys[keys.length - 1], "end"]]) {
    const t = svg("text", { x, y: H - 4, class: "axis", "text-anchor": anchor });
    t.textContent = label;
    tl.appendChild(t);
  }
  let start = null, brush = null;
  const xOf = (ev) => {
    const r = tl.getBoundingClientRect();
    return (ev.clientX - r.left) / r.width * W;
  };
  tl.onmousedown = (ev) => {
    start = xOf(ev);
    brush = svg("rect", { x: start, y: 0, width: 0, height: H, class: "brush" });
    tl.appendChild(brush);
  };
  tl.onmousemove = (ev) => {
    if (start === null) return;
    const x = xOf(ev);
    brush.setAttribute("x", Math.min(start, x));
    brush.setAttribute("width", Math.abs(x - start));
  };
  tl.onmouseup = (ev) => {
    if (start === null) return;
    const x = xOf(ev);
    const form = document.getElementById("filters");
    if (Math.abs(x - start) < 3) {
      form.elements.from.value = ""; form.elements.to.value = "";
    } else {
      form.elements.from.value = dayAt(Math.min(start, x));
      form.elements.to.value = dayAt(Math.max(start, x));
    }
    start = null;
    refresh();
  };
}

function drawEvents(page) {
  const tbody = document.querySelector("#events tbody");
  clear(tbody);
  for (const ev of page.items) {
    const src = ev.reports && ev.reports[0];
    tbody.appendChild(el("tr", { "data-event": ev.id },
      el("td", {}, eventLink(ev.id, ev.type), ev.mode ? el("div", { class: "hint" }, ev.mode) : null),
      el("td", {}, ev.date || ""),
      el("td", { class: "ar" }, parties(ev.actors)),
      el("td", { class: "ar" }, parties(ev.recipients)),
      el("td", { class: "ar" }, ev.place ? (ev.place.entity ? entityLink(ev.place.entity, ev.place.name) : ev.place.name) : ""),
      el("td", {}, fmtRange(ev.dead)),
      el("td", {}, fmtRange(ev.injured)),
      el("td", {}, String(ev.n_reports)),
      el("td", {}, el("span", { class: "badge stance-" + ev.stance }, ev.stance)),
      el("td", {}, src ? docLink(src.doc) : "")));
  }
  if (!page.items.length) {
    tbody.appendChild(el("tr", {}, el("td", { colspan: 10, class: "hint" }, "No events match.")));
  }
  document.getElementById("eventcount").textContent = page.total + " event(s)" +
    (page.total > page.items.length ? ", first " + page.items.length + " shown" : "");
}

function drawResults(f) {
  const list = document.getElementById("results");
  clear(list);
  const params = { q: f.q, from: f.from, to: f.to, type: f.type, per_page: 20 };
  document.getElementById("resultstitle").textContent = f.q ? "Search results" : "Documents";
  return api("/api/search?" + qs(params)).then((page) => {
    for (const hit of page.items) {
      const d = hit.document;
      const li = el("li", {}, docLink(d.id, d.title || d.id), " ",
        el("span", { class: "hint" }, [d.published, d.outlet, d.events + " events", d.entities + " entities"].filter(Boolean).join(" · ")));
      for (const sn of hit.snippets) {
        const p = el("div", { class: "snippet" });
        for (const part of sn) p.appendChild(part.hit ? el("mark", {}, part.text) : document.createTextNode(part.text));
        li.appendChild(p);
      }
      list.appendChild(li);
    }
    if (!page.items.length) list.appendChild(el("li", { class: "hint" }, "Nothing found."));
  });
}

async function refresh() {
  const f = filters();
  const err = document.getElementById("formerror");
  err.textContent = "";
  const base = { type: f.type, actor: f.actor, country: f.country };
  try {
    const [all, sel] = await Promise.all([
      api("/api/events?" + qs({ ...base, per_page: 1 })),
      api("/api/events?" + qs({ ...base, from: f.from, to: f.to, per_page: 1000 })),
    ]);
    drawTimeline(all.days, f.from, f.to);
    drawMap(sel.items);
    drawEvents(sel);
    await drawResults(f);
    document.body.setAttribute("data-loaded", "1");
  } catch (e) {
    err.textContent = e.message;
    document.body.setAttribute("data-loaded", "error");
  }
}

async function main() {
  const sel = document.querySelector("select[name=type]");
  for (const t of PLOVER) sel.appendChild(el("option", { value: t }, t));
  document.getElementById("filters").addEventListener("submit", (ev) => { ev.preventDefault(); refresh(); });
  document.getElementById("reset").addEventListener("click", () => { document.getElementById("filters").reset(); refresh(); });
  try {
    const s = await api("/api/stats");
    document.getElementById("stats").textContent = s.documents + " documents · " + s.events + " events · " +
      s.entities + " entities" + (s.first_published ? " · " + s.first_published + " – " + s.last_published : "");
  } catch (e) { document.getElementById("stats").textContent = e.message; }
  try { world = await api("/static/world.json"); } catch (_) { world = null; }
  await refresh();
}

main();
