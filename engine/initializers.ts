/**
 * The ONE registry of weight initializers. Dropdowns, the reference table, the experiments and the tests all
 * read it; each scheme is written once, as a {@link WeightDistribution} of the fans and parameters, and its
 * variance, bound, density and sampler are all derived from that one value.
 *
 * Fan-scaled schemes go through {@link varianceScaling}, Keras' `VarianceScaling` core, exactly as Keras
 * expresses glorot_*, he_* and lecun_*. PyTorch's xavier_* and kaiming_* are the same core with
 * scale = gain² (xavier: fan_avg; kaiming: fan_in or fan_out), untruncated.
 */
import { qr, transpose } from "./linalg";
import { normalMass, normalPdf, truncatedNormalMoments, truncatedNormalSampler, type Rng } from "./rng";

/**
 * Registry keys: the keys of the one table below, in display order. Where Keras and PyTorch differ, both
 * exist: `-keras` normals are truncated, `-torch` are not. A new initializer is one entry in that table.
 */
export type InitializerId = keyof typeof schemes;

/** Fan-in and fan-out of a weight tensor (see engine/fans.ts for kernel shapes). */
export interface Fans {
  fanIn: number;
  fanOut: number;
}

/** Which fan scales the variance: n = fanIn, fanOut or (fanIn + fanOut) / 2. */
export type FanMode = "fan_in" | "fan_out" | "fan_avg";

/** Variance-scaling shapes. "normal" is UNtruncated (Keras spells it 'untruncated_normal'; its 'normal' truncates). */
export type ScalingDistribution = "uniform" | "normal" | "truncated_normal";

/** Every parameter any initializer reads; each entry's `params` lists the ones it reads, with defaults. */
export interface InitParams {
  /** constant: the value of every weight. */
  value: number;
  /** random-uniform: U(a, b) bounds; trunc-normal-torch: ABSOLUTE truncation bounds [a, b]. */
  a: number;
  b: number;
  /** random-normal, truncated-normal, trunc-normal-torch: mean and std (std before any truncation). */
  mean: number;
  std: number;
  /** PyTorch gain: xavier_* (default 1), kaiming_* (calculate_gain(nonlinearity); ReLU √2), orthogonal (1). */
  gain: number;
  /** variance-scaling: Var W = scale / n. */
  scale: number;
  mode: FanMode;
  distribution: ScalingDistribution;
}

type NumericParamKey = "value" | "a" | "b" | "mean" | "std" | "gain" | "scale";

/** Describes one parameter an initializer reads, for sliders and dropdowns. */
export type ParamSpec =
  | {
      readonly key: NumericParamKey;
      readonly kind: "number";
      readonly label: string;
      readonly default: number;
      readonly min: number;
      readonly max: number;
      readonly step: number;
    }
  | {
      readonly key: "mode";
      readonly kind: "choice";
      readonly label: string;
      readonly default: FanMode;
      readonly options: readonly FanMode[];
    }
  | {
      readonly key: "distribution";
      readonly kind: "choice";
      readonly label: string;
      readonly default: ScalingDistribution;
      readonly options: readonly ScalingDistribution[];
    };

/**
 * The law of ONE weight entry, in absolute weight units. A truncated normal is N(mean, std²) conditioned on
 * [lo, hi] (std is the scale BEFORE truncation). An orthogonal matrix has no per-entry law of its own; its
 * entries have mean 0 and variance gain² / max(fanIn, fanOut).
 */
export type WeightDistribution =
  | { readonly kind: "constant"; readonly value: number }
  | { readonly kind: "uniform"; readonly lo: number; readonly hi: number }
  | { readonly kind: "normal"; readonly mean: number; readonly std: number }
  | {
      readonly kind: "truncated_normal";
      readonly mean: number;
      readonly std: number;
      readonly lo: number;
      readonly hi: number;
    }
  | { readonly kind: "orthogonal"; readonly gain: number; readonly variance: number };

/**
 * One registry entry: its law (via `distributionOf`), the moments derived from it, and how to write and call it.
 * Every method takes the fans and optional parameters; missing parameters take the entry's `params` defaults.
 */
