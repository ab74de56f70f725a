/**
 * Training throughput of the engine vs TensorFlow.js (tfjs-core + CPU backend), and the engine's GFLOP/s on
 * the deep net as a fraction of a plain Float64Array matrix multiply in the same process.
 *
 * Run: node scripts/run-ts.mjs tests/bench/throughput.ts   (or `npm run bench`). Not a timed test.
 */
import { benchTfjs } from "./tfjsTrainer";
import {
  benchEngine,
  createEngineTrainer,
  flopsPerExample,
  matmulGflops,
  REFERENCE_NETS,
  timeRate,
  type BenchSetup,
  type MatmulLoop,
} from "./setup";

const SETUP: BenchSetup = { points: 250, batch: 10, lr: 0.03, seed: 1, minSeconds: 1, repeats: 5 };

async function main(): Promise<void> {
  console.log(
    `circle data, ${SETUP.points} training points, batch ${SETUP.batch}, lr ${SETUP.lr}, ½·MSE on ±1 labels, ` +
      `tanh output, plain SGD; median of ${SETUP.repeats} runs of ≥ ${SETUP.minSeconds} s after warm-up`,
  );
  const rows: string[][] = [];
  for (const spec of REFERENCE_NETS) {
    const engine = benchEngine(spec, SETUP);
    const tfjs = await benchTfjs(spec, SETUP);
    rows.push([
      spec.name,
      fmt(engine.examplesPerSecond),
      fmt(tfjs.examplesPerSecond),
      `${(engine.examplesPerSecond / tfjs.examplesPerSecond).toFixed(1)}×`,
      ((engine.examplesPerSecond * engine.flopsPerExample) / 1e9).toFixed(3),
      `${engine.lossAfterFirstEpoch.toFixed(6)} / ${tfjs.lossAfterFirstEpoch.toFixed(6)}`,
    ]);
  }
  // Engine-vs-ceiling pairs, measured back to back so both see the same machine load; the median pair is
  // reported. Each pair: the deep net trained for ≥ 1 s, then each plain matmul loop for ≥ 1 s (fastest counts).
  const deep = REFERENCE_NETS.find((n) => n.deep) ?? REFERENCE_NETS[REFERENCE_NETS.length - 1];
  const trainer = createEngineTrainer(deep, SETUP);
  trainer.epoch();
  const pairs: { engine: number; loops: number[]; ceiling: number; ratio: number }[] = [];
  for (let r = 0; r < SETUP.repeats; r++) {
    const engine = (timeRate(trainer.epoch, SETUP.minSeconds) * flopsPerExample(deep.sizes)) / 1e9;
    const loops = LOOPS.map((loop) => matmulGflops(256, loop));
    const ceiling = Math.max(...loops);
    pairs.push({ engine, loops, ceiling, ratio: engine / ceiling });
  }
  pairs.sort((a, b) => a.ratio - b.ratio);
  const mid = pairs[pairs.length >> 1];
  const [ikj, ijk, lit] = mid.loops;
  printTable(
    [
      "net",
      "engine ex/s",
      "tfjs-cpu ex/s",
      "engine/tfjs (target ≥ 3×)",
      "engine GFLOP/s",
      "loss after epoch 1, engine / tfjs",
    ],
    rows,
  );
  console.log(
    `\nBoth start from the same weights and see the same batches in the same order, so their losses after the` +
      ` first epoch agree (to float32 precision: tfjs-cpu has no float64).` +
      `\nFLOPs per example = 6 · Σ_l n_l·n_{l+1} (2 forward, 2 for ∂L/∂W, 2 for ∂L/∂a per weight).` +
      `\nplain 256×256×256 Float64Array matmul: i-k-j ${ikj.toFixed(3)} GFLOP/s, i-j-k on Bᵀ ${ijk.toFixed(3)} GFLOP/s, ` +
      `the same with n = 256 as a literal ${lit.toFixed(3)} GFLOP/s; ` +
      `ceiling = the fastest, ${mid.ceiling.toFixed(3)} GFLOP/s` +
      `\ndeep net (${deep.name}): ${mid.engine.toFixed(3)} GFLOP/s = ` +
      `${mid.ratio.toFixed(2)} of the plain-loop ceiling (target ≥ 0.9); median of ${pairs.length} back-to-back ` +
      `pairs, all ratios: ${pairs.map((p) => p.ratio.toFixed(2)).join(", ")}`,
  );
}

const LOOPS: readonly MatmulLoop[] = ["i-k-j", "i-j-k, Bᵀ", "i-j-k, Bᵀ, n = 256 literal"];

function fmt(x: number): string {
  return Math.round(x).toLocaleString("en-US");
}

function printTable(header: string[], rows: string[][]): void {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r: string[]): string =>
    "| " + r.map((cell, c) => cell.padStart(widths[c])).join(" | ") + " |";
  console.log(line(header));
  console.log("|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|");
  for (const r of rows) console.log(line(r));
}

await main();
