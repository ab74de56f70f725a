import {
  createSaturationStepper,
  saturationDefaults,
  type SaturationOptions,
} from "../../engine/experiments/saturation";
import type { SaturationState } from "./state";

/**
 * Training settings per activation. tanh learns the circle in 1,000 steps at lr 0.03 (the experiment's
 * defaults); sigmoid, with σ′ ≤ ¼, needs lr 0.3 and 2,000 steps for Xavier to get off its plateau (the claim
 * test's sigmoid setting).
 */
export const TRAINING = {
  tanh: { lr: 0.03, steps: 1000 },
  sigmoid: { lr: 0.3, steps: 2000 },
} as const;

/** While playing, a whole run takes about 200 frames (≈ 3 s at 60 Hz). */
export const perFrame = (state: SaturationState): number => TRAINING[state.activation].steps / 200;

export function experimentOptions(state: SaturationState): SaturationOptions {
  return { ...saturationDefaults, ...state, ...TRAINING[state.activation] };
}

/** Both nets, same data, seed and batches, as one stepper. */
export const createStepper = (state: SaturationState) => createSaturationStepper(experimentOptions(state));
