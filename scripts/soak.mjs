#!/usr/bin/env node
// `npm run soak [-- --minutes N --warm-up M --samples FILE]`: operates the Playground sandbox in Debian's
// Chromium for N minutes (default 10) against `astro preview` of dist/, the way a reader would, so that it
// trains the whole time: at the fastest speed, and whenever a run stops (the 5,000-epoch limit, or divergence)
// or has trained for 30 s, one control changes — re-seed, Reset, the initializer, the data set, new data, the
// activation, in turn — and Play is pressed again. Every change discards a run and builds a new one, which is
// what would reveal a leak.
//
// The JS heap is measured after a forced garbage collection at the same point of every cycle: right after the
// change, before Play, when the page holds one fresh run at step 0. (A run's loss history grows by one point
// per epoch up to the limit; sampling mid-run would measure how far the current run got, not what the page
// keeps from earlier runs.)
//
// The first M minutes (default 4) are warm-up: V8 keeps compiling optimised code for the engine and the views
// as new data sets, activations and initializers make other paths hot, and Chromium fills its capped
// performance-timeline buffers; the heap rises for 3–4 minutes, then levels off. A heap snapshot at the end of
// warm-up and another at the end break the change down into JavaScript objects, compiled code and the rest.
// Each action leaves a different state, so the trend is read like for like, per action, as a least-squares
// line through that action's samples after warm-up (one sample is ±2 % noise); the largest growth over the
// window is the figure (goal ≤ 10 %), with console errors (goal 0). A report, not a test.
import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";

/** The value after `--name` on the command line, else `env`, else `fallback`. */
function option(name, env, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : (process.env[env] ?? fallback);
}
const minutes = Number(option("minutes", "SOAK_MINUTES", 10));
const warmUpMinutes = Number(option("warm-up", "SOAK_WARM_UP", Math.min(4, minutes / 2)));
const samplesFile = option("samples", "SOAK_SAMPLES", null);
const PORT = Number(process.env.SOAK_PORT ?? 4360);
const base = `http://127.0.0.1:${PORT}`;
/** A run that has trained this long is stopped and replaced, even if it could go on. */
const CYCLE_MS = 30_000;

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

/** Node types of a V8 heap snapshot, in the groups the report uses. */
const GROUPS = {
  "JS objects": [
    "object",
    "closure",
    "array",
    "number",
    "regexp",
    "symbol",
    "bigint",
    "hidden",
    "object shape",
  ],
  strings: ["string", "concatenated string", "sliced string"],
  "compiled code": ["code"],
};
/** A heap snapshot (taken after a forced GC), summed by group: bytes and object counts. */
async function heapBreakdown() {
  await cdp.send("HeapProfiler.collectGarbage");
  const chunks = [];
  const collect = ({ chunk }) => chunks.push(chunk);
  cdp.on("HeapProfiler.addHeapSnapshotChunk", collect);
  await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  cdp.off("HeapProfiler.addHeapSnapshotChunk", collect);
  const { snapshot, nodes } = JSON.parse(chunks.join(""));
  const fields = snapshot.meta.node_fields;
  const types = snapshot.meta.node_types[fields.indexOf("type")];
  const typeAt = fields.indexOf("type");
  const sizeAt = fields.indexOf("self_size");
  const groupOf = new Map(Object.entries(GROUPS).flatMap(([g, ts]) => ts.map((t) => [t, g])));
  const sums = {};
  for (let i = 0; i < nodes.length; i += fields.length) {
    const type = types[nodes[i + typeAt]];
    if (type === "native" || type === "synthetic") continue; // the browser's side (DOM, buffers): not JS heap
    const group = groupOf.get(type) ?? "other";
    sums[group] ??= { bytes: 0, count: 0 };
    sums[group].bytes += nodes[i + sizeAt];
    sums[group].count++;
  }
  return sums;
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
const measureFrom = started + warmUpMinutes * 60_000;
let runs = 0;
let epochs = 0;
let warmBreakdown = null;
let lastBreakdown = null;
for (let cycle = 0; Date.now() < end; cycle++) {
  const action = cycle % actions.length;
  const name = await actions[action]();
  await counter.filter({ hasText: /^0$/ }).waitFor();
  const heap = await heapMB();
  const now = Date.now();
  const warm = now < measureFrom;
  // The breakdowns are taken at the same point of the same action: the first re-seed after warm-up, the last.
  if (!warm && action === 0) {
    if (warmBreakdown === null) warmBreakdown = { t: now - started, sums: await heapBreakdown() };
    else if (end - now < 60_000 && lastBreakdown === null)
      lastBreakdown = { t: now - started, sums: await heapBreakdown() };
  }
  const t = (now - started) / 1000;
  samples.push({ cycle, t, heap, action, warm });
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
    `t=${Math.round(t)}s ${name}: heap ${heap.toFixed(2)} MB${warm ? " (warm-up)" : ""}; trained ${trained} epochs`,
  );
}
await browser.close();
server.kill();

