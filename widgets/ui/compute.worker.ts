/// <reference lib="webworker" />
/**
 * Runs one-shot engine experiments off the main thread. Messages: { id, name, options } → { id, result } or
 * { id, error }. Only experiments listed in `experiments` can be called.
 */
import { experiments, type ExperimentName } from "./experiments";

self.onmessage = (event: MessageEvent<{ id: number; name: ExperimentName; options: unknown }>) => {
  const { id, name, options } = event.data;
  try {
    const run = experiments[name] as (o: unknown) => unknown;
    self.postMessage({ id, result: run(options) });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
