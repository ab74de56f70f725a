/**
 * The playground's state: everything a reader can set, its URL codec and the validation that keeps any
 * combination of values runnable. A run at step 0 is a pure function of this state (see run.ts).
 */
import { activationNames, activations, type ActivationName } from "../../engine/activations";
import { datasetNames, type DatasetName } from "../../engine/datasets";
import {
  initializerIds,
  initializers,
  type InitializerId,
  type InitParams,
  type ParamSpec,
} from "../../engine/initializers";
import {
  choiceField,
  decodeState,
  encodeState,
  intField,
  numberField,
  seedField,
  type Field,
  type Schema,
} from "../ui/url-state";

/** The parameters an initializer reads, as the reader set them (absent keys take the registry's defaults). */
export type ParamValues = Partial<Record<ParamSpec["key"], number | string>>;

export interface PlaygroundState {
  dataset: DatasetName;
  /** Label noise in percent, 0–50 (the engine's noise × 100, as TF Playground's slider). */
  noise: number;
  /** Share of the points used for training, in percent; the rest is the test set. */
  trainPct: number;
  /** Seeds the data set ("Regenerate" draws a new one). */
  dataSeed: number;
  /** Widths of the hidden layers, input to output; empty for a network without hidden layers. */
  hidden: number[];
  activation: ActivationName;
  lr: number;
  batch: number;
  init: InitializerId;
  /** Parameters of `init` (gain, mode, std, value…), within the registry's ParamSpec ranges. */
  params: ParamValues;
  bias: "zeros" | "constant";
  biasValue: number;
  /** Seeds the initial weights and the minibatch order: the same seed always gives the same run. */
  seed: number;
  /** Epochs per animation frame at most ("max": as many as the frame's time budget allows). Paces only. */
  speed: Speed;
}

export const SPEEDS = ["1", "5", "25", "max"] as const;
export type Speed = (typeof SPEEDS)[number];

/** The URL namespace: `pg.init=he-normal-torch&pg.hidden=8-8…`. */
export const NAMESPACE = "pg";
/** The section id a copied link scrolls to. */
export const DEMO_ID = "demo-playground";
/** Points per data set (TF Playground's 500). */
export const POINTS = 500;

/**
 * The controls offer 0–8 hidden layers of 1–16 units. A URL may ask for more, up to 10 layers of 32 units:
 * still fast enough to train and evaluate on a 40 × 40 grid in time slices, and still drawable as a diagram.
 */
export const LIMITS = {
  layers: { ui: 8, url: 10 },
  width: { min: 1, ui: 16, url: 32 },
  noise: { min: 0, max: 50 },
  trainPct: { min: 20, max: 90 },
  lr: { min: 0.0001, max: 10 },
  batch: { min: 1, max: 64 },
  biasValue: { min: -1, max: 1 },
} as const;

export const DEFAULT_STATE: PlaygroundState = {
  dataset: "circle",
  noise: 0,
  trainPct: 50,
  dataSeed: 1,
  hidden: [4, 4],
  activation: "tanh",
  lr: 0.03,
  batch: 10,
  init: "glorot-uniform",
  params: {},
  bias: "zeros",
  biasValue: 0.1,
  seed: 1,
  speed: "1",
};

const BIAS_KINDS = ["zeros", "constant"] as const;

/** Hidden widths as "8-8-4" ("" for none): at most LIMITS.layers.url layers of 1–LIMITS.width.url units. */
export function hiddenField(): Field<number[]> {
  const { url: maxLayers } = LIMITS.layers;
  const { min, url: max } = LIMITS.width;
  return {
    label: "hidden layers",
    parse(raw) {
      const text = raw.trim();
      if (text === "" || text === "none") return { value: [] };
      const parts = text.split("-");
      const notes: string[] = [];
      let value = parts.map((p) => {
        const x = Number(p);
        if (p.trim() === "" || !Number.isFinite(x)) {
          notes.push(`“${p}” is not a width`);
          return min;
        }
        const w = Math.min(max, Math.max(min, Math.round(x)));
        if (w !== x) notes.push(`width ${p} is outside ${min}–${max}`);
        return w;
      });
      if (value.length > maxLayers) {
        notes.push(`${value.length} layers is more than ${maxLayers}`);
        value = value.slice(0, maxLayers);
      }
      if (notes.length === 0) return { value };
      return {
        value,
        note: `hidden layers “${raw}”: ${notes.join("; ")}; using ${value.join("-") || "none"}.`,
      };
    },
    format: (v) => v.join("-"),
  };
}

