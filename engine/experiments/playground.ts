/**
 * The playground's run (the Playground page's sandbox): a 2 → hidden… → 1 network with a linear output (a
 * score whose sign is the class) trained by minibatch SGD on ½·squared error against labels ±1, as TF
 * Playground's regression, on a train/test split of a 2-D data set. Too large a learning rate makes the loss
 * blow up, so divergence is unambiguous. One unit of the stepper is one SGD step; the losses are recorded
 * once per epoch, and the verdict is engine/verdict.ts's rule on the test loss.
 */
import type { ActivationName } from "../activations";
import { asTrainingData, generate2d, splitDataset, type Dataset, type DatasetName } from "../datasets";
import type { InitializerId, InitParams } from "../initializers";
import { constantPredictorLoss, losses, lossInto, type LossName } from "../loss";
import {
  activationOf,
  backward,
  cloneNetwork,
  createNetwork,
  createWorkspace,
  forward,
  type Network,
  type Workspace,
} from "../network";
import { createTrainerState, trainStepsInPlace, type TrainerOptions, type TrainingData } from "../optimizer";
import { createRng } from "../rng";
import { deadUnits, fractionSaturated, isDiverged, moments, symmetrySpread } from "../stats";
import type { Stepper } from "../stepping";
import { recentLoss, verdictOf, type Verdict } from "../verdict";

export const LOSS: LossName = "half-mse";
export const OUTPUT = "linear" as const;

export interface PlaygroundOptions {
  dataset: DatasetName;
  /** Points in the whole data set (TF Playground's 500). */
  points: number;
  /** Share of labels flipped, 0–0.5. */
  noise: number;
  /** Share of the points used for training; the rest is the test set. */
  trainFraction: number;
  /** Seeds the data set and its split. */
  dataSeed: number;
  hidden: number[];
  activation: ActivationName;
  init: InitializerId;
  initParams: Partial<InitParams>;
  /** Every bias starts at this value. */
  bias: number;
  lr: number;
  batch: number;
  /** Seeds the initial weights and the minibatch order. */
  seed: number;
  /** Training stops by itself after this many epochs. */
  maxEpochs: number;
  /** Weights to start from instead of the seed's (an imported network of the same shape); never mutated. */
  start?: Network;
}

/** Epochs before which a run is "untrained" for the verdict: a stall shows only after a while. */
export const PLAYGROUND_WARMUP = 30;

export interface Split {
  train: Dataset;
  test: Dataset;
  trainData: TrainingData;
  testData: TrainingData;
}

/** The data set and its train/test split: a function of the data options only. */
export function playgroundSplit(
  o: Pick<PlaygroundOptions, "dataset" | "points" | "noise" | "trainFraction" | "dataSeed">,
): Split {
  const all = generate2d(o.dataset, { n: o.points, noise: o.noise, seed: o.dataSeed });
  const { train, test } = splitDataset(all, o.trainFraction, o.dataSeed + 1);
  const labels = losses[LOSS].labels;
  return { train, test, trainData: asTrainingData(train, labels), testData: asTrainingData(test, labels) };
}

/** The seed's initial network: Reset draws exactly these weights again. */
export function playgroundNetwork(o: PlaygroundOptions): Network {
  return createNetwork({
    sizes: [2, ...o.hidden, 1],
    hidden: o.activation,
    output: OUTPUT,
    init: o.init,
    initParams: o.initParams,
    bias: o.bias === 0 ? { kind: "zeros" } : { kind: "constant", value: o.bias },
    rng: createRng(o.seed),
  });
}

/** SGD steps per epoch: whole batches of the training set. */
export const stepsPerEpochOf = (trainPoints: number, batch: number): number =>
  Math.max(1, Math.floor(trainPoints / Math.min(batch, trainPoints)));

/** Train and test loss after `epoch` epochs. */
export interface LossPoint {
  epoch: number;
  train: number;
  test: number;
}

/** One weight layer's statistics for the current weights, over the training set. */
export interface LayerRow {
  /** 1-based weight layer (the last is the output unit). */
  layer: number;
  units: number;
  /** Var of the layer's activations a = f(z) over points and units. */
  actVar: number;
  /** Var of the back-propagated gradient per example, ∂ℓ/∂z (the batch-mean ∂L/∂z times the point count). */
  gradVar: number;
  /** Share of saturated units (tanh, sigmoid); null for others. */
  saturated: number | null;
  /** Share of dead units (ReLU); null for others. */
  dead: number | null;
  /** Every unit of this hidden layer has the same incoming weights and bias (symmetry never broken). */
  tied: boolean;
}

export interface PlaygroundSnapshot {
  step: number;
  epoch: number;
  stepsPerEpoch: number;
  /** The epoch limit. */
  maxEpochs: number;
  /** A copy of the current weights. */
  net: Network;
  history: LossPoint[];
  /** Test loss of the best constant prediction: the "learned nothing" line (L_const). */
  baseline: number;
  rows: LayerRow[];
  diverged: boolean;
  /** The first epoch the verdict was "learned", and the recent test loss then; null until then. */
  learned: { epoch: number; test: number } | null;
  /** engine/verdict.ts on the test loss per epoch; once learned it stays learned (SGD jitters). */
  verdict: Verdict;
}

