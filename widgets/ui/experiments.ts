import { sampleInitializer } from "../../engine/experiments/sampling";
import { runSignalByScheme } from "../../engine/experiments/signalByScheme";
import { runVarianceByDepth } from "../../engine/experiments/varianceByDepth";

/** The one-shot experiments widgets may run in the compute worker (or synchronously where no Worker exists). */
export const experiments = {
  varianceByDepth: runVarianceByDepth,
  signalByScheme: runSignalByScheme,
  sampling: sampleInitializer,
} as const;

export type ExperimentName = keyof typeof experiments;
export type ExperimentOptions<N extends ExperimentName> = Parameters<(typeof experiments)[N]>[0];
export type ExperimentResult<N extends ExperimentName> = ReturnType<(typeof experiments)[N]>;
