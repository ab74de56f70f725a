import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { cloneNetwork, type Network } from "../../engine/network";
import { useFrameLoop } from "../ui/hooks";
import { evaluateGrid, GridJob, type GridValues } from "./grid";
import type { PlaygroundState } from "./model";
import { createRun, runFinished, splitOf, stepEpoch, stepRun, type Run } from "./run";

/** Main-thread time per frame for training and grid slices; the rest of the frame is drawing. */
export const FRAME_BUDGET_MS = 8;
/** While training, the boundary and the thumbnails are re-evaluated at most this often… */
const GRID_MS = 200;
/** …and the numbers (loss chart, per-layer panel, diagram links) are published at this interval. */
const PUBLISH_MS = 300;
/** Multiply-adds under which the step-0 grid is evaluated at once (no flash of an empty boundary). */
const SYNC_GRID_WORK = 3e6;

function gridWork(net: Network): number {
  let perPoint = 0;
  for (let l = 0; l + 1 < net.sizes.length; l++) perPoint += net.sizes[l] * net.sizes[l + 1];
  return 1600 * perPoint;
}

/**
 * Re-renders run in a task of their own, not in the frame's training task (Preact renders in a microtask,
 * which would add the drawing to the slice and make one long task of both).
 */
const later = (f: () => void) => void setTimeout(f, 0);

export interface PlaygroundRun {
  run: Run;
  grid: GridValues | null;
  /** Bumped at each publish: everything derived from the run's numbers recomputes on it. */
  version: number;
  playing: boolean;
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
}

/**
 * Drives one run of the playground: a new state (or an imported network) starts a fresh run at step 0;
 * Reset starts it again from the SAME initial weights. While playing and on screen, SGD steps and grid
 * slices share each frame's budget (useFrameLoop), so no task grows long and the boundary keeps up.
 */
export function usePlayground(
  state: PlaygroundState,
  key: string,
  start: Network | undefined,
  inView: boolean,
): PlaygroundRun {
  const dataKey = `${state.dataset}|${state.noise}|${state.trainPct}|${state.dataSeed}`;
  const split = useMemo(() => splitOf(state), [dataKey]);
  const [generation, setGeneration] = useState(0);
  const restart = () => setGeneration((n) => n + 1);
  const run = useMemo(() => createRun(state, split, start), [key, split, start, generation]);
  const firstGrid = useMemo(
    () => (gridWork(run.start) <= SYNC_GRID_WORK ? evaluateGrid(run.start) : null),
    [run],
  );
  const [stored, setStored] = useState({ run, grid: firstGrid });
  const grid = stored.run === run ? stored.grid : firstGrid;
  const [version, setVersion] = useState(0);
  const publish = () => setVersion((n) => n + 1);
  const [playing, setPlaying] = useState(false);
  const [busy, setBusy] = useState(false);
  const loop = useRef({ job: null as GridJob | null, stale: false, lastGrid: 0, lastPublish: 0 });

  useEffect(() => {
    loop.current = { job: null, stale: firstGrid === null, lastGrid: 0, lastPublish: 0 };
    setPlaying(false);
    setBusy(firstGrid === null);
    publish();
  }, [run]);

  const work = useCallback(
    (deadline: number): boolean => {
      const l = loop.current;
      const t0 = performance.now();
      if (playing) {
        const gridDue = l.job !== null || (l.stale && t0 - l.lastGrid >= GRID_MS);
        const until = gridDue ? t0 + (deadline - t0) * 0.5 : deadline;
        const cap = state.speed === "max" ? Infinity : Number(state.speed) * run.stepsPerEpoch;
        let moved = 0;
        while (moved < cap && performance.now() < until && stepRun(run)) moved++;
        if (moved) l.stale = true;
      }
      if (run.diverged) {
        l.stale = false;
        l.job = null;
      }
      if (l.job === null && l.stale && (!playing || t0 - l.lastGrid >= GRID_MS)) {
        l.job = new GridJob(cloneNetwork(run.trainer.net));
        l.stale = false;
        l.lastGrid = t0;
      }
      if (l.job !== null && l.job.advance(deadline)) {
        const values = l.job.values;
        l.job = null;
        later(() => setStored({ run, grid: values }));
      }
      const finished = runFinished(run);
      if (playing && finished) setPlaying(false);
      if (t0 - l.lastPublish >= PUBLISH_MS || finished || !playing) {
        l.lastPublish = t0;
        later(publish);
      }
      const more = (playing && !finished) || l.job !== null || l.stale;
      if (!more) setBusy(false);
      return more;
    },
    [run, playing, state.speed],
  );
  useFrameLoop((playing && inView) || busy, work, FRAME_BUDGET_MS);

  return {
    run,
    grid,
    version,
    playing,
    play: () => {
      if (!runFinished(run)) setPlaying(true);
    },
    pause: () => {
      setPlaying(false);
      setBusy(true);
    },
    step: () => {
      stepEpoch(run);
      loop.current.stale = !run.diverged;
      publish();
      setBusy(true);
    },
    reset: restart,
  };
}