export interface Initializer {
  id: InitializerId;
  /** Display name, e.g. "He normal (Keras, truncated)". */
  label: string;
  family: "constant" | "naive" | "glorot" | "he" | "lecun" | "orthogonal" | "default" | "general";
  /** The shape with default parameters (variance-scaling's follows its `distribution` parameter). */
  distribution: "constant" | "uniform" | "normal" | "truncated_normal" | "orthogonal";
  /** The parameters it reads, with defaults and slider ranges. */
  params: readonly ParamSpec[];
  /** The law of one entry for these fans and parameters (missing parameters take the entry's defaults). */
  distributionOf(fans: Fans, params?: Partial<InitParams>): WeightDistribution;
  /** E[W] of one entry. */
  mean(fans: Fans, params?: Partial<InitParams>): number;
  /** Var W of one entry, after truncation (Keras' 0.8796… correction makes it exactly scale / n). */
  variance(fans: Fans, params?: Partial<InitParams>): number;
  /** √Var W. */
  std(fans: Fans, params?: Partial<InitParams>): number;
  /** The largest possible |W| (uniform limit or truncation bound, absolute units); null if unbounded or constant. */
  bound(fans: Fans, params?: Partial<InitParams>): number | null;
  /** KaTeX source of the definition. */
  tex: string;
  /** The Keras class, or "—" with the reason Keras lacks it. */
  keras: string;
  /** The PyTorch call, or "—" with the reason PyTorch lacks it. */
  pytorch: string;
  /** One line for the reference table. */
  note: string;
}

/** Standard deviation of N(0, 1) truncated to [−2, 2]; Keras divides by it so truncation keeps Var = scale / n. */
export const TRUNCATED_NORMAL_STD_CORRECTION = 0.87962566103423978;

/** n for a fan mode: fanIn, fanOut or (fanIn + fanOut) / 2 — before Keras' max(1, n). */
export function fanFor({ fanIn, fanOut }: Fans, mode: FanMode): number {
  return mode === "fan_in" ? fanIn : mode === "fan_out" ? fanOut : (fanIn + fanOut) / 2;
}

/**
 * Keras `VarianceScaling(scale, mode, distribution)`: with n = max(1, fan) and v = scale / n,
 * - truncated_normal: N(0, σ²) truncated to ±2σ, σ = √v / 0.87962566103423978, so Var W = v;
 * - normal (Keras 'untruncated_normal'): N(0, v);
 * - uniform: U(−√(3v), √(3v)), Var W = v.
 */
export function varianceScaling(
  fans: Fans,
  scale: number,
  mode: FanMode,
  distribution: ScalingDistribution,
): WeightDistribution {
  if (!(scale > 0)) throw new RangeError(`variance scaling needs scale > 0, got ${scale}`);
  const v = scale / Math.max(1, fanFor(fans, mode));
  if (distribution === "uniform") {
    const limit = Math.sqrt(3 * v);
    return { kind: "uniform", lo: -limit, hi: limit };
  }
  if (distribution === "normal") return { kind: "normal", mean: 0, std: Math.sqrt(v) };
  const std = Math.sqrt(v) / TRUNCATED_NORMAL_STD_CORRECTION;
  return { kind: "truncated_normal", mean: 0, std, lo: -2 * std, hi: 2 * std };
}

function standardBounds(d: { mean: number; std: number; lo: number; hi: number }): [number, number] {
  return [(d.lo - d.mean) / d.std, (d.hi - d.mean) / d.std];
}

/**
 * Mean, variance and bound of one entry. Uniform U(lo, hi): (lo+hi)/2, (hi−lo)²/12; normal: μ, σ²;
 * truncated normal on [lo, hi] with α, β = (lo − μ)/σ, (hi − μ)/σ: μ + σ·E[Z], σ²·Var[Z] for the standard
 * normal truncated to [α, β] (see `truncatedNormalMoments`).
 */
export function distributionMoments(d: WeightDistribution): {
  mean: number;
  variance: number;
  bound: number | null;
} {
  switch (d.kind) {
    case "constant":
      return { mean: d.value, variance: 0, bound: null };
    case "uniform":
      return { mean: (d.lo + d.hi) / 2, variance: (d.hi - d.lo) ** 2 / 12, bound: Math.max(-d.lo, d.hi) };
    case "normal":
      return { mean: d.mean, variance: d.std ** 2, bound: null };
    case "truncated_normal": {
      const z = truncatedNormalMoments(...standardBounds(d));
      return {
        mean: d.mean + d.std * z.mean,
        variance: d.std ** 2 * z.variance,
        bound: Math.max(Math.abs(d.lo), Math.abs(d.hi)),
      };
    }
    case "orthogonal":
      return { mean: 0, variance: d.variance, bound: null };
  }
}

/**
 * The density of one entry at x, or null when there is none: a constant is a point mass, and an orthogonal
 * matrix's entries have no closed-form marginal here (use the normal with the same variance).
 */
export function distributionPdf(d: WeightDistribution, x: number): number | null {
  switch (d.kind) {
    case "constant":
    case "orthogonal":
      return null;
    case "uniform":
      return x >= d.lo && x <= d.hi ? 1 / (d.hi - d.lo) : 0;
    case "normal":
      return normalPdf((x - d.mean) / d.std) / d.std;
    case "truncated_normal":
      if (x < d.lo || x > d.hi) return 0;
      return normalPdf((x - d.mean) / d.std) / (d.std * normalMass(...standardBounds(d)));
  }
}

