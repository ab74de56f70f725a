import type { ComponentChildren } from "preact";
import type { SymmetrySnapshot } from "../../engine/experiments/symmetry";
import { DemoFrame, FieldControl, FieldControls, LinkControls, TrainingControls } from "../ui/controls";
import { count, sig } from "../ui/format";
import { useAnnounced, useDemoState } from "../ui/hooks";
import { PlotFigure } from "../ui/PlotFigure";
import { useTraining } from "../ui/useTraining";
import { createStepper, runKey } from "./run";
import { ASPECT, DIAGRAM, heatmapFigure, symmetryDiagram } from "./spec";
import { symmetryDemo, type SymmetryState } from "./state";
import { layerRows, movementSentence, spreadText, summarize } from "./summary";

export type SymmetryProps = Partial<SymmetryState> & {
  /** The build-time static SVG of the heatmaps in the initial state (passed by the Astro wrapper). */
  children?: ComponentChildren;
};

/** While training plays, the spoken summary changes at most every this many steps. */
const ANNOUNCE_EVERY = 1000;

/**
 * A 2-4-4-1 network trained by SGD from a constant initialization: a diagram and the weight matrices show that
 * tied units stay bit-identical, until ε noise breaks the tie.
 */
export function SymmetryIsland({ children, ...props }: SymmetryProps) {
  const [state, update, notes] = useDemoState(symmetryDemo, props);
  const key = runKey(state);
  const training = useTraining(() => createStepper(state), key, { stepSize: 1, perFrame: state.speed });
  const snap = training.snapshot;
  // the build-time heatmaps show the initial state only; after a restored link they would be the wrong ones
  const initial = snap.step === 0 && key === runKey(symmetryDemo.fromProps(props));
  const at = training.playing ? Math.floor(snap.step / ANNOUNCE_EVERY) : snap.step;
  const summary = useAnnounced(
    () => summarize(snap, state),
    `${key}|${training.playing}|${at}|${snap.divergedAt}`,
  );
  const fields = (keys: (keyof SymmetryState)[]) => (
    <FieldControls fields={symmetryDemo.fields} state={state} onChange={update} keys={keys} />
  );

  const controls = (
    <>
      {fields(["activation", "dataset"])}
      <FieldControl
        field={symmetryDemo.fields.constant}
        value={state.constant}
        onChange={(constant) => update({ constant: Number(constant.toFixed(2)) })}
      />
      {fields(state.noise ? ["noise", "epsilon", "lr", "speed"] : ["noise", "lr", "speed"])}
      <TrainingControls training={training} step={snap.step} />
      <LinkControls demo={symmetryDemo} state={state} onReseed={(seed) => update({ seed })} />
    </>
  );

  return (
    <DemoFrame demo={symmetryDemo} loop={training.loop} controls={controls} summary={summary} notes={notes}>
      <div class="sym">
        <Readout snap={snap} />
        <div class="widget__figures widget__figures--2">
          <div>
            <p class="widget__figure-title">The network: links coloured by sign, width by size</p>
            <NetworkDiagram snap={snap} />
            <Legend />
          </div>
          <LayerTable snap={snap} titleId={`${symmetryDemo.id}-layers`} />
        </div>
        <div>
          <p class="widget__figure-title">
            Each layer’s weights W (row i = weights into unit i) and biases b
          </p>
          <PlotFigure figure={heatmapFigure(snap)} aspect={ASPECT}>
            {initial ? children : null}
          </PlotFigure>
        </div>
      </div>
    </DemoFrame>
  );
}

/** The headline readout: the engine's symmetry measure over the whole net, the step and the loss. */
function Readout({ snap }: { snap: SymmetrySnapshot }) {
  return (
    <div class="sym-readout">
      <p class="sym-readout__main">
        Largest spread among tied weights:{" "}
        <strong class={snap.spread === 0 ? "sym-readout__tied" : "sym-readout__broken"}>
          {spreadText(snap.spread)}
        </strong>{" "}
        <span class="sym-readout__meta">
          step {count(snap.step)} · loss {sig(snap.loss)}
        </span>
      </p>
      {snap.divergedAt !== null ? (
        <p class="sym-readout__line sym-readout__line--diverged">
          <span class="widget__badge widget__badge--diverged">diverged</span> The loss became NaN or infinite
          at step {count(snap.divergedAt)}. The figures show the last finite state; reset, or lower the
          learning rate.
        </p>
      ) : (
        <p class="sym-readout__line">{movementSentence(snap)}</p>
      )}
    </div>
  );
}

/** Per layer: spread among tied weights and biases, and how far weights and biases moved since step 0. */
function LayerTable({ snap, titleId }: { snap: SymmetrySnapshot; titleId: string }) {
  return (
    <div class="sym-table-wrap">
      <p class="widget__figure-title" id={titleId}>
        Per layer, at step {count(snap.step)}
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
          {layerRows(snap).map((r) => (
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

/** The network as plain SVG (a few dozen attributes change per snapshot; no Plot run). */
export function NetworkDiagram({ snap }: { snap: SymmetrySnapshot }) {
  const { nodes, links, columns } = symmetryDiagram(snap);
  const label = `Network diagram, 2 inputs, two hidden layers of 4 units, 1 output. ${
    snap.spread === 0
      ? "Every hidden unit of a layer has identical links: the units are copies."
      : "The hidden units' links now differ from unit to unit."
  }`;
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
            <circle cx={n.x} cy={n.y} r={13} fill="var(--bg)" stroke="var(--fg-muted)" stroke-width={1.25} />
            {n.fillOpacity > 0 && (
              <circle cx={n.x} cy={n.y} r={11} fill={n.fill} fill-opacity={n.fillOpacity} />
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
