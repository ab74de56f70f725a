import type { ComponentChildren } from "preact";
import { useMemo, useRef, useState } from "preact/hooks";
import { PlotFigure } from "../ui/PlotFigure";
import { CopyLinkButton, DemoFrame, PlayControls, SeedControl, Select, Slider } from "../ui/controls";
import { useFrameLoop, useInView, useUrlState } from "../ui/hooks";
import {
  ANCHOR,
  NAMESPACE,
  SCALE_RANGE,
  TITLE,
  advanceInPlace,
  createRuns,
  finished,
  horizon,
  formatNumber,
  formatScale,
  layerSnapshot,
  schema,
  stateFromProps,
  stepsPerFrame,
  summarize,
  viewOf,
  withLayers,
  type RunView,
  type SaturationState,
  type LayerSnapshot,
} from "./model";
import { ASPECT, derivativeSpec, gradientSpec, lossSpec, saturatedSpec, zSpec } from "./spec";
import { groupDigits } from "../ui/format";

/** The build-time figures, one named slot each (passed by the Astro wrapper). */
interface StaticFigures {
  zhist?: ComponentChildren;
  dhist?: ComponentChildren;
  saturated?: ComponentChildren;
  gradient?: ComponentChildren;
  loss?: ComponentChildren;
}

export type SaturationProps = Partial<SaturationState> & StaticFigures;

const activationOptions = [
  { value: "tanh", label: "tanh" },
  { value: "sigmoid", label: "sigmoid" },
] as const;

/** While training, the spoken summary changes at most every this many steps. */
const ANNOUNCE_EVERY = 250;

/** What the drawing frames redraw, in turn, while training. */
const DRAW_CYCLE = ["loss", "z", "loss", "d", "loss", "bars"] as const;

function RunKey({ run }: { run: RunView }) {
  return (
    <li class={`sat-key sat-key--${run.key}`}>
      <span class="sat-key__swatch" aria-hidden="true" />
      <span class="sat-key__label">
        {run.key === "scaled" ? `${run.label} weights` : "Xavier (Glorot) normal"}
      </span>
      <span class="sat-key__loss">loss {formatNumber(run.lossNow)}</span>
      {run.status === "diverged" ? (
        <span class="widget__badge widget__badge--diverged">diverged</span>
      ) : run.status === "untrained" ? (
        // Holds the badge's place, so the row does not reflow when training starts.
        <span class="widget__badge sat-key__status--hidden" aria-hidden="true">
          learning
        </span>
      ) : (
        <span class={`widget__badge sat-status--${run.status}`}>{run.status}</span>
      )}
    </li>
  );
}

function Figure(props: {
  title: string;
  note?: string;
  options: Parameters<typeof PlotFigure>[0]["options"];
  aspect: { wide: number; narrow: number };
  staticSvg: ComponentChildren;
}) {
  return (
    <div class="sat-figure">
      <p class="widget__figure-title">
        {props.title}
        {props.note && <span class="sat-figure__note"> {props.note}</span>}
      </p>
      <PlotFigure options={props.options} aspect={props.aspect}>
        {props.staticSvg}
      </PlotFigure>
    </div>
  );
}

/**
 * N(0, s²) weights against Xavier in a small sigmoid/tanh net: per-layer histograms of z and f′(z), fraction
 * saturated, gradient norms, and both loss curves, trained side by side in animation-frame slices.
 */
