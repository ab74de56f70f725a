/**
 * Claim (Symmetric page): if every weight between two layers starts equal, all units of a layer compute the
 * same value and receive the same gradient, so — by induction over SGD steps — they stay identical forever.
 * Weights out of DIFFERENT inputs may differ; weights out of one input stay equal across the units it feeds.
 * With zero weights and tanh/ReLU hidden units the hidden outputs are 0 and only biases learn. Adding ε noise
 * breaks the tie: the spread becomes positive and grows.
 *
 * Setup: a 2-input net (hidden [4, 4] by default) on a Playground data set, ½·MSE on ±1 labels with a tanh
 * output, every weight = c (+ ε·N(0, 1) when `noise` > 0), biases = `bias`, plain SGD.
 */
import { type ActivationName } from "../activations";
import { asTrainingData, generate2d, type DatasetName } from "../datasets";
import { createNetwork, type Network } from "../network";
import {
  createTrainerState,
  datasetLoss,
  trainStepsInPlace,
  type TrainerOptions,
  type TrainerState,
  type TrainingData,
} from "../optimizer";
import { createRng } from "../rng";
import { isDiverged, moments, symmetrySpread, type SymmetryReport } from "../stats";
import type { Stepper } from "../stepping";
import { TAIL, verdictOf, type Verdict } from "../verdict";

/** Options of the symmetry experiment (all have defaults in `symmetryDefaults`). */
export interface SymmetryOptions {
  seed: number;
  /** Hidden activation. */
  activation: ActivationName;
  /** The constant c every weight starts at (0 allowed). */
  constant: number;
  /** Initial value of every bias. */
  bias: number;
  /** ε: std of Gaussian noise added to every initial weight (0 = perfectly symmetric). */
  noise: number;
  hidden: number[];
  dataset: DatasetName;
  /** Number of training points. */
  points: number;
  lr: number;
  batch: number;
  /** Steps `runSymmetry` takes; the horizon of `createSymmetryStepper`. */
  steps: number;
}

/** 2 → [4, 4] → 1 on 200 circle points, c = 0.5, tanh, lr 0.03, batch 10, 500 steps. */
export const symmetryDefaults: SymmetryOptions = {
  seed: 1,
  activation: "tanh",
  constant: 0.5,
  bias: 0,
  noise: 0,
  hidden: [4, 4],
  dataset: "circle",
  points: 200,
  lr: 0.03,
  batch: 10,
  steps: 500,
};

/** The state of the tie after one step. */
export interface SymmetryRecord {
  step: number;
  /** Loss over the whole training set after `step` steps. */
  loss: number;
  /** Largest spread among weights symmetry keeps equal (see stats.symmetrySpread); exactly 0 while tied. */
  spread: number;
  perLayer: SymmetryReport["layers"];
}

/** Plain state of a symmetry run; `stepSymmetryInPlace` advances it. */
export interface SymmetryState {
  options: SymmetryOptions;
  data: TrainingData;
  trainer: TrainerState;
  /** Weights and biases as initialised, to measure how far each layer moved. */
  initial: { W: Float64Array; b: Float64Array }[];
  history: SymmetryRecord[];
}

/** A run and the function that steps it. */
export interface SymmetryRun {
  state: SymmetryState;
  /** Takes n SGD steps (recording after each) and returns the new records. */
  step(n: number): SymmetryRecord[];
}

function trainerOptions(o: SymmetryOptions): TrainerOptions {
  return { loss: "half-mse", lr: o.lr, batch: o.batch, seed: o.seed };
}

function record(state: SymmetryState): SymmetryRecord {
  const { net, step } = state.trainer;
  const report = symmetrySpread(net);
  return {
    step,
    loss: datasetLoss(net, state.data, "half-mse"),
    spread: report.max,
    perLayer: report.layers,
  };
}

