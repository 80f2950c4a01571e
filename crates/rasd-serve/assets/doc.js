// /doc/{id}: the article right-to-left with entity, time and quantity spans highlighted by
// type, and event cards. Text is untrusted: only textContent and setAttribute are used.
"use strict";

const tips = new WeakMap();

function entityTip(e) {
  const lines = [TYPE_LABELS[e.type] || e.type, e.name];
  if (e.name_en) lines.push(e.name_en);
  if (e.subtype) lines.push("subtype: " + e.subtype);
  if (e.country) lines.push("country: " + e.country);
  if (e.kb) {
    if (e.kb.wikidata) lines.push("Wikidata: " + e.kb.wikidata);
    if (e.kb.geonames) lines.push("GeoNames: " + e.kb.geonames);
    if (e.kb.rasd) lines.push("rasd KB: " + e.kb.rasd);
  }
  if (e.geo) lines.push("coordinates: " + e.geo.lat.toFixed(3) + ", " + e.geo.lon.toFixed(3));
  return lines.join("\n");
}

function collectSpans(rec) {
  const spans = [];
  for (const e of rec.entities || []) {
    for (const m of e.mentions || []) {
      spans.push({ start: m.start, end: m.end, cls: "ent ent-" + e.type, type: e.type,
        tip: entityTip(e) + (m.kind && m.kind !== "name" ? "\n(" + m.kind + ")" : "") });
    }
  }
  for (const t of rec.times || []) {
    spans.push({ start: t.start, end: t.end, cls: "time", type: "TIME",
      tip: "time " + t.type + ": " + t.value + (t.mod ? " (" + t.mod + ")" : "") });
  }
  for (const q of rec.quantities || []) {
    const v = q.value !== null && q.value !== undefined ? q.value : (q.min + "–" + q.max);
    spans.push({ start: q.start, end: q.end, cls: "qty", type: "QTY",
      tip: "quantity: " + v + (q.unit ? " " + q.unit : "") + (q.approx ? " (approx.)" : "") });
  }
  spans.sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start));
  const kept = [];
  let at = 0;
  for (const s of spans) {
    if (s.start >= at && s.end > s.start) { kept.push(s); at = s.end; }
  }
  return kept;
}

function renderText(rec) {
  const box = document.getElementById("text");
  clear(box);
  const chars = Array.from(rec.text || "");
  if (!chars.length) { box.appendChild(el("p", { class: "hint" }, "(stored without text)")); return; }
  let at = 0;
  for (const s of collectSpans(rec)) {
    if (s.start > at) box.appendChild(document.createTextNode(chars.slice(at, s.start).join("")));
    const span = el("span", { class: s.cls, "data-type": s.type }, chars.slice(s.start, s.end).join(""));
    tips.set(span, s.tip);
    box.appendChild(span);
    at = s.end;
  }
  if (at < chars.length) box.appendChild(document.createTextNode(chars.slice(at).join("")));
  const tip = document.getElementById("tip");
  box.addEventListener("mouseover", (ev) => {
    const t = tips.get(ev.target);
    if (!t) return;
    tip.textContent = t;
    tip.hidden = false;
  });
  box.addEventListener("mousemove", (ev) => {
    tip.style.left = Math.min(ev.clientX + 12, window.innerWidth - 350) + "px";
    tip.style.top = (ev.clientY + 14) + "px";
  });
  box.addEventListener("mouseout", (ev) => { if (tips.has(ev.target)) tip.hidden = true; });
}

function argNames(rec, args) {
  const byId = new Map((rec.entities || []).map((e) => [e.id, e]));
  return (args || []).map((a) => {
    const e = a.entity ? byId.get(a.entity) : null;
    return e && e.name !== a.text ? a.text + " (" + e.name + ")" : a.text;
  }).join("، ");
}

function row(dl, label, value) {
  if (value === null || value === undefined || value === "") return;
  dl.appendChild(el("dt", {}, label));
  dl.appendChild(typeof value === "string" ? el("dd", { class: "ar" }, value) : el("dd", {}, value));
}

function renderEvents(rec) {
  const aside = document.getElementById("events");
  if (!(rec.events || []).length) {
    aside.appendChild(el("p", { class: "hint" }, "No events were extracted from this document."));
    return;
  }
  for (const ev of rec.events) {
    const dl = el("dl");
    row(dl, "trigger", ev.trigger.text);
    row(dl, "actors", argNames(rec, ev.actor));
    row(dl, "recipients", argNames(rec, ev.recipient));
    row(dl, "place", argNames(rec, ev.location));
    if (ev.date) row(dl, "date", ev.date.value + (ev.date.inferred ? " (from the document date)" : ""));
    const size = [];
    for (const k of ["dead", "injured", "arrested", "troops"]) {
      if (ev.size && ev.size[k] !== null && ev.size[k] !== undefined) size.push(k + " " + ev.size[k]);
    }
    row(dl, "size", size.join(", "));
    const a = ev.attribution || {};
    row(dl, "stance", el("span", { class: "badge stance-" + a.stance }, a.stance || ""));
    if (a.by) row(dl, "who says so", a.by.text + (a.cue ? " («" + a.cue.text + "»)" : ""));
    const disp = (ev.disputed_by || []).map((d) => d.text + " (" + d.stance + (d.cue ? ": " + d.cue.text : "") + ")");
    row(dl, "disputed by", disp.join("، "));
    row(dl, "confidence", String(ev.confidence));
    const title = el("h3", {}, ev.type + (ev.mode ? " · " + ev.mode : "") + " ",
      eventLink(rec.id + ":" + ev.id, "open"));
    aside.appendChild(el("div", { class: "card event-card", "data-event": ev.id }, title, dl));
  }
}

async function main() {
  const id = pageId();
  try {
    const rec = await api("/api/documents/" + encodeURIComponent(id));
    document.title = "rasd — " + (rec.title || rec.id);
    document.getElementById("title").textContent = rec.title || rec.id;
    document.getElementById("meta").textContent = [rec.id, rec.published, rec.outlet, rec.lang]
      .filter(Boolean).join(" · ");
    renderText(rec);
    renderEvents(rec);
    document.body.setAttribute("data-loaded", "1");
  } catch (err) {
    showError(document.getElementById("text"), err);
    document.body.setAttribute("data-loaded", "error");
  }
}

main();