/** Every number parameter's widest range over the registry, and every choice parameter's options. */
const NUMBER_RANGES = new Map<string, { min: number; max: number }>();
const CHOICES = new Map<string, Set<string>>();
for (const id of initializerIds) {
  for (const spec of initializers[id].params) {
    if (spec.kind === "number") {
      const r = NUMBER_RANGES.get(spec.key);
      NUMBER_RANGES.set(spec.key, {
        min: Math.min(r?.min ?? Infinity, spec.min),
        max: Math.max(r?.max ?? -Infinity, spec.max),
      });
    } else {
      const set = CHOICES.get(spec.key) ?? new Set<string>();
      for (const o of spec.options) set.add(o);
      CHOICES.set(spec.key, set);
    }
  }
}

/**
 * Initializer parameters as "gain:1.41,mode:fan_out". Unknown keys are dropped and values clamped to the
 * widest range any initializer allows (with a note); `normalizeState` then applies the chosen one's range.
 */
export function paramsField(): Field<ParamValues> {
  return {
    label: "initializer parameters",
    parse(raw) {
      const value: ParamValues = {};
      const notes: string[] = [];
      for (const part of raw.split(",")) {
        if (part.trim() === "") continue;
        const [key, text = ""] = part.split(":");
        const range = NUMBER_RANGES.get(key);
        const options = CHOICES.get(key);
        if (range) {
          const x = Number(text);
          if (text.trim() === "" || !Number.isFinite(x)) {
            notes.push(`${key} “${text}” is not a number`);
            continue;
          }
          const v = Math.min(range.max, Math.max(range.min, x));
          if (v !== x) notes.push(`${key} ${text} is outside ${range.min}–${range.max}, using ${v}`);
          value[key as ParamSpec["key"]] = v;
        } else if (options) {
          if (options.has(text)) value[key as ParamSpec["key"]] = text;
          else notes.push(`${key} “${text}” is not one of ${[...options].join(", ")}`);
        } else {
          notes.push(`“${key}” is not a parameter`);
        }
      }
      return notes.length === 0 ? { value } : { value, note: `initializer parameters: ${notes.join("; ")}.` };
    },
    format: (v) =>
      Object.entries(v)
        .map(([k, x]) => `${k}:${typeof x === "number" ? String(Number(x.toPrecision(4))) : x}`)
        .join(","),
  };
}

export const schema: Schema<PlaygroundState> = {
  dataset: choiceField("data set", datasetNames, DEFAULT_STATE.dataset),
  noise: intField("noise", LIMITS.noise.min, LIMITS.noise.max),
  trainPct: intField("training share", LIMITS.trainPct.min, LIMITS.trainPct.max),
  dataSeed: intField("data seed", 0, 2 ** 32 - 1),
  hidden: hiddenField(),
  activation: choiceField("activation", activationNames, DEFAULT_STATE.activation),
  lr: numberField("learning rate", LIMITS.lr.min, LIMITS.lr.max),
  batch: intField("batch size", LIMITS.batch.min, LIMITS.batch.max),
  init: choiceField("initializer", initializerIds, DEFAULT_STATE.init),
  params: paramsField(),
  bias: choiceField("bias init", BIAS_KINDS, DEFAULT_STATE.bias),
  biasValue: numberField("bias value", LIMITS.biasValue.min, LIMITS.biasValue.max),
  seed: seedField(),
  speed: choiceField("speed", SPEEDS, DEFAULT_STATE.speed),
};