if (samplesFile) (await import("node:fs")).writeFileSync(samplesFile, JSON.stringify(samples));

console.log(
  `\nSoak: ${minutes} min, ${runs} runs started, ${epochs.toLocaleString("en-US")} epochs trained.`,
);
const mb = (x) => `${x.toFixed(2)} MB`;
const signed = (x, unit = " %") => `${x >= 0 ? "+" : ""}${x.toFixed(1)}${unit}`;
const byMinute = groupBy(samples, (s) => Math.floor(s.t / 60));
console.log(
  `Mean JS heap after GC, minute by minute: ${[...byMinute.values()].map((m) => (m.reduce((a, s) => a + s.heap, 0) / m.length).toFixed(2)).join(", ")} MB (first ${warmUpMinutes} min warm-up).`,
);
/** `items` grouped by `key`, in first-seen order (Map.groupBy needs Node 21). */
function groupBy(items, key) {
  const groups = new Map();
  for (const item of items) {
    const k = key(item);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(item);
  }
  return groups;
}
/** Least-squares line through (t, heap). */
function fit(points) {
  const n = points.length;
  const mt = points.reduce((a, p) => a + p.t, 0) / n;
  const mh = points.reduce((a, p) => a + p.heap, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.t - mt) * (p.heap - mh);
    sxx += (p.t - mt) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return (t) => mh + slope * (t - mt);
}
const measured = samples.filter((s) => !s.warm);
/** What each action leaves, in the order of `actions`. */
const ACTION_NAMES = ["re-seed", "reset", "initializer", "data set", "new data", "activation"];
const perAction = [...groupBy(measured, (s) => s.action)]
  .sort(([a], [b]) => a - b)
  .map(([action, own]) => {
    const line = fit(own);
    const [first, last] = [own[0], own.at(-1)];
    return {
      name: ACTION_NAMES[action],
      n: own.length,
      from: line(first.t),
      to: line(last.t),
      growth: ((line(last.t) - line(first.t)) / line(first.t)) * 100,
      raw: ((last.heap - first.heap) / first.heap) * 100,
    };
  });
if (perAction.length < actions.length || perAction.some((a) => a.n < 3)) {
  console.log(
    `Too short for a heap trend: ${measured.length} samples after ${warmUpMinutes} min of warm-up (at least 3 per action needed).`,
  );
  process.exitCode = 1;
} else {
  const growth = Math.max(...perAction.map((a) => a.growth));
  const warmUp = samples.filter((s) => s.warm);
  console.log(
    `Warm-up (${warmUp.length} runs): ${mb(warmUp[0].heap)} at the first sample → ${mb(measured[0].heap)} at the first measured one.`,
  );
  console.log(
    `After warm-up (${measured.length} runs, t = ${Math.round(measured[0].t)}–${Math.round(measured.at(-1).t)} s), like for like per action, fitted: ${perAction.map((a) => `${a.name} ${a.from.toFixed(2)}→${a.to.toFixed(2)} MB (${signed(a.growth)})`).join(", ")}; largest ${signed(growth)} (goal ≤ 10 %). First to last sample: ${perAction.map((a) => `${a.name} ${signed(a.raw)}`).join(", ")}.`,
  );
  if (warmBreakdown && lastBreakdown) {
    const groups = [...new Set([...Object.keys(warmBreakdown.sums), ...Object.keys(lastBreakdown.sums)])];
    const of = (b, g) => b.sums[g] ?? { bytes: 0, count: 0 };
    console.log(
      `Heap snapshots at t = ${Math.round(warmBreakdown.t / 1000)} s and ${Math.round(lastBreakdown.t / 1000)} s (same action): ${groups
        .map((g) => {
          const [a, b] = [of(warmBreakdown, g), of(lastBreakdown, g)];
          return `${g} ${((a.bytes / 1024) | 0).toLocaleString("en-US")} → ${((b.bytes / 1024) | 0).toLocaleString("en-US")} KB (${signed((b.bytes - a.bytes) / 1024, " KB")}, ${b.count - a.count >= 0 ? "+" : ""}${(b.count - a.count).toLocaleString("en-US")} objects)`;
        })
        .join("; ")}.`,
    );
  }
  process.exitCode = growth <= 10 && errors.length === 0 ? 0 : 1;
}
console.log(
  `Console errors: ${errors.length} (goal 0)${errors.length ? "\n  " + errors.slice(0, 5).join("\n  ") : ""}.`,
);