/** A network with every weight = c + ε·N(0, 1) and every bias = `bias`. */
export function constantNetwork(o: SymmetryOptions): Network {
  const net = createNetwork({
    sizes: [2, ...o.hidden, 1],
    hidden: o.activation,
    output: "tanh",
    init: "constant",
    initParams: { value: o.constant },
    bias: { kind: "constant", value: o.bias },
    rng: createRng(o.seed),
  });
  if (o.noise > 0) {
    const rng = createRng(o.seed + 1);
    for (const { W } of net.layers) for (let i = 0; i < W.length; i++) W[i] += o.noise * rng.normal();
  }
  return net;
}

/** Builds the run at step 0; `step(n)` advances it in place (the engine never schedules: the caller does). */
export function createSymmetryRun(options: Partial<SymmetryOptions> = {}): SymmetryRun {
  const o = { ...symmetryDefaults, ...options };
  const data = asTrainingData(generate2d(o.dataset, { n: o.points, seed: o.seed }), "signed");
  const net = constantNetwork(o);
  const state: SymmetryState = {
    options: o,
    data,
    trainer: createTrainerState(net, data, trainerOptions(o)),
    initial: net.layers.map(({ W, b }) => ({ W: W.slice(), b: b.slice() })),
    history: [],
  };
  state.history.push(record(state));
  return { state, step: (n) => stepSymmetryInPlace(state, n) };
}

/** Advances a symmetry run by n SGD steps, appending one record per step. */
export function stepSymmetryInPlace(state: SymmetryState, n: number): SymmetryRecord[] {
  const fresh: SymmetryRecord[] = [];
  for (let k = 0; k < n; k++) {
    trainStepsInPlace(state.trainer, state.data, trainerOptions(state.options), 1);
    fresh.push(record(state));
  }
  state.history.push(...fresh);
  return fresh;
}

/** How far each weight layer moved from its initial values: max |ΔW| and max |Δb|. */
export function movement(state: SymmetryState): { weights: number; biases: number }[] {
  return state.trainer.net.layers.map(({ W, b }, l) => ({
    weights: maxAbsDiff(W, state.initial[l].W),
    biases: maxAbsDiff(b, state.initial[l].b),
  }));
}

function maxAbsDiff(x: Float64Array, y: Float64Array): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] - y[i]));
  return m;
}

/** One weight layer in a snapshot: W (out × in, row-major) and b, copied exactly, with the tie's measures. */
export interface SymmetryLayerSnapshot {
  nIn: number;
  nOut: number;
  W: number[];
  b: number[];
  /** Largest spread among this layer's tied weights (stats.symmetrySpread). */
  weightSpread: number;
  /** Spread of the biases (hidden layers); null for the output layer. */
  biasSpread: number | null;
  /** Largest |ΔW| and |Δb| since initialisation. */
  weightsMoved: number;
  biasesMoved: number;
}

/** A symmetry run as plain data: every number exact, so "bit-identical" can be checked with ===. */
export interface SymmetrySnapshot {
  step: number;
  horizon: number;
  loss: number;
  /** Largest spread among tied weights over the whole net now; exactly 0 while the units are tied. */
  spread: number;
  /** Largest spread at any step so far: exactly 0 iff the units were bit-identical at every step. */
  maxSpread: number;
  layers: SymmetryLayerSnapshot[];
  /** The step at which a weight or the loss became non-finite (the snapshot is the step before); else null. */
  divergedAt: number | null;
  verdict: Verdict;
}

/** Steps before which a symmetry run's loss is too early to judge (engine/verdict.ts). */
export const SYMMETRY_WARMUP = 100;

/**
 * A symmetry run as a {@link Stepper}: one SGD step per unit up to `steps`, keeping only the newest record
 * (memory stays flat however long it plays). A step that makes a weight or the loss non-finite is undone and
 * ends the run, so the snapshot always shows the last finite state.
 */
