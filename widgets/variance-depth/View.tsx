import type { ComponentChildren } from "preact";
import { useMemo } from "preact/hooks";
import { initializers, type InitializerId } from "../../engine/initializers";
import { CopyLinkButton, DemoFrame, Select, SeedControl, Slider } from "../ui/controls";
import { useUrlState } from "../ui/hooks";
import { PlotFigure } from "../ui/PlotFigure";
import { useExperimentPair } from "./useExperimentPair";
import {
  DEPTH,
  STD,
  hasStd,
  NAMESPACE,
  PRESETS,
  WIDTH,
  activationOptions,
  compareOptions,
  initOptions,
  modeOptions,
  modesOf,
  overflowLayer,
  schema,
  stateFromProps,
  summarize,
  type PresetName,
  type VarianceState,
} from "./model";
import { ASPECT, LAYER_COLORS, RUN_COLORS, histogramSpec, sampledLayers, varianceSpec } from "./spec";

export type VarianceDepthProps = Partial<VarianceState> & {
  preset?: PresetName;
  /** The anchor id of the demo (unique per page). */
  id?: string;
  /** The summary of the initial state, computed at build (shown until the first live run finishes). */
  initialSummary: string;
  /** Build-time SVGs of the four figures, passed as named slots by the Astro wrapper. */
  forward?: ComponentChildren;
  backward?: ComponentChildren;
  activationsHist?: ComponentChildren;
  gradientsHist?: ComponentChildren;
};

/** Variance of the signal and of the gradients layer by layer at initialisation, for any initializer. */
export function VarianceDepthView(props: VarianceDepthProps) {
  const { id = "demo-variance-by-depth", initialSummary } = props;
  const initial = useMemo(() => stateFromProps(props), []);
  const [state, update, notes] = useUrlState(NAMESPACE, schema, initial);
  const { runs, computing, error } = useExperimentPair(state);
  const isInitial = JSON.stringify(state) === JSON.stringify(initial);

  const summary = runs ? summarize(state, runs) : initialSummary;
  const specs = useMemo(() => {
    if (!runs) return null;
    const all = [runs.main, runs.compare];
    return {
      forward: varianceSpec(all, "z", summary),
      backward: varianceSpec(all, "dz", summary),
      activations: histogramSpec(runs.main, "a", summary),
      gradients: histogramSpec(runs.main, "dz", summary),
    };
  }, [runs, summary]);

  const modes = modesOf(state.init);
  const overflow = runs ? overflowLayer(runs.main) : null;
  const constant = runs ? runs.main.layers[0].z.variance === 0 : false;
  const layers = sampledLayers(runs ? runs.main.layers.length : state.depth);
  const mainLabel = initializers[state.init].label;
  const compareLabel = state.compare === "none" ? null : initializers[state.compare as InitializerId].label;

  const controls = (
    <>
      <Select
        label="Activation"
        value={state.activation}
        options={activationOptions}
        onChange={(activation) => update({ activation })}
      />
      <Select
        label="Initializer"
        value={state.init}
        options={initOptions}
        onChange={(init) => update({ init })}
      />
      <Select
        label="Compare with"
        value={state.compare}
        options={compareOptions}
        onChange={(compare) => update({ compare })}
      />
      {modes.length > 0 && (
        <Select
          label="Fan mode"
          value={state.mode}
          options={modeOptions.filter((m) => modes.includes(m.value))}
          onChange={(mode) => update({ mode })}
        />
      )}
      {hasStd(state.init) && (
        <Slider
          label="σ"
          value={state.std}
          min={STD.min}
          max={STD.max}
          log
          format={(x) => String(x)}
          onChange={(std) => update({ std })}
        />
      )}
      <Slider
        label="Depth"
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
        step={0.01}
        log
        format={(w) => String(Math.round(w))}
        onChange={(w) => update({ width: Math.round(w) })}
      />
      <div class="control control--presets" role="group" aria-label="Paper setups">
        {(Object.keys(PRESETS) as PresetName[]).map((name) => (
          <button key={name} type="button" class="button" onClick={() => update(PRESETS[name].state)}>
            {PRESETS[name].label}
          </button>
        ))}
      </div>
      <SeedControl seed={state.seed} onReseed={(seed) => update({ seed })} />
      <CopyLinkButton namespace={NAMESPACE} schema={schema} state={state} anchor={id} />
    </>
  );

  return (
    <DemoFrame id={id} title="Variance by depth" controls={controls} summary={summary} notes={notes}>
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
        {compareLabel && (
          <li>
            <span class="swatch" style={{ background: RUN_COLORS[1] }} /> {compareLabel}
          </li>
        )}
        <li>
          <span class="swatch swatch--line" /> measured
        </li>
        <li>
          <span class="swatch swatch--dashed" /> mean-field theory
        </li>
      </ul>
      {constant ? (
        <p class="widget__empty">
          Every weight is the same constant, so every pre-activation is exactly 0: there is no variance to
          draw on a log axis.
        </p>
      ) : (
        <>
          <div class="widget__figures widget__figures--2">
            <div>
              <p class="widget__figure-title">Forward: variance of the pre-activations</p>
              <PlotFigure options={specs?.forward ?? null} aspect={ASPECT}>
                {isInitial ? props.forward : null}
              </PlotFigure>
            </div>
            <div>
              <p class="widget__figure-title">Backward: variance of ∂L/∂z</p>
              <PlotFigure options={specs?.backward ?? null} aspect={ASPECT}>
                {isInitial ? props.backward : null}
              </PlotFigure>
            </div>
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
            <div>
              <p class="widget__figure-title">Activation histograms by layer</p>
              <PlotFigure options={specs?.activations ?? null} aspect={ASPECT}>
                {isInitial ? props.activationsHist : null}
              </PlotFigure>
            </div>
            <div>
              <p class="widget__figure-title">Back-propagated gradient histograms by layer</p>
              <PlotFigure options={specs?.gradients ?? null} aspect={ASPECT}>
                {isInitial ? props.gradientsHist : null}
              </PlotFigure>
            </div>
          </div>
        </>
      )}
    </DemoFrame>
  );
}
