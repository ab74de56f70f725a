import type { ActivationName } from "../../engine/activations";
import {
  runSignalByScheme,
  signalBySchemeDefaults,
  type SignalBySchemeOptions,
  type SignalBySchemeResult,
} from "../../engine/experiments/signalByScheme";
import {
  initializerIds,
  initializers,
  type Initializer,
  type InitializerId,
} from "../../engine/initializers";
import { assertValidProps, choiceField, pickState, seedField, type Schema } from "../ui/url-state";

export type HeroActivation = Extract<ActivationName, "tanh" | "relu" | "sigmoid">;
export type Family = Exclude<Initializer["family"], "constant">;

export interface SchemeMapState {
  activation: HeroActivation;
  /** An initializer drawn on top and named in the summary, or "none". */
  highlight: InitializerId | "none";
  seed: number;
}

export const NAMESPACE = "map";
export const ACTIVATIONS = ["relu", "tanh", "sigmoid"] as const satisfies readonly HeroActivation[];
export const DEFAULT_STATE: SchemeMapState = { activation: "relu", highlight: "none", seed: 1 };

export const schema: Schema<SchemeMapState> = {
  activation: choiceField("activation", ACTIVATIONS, "relu"),
  highlight: choiceField<InitializerId | "none">("highlight", ["none", ...initializerIds], "none"),
  seed: seedField(),
};

export function stateFromProps(props: Partial<SchemeMapState>): SchemeMapState {
  const state = { ...DEFAULT_STATE, ...pickState(schema, props) };
  assertValidProps("SchemeMap", schema, state);
  return state;
}

export function experimentOptions(state: SchemeMapState): Partial<SignalBySchemeOptions> {
  return { ...signalBySchemeDefaults, activation: state.activation, seed: state.seed };
}

export const run = (state: SchemeMapState) => runSignalByScheme(experimentOptions(state));

/** Families in legend order, with their colour and name. */
export const FAMILIES: { family: Family; label: string; color: string }[] = [
  { family: "he", label: "He / Kaiming", color: "var(--series-2)" },
  { family: "glorot", label: "Xavier / Glorot", color: "var(--series-1)" },
  { family: "lecun", label: "LeCun", color: "var(--series-3)" },
  { family: "orthogonal", label: "Orthogonal", color: "var(--series-4)" },
  { family: "default", label: "Glorot's standard, PyTorch nn.Linear", color: "var(--series-5)" },
  { family: "general", label: "Variance scaling (Keras defaults)", color: "var(--fg)" },
  { family: "naive", label: "Naive fixed scale (N(0, σ²), U(a, b))", color: "var(--series-7)" },
];

export type Verdict = "holds" | "vanishes" | "explodes";

/** Holds: the last layer's activation variance is within ×10 of the first; otherwise vanishes or explodes. */
export function verdictOf(variance: number[]): Verdict {
  const r = variance[variance.length - 1] / variance[0];
  if (!Number.isFinite(r) || r > 10) return "explodes";
  return r < 0.1 ? "vanishes" : "holds";
}

const ACT_LABEL: Record<HeroActivation, string> = { relu: "ReLU", tanh: "tanh", sigmoid: "sigmoid" };

/** Which families hold the signal, in one sentence (from the engine's numbers). */
export function summarize(state: SchemeMapState, result: SignalBySchemeResult): string {
  const { depth, width } = result.options;
  const holding = FAMILIES.filter(({ family }) =>
    result.profiles.some((p) => p.family === family && verdictOf(p.variance) === "holds"),
  ).map((f) => f.label);
  const total = result.profiles.length;
  const held = result.profiles.filter((p) => verdictOf(p.variance) === "holds").length;
  let text = `${ACT_LABEL[state.activation]}, ${depth} layers of ${width}: ${held} of ${total} initializers keep the activation variance within a factor 10 of layer 1 — ${holding.join(", ") || "none"}.`;
  if (state.highlight !== "none") {
    const p = result.profiles.find((q) => q.id === state.highlight);
    const label = initializers[state.highlight as InitializerId].label;
    if (!p) text += ` ${label} is constant: its activations have variance 0.`;
    else {
      const r = p.variance[p.variance.length - 1] / p.variance[0];
      text += ` ${label}: layer ${depth} has ${r.toPrecision(2)}× the variance of layer 1 (${verdictOf(p.variance)}).`;
    }
  }
  return text;
}

export const activationOptions = ACTIVATIONS.map((a) => ({ value: a, label: ACT_LABEL[a] }));
export const highlightOptions = [
  { value: "none" as const, label: "None" },
  ...initializerIds.map((id) => ({ value: id, label: initializers[id].label })),
];
