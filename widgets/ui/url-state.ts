/**
 * A demo's full state lives in the page URL, namespaced per demo (`vd.depth=30&vd.act=relu`), so a link
 * restores one demo in one exact state. Every field parses defensively: a missing value takes the default
 * silently; a malformed or out-of-range one takes the nearest valid value and yields a note for the reader.
 */

export interface Parsed<T> {
  value: T;
  /** Set when the raw value was not valid as given. */
  note?: string;
}

export interface Field<T> {
  /** Parses a raw URL value; never throws. */
  parse(raw: string): Parsed<T>;
  format(value: T): string;
  /** The human label used in notes ("depth"). */
  label: string;
}

export type Schema<S> = { [K in keyof S]: Field<S[K]> };

const clampNote = (label: string, raw: string, value: string, range: string) =>
  `${label} “${raw}” is outside ${range}; using ${value}.`;

/** An integer in [min, max]; fractional values round, others clamp. */
export function intField(label: string, min: number, max: number): Field<number> {
  return {
    label,
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
  };
}

/** A real number in [min, max], kept to `digits` significant digits in the URL. */
export function numberField(label: string, min: number, max: number, digits = 4): Field<number> {
  return {
    label,
    parse(raw) {
      const x = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(x))
        return { value: min, note: `${label} “${raw}” is not a number; using ${min}.` };
      const value = Math.min(max, Math.max(min, x));
      if (value !== x) return { value, note: clampNote(label, raw, String(value), `${min}–${max}`) };
      return { value };
    },
    format: (v) => String(Number(v.toPrecision(digits))),
  };
}

/** One of a fixed list of strings. */
export function choiceField<T extends string>(label: string, options: readonly T[], fallback: T): Field<T> {
  return {
    label,
    parse(raw) {
      const found = options.find((o) => o === raw);
      if (found !== undefined) return { value: found };
      return { value: fallback, note: `${label} “${raw}” is not one of the choices; using ${fallback}.` };
    },
    format: (v) => v,
  };
}

export function boolField(label: string): Field<boolean> {
  return {
    label,
    parse(raw) {
      if (raw === "1" || raw === "true") return { value: true };
      if (raw === "0" || raw === "false") return { value: false };
      return { value: false, note: `${label} “${raw}” is not on/off; using off.` };
    },
    format: (v) => (v ? "1" : "0"),
  };
}

/** A seed: a non-negative 32-bit integer. */
export const seedField = (): Field<number> => intField("seed", 0, 2 ** 32 - 1);

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

/** The link to this demo in this state: the page, only this demo's parameters, and its anchor. */
export function demoLink<S extends object>(
  pageUrl: string,
  namespace: string,
  schema: Schema<S>,
  state: S,
  anchor: string,
): string {
  const url = new URL(pageUrl);
  url.search = encodeState(namespace, schema, state, new URLSearchParams()).toString();
  url.hash = anchor;
  return url.toString();
}

/**
 * Only the schema's own keys of `props`, skipping undefined: island props also carry slots (vnodes), ids and
 * summaries, which must never leak into a demo's state (it is compared and serialised as JSON).
 */
export function pickState<S extends object>(schema: Schema<S>, props: object): Partial<S> {
  const out: Partial<S> = {};
  for (const key of Object.keys(schema) as (keyof S & string)[]) {
    const value = (props as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value as S[typeof key];
  }
  return out;
}

/**
 * Fails loudly when an author's prop is not a value the URL codec would accept as given (a typo in the
 * article must break the build, not be clamped silently). Checks `keys` (default: every field).
 */
export function assertValidProps<S extends object>(
  component: string,
  schema: Schema<S>,
  state: S,
  keys: readonly (keyof S & string)[] = Object.keys(schema) as (keyof S & string)[],
): void {
  for (const key of keys) {
    const field = schema[key];
    const { note } = field.parse(field.format(state[key]));
    if (note) throw new Error(`${component}: invalid prop ${key} = ${String(state[key])}: ${note}`);
  }
}
