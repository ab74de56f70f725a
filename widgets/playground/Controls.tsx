import {
  FieldControl,
  FieldControls,
  InitializerControl,
  TrainingControls,
  SeedControl,
  Slider,
} from "../ui/controls";
import type { Training } from "../ui/useTraining";
import type { PlaygroundSnapshot } from "../../engine/experiments/playground";
import { LIMITS, playgroundDemo, type PlaygroundState } from "./state";

const f = playgroundDemo.fields;

/** `hidden` with `n` layers: new layers copy the last one's width (4 for the first). */
export const withLayers = (hidden: readonly number[], n: number): number[] =>
  n > hidden.length
    ? [...hidden, ...Array<number>(n - hidden.length).fill(hidden[hidden.length - 1] ?? 4)]
    : hidden.slice(0, n);

/** The data, network and training controls, each group labelled for assistive technology. */
export function Controls(props: {
  state: PlaygroundState;
  update: (u: Partial<PlaygroundState> | ((s: PlaygroundState) => Partial<PlaygroundState>)) => void;
  training: Training<PlaygroundSnapshot>;
}) {
  const { state, update, training } = props;
  const snap = training.snapshot;
  return (
    <>
      <div class="pg-group" role="group" aria-label="Data">
        <FieldControls fields={f} state={state} onChange={update} keys={["dataset", "noise", "trainPct"]} />
        <button
          type="button"
          class="button"
          onClick={() => update((s) => ({ dataSeed: (s.dataSeed + 1) >>> 0 }))}
        >
          Regenerate data
        </button>
      </div>
      <div class="pg-group" role="group" aria-label="Network and initializer">
        <Slider
          label="Hidden layers"
          value={state.hidden.length}
          min={0}
          max={Math.max(LIMITS.layers.ui, state.hidden.length)}
          onChange={(n) => update((s) => ({ hidden: withLayers(s.hidden, n) }))}
        />
        <FieldControl
          field={f.activation}
          value={state.activation}
          onChange={(activation) => update({ activation })}
        />
        <InitializerControl
          value={state.init}
          onChange={(init) => update({ init, params: {} })}
          params={state.params}
          onParams={(params) => update({ params })}
          paramPrefix="Initializer "
        />
        <FieldControls fields={f} state={state} onChange={update} keys={["bias"]} />
        {state.bias === "constant" && (
          <FieldControls fields={f} state={state} onChange={update} keys={["biasValue"]} />
        )}
      </div>
      <div class="pg-group" role="group" aria-label="Training">
        <FieldControls fields={f} state={state} onChange={update} keys={["lr", "batch", "speed"]} />
        <TrainingControls training={training} step={snap.epoch} unit="epoch" />
        <SeedControl seed={state.seed} onReseed={(seed) => update({ seed })} />
      </div>
    </>
  );
}
