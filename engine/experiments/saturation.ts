/**
 * Claim (Random page, "too large → saturation"): with N(0, s²) weights, a sigmoid or tanh net saturates as s
 * grows — f′(z) ≈ 0 for most units — and training stalls, while the same net with Xavier/Glorot weights,
 * trained on the same data from the same seed, learns. Per-layer backward factor n·s²·E[f′(z)²] decides
 * whether gradients vanish or (for saturated tanh with s ~ 1) even explode toward the input, so the per-layer
 * gradient norms are reported rather than assumed.
 *
 * Setup: 2 inputs → `hidden` → 1 tanh output on a Playground data set, ½·MSE on ±1 labels, zero biases,
 * plain SGD. Statistics at initialisation and at the end are taken over the whole training set as one batch.
 */
import { type ActivationName } from "../activations";
import { asTrainingData, generate2d, type DatasetName } from "../datasets";
import { type InitializerId } from "../initializers";
import { lossInto } from "../loss";
import { backward, createNetwork, forward, type Network } from "../network";
import {
  createTrainerState,
  datasetLoss,
  trainStepsInPlace,
  type TrainerOptions,
  type TrainerState,
  type TrainingData,
} from "../optimizer";
import { createRng } from "../rng";
import { histogram } from "../histogram";
import { derivativeValues, isDiverged, layerStatistics, moments, saturationEdge, type Bin } from "../stats";
import type { Stepper } from "../stepping";
import { verdictOf, type Verdict } from "../verdict";

/** Options of the saturation experiment (defaults in `saturationDefaults`). */
export interface SaturationOptions {
  seed: number;
  activation: "tanh" | "sigmoid";
  /** Weight scale s: every weight ~ N(0, s²). */
  scale: number;
  /** The baseline's initializer (Xavier/Glorot). */
  baseline: InitializerId;
  hidden: number[];
  dataset: DatasetName;
  points: number;
  lr: number;
  batch: number;
  steps: number;
  /** Record the full-data loss every this many steps. */
  every: number;
  bins: number;
}

/** tanh, s = 1, 2 → [8, 8, 8] → 1 on 200 circle points, lr 0.03, batch 10, 1000 steps, Xavier normal baseline. */
export const saturationDefaults: SaturationOptions = {
  seed: 1,
  activation: "tanh",
  scale: 1,
  baseline: "glorot-normal-torch",
  hidden: [8, 8, 8],
  dataset: "circle",
  points: 200,
  lr: 0.03,
  batch: 10,
  steps: 1000,
  every: 10,
  bins: 30,
};

/** Statistics of one hidden layer over the training set. */
export interface SaturationLayer {
  layer: number;
  /** Fraction of saturated units (f′(z) < 2 % of f′(0): stats.saturationEdge). */
  saturated: number;
  /** Mean of f′(z) over units and examples. */
  meanDerivative: number;
  zHistogram: Bin[];
  derivativeHistogram: Bin[];
  /** ‖∂L/∂W‖₂ of the weights INTO this layer. */
  gradNorm: number;
}

/** A finished run: loss curve and per-layer statistics at initialisation and at the end. */
export interface SaturationRun {
  label: string;
  init: InitializerId;
  /** Full-data loss every `every` steps, starting at step 0. */
  loss: { step: number; loss: number }[];
  atInit: SaturationLayer[];
  atEnd: SaturationLayer[];
}

/** The N(0, s²) run and its Xavier baseline. */
export interface SaturationResult {
  options: SaturationOptions;
  scaled: SaturationRun;
  baseline: SaturationRun;
}

/**
 * Per-hidden-layer saturation statistics on the whole data set (loss gradient of ½·MSE). Histograms share
 * one domain across layers so they can be compared: z over [−m, m] with m the largest |z| of any hidden layer,
 * f′(z) over [0, f′(0)] (1 for tanh, ¼ for sigmoid).
 */
export function saturationSnapshot(net: Network, data: TrainingData, bins: number): SaturationLayer[] {
  const trace = forward(net, data.X, data.n);
  const grads = backward(net, trace, lossInto("half-mse", trace.a[trace.a.length - 1], data.Y, data.n).grad);
  const stats = layerStatistics(net, trace, grads, { bins }).slice(0, -1);
  const widest = Math.max(1e-12, ...stats.map((st) => Math.max(-st.z.min, st.z.max)));
  // an overflowing net (z = ±∞) still gets a finite window; its infinite values land in the end bins
  const m = Number.isFinite(widest) ? widest : Number.MAX_VALUE;
  const fMax = net.hidden === "sigmoid" ? 0.25 : 1;
  return stats.map((st) => ({
    layer: st.layer,
    saturated: st.saturated ?? 0,
    meanDerivative: st.derivative.mean,
    zHistogram: histogram(trace.z[st.layer], { bins, domain: [-m, m] }),
    derivativeHistogram: histogram(
      derivativeValues(st.activation, trace.z[st.layer], trace.a[st.layer + 1], net.leakySlope),
      { bins, domain: [0, fMax] },
    ),
    gradNorm: st.gradNorm ?? 0,
  }));
}

