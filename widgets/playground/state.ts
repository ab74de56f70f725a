/**
 * The playground's declaration: everything a reader can set, as URL fields (`pg.init=he-normal-torch&
 * pg.hidden=8-8…`), and the rule that keeps an initializer's parameters within that initializer's ranges.
 * A run at step 0 is a pure function of this state (run.ts).
 */
import type { ActivationName } from "../../engine/activations";
import type { DatasetName } from "../../engine/datasets";
import {
  clampParams,
  paramRanges,
  initializerIds,
  initializers,
  type InitializerId,
  type LooseParams,
  type ParamSpec,
} from "../../engine/initializers";
import { defineDemo } from "../ui/demo";
import { sig } from "../ui/format";
import { activationOptions, datasetOptions, initializerOptions } from "../ui/options";
import { choiceField, customField, intField, numberField, seedField, type Field } from "../ui/url-state";

export interface PlaygroundState {
  dataset: DatasetName;
  /** Label noise in percent, 0–50 (the engine's noise × 100, as TF Playground's slider). */
  noise: number;
  /** Share of the points used for training, in percent; the rest is the test set. */
  trainPct: number;
  /** Seeds the data set ("Regenerate data" draws a new one). */
  dataSeed: number;
  /** Widths of the hidden layers, input to output; empty for a network without hidden layers. */
  hidden: number[];
  activation: ActivationName;
  lr: number;
  batch: number;
  init: InitializerId;
  /** Parameters of `init` (gain, mode, std, value…), within the registry's ranges for it. */
  params: LooseParams;
  bias: "zeros" | "constant";
  biasValue: number;
  /** Seeds the initial weights and the minibatch order: the same seed always gives the same run. */
  seed: number;
  /** Epochs per animation frame at most ("max": as many as the frame's budget allows). Paces only. */
  speed: Speed;
}

export const SPEEDS = ["1", "5", "25", "max"] as const;
export type Speed = (typeof SPEEDS)[number];

/**
 * The controls offer 0–8 hidden layers of 1–16 units. A URL may ask for more, up to 10 layers of 32 units:
 * still fast enough to train and evaluate on the grid in time slices, and still drawable as a diagram.
 */
export const LIMITS = {
  layers: { ui: 8, url: 10 },
  width: { min: 1, ui: 16, url: 32 },
} as const;

/** Hidden widths as "8-8-4" ("" for none): at most LIMITS.layers.url layers of 1–LIMITS.width.url units. */
export const hiddenField = (): Field<number[]> =>
  customField("hidden layers", {
    parse(raw) {
      const { min, url: max } = LIMITS.width;
      const text = raw.trim();
      if (text === "" || text === "none") return { value: [] };
      const notes: string[] = [];
      let value = text.split("-").map((p) => {
        const x = Number(p);
        if (p.trim() === "" || !Number.isFinite(x)) {
          notes.push(`“${p}” is not a width`);
          return min;
        }
        const w = Math.min(max, Math.max(min, Math.round(x)));
        if (w !== x) notes.push(`width ${p} is outside ${min}–${max}`);
        return w;
      });
      if (value.length > LIMITS.layers.url) {
        notes.push(`${value.length} layers is more than ${LIMITS.layers.url}`);
        value = value.slice(0, LIMITS.layers.url);
      }
      if (notes.length === 0) return { value };
      const using = value.join("-") || "none";
      return { value, note: `hidden layers “${raw}”: ${notes.join("; ")}; using ${using}.` };
    },
    format: (v) => v.join("-"),
  });

/** Every choice parameter's options over the registry. */
const CHOICES = new Map<string, Set<string>>();
for (const id of initializerIds)
  for (const spec of initializers[id].params)
    if (spec.kind === "choice")
      CHOICES.set(spec.key, new Set([...(CHOICES.get(spec.key) ?? []), ...spec.options]));

/**
 * Initializer parameters as "gain:1.41,mode:fan_out". Unknown keys are dropped and values clamped to the
 * widest range any initializer allows (with a note); `normalize` then applies the chosen one's ranges.
 */
export const paramsField = (): Field<LooseParams> =>
  customField("initializer parameters", {
    parse(raw) {
      const value: LooseParams = {};
      const notes: string[] = [];
      for (const part of raw.split(",")) {
        if (part.trim() === "") continue;
        const [key = "", text = ""] = part.split(":");
        const range = paramRanges[key as keyof typeof paramRanges];
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
  });

const percentShown = (v: number) => `${v} %`;

export const playgroundDemo = defineDemo<PlaygroundState>({
  id: "demo-playground",
  namespace: "pg",
  title: "Playground",
  fields: {
    dataset: choiceField<DatasetName>("data set", datasetOptions, "circle", { title: "Data set" }),
    noise: intField("noise", 0, 50, { title: "Noise", step: 5, show: percentShown }),
    trainPct: intField("training share", 20, 90, { title: "Training share", step: 10, show: percentShown }),
    dataSeed: { ...intField("data seed", 0, 2 ** 32 - 1), control: null },
    hidden: hiddenField(),
    activation: choiceField<ActivationName>("activation", activationOptions(), "tanh", {
      title: "Activation",
    }),
    lr: numberField("learning rate", 0.0001, 10, { title: "Learning rate", log: true, show: (v) => sig(v) }),
    batch: intField("batch size", 1, 64, { title: "Batch size" }),
    init: {
      ...choiceField<InitializerId>("initializer", initializerOptions, "glorot-uniform"),
      control: null,
    },
    params: paramsField(),
    bias: choiceField<"zeros" | "constant">(
      "bias init",
      [
        { value: "zeros", label: "Zeros" },
        { value: "constant", label: "Constant" },
      ],
      "zeros",
      { title: "Bias init" },
    ),
    biasValue: numberField("bias value", -1, 1, { title: "Bias value", step: 0.05, show: (v) => sig(v) }),
    seed: seedField(),
    speed: choiceField<Speed>(
      "speed",
      SPEEDS.map((v) => ({
        value: v,
        label: v === "max" ? "as fast as possible" : `${v} epoch${v === "1" ? "" : "s"} per frame`,
      })),
      "1",
      { title: "Speed" },
    ),
  },
  defaults: {
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
  },
  normalize(state) {
    const { params, notes } = clampParams(state.init, state.params);
    return { state: { ...state, params: params as LooseParams }, notes };
  },
});

/** The state's run key: its URL less the speed, which only paces (equal keys, equal runs). */
export const runKey = (s: PlaygroundState): string =>
  playgroundDemo.key({ ...s, speed: playgroundDemo.defaults.speed });
