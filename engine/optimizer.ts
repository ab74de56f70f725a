/**
 * Stochastic gradient descent, optionally with (heavy-ball) momentum: one update, one training step, and
 * minibatch training over a data set as plain, resumable state.
 *
 * Plain SGD:   θ ← θ − η·∂L/∂θ
 * Momentum μ:  v ← μ·v − η·∂L/∂θ,  θ ← θ + v      (v starts at 0; `createVelocity` allocates it)
 */
import { permutation } from "./datasets";
import { lossInto, type LossName } from "./loss";
import {
  backward,
  createWorkspace,
  forward,
  predict,
  type Gradients,
  type Network,
  type Workspace,
} from "./network";
import { createRng } from "./rng";

/** Momentum buffers shaped like the network's parameters. */
export interface Velocity {
  W: Float64Array[];
  b: Float64Array[];
}

/** Step size and optional momentum of one SGD update. */
export interface SgdOptions {
  /** Learning rate η. */
  lr: number;
  /** Momentum μ in [0, 1); 0 or absent means plain SGD. */
  momentum?: number;
  /** Required when momentum > 0; updated in place. */
  velocity?: Velocity;
}

/** Zero momentum buffers for `net`. */
export function createVelocity(net: Network): Velocity {
  return {
    W: net.layers.map(({ W }) => new Float64Array(W.length)),
    b: net.layers.map(({ b }) => new Float64Array(b.length)),
  };
}

/** Updates the network's weights and biases in place from `grads` (see the module comment for the rule). */
export function applySgdInPlace(net: Network, grads: Gradients, options: SgdOptions): void {
  const { lr, momentum = 0, velocity } = options;
  if (momentum !== 0 && !velocity) throw new Error("momentum needs a velocity buffer (createVelocity)");
  for (let l = 0; l < net.layers.length; l++) {
    const { W, b } = net.layers[l];
    if (momentum === 0 || !velocity) {
      descendInPlace(W, grads.dW[l], lr);
      descendInPlace(b, grads.db[l], lr);
    } else {
      momentumInPlace(W, velocity.W[l], grads.dW[l], lr, momentum);
      momentumInPlace(b, velocity.b[l], grads.db[l], lr, momentum);
    }
  }
}

function descendInPlace(theta: Float64Array, g: Float64Array, lr: number): void {
  for (let i = 0; i < theta.length; i++) theta[i] -= lr * g[i];
}

function momentumInPlace(
  theta: Float64Array,
  v: Float64Array,
  g: Float64Array,
  lr: number,
  mu: number,
): void {
  for (let i = 0; i < theta.length; i++) {
    const vi = mu * v[i] - lr * g[i];
    v[i] = vi;
    theta[i] += vi;
  }
}

/** One training step: the loss to differentiate plus the SGD options. */
export interface TrainStepOptions extends SgdOptions {
  loss: LossName;
}

/**
 * One SGD step on a batch: forward X (B × n_0), loss against Y (B × n_L), backward, update in place.
 * Returns the batch loss measured BEFORE the update. Reuses `ws` (allocated if omitted or of another batch).
 */
export function trainStepInPlace(
  net: Network,
  X: Float64Array,
  Y: Float64Array,
  batch: number,
  options: TrainStepOptions,
  ws: Workspace = createWorkspace(net, batch),
): number {
  const work = ws.batch === batch ? ws : createWorkspace(net, batch);
  const trace = forward(net, X, batch, work);
  const yhat = trace.a[trace.a.length - 1];
  const { value, grad } = lossInto(options.loss, yhat, Y, batch, work.dLdyhat);
  applySgdInPlace(net, backward(net, trace, grad, work), options);
  return value;
}

/** Copies rows `indices[start … start+batch)` of X (n × dx) and Y (n × dy) into ws.xBatch and ws.yBatch. */
export function gatherBatchInPlace(
  ws: Workspace,
  X: Float64Array,
  Y: Float64Array,
  dx: number,
  dy: number,
  indices: ArrayLike<number>,
  start: number,
): void {
  for (let k = 0; k < ws.batch; k++) {
    const row = indices[start + k];
    for (let j = 0; j < dx; j++) ws.xBatch[k * dx + j] = X[row * dx + j];
    for (let j = 0; j < dy; j++) ws.yBatch[k * dy + j] = Y[row * dy + j];
  }
}

/** A supervised data set for training: inputs n × dim, targets n × outputs (row-major). */
export interface TrainingData {
  X: Float64Array;
  Y: Float64Array;
  n: number;
  dim: number;
  outputs: number;
}

/** Minibatch training: a training step's options plus batch size and shuffling seed. */
export interface TrainerOptions extends TrainStepOptions {
  /** Minibatch size B (≤ n); each epoch visits ⌊n / B⌋ batches of a fresh permutation. */
  batch: number;
  /** Seeds the permutations: epoch e is shuffled by createRng(seed + 7919·e), so state stays plain data. */
  seed: number;
}

/** Plain, serialisable progress of minibatch SGD: everything needed to continue exactly where it stopped. */
export interface TrainerState {
  net: Network;
  velocity: Velocity | null;
  /** SGD steps taken so far. */
  step: number;
  epoch: number;
  /** Next batch starts at order[cursor]. */
  cursor: number;
  order: Uint32Array;
  /** Forward/backward buffers for a batch, made on the first step and reused (no garbage per step). */
  ws?: Workspace;
}

/** Starts minibatch SGD on `net` (which the trainer then updates in place). */
export function createTrainerState(net: Network, data: TrainingData, options: TrainerOptions): TrainerState {
  if (!(options.batch >= 1 && options.batch <= data.n)) throw new RangeError("batch must lie in [1, n]");
  return {
    net,
    velocity: options.momentum ? createVelocity(net) : null,
    step: 0,
    epoch: 0,
    cursor: 0,
    order: permutation(data.n, createRng(options.seed)),
  };
}

function trainerWorkspace(state: TrainerState, batch: number): Workspace {
  if (state.ws?.batch !== batch) state.ws = createWorkspace(state.net, batch);
  return state.ws;
}

/**
 * Takes `steps` SGD steps in place and returns their batch losses (each measured before its update).
 * Deterministic: the same state, data and options always give the same bits.
 */
export function trainStepsInPlace(
  state: TrainerState,
  data: TrainingData,
  options: TrainerOptions,
  steps: number,
  ws: Workspace = trainerWorkspace(state, options.batch),
): number[] {
  const { batch } = options;
  const losses: number[] = [];
  const sgd = { ...options, velocity: state.velocity ?? undefined };
  for (let k = 0; k < steps; k++) {
    if (state.cursor + batch > data.n) {
      state.epoch++;
      state.cursor = 0;
      state.order = permutation(data.n, createRng(options.seed + 7919 * state.epoch));
    }
    gatherBatchInPlace(ws, data.X, data.Y, data.dim, data.outputs, state.order, state.cursor);
    losses.push(trainStepInPlace(state.net, ws.xBatch, ws.yBatch, batch, sgd, ws));
    state.cursor += batch;
    state.step++;
  }
  return losses;
}

/** Mean loss of `net` over a whole data set (no update). */
export function datasetLoss(net: Network, data: TrainingData, loss: LossName): number {
  const yhat = predict(net, data.X, data.n);
  return lossInto(loss, yhat, data.Y, data.n).value;
}
