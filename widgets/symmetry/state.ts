import { datasetLabels } from "../../engine/datasets";
import { symmetryDefaults } from "../../engine/experiments/symmetry";
import { defineDemo } from "../ui/demo";
import { sig } from "../ui/format";
import { activationOptions } from "../ui/options";
import { boolField, choiceField, intField, numberField, seedField, type Field } from "../ui/url-state";

/** Everything the reader can set; the run at step 0 is a pure function of it (speed only paces playback). */
export interface SymmetryState {
  activation: "tanh" | "relu" | "sigmoid" | "linear" | "leaky_relu";
  dataset: "xor" | "circle" | "gaussian" | "spiral";
  /** The constant c every weight starts at. */
  constant: number;
  /** Whether ε·N(0, 1) noise is added to every initial weight. */
  noise: boolean;
  /** ε, used when `noise` is on. */
  epsilon: number;
  lr: number;
  /** SGD steps per animation frame (at most; a frame also stops at its time budget). */
  speed: number;
  seed: number;
}

export const SPEEDS = [1, 5, 20, 100] as const;
const DATASETS = ["xor", "circle", "gaussian", "spiral"] as const;

/** Steps per frame: one of SPEEDS; any other number takes the nearest, with a note. */
const speedField: Field<number> = {
  label: "speed",
  title: "Speed",
  parse(raw) {
    const parsed = intField("speed", 1, 100).parse(raw);
    const nearest = SPEEDS.reduce((a, b) =>
      Math.abs(b - parsed.value) < Math.abs(a - parsed.value) ? b : a,
    );
    if (nearest === parsed.value) return parsed;
    return { value: nearest, note: `speed “${raw}” is not one of ${SPEEDS.join(", ")}; using ${nearest}.` };
  },
  format: String,
  control: {
    kind: "select",
    options: SPEEDS.map((n) => ({ value: String(n), label: `${n} step${n === 1 ? "" : "s"} per frame` })),
  },
};

/** URL fields: `sym.activation`, `sym.dataset`, `sym.constant`, `sym.noise`, `sym.epsilon`, `sym.lr`, `sym.speed`, `sym.seed`. */
export const symmetryDemo = defineDemo<SymmetryState>({
  id: "demo-symmetry",
  namespace: "sym",
  title: "A small network training from a constant",
  fields: {
    activation: choiceField<SymmetryState["activation"]>(
      "activation",
      activationOptions(["tanh", "relu", "sigmoid", "linear", "leaky_relu"] as const),
      "tanh",
      { title: "Hidden activation" },
    ),
    dataset: choiceField<SymmetryState["dataset"]>(
      "data set",
      DATASETS.map((d) => ({ value: d, label: datasetLabels[d] })),
      "xor",
      { title: "Data set" },
    ),
    constant: numberField("constant c", -2, 2, {
      step: 0.05,
      title: "Every weight starts at c =",
      show: sig,
    }),
    noise: boolField("noise", { title: "Add ε noise to the initial weights" }),
    epsilon: numberField("ε", 0.001, 0.5, { digits: 3, log: true, title: "Noise ε", show: sig }),
    lr: numberField("learning rate", 0.001, 10, { digits: 3, log: true, title: "Learning rate", show: sig }),
    speed: speedField,
    seed: seedField(),
  },
  // tanh on XOR from c = 0.5 with the noise off: the tie is the first thing a reader sees
  defaults: {
    activation: "tanh",
    dataset: "xor",
    constant: 0.5,
    noise: false,
    epsilon: 0.05,
    lr: symmetryDefaults.lr,
    speed: 20,
    seed: 1,
  },
});
