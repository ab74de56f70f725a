/**
 * Statistics of a network, its forward trace and its gradients, as plain numbers a widget can plot.
 *
 * Variances are POPULATION variances (divide by n): they estimate Var of one entry of a layer, the quantity
 * the Glorot and He derivations track.
 */
import { activations, type ActivationName } from "./activations";
import { histogram } from "./histogram";
import { activationOf, type Gradients, type Network, type Trace } from "./network";

/** Moments and range of a set of values. */
export interface Moments {
  n: number;
  mean: number;
  /** (1/n) Σ (x − mean)². */
  variance: number;
  std: number;
  /** (1/n) Σ x², the second moment E[x²]. */
  meanSquare: number;
  min: number;
  max: number;
}

/** One histogram bin [x0, x1) with its count and density (engine/histogram.ts). */
export interface Bin {
  x0: number;
  x1: number;
  count: number;
  density: number;
}

/** Moments plus a histogram. */
export interface Summary extends Moments {
  histogram: Bin[];
}

/** Mean, population variance, std, E[x²], min and max of `values` (two passes for accuracy). */
export function moments(values: ArrayLike<number>): Moments {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = n > 0 ? sum / n : NaN;
  let ss = 0;
  let sq = 0;
  let min = n > 0 ? Infinity : NaN;
  let max = n > 0 ? -Infinity : NaN;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    const d = x - mean;
    ss += d * d;
    sq += x * x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const variance = n > 0 ? ss / n : NaN;
  return { n, mean, variance, std: Math.sqrt(variance), meanSquare: n > 0 ? sq / n : NaN, min, max };
}

/** `moments` plus a histogram with `bins` bins over `domain` (default: the data's range). */
export function summarize(
  values: ArrayLike<number>,
  options: { bins?: number; domain?: [number, number] } = {},
): Summary {
  const m = moments(values);
  const bins = options.bins ?? 30;
  return { ...m, histogram: histogram(values, { bins, domain: options.domain }) };
}

/** Euclidean norm √(Σ x²). */
export function l2Norm(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] * values[i];
  return Math.sqrt(s);
}

/**
 * THE definition of a saturated unit, used by every figure, verdict and sentence: its slope f′(z) is below 2 %
 * of the activation's steepest slope f′(0) (tanh: 1 − a² < 0.02, i.e. |a| > 0.990, |z| > 2.64; sigmoid:
 * a(1 − a) < 0.005, i.e. |z| > 5.29). Only sigmoid and tanh saturate: ReLU-like units have no flat tail on
 * the positive side.
 */
export const SATURATED_SLOPE_SHARE = 0.02;

/** |z| beyond which a sigmoid or tanh unit counts as saturated (the threshold above, solved for z). */
export function saturationEdge(activation: "tanh" | "sigmoid"): number {
  // tanh′ = 1 − tanh² < ε ⇔ |z| > atanh(√(1 − ε)); σ′ = σ(1 − σ) < ε/4 ⇔ |z| > 2·atanh(√(1 − ε))
  const edge = Math.atanh(Math.sqrt(1 - SATURATED_SLOPE_SHARE));
  return activation === "tanh" ? edge : 2 * edge;
}

/** Fraction of saturated units over a batch, from a = f(z); `null` for activations that do not saturate. */
export function fractionSaturated(activation: ActivationName, a: ArrayLike<number>): number | null {
  const n = a.length;
  if (activation !== "tanh" && activation !== "sigmoid") return null;
  let count = 0;
  if (activation === "tanh") {
    for (let i = 0; i < n; i++) if (1 - a[i] * a[i] < SATURATED_SLOPE_SHARE) count++;
  } else {
    for (let i = 0; i < n; i++) if (a[i] * (1 - a[i]) < SATURATED_SLOPE_SHARE / 4) count++;
  }
  return n > 0 ? count / n : NaN;
}

/** f′(z) per entry, from z and a = f(z) (tanh 1 − a², sigmoid a(1 − a), ReLU [z > 0], leaky ReLU 1 or α). */
export function derivativeValues(
  activation: ActivationName,
  z: ArrayLike<number>,
  a: ArrayLike<number>,
  slope = 0.01,
): Float64Array {
  const out = new Float64Array(z.length);
  for (let i = 0; i < z.length; i++) {
    switch (activation) {
      case "linear":
        out[i] = 1;
        break;
      case "sigmoid":
        out[i] = a[i] * (1 - a[i]);
        break;
      case "tanh":
        out[i] = 1 - a[i] * a[i];
        break;
      case "relu":
        out[i] = z[i] > 0 ? 1 : 0;
        break;
      case "leaky_relu":
        out[i] = z[i] > 0 ? 1 : slope;
        break;
      default:
        out[i] = activations[activation].df(z[i]);
    }
  }
  return out;
}

/** The two ways to count dead ReLUs. */
export interface DeadStats {
  /** Units whose output is 0 for EVERY example of the batch, as a fraction of the layer's units. */
  deadUnitFraction: number;
  /** Zero entries of the B × width activation matrix, as a fraction of all entries. */
  zeroFraction: number;
}