/** The parameters the initializer reads, each within its own spec (a note for each value that had to change). */
export function normalizeState(state: PlaygroundState): { state: PlaygroundState; notes: string[] } {
  const specs = initializers[state.init].params;
  const params: ParamValues = {};
  const notes: string[] = [];
  const label = initializers[state.init].label;
  for (const spec of specs) {
    const v = state.params[spec.key];
    if (v === undefined) continue;
    if (spec.kind === "number") {
      const x = typeof v === "number" ? v : Number(v);
      const clamped = Math.min(spec.max, Math.max(spec.min, Number.isFinite(x) ? x : spec.default));
      if (clamped !== x)
        notes.push(
          `${label}: ${spec.label} ${String(v)} is outside ${spec.min}–${spec.max}; using ${clamped}.`,
        );
      params[spec.key] = clamped;
    } else if ((spec.options as readonly string[]).includes(String(v))) {
      params[spec.key] = String(v);
    } else {
      notes.push(
        `${label}: ${spec.label} “${String(v)}” is not one of ${spec.options.join(", ")}; using ${spec.default}.`,
      );
    }
  }
  // The registry's ranges admit a few values its laws refuse (a ≥ b, gain 0): ask the law itself.
  try {
    initializers[state.init].distributionOf({ fanIn: 2, fanOut: 2 }, initParamsOf({ ...state, params }));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    notes.push(`${label}: ${why}; using its default parameters.`);
    for (const key of Object.keys(params)) delete params[key as ParamSpec["key"]];
  }
  return { state: { ...state, params }, notes };
}

/** The engine's parameter object for the chosen initializer. */
export function initParamsOf(state: PlaygroundState): Partial<InitParams> {
  const out: Record<string, number | string> = {};
  for (const spec of initializers[state.init].params) {
    const v = state.params[spec.key];
    if (v !== undefined) out[spec.key] = v;
  }
  return out as Partial<InitParams>;
}

/** The full URL decode: field codecs, then the initializer's own parameter ranges. Never throws. */
export function decodePlayground(params: URLSearchParams): { state: PlaygroundState; notes: string[] } {
  const decoded = decodeState(NAMESPACE, schema, DEFAULT_STATE, params);
  const normalized = normalizeState(decoded.state);
  return { state: normalized.state, notes: [...decoded.notes, ...normalized.notes] };
}

/** True when the state needs no change to be valid (every field round-trips through its codec silently). */
export function problemsOf(state: PlaygroundState): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(schema) as (keyof PlaygroundState)[]) {
    const field = schema[key] as Field<unknown>;
    let formatted: string;
    try {
      formatted = field.format(state[key]);
    } catch {
      problems.push(`${key} has the wrong type`);
      continue;
    }
    const { note } = field.parse(formatted);
    if (note) problems.push(note);
  }
  if (problems.length === 0) problems.push(...normalizeState(state).notes);
  return problems;
}

/** The state's canonical text (its URL parameters, less the speed, which only paces): equal texts, equal runs. */
export const stateKey = (s: PlaygroundState): string =>
  encodeState(NAMESPACE, schema, { ...s, speed: DEFAULT_STATE.speed }, new URLSearchParams()).toString();

/** Validates author props over the defaults: a typo in the article fails the build loudly. */
export function stateFromProps(props: Partial<PlaygroundState>): PlaygroundState {
  const state: PlaygroundState = { ...DEFAULT_STATE, ...props };
  const problems = problemsOf(state);
  if (problems.length > 0) throw new Error(`Playground: invalid props: ${problems.join(" ")}`);
  return state;
}

export const datasetOptions = datasetNames.map((d) => ({
  value: d,
  label: { circle: "Circle", xor: "XOR", gaussian: "Two Gaussians", spiral: "Spiral" }[d],
}));
export const activationOptions = activationNames.map((a) => ({ value: a, label: activations[a].label }));
export const initOptions = initializerIds.map((id) => ({ value: id, label: initializers[id].label }));
export const speedOptions = SPEEDS.map((v) => ({
  value: v,
  label: v === "max" ? "as fast as possible" : `${v} epoch${v === "1" ? "" : "s"} per frame`,
}));
export const biasOptions = [
  { value: "zeros" as const, label: "Zeros" },
  { value: "constant" as const, label: "Constant" },
];