/**
 * A rows×cols matrix with orthonormal rows (rows ≤ cols) or columns (rows ≥ cols), times gain: the thin QR of
 * a max×min standard-normal matrix, Q multiplied by sign(diag R) so the law is Haar (uniform), transposed
 * when rows < cols — as Keras `Orthogonal` and PyTorch `orthogonal_` do. Each entry has variance
 * gain² / max(rows, cols).
 */
export function orthogonalMatrix(rows: number, cols: number, gain: number, rng: Rng): Float64Array {
  const m = Math.max(rows, cols);
  const n = Math.min(rows, cols);
  const gaussian = new Float64Array(m * n);
  for (let i = 0; i < gaussian.length; i++) gaussian[i] = rng.normal();
  const { q, r } = qr(gaussian, m, n);
  for (let j = 0; j < n; j++) {
    const s = r[j * n + j] < 0 ? -gain : gain;
    for (let i = 0; i < m; i++) q[i * n + j] *= s;
  }
  return rows >= cols ? q : transpose(q, m, n);
}

/** Fills a new row-major rows×cols matrix with draws from `d` (entries independent except for orthogonal). */
export function sampleDistribution(
  d: WeightDistribution,
  rows: number,
  cols: number,
  rng: Rng,
): Float64Array {
  if (d.kind === "orthogonal") return orthogonalMatrix(rows, cols, d.gain, rng);
  const w = new Float64Array(rows * cols);
  if (d.kind === "constant") return w.fill(d.value);
  if (d.kind === "uniform") for (let i = 0; i < w.length; i++) w[i] = rng.uniform(d.lo, d.hi);
  if (d.kind === "normal") for (let i = 0; i < w.length; i++) w[i] = d.mean + d.std * rng.normal();
  if (d.kind === "truncated_normal") {
    const draw = truncatedNormalSampler(...standardBounds(d));
    for (let i = 0; i < w.length; i++) w[i] = d.mean + d.std * draw(rng);
  }
  return w;
}

const gainSpec = (defaultGain: number): ParamSpec => ({
  key: "gain",
  kind: "number",
  label: "gain",
  default: defaultGain,
  // A gain of 0 makes every weight 0 and the variance-scaling law undefined (scale = gain² must be > 0).
  min: 0.01,
  max: 3,
  step: 0.01,
});
const kaimingModeSpec: ParamSpec = {
  key: "mode",
  kind: "choice",
  label: "mode",
  default: "fan_in",
  options: ["fan_in", "fan_out"],
};
const meanSpec: ParamSpec = {
  key: "mean",
  kind: "number",
  label: "mean μ",
  default: 0,
  min: -1,
  max: 1,
  step: 0.01,
};
const stdSpec = (defaultStd: number): ParamSpec => ({
  key: "std",
  kind: "number",
  label: "std σ",
  default: defaultStd,
  min: 0.001,
  max: 2,
  step: 0.001,
});

function requirePositive(name: string, x: number): number {
  if (!(x > 0)) throw new RangeError(`${name} must be positive, got ${x}`);
  return x;
}

function requireOrdered(lo: number, hi: number): void {
  if (!(lo < hi)) throw new RangeError(`bounds must satisfy a < b, got [${lo}, ${hi}]`);
}

interface Scheme extends Omit<Initializer, "id" | "distributionOf" | "mean" | "variance" | "std" | "bound"> {
  /** The one definition of the scheme. */
  law(fans: Fans, p: InitParams): WeightDistribution;
}

const BASE_PARAMS: InitParams = {
  value: 0,
  a: -0.05,
  b: 0.05,
  mean: 0,
  std: 0.05,
  gain: 1,
  scale: 1,
  mode: "fan_in",
  distribution: "truncated_normal",
};

function withDefaults(specs: readonly ParamSpec[], params: Partial<InitParams> | undefined): InitParams {
  const p: InitParams = { ...BASE_PARAMS };
  for (const spec of specs) Object.assign(p, { [spec.key]: spec.default });
  for (const [key, value] of Object.entries(params ?? {}))
    if (value !== undefined) Object.assign(p, { [key]: value });
  return p;
}

function checkFans(fans: Fans): Fans {
  for (const f of [fans.fanIn, fans.fanOut]) {
    if (!(f >= 0) || !Number.isFinite(f))
      throw new RangeError(`fans must be finite and ≥ 0, got ${JSON.stringify(fans)}`);
  }
  return fans;
}

function define(id: InitializerId, s: Scheme): Initializer {
  const { law, ...rest } = s;
  const distributionOf = (fans: Fans, params?: Partial<InitParams>): WeightDistribution =>
    law(checkFans(fans), withDefaults(s.params, params));
  const moments = (fans: Fans, params?: Partial<InitParams>) =>
    distributionMoments(distributionOf(fans, params));
  return {
    ...rest,
    id,
    distributionOf,
    mean: (fans, params) => moments(fans, params).mean,
    variance: (fans, params) => moments(fans, params).variance,
    std: (fans, params) => Math.sqrt(moments(fans, params).variance),
    bound: (fans, params) => moments(fans, params).bound,
  };
}

