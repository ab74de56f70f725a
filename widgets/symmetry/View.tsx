import type { ComponentChildren } from "preact";
import { useCallback, useMemo, useRef, useState } from "preact/hooks";
import { activations } from "../../engine/activations";
import { CopyLinkButton, DemoFrame, PlayControls, SeedControl, Select, Slider, Toggle } from "../ui/controls";
import { useFrameLoop, useInView, useUrlState } from "../ui/hooks";
import { PlotFigure } from "../ui/PlotFigure";
import {
  ACTIVATION_CHOICES,
  advance,
  createRun,
  DATASET_CHOICES,
  DEMO_ID,
  fmt,
  isDiverged,
  MAX_STEPS,
  NAMESPACE,
  movementSentence,
  RANGES,
  readoutRows,
  runKey,
  schema,
  snapshot,
  SPEED_CHOICES,
  spreadText,
  stateFromProps,
  summarize,
  type Snapshot,
  type SymmetryDemoState,
} from "./model";
import { ASPECT, DIAGRAM, diagramLayout, heatmapSpec } from "./spec";
import { groupDigits } from "../ui/format";

export type SymmetryProps = Partial<SymmetryDemoState> & {
  /** The section id a copied link scrolls to. */
  id?: string;
  /** The build-time static SVG of the heatmaps in the initial state (passed by the Astro wrapper). */
  children?: ComponentChildren;
};

const activationOptions = ACTIVATION_CHOICES.map((a) => ({ value: a, label: activations[a].label }));
const datasetLabels: Record<(typeof DATASET_CHOICES)[number], string> = {
  xor: "XOR",
  circle: "Circle",
  gaussian: "Two Gaussians",
  spiral: "Spiral",
};
const datasetOptions = DATASET_CHOICES.map((d) => ({ value: d, label: datasetLabels[d] }));
const speedOptions = SPEED_CHOICES.map((n) => ({
  value: String(n),
  label: `${n} step${n === 1 ? "" : "s"} per frame`,
}));

/** How often (in steps) the spoken summary is refreshed while training plays. */
const ANNOUNCE_EVERY = 1000;
/** The heatmaps redraw at most this often while training plays; the diagram and readouts every frame. */
const HEATMAP_MS = 200;

interface View {
  run: ReturnType<typeof createRun>;
  snap: Snapshot;
  /** What the heatmaps draw: redrawn at most every HEATMAP_MS while playing (a Plot redraw is the costly part). */
  heat: Snapshot;
  heatAt: number;
  /** Step at which training blew up; the snapshot is then the last finite one. */
  diverged: number | null;
}

/**
 * A 2-4-4-1 network trained by SGD from a constant initialization: a diagram and the weight matrices show that
 * tied units stay bit-identical, until ε noise breaks the tie.
 */
const fresh = (run: ReturnType<typeof createRun>): View => {
  const snap = snapshot(run);
  return { run, snap, heat: snap, heatAt: 0, diverged: null };
};