/** Per-layer moments of the activations and gradients for `net` on `data` (one forward and backward pass). */
export function layerRows(net: Network, data: TrainingData, ws = createWorkspace(net, data.n)): LayerRow[] {
  const trace = forward(net, data.X, data.n, ws);
  const { grad } = lossInto(LOSS, trace.a[trace.a.length - 1]!, data.Y, data.n, ws.dLdyhat);
  const grads = backward(net, trace, grad, ws);
  const spread = symmetrySpread(net);
  const L = net.layers.length;
  return net.layers.map((_, l) => {
    const activation = activationOf(net, l);
    const a = trace.a[l + 1]!;
    const units = net.sizes[l + 1]!;
    const s = spread.layers[l]!;
    return {
      layer: l + 1,
      units,
      actVar: moments(a).variance,
      gradVar: moments(grads.dz[l]!).variance * data.n * data.n,
      saturated: fractionSaturated(activation, a),
      dead: activation === "relu" ? deadUnits(a, data.n, units).deadUnitFraction : null,
      tied: l < L - 1 && units > 1 && s.weights === 0 && s.biases === 0,
    };
  });
}

/**
 * A playground run as a {@link Stepper} of SGD steps, up to `maxEpochs` epochs; it is done early when the
 * verdict says diverged. The train loss of an epoch is the mean of its batch losses (each before its
 * update, as Keras reports it), at step 0 the loss over the whole training set; the test loss is over the
 * whole test set.
 */
export function createPlaygroundStepper(
  o: PlaygroundOptions,
  split: Split = playgroundSplit(o),
): Stepper<PlaygroundSnapshot> {
  const net = cloneNetwork(o.start ?? playgroundNetwork(o));
  const batch = Math.min(o.batch, split.trainData.n);
  const options: TrainerOptions = { lr: o.lr, loss: LOSS, batch, seed: o.seed };
  const trainer = createTrainerState(net, split.trainData, options);
  const ws = createWorkspace(net, batch);
  const evalWs = {
    train: createWorkspace(net, split.trainData.n),
    test: createWorkspace(net, split.testData.n),
  };
  const stepsPerEpoch = stepsPerEpochOf(split.trainData.n, batch);
  const horizon = o.maxEpochs * stepsPerEpoch;
  const baseline = constantPredictorLoss(LOSS, split.testData.Y);
  const history: LossPoint[] = [];
  let batchLosses: number[] = [];
  let diverged = false;
  let learned: PlaygroundSnapshot["learned"] = null;

  const fullLoss = (data: TrainingData, w: Workspace) => {
    const trace = forward(net, data.X, data.n, w);
    return lossInto(LOSS, trace.a[trace.a.length - 1]!, data.Y, data.n, w.dLdyhat).value;
  };
  const epoch = () => Math.floor(trainer.step / stepsPerEpoch);
  const rawVerdict = (): Verdict =>
    epoch() === 0 && !diverged
      ? "untrained" // the ratio rule would call a large initial loss "diverged" before any step
      : verdictOf({
          losses: history.map((p) => p.test),
          constantLoss: baseline,
          step: epoch(),
          warmup: PLAYGROUND_WARMUP,
          diverged,
        });
  const record = () => {
    const train =
      batchLosses.length > 0
        ? batchLosses.reduce((s, x) => s + x, 0) / batchLosses.length
        : fullLoss(split.trainData, evalWs.train);
    history.push({ epoch: epoch(), train, test: fullLoss(split.testData, evalWs.test) });
    batchLosses = [];
    if (isDiverged(net, undefined, train + history[history.length - 1]!.test)) diverged = true;
    const v = rawVerdict();
    if (v === "diverged") diverged = true;
    else if (v === "learned" && learned === null)
      learned = { epoch: epoch(), test: recentLoss(history.map((p) => p.test)) };
  };
  record();
  const done = () => diverged || trainer.step >= horizon;

  return {
    step(n) {
      let k = 0;
      while (k < n && !done()) {
        batchLosses.push(trainStepsInPlace(trainer, split.trainData, options, 1, ws)[0]!);
        k++;
        if (trainer.step % stepsPerEpoch === 0) record();
      }
      return k;
    },
    get progress() {
      return trainer.step;
    },
    horizon,
    get done() {
      return done();
    },
    snapshot: () => ({
      step: trainer.step,
      epoch: epoch(),
      stepsPerEpoch,
      maxEpochs: o.maxEpochs,
      net: cloneNetwork(net),
      history: history.map((p) => ({ ...p })),
      baseline,
      rows: layerRows(net, split.trainData, evalWs.train),
      diverged,
      learned: learned && { ...learned },
      verdict: learned !== null && !diverged ? "learned" : rawVerdict(),
    }),
  };
}