/** Plain state of one run in progress; `stepSaturationInPlace` advances it. */
export interface SaturationStepper {
  label: string;
  init: InitializerId;
  data: TrainingData;
  trainer: TrainerState;
  options: SaturationOptions;
  loss: { step: number; loss: number }[];
  atInit: SaturationLayer[];
}

function trainerOptions(o: SaturationOptions): TrainerOptions {
  return { loss: "half-mse", lr: o.lr, batch: o.batch, seed: o.seed };
}

/**
 * One training run, ready to step: `which` = "scaled" (N(0, s²)) or "baseline" (Xavier). Both use the same
 * data, weight seed and batch order.
 */
export function createSaturationRun(
  which: "scaled" | "baseline",
  options: Partial<SaturationOptions> = {},
): SaturationStepper {
  const o = { ...saturationDefaults, ...options };
  const data = asTrainingData(generate2d(o.dataset, { n: o.points, seed: o.seed }), "signed");
  const init: InitializerId = which === "scaled" ? "random-normal" : o.baseline;
  const net = createNetwork({
    sizes: [2, ...o.hidden, 1],
    hidden: o.activation as ActivationName,
    output: "tanh",
    init,
    initParams: which === "scaled" ? { mean: 0, std: o.scale } : {},
    rng: createRng(o.seed),
  });
  return {
    label: which === "scaled" ? `N(0, ${o.scale}²)` : o.baseline,
    init,
    data,
    trainer: createTrainerState(net, data, trainerOptions(o)),
    options: o,
    loss: [{ step: 0, loss: datasetLoss(net, data, "half-mse") }],
    atInit: saturationSnapshot(net, data, o.bins),
  };
}

/** Advances a run by n steps, recording the full-data loss every `every` steps. */
export function stepSaturationInPlace(run: SaturationStepper, n: number): void {
  const { every } = run.options;
  for (let k = 0; k < n; k++) {
    trainStepsInPlace(run.trainer, run.data, trainerOptions(run.options), 1);
    if (run.trainer.step % every === 0) {
      run.loss.push({ step: run.trainer.step, loss: datasetLoss(run.trainer.net, run.data, "half-mse") });
    }
  }
}

function finish(run: SaturationStepper): SaturationRun {
  return {
    label: run.label,
    init: run.init,
    loss: run.loss,
    atInit: run.atInit,
    atEnd: saturationSnapshot(run.trainer.net, run.data, run.options.bins),
  };
}

/** Trains the N(0, s²) net and the Xavier baseline for `steps` steps each. */
export function runSaturation(options: Partial<SaturationOptions> = {}): SaturationResult {
  const o = { ...saturationDefaults, ...options };
  const scaled = createSaturationRun("scaled", o);
  const baseline = createSaturationRun("baseline", o);
  stepSaturationInPlace(scaled, o.steps);
  stepSaturationInPlace(baseline, o.steps);
  return { options: o, scaled: finish(scaled), baseline: finish(baseline) };
}

/**
 * Where a unit counts as saturated, as |z| (stats.saturationEdge: f′(z) below 2 % of f′(0), |z| > 2.64 for tanh
 * and 5.29 for sigmoid), the window the z histograms cover (a little more than that) and the largest slope f′
 * (1 for tanh, ¼ for sigmoid).
 */
export const SATURATION_WINDOWS = {
  tanh: { liveEdge: saturationEdge("tanh"), zLimit: 6, derivativeMax: 1 },
  sigmoid: { liveEdge: saturationEdge("sigmoid"), zLimit: 10, derivativeMax: 0.25 },
} as const;

/** Bins of the z and f′ histograms in a snapshot. */
export const Z_BINS = 25;
export const DERIVATIVE_BINS = 20;
/** Steps before which a run's loss is too early to judge (engine/verdict.ts). */
export const SATURATION_WARMUP = 100;

/** One hidden layer of one run, over the whole training set. Histogram bins are shares of all values. */
export interface SaturationLayerSnapshot {
  /** 1-based hidden layer number. */
  layer: number;
  /** Shares of z in Z_BINS equal bins over [−zLimit, zLimit]; `below`/`above` are the shares outside. */
  z: number[];
  below: number;
  above: number;
  zStd: number;
  /** Shares of f′(z) in DERIVATIVE_BINS equal bins over [0, derivativeMax]. */
  derivative: number[];
  /** Fraction of saturated units (f′(z) < 2 % of f′(0): stats.saturationEdge). */
  saturated: number;
  meanDerivative: number;
  /** ‖∂L/∂W‖₂ of the weights INTO this layer. */
  gradNorm: number;
}

export interface SaturationRunSnapshot {
  key: "scaled" | "baseline";
  /** Full-data loss every `every` steps from step 0, finite values only. */
  loss: { step: number; loss: number }[];
  /** Per-layer statistics, taken at `layersStep` (they refresh less often than the loss). */
  layers: SaturationLayerSnapshot[];
  layersStep: number;
  /** The step at which a weight or the loss first became non-finite (null while finite). */
  divergedAt: number | null;
  verdict: Verdict;
}

