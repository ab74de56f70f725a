#!/usr/bin/env node
// `npm run lighthouse`: Lighthouse 12 (mobile preset) on every page of the built site, in Debian's Chromium,
// against `astro preview` of dist/ (or only the routes given as arguments). Prints one table; the JSON reports
// go to reports/lighthouse/.
// A report, not a test: targets are performance ≥ 95, accessibility / best practices / SEO = 100, CLS = 0.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const ALL_ROUTES = [
  "/",
  "/symmetric/",
  "/random/",
  "/xavier/",
  "/he/",
  "/reference/",
  "/interview/",
  "/playground/",
];
/** `npm run lighthouse -- /reference/ /he/` audits only those routes. */
const ROUTES = process.argv.slice(2).length ? process.argv.slice(2) : ALL_ROUTES;
const PORT = Number(process.env.LH_PORT ?? 4350);
const base = `http://127.0.0.1:${PORT}`;
const outDir = "reports/lighthouse";
mkdirSync(outDir, { recursive: true });

const server = spawn(
  process.execPath,
  ["node_modules/astro/astro.js", "preview", "--host", "127.0.0.1", "--port", String(PORT)],
  {
    stdio: "ignore",
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" },
  },
);
const stop = () => server.kill();
process.on("exit", stop);

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base + "/")).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`astro preview did not start on ${base}`);
}

await waitForServer();
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  chromeFlags: [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

const rows = [];
try {
  for (const route of ROUTES) {
    const result = await lighthouse(base + route, { port: chrome.port, output: "json", logLevel: "error" });
    const { categories, audits } = result.lhr;
    const score = (k) => Math.round((categories[k]?.score ?? 0) * 100);
    rows.push({
      route,
      performance: score("performance"),
      accessibility: score("accessibility"),
      "best-practices": score("best-practices"),
      seo: score("seo"),
      CLS: Number((audits["cumulative-layout-shift"]?.numericValue ?? NaN).toFixed(3)),
      LCP: `${Math.round(audits["largest-contentful-paint"]?.numericValue ?? NaN)} ms`,
      TBT: `${Math.round(audits["total-blocking-time"]?.numericValue ?? NaN)} ms`,
    });
    writeFileSync(`${outDir}/${route.replace(/\//g, "_") || "_"}.json`, result.report);
  }
} finally {
  chrome.kill();
  stop();
}

console.table(rows);
const misses = rows.filter(
  (r) => r.performance < 95 || r.accessibility < 100 || r["best-practices"] < 100 || r.seo < 100 || r.CLS > 0,
);
console.log(
  misses.length ? `Below target: ${misses.map((r) => r.route).join(", ")}` : "Every page meets the targets.",
);
