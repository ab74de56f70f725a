import { useEffect, useRef, useState } from "preact/hooks";
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

export type ExperimentStatus<R> =
  | { kind: "ready"; result: R }
  | { kind: "computing"; result: R }
  | { kind: "error"; result: R; message: string };

/**
 * The result of `experiments[name](options)`, recomputed in a Web Worker whenever `options` change (compared
 * by JSON), so a heavy run never blocks the page. Starts from `initial` (the result the build rendered);
 * while a newer run computes, the last result stays on screen. Without Worker support (tests) it runs inline.
 */
export function useExperiment<N extends ExperimentName>(
  name: N,
  options: ExperimentOptions<N>,
  initial: ExperimentResult<N>,
): ExperimentStatus<ExperimentResult<N>> {
  const [status, setStatus] = useState<ExperimentStatus<ExperimentResult<N>>>({
    kind: "ready",
    result: initial,
  });
  const key = JSON.stringify(options);
  const first = useRef(key);

  useEffect(() => {
    if (key === first.current) {
      first.current = "";
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
          : { kind: "ready", result: result! },
      );
    };
    w.addEventListener("message", onMessage);
    w.postMessage({ id, name, options });
    return () => {
      live = false;
      w.removeEventListener("message", onMessage);
    };
  }, [key]);

  return status;
}
