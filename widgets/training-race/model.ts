import { datasetNames, type DatasetName } from "../../engine/datasets";
import {
  createTrainingRace,
  stepTrainingRaceInPlace,
  trainingRaceDefaults,
  verdictOf,
  type RaceLane,
  type RaceState,
  type Verdict,
} from "../../engine/experiments/trainingRace";
import { initializerIds, initializers, isInitializerId, type InitializerId } from "../../engine/initializers";
import { predict } from "../../engine/network";
import { isDiverged } from "../../engine/stats";
import { intField, numberField, choiceField, seedField, type Field, type Schema } from "../ui/url-state";

/** Everything the race shows is a function of this state and the step reached (the state lives in the URL). */
export interface RaceWidgetState {
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

export const NAMESPACE = "race";
export const DEMO_ID = "demo-training-race";
export const LANES = { min: 2, max: 4 } as const;
export const DEPTH = { min: 1, max: 50 } as const;
/** Wider nets would make one full-data loss evaluation alone approach the 50 ms task budget. */
export const WIDTH = { min: 2, max: 24 } as const;
export const LR = { min: 1e-4, max: 1 } as const;
export const STEPS = { min: 100, max: 3000, step: 100 } as const;
/** The step button advances one recorded loss point. */
export const STEP_CHUNK = trainingRaceDefaults.every;
/** Boundary heatmap resolution (cells per side). */
export const GRID = 24;

export const DEFAULT_STATE: RaceWidgetState = {
  inits: [...trainingRaceDefaults.inits],
  depth: trainingRaceDefaults.depth,
  width: trainingRaceDefaults.width,
  lr: trainingRaceDefaults.lr,
  dataset: trainingRaceDefaults.dataset,
  steps: trainingRaceDefaults.steps,
  seed: trainingRaceDefaults.seed,
};

/** The lanes' initializers as one URL value, `he-normal-torch_glorot-normal-torch` ("_" needs no escaping). */
export function initListField(label = "lanes"): Field<InitializerId[]> {
  return {
    label,
    parse(raw) {
      const parts = raw.split("_").filter((p) => p !== "");
      const notes: string[] = [];
      const ids = parts.slice(0, LANES.max).map((p, i) => {
        if (isInitializerId(p)) return p;
        const fallback = DEFAULT_STATE.inits[i] ?? DEFAULT_STATE.inits[0];
        notes.push(`lane ${i + 1} initializer “${p}” is not in the registry; using ${fallback}.`);
        return fallback;
      });
      if (parts.length > LANES.max)
        notes.push(`${label}: at most ${LANES.max} lanes; keeping the first ${LANES.max}.`);
      if (ids.length < LANES.min) {
        notes.push(`${label}: a race needs at least ${LANES.min} lanes; adding the defaults.`);
        while (ids.length < LANES.min) ids.push(DEFAULT_STATE.inits[ids.length]);
      }
      return notes.length ? { value: ids, note: notes.join(" ") } : { value: ids };
    },
    format: (ids) => ids.join("_"),
  };
}

export const schema: Schema<RaceWidgetState> = {
  inits: initListField(),
  depth: intField("depth", DEPTH.min, DEPTH.max),
  width: intField("width", WIDTH.min, WIDTH.max),
  lr: numberField("learning rate", LR.min, LR.max, { digits: 3 }),
  dataset: choiceField("data set", datasetNames, DEFAULT_STATE.dataset),
  steps: intField("steps", STEPS.min, STEPS.max),
  seed: seedField(),
};

/** Validates author props over the defaults; a typo in the article fails the build loudly. */
export function stateFromProps(props: Partial<RaceWidgetState>): RaceWidgetState {
  const state: RaceWidgetState = { ...DEFAULT_STATE, ...props };
  if (!Array.isArray(state.inits)) throw new Error("TrainingRace: inits must be a list of initializer ids");
  for (const key of Object.keys(schema) as (keyof RaceWidgetState)[]) {
    const field = schema[key] as Field<unknown>;
    const formatted = field.format(state[key]);
    const { value, note } = field.parse(formatted);
    if (note || field.format(value) !== formatted)
      throw new Error(`TrainingRace: invalid prop ${key} = ${String(state[key])}${note ? `: ${note}` : ""}`);
  }
  return { ...state, inits: [...state.inits] };
}

/** The initializer choices, in the registry's display order. */
export const initializerOptions = initializerIds.map((id) => ({ value: id, label: initializers[id].label }));

/** The data set choices. */
export const datasetOptions = datasetNames.map((d) => ({ value: d, label: d }));

/** A short name for legends: the registry label without its parentheses ("He normal"), numbered if repeated. */
export function laneNames(inits: readonly InitializerId[]): string[] {
  const base = inits.map((id) =>
    initializers[id].label
      .replace(/\s*\([^)]*\)/g, "")
      .replace(/\s+/g, " ")
      .trim(),
  );
  return base.map((name, i) =>
    base.filter((b) => b === name).length > 1
      ? `${name} #${base.slice(0, i + 1).filter((b) => b === name).length}`
      : name,
  );
}

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