const nIn = String.raw`n_\text{in}`;
const nOut = String.raw`n_\text{out}`;

/** Every scheme, in display order: constants, fixed-scale, legacy defaults, then LeCun, Glorot, He, orthogonal, general. */
const schemes = {
  zeros: {
    label: "Zeros",
    family: "constant",
    distribution: "constant",
    params: [],
    law: () => ({ kind: "constant", value: 0 }),
    tex: String.raw`W_{ij} = 0`,
    keras: "keras.initializers.Zeros()",
    pytorch: "torch.nn.init.zeros_(w)",
    note: "Every hidden unit computes the same output and gets the same gradient, so symmetry is never broken.",
  },
  constant: {
    label: "Constant c",
    family: "constant",
    distribution: "constant",
    params: [{ key: "value", kind: "number", label: "value c", default: 0.1, min: -1, max: 1, step: 0.01 }],
    law: (_, p) => ({ kind: "constant", value: p.value }),
    tex: String.raw`W_{ij} = c`,
    keras: "keras.initializers.Constant(value=c)",
    pytorch: "torch.nn.init.constant_(w, val=c)",
    note: "Any nonzero constant still makes every unit of a layer a duplicate of the others.",
  },
  "random-uniform": {
    label: "Random uniform U(a, b)",
    family: "naive",
    distribution: "uniform",
    params: [
      { key: "a", kind: "number", label: "lower bound a", default: -0.05, min: -1, max: 1, step: 0.01 },
      { key: "b", kind: "number", label: "upper bound b", default: 0.05, min: -1, max: 1, step: 0.01 },
    ],
    law: (_, p) => {
      requireOrdered(p.a, p.b);
      return { kind: "uniform", lo: p.a, hi: p.b };
    },
    tex: String.raw`W_{ij} \sim \mathcal{U}(a,\ b),\quad \operatorname{Var} W = \tfrac{(b-a)^2}{12}`,
    keras: "keras.initializers.RandomUniform(minval=-0.05, maxval=0.05)",
    pytorch: "torch.nn.init.uniform_(w, a=0.0, b=1.0)",
    note: "A fixed range that ignores the layer's width (defaults here are Keras' ±0.05; PyTorch's are U(0, 1)).",
  },
  "random-normal": {
    label: "Random normal N(μ, σ²)",
    family: "naive",
    distribution: "normal",
    params: [meanSpec, stdSpec(0.05)],
    law: (_, p) => ({ kind: "normal", mean: p.mean, std: requirePositive("std", p.std) }),
    tex: String.raw`W_{ij} \sim \mathcal{N}(\mu,\ \sigma^2)`,
    keras: "keras.initializers.RandomNormal(mean=0.0, stddev=0.05)",
    pytorch: "torch.nn.init.normal_(w, mean=0.0, std=1.0)",
    note: "A fixed std that ignores the layer's width (defaults here are Keras' σ = 0.05; PyTorch's σ = 1).",
  },
  "truncated-normal": {
    label: "Truncated normal (Keras, ±2σ)",
    family: "naive",
    distribution: "truncated_normal",
    params: [meanSpec, stdSpec(0.05)],
    law: (_, p) => {
      const std = requirePositive("std", p.std);
      return { kind: "truncated_normal", mean: p.mean, std, lo: p.mean - 2 * std, hi: p.mean + 2 * std };
    },
    tex: String.raw`W_{ij} \sim \mathcal{N}(\mu,\ \sigma^2)\ \text{redrawn unless}\ |W_{ij}-\mu| \le 2\sigma,\quad \operatorname{sd} W \approx 0.880\,\sigma`,
    keras: "keras.initializers.TruncatedNormal(mean=0.0, stddev=0.05)",
    pytorch: "torch.nn.init.trunc_normal_(w, mean=0.0, std=0.05, a=-0.1, b=0.1)",
    note: "stddev is set BEFORE truncation: the weights' actual std is 0.8796·stddev.",
  },
  "trunc-normal-torch": {
    label: "Truncated normal (PyTorch, absolute bounds)",
    family: "naive",
    distribution: "truncated_normal",
    params: [
      meanSpec,
      stdSpec(1),
      {
        key: "a",
        kind: "number",
        label: "lower bound a (absolute)",
        default: -2,
        min: -5,
        max: 5,
        step: 0.01,
      },
      {
        key: "b",
        kind: "number",
        label: "upper bound b (absolute)",
        default: 2,
        min: -5,
        max: 5,
        step: 0.01,
      },
    ],
    law: (_, p) => {
      requireOrdered(p.a, p.b);
      return { kind: "truncated_normal", mean: p.mean, std: requirePositive("std", p.std), lo: p.a, hi: p.b };
    },
    tex: String.raw`W_{ij} \sim \mathcal{N}(\mu,\ \sigma^2)\ \text{conditioned on}\ a \le W_{ij} \le b`,
    keras: "— (Keras truncates only at mean ± 2·stddev, never at absolute bounds)",
    pytorch: "torch.nn.init.trunc_normal_(w, mean=0.0, std=1.0, a=-2.0, b=2.0)",
    note: "a and b are absolute weight values, not multiples of std: with std = 0.02 the default [−2, 2] cuts nothing.",
  },
  "glorot-standard": {
    label: "Glorot 2010 “standard” U(±1/√n_in)",
    family: "default",
    distribution: "uniform",
    params: [],
    law: (fans) => varianceScaling(fans, 1 / 3, "fan_in", "uniform"),
    tex: String.raw`W_{ij} \sim \mathcal{U}\!\left(-\tfrac{1}{\sqrt{${nIn}}},\ \tfrac{1}{\sqrt{${nIn}}}\right),\quad ${nIn} \operatorname{Var} W = \tfrac13`,
    keras: "keras.initializers.VarianceScaling(scale=1/3, mode='fan_in', distribution='uniform')",
    pytorch: "torch.nn.init.uniform_(w, -1/math.sqrt(fan_in), 1/math.sqrt(fan_in))",
    note: "The heuristic Glorot & Bengio (2010) start from: n·Var W = 1/3, so tanh activations shrink going up.",
  },
  "torch-linear-default": {
    label: "PyTorch nn.Linear default",
    family: "default",
    distribution: "uniform",
    params: [],
    // kaiming_uniform_(a=√5): gain² = calculate_gain('leaky_relu', √5)² = 2 / (1 + 5) = 1/3.
    law: (fans) => varianceScaling(fans, 2 / (1 + 5), "fan_in", "uniform"),
    tex: String.raw`W_{ij} \sim \mathcal{U}\!\left(-\tfrac{1}{\sqrt{${nIn}}},\ \tfrac{1}{\sqrt{${nIn}}}\right),\quad \operatorname{Var} W = \tfrac{1}{3\,${nIn}}`,
    keras: "— (Keras Dense defaults to glorot_uniform)",
    pytorch: "torch.nn.Linear(n_in, n_out)  # kaiming_uniform_(w, a=math.sqrt(5))",
    note: "Not He: Var W = 1/(3·n_in), so a deep ReLU stack of default layers loses about ⅚ of its variance per layer.",
  },
  "lecun-uniform": {
    label: "LeCun uniform",
    family: "lecun",
    distribution: "uniform",
    params: [],
    law: (fans) => varianceScaling(fans, 1, "fan_in", "uniform"),
    tex: String.raw`W_{ij} \sim \mathcal{U}\!\left(-\sqrt{\tfrac{3}{${nIn}}},\ \sqrt{\tfrac{3}{${nIn}}}\right),\quad \operatorname{Var} W = \tfrac{1}{${nIn}}`,
    keras: "keras.initializers.LecunUniform()",
    pytorch: "torch.nn.init.kaiming_uniform_(w, nonlinearity='linear')",
    note: "Var W = 1/n_in keeps the forward variance of a linear (or SELU) layer.",
  },
  "lecun-normal-keras": {
    label: "LeCun normal (Keras, truncated)",
    family: "lecun",
    distribution: "truncated_normal",
    params: [],
    law: (fans) => varianceScaling(fans, 1, "fan_in", "truncated_normal"),
    tex: String.raw`W_{ij} \sim \mathcal{N}_{\pm 2\sigma}(0,\ \sigma^2),\ \sigma = \tfrac{\sqrt{1/${nIn}}}{0.8796\ldots},\quad \operatorname{Var} W = \tfrac{1}{${nIn}}`,
    keras: "keras.initializers.LecunNormal()",
    pytorch: "— (PyTorch has no fan-scaled truncated normal; see LeCun normal, PyTorch)",
    note: "Truncated at ±2σ with σ enlarged by 1/0.8796 so the variance stays exactly 1/n_in.",
  },
  "lecun-normal-torch": {
    label: "LeCun normal (PyTorch, untruncated)",
    family: "lecun",
    distribution: "normal",
    params: [],
    law: (fans) => varianceScaling(fans, 1, "fan_in", "normal"),
    tex: String.raw`W_{ij} \sim \mathcal{N}\!\left(0,\ \tfrac{1}{${nIn}}\right)`,
    keras: "keras.initializers.VarianceScaling(scale=1.0, mode='fan_in', distribution='untruncated_normal')",
    pytorch: "torch.nn.init.kaiming_normal_(w, nonlinearity='linear')",
    note: "N(0, 1/n_in) is LeCun's scheme, not Xavier's; the two coincide only when n_in = n_out.",
  },
  "glorot-uniform": {
    label: "Glorot (Xavier) uniform",
    family: "glorot",
    distribution: "uniform",
    params: [gainSpec(1)],
    law: (fans, p) => varianceScaling(fans, p.gain ** 2, "fan_avg", "uniform"),
    tex: String.raw`W_{ij} \sim \mathcal{U}\!\left(-g\sqrt{\tfrac{6}{${nIn}+${nOut}}},\ g\sqrt{\tfrac{6}{${nIn}+${nOut}}}\right),\quad \operatorname{Var} W = \tfrac{2g^2}{${nIn}+${nOut}}`,
    keras: "keras.initializers.GlorotUniform()",
    pytorch: "torch.nn.init.xavier_uniform_(w, gain=1.0)",
    note: "Keras' Dense default; the compromise between forward (n_in) and backward (n_out) variance. Keras has g = 1.",
  },
  "glorot-normal-keras": {
    label: "Glorot normal (Keras, truncated)",
    family: "glorot",
    distribution: "truncated_normal",
    params: [],
    law: (fans) => varianceScaling(fans, 1, "fan_avg", "truncated_normal"),
    tex: String.raw`W_{ij} \sim \mathcal{N}_{\pm 2\sigma}(0,\ \sigma^2),\ \sigma = \tfrac{\sqrt{2/(${nIn}+${nOut})}}{0.8796\ldots},\quad \operatorname{Var} W = \tfrac{2}{${nIn}+${nOut}}`,
    keras: "keras.initializers.GlorotNormal()",
    pytorch: "— (PyTorch's xavier_normal_ is untruncated; see Glorot normal, PyTorch)",
    note: "Truncated at ±2σ, σ enlarged by 1/0.8796 so the variance stays exactly 2/(n_in + n_out).",
  },
  "glorot-normal-torch": {
    label: "Glorot (Xavier) normal (PyTorch, untruncated)",
    family: "glorot",
    distribution: "normal",
    params: [gainSpec(1)],
    law: (fans, p) => varianceScaling(fans, p.gain ** 2, "fan_avg", "normal"),
    tex: String.raw`W_{ij} \sim \mathcal{N}\!\left(0,\ \tfrac{2g^2}{${nIn}+${nOut}}\right)`,
    keras: "keras.initializers.VarianceScaling(scale=1.0, mode='fan_avg', distribution='untruncated_normal')",
    pytorch: "torch.nn.init.xavier_normal_(w, gain=1.0)",
    note: "Same variance as Keras' GlorotNormal, but a plain normal with no truncation.",
  },
  "he-uniform": {
    label: "He (Kaiming) uniform",
    family: "he",
    distribution: "uniform",
    params: [gainSpec(Math.SQRT2), kaimingModeSpec],
    law: (fans, p) => varianceScaling(fans, p.gain ** 2, p.mode, "uniform"),
    tex: String.raw`W_{ij} \sim \mathcal{U}\!\left(-g\sqrt{\tfrac{3}{${nIn}}},\ g\sqrt{\tfrac{3}{${nIn}}}\right),\ g = \sqrt2:\ \operatorname{Var} W = \tfrac{2}{${nIn}}`,
    keras: "keras.initializers.HeUniform()",
    pytorch: "torch.nn.init.kaiming_uniform_(w, mode='fan_in', nonlinearity='relu')",
    note: "Var W = 2/n_in makes up for ReLU zeroing half its inputs. Keras: g = √2 and fan_in only.",
  },
  "he-normal-keras": {
    label: "He normal (Keras, truncated)",
    family: "he",
    distribution: "truncated_normal",
    params: [],
    law: (fans) => varianceScaling(fans, 2, "fan_in", "truncated_normal"),
    tex: String.raw`W_{ij} \sim \mathcal{N}_{\pm 2\sigma}(0,\ \sigma^2),\ \sigma = \tfrac{\sqrt{2/${nIn}}}{0.8796\ldots},\quad \operatorname{Var} W = \tfrac{2}{${nIn}}`,
    keras: "keras.initializers.HeNormal()",
    pytorch: "— (PyTorch's kaiming_normal_ is untruncated; see He normal, PyTorch)",
    note: "Truncated at ±2σ, σ enlarged by 1/0.8796 so the variance stays exactly 2/n_in.",
  },
  "he-normal-torch": {
    label: "He (Kaiming) normal (PyTorch, untruncated)",
    family: "he",
    distribution: "normal",
    params: [gainSpec(Math.SQRT2), kaimingModeSpec],
    law: (fans, p) => varianceScaling(fans, p.gain ** 2, p.mode, "normal"),
    tex: String.raw`W_{ij} \sim \mathcal{N}\!\left(0,\ \tfrac{g^2}{${nIn}}\right),\ g = \sqrt2:\ \operatorname{sd} W = \sqrt{\tfrac{2}{${nIn}}}`,
    keras: "keras.initializers.VarianceScaling(scale=2.0, mode='fan_in', distribution='untruncated_normal')",
    pytorch: "torch.nn.init.kaiming_normal_(w, mode='fan_in', nonlinearity='relu')",
    note: "std = gain/√fan with gain = calculate_gain(nonlinearity); leaky ReLU(a): gain² = 2/(1 + a²).",
  },
  orthogonal: {
    label: "Orthogonal",
    family: "orthogonal",
    distribution: "orthogonal",
    params: [gainSpec(1)],
    law: (fans, p) => ({
      kind: "orthogonal",
      gain: p.gain,
      variance: p.gain ** 2 / Math.max(1, fans.fanIn, fans.fanOut),
    }),
    tex: String.raw`W = g\,Q,\quad Q^\top Q = I\ \text{(or } QQ^\top = I\text{)},\quad \operatorname{Var} W_{ij} = \tfrac{g^2}{\max(${nIn},\,${nOut})}`,
    keras: "keras.initializers.Orthogonal(gain=1.0)",
    pytorch: "torch.nn.init.orthogonal_(w, gain=1)",
    note: "Every singular value equals g, so products of layers neither shrink nor stretch any direction (Saxe 2013).",
  },
  "variance-scaling": {
    label: "Variance scaling (general)",
    family: "general",
    distribution: "truncated_normal",
    params: [
      { key: "scale", kind: "number", label: "scale", default: 1, min: 0.01, max: 10, step: 0.01 },
      {
        key: "mode",
        kind: "choice",
        label: "mode",
        default: "fan_in",
        options: ["fan_in", "fan_out", "fan_avg"],
      },
      {
        key: "distribution",
        kind: "choice",
        label: "distribution",
        default: "truncated_normal",
        options: ["truncated_normal", "normal", "uniform"],
      },
    ],
    law: (fans, p) => varianceScaling(fans, p.scale, p.mode, p.distribution),
    tex: String.raw`\operatorname{Var} W = \tfrac{s}{\max(1,\ n)},\quad n \in \left\{${nIn},\ ${nOut},\ \tfrac{${nIn}+${nOut}}{2}\right\}`,
    keras: "keras.initializers.VarianceScaling(scale=1.0, mode='fan_in', distribution='truncated_normal')",
    pytorch: "— (PyTorch expresses it through gain: xavier_*/kaiming_* with gain = √scale)",
    note: "Glorot, He and LeCun are its special cases; here 'normal' is untruncated (Keras 'untruncated_normal').",
  },
} satisfies Record<string, Scheme>;

