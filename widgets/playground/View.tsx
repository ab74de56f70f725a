import { useEffect, useMemo, useState } from "preact/hooks";
import type { PlaygroundSnapshot } from "../../engine/experiments/playground";
import type { Network } from "../../engine/network";
import { defineDemo } from "../ui/demo";
import { DemoFrame } from "../ui/controls";
import { count } from "../ui/format";
import type { FrameLoop } from "../ui/frame-loop";
import { evaluateGrid, GridJob, outputOf, type GridValues } from "../ui/grid";
import { useAnnounced, useDemoState } from "../ui/hooks";
import { useTraining } from "../ui/useTraining";
import { Boundary } from "./Boundary";
import { Chart } from "./Chart";
import { Controls } from "./Controls";
import { Exchange } from "./Exchange";
import { LayerPanel } from "./LayerPanel";
import { NetworkPanel } from "./NetworkPanel";
import { createStepper, perFrame, PLANE, splitOf, stepsPerEpoch } from "./run";
import { LOSS_ASPECT, LOSS_COLORS, lossSpec } from "./spec";
import { playgroundDemo, runKey, type PlaygroundState } from "./state";
import { learnedLoss, summarize } from "./summary";

export type PlaygroundProps = Partial<PlaygroundState> & {
  /** The anchor id of the demo (unique per page; default "demo-playground"). */
  id?: string;
};

/** Main-thread time one frame gives the boundary grid before it goes on in the next. */
const GRID_SLICE_MS = 3;

/**
 * The network's output and every unit's activation over the plane, for the snapshot's weights: at once for
 * the first (the build's figures and hydration show it), then in frame slices on the demo's loop, so the
 * boundary follows training without a long task.
 */
function useGrid(net: Network, loop: FrameLoop): GridValues {
  const [grid, setGrid] = useState(() => ({ net, values: evaluateGrid(net, PLANE) }));
  useEffect(() => {
    if (grid.net === net) return;
    const job = new GridJob(net, PLANE);
    let cancelled = false;
    const slice = () => {
      if (cancelled) return;
      if (job.advance(performance.now() + GRID_SLICE_MS)) setGrid({ net, values: job.values });
      else loop.draw("pg-grid", slice);
    };
    loop.draw("pg-grid", slice);
    return () => {
      cancelled = true;
    };
  }, [net]);
  return grid.values;
}

function Badges(props: { snap: PlaygroundSnapshot; imported: boolean }) {
  const { snap } = props;
  const badge = {
    untrained: snap.epoch > 0 ? <span class="widget__badge">learning</span> : null,
    learning: <span class="widget__badge">learning</span>,
    learned: (
      <span class="widget__badge pg-badge--learned">learned: test loss below {learnedLoss(snap)}</span>
    ),
    stalled: <span class="widget__badge pg-badge--stalled">stalled</span>,
    diverged: <span class="widget__badge widget__badge--diverged">diverged — training stopped</span>,
  }[snap.verdict];
  return (
    <p class="widget__status">
      {badge}
      {snap.rows.some((r) => r.tied) && <span class="widget__badge">tied units</span>}
      {props.imported && <span class="widget__badge">imported weights</span>}
      {!snap.diverged && snap.epoch >= snap.maxEpochs && (
        <span class="widget__badge">stopped at the {count(snap.maxEpochs)}-epoch limit</span>
      )}
    </p>
  );
}

/** A TF-Playground-style sandbox where the initializer is a first-class control. */
export function PlaygroundIsland({ id, ...props }: PlaygroundProps) {
  const demo = useMemo(
    () => (id && id !== playgroundDemo.id ? defineDemo({ ...playgroundDemo, id }) : playgroundDemo),
    [],
  );
  const [state, update, notes] = useDemoState(demo, props);
  const key = runKey(state);
  const [imported, setImported] = useState<{ key: string; net: Network; n: number } | null>(null);
  const start = imported?.key === key ? imported : null;
  useEffect(() => {
    if (imported && imported.key !== key) setImported(null);
  }, [key]);
  const dataKey = `${state.dataset}|${state.noise}|${state.trainPct}|${state.dataSeed}`;
  const split = useMemo(() => splitOf(state), [dataKey]);
  const training = useTraining(
    () => createStepper(state, split, start?.net),
    start ? `${key}|import${start.n}` : key,
    { stepSize: stepsPerEpoch(state), perFrame: perFrame(state) },
  );
  const snap = training.snapshot;
  const grid = useGrid(snap.net, training.loop);
  // The canvases take over from the server's SVG once hydrated.
  const [live, setLive] = useState(false);
  useEffect(() => setLive(true), []);

  const summary = useAnnounced(
    () => summarize(snap, state),
    `${key}|${training.playing}|${training.playing ? snap.verdict : snap.step}`,
  );
  const lossChart = useMemo(() => lossSpec(snap.history, snap.baseline, summary), [snap, summary]);

  return (
    <div class="pg-frame">
      <DemoFrame
        demo={demo}
        loop={training.loop}
        notes={notes}
        summary={summary}
        controls={
          <>
            <Controls state={state} update={update} training={training} />
            <Exchange
              state={state}
              net={snap.net}
              epoch={snap.epoch}
              onImport={(next, net) => {
                const normalized = demo.normalize!(next).state;
                setImported((old) => ({ key: runKey(normalized), net, n: (old?.n ?? 0) + 1 }));
                update(normalized);
              }}
            />
          </>
        }
      >
        <Badges snap={snap} imported={start !== null} />
        <div class="pg-layout">
          <div class="pg-net">
            <NetworkPanel
              net={snap.net}
              grid={grid}
              live={live}
              epoch={snap.epoch}
              version={snap.step}
              onWidth={(layer, w) =>
                update((s) => ({ hidden: s.hidden.map((x, i) => (i === layer ? w : x)) }))
              }
            />
            <LayerPanel rows={snap.rows} summary={summary} divergedAt={snap.diverged ? snap.epoch : null} />
          </div>
          <div class="pg-side">
            <p class="widget__figure-title">
              Decision boundary (filled: training points, rings: test points)
            </p>
            <Boundary
              output={outputOf(grid)}
              train={split.train}
              test={split.test}
              live={live}
              label={`Decision boundary over the ${state.dataset} data set; ${summary}`}
            />
            <p class="widget__figure-title">Loss by epoch</p>
            <Chart spec={lossChart} aspect={LOSS_ASPECT} />
            <ul class="widget__legend">
              <li>
                <span class="swatch" style={{ background: LOSS_COLORS.test }} /> test loss
              </li>
              <li>
                <span class="swatch" style={{ background: LOSS_COLORS.train }} /> train loss
              </li>
              <li>
                <span class="swatch swatch--dashed" /> predicting the average label
              </li>
            </ul>
          </div>
        </div>
      </DemoFrame>
    </div>
  );
}
