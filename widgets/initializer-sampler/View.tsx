import type { ComponentChildren } from "preact";
import { useMemo, useState } from "preact/hooks";
import { PlotFigure } from "../ui/PlotFigure";
import { initializers } from "../../engine/initializers";
import { clampFan, initializerOptions, sample, stateFromProps, summarize, type SamplerState } from "./model";
import { ASPECT, samplerSpec } from "./spec";

export type SamplerProps = Partial<SamplerState> & {
  /** The build-time static SVG of the initial state (passed by the Astro wrapper). */
  children?: ComponentChildren;
};

/** Draws 10,000 weights from any registry initializer and compares their histogram with the formula. */
export function SamplerView({ children, ...props }: SamplerProps) {
  const [state, setState] = useState<SamplerState>(() => stateFromProps(props));
  const [note, setNote] = useState("");
  const result = useMemo(() => sample(state), [state]);
  const summary = summarize(result);
  const options = useMemo(() => samplerSpec(result, summary), [result, summary]);
  const initial = useMemo(() => JSON.stringify(stateFromProps(props)), []);
  const isInitial = JSON.stringify(state) === initial;

  const setFan = (key: "fanIn" | "fanOut", raw: string) => {
    const { value, clamped } = clampFan(Number(raw));
    setNote(clamped ? `${key === "fanIn" ? "Fan-in" : "Fan-out"} set to ${value} (allowed: 1 to 4096).` : "");
    setState((s) => ({ ...s, [key]: value }));
  };

  return (
    <div class="widget" role="group" aria-label="Initializer sampler">
      <div class="widget__controls">
        <label>
          Initializer
          <select
            value={state.initializer}
            onChange={(e) =>
              setState((s) => ({ ...s, initializer: e.currentTarget.value as SamplerState["initializer"] }))
            }
          >
            {initializerOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Fan-in
          <input
            type="number"
            min={1}
            max={4096}
            step={1}
            value={state.fanIn}
            onChange={(e) => setFan("fanIn", e.currentTarget.value)}
          />
        </label>
        <label>
          Fan-out
          <input
            type="number"
            min={1}
            max={4096}
            step={1}
            value={state.fanOut}
            onChange={(e) => setFan("fanOut", e.currentTarget.value)}
          />
        </label>
        <button type="button" onClick={() => setState((s) => ({ ...s, seed: s.seed + 1 }))}>
          Re-seed
        </button>
        <span class="widget__seed">seed {state.seed}</span>
      </div>
      <PlotFigure options={options} aspect={ASPECT}>
        {isInitial ? children : null}
      </PlotFigure>
      <p class="widget__summary" aria-live="polite">
        {summary} <span class="widget__aside">{initializers[state.initializer].note}</span>
      </p>
      {note && (
        <p class="widget__note" role="status">
          {note}
        </p>
      )}
    </div>
  );
}