/** Every initializer, by id. */
export const initializers = Object.fromEntries(
  Object.entries(schemes).map(([id, scheme]) => [id, define(id as InitializerId, scheme)]),
) as Readonly<Record<InitializerId, Initializer>>;

/** Ids in display order (the table's order). */
export const initializerIds = Object.keys(schemes) as readonly InitializerId[];

/** True for a string naming a registry entry (for URL state and props). */
export function isInitializerId(x: unknown): x is InitializerId {
  return typeof x === "string" && Object.prototype.hasOwnProperty.call(initializers, x);
}

/** The full parameter set an initializer uses: its defaults overlaid with `params`. */
export function paramsWithDefaults(id: InitializerId, params?: Partial<InitParams>): InitParams {
  return withDefaults(initializers[id].params, params);
}

/**
 * Fills a new row-major Float64Array of shape [rows = fan-out units] × [cols = fan-in units], i.e. W[i·cols + j]
 * is the weight from input j to output i. Fans default to { fanIn: cols, fanOut: rows }; pass the kernel's
 * fans (engine/fans.ts) when the matrix is a flattened conv kernel.
 */
export function initWeights(
  id: InitializerId,
  rows: number,
  cols: number,
  rng: Rng,
  params?: Partial<InitParams>,
  fans: Fans = { fanIn: cols, fanOut: rows },
): Float64Array {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new RangeError(`initWeights needs non-negative integer rows and cols, got ${rows}×${cols}`);
  }
  return sampleDistribution(initializers[id].distributionOf(fans, params), rows, cols, rng);
}

