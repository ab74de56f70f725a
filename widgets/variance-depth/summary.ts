/** What the variance-by-depth demo says about its runs: where the signal overflows, and the spoken summary. */
import type { VarianceByDepthResult } from "../../engine/experiments/varianceByDepth";
import { activations } from "../../engine/activations";
import { initializers } from "../../engine/initializers";
import { percent, sig } from "../ui/format";
import type { VarianceRuns } from "./run";
import type { VarianceState } from "./state";

/** The first layer whose statistics are not finite, if any. */
export function overflowLayer(result: VarianceByDepthResult): number | null {
  const bad = result.layers.find(
    (l) =>
      !Number.isFinite(l.z.variance) || !Number.isFinite(l.dz.variance) || !Number.isFinite(l.dW.variance),
  );
  return bad ? bad.layer : null;
}

/** Whether every pre-activation is exactly 0 (a constant initializer): nothing to draw on a log axis. */
export const isConstant = (result: VarianceByDepthResult): boolean => result.layers[0].z.variance === 0;

/** One sentence stating what the figure shows now (caption and screen-reader summary). */
export function summarize(state: VarianceState, runs: VarianceRuns): string {
  const { main } = runs;
  const name = initializers[state.init].label;
  const act = activations[state.activation].label;
  const setup = `${name}, ${act}, ${state.depth} layer${state.depth === 1 ? "" : "s"} of ${state.width}`;
  const broken = overflowLayer(main);
  if (broken !== null) return `${setup}: diverged — the signal overflows to infinity at layer ${broken}.`;
  const first = main.layers[0];
  const last = main.layers[main.layers.length - 1];
  if (isConstant(main))
    return `${setup}: every pre-activation is exactly 0 — a constant initializer passes no signal variance.`;
  if (state.depth === 1)
    return `${setup}: Var z¹ = ${sig(first.z.variance)} (theory ${sig(first.predicted.varZ)}).`;
  const fwd = last.z.variance / first.z.variance;
  const fwdTheory = last.predicted.varZ / first.predicted.varZ;
  const bwd = first.dz.variance / last.dz.variance;
  let text = `${setup}: Var z at layer ${state.depth} is ${percent(fwd)} of layer 1 (theory ${percent(fwdTheory)}); the back-propagated gradient's variance at layer 1 is ${percent(bwd)} of layer ${state.depth}.`;
  if (runs.compare && state.compare !== "none" && overflowLayer(runs.compare) === null) {
    const c = runs.compare.layers;
    const cf = c[c.length - 1].z.variance / c[0].z.variance;
    if (Number.isFinite(cf)) text += ` With ${initializers[state.compare].label}: ${percent(cf)}.`;
  }
  return text;
}