export function createSymmetryStepper(options: Partial<SymmetryOptions> = {}): Stepper<SymmetrySnapshot> {
  const run = createSymmetryRun(options);
  const { state } = run;
  const { net } = state.trainer;
  const horizon = state.options.steps;
  const constantLoss = moments(state.data.Y).variance / 2;
  let current = state.history[0];
  // step 0's loss, then the newest TAIL losses: all that verdictOf reads
  const losses = [current.loss];
  let maxSpread = current.spread;
  let divergedAt: number | null = null;
  const saved = net.layers.map(({ W, b }) => ({ W: W.slice(), b: b.slice() }));
  const done = () => divergedAt !== null || current.step >= horizon;

  return {
    step(n) {
      let taken = 0;
      while (taken < n && !done()) {
        net.layers.forEach(({ W, b }, l) => (saved[l].W.set(W), saved[l].b.set(b)));
        const next = run.step(1)[0];
        state.history.length = 0;
        if (isDiverged(net, undefined, next.loss) || !Number.isFinite(next.spread)) {
          divergedAt = next.step;
          net.layers.forEach(({ W, b }, l) => (W.set(saved[l].W), b.set(saved[l].b)));
          break;
        }
        current = next;
        maxSpread = Math.max(maxSpread, next.spread);
        losses.push(next.loss);
        if (losses.length > 1 + TAIL) losses.splice(1, 1);
        taken++;
      }
      return taken;
    },
    get progress() {
      return current.step;
    },
    horizon,
    get done() {
      return done();
    },
    snapshot() {
      const moved = movement(state);
      return {
        step: current.step,
        horizon,
        loss: current.loss,
        spread: current.spread,
        maxSpread,
        layers: net.layers.map(({ W, b }, l) => ({
          nIn: net.sizes[l],
          nOut: net.sizes[l + 1],
          W: Array.from(W),
          b: Array.from(b),
          weightSpread: current.perLayer[l].weights,
          biasSpread: current.perLayer[l].biases,
          weightsMoved: moved[l].weights,
          biasesMoved: moved[l].biases,
        })),
        divergedAt,
        verdict: verdictOf({
          losses,
          constantLoss,
          step: current.step,
          warmup: SYMMETRY_WARMUP,
          diverged: divergedAt !== null,
        }),
      };
    },
  };
}

/** Summary of a finished symmetry run. */
export interface SymmetryResult {
  options: SymmetryOptions;
  history: SymmetryRecord[];
  /** Largest spread at any step (exactly 0 when symmetry held throughout). */
  maxSpread: number;
  /** True iff the spread was exactly 0 (===) at every step. */
  tiedThroughout: boolean;
  moved: { weights: number; biases: number }[];
  /** Final weights, per layer (out × in). */
  weights: Float64Array[];
  biases: Float64Array[];
}

/** Trains for `steps` steps and summarises: per-step spreads, whether the tie held bit-exactly, movement. */
export function runSymmetry(options: Partial<SymmetryOptions> = {}): SymmetryResult {
  const run = createSymmetryRun(options);
  run.step(run.state.options.steps);
  const { history } = run.state;
  return {
    options: run.state.options,
    history,
    maxSpread: Math.max(...history.map((r) => r.spread)),
    tiedThroughout: history.every((r) => r.spread === 0),
    moved: movement(run.state),
    weights: run.state.trainer.net.layers.map(({ W }) => W.slice()),
    biases: run.state.trainer.net.layers.map(({ b }) => b.slice()),
  };
}

/** For every activation × constant: the largest spread over `steps` steps (all 0 when the claim holds). */
export function symmetrySweep(
  activations: readonly ActivationName[],
  constants: readonly number[],
  options: Partial<SymmetryOptions> = {},
): { activation: ActivationName; constant: number; maxSpread: number; tiedThroughout: boolean }[] {
  return activations.flatMap((activation) =>
    constants.map((constant) => {
      const r = runSymmetry({ ...options, activation, constant });
      return { activation, constant, maxSpread: r.maxSpread, tiedThroughout: r.tiedThroughout };
    }),
  );
}
