import {
  runVarianceByDepth,
  type VarianceByDepthOptions,
  type VarianceByDepthResult,
} from "../../engine/experiments/varianceByDepth";
import { initializers, type FanMode, type InitializerId, type InitParams } from "../../engine/initializers";
import type { VarianceState } from "./state";

/** The fan modes an initializer accepts (none for most). */
export function modesOf(id: InitializerId): readonly FanMode[] {
  const spec = initializers[id].params.find((p) => p.key === "mode");
  return spec?.kind === "choice" && spec.key === "mode" ? spec.options : [];
}

/** Whether an initializer reads a standard deviation σ (the naive normal ones). */
export const hasStd = (id: InitializerId): boolean => initializers[id].params.some((p) => p.key === "std");

function paramsFor(id: InitializerId, state: VarianceState): Partial<InitParams> {
  return {
    ...(modesOf(id).includes(state.mode) ? { mode: state.mode } : {}),
    ...(hasStd(id) ? { std: state.std } : {}),
  };
}

/**
 * Inputs per run: enough samples for smooth statistics (batch × width values per layer) while bounding the
 * work to about 2·10⁷ multiply-adds forward, so even 50 × 1000 finishes in well under a second in the worker.
 */
export function batchFor(width: number, depth: number): number {
  return Math.max(8, Math.min(256, Math.round(2e7 / (width * width * depth))));
}

/** The run of one initializer (the chosen one or the comparison) in the state's net. */
export function experimentOptions(
  state: VarianceState,
  init: InitializerId,
): Partial<VarianceByDepthOptions> {
  return {
    seed: state.seed,
    depth: state.depth,
    width: state.width,
    activation: state.activation,
    init,
    initParams: paramsFor(init, state),
    batch: batchFor(state.width, state.depth),
    bins: 40,
  };
}

/** Both runs of the demo: the chosen initializer and the optional comparison, same seed and inputs. */
export interface VarianceRuns {
  main: VarianceByDepthResult;
  compare: VarianceByDepthResult | null;
}

/** Both runs at once, as the build draws them (the island computes them in the worker). */
export const runAll = (state: VarianceState): VarianceRuns => ({
  main: runVarianceByDepth(experimentOptions(state, state.init)),
  compare: state.compare === "none" ? null : runVarianceByDepth(experimentOptions(state, state.compare)),
});
