import { useEffect, useState } from "preact/hooks";
import {
  experiments,
  type ExperimentName,
  type ExperimentOptions,
  type ExperimentResult,
} from "./experiments";

let shared: Worker | null = null;
let nextId = 1;

function worker(): Worker | null {
  if (typeof Worker === "undefined") return null;
  shared ??= new Worker(new URL("./compute.worker.ts", import.meta.url), { type: "module" });
  return shared;
}

/** `result` is the latest finished run (null until the first one finishes). */
export type ExperimentStatus<R> =
  | { kind: "ready"; result: R | null }
  | { kind: "computing"; result: R | null }
  | { kind: "error"; result: R | null; message: string };

/**
 * The result of `experiments[name](options)`, computed in a Web Worker on mount and whenever `options` change
 * (compared by JSON), so a heavy run never blocks the page. While a newer run computes, the last result stays
 * on screen (before the first, the view shows its build-time figures). Without Worker support it runs inline.
 * Pass `enabled = false` to skip computing (e.g. an unused comparison).
 */
export function useExperiment<N extends ExperimentName>(
  name: N,
  options: ExperimentOptions<N>,
  enabled = true,
): ExperimentStatus<ExperimentResult<N>> {
  const [status, setStatus] = useState<ExperimentStatus<ExperimentResult<N>>>({
    kind: "computing",
    result: null,
  });
  const key = JSON.stringify(options);

  useEffect(() => {
    if (!enabled) {
      setStatus((s) => ({ kind: "ready", result: s.result }));
      return;
    }
    const run = experiments[name] as (o: ExperimentOptions<N>) => ExperimentResult<N>;
    const w = worker();
    if (!w) {
      try {
        setStatus({ kind: "ready", result: run(options) });
      } catch (e) {
        setStatus((s) => ({ kind: "error", result: s.result, message: String(e) }));
      }
      return;
    }
    const id = nextId++;
    let live = true;
    setStatus((s) => ({ kind: "computing", result: s.result }));
    const onMessage = (event: MessageEvent<{ id: number; result?: ExperimentResult<N>; error?: string }>) => {
      if (event.data.id !== id || !live) return;
      const { result, error } = event.data;
      setStatus((s) =>
        error !== undefined
          ? { kind: "error", result: s.result, message: error }
          : { kind: "ready", result: result ?? null },
      );
    };
    w.addEventListener("message", onMessage);
    w.postMessage({ id, name, options });
    return () => {
      live = false;
      w.removeEventListener("message", onMessage);
    };
  }, [key, enabled]);

  return status;
}
