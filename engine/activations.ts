/**
 * Element-wise activation functions f(z), their derivatives f′(z) (written in terms of the pre-activation z)
 * and their recommended gains: exactly `torch.nn.init.calculate_gain`'s where it has one, and for GELU and SiLU
 * (which it lacks) the gain that keeps a unit-variance signal's variance, 1/√E[f(z)²] for z ~ N(0, 1).
 *
 * The network's hot loops do not call `f` per element through this record: they use the array kernels
 * `activateInto` and `multiplyByDerivativeInPlace`, which pick one tight loop per activation.
 */
import { normalCdf, normalPdf } from "./rng";

export type ActivationName = "linear" | "sigmoid" | "tanh" | "relu" | "leaky_relu" | "gelu" | "silu";

/** Negative slope of leaky ReLU unless a caller passes another one (PyTorch's and calculate_gain's default). */
export const DEFAULT_LEAKY_SLOPE = 0.01;

/** One activation: f, f′ (in terms of z) and the calculate_gain value. */
export interface Activation {
  readonly name: ActivationName;
  /** Human label for controls. */
  readonly label: string;
  /** TeX of f(z). */
  readonly tex: string;
  /** f(z); `slope` is leaky ReLU's α and is ignored by the others. */
  f(z: number, slope?: number): number;
  /** f′(z) in terms of z. At ReLU's kink z = 0 the derivative is taken as 0 (PyTorch's convention); leaky ReLU's is α. */
  df(z: number, slope?: number): number;
  /** Recommended gain, as `torch.nn.init.calculate_gain(name, slope)` where it has one (see `gainSource`). */
  gain(slope?: number): number;
  /** Where the gain comes from: PyTorch's table, or computed here (GELU, SiLU: calculate_gain has none). */
  readonly gainSource: "calculate_gain" | "variance-preserving";
}

/** E[g(z)] for z ~ N(0, q), by Simpson's rule on ±10 standard deviations (2,000 intervals). */
export function gaussianExpectation(g: (z: number) => number, q: number): number {
  if (q === 0) return g(0);
  const s = Math.sqrt(q);
  const m = 2000;
  const h = 20 / m;
  let sum = 0;
  for (let k = 0; k <= m; k++) {
    const t = -10 + k * h;
    const w = k === 0 || k === m ? 1 : k % 2 ? 4 : 2;
    sum += w * Math.exp(-0.5 * t * t) * g(s * t);
  }
  return (sum * h) / 3 / Math.sqrt(2 * Math.PI);
}

/** The gain g with g² E[f(z)²] = 1 for z ~ N(0, 1): Var W = g²/n keeps a unit-variance signal's variance. */
const variancePreservingGain = (f: (z: number) => number): number =>
  1 / Math.sqrt(gaussianExpectation((z) => f(z) ** 2, 1));

/** GELU(z) = z Φ(z) (exact, not the tanh approximation) and its derivative Φ(z) + z φ(z). */
const gelu = (z: number): number => z * normalCdf(z);
const geluDerivative = (z: number): number => normalCdf(z) + z * normalPdf(z);
/** SiLU (swish) z σ(z) and its derivative σ(z)(1 + z(1 − σ(z))). */
const silu = (z: number): number => z * sigmoid(z);
const siluDerivative = (z: number): number => {
  const s = sigmoid(z);
  return s * (1 + z * (1 - s));
};

/** Logistic σ(z) = 1 / (1 + e^(−z)), evaluated without overflow for either sign of z. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** The activation registry: value, derivative and gain of each ActivationName. */
export const activations: Readonly<Record<ActivationName, Activation>> = {
  linear: {
    name: "linear",
    label: "Linear",
    tex: String.raw`f(z) = z`,
    f: (z) => z,
    df: () => 1,
    gain: () => 1,
    gainSource: "calculate_gain",
  },
  sigmoid: {
    name: "sigmoid",
    label: "Sigmoid",
    tex: String.raw`\sigma(z) = \frac{1}{1 + e^{-z}}`,
    f: sigmoid,
    df: (z) => {
      const s = sigmoid(z);
      return s * (1 - s);
    },
    gain: () => 1,
    gainSource: "calculate_gain",
  },
  tanh: {
    name: "tanh",
    label: "Tanh",
    tex: String.raw`\tanh z`,
    f: Math.tanh,
    df: (z) => {
      const t = Math.tanh(z);
      return 1 - t * t;
    },
    gain: () => 5 / 3,
    gainSource: "calculate_gain",
  },
  relu: {
    name: "relu",
    label: "ReLU",
    tex: String.raw`\max(0, z)`,
    f: (z) => (z > 0 ? z : 0),
    df: (z) => (z > 0 ? 1 : 0),
    gain: () => Math.SQRT2,
    gainSource: "calculate_gain",
  },
  leaky_relu: {
    name: "leaky_relu",
    label: "Leaky ReLU",
    tex: String.raw`\max(\alpha z, z)`,
    f: (z, slope = DEFAULT_LEAKY_SLOPE) => (z > 0 ? z : slope * z),
    df: (z, slope = DEFAULT_LEAKY_SLOPE) => (z > 0 ? 1 : slope),
    gain: (slope = DEFAULT_LEAKY_SLOPE) => Math.sqrt(2 / (1 + slope * slope)),
    gainSource: "calculate_gain",
  },
  gelu: {
    name: "gelu",
    label: "GELU",
    tex: String.raw`z\,\Phi(z)`,
    f: gelu,
    df: geluDerivative,
    gain: () => GELU_GAIN,
    gainSource: "variance-preserving",
  },
  silu: {
    name: "silu",
    label: "SiLU (swish)",
    tex: String.raw`z\,\sigma(z)`,
    f: silu,
    df: siluDerivative,
    gain: () => SILU_GAIN,
    gainSource: "variance-preserving",
  },
};