/** Var W of one entry for these fans: the registry's closed form. */
export function initVariance(id: InitializerId, fans: Fans, params?: Partial<InitParams>): number {
  return initializers[id].variance(fans, params);
}

/**
 * The frameworks' bias initializations for dense and conv layers, as choices of the engine (NetworkOptions.bias):
 * Keras' `Dense` / `Conv*D` start every bias at zero (`bias_initializer="zeros"`); PyTorch's `nn.Linear` /
 * `nn.Conv*d` `reset_parameters` draws them from U(−1/√fan_in, 1/√fan_in) — Var b = 1/(3·fan_in).
 */
export const biasInits = {
  zeros: {
    label: "zeros (Keras default)",
    keras: "keras.layers.Dense(..., bias_initializer='zeros')",
    pytorch: "torch.nn.init.zeros_(layer.bias)",
    variance: (_fanIn: number) => 0,
  },
  "torch-default": {
    label: "U(±1/√n_in) (PyTorch default)",
    keras: "— (Keras biases start at zero)",
    pytorch: "torch.nn.Linear(n_in, n_out)  # bias ~ U(−1/√fan_in, 1/√fan_in)",
    variance: (fanIn: number) => 1 / (3 * fanIn),
  },
} as const;
export type BiasInitId = keyof typeof biasInits;

