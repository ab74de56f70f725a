import type { ComponentChildren } from "preact";
import { useMemo, useRef } from "preact/hooks";
import type { DatasetName } from "../../engine/datasets";
import { initializers, type InitializerId } from "../../engine/initializers";
import { CopyLinkButton, DemoFrame, PlayControls, Select, SeedControl, Slider } from "../ui/controls";
import { useInView, useUrlState } from "../ui/hooks";
import { PlotFigure } from "../ui/PlotFigure";
import {
  datasetOptions,
  DEMO_ID,
  DEPTH,
  fmt,
  initializerOptions,
  LANES,
  LR,
  NAMESPACE,
  schema,
  stateFromProps,
  STEPS,
  summarize,
  verdictLabel,
  withLaneAdded,
  WIDTH,
  boundaryDescription,
  type Boundary,
  type LaneSnapshot,
  type LaneVerdict,
  type Plane,
  type RaceWidgetState,
} from "./model";
import { boundarySpec, classColors, LANE_ASPECT, laneColors, LOSS_ASPECT, lossSpec } from "./spec";
import { useRace } from "./useRace";

export type TrainingRaceProps = Partial<RaceWidgetState> & {
  /** The section anchor a copied link scrolls to. */
  id?: string;
  /** Build-time SVGs of the initial state, passed as named slots by the Astro wrapper. */
  loss?: ComponentChildren;
  lane0?: ComponentChildren;
  lane1?: ComponentChildren;
  lane2?: ComponentChildren;
  lane3?: ComponentChildren;
};

const laneDash = ["", "6 3", "2 3", "8 3 2 3"];

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
        stroke-dasharray={laneDash[lane] || undefined}
      />
    </svg>
  );
}

function Badge({ verdict }: { verdict: LaneVerdict }) {
  return (
    <span
      class={`widget__badge race__badge race__badge--${verdict}${verdict === "diverged" ? " widget__badge--diverged" : ""}`}
    >
      {verdictLabel(verdict)}
    </span>
  );
}

/** One lane: its name and verdict badge, its boundary, its latest loss. Redraws only when its boundary changes. */
function LanePanel(props: {
  index: number;
  lane: LaneSnapshot;
  boundary: Boundary | null;
  plane: Plane;
  staticSvg: ComponentChildren;
}) {
  const { index, lane, boundary, plane } = props;
  const description = boundaryDescription(lane, boundary);
  const options = useMemo(
    () => boundarySpec(lane, boundary, plane, description),
    [lane.name, lane.verdict === "diverged" ? lane.step : -1, boundary, plane, description],
  );
  return (
    <div class="race__lane">
      <p class="widget__figure-title race__lane-title">
        <LaneSwatch lane={index} />
        <span title={initializers[lane.init].label}>{lane.name}</span>
        <Badge verdict={lane.verdict} />
      </p>
      <PlotFigure options={options} aspect={LANE_ASPECT}>
        {props.staticSvg}
      </PlotFigure>
      <p class="race__lane-note">
        {lane.verdict === "diverged"
          ? `Diverged at step ${lane.step}: training stopped.`
          : lane.recentLoss === null
            ? ""
            : `loss ${fmt(lane.recentLoss)} at step ${lane.step}`}
      </p>
    </div>
  );
}

/** Deep ReLU nets trained side by side from different initializers; loss curves, boundaries and verdicts. */
export function TrainingRaceView({
  id = DEMO_ID,
  loss,
  lane0,
  lane1,
  lane2,
  lane3,
  ...props
}: TrainingRaceProps) {
  const initial = useMemo(() => stateFromProps(props), []);
  const [state, update, notes] = useUrlState(NAMESPACE, schema, initial);
  const frame = useRef<HTMLDivElement>(null);
  const inView = useInView(frame);
  const race = useRace(state, inView);
  const { snap, plane, boundaries, playing } = race;

  const isInitial = JSON.stringify(state) === JSON.stringify(initial) && snap.step === 0;
  const statics = [lane0, lane1, lane2, lane3];
  const summary = summarize(snap, state, playing);
  const lossOptions = useMemo(() => lossSpec(snap, summary), [snap, summary]);
  const setInit = (k: number, init: InitializerId) =>
    update((s) => ({ inits: s.inits.map((x, i) => (i === k ? init : x)) }));
  const addLane = () => update((s) => ({ inits: withLaneAdded(s.inits) }));
  const removeLane = () => update((s) => ({ inits: s.inits.slice(0, -1) }));

  const controls = (
    <>
      <div class="race__row" role="group" aria-label="Lanes">
        {state.inits.map((init, k) => (
          <Select
            key={k}
            label={`Lane ${k + 1} initializer`}
            value={init}
            options={initializerOptions}
            onChange={(v) => setInit(k, v)}
          />
        ))}
        <div class="control race__lane-buttons">
          <button type="button" class="button" onClick={addLane} disabled={state.inits.length >= LANES.max}>
            Add a lane
          </button>
          <button
            type="button"
            class="button"
            onClick={removeLane}
            disabled={state.inits.length <= LANES.min}
          >
            Remove last lane
          </button>
        </div>
      </div>
      <div class="race__row" role="group" aria-label="Network and training">
        <Slider
          label="Hidden layers"
          value={state.depth}
          min={DEPTH.min}
          max={DEPTH.max}
          onChange={(depth) => update({ depth })}
        />
        <Slider
          label="Width"
          value={state.width}
          min={WIDTH.min}
          max={WIDTH.max}
          onChange={(width) => update({ width })}
        />
        <Slider
          label="Learning rate"
          value={state.lr}
          min={LR.min}
          max={LR.max}
          log
          format={fmt}
          onChange={(lr) => update({ lr })}
        />
        <Slider
          label="Steps"
          value={state.steps}
          min={STEPS.min}
          max={STEPS.max}
          step={STEPS.step}
          onChange={(steps) => update({ steps })}
        />
        <Select<DatasetName>
          label="Data set"
          value={state.dataset}
          options={datasetOptions}
          onChange={(dataset) => update({ dataset })}
        />
      </div>
      <div class="race__row">
        <PlayControls
          playing={playing}
          step={snap.step}
          onPlay={race.play}
          onPause={race.pause}
          onStep={race.step}
          onReset={race.reset}
          disabled={snap.done}
        />
        <SeedControl seed={state.seed} onReseed={(seed) => update({ seed })} />
        <CopyLinkButton namespace={NAMESPACE} schema={schema} state={state} anchor={id} />
      </div>
    </>
  );

  return (
    <div ref={frame}>
      <DemoFrame id={id} title="Training race" controls={controls} summary={summary} notes={notes}>
        <p class="widget__figure-title">Loss while training (log scale)</p>
        <PlotFigure options={lossOptions} aspect={LOSS_ASPECT}>
          {isInitial ? loss : null}
        </PlotFigure>
        <div class="race__lanes">
          {snap.lanes.map((lane, k) => (
            <LanePanel
              key={`${k}-${lane.init}`}
              index={k}
              lane={lane}
              boundary={boundaries[k] ?? null}
              plane={plane}
              staticSvg={isInitial ? statics[k] : null}
            />
          ))}
        </div>
        <p class="race__legend">
          <span class="race__key" style={{ background: classColors.positive }} aria-hidden="true" /> output
          &gt; 0 (class +1){" "}
          <span class="race__key" style={{ background: classColors.negative }} aria-hidden="true" /> output
          &lt; 0 (class −1); pale where the net's output is near 0. Dots: the training data.
        </p>
      </DemoFrame>
    </div>
  );
}