/** Every lane at step 0, from the same data, weight seed and batch order. */
export function createRace(state: RaceWidgetState): RaceState {
  return createTrainingRace({
    seed: state.seed,
    inits: state.inits,
    depth: state.depth,
    width: state.width,
    lr: state.lr,
    dataset: state.dataset,
    steps: state.steps,
  });
}

/** A lane's badge: the engine's verdict, or "early" while fewer than `tail` losses follow step 0. */
export type LaneVerdict = Verdict | "early";

function laneHasDiverged(race: RaceState, lane: RaceLane): boolean {
  return (
    isDiverged(lane.trainer.net) ||
    lane.loss.some((p) => !Number.isFinite(p.loss)) ||
    verdictOf(lane.loss, race.constantLoss, race.options) === "diverged"
  );
}

export function laneVerdict(race: RaceState, lane: RaceLane): LaneVerdict {
  if (laneHasDiverged(race, lane)) return "diverged";
  if (lane.loss.length <= race.options.tail) return "early";
  return verdictOf(lane.loss, race.constantLoss, race.options);
}

/** A lane stops at the race's step budget, or as soon as it has diverged. */
export function laneDone(race: RaceState, lane: RaceLane): boolean {
  return lane.trainer.step >= race.options.steps || laneHasDiverged(race, lane);
}

export function raceDone(race: RaceState): boolean {
  return race.lanes.every((lane) => laneDone(race, lane));
}

/** The race's step: the furthest lane (a diverged lane stops earlier and says so). */
export const raceStep = (race: RaceState): number => Math.max(...race.lanes.map((l) => l.trainer.step));

/**
 * Advances every running lane by one SGD step, each through the engine's own step function, unless the lane
 * is done or already at `target`. Returns whether any lane moved.
 */
export function stepLanesOnce(race: RaceState, target: number): boolean {
  let moved = false;
  for (const lane of race.lanes) {
    if (laneDone(race, lane) || lane.trainer.step >= target) continue;
    stepTrainingRaceInPlace({ ...race, lanes: [lane] }, 1);
    moved = true;
  }
  return moved;
}

/**
 * Time-sliced training: steps the lane that is furthest behind, one SGD step at a time, until every running
 * lane has taken `maxSteps` more steps, reached `target`, or `deadline` has passed (checked after every single
 * lane step, so one slice never overshoots by more than one step of one lane). Returns the lane steps taken.
 */
export function advanceLanes(
  race: RaceState,
  target: number,
  maxSteps: number,
  deadline: number,
  now: () => number = () => performance.now(),
): number {
  const start = race.lanes.map((lane) => lane.trainer.step);
  let taken = 0;
  for (;;) {
    let next: RaceLane | null = null;
    for (let k = 0; k < race.lanes.length; k++) {
      const lane = race.lanes[k];
      if (laneDone(race, lane) || lane.trainer.step >= target || lane.trainer.step - start[k] >= maxSteps)
        continue;
      if (next === null || lane.trainer.step < next.trainer.step) next = lane;
    }
    if (next === null) return taken;
    stepTrainingRaceInPlace({ ...race, lanes: [next] }, 1);
    taken++;
    if (now() >= deadline) return taken;
  }
}

