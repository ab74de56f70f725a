import { activationNames, activations, type ActivationName } from "../../engine/activations";
import {
  runVarianceByDepth,
  type VarianceByDepthOptions,
  type VarianceByDepthResult,
} from "../../engine/experiments/varianceByDepth";
import {
  initializerIds,
  initializers,
  type FanMode,
  type InitializerId,
  type InitParams,
} from "../../engine/initializers";
import {
  assertValidProps,
  choiceField,
  intField,
  numberField,
  pickState,
  seedField,
  type Schema,
} from "../ui/url-state";

/** Everything the variance-by-depth demo shows is a function of this state (and it all lives in the URL). */
export interface VarianceState {
  activation: ActivationName;
  init: InitializerId;
  /** A second initializer drawn beside the first, or "none". */
  compare: InitializerId | "none";
  depth: number;
  width: number;
  mode: FanMode;
  /** σ for the naive normal initializers (those with a `std` parameter). */
  std: number;
  seed: number;
}

export const NAMESPACE = "vd";
export const DEPTH = { min: 1, max: 50 } as const;
export const WIDTH = { min: 10, max: 1000 } as const;
export const STD = { min: 0.001, max: 10 } as const;
const MODES = ["fan_in", "fan_out", "fan_avg"] as const satisfies readonly FanMode[];

export const DEFAULT_STATE: VarianceState = {
  activation: "tanh",
  init: "glorot-uniform",
  compare: "glorot-standard",
  depth: 10,
  width: 256,
  mode: "fan_in",
  std: 0.05,
  seed: 1,
};

export const schema: Schema<VarianceState> = {
  activation: choiceField("activation", activationNames, DEFAULT_STATE.activation),
  init: choiceField("initializer", initializerIds, DEFAULT_STATE.init),
  compare: choiceField<InitializerId | "none">("comparison", ["none", ...initializerIds], "none"),
  depth: intField("depth", DEPTH.min, DEPTH.max),
  width: intField("width", WIDTH.min, WIDTH.max),
  mode: choiceField("fan mode", MODES, "fan_in"),
  std: numberField("σ", STD.min, STD.max),
  seed: seedField(),
};

/** The two papers' setups, one click each. */
export const PRESETS = {
  glorot: {
    label: "Glorot 2010: 5 × 1000 tanh, standard vs normalized",
    state: { activation: "tanh", depth: 5, width: 1000, init: "glorot-uniform", compare: "glorot-standard" },
  },
  he: {
    label: "He 2015: 30-layer ReLU, Xavier vs He",
    state: { activation: "relu", depth: 30, width: 256, init: "he-normal-torch", compare: "glorot-uniform" },
  },
} as const satisfies Record<string, { label: string; state: Partial<VarianceState> }>;
export type PresetName = keyof typeof PRESETS;

/** Validates author props (a typo in the article fails the build loudly) over the defaults or a preset. */
export function stateFromProps(props: Partial<VarianceState> & { preset?: PresetName }): VarianceState {
  const { preset } = props;
  if (preset !== undefined && !(preset in PRESETS))
    throw new Error(`VarianceDepth: unknown preset "${preset}"`);
  const state: VarianceState = {
    ...DEFAULT_STATE,
    ...(preset ? PRESETS[preset].state : {}),
    ...pickState(schema, props),
  };
  assertValidProps("VarianceDepth", schema, state);
  return state;
}

/** The fan modes an initializer accepts (none for most). */
export function modesOf(id: InitializerId): readonly FanMode[] {
  const spec = initializers[id].params.find((p) => p.key === "mode");
  return spec && spec.kind === "choice" && spec.key === "mode" ? spec.options : [];
}

/** Whether an initializer reads a standard deviation σ (the naive normal ones). */
export function hasStd(id: InitializerId): boolean {
  return initializers[id].params.some((p) => p.key === "std");
}

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

export function runAll(state: VarianceState): VarianceRuns {
  return {
    main: runVarianceByDepth(experimentOptions(state, state.init)),
    compare: state.compare === "none" ? null : runVarianceByDepth(experimentOptions(state, state.compare)),
  };
}

/** Var z, or NaN where the signal overflowed (so a chart can stop and say "diverged"). */
export const finiteOrNaN = (x: number) => (Number.isFinite(x) ? x : NaN);

/** The first layer whose statistics are not finite, if any. */
export function overflowLayer(result: VarianceByDepthResult): number | null {
  const bad = result.layers.find(
    (l) =>
      !Number.isFinite(l.z.variance) || !Number.isFinite(l.dz.variance) || !Number.isFinite(l.dW.variance),
  );
  return bad ? bad.layer : null;
}

const pct = (x: number) => {
  const p = x * 100;
  if (p >= 10) return `${Math.round(p)} %`;
  if (p >= 0.1) return `${p.toFixed(1)} %`;
  return `${p.toExponential(1)} %`;
};

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
  if (first.z.variance === 0)
    return `${setup}: every pre-activation is exactly 0 — a constant initializer passes no signal variance.`;
  if (state.depth === 1)
    return `${setup}: Var z¹ = ${first.z.variance.toPrecision(3)} (theory ${first.predicted.varZ.toPrecision(3)}).`;
  const fwd = last.z.variance / first.z.variance;
  const fwdTheory = last.predicted.varZ / first.predicted.varZ;
  const bwd = first.dz.variance / last.dz.variance;
  let text = `${setup}: Var z at layer ${state.depth} is ${pct(fwd)} of layer 1 (theory ${pct(fwdTheory)}); the back-propagated gradient's variance at layer 1 is ${pct(bwd)} of layer ${state.depth}.`;
  if (runs.compare && overflowLayer(runs.compare) === null) {
    const c = runs.compare.layers;
    const cf = c[c.length - 1].z.variance / c[0].z.variance;
    if (Number.isFinite(cf))
      text += ` With ${initializers[state.compare as InitializerId].label}: ${pct(cf)}.`;
  }
  return text;
}

export const activationOptions = activationNames.map((a) => ({ value: a, label: activations[a].label }));
export const initOptions = initializerIds.map((id) => ({ value: id, label: initializers[id].label }));
export const compareOptions = [{ value: "none" as const, label: "None" }, ...initOptions];
export const modeOptions = MODES.map((m) => ({ value: m, label: m }));
