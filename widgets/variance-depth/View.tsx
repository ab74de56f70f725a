import type { ComponentChildren } from "preact";
import { initializers } from "../../engine/initializers";
import { DemoFrame, FieldControl, FieldControls, LinkControls } from "../ui/controls";
import { useDemoState } from "../ui/hooks";
import { PlotFigure, type FigureSpec } from "../ui/PlotFigure";
import { useExperiment } from "../ui/useExperiment";
import { experimentOptions, hasStd, modesOf, type VarianceRuns } from "./run";
import { ASPECT, LAYER_COLORS, RUN_COLORS, figures, sampledLayers } from "./spec";
import { PRESETS, varianceDepthDemo as demo, type PresetName, type VarianceState } from "./state";
import { isConstant, overflowLayer, summarize } from "./summary";

export type VarianceDepthProps = Partial<VarianceState> & {
  /** The summary of the initial state, computed at build (shown until the first live run finishes). */
  initialSummary: string;
  /** Build-time SVGs of the four figures, passed as named slots by the Astro wrapper. */
  forward?: ComponentChildren;
  backward?: ComponentChildren;
  activationsHist?: ComponentChildren;
  gradientsHist?: ComponentChildren;
};

function Figure(props: { title: string; figure: FigureSpec | undefined; staticSvg: ComponentChildren }) {
  return (
    <div>
      <p class="widget__figure-title">{props.title}</p>
      <PlotFigure figure={props.figure ?? null} aspect={ASPECT}>
        {props.staticSvg}
      </PlotFigure>
    </div>
  );
}

/** Variance of the signal and of the gradients layer by layer at initialisation, for any initializer. */
export function VarianceDepthIsland(allProps: VarianceDepthProps) {
  const { initialSummary, forward, backward, activationsHist, gradientsHist, ...props } = allProps;
  const [state, update, notes] = useDemoState(demo, props);
  // the chosen initializer and the comparison run side by side in the compute worker
  const main = useExperiment("varianceByDepth", experimentOptions(state, state.init));
  const other = useExperiment(
    "varianceByDepth",
    experimentOptions(state, state.compare === "none" ? state.init : state.compare),
    state.compare !== "none",
  );
  const runs: VarianceRuns | null =
    main.result && (state.compare === "none" || other.result)
      ? { main: main.result, compare: state.compare === "none" ? null : other.result }
      : null;
  const computing = main.kind === "computing" || (state.compare !== "none" && other.kind === "computing");
  const error = main.kind === "error" ? main.message : other.kind === "error" ? other.message : null;

  const summary = runs ? summarize(state, runs) : initialSummary;
  const figs = runs ? figures(runs, summary) : null;
  // The build-time figures show the author's state only; after a restored link they would be the wrong ones.
  const shown = (svg: ComponentChildren) => (demo.same(state, demo.fromProps(props)) ? svg : null);
  const modes = modesOf(state.init);
  const overflow = runs ? overflowLayer(runs.main) : null;
  const layers = sampledLayers(runs ? runs.main.layers.length : state.depth);
  const mainLabel = initializers[state.init].label;
  const f = demo.fields;

  const controls = (
    <>
      <FieldControls fields={f} state={state} onChange={update} keys={["activation", "init", "compare"]} />
      {modes.length > 0 && (
        <FieldControl field={f.mode} value={state.mode} only={modes} onChange={(mode) => update({ mode })} />
      )}
      <FieldControls
        fields={f}
        state={state}
        onChange={update}
        keys={hasStd(state.init) ? ["std", "depth", "width"] : ["depth", "width"]}
      />
      <div class="control control--presets" role="group" aria-label="Paper setups">
        {(Object.keys(PRESETS) as PresetName[]).map((name) => (
          <button key={name} type="button" class="button" onClick={() => update(PRESETS[name].state)}>
            {PRESETS[name].label}
          </button>
        ))}
      </div>
      <LinkControls demo={demo} state={state} onReseed={(seed) => update({ seed })} />
    </>
  );

  return (
    <DemoFrame demo={demo} controls={controls} summary={summary} notes={notes}>
      <p class="widget__status">
        {computing && runs && <span class="widget__badge">computing…</span>}
        {overflow !== null && (
          <span class="widget__badge widget__badge--diverged">diverged at layer {overflow}</span>
        )}
        {error && <span class="widget__badge widget__badge--diverged">error: {error}</span>}
        {modes.length > 0 && state.mode !== "fan_in" && (
          <span class="widget__badge">
            every layer here is square (fan-in = fan-out), so the fan mode changes nothing
          </span>
        )}
      </p>
      <ul class="widget__legend">
        <li>
          <span class="swatch" style={{ background: RUN_COLORS[0] }} /> {mainLabel}
        </li>
        {state.compare !== "none" && (
          <li>
            <span class="swatch" style={{ background: RUN_COLORS[1] }} /> {initializers[state.compare].label}
          </li>
        )}
        <li>
          <span class="swatch swatch--line" /> measured
        </li>
        <li>
          <span class="swatch swatch--dashed" /> mean-field theory
        </li>
      </ul>
      {runs && isConstant(runs.main) ? (
        <p class="widget__empty">
          Every weight is the same constant, so every pre-activation is exactly 0: there is no variance to
          draw on a log axis.
        </p>
      ) : (
        <>
          <div class="widget__figures widget__figures--2">
            <Figure
              title="Forward: variance of the pre-activations"
              figure={figs?.forward}
              staticSvg={shown(forward)}
            />
            <Figure title="Backward: variance of ∂L/∂z" figure={figs?.backward} staticSvg={shown(backward)} />
          </div>
          <ul class="widget__legend">
            {layers.map((l, i) => (
              <li key={l}>
                <span class="swatch" style={{ background: LAYER_COLORS[i] }} /> layer {l}
              </li>
            ))}
            <li>({mainLabel})</li>
          </ul>
          <div class="widget__figures widget__figures--2">
            <Figure
              title="Activation histograms by layer"
              figure={figs?.activations}
              staticSvg={shown(activationsHist)}
            />
            <Figure
              title="Back-propagated gradient histograms by layer"
              figure={figs?.gradients}
              staticSvg={shown(gradientsHist)}
            />
          </div>
        </>
      )}
    </DemoFrame>
  );
}
