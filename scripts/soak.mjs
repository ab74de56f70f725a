#!/usr/bin/env node
// `npm run soak [-- --minutes N]`: operates the Playground sandbox in Debian's Chromium for N minutes (default 5)
// against `astro preview` of dist/, the way a reader would, so that it trains the whole time: at the fastest
// speed, and whenever a run stops (the 5,000-epoch limit, or divergence) or has trained for 30 s, one control
// changes — re-seed, Reset, the initializer, the data set, new data, the activation, in turn — and Play is
// pressed again. Every change discards a run and builds a new one, which is what would reveal a leak.
//
// The JS heap is measured after a forced garbage collection at the same point of every cycle: right after the
// change, before Play, when the page holds one fresh run at step 0. (A run's loss history grows by one point
// per epoch up to the limit; sampling mid-run would measure how far the current run got, not what the page
// keeps from earlier runs.) The first cycles are warm-up (JIT, caches, the palette per theme, every
// control's first use). Each action leaves a different state, so growth is read per action, from its first
// sample after warm-up to its last, and the largest is reported (goal ≤ 10 %), with console errors (goal 0).
// A report, not a test.
import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";

const arg = process.argv.indexOf("--minutes");
const minutes = arg > 0 ? Number(process.argv[arg + 1]) : Number(process.env.SOAK_MINUTES ?? 5);
const PORT = Number(process.env.SOAK_PORT ?? 4360);
const base = `http://127.0.0.1:${PORT}`;
/** A run that has trained this long is stopped and replaced, even if it could go on. */
const CYCLE_MS = 30_000;
/** Cycles before the first heap sample that counts: every action below has run at least once by then. */
// Cycles before the heap trend starts (`--warm-up N` or SOAK_WARM_UP; 7 by default, about 15 s). V8's compiled
// code and Chromium's performance-timeline buffers keep growing for about a minute of cycles, then level off.
const warmArg = process.argv.indexOf("--warm-up");
const WARM_UP_CYCLES =
  warmArg > 0 ? Number(process.argv[warmArg + 1]) : Number(process.env.SOAK_WARM_UP ?? 7);

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
await sandbox.locator("canvas.pg-boundary__canvas").waitFor({ state: "attached" });
await sandbox.getByLabel("Speed").selectOption("max");

const play = sandbox.getByRole("button", { name: "Play" });
const pause = sandbox.getByRole("button", { name: "Pause" });
const counter = sandbox.locator(".control__counter strong");
const epochNow = async () => Number(((await counter.textContent()) ?? "0").replace(/,/g, ""));

/** The next option of a select after the current one (wrapping), as a reader would step through it. */
async function nextOption(label) {
  const select = sandbox.getByLabel(label, { exact: true });
  const next = await select.evaluate((s) => s.options[(s.selectedIndex + 1) % s.options.length].value);
  await select.selectOption(next);
  return `${label.toLowerCase()} → ${next}`;
}
const actions = [
  async () => (await sandbox.getByRole("button", { name: "Re-seed" }).click(), "re-seed"),
  async () => (await sandbox.getByRole("button", { name: "Reset" }).click(), "reset"),
  () => nextOption("Initializer"),
  () => nextOption("Data set"),
  async () => (await sandbox.getByRole("button", { name: "Regenerate data" }).click(), "new data"),
  () => nextOption("Activation"),
];

const samples = [];
const started = Date.now();
const end = started + minutes * 60_000;
let runs = 0;
let epochs = 0;
for (let cycle = 0; Date.now() < end; cycle++) {
  const action = await actions[cycle % actions.length]();
  await counter.filter({ hasText: /^0$/ }).waitFor();
  const heap = await heapMB();
  const t = Math.round((Date.now() - started) / 1000);
  if (cycle >= WARM_UP_CYCLES) samples.push({ t, heap, action: cycle % actions.length });
  await play.click();
  runs++;
  await pause.waitFor({ timeout: 5000 }).catch(() => {}); // a run may diverge at once: then no Pause
  const stopAt = Math.min(end, Date.now() + CYCLE_MS);
  // Playing until the run stops by itself (its Pause button turns back into Play) or its time is up.
  while (Date.now() < stopAt && (await pause.isVisible())) await page.waitForTimeout(500);
  if (await pause.isVisible()) await pause.click();
  const trained = await epochNow();
  epochs += trained;
  console.log(
    `t=${t}s ${action}: heap ${heap.toFixed(2)} MB${cycle < WARM_UP_CYCLES ? " (warm-up)" : ""}; trained ${trained} epochs`,
  );
}
await browser.close();
server.kill();

console.log(
  `\nSoak: ${minutes} min, ${runs} runs started, ${epochs.toLocaleString("en-US")} epochs trained.`,
);
if (samples.length < 2) {
  console.log(
    `Too short for a heap trend: ${samples.length} sample(s) after ${WARM_UP_CYCLES} warm-up cycles.`,
  );
  process.exitCode = 1;
} else {
  const first = samples[0];
  const last = samples.at(-1);
  const pct = (from, to) => ((to.heap - from.heap) / from.heap) * 100;
  const signed = (x) => `${x >= 0 ? "+" : ""}${x.toFixed(1)} %`;
  // Each action leaves the page in a different state (another data set, activation…), so the trend is read
  // like for like: per action, from its first sample after warm-up to its last; the largest is the figure.
  const perAction = [...new Set(samples.map((s) => s.action))].map((action) => {
    const own = samples.filter((s) => s.action === action);
    return { from: own[0], to: own.at(-1), growth: pct(own[0], own.at(-1)) };
  });
  const growth = Math.max(...perAction.map((x) => x.growth));
  console.log(
    `JS heap after GC, ${samples.length} samples from t=${first.t}s: ${first.heap.toFixed(2)} MB → ${last.heap.toFixed(2)} MB overall (${signed(pct(first, last))}, states differ).`,
  );
  console.log(
    `Like for like, per action: ${perAction.map((x) => `${x.from.heap.toFixed(2)}→${x.to.heap.toFixed(2)} (${signed(x.growth)})`).join(", ")}; largest ${signed(growth)} (goal ≤ 10 %).`,
  );
  console.log(`Samples (MB): ${samples.map((s) => s.heap.toFixed(2)).join(", ")}.`);
  process.exitCode = growth <= 10 && errors.length === 0 ? 0 : 1;
}
console.log(
  `Console errors: ${errors.length} (goal 0)${errors.length ? "\n  " + errors.slice(0, 5).join("\n  ") : ""}.`,
);
