/**
 * Claim (Overview, "The map of schemes"): for a given activation, some initializers hold the signal's
 * variance steady through a deep network and the others let it vanish or grow — shown for every registry
 * entry at once. Each non-constant initializer (default parameters) runs the variance-by-depth setup with the
 * same seed, inputs and shape; the result is the activation variance Var a^l at every layer.
 */
import type { ActivationName } from "../activations";
import { initializerIds, initializers, type Initializer, type InitializerId } from "../initializers";
import { runVarianceByDepth } from "./varianceByDepth";

export interface SignalBySchemeOptions {
  seed: number;
  activation: ActivationName;
  depth: number;
  width: number;
  batch: number;
}

export const signalBySchemeDefaults: SignalBySchemeOptions = {
  seed: 1,
  activation: "relu",
  depth: 20,
  width: 100,
  batch: 24,
};

export interface SchemeProfile {
  id: InitializerId;
  family: Initializer["family"];
  /** Var a^l for l = 1…depth (NaN where it overflowed). */
  variance: number[];
}

export interface SignalBySchemeResult {
  options: SignalBySchemeOptions;
  profiles: SchemeProfile[];
  /** Constant initializers, left out: every activation of theirs has variance exactly 0. */
  constant: InitializerId[];
}

/** Activation variance per layer for every non-constant registry initializer, same seed and inputs. */
export function runSignalByScheme(options: Partial<SignalBySchemeOptions> = {}): SignalBySchemeResult {
  const o = { ...signalBySchemeDefaults, ...options };
  const constant = initializerIds.filter((id) => initializers[id].family === "constant");
  const profiles = initializerIds
    .filter((id) => initializers[id].family !== "constant")
    .map((id) => {
      const run = runVarianceByDepth({ ...o, init: id, bins: 1 });
      return {
        id,
        family: initializers[id].family,
        variance: run.layers.map((l) => (Number.isFinite(l.a.variance) ? l.a.variance : NaN)),
      };
    });
  return { options: o, profiles, constant };
}