/** 1/√E[GELU(z)²] ≈ 1/√0.425 ≈ 1.53 and 1/√E[SiLU(z)²] ≈ 1/√0.356 ≈ 1.68, for z ~ N(0, 1). */
const GELU_GAIN = variancePreservingGain(gelu);
const SILU_GAIN = variancePreservingGain(silu);

/** Every activation name, in the order controls list them. */
export const activationNames: readonly ActivationName[] = [
  "linear",
  "sigmoid",
  "tanh",
  "relu",
  "leaky_relu",
  "gelu",
  "silu",
];

/**
 * Gain of `name`: as `torch.nn.init.calculate_gain` (linear/sigmoid 1, tanh 5/3, relu √2, leaky_relu
 * √(2/(1+α²))), and the variance-preserving gain for GELU and SiLU, which calculate_gain rejects.
 */
export function activationGain(name: ActivationName, slope = DEFAULT_LEAKY_SLOPE): number {
  return activations[name].gain(slope);
}

/** out[i] = f(z[i]) for i < z.length. `out` may be `z` itself. Returns `out`. */
export function activateInto(
  name: ActivationName,
  z: Float64Array,
  out: Float64Array,
  slope = DEFAULT_LEAKY_SLOPE,
): Float64Array {
  const n = z.length;
  switch (name) {
    case "linear":
      if (out !== z) out.set(z);
      break;
    case "sigmoid":
      for (let i = 0; i < n; i++) out[i] = sigmoid(z[i]);
      break;
    case "tanh":
      for (let i = 0; i < n; i++) out[i] = Math.tanh(z[i]);
      break;
    case "relu":
      for (let i = 0; i < n; i++) {
        const v = z[i];
        out[i] = v > 0 ? v : 0;
      }
      break;
    case "leaky_relu":
      for (let i = 0; i < n; i++) {
        const v = z[i];
        out[i] = v > 0 ? v : slope * v;
      }
      break;
    case "gelu":
      for (let i = 0; i < n; i++) out[i] = gelu(z[i]);
      break;
    case "silu":
      for (let i = 0; i < n; i++) out[i] = silu(z[i]);
      break;
  }
  return out;
}

/**
 * g[i] ← g[i] · f′(z[i]), turning ∂L/∂a into ∂L/∂z. `a` = f(z) is passed too so tanh and sigmoid reuse it
 * (f′ = 1 − a², f′ = a(1 − a)) instead of recomputing exponentials.
 */
export function multiplyByDerivativeInPlace(
  name: ActivationName,
  g: Float64Array,
  z: Float64Array,
  a: Float64Array,
  slope = DEFAULT_LEAKY_SLOPE,
): Float64Array {
  const n = g.length;
  switch (name) {
    case "linear":
      break;
    case "sigmoid":
      for (let i = 0; i < n; i++) {
        const s = a[i];
        g[i] *= s * (1 - s);
      }
      break;
    case "tanh":
      for (let i = 0; i < n; i++) {
        const t = a[i];
        g[i] *= 1 - t * t;
      }
      break;
    case "relu":
      for (let i = 0; i < n; i++) if (!(z[i] > 0)) g[i] = 0;
      break;
    case "leaky_relu":
      for (let i = 0; i < n; i++) if (!(z[i] > 0)) g[i] *= slope;
      break;
    case "gelu":
      for (let i = 0; i < n; i++) g[i] *= geluDerivative(z[i]);
      break;
    case "silu":
      for (let i = 0; i < n; i++) g[i] *= siluDerivative(z[i]);
      break;
  }
  return g;
}
