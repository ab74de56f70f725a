/**
 * Claim (He page, "Xavier vs He training race"): a deep plain ReLU MLP trained from He initialisation makes
 * clear progress, while the same net from Xavier/Glorot initialisation — same data, same weight seed, same
 * batch order — stalls, because its signal shrinks by ½ per layer forward and its gradients likewise
 * backward (the MLP analogue of He et al. 2015, Fig. 3, 30 layers).
 *
 * Setup: 2 inputs (standardised to unit variance) → `depth` hidden ReLU layers of `width` → 1 linear output;
 * Playground circle data; ½·MSE on ±1 labels; zero biases; SGD with momentum 0.9, lr 0.005, batch 10.
 * Every lane uses identical options except the initializer. Each lane's verdict is the one rule of
 * engine/verdict.ts, judged from its full-data losses after TRAINING_RACE_WARMUP steps. The default run
 * (30 hidden layers of 16, 600 steps of 10 examples) takes about half a second per initializer; with it He
 * learns and Xavier stalls for each of the seeds 1–6.
 */
import { asTrainingData, generate2d, standardizeColumns, type DatasetName } from "../datasets";
import { type InitializerId, type InitParams } from "../initializers";
import { constantPredictorLoss, lossInto } from "../loss";
import { createNetwork, createWorkspace, predictRows, type Network, type Workspace } from "../network";
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
import type { Stepper } from "../stepping";
import { recentLoss, verdictOf, type Verdict } from "../verdict";

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
};

/** Steps before which a lane is "untrained" (five recorded losses after step 0 at the default cadence). */
export const TRAINING_RACE_WARMUP = 50;

/** One lane at the moment of a snapshot. */
export interface RaceLaneSnapshot {
  init: InitializerId;
  /** Steps this lane trained (less than the race's step once it diverged). */
  step: number;
  /** Full-data loss every `every` steps from step 0, finite values only. */
  loss: { step: number; loss: number }[];
  /** The step at which it diverged (its training stopped there), or null. */
  divergedAt: number | null;
  verdict: Verdict;
  /** Mean of the last recorded losses (engine/verdict.ts `recentLoss`); null once diverged. */
  recentLoss: number | null;
}

export interface TrainingRaceSnapshot {
  options: TrainingRaceOptions;
  step: number;
  horizon: number;
  /** ½Var y, the loss of the best constant prediction (the same data for every lane). */
  constantLoss: number;
  /** The training inputs as the nets see them (standardised) with their ±1 labels. */
  points: readonly { x: number; y: number; label: 1 | -1 }[];
  lanes: RaceLaneSnapshot[];
}

/** A race as a stepper; `nets` are the lanes' live networks, to be read (never changed) by a caller. */
export interface TrainingRaceStepper extends Stepper<TrainingRaceSnapshot> {
  readonly nets: readonly Network[];
  /** Race steps trained (one ahead of `progress` while a recorded loss is being evaluated). */
  readonly trained: number;
}

/**
 * Examples of a full-data loss evaluated per unit of work. A recorded loss forwards the whole data set
 * (200 examples by default, about seven SGD steps' work per lane), so it is spread over units of this many
 * examples: no unit then costs much more than a training step, and a frame budget can hold.
 */
export const EVAL_CHUNK = 25;

/** A lane's full-data loss at step `at`, being evaluated EVAL_CHUNK examples per unit. */
interface Evaluation {
  at: number;
  yhat: Float64Array;
  next: number;
}

interface Lane {
  init: InitializerId;
  trainer: TrainerState;
  ws: Workspace;
  loss: { step: number; loss: number }[];
  divergedAt: number | null;
  evaluating: Evaluation | null;
}

function trainingData(o: TrainingRaceOptions): TrainingData {
  const raw = asTrainingData(generate2d(o.dataset, { n: o.points, seed: o.seed }), "signed");
  return o.standardize ? { ...raw, X: standardizeColumns(raw.X, raw.n, raw.dim) } : raw;
}

const verdictInput = (lane: Lane, constantLoss: number) => ({
  losses: lane.loss.map((p) => p.loss),
  constantLoss,
  step: lane.trainer.step,
  warmup: TRAINING_RACE_WARMUP,
  diverged: lane.divergedAt !== null,
});

