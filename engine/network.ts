/**
 * A dense multilayer perceptron as plain data, with forward and backward passes over a batch.
 *
 * Shapes (row-major Float64Arrays throughout; B = batch size, n_l = sizes[l], L = number of weight layers):
 *   layers[l].W : n_{l+1} × n_l        layers[l].b : n_{l+1}
 *   trace.a[l]  : B × n_l  (a[0] is the input X)
 *   trace.z[l]  : B × n_{l+1}, z[l] = a[l]·W[l]ᵀ + b[l],  a[l+1] = f_l(z[l])
 * f_l is `hidden` for every layer but the last, which uses `output`.
 *
 * Backward takes ∂L/∂ŷ (B × n_L) and returns, per layer, dz[l] = ∂L/∂z[l], dW[l] = dz[l]ᵀ·a[l] and
 * db[l] = Σ_b dz[l]; ∂L/∂a[l] = dz[l]·W[l] is turned into dz[l−1] by multiplying with f′(z[l−1]).
 *
 * Hot loops write into a `Workspace` allocated once per (network shape, batch size) and reused every step.
 */
import {
  activateInto,
  DEFAULT_LEAKY_SLOPE,
  multiplyByDerivativeInPlace,
  type ActivationName,
} from "./activations";
import { initBias, initWeights, type InitializerId, type InitParams } from "./initializers";
import type { Rng } from "./rng";

/** One dense layer: z = W·a + b. */
export interface Layer {
  /** Weights, out × in, row-major. */
  W: Float64Array;
  /** Biases, out. */
  b: Float64Array;
}

/** A dense MLP as plain data (see the module comment for shapes). */
export interface Network {
  /** Widths [inputs, hidden…, outputs]. */
  sizes: number[];
  /** layers[l] maps sizes[l] → sizes[l + 1]. */
  layers: Layer[];
  hidden: ActivationName;
  output: ActivationName;
  /** α of leaky ReLU (unused by other activations). */
  leakySlope: number;
}

/**
 * Every bias starts at 0, at one constant value, or as a framework draws it (initializers.biasInits:
 * PyTorch's U(±1/√fan_in), drawn right after each layer's weights).
 */
export type BiasInit = { kind: "zeros" } | { kind: "constant"; value: number } | { kind: "torch-default" };

/** Arguments of `createNetwork`. */
export interface NetworkOptions {
  /** Widths [inputs, hidden…, outputs]; at least two entries. */
  sizes: readonly number[];
  hidden: ActivationName;
  /** Output activation; default "linear". */
  output?: ActivationName;
  /** One initializer for every weight matrix, or one per layer. */
  init: InitializerId | readonly InitializerId[];
  /** Parameters for the initializer(s): one object for all layers or one per layer. */
  initParams?: Partial<InitParams> | readonly Partial<InitParams>[];
  /** Bias initialisation; default zeros. */
  bias?: BiasInit;
  leakySlope?: number;
  rng: Rng;
}

/** Forward trace: z[l] (B × n_{l+1}) and a[l] (B × n_l, a[0] = input) for every layer. */
export interface Trace {
  batch: number;
  z: Float64Array[];
  a: Float64Array[];
}

/** Per-layer gradients: dW[l] (n_{l+1} × n_l), db[l] (n_{l+1}), dz[l] = ∂L/∂z[l] (B × n_{l+1}). */
export interface Gradients {
  dW: Float64Array[];
  db: Float64Array[];
  dz: Float64Array[];
}

/** Buffers reused across steps for one network shape and one batch size. */
export interface Workspace {
  batch: number;
  trace: Trace;
  grads: Gradients;
  /** Scratch for ∂L/∂ŷ, B × n_L. */
  dLdyhat: Float64Array;
  /** Scratch for a gathered minibatch: inputs B × n_0 and targets B × n_L. */
  xBatch: Float64Array;
  yBatch: Float64Array;
}

/** Activation of weight layer l: `hidden` below the top, `output` on it. */
export function activationOf(net: Network, l: number): ActivationName {
  return l === net.layers.length - 1 ? net.output : net.hidden;
}