/** One lane's numbers as the figures and the summary read them (finite losses only). */
export interface LaneSnapshot {
  init: InitializerId;
  name: string;
  step: number;
  loss: { step: number; loss: number }[];
  verdict: LaneVerdict;
  /** Mean full-data loss over the last `tail` recorded points (null once diverged). */
  recentLoss: number | null;
}

export interface RaceSnapshot {
  step: number;
  steps: number;
  constantLoss: number;
  /** Below this loss a lane counts as learning. */
  learningLoss: number;
  lanes: LaneSnapshot[];
  done: boolean;
}

/** A copy of the race's numbers at this moment (the race itself keeps changing in place). */
export function snapshot(race: RaceState): RaceSnapshot {
  const names = laneNames(race.lanes.map((l) => l.init));
  const { tail, learningRatio, steps } = race.options;
  return {
    step: raceStep(race),
    steps,
    constantLoss: race.constantLoss,
    learningLoss: learningRatio * race.constantLoss,
    done: raceDone(race),
    lanes: race.lanes.map((lane, i) => {
      const verdict = laneVerdict(race, lane);
      const recent = lane.loss.slice(-tail);
      return {
        init: lane.init,
        name: names[i],
        step: lane.trainer.step,
        loss: lane.loss.filter((p) => Number.isFinite(p.loss)).map((p) => ({ ...p })),
        verdict,
        recentLoss: verdict === "diverged" ? null : recent.reduce((s, p) => s + p.loss, 0) / recent.length,
      };
    }),
  };
}

/** The input plane the boundaries cover: a square around the (standardised) data, and the data itself. */
export interface Plane {
  /** Half the side of the square, centred on 0. */
  half: number;
  /** Cell centres, row-major (GRID × GRID × 2). */
  cells: Float64Array;
  points: { x: number; y: number; label: 1 | -1 }[];
}

export function planeOf(race: RaceState): Plane {
  const { X, Y, n } = race.lanes[0].data;
  let extent = 0;
  for (let i = 0; i < 2 * n; i++) extent = Math.max(extent, Math.abs(X[i]));
  const half = Math.ceil(extent * 1.08 * 10) / 10;
  const cells = new Float64Array(GRID * GRID * 2);
  const size = (2 * half) / GRID;
  for (let r = 0; r < GRID; r++)
    for (let c = 0; c < GRID; c++) {
      cells[2 * (r * GRID + c)] = -half + (c + 0.5) * size;
      cells[2 * (r * GRID + c) + 1] = -half + (r + 0.5) * size;
    }
  const points = Array.from({ length: n }, (_, i) => ({
    x: X[2 * i],
    y: X[2 * i + 1],
    label: (Y[i] > 0 ? 1 : -1) as 1 | -1,
  }));
  return { half, cells, points };
}

/** A lane's output ŷ on the plane's cells at one step; non-finite outputs are kept out (null). */
export interface Boundary {
  step: number;
  /** GRID × GRID, row-major from the bottom row; null where the output was not finite. */
  values: (number | null)[];
}

/** Points per slice of boundary work, small enough that one slice stays well inside a frame. */
const SLICE = 48;

/**
 * Evaluates lanes' outputs over the plane in slices, so that refreshing the boundaries of even the largest
 * nets never blocks a frame: call `advance(deadline)` until it returns true.
 */
export class BoundaryJob {
  private lane = 0;
  private next = 0;
  private buffer: (number | null)[] = [];
  private readonly lanes: number[];

  constructor(
    private readonly race: RaceState,
    private readonly plane: Plane,
    lanes: readonly number[],
    private readonly onLane: (lane: number, boundary: Boundary) => void,
  ) {
    this.lanes = [...lanes];
  }

  get finished(): boolean {
    return this.lane >= this.lanes.length;
  }

