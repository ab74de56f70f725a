/**
 * A demo's state fields. Each field is declared once and carries everything derived from it: how it parses
 * and prints in the URL (`vd.depth=30`), how its control looks (range, step, log scale, choices, label) and
 * how its value reads (`show`). The URL codec, author-prop validation, the controls and the property tests
 * all read these declarations. Every parse is defensive: a malformed or out-of-range value takes the nearest
 * valid one and yields a note for the reader; nothing throws.
 */
import { sig } from "./format";

export interface Parsed<T> {
  value: T;
  /** Set when the raw value was not valid as given. */
  note?: string;
}

/** What control draws a field (null: the demo draws its own, e.g. a list of lanes). */
export type ControlSpec =
  | { kind: "slider"; min: number; max: number; step: number; log: boolean; integer?: boolean }
  | { kind: "select"; options: readonly { value: string; label: string }[] }
  | { kind: "toggle" }
  | { kind: "seed" }
  | null;

export interface Field<T> {
  /** The words used in notes ("depth"). */
  label: string;
  /** The control's label ("Depth"); defaults to `label`. */
  title?: string;
  /** Parses a raw URL value; never throws. */
  parse(raw: string): Parsed<T>;
  format(value: T): string;
  /** The value as a reader sees it beside its control (default: `format`). */
  show?(value: T): string;
  /** The generic control that edits it; absent or null: the demo draws its own. */
  control?: ControlSpec;
}

export type Schema<S> = { [K in keyof S]: Field<S[K]> };

interface Common<T> {
  title?: string;
  show?: (value: T) => string;
}

const clampNote = (label: string, raw: string, value: string, range: string) =>
  `${label} “${raw}” is outside ${range}; using ${value}.`;

/** An integer in [min, max]; fractional values round, others clamp. A log slider still yields integers. */
export function intField(
  label: string,
  min: number,
  max: number,
  o: Common<number> & { step?: number; log?: boolean } = {},
): Field<number> {
  const log = o.log ?? false;
  return {
    label,
    title: o.title ?? label,
    parse(raw) {
      const x = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(x))
        return { value: min, note: `${label} “${raw}” is not a number; using ${min}.` };
      const value = Math.min(max, Math.max(min, Math.round(x)));
      if (value !== x)
        return { value, note: clampNote(label, raw, String(value), `${min}–${max} (whole numbers)`) };
      return { value };
    },
    format: (v) => String(v),
    show: o.show ?? ((v) => String(v)),
    control: { kind: "slider", min, max, step: o.step ?? (log ? 0.01 : 1), log, integer: true },
  };
}

/** A real number in [min, max], kept to `digits` significant digits in the URL. */
export function numberField(
  label: string,
  min: number,
  max: number,
  o: Common<number> & { digits?: number; step?: number; log?: boolean } = {},
): Field<number> {
  const digits = o.digits ?? 4;
  const log = o.log ?? false;
  return {
    label,
    title: o.title ?? label,
    parse(raw) {
      const x = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(x))
        return { value: min, note: `${label} “${raw}” is not a number; using ${min}.` };
      const value = Math.min(max, Math.max(min, x));
      if (value !== x) return { value, note: clampNote(label, raw, String(value), `${min}–${max}`) };
      return { value };
    },
    format: (v) => String(Number(v.toPrecision(digits))),
    show: o.show ?? ((v) => sig(v, digits)),
    // a log slider moves in steps of log10; a linear one in the given step (default: 1/100 of the range)
    control: { kind: "slider", min, max, step: o.step ?? (log ? 0.01 : (max - min) / 100), log },
  };
}

/** One of a fixed list: bare values, or values with display labels. */
export function choiceField<T extends string>(
  label: string,
  options: readonly T[] | readonly { value: T; label: string }[],
  fallback: T,
  o: Common<T> = {},
): Field<T> {
  const list = options.map((x) => (typeof x === "string" ? { value: x, label: x } : x));
  return {
    label,
    title: o.title ?? label,
    parse(raw) {
      const found = list.find((x) => x.value === raw);
      if (found !== undefined) return { value: found.value };
      return { value: fallback, note: `${label} “${raw}” is not one of the choices; using ${fallback}.` };
    },
    format: (v) => v,
    show: o.show ?? ((v) => list.find((x) => x.value === v)?.label ?? v),
    control: { kind: "select", options: list },
  };
}

export function boolField(label: string, o: Common<boolean> = {}): Field<boolean> {
  return {
    label,
    title: o.title ?? label,
    parse(raw) {
      if (raw === "1" || raw === "true") return { value: true };
      if (raw === "0" || raw === "false") return { value: false };
      return { value: false, note: `${label} “${raw}” is not on/off; using off.` };
    },
    format: (v) => (v ? "1" : "0"),
    show: o.show ?? ((v) => (v ? "on" : "off")),
    control: { kind: "toggle" },
  };
}

/** The largest seed: every seed is an unsigned 32-bit integer. */
export const MAX_SEED = 2 ** 32 - 1;

/** A seed: a non-negative 32-bit integer, shown with the Re-seed button. */
export function seedField(label = "seed"): Field<number> {
  return { ...intField(label, 0, MAX_SEED), control: { kind: "seed" } };
}

/**
 * A field with its own codec and no generic control (a list of lanes, the hidden layers' widths, an
 * initializer's parameters): the demo draws the control itself.
 */
export function customField<T>(
  label: string,
  codec: { parse(raw: string): Parsed<T>; format(value: T): string; show?: (value: T) => string },
): Field<T> {
  return {
    label,
    title: label,
    parse: codec.parse,
    format: codec.format,
    show: codec.show ?? codec.format,
    control: null,
  };
}

/** Reads the demo's fields from `params`; absent fields keep `defaults`. Never throws. */
export function decodeState<S extends object>(
  namespace: string,
  schema: Schema<S>,
  defaults: S,
  params: URLSearchParams,
): { state: S; notes: string[] } {
  const state = { ...defaults };
  const notes: string[] = [];
  for (const key of Object.keys(schema) as (keyof S & string)[]) {
    const raw = params.get(`${namespace}.${key}`);
    if (raw === null) continue;
    const parsed = schema[key].parse(raw);
    state[key] = parsed.value;
    if (parsed.note) notes.push(parsed.note);
  }
  return { state, notes };
}

/** Writes every field of the demo (defaults included, so a link stays exact if defaults change later). */
export function encodeState<S extends object>(
  namespace: string,
  schema: Schema<S>,
  state: S,
  params: URLSearchParams,
): URLSearchParams {
  for (const key of Object.keys(schema) as (keyof S & string)[]) {
    params.set(`${namespace}.${key}`, schema[key].format(state[key]));
  }
  return params;
}

/** Removes every parameter of one demo. */
export function clearState(namespace: string, params: URLSearchParams): URLSearchParams {
  for (const key of [...params.keys()]) if (key.startsWith(`${namespace}.`)) params.delete(key);
  return params;
}
