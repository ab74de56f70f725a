import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { initializers } from "../../engine/initializers";
import { DemoFrame, FieldControls, InitializerControl, LinkControls } from "../ui/controls";
import { sig } from "../ui/format";
import { useDemoState } from "../ui/hooks";
import { PlotFigure } from "../ui/PlotFigure";
import { useExperiment } from "../ui/useExperiment";
import { fansOfState, samplingOptions } from "./run";
import { ASPECT, samplesFigure } from "./spec";
import { formulaExplorerDemo as demo, paramsOf, withInitializer, type ExplorerState } from "./state";
import { summarize } from "./summary";

export type FormulaExplorerProps = Partial<ExplorerState> & {
  /** The summary of the initial state, computed at build (shown until the first live sample finishes). */
  initialSummary?: string;
  /** Every registry formula pre-rendered by KaTeX at build (named slot); the view shows the chosen one. */
  formulas?: ComponentChildren;
  /** The build-time SVG of the initial state (default slot). */
  children?: ComponentChildren;
};

/** Four significant digits, as every number beside the formula. */
const num = (x: number) => sig(x, 4);

/**
 * Pick an initializer, its parameters and the layer's fans (dense, or a conv kernel), read its variance,
 * bound, TeX and framework spellings, and compare 10,000 engine samples with its density.
 */
export function FormulaExplorerIsland(allProps: FormulaExplorerProps) {
  const { initialSummary = "", formulas, children, ...props } = allProps;
  const [state, update, notes] = useDemoState(demo, props);
  const { options, notes: runNotes } = samplingOptions(state);
  const run = useExperiment("sampling", options);
  const result = run.result;
  const summary = result ? summarize(result) : initialSummary;
  const entry = initializers[state.initializer];
  const fans = fansOfState(state);
  const variance = entry.variance(fans, paramsOf(state));
  const bound = entry.bound(fans, paramsOf(state));

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

  const controls = (
    <>
      <InitializerControl
        value={state.initializer}
        onChange={(id) => update(withInitializer(id))}
        params={state}
        onParams={(params) => update(params as Partial<ExplorerState>)}
      />
      <FieldControls
        fields={demo.fields}
        state={state}
        onChange={update}
        keys={
          state.kernel === "dense"
            ? ["kernel", "fanIn", "fanOut"]
            : ["kernel", "inChannels", "outChannels", "kh", "kw"]
        }
      />
      <LinkControls demo={demo} state={state} onReseed={(seed) => update({ seed })} />
    </>
  );

  return (
    <DemoFrame demo={demo} controls={controls} summary={summary} notes={[...notes, ...runNotes]}>
      <div class="explorer__facts">
        <div ref={texRef} class="explorer__tex">
          {formulas}
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
              {num(variance)} (std {num(Math.sqrt(variance))})
            </dd>
          </div>
          <div>
            <dt>Bound</dt>
            <dd>{bound === null ? "none (unbounded or constant)" : `±${num(bound)}`}</dd>
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
      <PlotFigure figure={result ? samplesFigure(result, summary) : null} aspect={ASPECT}>
        {demo.same(state, demo.fromProps(props)) ? children : null}
      </PlotFigure>
      <p class="widget__aside">{entry.note}</p>
    </DemoFrame>
  );
}