export interface SaturationSnapshot {
  options: SaturationOptions;
  step: number;
  horizon: number;
  /** ½·Var(y): the loss of the best constant output, the same data for both runs. */
  constantLoss: number;
  window: (typeof SATURATION_WINDOWS)[SaturationOptions["activation"]];
  scaled: SaturationRunSnapshot;
  baseline: SaturationRunSnapshot;
}

function layerSnapshots(run: SaturationStepper): SaturationLayerSnapshot[] {
  const { net } = run.trainer;
  const bounds = SATURATION_WINDOWS[run.options.activation];
  const trace = forward(net, run.data.X, run.data.n);
  const grads = backward(
    net,
    trace,
    lossInto("half-mse", trace.a[trace.a.length - 1]!, run.data.Y, run.data.n).grad,
  );
  const stats = layerStatistics(net, trace, grads, { bins: 1 }).slice(0, -1);
  return stats.map((st) => {
    const z = trace.z[st.layer]!;
    const n = z.length;
    let below = 0;
    let above = 0;
    for (let i = 0; i < n; i++) {
      if (z[i]! < -bounds.zLimit) below++;
      else if (z[i]! > bounds.zLimit) above++;
    }
    const shares = (bins: Bin[]) => bins.map((b) => (n > 0 ? b.count / n : 0));
    const derivative = derivativeValues(st.activation, z, trace.a[st.layer + 1]!, net.leakySlope);
    return {
      layer: st.layer + 1,
      z: shares(histogram(z, { bins: Z_BINS, domain: [-bounds.zLimit, bounds.zLimit] })),
      below: below / n,
      above: above / n,
      zStd: moments(z).std,
      derivative: shares(histogram(derivative, { bins: DERIVATIVE_BINS, domain: [0, bounds.derivativeMax] })),
      saturated: st.saturated ?? 0,
      meanDerivative: st.derivative.mean,
      gradNorm: st.gradNorm ?? 0,
    };
  });
}

/**
 * The N(0, s²) run and its Xavier baseline, advancing together one SGD step per unit (a run that diverges
 * stops there; the other goes on), as a {@link Stepper}. Per-layer statistics are retaken every
 * `layersEvery` steps and at the end (they are what the histograms draw; the loss is recorded every `every`).
 */
export function createSaturationStepper(
  options: Partial<SaturationOptions> = {},
  layersEvery = Math.max(1, Math.round((options.steps ?? saturationDefaults.steps) / 10)),
): Stepper<SaturationSnapshot> {
  const o = { ...saturationDefaults, ...options };
  const runs = { scaled: createSaturationRun("scaled", o), baseline: createSaturationRun("baseline", o) };
  const constantLoss = moments(runs.scaled.data.Y).variance / 2;
  const divergedAt: Record<"scaled" | "baseline", number | null> = { scaled: null, baseline: null };
  const layers = {
    scaled: { step: 0, layers: layerSnapshots(runs.scaled) },
    baseline: { step: 0, layers: layerSnapshots(runs.baseline) },
  };
  let step = 0;
  const keys = ["scaled", "baseline"] as const;
  const done = () => step >= o.steps || keys.every((k) => divergedAt[k] !== null);

  const refreshLayers = (force: boolean) => {
    for (const k of keys) {
      if (divergedAt[k] !== null) continue; // keeps its last finite statistics
      if (force || step - layers[k].step >= layersEvery)
        layers[k] = { step, layers: layerSnapshots(runs[k]) };
    }
  };

  const runSnapshot = (k: "scaled" | "baseline"): SaturationRunSnapshot => {
    const loss = runs[k].loss.filter((p) => Number.isFinite(p.loss)).map((p) => ({ ...p }));
    return {
      key: k,
      loss,
      layers: layers[k].layers,
      layersStep: layers[k].step,
      divergedAt: divergedAt[k],
      verdict: verdictOf({
        losses: loss.map((p) => p.loss),
        constantLoss,
        step,
        warmup: SATURATION_WARMUP,
        diverged: divergedAt[k] !== null,
      }),
    };
  };

  return {
    step(n) {
      const k = Math.min(n, o.steps - step);
      if (k <= 0 || done()) return 0;
      step += k;
      for (const key of keys) {
        if (divergedAt[key] !== null) continue;
        const run = runs[key];
        stepSaturationInPlace(run, k);
        if (isDiverged(run.trainer.net, undefined, run.loss[run.loss.length - 1]!.loss))
          divergedAt[key] = run.trainer.step;
      }
      refreshLayers(done());
      return k;
    },
    get progress() {
      return step;
    },
    horizon: o.steps,
    get done() {
      return done();
    },
    snapshot: () => ({
      options: o,
      step,
      horizon: o.steps,
      constantLoss,
      window: SATURATION_WINDOWS[o.activation],
      scaled: runSnapshot("scaled"),
      baseline: runSnapshot("baseline"),
    }),
  };
}
