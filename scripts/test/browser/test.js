// Drives headless chromium through the rasd web UI and checks what a user would see.
// Usage: node test.js BASE_URL OUT_DIR. Exits non-zero on the first failed check.
"use strict";
const { chromium } = require("playwright-core");
const fs = require("fs");
const os = require("os");
const path = require("path");

const [base, out] = process.argv.slice(2);
// The document checked for highlighted entities (the seed article by default).
const docId = process.env.RASD_DOC_ID || "seed";
const failures = [];
function check(ok, what) {
  console.log((ok ? "ok   " : "FAIL ") + what);
  if (!ok) failures.push(what);
}

async function main() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rasd-chromium-"));
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
    viewport: { width: 1400, height: 1000 },
  });
  const page = ctx.pages()[0] || await ctx.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push("page error: " + e.message));
  page.on("console", (m) => {
    // Failed responses are reported with their URL by the response handler below.
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push("console: " + m.text());
  });
  page.on("dialog", (d) => { problems.push("dialog opened: " + d.message()); d.dismiss(); });
  page.on("response", (r) => { if (r.status() >= 400) problems.push("HTTP " + r.status() + " for " + r.url()); });
  // Nothing may be fetched from anywhere but the server.
  page.on("request", (r) => { if (!r.url().startsWith(base)) problems.push("outside request: " + r.url()); });
  try {
    // The document page.
    await page.goto(base + "doc/" + docId);
    await page.waitForSelector("body[data-loaded]", { timeout: 20000 });
    check(await page.getAttribute("body", "data-loaded") === "1", "/doc/" + docId + " loaded");
    const spans = await page.$$eval("#text span.ent", (ss) => ss.map((s) => [s.className, s.textContent]));
    console.log("     entity spans: " + spans.length + " " + JSON.stringify(spans.slice(0, 12)));
    check(spans.some(([c, t]) => /\bent-PER\b/.test(c) && t.trim() === "حفتر"), "حفتر highlighted as a person (ent-PER)");
    check(spans.some(([c, t]) => /\bent-LOC\b/.test(c) && t.trim() === "بنغازي"), "بنغازي highlighted as a place (ent-LOC)");
    check(await page.$eval("#text", (e) => getComputedStyle(e).direction) === "rtl", "article is right-to-left");
    const per = await page.$("#text span.ent-PER");
    if (per) {
      await per.hover();
      const tip = await page.$eval("#tip", (t) => t.hidden ? "" : t.textContent);
      check(tip.length > 0, "hovering an entity shows its details: " + JSON.stringify(tip));
    }
    check((await page.$$("#events .event-card")).length > 0, "event cards shown beside the text");
    await page.screenshot({ path: path.join(out, "doc-" + docId + ".png"), fullPage: true });

    // The start page: map and timeline.
    await page.goto(base);
    await page.waitForSelector("body[data-loaded]", { timeout: 20000 });
    check(await page.getAttribute("body", "data-loaded") === "1", "/ loaded");
    check((await page.$$("#map path")).length > 100, "base map drawn (country outlines)");
    const markers = await page.$$eval("#map circle.marker", (ms) => ms.map((m) => [m.getAttribute("data-type"), m.textContent]));
    console.log("     markers: " + JSON.stringify(markers));
    check(markers.some(([t, title]) => t === "ASSAULT" && title.includes("بنغازي")), "map marker for the Benghazi attack (ASSAULT at بنغازي)");
    const bars = await page.$$eval("#timeline rect.bar", (b) => b.length);
    check(bars > 0, "timeline has bars (" + bars + ")");
    check((await page.$$("#events tbody tr[data-event]")).length > 0, "events table has rows");
    await page.screenshot({ path: path.join(out, "index.png"), fullPage: true });

    // Search.
    await page.fill("input[name=q]", "حفتر");
    await page.click("button[type=submit]");
    await page.waitForFunction(() => document.getElementById("resultstitle").textContent === "Search results");
    await page.waitForSelector("#results mark", { timeout: 10000 }).catch(() => null);
    check((await page.$$("#results mark")).length > 0, "search for حفتر highlights matches");
    await page.screenshot({ path: path.join(out, "search.png"), fullPage: true });

    // A marker opens its event page.
    const m = await page.$("#map circle.marker");
    if (m) {
      await page.goto(base + "event/" + encodeURIComponent(await m.getAttribute("data-event")));
      await page.waitForSelector("body[data-loaded]", { timeout: 20000 });
      check(await page.getAttribute("body", "data-loaded") === "1", "event page loaded");
      await page.screenshot({ path: path.join(out, "event.png"), fullPage: true });
    }

    // The hostile document shows its markup as text and runs nothing.
    await page.goto(base + "doc/xss");
    await page.waitForSelector("body[data-loaded]", { timeout: 20000 });
    const txt = await page.$eval("#text", (e) => e.textContent);
    check(txt.includes("<script>") && txt.includes("onerror"), "XSS payload shown as text");
    check(await page.$$eval("#text img, #text script", (x) => x.length) === 0, "no element created from the payload");
    check(await page.evaluate(() => window.__pwned === undefined), "payload did not run");
    await page.screenshot({ path: path.join(out, "doc-xss.png"), fullPage: true });
  } finally {
    await ctx.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  check(problems.length === 0, "no page errors, CSP violations, dialogs or outside requests" +
    (problems.length ? ": " + problems.join(" | ") : ""));
  console.log("screenshots in " + out);
  if (failures.length) {
    console.error(failures.length + " check(s) failed");
    process.exit(1);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