export function SymmetryView({ children, id = DEMO_ID, ...props }: SymmetryProps) {
  const initial = useMemo(() => stateFromProps(props), []);
  const [state, update, notes] = useUrlState(NAMESPACE, schema, initial);
  const [generation, setGeneration] = useState(0);
  const key = runKey(state);
  const run = useMemo(() => createRun(state), [key, generation]);
  const [stored, setView] = useState<View | null>(null);
  const view: View = stored?.run === run ? stored : fresh(run);
  const [playing, setPlaying] = useState(false);
  const [announced, setAnnounced] = useState("");
  const figuresRef = useRef<HTMLDivElement>(null);
  const inView = useInView(figuresRef);

  const { snap, diverged } = view;
  const liveSummary = summarize(snap, state, diverged);
  const summary = playing && announced ? announced : liveSummary;

  /** Takes steps (up to `steps`, within `deadline`), then publishes the new state or the divergence. */
  const stepRun = useCallback(
    (steps: number, deadline: number) => {
      const before = view.snap.step;
      // A frame that redraws the heatmaps trains nothing, so no frame does both costly things at once.
      const start = performance.now();
      if (deadline !== Infinity && start - view.heatAt >= HEATMAP_MS && view.heat !== view.snap) {
        setView({ ...view, heat: view.snap, heatAt: start });
        return true;
      }
      advance(run, steps, deadline, () => performance.now());
      const next = snapshot(run);
      if (isDiverged(next)) {
        setView({ ...view, heat: view.snap, diverged: next.step });
        setPlaying(false);
        return false;
      }
      const redraw = deadline === Infinity || next.step >= MAX_STEPS;
      setView({ run, snap: next, heat: redraw ? next : view.heat, heatAt: view.heatAt, diverged: null });
      if (Math.floor(next.step / ANNOUNCE_EVERY) !== Math.floor(before / ANNOUNCE_EVERY))
        setAnnounced(summarize(next, state));
      if (next.step >= MAX_STEPS) {
        setPlaying(false);
        return false;
      }
      return true;
    },
    [run, view, state],
  );

  useFrameLoop(playing && inView && diverged === null, (deadline) => stepRun(state.speed, deadline), 8);

  const reset = () => {
    setPlaying(false);
    setGeneration((g) => g + 1);
  };
  const atEnd = snap.step >= MAX_STEPS || diverged !== null;

  const controls = (
    <>
      <Select
        label="Hidden activation"
        value={state.activation}
        options={activationOptions}
        onChange={(activation) => update({ activation })}
      />
      <Select
        label="Data set"
        value={state.dataset}
        options={datasetOptions}
        onChange={(dataset) => update({ dataset })}
      />
      <Slider
        label="Every weight starts at c ="
        value={state.constant}
        min={RANGES.constant.min}
        max={RANGES.constant.max}
        step={RANGES.constant.step}
        format={fmt}
        onChange={(constant) => update({ constant: Number(constant.toFixed(2)) })}
      />
      <Toggle
        label="Add ε noise to the initial weights"
        checked={state.noise}
        onChange={(noise) => update({ noise })}
      />
      {state.noise && (
        <Slider
          label="Noise ε"
          value={state.epsilon}
          min={RANGES.epsilon.min}
          max={RANGES.epsilon.max}
          log
          format={fmt}
          onChange={(epsilon) => update({ epsilon })}
        />
      )}
      <Slider
        label="Learning rate"
        value={state.lr}
        min={RANGES.lr.min}
        max={RANGES.lr.max}
        log
        format={fmt}
        onChange={(lr) => update({ lr })}
      />
      <Select
        label="Speed"
        value={String(state.speed)}
        options={speedOptions}
        onChange={(speed) => update({ speed: Number(speed) })}
      />
      <PlayControls
        playing={playing}
        step={snap.step}
        onPlay={() => {
          setAnnounced(liveSummary);
          setPlaying(true);
        }}
        onPause={() => {
          setPlaying(false);
          setView({ ...view, heat: view.snap });
        }}
        onStep={() => stepRun(1, Infinity)}
        onReset={reset}
        disabled={atEnd}
      />
      <SeedControl seed={state.seed} onReseed={(seed) => update({ seed })} />
      <CopyLinkButton namespace={NAMESPACE} schema={schema} state={state} anchor={id} />
    </>
  );

  return (
    <DemoFrame
      id={id}
      title="A small network training from a constant"
      controls={controls}
      summary={summary}
      notes={notes}
    >
      <div ref={figuresRef} class="sym">
        <Readout snap={snap} diverged={diverged} />
        <div class="widget__figures widget__figures--2">
          <div>
            <p class="widget__figure-title">The network: links coloured by sign, width by size</p>
            <NetworkDiagram snap={snap} />
            <Legend />
          </div>
          <LayerTable snap={snap} titleId={`${id}-layers`} />
        </div>
        <div>
          <p class="widget__figure-title">
            Each layer’s weights W (row i = weights into unit i) and biases b
          </p>
          <Heatmaps snap={view.heat} state={state} initial={snap.step === 0 && key === runKey(initial)}>
            {children}
          </Heatmaps>
        </div>
      </div>
    </DemoFrame>
  );
}

function Heatmaps(props: {
  snap: Snapshot;
  state: SymmetryDemoState;
  initial: boolean;
  children?: ComponentChildren;
}) {
  const options = useMemo(
    () => heatmapSpec(props.snap, summarize(props.snap, props.state)),
    [props.snap, props.state],
  );
  return (
    <PlotFigure options={options} aspect={ASPECT}>
      {props.initial ? props.children : null}
    </PlotFigure>
  );
}

