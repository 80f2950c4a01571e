// /entity/{id}: an entity across the corpus: identity, mentions, co-occurring actors, events.
"use strict";

async function main() {
  const page = document.getElementById("page");
  try {
    const e = await api("/api/entities/" + encodeURIComponent(pageId()));
    clear(page);
    document.title = "rasd — " + e.name;
    page.appendChild(el("h1", { class: "ar" }, e.name));
    const dl = el("dl");
    const row = (k, v) => { if (v !== null && v !== undefined && v !== "") { dl.appendChild(el("dt", {}, k)); dl.appendChild(el("dd", {}, String(v))); } };
    row("type", (TYPE_LABELS[e.type] || e.type) + " (" + e.type + ")");
    row("English name", e.name_en);
    row("country", e.country);
    if (e.kb) { row("Wikidata", e.kb.wikidata); row("GeoNames", e.kb.geonames); row("rasd KB", e.kb.rasd); }
    if (e.lat !== null && e.lat !== undefined) row("coordinates", e.lat.toFixed(3) + ", " + e.lon.toFixed(3));
    row("documents", e.documents);
    row("mentions", e.mentions);
    page.appendChild(el("div", { class: "card" }, dl));
    page.appendChild(el("h2", {}, "Events"));
    const tb = el("tbody");
    for (const ev of e.events) {
      tb.appendChild(el("tr", {}, el("td", {}, eventLink(ev.id, ev.type)), el("td", {}, ev.date || ""),
        el("td", { class: "ar" }, parties(ev.actors)), el("td", { class: "ar" }, parties(ev.recipients)),
        el("td", { class: "ar" }, ev.place ? ev.place.name : "")));
    }
    page.appendChild(el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "type"), el("th", {}, "date"),
      el("th", {}, "actors"), el("th", {}, "recipients"), el("th", {}, "place"))), tb));
    page.appendChild(el("h2", {}, "Co-occurring actors"));
    const co = el("ul");
    for (const [other, n] of e.co_actors) co.appendChild(el("li", { class: "ar" }, entityLink(other.id, other.name), " (" + n + ")"));
    page.appendChild(co);
    page.appendChild(el("h2", {}, "Mentions"));
    const ml = el("ul");
    for (const m of e.mention_list) ml.appendChild(el("li", {}, docLink(m.document), " ", el("span", { class: "ar" }, m.text), el("span", { class: "hint" }, " @" + m.start)));
    page.appendChild(ml);
    document.body.setAttribute("data-loaded", "1");
  } catch (err) {
    showError(page, err);
    document.body.setAttribute("data-loaded", "error");
  }
}

main();
