import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "preact/hooks";
import type { RaceState } from "../../engine/experiments/trainingRace";
import { isDiverged } from "../../engine/stats";
import { useFrameLoop } from "../ui/hooks";
import {
  BoundaryJob,
  boundaryOf,
  createRace,
  GRID,
  planeOf,
  raceDone,
  raceStep,
  snapshot,
  STEP_CHUNK,
  advanceLanes,
  type Boundary,
  type Plane,
  type RaceSnapshot,
  type RaceWidgetState,
} from "./model";

/** Main-thread time per frame for training and boundary slices (the rest of the frame is drawing). */
export const FRAME_BUDGET_MS = 10;
/** The loss chart and the summary follow the race at this interval… */
const PUBLISH_MS = 120;
/** …and each lane's boundary is re-evaluated at most this often, so training stays smooth. */
const BOUNDARY_MS = 300;
/** A whole race of the default length plays in about this many frames, so the reader can follow it. */
const FRAMES_PER_RACE = 150;
/** Multiply-adds under which every lane's boundary is evaluated at once (≈ 10 ms) instead of in slices. */
const SYNC_BOUNDARY_WORK = 1e7;

function boundaryWork(race: RaceState): number {
  const { depth, width } = race.options;
  return race.lanes.length * GRID * GRID * (2 * width + (depth - 1) * width * width + width);
}

/** Step-0 boundaries, computed at once when cheap (no flash of an empty panel), else left to the frame loop. */
function initialBoundaries(race: RaceState, plane: Plane): (Boundary | null)[] {
  if (boundaryWork(race) > SYNC_BOUNDARY_WORK) return race.lanes.map(() => null);
  return race.lanes.map((_, k) => boundaryOf(race, plane, k));
}

export interface RaceControls {
  snap: RaceSnapshot;
  plane: Plane;
  boundaries: (Boundary | null)[];
  playing: boolean;
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
}

/**
 * Runs a race for a state: the engine's lanes advance in time slices on animation frames while playing and
 * on screen; the boundaries are refreshed in slices of their own; a snapshot of the numbers is published a
 * few times a second. A new state (or reset) starts a fresh race at step 0.
 */
export function useRace(state: RaceWidgetState, inView: boolean): RaceControls {
  const key = JSON.stringify(state);
  const [generation, restart] = useReducer((n: number) => n + 1, 0);
  const race = useMemo(() => createRace(state), [key, generation]);
  const plane = useMemo(() => planeOf(race), [race]);
  const firstBoundaries = useMemo(() => initialBoundaries(race, plane), [race]);
  const [stored, setStored] = useState({ race, values: firstBoundaries });
  const boundaries = stored.race === race ? stored.values : firstBoundaries;

  const [version, publish] = useReducer((n: number) => n + 1, 0);
  const snap = useMemo(() => snapshot(race), [race, version]);
  const [playing, setPlaying] = useState(false);
  const [busy, setBusy] = useState(false);

  const loop = useRef({
    target: 0,
    job: null as BoundaryJob | null,
    stale: false,
    lastBoundary: 0,
    lastPublish: 0,
  });

  useEffect(() => {
    loop.current = {
      target: 0,
      job: null,
      stale: firstBoundaries.some((b) => b === null),
      lastBoundary: 0,
      lastPublish: 0,
    };
    if (loop.current.stale || playing) setBusy(true);
  }, [race]);

  const work = useCallback(
    (deadline: number): boolean => {
      const l = loop.current;
      const start = performance.now();
      const goal = playing ? race.options.steps : l.target;
      const perFrame = Math.max(1, Math.ceil(race.options.steps / FRAMES_PER_RACE));
      const boundaryDue = l.job !== null || (l.stale && start - l.lastBoundary >= BOUNDARY_MS);
      const trainUntil = boundaryDue ? start + (deadline - start) * 0.6 : deadline;
      if (advanceLanes(race, goal, perFrame, trainUntil) > 0) l.stale = true;

      const training = !raceDone(race) && race.lanes.some((lane) => lane.trainer.step < goal);
      if (l.job === null && l.stale && (start - l.lastBoundary >= BOUNDARY_MS || !training)) {
        const lanes = race.lanes.flatMap((lane, k) => (isDiverged(lane.trainer.net) ? [] : [k]));
        l.job = new BoundaryJob(race, plane, lanes, (k, b) =>
          setStored((prev) => {
            const values = [...(prev.race === race ? prev.values : firstBoundaries)];
            if (b.values.some((v) => v !== null)) values[k] = b;
            return { race, values };
          }),
        );
        l.stale = false;
        l.lastBoundary = start;
      }
      if (l.job !== null && l.job.advance(deadline)) l.job = null;

      const more = training || l.job !== null || l.stale;
      if (!more || start - l.lastPublish >= PUBLISH_MS) {
        l.lastPublish = start;
        publish(undefined);
      }
      if (!training && playing) setPlaying(false);
      if (!more) setBusy(false);
      return more;
    },
    [race, plane, playing, firstBoundaries],
  );

  useFrameLoop(busy && inView, work, FRAME_BUDGET_MS);

  return {
    snap,
    plane,
    boundaries,
    playing,
    play: () => {
      if (raceDone(race)) return;
      setPlaying(true);
      setBusy(true);
    },
    pause: () => {
      loop.current.target = raceStep(race);
      setPlaying(false);
    },
    step: () => {
      loop.current.target = Math.min(race.options.steps, raceStep(race) + STEP_CHUNK);
      setBusy(true);
    },
    reset: () => {
      setPlaying(false);
      restart(undefined);
    },
  };
}