  /** Works slice by slice until `deadline` (at least one slice); true once every lane is done. */
  advance(deadline: number, now: () => number = () => performance.now()): boolean {
    const total = GRID * GRID;
    do {
      if (this.finished) return true;
      const laneIndex = this.lanes[this.lane];
      const lane = this.race.lanes[laneIndex];
      const m = Math.min(SLICE, total - this.next);
      const out = predict(lane.trainer.net, this.plane.cells.subarray(2 * this.next, 2 * (this.next + m)), m);
      for (let i = 0; i < m; i++) this.buffer.push(Number.isFinite(out[i]) ? out[i] : null);
      this.next += m;
      if (this.next >= total) {
        this.onLane(laneIndex, { step: lane.trainer.step, values: this.buffer });
        this.buffer = [];
        this.next = 0;
        this.lane++;
      }
    } while (now() < deadline);
    return this.finished;
  }
}

/** What a boundary panel shows, in words: how decided the net is and how well its sign matches the data. */
export function boundaryDescription(lane: Pick<LaneSnapshot, "name">, boundary: Boundary | null): string {
  if (boundary === null) return `${lane.name}: output over the input plane, not evaluated yet.`;
  const finite = boundary.values.filter((v): v is number => v !== null);
  const spread = finite.length ? Math.max(...finite) - Math.min(...finite) : 0;
  return `${lane.name} at step ${boundary.step}: the output over the input plane ranges over ${fmt(spread)} (${spread < 0.1 ? "flat: the net predicts about the same everywhere" : spread > 1e3 ? "exploding" : "the net separates regions of the plane"}).`;
}

/** One lane's boundary in one go (build time, tests). */
export function boundaryOf(race: RaceState, plane: Plane, lane: number): Boundary {
  let result: Boundary | null = null;
  const job = new BoundaryJob(race, plane, [lane], (_, b) => (result = b));
  while (!job.advance(Number.POSITIVE_INFINITY, () => Number.NEGATIVE_INFINITY)) {
    /* the job finishes in at most GRID² / SLICE slices */
  }
  return result!;
}

/** Three significant digits, without exponent notation down to 1e-4. */
export const fmt = (x: number): string =>
  x === 0 ? "0" : Math.abs(x) >= 1e-4 ? String(Number(x.toPrecision(3))) : x.toExponential(1);

const pct = (x: number): string => {
  const p = x * 100;
  return `${p >= 10 ? Math.round(p) : Number(p.toPrecision(2))} %`;
};

const verdictText: Record<LaneVerdict, string> = {
  learning: "learning",
  stalled: "stalled",
  diverged: "diverged",
  early: "not judged yet",
};

/** A badge's text. */
export const verdictLabel = (v: LaneVerdict): string => verdictText[v];

/** One lane in one clause: "He normal: learning — loss 0.0063, 1.3 % of the constant prediction's". */
export function laneSentence(lane: LaneSnapshot, snap: RaceSnapshot, withNumbers: boolean): string {
  if (lane.verdict === "diverged")
    return `${lane.name}: diverged at step ${lane.step} — its loss blew up, so its training stopped`;
  if (!withNumbers || lane.recentLoss === null) return `${lane.name}: ${verdictText[lane.verdict]}`;
  return `${lane.name}: ${verdictText[lane.verdict]} — loss ${fmt(lane.recentLoss)}, ${pct(lane.recentLoss / snap.constantLoss)} of a constant prediction's`;
}

/**
 * What the figures show now, for the caption and screen readers. While training runs the sentence names only
 * the verdicts (so the polite live region is not flooded with numbers); paused or finished, it gives the losses.
 */
export function summarize(snap: RaceSnapshot, state: RaceWidgetState, running: boolean): string {
  const net = `${state.depth} hidden ReLU layers of ${state.width}, learning rate ${fmt(state.lr)}, ${state.dataset} data`;
  if (snap.step === 0)
    return `Step 0 of ${snap.steps}: ${snap.lanes.map((l) => l.name).join(" vs ")} on the same ${net}, same seed and batches. Press Play to train.`;
  const lanes = snap.lanes.map((l) => laneSentence(l, snap, !running)).join("; ");
  const where = running
    ? "Training"
    : snap.done
      ? `Finished at step ${snap.step}`
      : `Paused at step ${snap.step} of ${snap.steps}`;
  return `${where} (${net}). ${lanes}.`;
}
