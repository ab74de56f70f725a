/**
 * A demo's declaration: its anchor id, URL namespace, title, state fields and defaults, in one value. The URL
 * codec, author-prop validation, the generic controls, the copy-link button and the property tests all derive
 * from it, so a new demo declares its state once and writes no codec, validator or control of its own.
 */
import { decodeState, encodeState, type Field, type Schema } from "./url-state";

export interface DemoSpec<S extends object> {
  /** The section id, also the link's #anchor ("demo-saturation"). */
  id: string;
  /** URL parameter prefix ("sat" → `sat.scale=10`). */
  namespace: string;
  /** The section's accessible name. */
  title: string;
  fields: Schema<S>;
  defaults: S;
  /**
   * Rules that span fields (an initializer's parameters must be within THAT initializer's ranges): returns
   * the state made valid and a note per change. Applied after the per-field parse, to URLs and to props.
   */
  normalize?: (state: S) => { state: S; notes: string[] };
}

export interface Demo<S extends object> extends Readonly<DemoSpec<S>> {
  /** The URL's state for this demo: defaults where absent, clamped with a note where invalid. Never throws. */
  decode(params: URLSearchParams, base?: S): { state: S; notes: string[] };
  /** This demo's parameters, every field written (so a link stays exact if the defaults change later). */
  encode(state: S, params?: URLSearchParams): URLSearchParams;
  /** Author props over the defaults; throws on any value the URL codec would not take as given. */
  fromProps(props: object): S;
  /** The link to this demo in `state`: the page, only this demo's parameters, and its #anchor. */
  link(pageUrl: string, state: S): string;
  /** The state's canonical text: equal keys, equal runs. */
  key(state: S): string;
  /** Whether two states would be written to the URL identically. */
  same(a: S, b: S): boolean;
}

export function defineDemo<S extends object>(spec: DemoSpec<S>): Demo<S> {
  const { namespace, fields, defaults } = spec;
  const keys = Object.keys(fields) as (keyof S & string)[];
  const normalize = spec.normalize ?? ((state: S) => ({ state, notes: [] }));
  const encode = (state: S, params = new URLSearchParams()) => encodeState(namespace, fields, state, params);
  const key = (state: S) => encode(state).toString();
  return {
    ...spec,
    decode(params, base = defaults) {
      const decoded = decodeState(namespace, fields, base, params);
      const normalized = normalize(decoded.state);
      return { state: normalized.state, notes: [...decoded.notes, ...normalized.notes] };
    },
    encode,
    fromProps(props) {
      const state = { ...defaults };
      for (const k of keys) {
        const v = (props as Record<string, unknown>)[k];
        // island props also carry slots (vnodes) and the like: only the schema's own keys are state
        if (v !== undefined) state[k] = v as S[typeof k];
      }
      const problems: string[] = [];
      for (const k of keys) {
        const field = fields[k] as Field<unknown>;
        let text: string;
        try {
          text = field.format(state[k]);
        } catch {
          problems.push(`${k} has the wrong type (${JSON.stringify(state[k])})`);
          continue;
        }
        const { value, note } = field.parse(text);
        if (note) problems.push(`${k} = ${JSON.stringify(state[k])}: ${note}`);
        else if (field.format(value) !== text)
          problems.push(`${k} = ${JSON.stringify(state[k])} is not valid`);
      }
      if (problems.length === 0) problems.push(...normalize(state).notes);
      if (problems.length > 0) throw new Error(`${spec.id}: invalid props: ${problems.join(" ")}`);
      return state;
    },
    link(pageUrl, state) {
      const url = new URL(pageUrl);
      url.search = encode(state).toString();
      url.hash = spec.id;
      return url.toString();
    },
    key,
    same: (a, b) => keys.every((k) => fields[k].format(a[k]) === fields[k].format(b[k])),
  };
}
