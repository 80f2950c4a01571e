// /event/{id}: a fused event with its figures and every report (who says so, who disputes).
"use strict";

async function main() {
  const page = document.getElementById("page");
  try {
    const ev = await api("/api/events/" + encodeURIComponent(pageId()));
    clear(page);
    document.title = "rasd — " + ev.type + " " + (ev.date || "");
    page.appendChild(el("h1", {}, ev.type + (ev.mode ? " · " + ev.mode : "") + (ev.date ? " · " + ev.date : "")));
    const dl = el("dl");
    const row = (k, v) => { if (v !== null && v !== undefined && v !== "") { dl.appendChild(el("dt", {}, k)); dl.appendChild(typeof v === "string" ? el("dd", {}, v) : el("dd", {}, v)); } };
    row("actors", parties(ev.actors));
    row("recipients", parties(ev.recipients));
    if (ev.place) {
      row("place", ev.place.entity ? entityLink(ev.place.entity, ev.place.name) : ev.place.name);
      if (ev.place.lat !== null) row("coordinates", ev.place.lat.toFixed(3) + ", " + ev.place.lon.toFixed(3));
    }
    row("dead", fmtRange(ev.dead));
    row("injured", fmtRange(ev.injured));
    row("arrested", fmtRange(ev.arrested));
    row("troops", fmtRange(ev.troops));
    row("stance", ev.stance + ((ev.stances || []).length > 1 ? " (" + ev.stances.join(", ") + ")" : ""));
    row("reports", ev.n_reports + " report(s) from " + ev.n_sources + " source(s)");
    page.appendChild(el("div", { class: "card" }, dl));
    page.appendChild(el("h2", {}, "Reports"));
    for (const s of ev.reports) {
      const d = el("dl");
      const r = (k, v) => { if (v) { d.appendChild(el("dt", {}, k)); d.appendChild(typeof v === "string" ? el("dd", { class: "ar" }, v) : el("dd", {}, v)); } };
      r("document", docLink(s.doc));
      r("outlet", s.outlet);
      r("published", s.published);
      r("trigger", s.trigger);
      r("sentence", s.sentence);
      r("stance", s.stance);
      r("who says so", s.by);
      r("disputed by", s.disputed_by.join("، "));
      page.appendChild(el("div", { class: "card" }, d));
    }
    document.body.setAttribute("data-loaded", "1");
  } catch (err) {
    showError(page, err);
    document.body.setAttribute("data-loaded", "error");
  }
}

main();