export function SaturationView({ zhist, dhist, saturated, gradient, loss, ...props }: SaturationProps) {
  const initial = useMemo(() => stateFromProps(props), []);
  const [state, update, notes] = useUrlState(NAMESPACE, schema, initial);
  const runs = useMemo(() => createRuns(state), [state]);
  const [playing, setPlaying] = useState(false);
  // What to redraw: the loss curve, the z histograms (with a fresh per-layer snapshot), the f′ histograms and
  // the per-layer dumbbells (both from the latest snapshot).
  const [tick, setTick] = useState({ loss: 0, z: 0, d: 0, bars: 0 });
  const bumpAll = () => setTick((t) => ({ loss: t.loss + 1, z: t.z + 1, d: t.d + 1, bars: t.bars + 1 }));

  const histRef = useRef<LayerSnapshot | undefined>(undefined);
  const layers = useMemo(() => layerSnapshot(runs, histRef.current), [runs, tick.z]);
  histRef.current = layers;
  const derivativeLayers = useMemo(() => layers, [runs, tick.d]);
  const barLayers = useMemo(() => layers, [runs, tick.bars]);
  const view = useMemo(() => viewOf(runs, layers), [runs, layers, tick.loss]);

  const frame = useRef<HTMLDivElement>(null);
  const inView = useInView(frame);
  const done = finished(runs);

  // A frame either trains (up to its budget) or redraws one group of figures, never more, so no task grows
  // long: even frames train, odd frames redraw in turn the loss, the z histograms, the loss, the f′ histograms,
  // the loss, the dumbbells. After the last step the drawing frames go on until every group shows it.
  const frameCount = useRef(0);
  const drawCount = useRef(0);
  const drawnSinceFinish = useMemo(() => new Set<string>(), [runs]);
  useFrameLoop(
    playing && inView,
    (deadline) => {
      const frameNo = frameCount.current++;
      if (!finished(runs) && frameNo % 2 === 0) {
        const target = Math.min(runs.step + 2 * stepsPerFrame(runs.state), horizon(runs));
        while (runs.step < target && performance.now() < deadline) advanceInPlace(runs, 1);
        return true;
      }
      const kind = DRAW_CYCLE[drawCount.current++ % DRAW_CYCLE.length];
      setTick((t) => ({ ...t, [kind]: t[kind] + 1 }));
      if (!finished(runs)) return true;
      drawnSinceFinish.add(kind);
      if (drawnSinceFinish.size < new Set(DRAW_CYCLE).size) return true;
      setPlaying(false);
      return false;
    },
    10,
  );

  const restart = (change: Partial<SaturationState>) => {
    setPlaying(false);
    update(change);
  };
  const reset = () => {
    setPlaying(false);
    update((s) => ({ ...s }));
  };
  const pause = () => {
    setPlaying(false);
    bumpAll();
  };
  const stepOnce = () => {
    advanceInPlace(runs, stepsPerFrame(runs.state));
    bumpAll();
  };

  // Spoken and shown: refreshed on every change while paused, every ANNOUNCE_EVERY steps while training.
  const announceKey = playing ? Math.floor(view.step / ANNOUNCE_EVERY) : view.step;
  const summary = useMemo(() => summarize(view), [runs, announceKey, playing]);
  const zOptions = useMemo(() => zSpec(view), [layers]);
  const derivativeOptions = useMemo(
    () => derivativeSpec(withLayers(view, derivativeLayers)),
    [derivativeLayers],
  );
  const barSpecs = useMemo(() => {
    const v = withLayers(view, barLayers);
    return { saturated: saturatedSpec(v), gradient: gradientSpec(v) };
  }, [barLayers]);
  const lossOptions = useMemo(() => lossSpec(view, undefined, true), [runs, tick.loss]);
  const specs = { z: zOptions, d: derivativeOptions, ...barSpecs, loss: lossOptions };
  // The build-time figures show the initial state only; after a restored link they would be the wrong ones.
  const isInitial = JSON.stringify(state) === JSON.stringify(initial) && view.step === 0;
  const shown = (svg: ComponentChildren) => (isInitial ? svg : null);

  const diverged = [view.scaled, view.baseline].filter((r) => r.status === "diverged");
  const fn = state.activation === "tanh" ? "tanh" : "σ";

  return (
    <div ref={frame} class="sat">
      <DemoFrame
        id={ANCHOR}
        title={TITLE}
        notes={notes}
        summary={summary}
        controls={
          <>
            <Slider
              label="Weight scale s"
              value={state.scale}
              min={SCALE_RANGE.min}
              max={SCALE_RANGE.max}
              log
              format={(s) => `${formatScale(s)} (weights ~ N(0, s²))`}
              onChange={(scale) => restart({ scale })}
            />
            <Select
              label="Activation"
              value={state.activation}
              options={activationOptions}
              onChange={(activation) => restart({ activation })}
            />
            <PlayControls
              playing={playing}
              step={view.step}
              onPlay={() => setPlaying(true)}
              onPause={pause}
              onStep={stepOnce}
              onReset={reset}
              disabled={done}
            />
            <SeedControl seed={state.seed} onReseed={(seed) => restart({ seed })} />
            <CopyLinkButton namespace={NAMESPACE} schema={schema} state={state} anchor={ANCHOR} />
          </>
        }
      >
        <ul class="sat-keys" aria-label="Runs">
          <RunKey run={view.scaled} />
          <RunKey run={view.baseline} />
        </ul>
        {diverged.length > 0 && (
          <p class="sat-diverged" role="alert">
            {diverged.map((r) => r.label).join(" and ")} diverged: a weight or the loss became infinite or
            NaN, so training stopped there. The histograms show the last finite state.
          </p>
        )}
        <div class="widget__figures widget__figures--2">
          <Figure
            title="Pre-activations z, per hidden layer"
            note={`(shaded: ${fn}′(z) not ≈ 0)`}
            options={specs.z}
            aspect={ASPECT.histogram}
            staticSvg={shown(zhist)}
          />
          <Figure
            title={`Slope ${fn}′(z), per hidden layer`}
            options={specs.d}
            aspect={ASPECT.histogram}
            staticSvg={shown(dhist)}
          />
          <Figure
            title="Fraction of units saturated"
            options={specs.saturated}
            aspect={ASPECT.perLayer}
            staticSvg={shown(saturated)}
          />
          <Figure
            title="Gradient norm of each layer's weights"
            options={specs.gradient}
            aspect={ASPECT.perLayer}
            staticSvg={shown(gradient)}
          />
        </div>
        <Figure
          title={`Training loss over ${groupDigits(view.horizon)} steps`}
          note={`(same data, seed and batches; lr ${runs.scaled.options.lr})`}
          options={specs.loss}
          aspect={ASPECT.loss}
          staticSvg={shown(loss)}
        />
      </DemoFrame>
    </div>
  );
}
