// rasd UI helpers shared by every page. Data from the API is untrusted: the DOM is built
// with createElement/textContent/setAttribute only, never parsed as markup.
"use strict";

const SVGNS = "http://www.w3.org/2000/svg";

// Creates an element; attrs are set with setAttribute, children are nodes or strings (text).
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) e.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return e;
}

function svg(tag, attrs) {
  const e = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  return e;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

async function api(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await r.json(); } catch (_) { body = null; }
  if (!r.ok) throw new Error((body && body.error) || ("HTTP " + r.status));
  return body;
}

// The last path segment of the page URL, decoded (the id of /doc/{id}, /entity/{id} …).
function pageId() {
  const parts = location.pathname.split("/");
  return decodeURIComponent(parts[parts.length - 1] || "");
}

function link(href, text) {
  return el("a", { href }, text);
}

function docLink(id, text) { return link("/doc/" + encodeURIComponent(id), text || id); }
function entityLink(id, text) { return link("/entity/" + encodeURIComponent(id), text || id); }
function eventLink(id, text) { return link("/event/" + encodeURIComponent(id), text || id); }

function fmtRange(r) {
  if (!r || r.min === null || r.min === undefined) return "";
  if (r.min === r.max) return String(r.min);
  // Conflicting reports: the range, then every reported value.
  return r.min + "–" + r.max + (r.values && r.values.length > 2 ? " (" + r.values.join(", ") + ")" : "");
}

// Actors as links to their entity pages (plain text when not an entity).
function parties(list) {
  const span = el("span", { class: "parties" });
  (list || []).forEach((p, i) => {
    if (i) span.appendChild(document.createTextNode("، "));
    span.appendChild(p.entity ? entityLink(p.entity, p.name) : el("span", {}, p.name));
  });
  return span;
}

function showError(where, err) {
  clear(where);
  where.appendChild(el("p", { class: "error" }, "Error: " + err.message));
}

const TYPE_LABELS = { PER: "person", ORG: "organisation", LOC: "place", MISC: "other" };