/** Fills a bias vector of `units` entries as `id` does for a layer with this fan-in. */
export function initBias(id: BiasInitId, units: number, fanIn: number, rng: Rng): Float64Array {
  const b = new Float64Array(units);
  if (id === "torch-default") {
    const bound = 1 / Math.sqrt(fanIn);
    for (let i = 0; i < units; i++) b[i] = rng.uniform(-bound, bound);
  }
  return b;
}

/** Display names and series colours (CSS custom properties of the site) of the registry's families. */
export const families: Readonly<Record<Initializer["family"], { label: string; color: string }>> = {
  he: { label: "He / Kaiming", color: "var(--series-2)" },
  glorot: { label: "Xavier / Glorot", color: "var(--series-1)" },
  lecun: { label: "LeCun", color: "var(--series-3)" },
  orthogonal: { label: "Orthogonal", color: "var(--series-4)" },
  default: { label: "Glorot's standard, PyTorch nn.Linear", color: "var(--series-5)" },
  general: { label: "Variance scaling (Keras defaults)", color: "var(--fg)" },
  naive: { label: "Naive fixed scale (N(0, σ²), U(a, b))", color: "var(--series-7)" },
  constant: { label: "Constant", color: "var(--fg-muted)" },
};

type NumberSpec = Extract<ParamSpec, { kind: "number" }>;

