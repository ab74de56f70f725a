import {
  createTrainingRaceStepper,
  trainingRaceDefaults,
  type TrainingRaceSnapshot,
} from "../../engine/experiments/trainingRace";
import { cloneNetwork } from "../../engine/network";
import { isDiverged } from "../../engine/stats";
import type { Stepper } from "../../engine/stepping";
import { evaluateGrid, GridJob, outputOf, planeInputs, type Plane } from "../ui/grid";
import type { RaceState } from "./state";

/** Boundary heatmap resolution (cells per side). */
export const GRID_CELLS = 24;
/** One press of Step advances one recorded loss point. */
export const STEP_SIZE = trainingRaceDefaults.every;
/** While playing, a race takes about 150 frames, so the reader can follow it. */
export const perFrame = (state: RaceState): number => Math.max(1, Math.ceil(state.steps / 150));
/** Multiply-adds under which the step-0 boundaries are evaluated at once (≈ 10 ms), else while training. */
const SYNC_BOUNDARY_WORK = 1e7;

/** A lane's output ŷ on the plane's cells (GRID_CELLS², row-major from the top row; NaN where not finite). */
export interface Boundary {
  step: number;
  values: Float32Array;
}

export interface RaceSnapshot extends TrainingRaceSnapshot {
  plane: Plane;
  /** Each lane's latest boundary, null until first evaluated. */
  boundaries: (Boundary | null)[];
}

/** The square the boundaries cover: around the (standardised) data, with a margin. */
function planeAround(points: TrainingRaceSnapshot["points"]): Plane {
  const extent = Math.max(...points.map((p) => Math.max(Math.abs(p.x), Math.abs(p.y))));
  return { cells: GRID_CELLS, half: Math.ceil(extent * 1.08 * 10) / 10 };
}

/**
 * The race for a state, with each lane's decision boundary. Boundaries are refreshed in turn, one lane at a
 * time, one chunk of grid rows per unit of work (of a copy of the net taken when its refresh starts), so
 * the grid work is spread over the frames that train; at the end every lane's is evaluated at its last step,
 * again a chunk per unit: the stepper is done once those are drawn.
 */
export function createStepper(state: RaceState, syncWork = SYNC_BOUNDARY_WORK): Stepper<RaceSnapshot> {
  const race = createTrainingRaceStepper({ ...trainingRaceDefaults, ...state });
  const plane = planeAround(race.snapshot().points);
  const X = planeInputs(plane);
  const { nets } = race;
  const boundaries: (Boundary | null)[] = nets.map(() => null);
  // a net that has blown up everywhere keeps its last finite boundary
  const keep = (k: number, step: number, values: Float32Array) => {
    if (values.some(Number.isFinite)) boundaries[k] = { step, values };
  };
  const weights = nets.reduce((s, net) => s + net.layers.reduce((t, l) => t + l.W.length, 0), 0);
  if (weights * GRID_CELLS ** 2 <= syncWork)
    nets.forEach((net, k) => keep(k, 0, outputOf(evaluateGrid(net, plane, true))));
  type Pending = { lane: number; step: number; job: GridJob };
  let pending: Pending | null = null;
  let next = 0;
  /** After the race: the lanes whose boundary is not yet at their last step. */
  let final: Pending[] | null = null;

  const refresh = () => {
    if (pending === null) {
      const k = [...nets.keys()].map((i) => (next + i) % nets.length).find((i) => !isDiverged(nets[i]!));
      if (k === undefined) return;
      next = (k + 1) % nets.length;
      pending = { lane: k, step: race.trained, job: new GridJob(cloneNetwork(nets[k]!), plane, true, X) };
    }
    if (pending.job.advance(-Infinity, () => 0)) {
      keep(pending.lane, pending.step, outputOf(pending.job.values));
      pending = null;
    }
  };

  const finish = () => {
    final ??= nets.flatMap((net, lane) =>
      isDiverged(net) || boundaries[lane]?.step === race.progress
        ? []
        : [{ lane, step: race.progress, job: new GridJob(net, plane, true, X) }],
    );
    const job = final[0];
    if (job === undefined) return false;
    if (job.job.advance(-Infinity, () => 0)) {
      keep(job.lane, job.step, outputOf(job.job.values));
      final.shift();
    }
    return true;
  };

  return {
    step(n) {
      let k = 0;
      for (; k < n; k++) {
        if (race.step(1) === 1) refresh();
        else if (!finish()) break;
      }
      return k;
    },
    get progress() {
      return race.progress;
    },
    horizon: race.horizon,
    get done() {
      return race.done && final !== null && final.length === 0;
    },
    snapshot: () => ({ ...race.snapshot(), plane, boundaries: [...boundaries] }),
  };
}
