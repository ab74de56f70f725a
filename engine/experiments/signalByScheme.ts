/**
 * Claim (Overview, "The map of schemes"): for a given activation, some initializers hold the signal's
 * variance steady through a deep network and the others let it vanish or grow — shown for every registry
 * entry at once. Each non-constant initializer (default parameters) runs the variance-by-depth setup with the
 * same seed, inputs and shape; the result is, at every layer, the pre-activation variance Var z^l, the
 * back-propagated gradient's variance Var δ^l (δ = ∂L/∂z) and the share of saturated units, and one verdict per
 * scheme from them.
 *
 * The verdict is defined on quantities that mean the same for every activation: Var z (not Var a, which for
 * the sigmoid carries its ½ offset), the backward factor Var δ^1 / Var δ^L, and saturation as a failure of its
 * own (a saturated tanh keeps Var a ≈ 1 while its units stop responding).
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
  /** Var z^l, the pre-activation variance, for l = 1…depth (NaN where it overflowed). */
  preactivation: number[];
  /** Var δ^l = Var ∂L/∂z^l for l = 1…depth, back-propagated from a random N(0, 1) gradient at the top. */
  gradient: number[];
  /** Share of saturated units per layer (f′(z) < 2 % of f′(0)); null for activations that do not saturate. */
  saturated: (number | null)[];
  verdict: SchemeVerdict;
}

/** How a scheme treats the signal over the whole depth. */
export type SchemeVerdict =
  | { kind: "holds" }
  | { kind: "saturates"; share: number }
  | { kind: "vanishes" | "explodes"; where: "signal" | "gradient"; ratio: number };

/** A scheme holds when Var z^L / Var z^1 and Var δ^1 / Var δ^L both stay within this factor of 1… */
export const HOLD_FACTOR = 10;
/** …and fewer than this share of the units are saturated, on average over the layers. */
export const SATURATED_FAILS = 0.2;

/** The verdict from a profile's numbers: saturation first, then the worse of the forward and backward ratios. */
export function schemeVerdict(
  p: Pick<SchemeProfile, "preactivation" | "gradient" | "saturated">,
): SchemeVerdict {
  const shares = p.saturated.filter((x): x is number => x !== null);
  const share = shares.length > 0 ? shares.reduce((a, b) => a + b, 0) / shares.length : 0;
  if (share >= SATURATED_FAILS) return { kind: "saturates", share };
  const L = p.preactivation.length - 1;
  const ratios = [
    { where: "signal" as const, ratio: p.preactivation[L]! / p.preactivation[0]! },
    { where: "gradient" as const, ratio: p.gradient[0]! / p.gradient[L]! },
  ];
  // the ratio furthest from 1 on a log scale decides (a non-finite one overflowed: it exploded)
  const distance = (r: number) => (Number.isFinite(r) && r > 0 ? Math.abs(Math.log(r)) : Infinity);
  const worst = ratios.reduce((a, b) => (distance(b.ratio) > distance(a.ratio) ? b : a));
  if (distance(worst.ratio) <= Math.log(HOLD_FACTOR)) return { kind: "holds" };
  const kind = Number.isFinite(worst.ratio) && worst.ratio < 1 ? "vanishes" : "explodes";
  return { kind, ...worst };
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
      const finite = (x: number) => (Number.isFinite(x) ? x : NaN);
      const profile = {
        id,
        family: initializers[id].family,
        variance: run.layers.map((l) => finite(l.a.variance)),
        preactivation: run.layers.map((l) => finite(l.z.variance)),
        gradient: run.layers.map((l) => finite(l.dz.variance)),
        saturated: run.layers.map((l) => l.saturated),
      };
      return { ...profile, verdict: schemeVerdict(profile) };
    });
  return { options: o, profiles, constant };
}
