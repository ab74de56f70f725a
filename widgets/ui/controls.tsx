import { createContext, type ComponentChildren } from "preact";
import { useContext, useEffect, useRef, useState } from "preact/hooks";
import {
  initializers,
  type InitializerId,
  type LooseParams,
  type ParamSpec,
} from "../../engine/initializers";
import type { Demo } from "./demo";
import { groupDigits, sig } from "./format";
import type { FrameLoop } from "./frame-loop";
import { initializerOptions } from "./options";
import type { Field, Schema } from "./url-state";
import { FrameLoopContext, type Training } from "./useTraining";

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

/** Play / Pause, Step and Reset wired to a demo's training (useTraining), with the count of `step` units. */
export function TrainingControls(props: { training: Training<unknown>; step: number; unit?: string }) {
  const t = props.training;
  return (
    <PlayControls
      playing={t.playing}
      step={props.step}
      unit={props.unit}
      onPlay={t.play}
      onPause={t.pause}
      onStep={t.step}
      onReset={t.reset}
      disabled={t.done}
    />
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

/**
 * The frame every demo shares: an anchor id, a title, controls, figures, a live text summary. Given the
 * demo's frame loop (from useTraining), it provides it to its figures and pauses it while the frame is off
 * screen or the tab is hidden.
 */
export function DemoFrame(props: {
  /** The declaration (id and title); or give `id` and `title` directly. */
  demo?: Pick<Demo<object>, "id" | "title">;
  id?: string;
  title?: string;
  loop?: FrameLoop;
  controls: ComponentChildren;
  summary: string;
  notes?: readonly string[];
  children: ComponentChildren;
}) {
  const id = props.demo?.id ?? props.id ?? "demo";
  const title = props.demo?.title ?? props.title ?? "";
  const ref = useRef<HTMLElement>(null);
  const loop = props.loop ?? null;
  useEffect(() => {
    const el = ref.current;
    if (!loop || !el || typeof IntersectionObserver === "undefined") return;
    let onScreen = false;
    const sync = () => loop.setActive(onScreen && !document.hidden);
    const observer = new IntersectionObserver(([entry]) => {
      onScreen = entry.isIntersecting;
      sync();
    });
    observer.observe(el);
    document.addEventListener("visibilitychange", sync);
    return () => {
      observer.disconnect();
      document.removeEventListener("visibilitychange", sync);
    };
  }, [loop]);
  return (
    <DemoId.Provider value={id}>
      <FrameLoopContext.Provider value={loop}>
        <section ref={ref} id={id} class="widget" aria-label={title}>
          <div class="widget__controls">{props.controls}</div>
          {props.notes && <Notes notes={props.notes} />}
          {props.children}
          <p class="widget__summary" aria-live="polite">
            {props.summary}
          </p>
        </section>
      </FrameLoopContext.Provider>
    </DemoId.Provider>
  );
}

/**
 * The control a field declares (a slider, a select, a toggle or the seed), labelled with its title and
 * showing its value as the field shows it. Fields with a control of their own (`control: null`) render nothing.
 */
export function FieldControl<T>(props: {
  field: Field<T>;
  value: T;
  onChange: (value: T) => void;
  /** Overrides the field's title (e.g. "Weight scale s"). */
  label?: string;
  /** Overrides the field's `show` (e.g. with a unit). */
  show?: (value: T) => string;
  /** Restricts a select to these values (others stay valid in URLs). */
  only?: readonly string[];
}) {
  const { field, value } = props;
  const label = props.label ?? field.title ?? field.label;
  const show = props.show ?? field.show ?? field.format;
  const c = field.control;
  if (!c) return null;
  const change = props.onChange as (v: unknown) => void;
  switch (c.kind) {
    case "slider":
      return (
        <Slider
          label={label}
          value={value as number}
          min={c.min}
          max={c.max}
          step={c.step}
          log={c.log}
          format={show as (v: number) => string}
          onChange={c.integer ? (v) => change(Math.round(v)) : change}
        />
      );
    case "select":
      return (
        <Select
          label={label}
          value={field.format(value)}
          options={props.only ? c.options.filter((o) => props.only!.includes(o.value)) : c.options}
          // the option's text through the field's own codec, so a field of numbers gets a number back
          onChange={(v) => change(field.parse(v).value)}
        />
      );
    case "toggle":
      return <Toggle label={label} checked={value as boolean} onChange={change} />;
    case "seed":
      return <SeedControl seed={value as number} onReseed={change} />;
  }
}

/** Controls for every field of `fields` that declares one, in declaration order. */
export function FieldControls<S extends object>(props: {
  fields: Schema<S>;
  state: S;
  onChange: (change: Partial<S>) => void;
  /** The keys to draw (default: every key whose field has a control). */
  keys?: readonly (keyof S & string)[];
}) {
  const keys = props.keys ?? (Object.keys(props.fields) as (keyof S & string)[]);
  return (
    <>
      {keys.map((k) => (
        <FieldControl
          key={k}
          field={props.fields[k] as Field<unknown>}
          value={props.state[k]}
          onChange={(v) => props.onChange({ [k]: v } as Partial<S>)}
        />
      ))}
    </>
  );
}

/** One initializer parameter's control, from the registry's own spec (range, step, choices). */
function ParamControl(props: {
  spec: ParamSpec;
  value: number | string | undefined;
  onChange: (value: number | string) => void;
  prefix?: string;
}) {
  const { spec } = props;
  const label = `${props.prefix ?? ""}${spec.label}`;
  if (spec.kind === "number") {
    const v = typeof props.value === "number" ? props.value : spec.default;
    return (
      <Slider
        label={label}
        value={v}
        min={spec.min}
        max={spec.max}
        step={spec.step}
        format={(x) => sig(x, 3)}
        onChange={props.onChange}
      />
    );
  }
  const options = (spec.options as readonly string[]).map((o) => ({ value: o, label: o }));
  return (
    <Select
      label={label}
      value={typeof props.value === "string" ? props.value : spec.default}
      options={options}
      onChange={props.onChange}
    />
  );
}

/**
 * THE initializer control: a select over the registry (or `only` those ids) and, when `params` is given, a
 * control for each parameter the chosen entry reads, from its registry spec. Choosing another entry resets
 * the parameters to that entry's defaults.
 */
export function InitializerControl(props: {
  label?: string;
  value: InitializerId;
  onChange: (id: InitializerId) => void;
  params?: LooseParams;
  onParams?: (params: LooseParams) => void;
  only?: readonly InitializerId[];
  /** Put before each parameter's label ("Initializer " → "Initializer gain"), to tell them from other controls. */
  paramPrefix?: string;
}) {
  const options = props.only
    ? initializerOptions.filter((o) => props.only!.includes(o.value))
    : initializerOptions;
  const specs = initializers[props.value].params;
  return (
    <>
      <Select
        label={props.label ?? "Initializer"}
        value={props.value}
        options={options}
        onChange={props.onChange}
      />
      {props.params &&
        props.onParams &&
        specs.map((spec) => (
          <ParamControl
            key={spec.key}
            spec={spec}
            value={props.params![spec.key]}
            prefix={props.paramPrefix}
            onChange={(v) => props.onParams!({ ...props.params, [spec.key]: v })}
          />
        ))}
    </>
  );
}

/** The tail every demo's controls end with: the seed's Re-seed button (if it has one) and the copy link. */
export function LinkControls<S extends object & { seed?: number }>(props: {
  demo: Demo<S>;
  state: S;
  onReseed?: (seed: number) => void;
}) {
  const [status, setStatus] = useState("");
  const copy = async () => {
    const href = props.demo.link(location.href, props.state);
    try {
      await navigator.clipboard.writeText(href);
      setStatus("Link copied.");
    } catch {
      setStatus(`Copy this link: ${href}`);
    }
  };
  return (
    <>
      {props.onReseed && props.state.seed !== undefined && (
        <SeedControl seed={props.state.seed} onReseed={props.onReseed} />
      )}
      <div class="control control--link">
        <button type="button" class="button" onClick={copy}>
          Copy link to this demo
        </button>
        <span class="control__status" role="status">
          {status}
        </span>
      </div>
    </>
  );
}
