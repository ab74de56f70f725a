/**
 * Stochastic gradient descent, optionally with (heavy-ball) momentum, and one full training step.
 *
 * Plain SGD:   θ ← θ − η·∂L/∂θ
 * Momentum μ:  v ← μ·v − η·∂L/∂θ,  θ ← θ + v      (v starts at 0; `createVelocity` allocates it)
 */
import { lossInto, type LossName } from "./loss";
import { backward, createWorkspace, forward, type Gradients, type Network, type Workspace } from "./network";

/** Momentum buffers shaped like the network's parameters. */
export interface Velocity {
  W: Float64Array[];
  b: Float64Array[];
}

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
