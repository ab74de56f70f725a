/**
 * The stepping protocol every trainable experiment implements. The engine never schedules work: a caller
 * (a widget's frame loop, a test, a build-time figure) advances a stepper in chunks of its own choosing and
 * reads plain-data snapshots of it. `step` advances in units of work, each of bounded cost so that a caller
 * with a time budget can stop between them; `progress` counts what the experiment counts (SGD steps,
 * epochs). For most experiments the two are the same; one whose step has an expensive part spreads that
 * part over several units that do not advance `progress` (the training race records a full-data loss in
 * chunks).
 */
export interface Stepper<Snapshot> {
  /** Does up to `n` units of work, never past the horizon; returns how many it did (0 once done). */
  step(n: number): number;
  /** Progress so far, in the experiment's own count (steps or epochs whose results are all recorded). */
  readonly progress: number;
  /** The progress at which this run stops training. */
  readonly horizon: number;
  /** True when nothing is left to do: the horizon is reached, or every run in it diverged. */
  readonly done: boolean;
  /** The current numbers as fresh plain data, sharing nothing mutable with the stepper. */
  snapshot(): Snapshot;
}

/** Works `stepper` until its progress reaches `target` (or it is done); returns its progress. */
export function stepTo<S>(stepper: Stepper<S>, target: number): number {
  while (stepper.progress < target && stepper.step(1) > 0);
  return stepper.progress;
}

/** Steps `stepper` to its end (tests and build-time figures); returns the final snapshot. */
export function runToEnd<S>(stepper: Stepper<S>, chunk = 100): S {
  while (!stepper.done && stepper.step(chunk) > 0);
  return stepper.snapshot();
}
