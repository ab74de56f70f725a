/**
 * What the sandbox shows of a run at step 0 besides its weights, data and grid: the numbers of the per-layer
 * panel, the loss chart's one point and the summary sentence. The build computes it from the same run as the
 * static figure and hands it to the island, so hydration renders the same text without running the engine;
 * the run itself is built in the idle time after (usePlayground).
 */
import { stateKey, type PlaygroundState } from "./model";
import { createRun, layerRows, type LayerRow, type LossPoint } from "./run";
import { summarize } from "./summary";

export interface Snapshot {
  /** stateKey of the state it was computed for: a snapshot of another state is never used. */
  key: string;
  rows: LayerRow[];
  history: LossPoint[];
  baseline: number;
  summary: string;
}

const finite = (x: number | null) => x === null || Number.isFinite(x);

/**
 * The step-0 snapshot of a state, or null when a number in it is not finite (island props travel as JSON,
 * which has no NaN or Infinity): the island then builds its run while it hydrates, as without a snapshot.
 */
export function snapshotOf(state: PlaygroundState): Snapshot | null {
  const run = createRun(state);
  if (run.diverged) return null;
  const rows = layerRows(run);
  const numbers = [
    run.baseline,
    ...run.history.flatMap((p) => [p.train, p.test]),
    ...rows.flatMap((r) => [r.actVar, r.gradVar, r.saturated, r.dead]),
  ];
  if (!numbers.every(finite)) return null;
  return {
    key: stateKey(state),
    rows,
    history: run.history,
    baseline: run.baseline,
    summary: summarize(run, rows),
  };
}
