/** What the formula explorer says about a sample: how far its variance is from the formula's, and why. */
import type { SamplingResult } from "../../engine/experiments/sampling";
import { initializers } from "../../engine/initializers";
import { count, percent, sig } from "../ui/format";

/**
 * Relative standard error of a sample variance, √((κ − 1)/n), with κ the kurtosis: 1.8 for a uniform law,
 * 3 for a normal one; 3 also bounds a truncated normal's (lighter tails) and orthogonal entries (near normal).
 */
export function varianceTolerance(result: SamplingResult): number {
  const kind = initializers[result.id].distributionOf(result.fans, result.params).kind;
  const kurtosis = kind === "uniform" ? 1.8 : 3;
  return Math.sqrt((kurtosis - 1) / result.n);
}

/** A sentence stating what the figure shows now, for the caption and for screen readers. */
export function summarize(result: SamplingResult): string {
  const { theory, sample: s, n } = result;
  const name = initializers[result.id].label;
  const draws = `${count(n)} draws of ${name} (fan-in ${result.fans.fanIn}, fan-out ${result.fans.fanOut})`;
  if (theory.variance === 0)
    return `${draws}: every weight equals ${sig(s.mean)}, a point mass with variance 0.`;
  const off = (s.variance - theory.variance) / theory.variance;
  const tol = 3 * varianceTolerance(result);
  const verdict = Math.abs(off) <= tol ? "within" : "outside";
  return `${draws}: sample variance ${sig(s.variance)} against ${sig(theory.variance)} from the formula (${off >= 0 ? "+" : "−"}${percent(Math.abs(off))}, ${verdict} the ±${percent(tol)} that sampling allows at 3 standard errors).`;
}
