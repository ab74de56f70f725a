import { extent } from "d3-array";

/** One equal-width bin [x0, x1) (the last bin also holds x1). */
export interface HistogramBin {
  x0: number;
  x1: number;
  /** How many values fell in the bin. */
  count: number;
  /** count / (N · width), N = all finite values: a density comparable with a pdf, even when `domain` cuts tails. */
  density: number;
}

/**
 * Bins `values` into `bins` equal-width bins over `domain` (default: [min, max] of the finite values; a
 * single repeated value v gets [v − ½, v + ½], wider for |v| > 5·10⁵). Non-finite values are skipped; finite values outside the
 * domain are counted in N but in no bin. Bin k is [x0 + k·h, x0 + (k+1)·h) with h = (x1 − x0) / bins.
 */
export function histogram(
  values: ArrayLike<number>,
  options: { bins: number; domain?: [number, number] },
): HistogramBin[] {
  const { bins } = options;
  if (!Number.isInteger(bins) || bins < 1)
    throw new RangeError(`histogram needs a positive integer bin count, got ${bins}`);
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) finite.push(values[i]);
  const [lo, hi] = options.domain ?? defaultDomain(finite);
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) {
    throw new RangeError(`histogram domain must be finite with lo < hi, got [${lo}, ${hi}]`);
  }
  const counts = new Array<number>(bins).fill(0);
  for (const v of finite) {
    if (v < lo || v > hi) continue;
    // (v − lo)/(hi − lo) ∈ [0, 1] stays finite even for subnormal ranges, where bins/(hi − lo) overflows.
    counts[Math.min(bins - 1, Math.floor(((v - lo) / (hi - lo)) * bins))]++;
  }
  const width = (hi - lo) / bins;
  return counts.map((count, k) => ({
    x0: lo + k * width,
    x1: k === bins - 1 ? hi : lo + (k + 1) * width,
    count,
    density: finite.length > 0 ? count / (finite.length * width) : 0,
  }));
}

function defaultDomain(finite: number[]): [number, number] {
  const [min, max] = extent(finite);
  if (min === undefined || max === undefined) return [0, 1];
  if (min < max) return [min, max];
  const pad = Math.max(0.5, Math.abs(min) * 1e-6); // ±½ would vanish in rounding beyond 2⁵²
  return [min - pad, max + pad];
}
