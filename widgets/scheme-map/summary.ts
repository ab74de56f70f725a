/** What the scheme map says about a run: each profile's verdict, the families shown, the spoken summary. */
import { activations } from "../../engine/activations";
import type { SignalBySchemeResult } from "../../engine/experiments/signalByScheme";
import { families, initializers, type Initializer } from "../../engine/initializers";
import { factor } from "../ui/format";
import type { SchemeMapState } from "./state";

export type Family = Exclude<Initializer["family"], "constant">;

/** The families drawn (every one but the constant initializers'), in legend order, from the registry. */
export const FAMILIES = (Object.keys(families) as Initializer["family"][])
  .filter((f): f is Family => f !== "constant")
  .map((family) => ({ family, ...families[family] }));

export type Verdict = "holds" | "vanishes" | "explodes";

/** Holds: the last layer's activation variance is within ×10 of the first; otherwise vanishes or explodes. */
export function verdictOf(variance: number[]): Verdict {
  const r = variance[variance.length - 1] / variance[0];
  if (!Number.isFinite(r) || r > 10) return "explodes";
  return r < 0.1 ? "vanishes" : "holds";
}

/** Which families hold the signal, in one sentence (from the engine's numbers). */
export function summarize(state: SchemeMapState, result: SignalBySchemeResult): string {
  const { depth, width } = result.options;
  const holding = FAMILIES.filter(({ family }) =>
    result.profiles.some((p) => p.family === family && verdictOf(p.variance) === "holds"),
  ).map((f) => f.label);
  const total = result.profiles.length;
  const held = result.profiles.filter((p) => verdictOf(p.variance) === "holds").length;
  let text = `${activations[state.activation].label}, ${depth} layers of ${width}: ${held} of ${total} initializers keep the activation variance within a factor 10 of layer 1 — ${holding.join(", ") || "none"}.`;
  if (state.highlight !== "none") {
    const p = result.profiles.find((q) => q.id === state.highlight);
    const label = initializers[state.highlight].label;
    if (!p) text += ` ${label} is constant: its activations have variance 0.`;
    else {
      const r = p.variance[p.variance.length - 1] / p.variance[0];
      text += ` ${label}: layer ${depth} has ${factor(r)} the variance of layer 1 (${verdictOf(p.variance)}).`;
    }
  }
  return text;
}