/** Total number of weights and biases. */
export function parameterCount(net: Network): number {
  let n = 0;
  for (const { W, b } of net.layers) n += W.length + b.length;
  return n;
}

/** Builds a network whose weight matrices come from the initializer registry (fans: in = n_l, out = n_{l+1}). */
export function createNetwork(options: NetworkOptions): Network {
  const { sizes, hidden, output = "linear", init, initParams, bias = { kind: "zeros" }, rng } = options;
  if (sizes.length < 2) throw new RangeError("a network needs at least an input and an output width");
  for (const n of sizes) {
    if (!Number.isInteger(n) || n < 1)
      throw new RangeError(`layer widths must be positive integers, got ${n}`);
  }
  const L = sizes.length - 1;
  if (typeof init !== "string" && init.length !== L) {
    throw new RangeError(`expected ${L} per-layer initializers, got ${init.length}`);
  }
  if (isParamList(initParams) && initParams.length !== L) {
    throw new RangeError(`expected ${L} per-layer initParams, got ${initParams.length}`);
  }
  const layers: Layer[] = [];
  for (let l = 0; l < L; l++) {
    const id = typeof init === "string" ? init : init[l];
    const params = isParamList(initParams) ? initParams[l] : initParams;
    const W = initWeights(id, sizes[l + 1], sizes[l], rng, params);
    const b =
      bias.kind === "torch-default"
        ? initBias("torch-default", sizes[l + 1], sizes[l], rng)
        : new Float64Array(sizes[l + 1]);
    if (bias.kind === "constant") b.fill(bias.value);
    layers.push({ W, b });
  }
  return {
    sizes: [...sizes],
    layers,
    hidden,
    output,
    leakySlope: options.leakySlope ?? DEFAULT_LEAKY_SLOPE,
  };
}

function isParamList(
  p: Partial<InitParams> | readonly Partial<InitParams>[] | undefined,
): p is readonly Partial<InitParams>[] {
  return Array.isArray(p);
}

/** A deep copy (weights are copied, not shared). */
export function cloneNetwork(net: Network): Network {
  return {
    ...net,
    sizes: [...net.sizes],
    layers: net.layers.map(({ W, b }) => ({ W: W.slice(), b: b.slice() })),
  };
}

/** Allocates every buffer forward and backward need for `batch` examples. */
export function createWorkspace(net: Network, batch: number): Workspace {
  const { sizes } = net;
  const L = sizes.length - 1;
  const z: Float64Array[] = [];
  const a: Float64Array[] = [new Float64Array(0)];
  const dW: Float64Array[] = [];
  const db: Float64Array[] = [];
  const dz: Float64Array[] = [];
  for (let l = 0; l < L; l++) {
    z.push(new Float64Array(batch * sizes[l + 1]));
    a.push(new Float64Array(batch * sizes[l + 1]));
    dW.push(new Float64Array(sizes[l + 1] * sizes[l]));
    db.push(new Float64Array(sizes[l + 1]));
    dz.push(new Float64Array(batch * sizes[l + 1]));
  }
  return {
    batch,
    trace: { batch, z, a },
    grads: { dW, db, dz },
    dLdyhat: new Float64Array(batch * sizes[L]),
    xBatch: new Float64Array(batch * sizes[0]),
    yBatch: new Float64Array(batch * sizes[L]),
  };
}

/**
 * Forward pass over `batch` examples X (B × n_0; extra rows are ignored): z[l] = a[l]·W[l]ᵀ + b[l],
 * a[l+1] = f(z[l]). Writes into `ws` when given (then the returned trace is `ws.trace`, overwritten by the
 * next call), otherwise allocates. The network's output ŷ is `trace.a[L]`.
 */
export function forward(net: Network, X: Float64Array, batch: number, ws?: Workspace): Trace {
  const work = ws && ws.batch === batch ? ws : createWorkspace(net, batch);
  const { z, a } = work.trace;
  const { sizes, layers } = net;
  const L = layers.length;
  if (X.length < batch * sizes[0]) throw new RangeError(`X holds fewer than ${batch} rows of ${sizes[0]}`);
  a[0] = X;
  for (let l = 0; l < L; l++) {
    const nIn = sizes[l];
    const nOut = sizes[l + 1];
    affineInto(layers[l].W, layers[l].b, a[l], batch, nIn, nOut, z[l]);
    activateInto(activationOf(net, l), z[l], a[l + 1], net.leakySlope);
  }
  return work.trace;
}

