import type { DatasetName } from "../../engine/datasets";
import { trainingRaceDefaults } from "../../engine/experiments/trainingRace";
import { isInitializerId, type InitializerId } from "../../engine/initializers";
import { defineDemo } from "../ui/demo";
import { sig } from "../ui/format";
import { datasetOptions } from "../ui/options";
import { choiceField, customField, intField, numberField, seedField } from "../ui/url-state";

/** Everything the race shows is a function of this state and the step reached. */
export interface RaceState {
  /** One initializer per lane, 2–4 lanes. */
  inits: InitializerId[];
  /** Hidden ReLU layers. */
  depth: number;
  width: number;
  lr: number;
  dataset: DatasetName;
  /** Training stops here. */
  steps: number;
  seed: number;
}

export const LANES = { min: 2, max: 4 } as const;

const defaults: RaceState = {
  inits: [...trainingRaceDefaults.inits],
  depth: trainingRaceDefaults.depth,
  width: trainingRaceDefaults.width,
  lr: trainingRaceDefaults.lr,
  dataset: trainingRaceDefaults.dataset,
  steps: trainingRaceDefaults.steps,
  seed: trainingRaceDefaults.seed,
};

/** The lanes' initializers as one URL value, `he-normal-torch_glorot-normal-torch` ("_" needs no escaping). */
const lanesField = customField<InitializerId[]>("lanes", {
  parse(raw) {
    const parts = raw.split("_").filter((p) => p !== "");
    const notes: string[] = [];
    const ids = parts.slice(0, LANES.max).map((p, i) => {
      if (isInitializerId(p)) return p;
      const fallback = defaults.inits[i] ?? defaults.inits[0]!;
      notes.push(`lane ${i + 1} initializer “${p}” is not in the registry; using ${fallback}.`);
      return fallback;
    });
    if (parts.length > LANES.max)
      notes.push(`lanes: at most ${LANES.max} lanes; keeping the first ${LANES.max}.`);
    if (ids.length < LANES.min) {
      notes.push(`lanes: a race needs at least ${LANES.min} lanes; adding the defaults.`);
      while (ids.length < LANES.min) ids.push(defaults.inits[ids.length]!);
    }
    return notes.length ? { value: ids, note: notes.join(" ") } : { value: ids };
  },
  format: (ids) => ids.join("_"),
});

/** URL fields: `race.inits`, `race.depth`, `race.width`, `race.lr`, `race.dataset`, `race.steps`, `race.seed`. */
export const raceDemo = defineDemo<RaceState>({
  id: "demo-training-race",
  namespace: "race",
  title: "Training race",
  fields: {
    inits: lanesField,
    depth: intField("depth", 1, 50, { title: "Hidden layers" }),
    /** Wider nets would make one full-data loss evaluation alone approach a frame's budget. */
    width: intField("width", 2, 24, { title: "Width" }),
    lr: numberField("learning rate", 1e-4, 1, {
      digits: 3,
      log: true,
      title: "Learning rate",
      show: (x) => sig(x),
    }),
    steps: intField("steps", 100, 3000, { step: 100, title: "Steps" }),
    dataset: choiceField<DatasetName>("data set", datasetOptions, defaults.dataset, { title: "Data set" }),
    seed: seedField(),
  },
  defaults,
});

/** Candidates for a new lane, in order: the first not already racing is added. */
const LANE_SUGGESTIONS: readonly InitializerId[] = [
  "he-normal-torch",
  "glorot-normal-torch",
  "orthogonal",
  "lecun-normal-torch",
  "he-uniform",
  "glorot-uniform",
];

/** The lanes with one more (up to the maximum), racing an initializer not yet in the race. */
export function withLaneAdded(inits: readonly InitializerId[]): InitializerId[] {
  if (inits.length >= LANES.max) return [...inits];
  return [...inits, LANE_SUGGESTIONS.find((id) => !inits.includes(id)) ?? "he-uniform"];
}
