import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Demo } from "./demo";
import { decodeState, encodeState, type Schema } from "./url-state";

/**
 * A demo's state, synchronised with the URL: the author's props (validated by the declaration: a typo fails
 * the build) on the server and during hydration, then the URL's own state (notes for values that had to be
 * clamped), written back with `history.replaceState` on every change.
 */
export function useDemoState<S extends object>(
  demo: Demo<S>,
  props: object,
): [S, (update: Partial<S> | ((s: S) => Partial<S>)) => void, string[]] {
  const initial = useMemo(() => demo.fromProps(props), []);
  const [state, setState] = useState(initial);
  const [notes, setNotes] = useState<string[]>([]);
  const restored = useRef(false);

  useEffect(() => {
    if (!restored.current) {
      restored.current = true;
      const { state: fromUrl, notes } = demo.decode(new URLSearchParams(location.search), initial);
      if (notes.length > 0) setNotes(notes);
      // A page opened without this demo's parameters (the usual case) keeps the state it hydrated with:
      // setting an equal copy would render the whole demo a second time during hydration, for nothing.
      if (!demo.same(fromUrl, state)) return setState(fromUrl); // written by the effect of that render
    }
    const url = new URL(location.href);
    demo.encode(state, url.searchParams);
    history.replaceState(history.state, "", url);
  }, [state]);

  const update = useCallback((u: Partial<S> | ((s: S) => Partial<S>)) => {
    setNotes([]);
    setState((s) => {
      const next = { ...s, ...(typeof u === "function" ? u(s) : u) };
      const { state, notes } = demo.normalize ? demo.normalize(next) : { state: next, notes: [] };
      if (notes.length > 0) setNotes(notes);
      return state;
    });
  }, []);
  return [state, update, notes];
}

/**
 * A demo's state, synchronised with the URL: restored from it after hydration (notes for values that had to
 * be clamped), and written back with `history.replaceState` on every change. SSR and the first client render
 * use `initial`, so hydration matches the build-time HTML.
 */
export function useUrlState<S extends object>(
  namespace: string,
  schema: Schema<S>,
  initial: S,
): [S, (update: Partial<S> | ((s: S) => Partial<S>)) => void, string[]] {
  const [state, setState] = useState(initial);
  const [notes, setNotes] = useState<string[]>([]);
  const restored = useRef(false);

  useEffect(() => {
    if (!restored.current) {
      restored.current = true;
      const { state: fromUrl, notes } = decodeState(
        namespace,
        schema,
        initial,
        new URLSearchParams(location.search),
      );
      if (notes.length > 0) setNotes(notes);
      // A page opened without this demo's parameters (the usual case) keeps the state it hydrated with:
      // setting an equal copy would render the whole demo a second time during hydration, for nothing.
      if (!sameState(schema, fromUrl, state)) return setState(fromUrl); // written by the effect of that render
    }
    const url = new URL(location.href);
    encodeState(namespace, schema, state, url.searchParams);
    history.replaceState(history.state, "", url);
  }, [state]);

  const update = useCallback((u: Partial<S> | ((s: S) => Partial<S>)) => {
    setNotes([]);
    setState((s) => ({ ...s, ...(typeof u === "function" ? u(s) : u) }));
  }, []);
  return [state, update, notes];
}

/** True while the element is on screen (pauses animations when it is not). */
export function useInView(ref: { current: Element | null }): boolean {
  const [inView, setInView] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new IntersectionObserver(([entry]) => setInView(entry.isIntersecting), { threshold: 0 });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return inView;
}

/** The reader's prefers-reduced-motion setting, live. */
export function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(false);
  useEffect(() => {
    const query = matchMedia("(prefers-reduced-motion: reduce)");
    const sync = () => setReduced(query.matches);
    sync();
    query.addEventListener("change", sync);
    return () => query.removeEventListener("change", sync);
  }, []);
  return reduced;
}

/**
 * Runs `work(deadline)` once per animation frame while `running`, where `work` does as many training steps as
 * fit before `deadline` (performance.now() + budgetMs) — so no main-thread task grows past the budget — and
 * returns false when there is nothing left to do. Stops when the tab is hidden. Cleans up its frame.
 */
export function useFrameLoop(running: boolean, work: (deadline: number) => boolean, budgetMs = 10): void {
  const workRef = useRef(work);
  workRef.current = work;
  useEffect(() => {
    if (!running) return;
    let frame = 0;
    const tick = () => {
      if (document.hidden) {
        frame = requestAnimationFrame(tick);
        return;
      }
      const more = workRef.current(performance.now() + budgetMs);
      if (more) frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [running, budgetMs]);
}

/** Whether two states would be written to the URL identically (each field as its codec formats it). */
function sameState<S extends object>(schema: Schema<S>, a: S, b: S): boolean {
  return (Object.keys(schema) as (keyof S)[]).every((k) => schema[k].format(a[k]) === schema[k].format(b[k]));
}

/**
 * Text for a polite live region that changes at most once per `bucket` (e.g. every 250 steps while training),
 * so a screen reader is not flooded: `compute` runs only when the bucket changes.
 */
export function useAnnounced(compute: () => string, bucket: string): string {
  const last = useRef<{ bucket: string; text: string } | null>(null);
  if (last.current?.bucket !== bucket) last.current = { bucket, text: compute() };
  return last.current.text;
}