/**
 * out (B × nOut) = x (B × nIn) · Wᵀ + b. Two output units at a time share each load of x, and each dot product
 * keeps two partial sums (even and odd i) to hide add latency. Every unit's sum is formed in the same order,
 * so units with equal weights get bit-identical outputs.
 */
function affineInto(
  W: Float64Array,
  bias: Float64Array,
  x: Float64Array,
  batch: number,
  nIn: number,
  nOut: number,
  out: Float64Array,
): void {
  const nEven = nIn - (nIn % 2);
  for (let r = 0; r < batch; r++) {
    const xo = r * nIn;
    const zo = r * nOut;
    let o = 0;
    for (; o + 1 < nOut; o += 2) {
      const w0 = o * nIn;
      const w1 = w0 + nIn;
      let s0 = 0;
      let s1 = 0;
      let t0 = 0;
      let t1 = 0;
      let i = 0;
      for (; i < nEven; i += 2) {
        const x0 = x[xo + i];
        const x1 = x[xo + i + 1];
        s0 += W[w0 + i] * x0;
        s1 += W[w0 + i + 1] * x1;
        t0 += W[w1 + i] * x0;
        t1 += W[w1 + i + 1] * x1;
      }
      if (i < nIn) {
        s0 += W[w0 + i] * x[xo + i];
        t0 += W[w1 + i] * x[xo + i];
      }
      out[zo + o] = bias[o] + (s0 + s1);
      out[zo + o + 1] = bias[o + 1] + (t0 + t1);
    }
    if (o < nOut) {
      const w0 = o * nIn;
      let s0 = 0;
      let s1 = 0;
      let i = 0;
      for (; i < nEven; i += 2) {
        s0 += W[w0 + i] * x[xo + i];
        s1 += W[w0 + i + 1] * x[xo + i + 1];
      }
      if (i < nIn) s0 += W[w0 + i] * x[xo + i];
      out[zo + o] = bias[o] + (s0 + s1);
    }
  }
}

/**
 * Backward pass from ∂L/∂ŷ (B × n_L, already averaged over the batch if the loss is a mean).
 * dz[L−1] = ∂L/∂ŷ ⊙ f′(z[L−1]); for each layer dW[l] = dz[l]ᵀ·a[l], db[l] = Σ_b dz[l];
 * dz[l−1] = (dz[l]·W[l]) ⊙ f′(z[l−1]). Writes into `ws` when given, else allocates.
 */
export function backward(net: Network, trace: Trace, dLdyhat: Float64Array, ws?: Workspace): Gradients {
  const batch = trace.batch;
  const work = ws && ws.batch === batch ? ws : createWorkspace(net, batch);
  const { dW, db, dz } = work.grads;
  const { z, a } = trace;
  const { sizes, layers } = net;
  const L = layers.length;

  const top = dz[L - 1];
  top.set(dLdyhat.length === top.length ? dLdyhat : dLdyhat.subarray(0, top.length));
  multiplyByDerivativeInPlace(net.output, top, z[L - 1], a[L], net.leakySlope);

  for (let l = L - 1; l >= 0; l--) {
    const nIn = sizes[l];
    const nOut = sizes[l + 1];
    const g = dz[l];
    weightGradInto(g, a[l], batch, nIn, nOut, dW[l], db[l]);
    if (l > 0) {
      const below = dz[l - 1];
      inputGradInto(g, layers[l].W, batch, nIn, nOut, below);
      multiplyByDerivativeInPlace(net.hidden, below, z[l - 1], a[l], net.leakySlope);
    }
  }
  return work.grads;
}

/**
 * dW (nOut × nIn) = gᵀ·x and db = Σ_b g, with g: B × nOut and x: B × nIn. Four entries of a row of dW are
 * summed over the batch at once (one load of g feeds four products); every entry sums b = 0…B−1 in order.
 */
