/**
 * One training run of the playground as plain data: the data split, the network, the resumable minibatch
 * trainer, and the loss history. Everything here is pure engine calls, so the run at step 0 is the same in
 * the build (the static figure), in the browser and in the tests.
 */
import { asTrainingData, generate2d, splitDataset, type Dataset } from "../../engine/datasets";
import { constantPredictorLoss, losses, lossInto, type LossName } from "../../engine/loss";
import {
  activationOf,
  backward,
  cloneNetwork,
  createNetwork,
  createWorkspace,
  forward,
  type Network,
  type Workspace,
} from "../../engine/network";
import {
  createTrainerState,
  trainStepsInPlace,
  type TrainerOptions,
  type TrainerState,
  type TrainingData,
} from "../../engine/optimizer";
import { createRng } from "../../engine/rng";
import { deadUnits, fractionSaturated, isDiverged, moments, symmetrySpread } from "../../engine/stats";
import { initParamsOf, POINTS, type PlaygroundState } from "./model";

/**
 * A linear output unit (a score whose sign is the class) trained with ½·squared error against labels ±1, as
 * TF Playground's regression: too large a learning rate makes the loss overflow, so divergence is unambiguous.
 */
export const LOSS: LossName = "half-mse";
export const OUTPUT = "linear" as const;
/** Training stops by itself here, so a forgotten tab does not spin forever. */
export const MAX_EPOCHS = 5000;

export interface Split {
  train: Dataset;
  test: Dataset;
  trainData: TrainingData;
  testData: TrainingData;
}

/** The data set and its train/test split: a function of dataset, noise, share and data seed only. */
export function splitOf(state: PlaygroundState): Split {
  const all = generate2d(state.dataset, { n: POINTS, noise: state.noise / 100, seed: state.dataSeed });
  const { train, test } = splitDataset(all, state.trainPct / 100, state.dataSeed + 1);
  return {
    train,
    test,
    trainData: asTrainingData(train, losses[LOSS].labels),
    testData: asTrainingData(test, losses[LOSS].labels),
  };
}

/** Widths [2 inputs, hidden…, 1 output]. */
export const sizesOf = (state: PlaygroundState): number[] => [2, ...state.hidden, 1];

/** The initial network for the state's seed: Reset draws exactly these weights again. */
export function initialNetwork(state: PlaygroundState): Network {
  return createNetwork({
    sizes: sizesOf(state),
    hidden: state.activation,
    output: OUTPUT,
    init: state.init,
    initParams: initParamsOf(state),
    bias: state.bias === "zeros" ? { kind: "zeros" } : { kind: "constant", value: state.biasValue },
    rng: createRng(state.seed),
  });
}

/** One loss-history point: train and test loss after `epoch` epochs. */
export interface LossPoint {
  epoch: number;
  train: number;
  test: number;
}

export interface Run {
  state: PlaygroundState;
  split: Split;
  /** The weights training starts from (the seed's, or an imported network); never mutated. */
  start: Network;
  trainer: TrainerState;
  options: TrainerOptions;
  ws: Workspace;
  stepsPerEpoch: number;
  history: LossPoint[];
  diverged: boolean;
  /** Loss of the best constant prediction on the test set: the "learned nothing" line. */
  baseline: number;
  /** The first epoch whose test loss fell below LEARNED_LOSS, and that loss; null until then. */
  learned: { epoch: number; test: number } | null;
  /** Batch losses of the epoch in progress. */
  epochLosses: number[];
  /** Workspaces for full passes over the training and the test set. */
  evalWs: { train?: Workspace; test?: Workspace };
}

/** A run at step 0, from the seed's weights or from `start` (an imported network of the same shape). */
export function createRun(state: PlaygroundState, split: Split = splitOf(state), start?: Network): Run {
  const first = start ?? initialNetwork(state);
  const net = cloneNetwork(first);
  const batch = Math.min(state.batch, split.trainData.n);
  const options: TrainerOptions = { lr: state.lr, loss: LOSS, batch, seed: state.seed };
  const trainer = createTrainerState(net, split.trainData, options);
  const run: Run = {
    state,
    split,
    start: first,
    trainer,
    options,
    ws: createWorkspace(net, batch),
    stepsPerEpoch: Math.max(1, Math.floor(split.trainData.n / batch)),
    history: [],
    diverged: false,
    baseline: constantPredictorLoss(LOSS, split.testData.Y),
    learned: null,
    epochLosses: [],
    evalWs: {},
  };
  recordLoss(run);
  return run;
}

/** Whole epochs done. */
export const epochOf = (run: Run): number => Math.floor(run.trainer.step / run.stepsPerEpoch);

