import { distributionMoments, distributionPdf, type WeightDistribution } from "../../engine/initializers";

/** Tolerances in these tests are this many standard errors of the estimate at the sample size used. */
export const SIGMAS = 5;

/** E[(W − E W)⁴] of one entry. Orthogonal: an entry of g·(unit vector in ℝᵐ) has E[q⁴] = 3g⁴ / (m(m + 2)). */
export function fourthCentralMoment(d: WeightDistribution, m = 1): number {
  switch (d.kind) {
    case "constant":
      return 0;
    case "uniform":
      return ((d.hi - d.lo) / 2) ** 4 / 5;
    case "normal":
      return 3 * d.std ** 4;
    case "orthogonal":
      return (3 * d.gain ** 4) / (m * (m + 2));
    case "truncated_normal": {
      const mu = distributionMoments(d).mean;
      return simpson((x) => (x - mu) ** 4 * (distributionPdf(d, x) ?? 0), d.lo, d.hi, 4000);
    }
  }
}

/** Composite Simpson rule with an even number of intervals. */
export function simpson(f: (x: number) => number, a: number, b: number, intervals: number): number {
  const h = (b - a) / intervals;
  let s = f(a) + f(b);
  for (let i = 1; i < intervals; i++) s += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

/**
 * Standard errors of the sample mean (σ/√n) and of the unbiased sample variance,
 * √((μ₄ − σ⁴·(n − 3)/(n − 1)) / n), which is σ²·√(2/(n − 1)) for a normal.
 */
export function standardErrors(d: WeightDistribution, n: number, m = 1): { mean: number; variance: number } {
  const v = distributionMoments(d).variance;
  return {
    mean: Math.sqrt(v / n),
    variance: Math.sqrt(Math.max(0, fourthCentralMoment(d, m) - (v * v * (n - 3)) / (n - 1)) / n),
  };
}

export function sampleMoments(xs: ArrayLike<number>): { mean: number; variance: number } {
  const n = xs.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += xs[i] / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i] - mean) ** 2;
  return { mean, variance: ss / (n - 1) };
}
