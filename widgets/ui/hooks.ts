import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Demo } from "./demo";

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
 * Text for a polite live region that changes at most once per `bucket` (e.g. every 250 steps while training),
 * so a screen reader is not flooded: `compute` runs only when the bucket changes.
 */
export function useAnnounced(compute: () => string, bucket: string): string {
  const last = useRef<{ bucket: string; text: string } | null>(null);
  if (last.current?.bucket !== bucket) last.current = { bucket, text: compute() };
  return last.current.text;
}
