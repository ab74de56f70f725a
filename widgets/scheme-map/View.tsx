import type { ComponentChildren } from "preact";
import { DemoFrame, FieldControls, LinkControls } from "../ui/controls";
import { useDemoState } from "../ui/hooks";
import { PlotFigure } from "../ui/PlotFigure";
import { useExperiment } from "../ui/useExperiment";
import { experimentOptions } from "./run";
import { ASPECT, schemeMapFigure } from "./spec";
import { schemeMapDemo as demo, type SchemeMapState } from "./state";
import { FAMILIES, summarize } from "./summary";

export type SchemeMapProps = Partial<SchemeMapState> & {
  /** The summary of the initial state, computed at build (shown until the first live run finishes). */
  initialSummary: string;
  /** The build-time SVG (default slot). */
  children?: ComponentChildren;
};

/** Every initializer at once: which ones keep the signal and the gradient steady through 20 layers. */
export function SchemeMapIsland({ initialSummary, children, ...props }: SchemeMapProps) {
  const [state, update, notes] = useDemoState(demo, props);
  const run = useExperiment("signalByScheme", experimentOptions(state));
  const result = run.result;
  const summary = result ? summarize(state, result) : initialSummary;
  const controls = (
    <>
      <FieldControls fields={demo.fields} state={state} onChange={update} />
      <LinkControls demo={demo} state={state} onReseed={(seed) => update({ seed })} />
    </>
  );

  return (
    <DemoFrame demo={demo} controls={controls} summary={summary} notes={notes}>
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
      <PlotFigure figure={result ? schemeMapFigure(result, state.highlight, summary) : null} aspect={ASPECT}>
        {demo.same(state, demo.fromProps(props)) ? children : null}
      </PlotFigure>
    </DemoFrame>
  );
}