/** Mean loss over a whole data set, through a workspace kept for it (no allocation per epoch). */
function fullLoss(run: Run, data: TrainingData): number {
  const net = run.trainer.net;
  const ws = (run.evalWs[data === run.split.trainData ? "train" : "test"] ??= createWorkspace(net, data.n));
  const trace = forward(net, data.X, data.n, ws);
  return lossInto(LOSS, trace.a[trace.a.length - 1], data.Y, data.n, ws.dLdyhat).value;
}

/**
 * Records the losses after an epoch: the test loss over the whole test set, the train loss as the mean of
 * the epoch's batch losses (each measured before its update, as Keras reports it) — or, at step 0, over the
 * whole training set.
 */
function recordLoss(run: Run, batchLosses?: number[]): void {
  const train =
    batchLosses && batchLosses.length > 0
      ? batchLosses.reduce((s, x) => s + x, 0) / batchLosses.length
      : fullLoss(run, run.split.trainData);
  const test = fullLoss(run, run.split.testData);
  const net = run.trainer.net;
  run.history.push({ epoch: epochOf(run), train, test });
  if (run.learned === null && test < LEARNED_LOSS) run.learned = { epoch: epochOf(run), test };
  if (!Number.isFinite(train) || !Number.isFinite(test) || isDiverged(net)) run.diverged = true;
}

/** True when training cannot go on: diverged, or at the epoch limit. */
export const runFinished = (run: Run): boolean => run.diverged || epochOf(run) >= MAX_EPOCHS;

/**
 * One SGD step; at each epoch's end the train and test losses are recorded (and divergence detected).
 * Returns false when the run cannot take a step.
 */
export function stepRun(run: Run): boolean {
  if (runFinished(run)) return false;
  const [loss] = trainStepsInPlace(run.trainer, run.split.trainData, run.options, 1, run.ws);
  run.epochLosses.push(loss);
  if (run.trainer.step % run.stepsPerEpoch === 0) {
    recordLoss(run, run.epochLosses);
    run.epochLosses = [];
  }
  return true;
}

/** Trains one whole epoch (the Step button; also the tests). */
export function stepEpoch(run: Run): void {
  const target = (epochOf(run) + 1) * run.stepsPerEpoch;
  while (run.trainer.step < target && stepRun(run));
}

/** What the per-layer panel shows for one weight layer, from the current weights on the training set. */
export interface LayerRow {
  /** 1-based weight layer (the last is the output unit). */
  layer: number;
  units: number;
  /** Var of the layer's activations a = f(z) over the training set and units. */
  actVar: number;
  /**
   * Var of the back-propagated gradient per example, ∂ℓ/∂z (the batch-mean loss's ∂L/∂z times the number of
   * points, so the number does not depend on how many points are averaged).
   */
  gradVar: number;
  /** Share of saturated units (tanh, sigmoid) or of zero outputs (ReLU); null for others. */
  saturated: number | null;
  dead: number | null;
  /** Every unit of this hidden layer has the same incoming weights and bias (symmetry never broken). */
  tied: boolean;
}

/**
 * Per-layer activation and gradient variance for the run's current weights (one forward and backward pass over
 * the training set). Only moments, no histograms: this runs a few times a second while training.
 */
export function layerRows(run: Run): LayerRow[] {
  const net = run.trainer.net;
  const data = run.split.trainData;
  const ws = (run.evalWs.train ??= createWorkspace(net, data.n));
  const trace = forward(net, data.X, data.n, ws);
  const yhat = trace.a[trace.a.length - 1];
  const { grad } = lossInto(LOSS, yhat, data.Y, data.n, ws.dLdyhat);
  const grads = backward(net, trace, grad, ws);
  const spread = symmetrySpread(net);
  const L = net.layers.length;
  return net.layers.map((_, l) => {
    const activation = activationOf(net, l);
    const a = trace.a[l + 1];
    const units = net.sizes[l + 1];
    return {
      layer: l + 1,
      units,
      actVar: moments(a).variance,
      gradVar: moments(grads.dz[l]).variance * data.n * data.n,
      saturated: fractionSaturated(activation, a),
      dead: activation === "relu" ? deadUnits(a, data.n, units).deadUnitFraction : null,
      tied: l < L - 1 && units > 1 && spread.layers[l].weights === 0 && spread.layers[l].biases === 0,
    };
  });
}

/** The verdict a reader can check against the numbers. */
export type Verdict = "untrained" | "learning" | "stalled" | "learned" | "diverged";

/** A run whose test loss has fallen under this has learned the data set (it stays "learned": SGD jitters). */
export const LEARNED_LOSS = 0.05;
/** Epochs after which a run whose test loss stays near the constant prediction's is called stalled. */
export const STALL_EPOCHS = 30;

export function verdictOf(run: Run): Verdict {
  if (run.diverged) return "diverged";
  const last = run.history[run.history.length - 1];
  if (last.epoch === 0) return "untrained";
  if (run.learned !== null) return "learned";
  if (last.epoch >= STALL_EPOCHS && last.test > 0.7 * run.baseline) return "stalled";
  return "learning";
}
