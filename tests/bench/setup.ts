/** Shared benchmark setup: the reference nets, the data, the engine trainer and the matmul ceiling. */
import type { ActivationName } from "../../engine/activations";
import { generate2d, toSignedLabels } from "../../engine/datasets";
import { lossInto } from "../../engine/loss";
import { createNetwork, createWorkspace, predict, type Network } from "../../engine/network";
import { trainStepInPlace } from "../../engine/optimizer";
import { createRng } from "../../engine/rng";

export interface NetSpec {
  name: string;
  sizes: number[];
  hidden: ActivationName;
  output: ActivationName;
  /** The deep net whose GFLOP/s is compared with the plain matmul. */
  deep?: boolean;
}

export interface BenchSetup {
  points: number;
  batch: number;
  lr: number;
  seed: number;
  minSeconds: number;
  repeats: number;
}

export interface BenchResult {
  examplesPerSecond: number;
  flopsPerExample: number;
  /** Full-data ½·MSE after the first epoch from the shared initial weights: equal ⇒ both trained the same net. */
  lossAfterFirstEpoch: number;
}

export const REFERENCE_NETS: NetSpec[] = [
  { name: "2-[4,2]-1 tanh", sizes: [2, 4, 2, 1], hidden: "tanh", output: "tanh" },
  { name: "2-[8×6]-1 tanh", sizes: [2, 8, 8, 8, 8, 8, 8, 1], hidden: "tanh", output: "tanh" },
  {
    name: "2-[32×10]-1 ReLU",
    sizes: [2, ...Array<number>(10).fill(32), 1],
    hidden: "relu",
    output: "tanh",
    deep: true,
  },
];

/** Circle data with ±1 labels, as the Playground trains it. */
export function benchData(setup: BenchSetup): { X: Float64Array; Y: Float64Array } {
  const ds = generate2d("circle", { n: setup.points, noise: 0, seed: setup.seed });
  return { X: ds.X, Y: toSignedLabels(ds.y) };
}

/** 6 · Σ n_l·n_{l+1}: multiply-adds of the forward pass, the weight gradient and the input gradient. */
export function flopsPerExample(sizes: readonly number[]): number {
  let w = 0;
  for (let l = 0; l + 1 < sizes.length; l++) w += sizes[l] * sizes[l + 1];
  return 6 * w;
}

/** Runs `epoch` (which returns the examples it processed) for ≥ minSeconds; returns examples per second. */
export function timeRate(epoch: () => number, minSeconds: number): number {
  const t0 = performance.now();
  let examples = 0;
  let elapsed = 0;
  do {
    examples += epoch();
    elapsed = (performance.now() - t0) / 1000;
  } while (elapsed < minSeconds);
  return examples / elapsed;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function medianRate(run: () => number, repeats: number): number {
  run();
  const rates: number[] = [];
  for (let r = 0; r < repeats; r++) rates.push(run());
  return median(rates);
}

/** The initial network both engines start from (He uniform for ReLU, Glorot uniform for tanh; zero biases). */
export function benchNetwork(spec: NetSpec, setup: BenchSetup): Network {
  return createNetwork({
    sizes: spec.sizes,
    hidden: spec.hidden,
    output: spec.output,
    init: spec.hidden === "relu" ? "he-uniform" : "glorot-uniform",
    rng: createRng(setup.seed),
  });
}

/** An engine trainer on the bench data: `epoch()` trains one pass of batches and returns the examples seen. */
export function createEngineTrainer(
  spec: NetSpec,
  setup: BenchSetup,
): { epoch: () => number; loss: () => number } {
  const { X, Y } = benchData(setup);
  const net = benchNetwork(spec, setup);
  const { batch } = setup;
  const nIn = spec.sizes[0];
  const ws = createWorkspace(net, batch);
  const xs: Float64Array[] = [];
  const ys: Float64Array[] = [];
  for (let s = 0; s + batch <= setup.points; s += batch) {
    xs.push(X.subarray(s * nIn, (s + batch) * nIn));
    ys.push(Y.subarray(s, s + batch));
  }
  const options = { loss: "half-mse" as const, lr: setup.lr };
  return {
    epoch: () => {
      for (let k = 0; k < xs.length; k++) trainStepInPlace(net, xs[k], ys[k], batch, options, ws);
      return xs.length * batch;
    },
    loss: () => lossInto("half-mse", predict(net, X, setup.points), Y, setup.points).value,
  };
}

export function benchEngine(spec: NetSpec, setup: BenchSetup): BenchResult {
  const trainer = createEngineTrainer(spec, setup);
  trainer.epoch();
  const lossAfterFirstEpoch = trainer.loss();
  const examplesPerSecond = medianRate(() => timeRate(trainer.epoch, setup.minSeconds), setup.repeats);
  return { examplesPerSecond, flopsPerExample: flopsPerExample(spec.sizes), lossAfterFirstEpoch };
}

export type MatmulLoop = "i-k-j" | "i-j-k, Bᵀ" | "i-j-k, Bᵀ, n = 256 literal";

/**
 * GFLOP/s (2n³ per product) of C = A·B for n × n Float64Arrays with a plain triple loop, timed for ≥ 1 s:
 * "i-k-j" streams rows of B (axpy form); "i-j-k, Bᵀ" takes dot products of rows of A with rows of a
 * pre-transposed B (one accumulator); the third is that loop with the size written as a literal, which lets V8
 * fold the bounds (it runs faster than the same loop taking n as an argument). All are textbook loops; the
 * fastest sets the ceiling.
 */
export function matmulGflops(n: number, loop: MatmulLoop): number {
  const rng = createRng(3);
  const A = new Float64Array(n * n).map(() => rng.normal());
  const B = new Float64Array(n * n).map(() => rng.normal());
  const Bt = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) Bt[j * n + i] = B[i * n + j];
  const C = new Float64Array(n * n);
  const once =
    loop === "i-k-j"
      ? (): number => matmulIkj(A, B, C, n)
      : loop === "i-j-k, Bᵀ"
        ? (): number => matmulIjkT(A, Bt, C, n)
        : (): number => matmulIjkT256(A, Bt, C);
  if (loop === "i-j-k, Bᵀ, n = 256 literal" && n !== 256)
    throw new RangeError("the literal loop is 256 × 256");
  const perSecond = timeRate(once, 1);
  return (perSecond * 2 * n * n * n) / 1e9;
}

function matmulIkj(A: Float64Array, B: Float64Array, C: Float64Array, n: number): number {
  C.fill(0);
  for (let i = 0; i < n; i++) {
    const ci = i * n;
    for (let k = 0; k < n; k++) {
      const aik = A[ci + k];
      const bk = k * n;
      for (let j = 0; j < n; j++) C[ci + j] += aik * B[bk + j];
    }
  }
  return 1;
}

function matmulIjkT(A: Float64Array, Bt: Float64Array, C: Float64Array, n: number): number {
  for (let i = 0; i < n; i++) {
    const ai = i * n;
    for (let j = 0; j < n; j++) {
      const bj = j * n;
      let s = 0;
      for (let k = 0; k < n; k++) s += A[ai + k] * Bt[bj + k];
      C[ai + j] = s;
    }
  }
  return 1;
}

function matmulIjkT256(A: Float64Array, Bt: Float64Array, C: Float64Array): number {
  for (let i = 0; i < 256; i++) {
    const ai = i * 256;
    for (let j = 0; j < 256; j++) {
      const bj = j * 256;
      let s = 0;
      for (let k = 0; k < 256; k++) s += A[ai + k] * Bt[bj + k];
      C[ai + j] = s;
    }
  }
  return 1;
}