/** The headline readout: the engine's symmetry measure over the whole net, the step and the loss. */
function Readout({ snap, diverged }: { snap: Snapshot; diverged: number | null }) {
  return (
    <div class="sym-readout">
      <p class="sym-readout__main">
        Largest spread among tied weights:{" "}
        <strong class={snap.spread === 0 ? "sym-readout__tied" : "sym-readout__broken"}>
          {spreadText(snap.spread)}
        </strong>{" "}
        <span class="sym-readout__meta">
          step {groupDigits(snap.step)} · loss {fmt(snap.loss)}
        </span>
      </p>
      {diverged !== null ? (
        <p class="sym-readout__line sym-readout__line--diverged">
          <span class="widget__badge widget__badge--diverged">diverged</span> The loss became NaN or infinite
          at step {groupDigits(diverged)}. The figures show the last finite state; reset, or lower the
          learning rate.
        </p>
      ) : (
        <p class="sym-readout__line">{movementSentence(snap)}</p>
      )}
    </div>
  );
}

/** Per layer: spread among tied weights and biases, and how far weights and biases moved since step 0. */
function LayerTable({ snap, titleId }: { snap: Snapshot; titleId: string }) {
  const rows = readoutRows(snap);
  return (
    <div class="sym-table-wrap">
      <p class="widget__figure-title" id={titleId}>
        Per layer, at step {groupDigits(snap.step)}
      </p>
      <table class="sym-table" aria-labelledby={titleId}>
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col">Spread among tied weights</th>
            <th scope="col">Weights moved</th>
            <th scope="col">Biases moved</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <th scope="row">
                {r.name} <span class="sym-table__sub">{r.label}</span>
              </th>
              <td>
                {r.spread} <span class="sym-table__sub">{r.tied ? "bit-identical" : "units differ"}</span>
              </td>
              <td class={r.weightsMoved === "exactly 0" ? "sym-table__frozen" : undefined}>
                {r.weightsMoved}
              </td>
              <td>{r.biasesMoved}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="sym-table__note">
        Spread = max − min over weights that a constant start keeps equal (all weights out of one input; every
        weight of a later layer); moved = largest change of any weight or bias since step 0.
      </p>
    </div>
  );
}

function NetworkDiagram({ snap }: { snap: Snapshot }) {
  const { nodes, links, columns } = diagramLayout(snap);
  const label =
    snap.spread === 0
      ? "Network diagram, 2 inputs, two hidden layers of 4 units, 1 output. Every hidden unit of a layer has identical links: the units are copies."
      : "Network diagram, 2 inputs, two hidden layers of 4 units, 1 output. The hidden units' links now differ from unit to unit.";
  return (
    <svg
      class="sym-diagram"
      viewBox={`0 0 ${DIAGRAM.width} ${DIAGRAM.height}`}
      role="img"
      aria-label={label}
      preserveAspectRatio="xMidYMid meet"
    >
      {columns.map((c) => (
        <text key={c.label} x={c.x} y={16} text-anchor="middle" class="sym-diagram__column">
          {c.label}
        </text>
      ))}
      <g>
        {links.map((l) => (
          <line
            key={l.key}
            x1={l.x1}
            y1={l.y1}
            x2={l.x2}
            y2={l.y2}
            stroke={l.stroke}
            stroke-width={l.strokeWidth}
            stroke-dasharray={l.dashed ? "3 3" : undefined}
            stroke-linecap="round"
            opacity={l.dashed ? 0.7 : 0.85}
          />
        ))}
      </g>
      <g>
        {nodes.map((n) => (
          <g key={n.key}>
            <circle cx={n.x} cy={n.y} r={n.r} fill="var(--bg)" stroke="var(--fg-muted)" stroke-width={1.25} />
            {n.fillOpacity > 0 && (
              <circle cx={n.x} cy={n.y} r={n.r - 2} fill={n.fill} fill-opacity={n.fillOpacity} />
            )}
            <text x={n.x} y={n.y} dy="0.35em" text-anchor="middle" class="sym-diagram__node">
              {n.label}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}

/** One legend entry: a short sample of a link's line style, then its meaning. */
function LegendLine(props: { stroke: string; width: number; dash?: string; label: string }) {
  return (
    <span class="sym-legend__item">
      <svg viewBox="0 0 24 8" aria-hidden="true">
        <line
          x1="1"
          y1="4"
          x2="23"
          y2="4"
          stroke={props.stroke}
          stroke-width={props.width}
          stroke-dasharray={props.dash}
          stroke-linecap={props.dash ? undefined : "round"}
        />
      </svg>
      {props.label}
    </span>
  );
}

function Legend() {
  return (
    <p class="sym-legend">
      <LegendLine stroke="var(--series-1)" width={4} label="positive" />
      <LegendLine stroke="var(--series-2)" width={4} label="negative" />
      <LegendLine stroke="var(--fg-muted)" width={1} dash="3 3" label="exactly 0" />
      <span class="sym-legend__item">node fill = bias</span>
    </p>
  );
}
