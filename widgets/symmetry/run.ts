import { createSymmetryStepper, type SymmetryOptions } from "../../engine/experiments/symmetry";
import { symmetryDemo, type SymmetryState } from "./state";

/** Training stops by itself here, so a forgotten tab does not spin forever. */
export const MAX_STEPS = 20_000;

/** The ε actually added: 0 when the switch is off. */
export const noiseOf = (s: SymmetryState): number => (s.noise ? s.epsilon : 0);

/** The engine's options for this state (its defaults fix the 2-4-4-1 net, the data size and the batch). */
export const experimentOptions = (s: SymmetryState): Partial<SymmetryOptions> => ({
  seed: s.seed,
  activation: s.activation,
  dataset: s.dataset,
  constant: s.constant,
  noise: noiseOf(s),
  lr: s.lr,
  steps: MAX_STEPS,
});

export const createStepper = (s: SymmetryState) => createSymmetryStepper(experimentOptions(s));

/** The key of everything that changes the run: not the speed, nor ε while the noise is off. */
export const runKey = (s: SymmetryState): string =>
  symmetryDemo.key({ ...s, speed: symmetryDemo.defaults.speed, epsilon: noiseOf(s) });
