import type { ComponentChildren } from "preact";
import { useEffect, useMemo, useRef } from "preact/hooks";
import { initializers } from "../../engine/initializers";
import { CopyLinkButton, DemoFrame, Select, SeedControl, Slider } from "../ui/controls";
import { useUrlState } from "../ui/hooks";
import { PlotFigure } from "../ui/PlotFigure";
import { useExperiment } from "../ui/useExperiment";
import {
  CHANNELS,
  FAN,
  KERNEL,
  NAMESPACE,
  fansOfState,
  initializerOptions,
  samplingOptions,
  schema,
  specsOf,
  stateFromProps,
  summarize,
  withInitializer,
  type ExplorerState,
} from "./model";
import { ASPECT, samplerSpec } from "./spec";

export type SamplerProps = Partial<
  Pick<ExplorerState, "initializer" | "fanIn" | "fanOut" | "seed" | "kernel">
> & {
  id?: string;
  initialSummary?: string;
  /** Every registry formula pre-rendered by KaTeX at build (named slot); the view shows the chosen one. */
  formulas?: ComponentChildren;
  /** The build-time SVG of the initial state (default slot). */
  children?: ComponentChildren;
};

const fmt = (x: number) => String(Number(x.toPrecision(4)));

/**
 * The formula explorer: pick an initializer, its parameters and the layer's fans (dense, or a conv kernel),
 * read its variance, bound, TeX and framework spellings, and compare 10,000 engine samples with its density.
 */
export function SamplerView(props: SamplerProps) {
  const { id = "demo-formula-explorer", initialSummary = "" } = props;
  const initial = useMemo(() => stateFromProps(props), []);
  const [state, update, urlNotes] = useUrlState(NAMESPACE, schema, initial);
  const { options, notes: paramNotes } = samplingOptions(state);
  const run = useExperiment("sampling", options);
  const result = run.result;
  const summary = result ? summarize(result) : initialSummary;
  const spec = useMemo(() => (result ? samplerSpec(result, summary) : null), [result, summary]);
  const isInitial = JSON.stringify(state) === JSON.stringify(initial);
  const entry = initializers[state.initializer];
  const fans = fansOfState(state);
  const variance = entry.variance(fans, options.params);
  const bound = entry.bound(fans, options.params);

  const texRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The build renders the chosen formula and keeps the others in <template>s; show the chosen one.
    const shown = texRef.current?.querySelector<HTMLElement>("[data-formula-shown]");
    const template = texRef.current?.querySelector<HTMLTemplateElement>(
      `template[data-formula="${state.initializer}"]`,
    );
    if (!shown || !template || shown.dataset.initializer === state.initializer) return;
    shown.replaceChildren(template.content.cloneNode(true));
    shown.dataset.initializer = state.initializer;
  }, [state.initializer]);

  const paramControls = specsOf(state.initializer).map((spec) =>
    spec.kind === "number" ? (
      <Slider
        key={spec.key}
        label={spec.label}
        value={state[spec.key]}
        min={spec.min}
        max={spec.max}
        step={spec.step}
        format={fmt}
        onChange={(v) => update({ [spec.key]: v })}
      />
    ) : (
      <Select
        key={spec.key}
        label={spec.label}
        value={spec.key === "mode" ? state.mode : state.distribution}
        options={spec.options.map((o) => ({ value: o, label: o }))}
        onChange={(v) => update({ [spec.key]: v })}
      />
    ),
  );

  const shapeControls =
    state.kernel === "dense" ? (
      <>
        <Slider
          label="Fan-in"
          value={state.fanIn}
          min={FAN.min}
          max={FAN.max}
          log
          step={0.01}
          format={(v) => String(Math.round(v))}
          onChange={(v) => update({ fanIn: Math.round(v) })}
        />
        <Slider
          label="Fan-out"
          value={state.fanOut}
          min={FAN.min}
          max={FAN.max}
          log
          step={0.01}
          format={(v) => String(Math.round(v))}
          onChange={(v) => update({ fanOut: Math.round(v) })}
        />
      </>
    ) : (
      <>
        <Slider
          label="Input channels"
          value={state.inChannels}
          min={CHANNELS.min}
          max={CHANNELS.max}
          log
          step={0.01}
          format={(v) => String(Math.round(v))}
          onChange={(v) => update({ inChannels: Math.round(v) })}
        />
        <Slider
          label="Output channels"
          value={state.outChannels}
          min={CHANNELS.min}
          max={CHANNELS.max}
          log
          step={0.01}
          format={(v) => String(Math.round(v))}
          onChange={(v) => update({ outChannels: Math.round(v) })}
        />
        <Slider
          label="Kernel height"
          value={state.kh}
          min={KERNEL.min}
          max={KERNEL.max}
          onChange={(kh) => update({ kh })}
        />
        <Slider
          label="Kernel width"
          value={state.kw}
          min={KERNEL.min}
          max={KERNEL.max}
          onChange={(kw) => update({ kw })}
        />
      </>
    );

  const controls = (
    <>
      <Select
        label="Initializer"
        value={state.initializer}
        options={initializerOptions}
        onChange={(next) => update((s) => withInitializer(s, next))}
      />
      <Select
        label="Layer"
        value={state.kernel}
        options={[
          { value: "dense", label: "Dense (fans)" },
          { value: "conv", label: "2-D convolution" },
        ]}
        onChange={(kernel) => update({ kernel })}
      />
      {shapeControls}
      {paramControls}
      <SeedControl seed={state.seed} onReseed={(seed) => update({ seed })} />
      <CopyLinkButton namespace={NAMESPACE} schema={schema} state={state} anchor={id} />
    </>
  );

  return (
    <DemoFrame
      id={id}
      title="Formula explorer"
      controls={controls}
      summary={summary}
      notes={[...urlNotes, ...paramNotes]}
    >
      <div class="explorer__facts">
        <div ref={texRef} class="explorer__tex">
          {props.formulas}
        </div>
        <dl class="explorer__numbers">
          <div>
            <dt>Fans</dt>
            <dd>
              fan-in {fans.fanIn}, fan-out {fans.fanOut}
              {state.kernel === "conv" && (
                <>
                  {" "}
                  — Keras kernel ({state.kh}, {state.kw}, {state.inChannels}, {state.outChannels}), PyTorch
                  weight ({state.outChannels}, {state.inChannels}, {state.kh}, {state.kw})
                </>
              )}
            </dd>
          </div>
          <div>
            <dt>Var W</dt>
            <dd>
              {fmt(variance)} (std {fmt(Math.sqrt(variance))})
            </dd>
          </div>
          <div>
            <dt>Bound</dt>
            <dd>{bound === null ? "none (unbounded or constant)" : `±${fmt(bound)}`}</dd>
          </div>
          <div>
            <dt>Keras</dt>
            <dd>
              <code>{entry.keras}</code>
            </dd>
          </div>
          <div>
            <dt>PyTorch</dt>
            <dd>
              <code>{entry.pytorch}</code>
            </dd>
          </div>
        </dl>
      </div>
      <p class="widget__status">
        {run.kind === "computing" && result && <span class="widget__badge">sampling…</span>}
        {run.kind === "error" && (
          <span class="widget__badge widget__badge--diverged">error: {run.message}</span>
        )}
      </p>
      <PlotFigure options={spec} aspect={ASPECT}>
        {isInitial ? props.children : null}
      </PlotFigure>
      <p class="widget__aside">{entry.note}</p>
    </DemoFrame>
  );
}
