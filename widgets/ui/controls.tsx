import { createContext, type ComponentChildren } from "preact";
import { useContext, useState } from "preact/hooks";
import { groupDigits } from "./format";
import { demoLink, type Schema } from "./url-state";

/**
 * Control ids are `<demo id>-<label slug>`: unique on a page with several islands (each island is its own
 * Preact root, so Preact's own id hook would repeat across them) and identical in SSR and after hydration.
 */
const DemoId = createContext("demo");

function useControlId(label: string): string {
  const slug = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${useContext(DemoId)}-${slug}`;
}

/** A labelled range input; `format` renders the value beside the label. Optional log scale (base 10). */
export function Slider(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  log?: boolean;
  format?: (v: number) => string;
  onChange: (v: number) => void;
}) {
  const { label, value, min, max, log = false, format = String, onChange } = props;
  const id = useControlId(label);
  const toPos = (v: number) => (log ? Math.log10(v) : v);
  const fromPos = (p: number) => (log ? Number((10 ** p).toPrecision(3)) : p);
  const step = props.step ?? (log ? 0.01 : 1);
  return (
    <div class="control control--slider">
      <label for={id}>
        {label} <span class="control__value">{format(value)}</span>
      </label>
      <input
        id={id}
        type="range"
        min={toPos(min)}
        max={toPos(max)}
        step={step}
        value={toPos(value)}
        aria-valuetext={format(value)}
        onInput={(e) => onChange(fromPos(Number(e.currentTarget.value)))}
      />
    </div>
  );
}

export function Select<T extends string>(props: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (v: T) => void;
}) {
  const id = useControlId(props.label);
  return (
    <div class="control control--select">
      <label for={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as T)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Toggle(props: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  const id = useControlId(props.label);
  return (
    <div class="control control--toggle">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <label for={id}>{props.label}</label>
    </div>
  );
}

/** Play/pause, one step, reset, and the step counter. */
export function PlayControls(props: {
  playing: boolean;
  step: number;
  unit?: string;
  onPlay: () => void;
  onPause: () => void;
  onStep: () => void;
  onReset: () => void;
  disabled?: boolean;
}) {
  const { playing, unit = "step" } = props;
  return (
    <div class="control control--play" role="group" aria-label="Training">
      <button
        type="button"
        class="button button--primary"
        onClick={playing ? props.onPause : props.onPlay}
        disabled={props.disabled}
      >
        {playing ? "Pause" : "Play"}
      </button>
      <button type="button" class="button" onClick={props.onStep} disabled={playing || props.disabled}>
        Step
      </button>
      <button type="button" class="button" onClick={props.onReset}>
        Reset
      </button>
      <span class="control__counter" aria-live="off">
        {unit} <strong>{groupDigits(props.step)}</strong>
      </span>
    </div>
  );
}

/** The seed in use and a button to draw a new one. */
export function SeedControl(props: { seed: number; onReseed: (next: number) => void }) {
  return (
    <div class="control control--seed">
      <button type="button" class="button" onClick={() => props.onReseed(nextSeed(props.seed))}>
        Re-seed
      </button>
      <span class="control__value">seed {props.seed}</span>
    </div>
  );
}

/** The seed after `seed`: every seed is an unsigned 32-bit integer, so 2³² − 1 wraps to 0. */
export function nextSeed(seed: number): number {
  return (seed + 1) >>> 0;
}

/**
 * Copies a link to this demo in its current state: this page, only this demo's parameters (`namespace` and
 * `schema` as in its URL codec), and `anchor` (the demo's id) so that the link opens at the demo.
 */
export function CopyLinkButton<S extends object>(props: {
  namespace: string;
  schema: Schema<S>;
  state: S;
  anchor: string;
}) {
  const [status, setStatus] = useState("");
  const copy = async () => {
    const href = demoLink(location.href, props.namespace, props.schema, props.state, props.anchor);
    try {
      await navigator.clipboard.writeText(href);
      setStatus("Link copied.");
    } catch {
      setStatus(`Copy this link: ${href}`);
    }
  };
  return (
    <div class="control control--link">
      <button type="button" class="button" onClick={copy}>
        Copy link to this demo
      </button>
      <span class="control__status" role="status">
        {status}
      </span>
    </div>
  );
}

/** Notes about clamped or replaced values (from the URL or from input), visible and announced. */
export function Notes(props: { notes: readonly string[] }) {
  return (
    <div class="widget__notes" role="status">
      {props.notes.map((n) => (
        <p key={n}>{n}</p>
      ))}
    </div>
  );
}

/** The frame every demo shares: an anchor id, a title, controls, figures, a live text summary. */
export function DemoFrame(props: {
  id: string;
  title: string;
  controls: ComponentChildren;
  summary: string;
  notes?: readonly string[];
  children: ComponentChildren;
}) {
  return (
    <DemoId.Provider value={props.id}>
      <section id={props.id} class="widget" aria-label={props.title}>
        <div class="widget__controls">{props.controls}</div>
        {props.notes && <Notes notes={props.notes} />}
        {props.children}
        <p class="widget__summary" aria-live="polite">
          {props.summary}
        </p>
      </section>
    </DemoId.Provider>
  );
}