/** Dead-ReLU statistics of activations a (B × width). */
export function deadUnits(a: ArrayLike<number>, batch: number, width: number): DeadStats {
  let zeros = 0;
  let dead = 0;
  for (let u = 0; u < width; u++) {
    let unitZeros = 0;
    for (let r = 0; r < batch; r++) if (a[r * width + u] === 0) unitZeros++;
    zeros += unitZeros;
    if (unitZeros === batch) dead++;
  }
  return { deadUnitFraction: dead / width, zeroFraction: zeros / (batch * width) };
}

/** Everything `layerStatistics` reports for one weight layer. */
export interface LayerStats {
  /** Weight layer index l (z = a[l]·W[l]ᵀ + b[l]). */
  layer: number;
  activation: ActivationName;
  /** Pre-activations z[l], B × n_{l+1}. */
  z: Summary;
  /** Activations a[l+1] = f(z[l]). */
  a: Summary;
  /** f′(z[l]) and its mean. */
  derivative: Summary;
  /** Share of units with f′(z) < 2 % of f′(0) (SATURATED_SLOPE_SHARE); null for non-saturating activations. */
  saturated: number | null;
  /** ReLU only; null otherwise. */
  dead: DeadStats | null;
  /** ∂L/∂z[l] when gradients are given. */
  dz: Summary | null;
  /** ∂L/∂W[l] when gradients are given. */
  dW: Summary | null;
  /** ‖∂L/∂W[l]‖₂ when gradients are given. */
  gradNorm: number | null;
  /** The weights W[l] themselves. */
  W: Moments;
}

/** Per-layer statistics of a trace (and optionally of the gradients of the same batch). */
export function layerStatistics(
  net: Network,
  trace: Trace,
  grads?: Gradients,
  options: { bins?: number } = {},
): LayerStats[] {
  const bins = options.bins ?? 30;
  const out: LayerStats[] = [];
  for (let l = 0; l < net.layers.length; l++) {
    const activation = activationOf(net, l);
    const z = trace.z[l];
    const a = trace.a[l + 1];
    out.push({
      layer: l,
      activation,
      z: summarize(z, { bins }),
      a: summarize(a, { bins }),
      derivative: summarize(derivativeValues(activation, z, a, net.leakySlope), { bins }),
      saturated: fractionSaturated(activation, a),
      dead: activation === "relu" ? deadUnits(a, trace.batch, net.sizes[l + 1]) : null,
      dz: grads ? summarize(grads.dz[l], { bins }) : null,
      dW: grads ? summarize(grads.dW[l], { bins }) : null,
      gradNorm: grads ? l2Norm(grads.dW[l]) : null,
      W: moments(net.layers[l].W),
    });
  }
  return out;
}

/** Result of `symmetrySpread`. */
export interface SymmetryReport {
  /**
   * Per weight layer: `weights` is the largest spread (max − min) among weights that symmetry keeps equal —
   * in layer 0 the weights out of each input across the units it feeds (max over inputs), in layers l ≥ 1 all
   * weights; `biases` is the spread of the layer's biases for hidden layers, null for the output layer.
   */
  layers: { weights: number; biases: number | null }[];
  /** Largest of all the spreads above; exactly 0 while the hidden units are tied. */
  max: number;
}

/** The symmetry measure: spreads among weights that a constant initialisation would keep identical. */
export function symmetrySpread(net: Network): SymmetryReport {
  const L = net.layers.length;
  const layers: { weights: number; biases: number | null }[] = [];
  let max = 0;
  for (let l = 0; l < L; l++) {
    const { W, b } = net.layers[l];
    const nIn = net.sizes[l];
    const nOut = net.sizes[l + 1];
    let weights = 0;
    if (l === 0) {
      for (let i = 0; i < nIn; i++) {
        let lo = Infinity;
        let hi = -Infinity;
        for (let o = 0; o < nOut; o++) {
          const w = W[o * nIn + i];
          if (w < lo) lo = w;
          if (w > hi) hi = w;
        }
        weights = Math.max(weights, hi - lo);
      }
    } else {
      weights = spread(W);
    }
    const biases = l < L - 1 ? spread(b) : null;
    max = Math.max(max, weights, biases ?? 0);
    layers.push({ weights, biases });
  }
  return { layers, max };
}

function spread(values: Float64Array): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < lo) lo = values[i];
    if (values[i] > hi) hi = values[i];
  }
  return hi - lo;
}

/** True if any entry is NaN or ±Infinity. */
export function hasNonFinite(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return true;
  return false;
}

/** "Diverged": any non-finite weight or bias, activation (when a trace is given) or loss (when given). */
export function isDiverged(net: Network, trace?: Trace, loss?: number): boolean {
  if (loss !== undefined && !Number.isFinite(loss)) return true;
  for (const { W, b } of net.layers) if (hasNonFinite(W) || hasNonFinite(b)) return true;
  if (trace) for (const a of trace.a) if (hasNonFinite(a)) return true;
  return false;
}
