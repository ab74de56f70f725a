import type { ComponentChildren } from "preact";
import { initializers } from "../../engine/initializers";
import { DemoFrame, FieldControls, InitializerControl, LinkControls, TrainingControls } from "../ui/controls";
import { count, sig } from "../ui/format";
import { useDemoState } from "../ui/hooks";
import { PlotFigure } from "../ui/PlotFigure";
import { useTraining } from "../ui/useTraining";
import { createStepper, perFrame, STEP_SIZE, type RaceSnapshot } from "./run";
import {
  boundaryFigure,
  classColors,
  LANE_ASPECT,
  laneColors,
  laneDash,
  LOSS_ASPECT,
  lossFigure,
} from "./spec";
import { LANES, raceDemo, withLaneAdded, type RaceState } from "./state";
import { boundaryDescription, laneNames, summarize, verdictLabel } from "./summary";

/** The build-time figures, passed as named slots by the Astro wrapper: the loss chart and each lane's boundary. */
interface StaticFigures {
  loss?: ComponentChildren;
  lane0?: ComponentChildren;
  lane1?: ComponentChildren;
  lane2?: ComponentChildren;
  lane3?: ComponentChildren;
}

export type TrainingRaceProps = Partial<RaceState> & StaticFigures;

function LaneSwatch({ lane }: { lane: number }) {
  return (
    <svg class="race__swatch" viewBox="0 0 24 8" width="24" height="8" aria-hidden="true">
      <line
        x1="0"
        y1="4"
        x2="24"
        y2="4"
        stroke={laneColors[lane]}
        stroke-width="2.5"
        stroke-dasharray={laneDash[lane]}
      />
    </svg>
  );
}

/** One lane: its name and verdict badge, its boundary, its latest loss. */
function LanePanel(props: {
  snap: RaceSnapshot;
  index: number;
  name: string;
  running: boolean;
  staticSvg: ComponentChildren;
}) {
  const { snap, index, name } = props;
  const lane = snap.lanes[index]!;
  const description = boundaryDescription(name, snap.boundaries[index] ?? null, props.running);
  return (
    <div class="race__lane">
      <p class="widget__figure-title race__lane-title">
        <LaneSwatch lane={index} />
        <span title={initializers[lane.init].label}>{name}</span>
        <span class={`widget__badge widget__badge--${lane.verdict}`}>{verdictLabel(lane.verdict)}</span>
      </p>
      <PlotFigure figure={boundaryFigure(snap, index, name, description)} aspect={LANE_ASPECT}>
        {props.staticSvg}
      </PlotFigure>
      <p class="race__lane-note">
        {lane.verdict === "diverged"
          ? `Diverged at step ${count(lane.step)}: training stopped.`
          : lane.recentLoss === null || snap.step === 0
            ? ""
            : `loss ${sig(lane.recentLoss)} at step ${count(lane.step)}`}
      </p>
    </div>
  );
}

/** Deep ReLU nets trained side by side from different initializers; loss curves, boundaries and verdicts. */
export function TrainingRaceIsland({ loss, lane0, lane1, lane2, lane3, ...props }: TrainingRaceProps) {
  const [state, update, notes] = useDemoState(raceDemo, props);
  const training = useTraining(() => createStepper(state), raceDemo.key(state), {
    stepSize: STEP_SIZE,
    perFrame: perFrame(state),
  });
  const snap = training.snapshot;
  const initial = raceDemo.same(state, raceDemo.fromProps(props)) && snap.step === 0;
  const statics = [lane0, lane1, lane2, lane3].map((svg) => (initial ? svg : null));
  const names = laneNames(snap.options.inits);
  const summary = summarize(snap, training.playing);
  const setInit = (k: number, init: RaceState["inits"][number]) =>
    update((s) => ({ inits: s.inits.map((x, i) => (i === k ? init : x)) }));
  const f = raceDemo.fields;

  const controls = (
    <>
      <div class="race__row" role="group" aria-label="Lanes">
        {state.inits.map((init, k) => (
          <InitializerControl
            key={k}
            label={`Lane ${k + 1} initializer`}
            value={init}
            onChange={(v) => setInit(k, v)}
          />
        ))}
        <div class="control race__lane-buttons">
          <button
            type="button"
            class="button"
            onClick={() => update((s) => ({ inits: withLaneAdded(s.inits) }))}
            disabled={state.inits.length >= LANES.max}
          >
            Add a lane
          </button>
          <button
            type="button"
            class="button"
            onClick={() => update((s) => ({ inits: s.inits.slice(0, -1) }))}
            disabled={state.inits.length <= LANES.min}
          >
            Remove last lane
          </button>
        </div>
      </div>
      <div class="race__row" role="group" aria-label="Network and training">
        <FieldControls
          fields={f}
          state={state}
          onChange={update}
          keys={["depth", "width", "lr", "steps", "dataset"]}
        />
      </div>
      <div class="race__row">
        <TrainingControls training={training} step={snap.step} />
        <LinkControls demo={raceDemo} state={state} onReseed={(seed) => update({ seed })} />
      </div>
    </>
  );

  return (
    <DemoFrame demo={raceDemo} loop={training.loop} controls={controls} summary={summary} notes={notes}>
      <p class="widget__figure-title">Loss while training (log scale)</p>
      <PlotFigure figure={lossFigure(snap, names, summary)} aspect={LOSS_ASPECT}>
        {initial ? loss : null}
      </PlotFigure>
      <div class="race__lanes">
        {snap.lanes.map((lane, k) => (
          <LanePanel
            key={`${k}-${lane.init}`}
            snap={snap}
            index={k}
            name={names[k]!}
            running={training.playing}
            staticSvg={statics[k]}
          />
        ))}
      </div>
      <p class="race__legend">
        <span class="race__key" style={{ background: classColors.positive }} aria-hidden="true" /> output &gt;
        0 (class +1){" "}
        <span class="race__key" style={{ background: classColors.negative }} aria-hidden="true" /> output &lt;
        0 (class −1); pale where the net's output is near 0. Dots: the training data.
      </p>
    </DemoFrame>
  );
}
