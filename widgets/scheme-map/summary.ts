/** What the scheme map says about a run: each profile's verdict, the families shown, the spoken summary. */
import { activations } from "../../engine/activations";
import {
  HOLD_FACTOR,
  type SchemeVerdict,
  type SignalBySchemeResult,
} from "../../engine/experiments/signalByScheme";
import { families, initializers, type Initializer } from "../../engine/initializers";
import { factor } from "../ui/format";
import type { SchemeMapState } from "./state";

export type Family = Exclude<Initializer["family"], "constant">;

/** The families drawn (every one but the constant initializers'), in legend order, from the registry. */
export const FAMILIES = (Object.keys(families) as Initializer["family"][])
  .filter((f): f is Family => f !== "constant")
  .map((family) => ({ family, ...families[family] }));

/** A verdict in words: "holds", "saturates", "the signal vanishes", "the gradient explodes". */
export function verdictText(v: SchemeVerdict): string {
  return v.kind === "holds" || v.kind === "saturates" ? v.kind : `the ${v.where} ${v.kind}`;
}

const PLURAL = { holds: "hold", saturates: "saturate", vanishes: "vanish", explodes: "explode" } as const;

/** Which families hold the signal, in one sentence (from the engine's numbers and its verdict rule). */
export function summarize(state: SchemeMapState, result: SignalBySchemeResult): string {
  const { depth, width } = result.options;
  const { profiles } = result;
  const holding = FAMILIES.filter(({ family }) =>
    profiles.some((p) => p.family === family && p.verdict.kind === "holds"),
  ).map((f) => f.label);
  const count = (kind: SchemeVerdict["kind"]) => profiles.filter((p) => p.verdict.kind === kind).length;
  const failures = (["saturates", "vanishes", "explodes"] as const)
    .filter((k) => count(k) > 0)
    .map((k) => `${count(k)} ${count(k) === 1 ? k : PLURAL[k]}`);
  let text =
    `${activations[state.activation].label}, ${depth} layers of ${width}: ${count("holds")} of ${profiles.length} ` +
    `initializers keep Var z and the gradient's variance within a factor ${HOLD_FACTOR} of layer 1 without ` +
    `saturating — ${holding.join(", ") || "none"}` +
    (failures.length > 0 ? `; ${failures.join(", ")}.` : ".");
  if (state.highlight !== "none") {
    const p = profiles.find((q) => q.id === state.highlight);
    const label = initializers[state.highlight].label;
    if (!p) text += ` ${label} is constant: its activations have variance 0.`;
    else {
      const z = p.preactivation;
      const r = z[z.length - 1]! / z[0]!;
      text += ` ${label}: Var z at layer ${depth} is ${factor(r)} layer 1's (${verdictText(p.verdict)}).`;
    }
  }
  return text;
}
