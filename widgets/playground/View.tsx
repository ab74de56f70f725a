import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { initializers, paramsWithDefaults, type ParamSpec } from "../../engine/initializers";
import type { Network } from "../../engine/network";
import { CopyLinkButton, DemoFrame, PlayControls, Select, SeedControl, Slider } from "../ui/controls";
import { useInView, useUrlState } from "../ui/hooks";
import { Boundary } from "./Boundary";
import { Chart } from "./Chart";
import { Diagram, nodeName, type Selection } from "./Diagram";
import { exportNetwork, exportText, importNetwork } from "./exchange";
import { outputOf } from "./grid";
import { diagramLayout } from "./layout";
import {
  DEMO_ID,
  LIMITS,
  NAMESPACE,
  activationOptions,
  biasOptions,
  datasetOptions,
  initOptions,
  initParamsOf,
  normalizeState,
  schema,
  speedOptions,
  stateFromProps,
  stateKey,
  type PlaygroundState,
} from "./model";
import { epochOf, initialNetwork, layerRows, MAX_EPOCHS, sizesOf, verdictOf } from "./run";
import type { Snapshot } from "./snapshot";
import { LAYER_ASPECT, LAYER_COLORS, LOSS_ASPECT, LOSS_COLORS, layerSpec, lossSpec } from "./spec";
import { num, summarize } from "./summary";
import { usePlayground } from "./usePlayground";
import { groupDigits } from "../ui/format";

export type PlaygroundProps = Partial<PlaygroundState> & {
  /** The anchor id of the demo (unique per page). */
  id?: string;
  /** The build's step-0 numbers for these props (Playground.astro): hydration renders from them. */
  snapshot?: Snapshot | null;
};

export { stateKey };

/** What the readout says about the unit or weight under the pointer or the keyboard focus. */
export function readout(net: Network, s: Selection): string {
  if (s.kind === "link") {
    const w = net.layers[s.layer].W[s.to * net.sizes[s.layer] + s.from];
    return `Weight from ${nodeName(net.sizes, s.layer, s.from)} to ${nodeName(net.sizes, s.layer + 1, s.to)}: ${num(w)}.`;
  }
  const name = nodeName(net.sizes, s.layer, s.unit);
  if (s.layer === 0)
    return `${name[0].toUpperCase()}${name.slice(1)}: the ${s.unit === 0 ? "horizontal" : "vertical"} coordinate of a point.`;
  const { W, b } = net.layers[s.layer - 1];
  const nIn = net.sizes[s.layer - 1];
  const incoming = Array.from(W.subarray(s.unit * nIn, (s.unit + 1) * nIn), num);
  const shown = incoming.length > 8 ? [...incoming.slice(0, 8), "…"] : incoming;
  return `${name[0].toUpperCase()}${name.slice(1)}: bias ${num(b[s.unit])}; incoming weights ${shown.join(", ")}.`;
}

function ParamControls(props: {
  state: PlaygroundState;
  onChange: (key: ParamSpec["key"], value: number | string) => void;
}) {
  const { state, onChange } = props;
  const full = paramsWithDefaults(state.init, initParamsOf(state));
  return (
    <>
      {initializers[state.init].params.map((spec) =>
        spec.kind === "number" ? (
          <Slider
            key={spec.key}
            label={`Initializer ${spec.label}`}
            value={full[spec.key]}
            min={spec.key === "gain" ? Math.max(spec.min, spec.step) : spec.min}
            max={spec.max}
            step={spec.min > 0 && spec.max / spec.min >= 100 ? 0.01 : spec.step}
            log={spec.min > 0 && spec.max / spec.min >= 100}
            format={num}
            onChange={(v) => onChange(spec.key, v)}
          />
        ) : (
          <Select
            key={spec.key}
            label={`Initializer ${spec.label}`}
            value={String(full[spec.key])}
            options={spec.options.map((o) => ({ value: o, label: o.replace("_", " ") }))}
            onChange={(v) => onChange(spec.key, v)}
          />
        ),
      )}
    </>
  );
}

