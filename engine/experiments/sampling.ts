/**
 * Claim: a sample of an initializer's weights has the mean, variance and shape its formula states
 * (Reference page, formula explorer). Draws n weights of one registry entry for given fans and compares the
 * sample with the closed form: moments, a histogram, and the theoretical density on a grid over it.
 */
import { extent, mean, variance } from "d3-array";
import { histogram, type HistogramBin } from "../histogram";
import {
  distributionMoments,
  distributionPdf,
  initializers,
  initWeights,
  paramsWithDefaults,
  type Fans,
  type InitializerId,
  type InitParams,
  type WeightDistribution,
} from "../initializers";
import { createRng } from "../rng";

/** What to sample: a registry entry, its fans and parameters, how many weights, and the seed. */
export interface SamplingOptions {
  id: InitializerId;
  fanIn: number;
  fanOut: number;
  params?: Partial<InitParams>;
  /** Number of weights to draw (default 10 000). */
  n?: number;
  seed: number;
  /** Histogram bins (default 40). */
  bins?: number;
}

/** How `density` was obtained: the entry's own pdf, a normal with its variance (orthogonal), or none (constant). */
export type DensityKind = "exact" | "normal-approximation" | "point-mass";

/** Plain, serialisable data for the sampler widget and its claim tests. */
export interface SamplingResult {
  id: InitializerId;
  fans: Fans;
  n: number;
  seed: number;
  /** The parameters used, defaults filled in. */
  params: InitParams;
  theory: { mean: number; variance: number; std: number; bound: number | null };
  /** Sample moments; variance is the unbiased Σ(w − w̄)² / (n − 1). */
  sample: { mean: number; variance: number; std: number; min: number; max: number };
  histogram: HistogramBin[];
  /** The theoretical pdf on 201 points spanning the histogram; empty for a point mass. */
  density: { x: number; density: number }[];
  densityKind: DensityKind;
}

const GRID_POINTS = 201;

/**
 * Draws fanOut×fanIn weight matrices with `initWeights` (successive independent matrices from one seeded Rng)
 * until n values are collected, row-major, and summarises them. Pure: the same options give the same result.
 */
export function sampleInitializer({
  id,
  fanIn,
  fanOut,
  params,
  n = 10_000,
  seed,
  bins = 40,
}: SamplingOptions): SamplingResult {
  if (!Number.isInteger(n) || n < 2)
    throw new RangeError(`sampleInitializer needs an integer n ≥ 2, got ${n}`);
  for (const f of [fanIn, fanOut]) {
    if (!Number.isInteger(f) || f < 1)
      throw new RangeError(`fans must be positive integers, got ${fanIn}, ${fanOut}`);
  }
  const fans = { fanIn, fanOut };
  const full = paramsWithDefaults(id, params);
  const law = initializers[id].distributionOf(fans, full);
  const rng = createRng(seed);
  const values = new Float64Array(n);
  for (let filled = 0; filled < n;) {
    // Entries other than orthogonal's are drawn one by one in row-major order, so drawing only the rows
    // still needed gives exactly the first entries of the full fanOut×fanIn matrix.
    const rows = law.kind === "orthogonal" ? fanOut : Math.min(fanOut, Math.ceil((n - filled) / fanIn));
    const w = initWeights(id, rows, fanIn, rng, full, fans);
    const take = Math.min(w.length, n - filled);
    values.set(w.subarray(0, take), filled);
    filled += take;
  }

  const theory = distributionMoments(law);
  const [min, max] = extent(values) as [number, number];
  const sampleVariance = variance(values) ?? 0;
  const bars = histogram(values, { bins, domain: support(law) ?? (min < max ? [min, max] : undefined) });
  const { pdf, kind } = densityOf(law, theory.variance);
  const lo = bars[0].x0;
  const hi = bars[bars.length - 1].x1;
  const density =
    pdf === null
      ? []
      : Array.from({ length: GRID_POINTS }, (_, i) => {
          const x = i === GRID_POINTS - 1 ? hi : lo + ((hi - lo) * i) / (GRID_POINTS - 1);
          return { x, density: pdf(x) };
        });

  return {
    id,
    fans,
    n,
    seed,
    params: full,
    theory: { ...theory, std: Math.sqrt(theory.variance) },
    sample: { mean: mean(values) ?? 0, variance: sampleVariance, std: Math.sqrt(sampleVariance), min, max },
    histogram: bars,
    density,
    densityKind: kind,
  };
}

/** The closed interval outside which the law puts no mass, if it is bounded and non-degenerate. */
function support(law: WeightDistribution): [number, number] | undefined {
  return law.kind === "uniform" || law.kind === "truncated_normal" ? [law.lo, law.hi] : undefined;
}

function densityOf(
  law: WeightDistribution,
  entryVariance: number,
): { pdf: ((x: number) => number) | null; kind: DensityKind } {
  if (law.kind === "constant" || entryVariance === 0) return { pdf: null, kind: "point-mass" };
  // An orthogonal matrix's entries are approximately N(0, gain²/n) for large n (exactly so as n → ∞).
  const exact = law.kind !== "orthogonal";
  const model: WeightDistribution = exact ? law : { kind: "normal", mean: 0, std: Math.sqrt(entryVariance) };
  return { pdf: (x) => distributionPdf(model, x) ?? 0, kind: exact ? "exact" : "normal-approximation" };
}