/**
 * Every lane from the same data, weight seed and batch order, advancing together one SGD step at a time. A
 * lane whose weights or loss become non-finite, or whose loss blows up (the verdict's "diverged"), stops
 * there; the others go on. The race is done at `steps` or when every lane has diverged.
 *
 * A unit of work is one race step (every live lane's SGD step) or one chunk of a recorded loss's
 * evaluation: every `every` steps, each lane's full-data loss is computed EVAL_CHUNK examples per unit
 * before any lane trains on, so the numbers are those of evaluating it at once. `progress` counts the steps
 * whose losses are all recorded.
 */
export function createTrainingRaceStepper(options: Partial<TrainingRaceOptions> = {}): TrainingRaceStepper {
  const o = { ...trainingRaceDefaults, ...options };
  const data = trainingData(o);
  const trainer: TrainerOptions = {
    loss: "half-mse",
    lr: o.lr,
    momentum: o.momentum,
    batch: o.batch,
    seed: o.seed,
  };
  const lanes = o.inits.map((init): Lane => {
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
      trainer: createTrainerState(net, data, trainer),
      ws: createWorkspace(net, o.batch),
      loss: [{ step: 0, loss: datasetLoss(net, data, "half-mse") }],
      divergedAt: null,
      evaluating: null,
    };
  });
  const constantLoss = constantPredictorLoss("half-mse", data.Y);
  const points = Object.freeze(
    Array.from({ length: data.n }, (_, i) => ({
      x: data.X[2 * i]!,
      y: data.X[2 * i + 1]!,
      label: (data.Y[i]! > 0 ? 1 : -1) as 1 | -1,
    })),
  );
  let step = 0;
  const evaluating = () => lanes.find((l) => l.evaluating !== null);
  const done = () =>
    evaluating() === undefined && (step >= o.steps || lanes.every((l) => l.divergedAt !== null));

  const trainOne = (lane: Lane) => {
    trainStepsInPlace(lane.trainer, data, trainer, 1, lane.ws);
    const at = lane.trainer.step;
    if (at % o.every === 0) lane.evaluating = { at, yhat: new Float64Array(data.n), next: 0 };
  };

  const evaluateChunk = (lane: Lane, e: Evaluation) => {
    const { net } = lane.trainer;
    const m = Math.min(EVAL_CHUNK, data.n - e.next);
    predictRows(net, data.X, e.next, m, e.yhat);
    e.next += m;
    if (e.next < data.n) return;
    lane.evaluating = null;
    const loss = lossInto("half-mse", e.yhat, data.Y, data.n).value;
    lane.loss.push({ step: e.at, loss: Number.isFinite(loss) ? loss : NaN });
    if (isDiverged(net, undefined, loss) || verdictOf(verdictInput(lane, constantLoss)) === "diverged")
      lane.divergedAt = e.at;
  };

  const progress = () => (evaluating() === undefined ? step : step - 1);

  return {
    step(n) {
      let k = 0;
      for (; k < n && !done(); k++) {
        const lane = evaluating();
        if (lane !== undefined) evaluateChunk(lane, lane.evaluating!);
        else {
          step++;
          for (const l of lanes) if (l.divergedAt === null) trainOne(l);
        }
      }
      return k;
    },
    get progress() {
      return progress();
    },
    get trained() {
      return step;
    },
    horizon: o.steps,
    get done() {
      return done();
    },
    nets: lanes.map((l) => l.trainer.net),
    snapshot: () => ({
      options: o,
      step: progress(),
      horizon: o.steps,
      constantLoss,
      points,
      lanes: lanes.map((lane) => {
        const verdict = verdictOf(verdictInput(lane, constantLoss));
        return {
          init: lane.init,
          step: lane.trainer.step,
          loss: lane.loss.filter((p) => Number.isFinite(p.loss)).map((p) => ({ ...p })),
          divergedAt: lane.divergedAt,
          verdict,
          recentLoss: verdict === "diverged" ? null : recentLoss(lane.loss.map((p) => p.loss)),
        };
      }),
    }),
  };
}
