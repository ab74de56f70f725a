import {
  runSignalByScheme,
  signalBySchemeDefaults,
  type SignalBySchemeOptions,
} from "../../engine/experiments/signalByScheme";
import type { SchemeMapState } from "./state";

/** Every initializer in the experiment's 20 × 100 net, for the state's activation and seed. */
export const experimentOptions = (state: SchemeMapState): SignalBySchemeOptions => ({
  ...signalBySchemeDefaults,
  activation: state.activation,
  seed: state.seed,
});

export const run = (state: SchemeMapState) => runSignalByScheme(experimentOptions(state));
