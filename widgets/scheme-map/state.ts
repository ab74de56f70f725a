import type { ActivationName } from "../../engine/activations";
import type { InitializerId } from "../../engine/initializers";
import { defineDemo } from "../ui/demo";
import { activationOptions, initializerOptions } from "../ui/options";
import { choiceField, seedField } from "../ui/url-state";

export type HeroActivation = Extract<ActivationName, "tanh" | "relu" | "sigmoid">;

export interface SchemeMapState {
  activation: HeroActivation;
  /** An initializer drawn on top and named in the summary, or "none". */
  highlight: InitializerId | "none";
  seed: number;
}

/** URL fields: `map.activation`, `map.highlight`, `map.seed`. */
export const schemeMapDemo = defineDemo<SchemeMapState>({
  id: "demo-scheme-map",
  namespace: "map",
  title: "Every initializer at once",
  fields: {
    activation: choiceField<HeroActivation>(
      "activation",
      activationOptions(["relu", "tanh", "sigmoid"] as const),
      "relu",
      {
        title: "Activation",
      },
    ),
    highlight: choiceField<InitializerId | "none">(
      "highlight",
      [{ value: "none", label: "None" }, ...initializerOptions],
      "none",
      { title: "Highlight" },
    ),
    seed: seedField(),
  },
  defaults: { activation: "relu", highlight: "none", seed: 1 },
});