function weightGradInto(
  g: Float64Array,
  x: Float64Array,
  batch: number,
  nIn: number,
  nOut: number,
  dW: Float64Array,
  db: Float64Array,
): void {
  const n4 = nIn - (nIn % 4);
  for (let o = 0; o < nOut; o++) {
    const wo = o * nIn;
    let sb = 0;
    for (let r = 0; r < batch; r++) sb += g[r * nOut + o];
    db[o] = sb;
    let i = 0;
    for (; i < n4; i += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let r = 0; r < batch; r++) {
        const gv = g[r * nOut + o];
        const xo = r * nIn + i;
        s0 += gv * x[xo];
        s1 += gv * x[xo + 1];
        s2 += gv * x[xo + 2];
        s3 += gv * x[xo + 3];
      }
      dW[wo + i] = s0;
      dW[wo + i + 1] = s1;
      dW[wo + i + 2] = s2;
      dW[wo + i + 3] = s3;
    }
    for (; i < nIn; i++) {
      let s = 0;
      for (let r = 0; r < batch; r++) s += g[r * nOut + o] * x[r * nIn + i];
      dW[wo + i] = s;
    }
  }
}

/** out (B × nIn) = g (B × nOut) · W (nOut × nIn); four entries of a row at once, each summing o = 0…nOut−1 in order. */
function inputGradInto(
  g: Float64Array,
  W: Float64Array,
  batch: number,
  nIn: number,
  nOut: number,
  out: Float64Array,
): void {
  const n4 = nIn - (nIn % 4);
  for (let r = 0; r < batch; r++) {
    const go = r * nOut;
    const xo = r * nIn;
    let i = 0;
    for (; i < n4; i += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let o = 0; o < nOut; o++) {
        const gv = g[go + o];
        const wo = o * nIn + i;
        s0 += gv * W[wo];
        s1 += gv * W[wo + 1];
        s2 += gv * W[wo + 2];
        s3 += gv * W[wo + 3];
      }
      out[xo + i] = s0;
      out[xo + i + 1] = s1;
      out[xo + i + 2] = s2;
      out[xo + i + 3] = s3;
    }
    for (; i < nIn; i++) {
      let s = 0;
      for (let o = 0; o < nOut; o++) s += g[go + o] * W[o * nIn + i];
      out[xo + i] = s;
    }
  }
}

/**
 * Forward buffers reused by every prediction of a net with m examples: a demo that records a full-data
 * loss each step would otherwise allocate them each time, and the garbage collector's sweeps of those
 * typed arrays cost tens of milliseconds. Safe because a prediction copies its output out before returning.
 */
const predictionWorkspaces = new WeakMap<Network, Map<number, Workspace>>();
function predictionWorkspace(net: Network, m: number): Workspace {
  let byBatch = predictionWorkspaces.get(net);
  if (byBatch === undefined) predictionWorkspaces.set(net, (byBatch = new Map()));
  let ws = byBatch.get(m);
  if (ws === undefined) byBatch.set(m, (ws = createWorkspace(net, m)));
  return ws;
}

/** Network output ŷ for n examples (n × n_L, freshly allocated), evaluated in chunks of `chunk`. */
export function predict(net: Network, X: Float64Array, n: number, chunk = 256): Float64Array {
  const out = new Float64Array(n * net.sizes[net.sizes.length - 1]);
  for (let start = 0; start < n; start += chunk) predictRows(net, X, start, Math.min(chunk, n - start), out);
  return out;
}

/**
 * Writes ŷ of examples start … start+m−1 into their rows of `out` (n × n_L). Every example's output is
 * computed on its own, so a caller may cover the data in any chunks and get `predict`'s numbers exactly.
 */
export function predictRows(
  net: Network,
  X: Float64Array,
  start: number,
  m: number,
  out: Float64Array,
): void {
  const nIn = net.sizes[0];
  const nOut = net.sizes[net.sizes.length - 1];
  const trace = forward(net, X.subarray(start * nIn, (start + m) * nIn), m, predictionWorkspace(net, m));
  out.set(trace.a[trace.a.length - 1], start * nOut);
}
