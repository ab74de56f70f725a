import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { cloneNetwork, type Network } from "../../engine/network";
import { useFrameLoop } from "../ui/hooks";
import { evaluateGrid, GridJob, type GridValues } from "./grid";
import type { PlaygroundState } from "./model";
import { createRun, runFinished, splitOf, stepEpoch, stepRun, type Run, type Split } from "./run";

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

/** Runs `f` in a task of its own once the main thread is idle (soon at the latest); returns its cancel. */
function whenIdle(f: () => void): () => void {
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(f, { timeout: 300 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(f, 16);
  return () => clearTimeout(id);
}

export interface PlaygroundRun {
  /** Null only while the first run and its grid are still being built after hydration (see `lazyKey`). */
  run: Run | null;
  split: Split | null;
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
 *
 * When the state's key is `lazyKey` (the island hydrates from a build-time snapshot of that state), the first
 * run is built after hydration, one idle task per stage — the data set, then the run — and its grid in frame
 * slices; until the grid is done `run` is null and the view shows the snapshot. Play and Step build the run at
 * once.
 */
export function usePlayground(
  state: PlaygroundState,
  key: string,
  start: Network | undefined,
  inView: boolean,
  lazyKey: string | null = null,
): PlaygroundRun {
  const [stage, setStage] = useState(key === lazyKey ? 0 : 2);
  const lazy = stage < 2 && key === lazyKey;
  const dataKey = `${state.dataset}|${state.noise}|${state.trainPct}|${state.dataSeed}`;
  const noSplit = lazy && stage < 1;
  const split = useMemo(() => (noSplit ? null : splitOf(state)), [dataKey, noSplit]);
  const [generation, setGeneration] = useState(0);
  const restart = () => setGeneration((n) => n + 1);
  const run = useMemo(
    () => (lazy || !split ? null : createRun(state, split, start)),
    [key, split, start, generation, lazy],
  );
  // The first lazily built run's grid is evaluated in frame slices too, and that run is handed to the view
  // only with its grid, in a render of its own: the snapshot and the server's figure stay till then.
  const sliceFirstGrid = useRef(lazy);
  const firstLazyRun = useRef<Run | null>(null);
  const firstGrid = useMemo(() => {
    if (!run) return null;
    if (sliceFirstGrid.current) {
      sliceFirstGrid.current = false;
      firstLazyRun.current = run;
      return null;
    }
    return gridWork(run.start) <= SYNC_GRID_WORK ? evaluateGrid(run.start) : null;
  }, [run]);
  const [stored, setStored] = useState({ run, grid: firstGrid });
  const grid = stored.run === run ? stored.grid : firstGrid;
  const shown = run === firstLazyRun.current && grid === null ? null : run;
  const [version, setVersion] = useState(0);
  const publish = () => setVersion((n) => n + 1);
  const [playing, setPlaying] = useState(false);
  const [busy, setBusy] = useState(false);
  const loop = useRef({ job: null as GridJob | null, stale: false, lastGrid: 0, lastPublish: 0 });
  /** Epochs asked for (Step) before the run existed. */
  const pendingSteps = useRef(0);
  const previous = useRef<Run | null>(null);

  useEffect(() => {
    if (stage >= 2) return;
    // Another state (the URL's, a control) needs no snapshot; never go back to waiting for this one.
    if (!lazy) return void setStage(2);
    return whenIdle(() => setStage((n) => n + 1));
  }, [lazy, stage]);

  useEffect(() => {
    if (!run) return;
    loop.current = { job: null, stale: firstGrid === null, lastGrid: 0, lastPublish: 0 };
    // Let go of the previous run (its history, weights and workspaces) now, not at this run's first grid.
    setStored({ run, grid: firstGrid });
    // A new run starts paused; Play pressed before the first run existed starts that one.
    if (previous.current) setPlaying(false);
    previous.current = run;
    for (; pendingSteps.current > 0; pendingSteps.current--) stepEpoch(run);
    if (run.trainer.step > 0) {
      loop.current.stale = !run.diverged;
      publish();
    }
    setBusy(loop.current.stale);
  }, [run]);

  const work = useCallback(
    (deadline: number): boolean => {
      if (!run) return false;
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
    run: shown,
    split,
    grid,
    version,
    playing,
    play: () => {
      if (!run) setStage(2);
      if (!run || !runFinished(run)) setPlaying(true);
    },
    pause: () => {
      setPlaying(false);
      setBusy(true);
    },
    step: () => {
      if (!run) {
        pendingSteps.current++;
        setStage(2);
        return;
      }
      stepEpoch(run);
      loop.current.stale = !run.diverged;
      publish();
      setBusy(true);
    },
    reset: restart,
  };
}