/** A TF-Playground-style sandbox where the initializer is a first-class control. */
export function PlaygroundView(props: PlaygroundProps) {
  const { id = DEMO_ID, snapshot, ...rest } = props;
  const initial = useMemo(() => stateFromProps(rest), []);
  // In the browser, hydrate from the build's numbers; the server renders from the run itself.
  const [lazyKey] = useState(() =>
    !import.meta.env.SSR && snapshot && snapshot.key === stateKey(initial) ? snapshot.key : null,
  );
  const [raw, update, urlNotes] = useUrlState(NAMESPACE, schema, initial);
  const rawKey = stateKey(raw);
  const { state, notes: fixNotes } = useMemo(() => normalizeState(raw), [rawKey]);
  const key = stateKey(state);

  const [imported, setImported] = useState<{ key: string; net: Network; epoch: number } | null>(null);
  const [exchangeNote, setExchangeNote] = useState<{ error: boolean; text: string } | null>(null);
  const start = imported && imported.key === key ? imported.net : undefined;
  useEffect(() => {
    if (imported && imported.key !== key) setImported(null);
  }, [key]);

  // The whole demo counts as on screen: on a phone the controls alone can fill the viewport.
  const frame = useRef<HTMLDivElement>(null);
  const inView = useInView(frame);
  const pg = usePlayground(state, key, start, inView, lazyKey);
  // Until the run exists (hydration, then a few idle tasks), the view shows the snapshot of this very state.
  const { run } = pg;
  const shown = run ?? (snapshot as Snapshot);
  // The canvases take over from the server's SVG after hydration, in the render that brings something to
  // paint on them (so the static marks are never rebuilt in the browser), and stay.
  const [mounted, setMounted] = useState(lazyKey !== null);
  useEffect(() => setMounted(true), []);
  const ready = mounted && run !== null && pg.grid !== null;
  const [wasLive, setWasLive] = useState(false);
  useEffect(() => {
    if (ready) setWasLive(true);
  }, [ready]);
  const live = ready || wasLive;

  // While playing, the per-layer panel follows every other publish: it changes slowly and costs a chart.
  const rowsTick = pg.playing ? Math.floor(pg.version / 2) : pg.version;
  const rows = useMemo(() => (run ? layerRows(run) : (snapshot as Snapshot).rows), [run, rowsTick]);
  const verdict = run ? verdictOf(run) : "untrained";
  const epoch = run ? epochOf(run) : 0;
  const summary = useMemo(
    () => (run ? summarize(run, rows) : (snapshot as Snapshot).summary),
    [run, pg.playing, pg.playing ? verdict : pg.version],
  );
  const lossChart = useMemo(
    () => lossSpec(shown.history, shown.baseline, summary),
    [run, pg.version, summary],
  );
  const layerChart = useMemo(() => layerSpec(rows, summary), [rows, summary]);

  const [focus, setFocus] = useState({ layer: 0, unit: 0 });
  const [selection, setSelection] = useState<Selection | null>(null);
  const net = run ? run.trainer.net : null;
  const sizes = net ? net.sizes : sizesOf(state);
  const safeFocus =
    focus.layer < sizes.length && focus.unit < sizes[focus.layer] ? focus : { layer: 0, unit: 0 };
  const validSelection =
    net &&
    selection &&
    (selection.kind === "node"
      ? selection.layer < sizes.length && selection.unit < sizes[selection.layer]
      : selection.layer < net.layers.length &&
        selection.from < sizes[selection.layer] &&
        selection.to < sizes[selection.layer + 1])
      ? selection
      : null;
  const layout = useMemo(() => diagramLayout(sizes), [sizes.join()]);

  const setHidden = (n: number) =>
    update((s) => ({
      hidden:
        n > s.hidden.length
          ? [...s.hidden, ...Array<number>(n - s.hidden.length).fill(s.hidden[s.hidden.length - 1] ?? 4)]
          : s.hidden.slice(0, n),
    }));
  const setWidth = (layer: number, w: number) =>
    update((s) => ({ hidden: s.hidden.map((x, i) => (i === layer ? w : x)) }));

  const onExport = () => {
    const text = exportText(exportNetwork(state, net ?? initialNetwork(state), epoch));
    const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `playground-${state.init}-seed${state.seed}-epoch${epoch}.json`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setExchangeNote({ error: false, text: `Exported the network after ${epoch} epochs.` });
  };
  const onImport = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    const result = importNetwork(await file.text());
    if (!result.ok) {
      setExchangeNote({ error: true, text: result.error });
      return;
    }
    const next = normalizeState(result.state).state;
    setImported({ key: stateKey(next), net: result.net, epoch: result.epoch });
    update(next);
    setExchangeNote({
      error: false,
      text: `Imported ${file.name}: a network exported after ${result.epoch} epochs. Reset returns to these weights; the link cannot carry them.`,
    });
  };

  const controls = (
    <>
      <div class="pg-group" role="group" aria-label="Data">
        <Select
          label="Data set"
          value={state.dataset}
          options={datasetOptions}
          onChange={(dataset) => update({ dataset })}
        />
        <Slider
          label="Noise"
          value={state.noise}
          min={LIMITS.noise.min}
          max={LIMITS.noise.max}
          step={5}
          format={(v) => `${v} %`}
          onChange={(noise) => update({ noise })}
        />
        <Slider
          label="Training share"
          value={state.trainPct}
          min={LIMITS.trainPct.min}
          max={LIMITS.trainPct.max}
          step={10}
          format={(v) => `${v} %`}
          onChange={(trainPct) => update({ trainPct })}
        />
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
          onChange={setHidden}
        />
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
          onChange={(init) => update({ init, params: {} })}
        />
        <ParamControls
          state={state}
          onChange={(k, v) => update((s) => ({ params: { ...s.params, [k]: v } }))}
        />
        <Select
          label="Bias init"
          value={state.bias}
          options={biasOptions}
          onChange={(bias) => update({ bias })}
        />
        {state.bias === "constant" && (
          <Slider
            label="Bias value"
            value={state.biasValue}
            min={LIMITS.biasValue.min}
            max={LIMITS.biasValue.max}
            step={0.05}
            format={num}
            onChange={(biasValue) => update({ biasValue })}
          />
        )}
      </div>
      <div class="pg-group" role="group" aria-label="Training">
        <Slider
          label="Learning rate"
          value={state.lr}
          min={LIMITS.lr.min}
          max={LIMITS.lr.max}
          log
          format={num}
          onChange={(lr) => update({ lr })}
        />
        <Slider
          label="Batch size"
          value={state.batch}
          min={LIMITS.batch.min}
          max={LIMITS.batch.max}
          onChange={(batch) => update({ batch })}
        />
        <Select
          label="Speed"
          value={state.speed}
          options={speedOptions}
          onChange={(speed) => update({ speed })}
        />
        <PlayControls
          playing={pg.playing}
          step={epoch}
          unit="epoch"
          onPlay={pg.play}
          onPause={pg.pause}
          onStep={pg.step}
          onReset={pg.reset}
          disabled={run?.diverged ?? false}
        />
        <SeedControl seed={state.seed} onReseed={(seed) => update({ seed })} />
      </div>
      <div class="pg-group" role="group" aria-label="Save and share">
        <button type="button" class="button" onClick={onExport}>
          Export network (JSON)
        </button>
        <label class="button pg-import">
          Import network (JSON)
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => void onImport(e.currentTarget)}
          />
        </label>
        <CopyLinkButton namespace={NAMESPACE} schema={schema} state={state} anchor={id} />
        {exchangeNote && (
          <p class={exchangeNote.error ? "pg-exchange pg-exchange--error" : "pg-exchange"} role="alert">
            {exchangeNote.text}
          </p>
        )}
      </div>
    </>
  );

  const badge = {
    untrained: null,
    learning: <span class="widget__badge">learning</span>,
    learned: <span class="widget__badge pg-badge--learned">learned: test loss below 0.05</span>,
    stalled: <span class="widget__badge pg-badge--stalled">stalled</span>,
    diverged: <span class="widget__badge widget__badge--diverged">diverged — training stopped</span>,
  }[verdict];
  const atLimit = run !== null && !run.diverged && epoch >= MAX_EPOCHS;

  return (
    <div ref={frame} class="pg-frame">
      <DemoFrame
        id={id}
        title="Playground"
        controls={controls}
        summary={summary}
        notes={[...urlNotes, ...fixNotes]}
      >
        <p class="widget__status">
          {badge}
          {rows.some((r) => r.tied) && <span class="widget__badge">tied units</span>}
          {start && <span class="widget__badge">imported weights</span>}
          {atLimit && <span class="widget__badge">stopped at the {groupDigits(MAX_EPOCHS)}-epoch limit</span>}
        </p>
        <div class="pg-layout">
          <div class="pg-net">
            <p class="widget__figure-title">
              Network: {sizes.join(" → ")} ({epoch === 0 ? "initial weights" : `after ${epoch} epochs`})
            </p>
            <div class="pg-widths">
              {layout.centres.map((c, l) => {
                const last = sizes.length - 1;
                const style = { left: `${100 * c}%` };
                if (l === 0)
                  return (
                    <span key={l} class="pg-widths__layer" style={style}>
                      inputs
                    </span>
                  );
                if (l === last)
                  return (
                    <span key={l} class="pg-widths__layer" style={style}>
                      output
                    </span>
                  );
                const w = state.hidden[l - 1];
                return (
                  <span key={l} class="pg-widths__layer" style={style}>
                    <button
                      type="button"
                      aria-label={`Remove a unit from hidden layer ${l}`}
                      disabled={w <= LIMITS.width.min}
                      onClick={() => setWidth(l - 1, w - 1)}
                    >
                      −
                    </button>
                    <span>{w}</span>
                    <button
                      type="button"
                      aria-label={`Add a unit to hidden layer ${l}`}
                      disabled={w >= Math.max(LIMITS.width.ui, w)}
                      onClick={() => setWidth(l - 1, w + 1)}
                    >
                      +
                    </button>
                  </span>
                );
              })}
            </div>
            <Diagram
              net={net}
              sizes={sizes}
              grid={pg.grid}
              live={live}
              focus={safeFocus}
              selection={validSelection}
              onSelect={setSelection}
              onFocusMove={setFocus}
              version={pg.version}
            />
            <p class="pg-readout" aria-live="polite">
              {net && validSelection
                ? readout(net, validSelection)
                : "Point at a unit or a weight, or Tab to a unit and use the arrow keys, to read its value."}
            </p>
            <ul class="widget__legend">
              <li>
                <span class="swatch" style={{ background: "var(--series-1)" }} /> positive weight / output
              </li>
              <li>
                <span class="swatch" style={{ background: "var(--series-2)" }} /> negative
              </li>
              <li>line width ∝ |weight|</li>
            </ul>
            <div class="pg-layers">
              <p class="widget__figure-title">
                Per layer, for the current weights: variance of the activations and of the back-propagated
                gradient
              </p>
              <div class="pg-layers__grid">
                <div>
                  {run?.diverged ? (
                    <p class="widget__empty">
                      The weights overflowed at epoch {epoch}: the table lists what is left of the signal.
                      Lower the learning rate and press Reset.
                    </p>
                  ) : (
                    <Chart spec={layerChart} aspect={LAYER_ASPECT} />
                  )}
                  <ul class="widget__legend">
                    <li>
                      <span class="swatch" style={{ background: LAYER_COLORS.act }} /> Var a (activations)
                    </li>
                    <li>
                      <span class="swatch" style={{ background: LAYER_COLORS.grad }} /> Var ∂ℓ/∂z (gradient
                      per example)
                    </li>
                  </ul>
                </div>
                <table class="pg-table">
                  <caption class="visually-hidden">Per-layer statistics for the current weights</caption>
                  <thead>
                    <tr>
                      <th scope="col">layer</th>
                      <th scope="col">units</th>
                      <th scope="col">Var a</th>
                      <th scope="col">Var ∂ℓ/∂z</th>
                      <th scope="col">saturated / dead</th>
                      <th scope="col">tied</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.layer}>
                        <th scope="row">{r.layer === rows.length ? `${r.layer} (out)` : r.layer}</th>
                        <td>{r.units}</td>
                        <td>{num(r.actVar)}</td>
                        <td>{num(r.gradVar)}</td>
                        <td>
                          {r.dead !== null
                            ? `${Math.round(100 * r.dead)} % dead`
                            : r.saturated !== null
                              ? `${Math.round(100 * r.saturated)} %`
                              : "–"}
                        </td>
                        <td>{r.tied ? "yes" : "no"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
          <div class="pg-side">
            <p class="widget__figure-title">
              Decision boundary (filled: training points, rings: test points)
            </p>
            <Boundary
              output={pg.grid ? outputOf(pg.grid) : null}
              train={pg.split?.train ?? null}
              test={pg.split?.test ?? null}
              live={live}
              label={`Decision boundary over the ${state.dataset} data set; ${summary}`}
            />
            <p class="widget__figure-title">Loss by epoch</p>
            <Chart spec={lossChart} aspect={LOSS_ASPECT} />
            <ul class="widget__legend">
              <li>
                <span class="swatch" style={{ background: LOSS_COLORS.test }} /> test loss
              </li>
              <li>
                <span class="swatch" style={{ background: LOSS_COLORS.train }} /> train loss
              </li>
              <li>
                <span class="swatch swatch--dashed" /> predicting the average label
              </li>
            </ul>
          </div>
        </div>
      </DemoFrame>
    </div>
  );
}
