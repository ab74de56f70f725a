#!/usr/bin/env node
// `npm run soak [-- --minutes N]`: trains the Playground sandbox in Debian's Chromium for N minutes (default 5)
// against `astro preview` of dist/, sampling the JS heap after a forced garbage collection every 15 s.
// Reports heap growth from the first sample after warm-up to the last (goal ≤ 10 %) and console errors
// (goal 0). A report, not a test.
import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";

const arg = process.argv.indexOf("--minutes");
const minutes = arg > 0 ? Number(process.argv[arg + 1]) : Number(process.env.SOAK_MINUTES ?? 5);
const PORT = Number(process.env.SOAK_PORT ?? 4360);
const base = `http://127.0.0.1:${PORT}`;

const server = spawn(
  process.execPath,
  ["node_modules/astro/astro.js", "preview", "--host", "127.0.0.1", "--port", String(PORT)],
  {
    stdio: "ignore",
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" },
  },
);
process.on("exit", () => server.kill());
for (let i = 0; ; i++) {
  try {
    if ((await fetch(base + "/")).ok) break;
  } catch {
    if (i > 100) throw new Error("astro preview did not start");
  }
  await new Promise((r) => setTimeout(r, 200));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
  ],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const errors = [];
page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
page.on("pageerror", (e) => errors.push(e.message));
const cdp = await page.context().newCDPSession(page);

async function heapMB() {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  return usedSize / 2 ** 20;
}

await page.goto(`${base}/playground/`, { waitUntil: "networkidle" });
const sandbox = page.locator("#demo-playground");
await sandbox.scrollIntoViewIfNeeded();
await sandbox.getByRole("button", { name: "Play" }).click();

const samples = [];
const started = Date.now();
const end = started + minutes * 60_000;
await page.waitForTimeout(15_000); // warm-up: JIT, first renders, caches
while (Date.now() < end) {
  const epoch = await sandbox.locator(".control__counter strong").first().textContent();
  samples.push({ t: Math.round((Date.now() - started) / 1000), heap: await heapMB(), epoch });
  console.log(`t=${samples.at(-1).t}s heap=${samples.at(-1).heap.toFixed(2)} MB epoch=${epoch}`);
  await page.waitForTimeout(15_000);
}
await browser.close();
server.kill();

const first = samples[0];
const last = samples.at(-1);
const growth = ((last.heap - first.heap) / first.heap) * 100;
console.log(`\nSoak: ${minutes} min of training, ${samples.length} heap samples after GC.`);
console.log(
  `JS heap ${first.heap.toFixed(2)} MB → ${last.heap.toFixed(2)} MB: ${growth >= 0 ? "+" : ""}${growth.toFixed(1)} % (goal ≤ 10 %).`,
);
console.log(
  `Console errors: ${errors.length} (goal 0)${errors.length ? "\n  " + errors.slice(0, 5).join("\n  ") : ""}.`,
);
process.exitCode = growth <= 10 && errors.length === 0 ? 0 : 1;
