import type { ComponentChildren } from "preact";
import type { SaturationRunSnapshot } from "../../engine/experiments/saturation";
import { PlotFigure, type FigureSpec } from "../ui/PlotFigure";
import { DemoFrame, FieldControl, LinkControls, TrainingControls } from "../ui/controls";
import { count, sig } from "../ui/format";
import { useAnnounced, useDemoState } from "../ui/hooks";
import { useTraining } from "../ui/useTraining";
import { createStepper, perFrame } from "./run";
import { ASPECT, derivativeFigure, gradientFigure, lossFigure, saturatedFigure, zFigure } from "./spec";
import { saturationDemo, type SaturationState } from "./state";
import { lossNow, runLabel, summarize } from "./summary";

/** The build-time figures, one named slot each (passed by the Astro wrapper). */
interface StaticFigures {
  zhist?: ComponentChildren;
  dhist?: ComponentChildren;
  saturated?: ComponentChildren;
  gradient?: ComponentChildren;
  loss?: ComponentChildren;
}

export type SaturationProps = Partial<SaturationState> & StaticFigures;

/** While training, the spoken summary changes at most every this many steps. */
const ANNOUNCE_EVERY = 250;

function RunKey({ run, label }: { run: SaturationRunSnapshot; label: string }) {
  return (
    <li class={`sat-key sat-key--${run.key}`}>
      <span class="sat-key__swatch" aria-hidden="true" />
      <span class="sat-key__label">
        {run.key === "scaled" ? `${label} weights` : "Xavier (Glorot) normal"}
      </span>
      <span class="sat-key__loss">loss {sig(lossNow(run), 2, { pad: true })}</span>
      {run.verdict === "untrained" ? (
        // Holds the badge's place, so the row does not reflow when training starts.
        <span class="widget__badge sat-key__status--hidden" aria-hidden="true">
          learning
        </span>
      ) : (
        <span class={`widget__badge widget__badge--${run.verdict}`}>{run.verdict}</span>
      )}
    </li>
  );
}

function Figure(props: {
  title: string;
  note?: string;
  figure: FigureSpec;
  aspect: { wide: number; narrow: number };
  staticSvg: ComponentChildren;
}) {
  return (
    <div class="sat-figure">
      <p class="widget__figure-title">
        {props.title}
        {props.note && <span class="sat-figure__note"> {props.note}</span>}
      </p>
      <PlotFigure figure={props.figure} aspect={props.aspect}>
        {props.staticSvg}
      </PlotFigure>
    </div>
  );
}

/**
 * N(0, s²) weights against Xavier in a small sigmoid/tanh net: per-layer histograms of z and f′(z), fraction
 * saturated, gradient norms, and both loss curves, trained side by side on the kit's frame loop.
 */
export function SaturationIsland({ zhist, dhist, saturated, gradient, loss, ...props }: SaturationProps) {
  const [state, update, notes] = useDemoState(saturationDemo, props);
  const training = useTraining(() => createStepper(state), saturationDemo.key(state), {
    stepSize: perFrame(state),
    perFrame: perFrame(state),
  });
  const snap = training.snapshot;
  const initial = saturationDemo.same(state, saturationDemo.fromProps(props)) && snap.step === 0;
  // The build-time figures show the initial state only; after a restored link they would be the wrong ones.
  const shown = (svg: ComponentChildren) => (initial ? svg : null);
  const announced = training.playing ? Math.floor(snap.step / ANNOUNCE_EVERY) : snap.step;
  const summary = useAnnounced(
    () => summarize(snap),
    `${saturationDemo.key(state)}|${training.playing}|${announced}`,
  );
  const diverged = [snap.scaled, snap.baseline].filter((r) => r.verdict === "diverged");
  const fn = state.activation === "tanh" ? "tanh" : "σ";
  // per-layer statistics refresh every tenth of the run while training: say which step they show
  const at = snap.scaled.layersStep === snap.step ? "" : `, at step ${count(snap.scaled.layersStep)}`;
  const f = saturationDemo.fields;

  return (
    <div class="sat">
      <DemoFrame
        demo={saturationDemo}
        loop={training.loop}
        notes={notes}
        summary={summary}
        controls={
          <>
            <FieldControl field={f.scale} value={state.scale} onChange={(scale) => update({ scale })} />
            <FieldControl
              field={f.activation}
              value={state.activation}
              onChange={(activation) => update({ activation })}
            />
            <TrainingControls training={training} step={snap.step} />
            <LinkControls demo={saturationDemo} state={state} onReseed={(seed) => update({ seed })} />
          </>
        }
      >
        <ul class="sat-keys" aria-label="Runs">
          <RunKey run={snap.scaled} label={runLabel(snap, snap.scaled)} />
          <RunKey run={snap.baseline} label={runLabel(snap, snap.baseline)} />
        </ul>
        {diverged.length > 0 && (
          <p class="sat-diverged" role="alert">
            {diverged.map((r) => runLabel(snap, r)).join(" and ")} diverged: a weight or the loss became
            infinite or NaN, so training stopped there. The histograms show the last finite state.
          </p>
        )}
        <div class="widget__figures widget__figures--2">
          <Figure
            title={`Pre-activations z, per hidden layer${at}`}
            note={`(shaded: not saturated, ${fn}′(z) ≥ 2 % of its peak)`}
            figure={zFigure(snap)}
            aspect={ASPECT.histogram}
            staticSvg={shown(zhist)}
          />
          <Figure
            title={`Slope ${fn}′(z), per hidden layer${at}`}
            figure={derivativeFigure(snap)}
            aspect={ASPECT.histogram}
            staticSvg={shown(dhist)}
          />
          <Figure
            title={`Fraction of units saturated${at}`}
            figure={saturatedFigure(snap)}
            aspect={ASPECT.perLayer}
            staticSvg={shown(saturated)}
          />
          <Figure
            title={`Gradient norm of each layer's weights${at}`}
            figure={gradientFigure(snap)}
            aspect={ASPECT.perLayer}
            staticSvg={shown(gradient)}
          />
        </div>
        <Figure
          title={`Training loss over ${count(snap.horizon)} steps`}
          note={`(same data, seed and batches; lr ${snap.options.lr})`}
          figure={lossFigure(snap, undefined, true)}
          aspect={ASPECT.loss}
          staticSvg={shown(loss)}
        />
      </DemoFrame>
    </div>
  );
}
