/**
 * Claim (He page, "Xavier vs He training race"): a deep plain ReLU MLP trained from He initialisation makes
 * clear progress, while the same net from Xavier/Glorot initialisation — same data, same weight seed, same
 * batch order — stalls, because its signal shrinks by ½ per layer forward and its gradients likewise
 * backward (the MLP analogue of He et al. 2015, Fig. 3, 30 layers).
 *
 * Setup: 2 inputs (standardised to unit variance) → `depth` hidden ReLU layers of `width` → 1 linear output;
 * Playground circle data; ½·MSE on ±1 labels; zero biases; SGD with momentum 0.9, lr 0.005, batch 10.
 * Every run uses identical options except the initializer.
 *
 * Verdict (from the numbers only), with L_const = ½Var y the loss of the best constant prediction and
 * L_end = the mean full-data loss over the last `tail` recorded points:
 *   "diverged" — any loss or weight became NaN/±Infinity, or L_end > 10·L_const;
 *   "learning" — L_end ≤ `learningRatio`·L_const (default ½: it explains at least half of what a constant cannot);
 *   "stalled"  — otherwise.
 * The default run (30 hidden layers of 16, 600 steps of 10 examples) takes about half a second per
 * initializer; with it He learns and Xavier stalls for each of the seeds 1–6.
 */
import { asTrainingData, generate2d, standardizeColumns, type DatasetName } from "../datasets";
import { type InitializerId, type InitParams } from "../initializers";
import { constantPredictorLoss } from "../loss";
import { createNetwork } from "../network";
import {
  createTrainerState,
  datasetLoss,
  trainStepsInPlace,
  type TrainerOptions,
  type TrainerState,
  type TrainingData,
} from "../optimizer";
import { createRng } from "../rng";
import { isDiverged } from "../stats";

/** How a run ended, decided from its losses by `verdictOf`. */
export type Verdict = "learning" | "stalled" | "diverged";

/** Options of the race (defaults in `trainingRaceDefaults`). */
export interface TrainingRaceOptions {
  seed: number;
  /** Initializers to race, each with optional parameters. */
  inits: InitializerId[];
  initParams: Partial<InitParams>;
  /** Number of hidden ReLU layers. */
  depth: number;
  width: number;
  dataset: DatasetName;
  points: number;
  /** Scale the inputs to unit variance per feature, as the variance derivations assume (Playground data spans ±6). */
  standardize: boolean;
  lr: number;
  momentum: number;
  batch: number;
  steps: number;
  /** Record the full-data loss every this many steps. */
  every: number;
  /** Recorded points averaged for L_end. */
  tail: number;
  learningRatio: number;
}

/** He vs Xavier (PyTorch normal variants), 30 × 16 ReLU, circle, lr 0.005, momentum 0.9, 600 steps. */
export const trainingRaceDefaults: TrainingRaceOptions = {
  seed: 1,
  inits: ["he-normal-torch", "glorot-normal-torch"],
  initParams: {},
  depth: 30,
  width: 16,
  dataset: "circle",
  points: 200,
  standardize: true,
  lr: 0.005,
  momentum: 0.9,
  batch: 10,
  steps: 600,
  every: 10,
  tail: 5,
  learningRatio: 0.5,
};

/** One initializer's run in progress. */
export interface RaceLane {
  init: InitializerId;
  data: TrainingData;
  trainer: TrainerState;
  /** Full-data loss every `every` steps from step 0 (NaN once diverged). */
  loss: { step: number; loss: number }[];
}

/** Plain state of a race; `stepTrainingRaceInPlace` advances it. */
export interface RaceState {
  options: TrainingRaceOptions;
  lanes: RaceLane[];
  /** ½Var y, the loss of the best constant prediction. */
  constantLoss: number;
}

/** One lane's outcome. */
export interface RaceResult {
  init: InitializerId;
  loss: { step: number; loss: number }[];
  finalLoss: number;
  verdict: Verdict;
}

/** Every lane's outcome, with the constant-prediction baseline. */
export interface TrainingRaceResult {
  options: TrainingRaceOptions;
  constantLoss: number;
  runs: RaceResult[];
}

function trainerOptions(o: TrainingRaceOptions): TrainerOptions {
  return { loss: "half-mse", lr: o.lr, momentum: o.momentum, batch: o.batch, seed: o.seed };
}

/** Every lane at step 0. */
export function createTrainingRace(options: Partial<TrainingRaceOptions> = {}): RaceState {
  const o = { ...trainingRaceDefaults, ...options };
  const raw = asTrainingData(generate2d(o.dataset, { n: o.points, seed: o.seed }), "signed");
  const data = o.standardize ? { ...raw, X: standardizeColumns(raw.X, raw.n, raw.dim) } : raw;
  const lanes = o.inits.map((init): RaceLane => {
    const net = createNetwork({
      sizes: [2, ...new Array<number>(o.depth).fill(o.width), 1],
      hidden: "relu",
      output: "linear",
      init,
      initParams: o.initParams,
      rng: createRng(o.seed),
    });
    return {
      init,
      data,
      trainer: createTrainerState(net, data, trainerOptions(o)),
      loss: [{ step: 0, loss: datasetLoss(net, data, "half-mse") }],
    };
  });
  return { options: o, lanes, constantLoss: constantPredictorLoss("half-mse", data.Y) };
}

/** Advances every lane by n steps (a diverged lane stops moving). */
export function stepTrainingRaceInPlace(race: RaceState, n: number): void {
  const { every } = race.options;
  for (const lane of race.lanes) {
    for (let k = 0; k < n; k++) {
      if (isDiverged(lane.trainer.net)) break;
      trainStepsInPlace(lane.trainer, lane.data, trainerOptions(race.options), 1);
      if (lane.trainer.step % every === 0) {
        const loss = datasetLoss(lane.trainer.net, lane.data, "half-mse");
        lane.loss.push({ step: lane.trainer.step, loss: Number.isFinite(loss) ? loss : NaN });
      }
    }
  }
}

/** The verdict rule of the module comment, applied to one lane's recorded losses. */
export function verdictOf(
  loss: readonly { loss: number }[],
  constantLoss: number,
  o: TrainingRaceOptions,
): Verdict {
  const tail = loss.slice(-o.tail).map((p) => p.loss);
  const end = tail.reduce((s, v) => s + v, 0) / tail.length;
  if (loss.some((p) => !Number.isFinite(p.loss)) || !(end <= 10 * constantLoss)) return "diverged";
  return end <= o.learningRatio * constantLoss ? "learning" : "stalled";
}

/** Summarises a race: loss curves, final losses and verdicts. */
export function raceResults(race: RaceState): RaceResult[] {
  return race.lanes.map((lane) => {
    const tail = lane.loss.slice(-race.options.tail);
    return {
      init: lane.init,
      loss: lane.loss,
      finalLoss: tail.reduce((s, p) => s + p.loss, 0) / tail.length,
      verdict: isDiverged(lane.trainer.net)
        ? "diverged"
        : verdictOf(lane.loss, race.constantLoss, race.options),
    };
  });
}

/** Runs the whole race for `steps` steps. */
export function runTrainingRace(options: Partial<TrainingRaceOptions> = {}): TrainingRaceResult {
  const race = createTrainingRace(options);
  stepTrainingRaceInPlace(race, race.options.steps);
  return { options: race.options, constantLoss: race.constantLoss, runs: raceResults(race) };
}
