/**
 * The stepping protocol every trainable experiment implements. The engine never schedules work: a caller
 * (a widget's frame loop, a test, a build-time figure) advances a stepper in chunks of its own choosing and
 * reads plain-data snapshots of it. One unit is whatever the experiment counts (an SGD step, an epoch).
 */
export interface Stepper<Snapshot> {
  /** Advances by up to `n` units, never past the horizon; returns how many it did (0 once done). */
  step(n: number): number;
  /** Units trained so far. */
  readonly progress: number;
  /** The last unit this run will train (training stops there). */
  readonly horizon: number;
  /** True when nothing is left to do: the horizon is reached, or every run in it diverged. */
  readonly done: boolean;
  /** The current numbers as fresh plain data, sharing nothing mutable with the stepper. */
  snapshot(): Snapshot;
}

/** Steps `stepper` to its end (tests and build-time figures); returns the final snapshot. */
export function runToEnd<S>(stepper: Stepper<S>, chunk = 100): S {
  while (!stepper.done && stepper.step(chunk) > 0);
  return stepper.snapshot();
}
