import type { ActivationName } from "../../engine/activations";
import type { FanMode, InitializerId } from "../../engine/initializers";
import { defineDemo } from "../ui/demo";
import { activationOptions, initializerOptions } from "../ui/options";
import { choiceField, intField, numberField, seedField } from "../ui/url-state";

/** Everything the variance-by-depth demo shows is a function of this state (and it all lives in the URL). */
export interface VarianceState {
  activation: ActivationName;
  init: InitializerId;
  /** A second initializer drawn beside the first, or "none". */
  compare: InitializerId | "none";
  depth: number;
  width: number;
  /** The fan mode, for the initializers that read one. */
  mode: FanMode;
  /** σ for the naive normal initializers (those with a `std` parameter). */
  std: number;
  seed: number;
}

/** URL fields: `vd.activation`, `vd.init`, `vd.compare`, `vd.depth`, `vd.width`, `vd.mode`, `vd.std`, `vd.seed`. */
export const varianceDepthDemo = defineDemo<VarianceState>({
  id: "demo-glorot",
  namespace: "vd",
  title: "Variance by depth",
  fields: {
    activation: choiceField<ActivationName>("activation", activationOptions(), "tanh", {
      title: "Activation",
    }),
    init: choiceField<InitializerId>("initializer", initializerOptions, "glorot-uniform", {
      title: "Initializer",
    }),
    compare: choiceField<InitializerId | "none">(
      "comparison",
      [{ value: "none", label: "None" }, ...initializerOptions],
      "none",
      { title: "Compare with" },
    ),
    depth: intField("depth", 1, 50, { title: "Depth" }),
    width: intField("width", 10, 1000, { title: "Width", log: true }),
    mode: choiceField<FanMode>("fan mode", ["fan_in", "fan_out", "fan_avg"], "fan_in", { title: "Fan mode" }),
    std: numberField("σ", 0.001, 10, { log: true }),
    seed: seedField(),
  },
  defaults: {
    activation: "tanh",
    init: "glorot-uniform",
    compare: "glorot-standard",
    depth: 10,
    width: 256,
    mode: "fan_in",
    std: 0.05,
    seed: 1,
  },
});

/** The two papers' setups, one click each (and the `preset` an article may start from). */
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

/** Author props over a paper preset (if named) and the defaults; a typo fails the build loudly. */
export function fromPresetProps(props: Partial<VarianceState> & { preset?: PresetName }): VarianceState {
  const { preset, ...rest } = props;
  if (preset !== undefined && !Object.hasOwn(PRESETS, preset))
    throw new Error(`${varianceDepthDemo.id}: unknown preset "${String(preset)}"`);
  return varianceDepthDemo.fromProps({ ...(preset ? PRESETS[preset].state : {}), ...rest });
}
