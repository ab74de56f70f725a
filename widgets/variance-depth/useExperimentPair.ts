import { useExperiment } from "../ui/useExperiment";
import { experimentOptions, type VarianceRuns, type VarianceState } from "./model";

/**
 * Runs the main and the comparison initializer in the compute worker. `runs` is null until both have finished
 * once (the view shows its build-time figures meanwhile); later, the last runs stay while new ones compute.
 */
export function useExperimentPair(state: VarianceState) {
  const hasCompare = state.compare !== "none";
  const main = useExperiment("varianceByDepth", experimentOptions(state, state.init));
  const compare = useExperiment(
    "varianceByDepth",
    experimentOptions(state, hasCompare ? (state.compare as VarianceState["init"]) : state.init),
    hasCompare,
  );
  const runs: VarianceRuns | null =
    main.result && (!hasCompare || compare.result)
      ? { main: main.result, compare: hasCompare ? compare.result : null }
      : null;
  const error = main.kind === "error" ? main.message : compare.kind === "error" ? compare.message : null;
  return {
    runs,
    computing: main.kind === "computing" || (hasCompare && compare.kind === "computing"),
    error,
  };
}
