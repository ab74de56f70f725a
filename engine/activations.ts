/**
 * Element-wise activation functions f(z), their derivatives f′(z) (written in terms of the pre-activation z)
 * and their recommended gains, exactly as `torch.nn.init.calculate_gain` returns them.
 *
 * The network's hot loops do not call `f` per element through this record: they use the array kernels
 * `activateInto` and `multiplyByDerivativeInPlace`, which pick one tight loop per activation.
 */
export type ActivationName = "linear" | "sigmoid" | "tanh" | "relu" | "leaky_relu";

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
  /** Recommended gain, as `torch.nn.init.calculate_gain(name, slope)`. */
  gain(slope?: number): number;
}

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
  },
  relu: {
    name: "relu",
    label: "ReLU",
    tex: String.raw`\max(0, z)`,
    f: (z) => (z > 0 ? z : 0),
    df: (z) => (z > 0 ? 1 : 0),
    gain: () => Math.SQRT2,
  },
  leaky_relu: {
    name: "leaky_relu",
    label: "Leaky ReLU",
    tex: String.raw`\max(\alpha z, z)`,
    f: (z, slope = DEFAULT_LEAKY_SLOPE) => (z > 0 ? z : slope * z),
    df: (z, slope = DEFAULT_LEAKY_SLOPE) => (z > 0 ? 1 : slope),
    gain: (slope = DEFAULT_LEAKY_SLOPE) => Math.sqrt(2 / (1 + slope * slope)),
  },
};

/** Every activation name, in the order controls list them. */
export const activationNames: readonly ActivationName[] = ["linear", "sigmoid", "tanh", "relu", "leaky_relu"];

/** Gain of `name` as `torch.nn.init.calculate_gain`: linear/sigmoid 1, tanh 5/3, relu √2, leaky_relu √(2/(1+α²)). */
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
  }
  return g;
}
