import type { ComponentChildren } from "preact";
import { useMemo } from "preact/hooks";
import { CopyLinkButton, DemoFrame, Select, SeedControl } from "../ui/controls";
import { useUrlState } from "../ui/hooks";
import { PlotFigure } from "../ui/PlotFigure";
import { useExperiment } from "../ui/useExperiment";
import {
  FAMILIES,
  NAMESPACE,
  activationOptions,
  experimentOptions,
  highlightOptions,
  schema,
  stateFromProps,
  summarize,
  type SchemeMapState,
} from "./model";
import { ASPECT, schemeMapSpec } from "./spec";

export type SchemeMapProps = Partial<SchemeMapState> & {
  id?: string;
  initialSummary: string;
  /** The build-time SVG (default slot). */
  children?: ComponentChildren;
};

/** Every initializer at once: which ones keep the activation variance steady through 20 layers. */
export function SchemeMapView(props: SchemeMapProps) {
  const { id = "demo-scheme-map", initialSummary } = props;
  const initial = useMemo(() => stateFromProps(props), []);
  const [state, update, notes] = useUrlState(NAMESPACE, schema, initial);
  const run = useExperiment("signalByScheme", experimentOptions(state));
  const result = run.result;
  const summary = result ? summarize(state, result) : initialSummary;
  const spec = useMemo(
    () => (result ? schemeMapSpec(result, state.highlight, summary) : null),
    [result, state.highlight, summary],
  );
  const isInitial = JSON.stringify(state) === JSON.stringify(initial);

  const controls = (
    <>
      <Select
        label="Activation"
        value={state.activation}
        options={activationOptions}
        onChange={(activation) => update({ activation })}
      />
      <Select
        label="Highlight"
        value={state.highlight}
        options={highlightOptions}
        onChange={(highlight) => update({ highlight })}
      />
      <SeedControl seed={state.seed} onReseed={(seed) => update({ seed })} />
      <CopyLinkButton namespace={NAMESPACE} schema={schema} state={state} anchor={id} />
    </>
  );

  return (
    <DemoFrame id={id} title="Every initializer at once" controls={controls} summary={summary} notes={notes}>
      <p class="widget__status">
        {run.kind === "computing" && result && <span class="widget__badge">computing…</span>}
        {run.kind === "error" && (
          <span class="widget__badge widget__badge--diverged">error: {run.message}</span>
        )}
      </p>
      <ul class="widget__legend">
        {FAMILIES.map((f) => (
          <li key={f.family}>
            <span class="swatch" style={{ background: f.color }} /> {f.label}
          </li>
        ))}
      </ul>
      <PlotFigure options={spec} aspect={ASPECT}>
        {isInitial ? props.children : null}
      </PlotFigure>
    </DemoFrame>
  );
}
