import { defineDemo } from "../ui/demo";
import { sig } from "../ui/format";
import { activationOptions } from "../ui/options";
import { choiceField, numberField, seedField } from "../ui/url-state";

/** Everything the demo shows is a function of this state (and of how many steps have been trained). */
export interface SaturationState {
  /** Weight scale s: every weight of the scaled net ~ N(0, s²). */
  scale: number;
  activation: "tanh" | "sigmoid";
  seed: number;
}

/** The weight scale as the slider shows it (up to 3 significant digits: "0.01", "2.5", "10"). */
export const showScale = (s: number): string => sig(s, 3);

/** URL fields: `sat.scale`, `sat.activation`, `sat.seed`. */
export const saturationDemo = defineDemo<SaturationState>({
  id: "demo-saturation",
  namespace: "sat",
  title: "Weight scale, saturation and a stalling loss",
  fields: {
    scale: numberField("weight scale", 0.01, 10, {
      digits: 3,
      log: true,
      title: "Weight scale s",
      show: (s) => `${showScale(s)} (weights ~ N(0, s²))`,
    }),
    activation: choiceField<"tanh" | "sigmoid">(
      "activation",
      activationOptions(["tanh", "sigmoid"] as const),
      "tanh",
      {
        title: "Activation",
      },
    ),
    seed: seedField(),
  },
  defaults: { scale: 10, activation: "tanh", seed: 1 },
});