/** Every numeric parameter's widest range over the registry (what a URL may carry before an entry is known). */
export const paramRanges: Readonly<Partial<Record<NumericParamKey, { min: number; max: number }>>> =
  Object.fromEntries(
    (["value", "a", "b", "mean", "std", "gain", "scale"] as const).flatMap((key) => {
      const specs = initializerIds.flatMap((id) =>
        initializers[id].params.filter((p): p is NumberSpec => p.key === key),
      );
      if (specs.length === 0) return [];
      return [
        [key, { min: Math.min(...specs.map((s) => s.min)), max: Math.max(...specs.map((s) => s.max)) }],
      ];
    }),
  );

/** Parameters as a URL or a control carries them: any subset, numbers or choice strings. */
export type LooseParams = Partial<Record<ParamSpec["key"], number | string>>;

/**
 * The parameters entry `id` reads, each within its own spec: numbers clamped to [min, max], unknown choices
 * dropped (so they take the default), other keys dropped. Values the law still refuses (a ≥ b, say) fall back
 * to the defaults. Each change is described in `notes`, in words a reader can act on.
 */
export function clampParams(
  id: InitializerId,
  params: LooseParams,
): { params: Partial<InitParams>; notes: string[] } {
  const entry = initializers[id];
  const out: Record<string, number | string> = {};
  const notes: string[] = [];
  for (const spec of entry.params) {
    const v = params[spec.key];
    if (v === undefined) continue;
    if (spec.kind === "number") {
      const x = typeof v === "number" ? v : Number(v);
      const clamped = Math.min(spec.max, Math.max(spec.min, Number.isFinite(x) ? x : spec.default));
      if (clamped !== x)
        notes.push(
          `${entry.label}: ${spec.label} ${String(v)} is outside ${spec.min}–${spec.max}; using ${clamped}.`,
        );
      out[spec.key] = clamped;
    } else if ((spec.options as readonly string[]).includes(String(v))) {
      out[spec.key] = String(v);
    } else {
      notes.push(
        `${entry.label}: ${spec.label} “${String(v)}” is not one of ${spec.options.join(", ")}; using ${spec.default}.`,
      );
    }
  }
  try {
    entry.distributionOf({ fanIn: 2, fanOut: 2 }, out as Partial<InitParams>);
  } catch (e) {
    notes.push(
      `${entry.label}: ${e instanceof Error ? e.message : String(e)}; using its default parameters.`,
    );
    return { params: {}, notes };
  }
  return { params: out as Partial<InitParams>, notes };
}
