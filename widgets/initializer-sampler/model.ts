import { initializerIds, initializers, isInitializerId, type InitializerId } from "../../engine/initializers";
import { sampleInitializer, type SamplingResult } from "../../engine/experiments/sampling";

/** Everything the sampler shows is a function of this state. */
export interface SamplerState {
  initializer: InitializerId;
  fanIn: number;
  fanOut: number;
  seed: number;
}

export const FAN_RANGE = { min: 1, max: 4096 } as const;
export const SAMPLES = 10_000;

export const DEFAULT_STATE: SamplerState = {
  initializer: "glorot-uniform",
  fanIn: 256,
  fanOut: 128,
  seed: 1,
};

/** The initializer choices, in the registry's display order. */
export const initializerOptions = initializerIds.map((id) => ({ value: id, label: initializers[id].label }));

/**
 * Validates author-supplied props and fills defaults. Invalid props fail the build loudly: they are typos in
 * the article, not reader input.
 */
export function stateFromProps(props: Partial<SamplerState>): SamplerState {
  const state = { ...DEFAULT_STATE, ...props };
  if (!isInitializerId(state.initializer)) {
    throw new Error(`InitializerSampler: unknown initializer "${String(state.initializer)}"`);
  }
  for (const key of ["fanIn", "fanOut"] as const) {
    const v = state[key];
    if (!Number.isInteger(v) || v < FAN_RANGE.min || v > FAN_RANGE.max) {
      throw new Error(
        `InitializerSampler: ${key} must be an integer in [${FAN_RANGE.min}, ${FAN_RANGE.max}], got ${v}`,
      );
    }
  }
  if (!Number.isInteger(state.seed) || state.seed < 0) {
    throw new Error(`InitializerSampler: seed must be a non-negative integer, got ${state.seed}`);
  }
  return state;
}

/** Clamps a fan typed by the reader into range; returns the value and whether it had to change. */
export function clampFan(raw: number): { value: number; clamped: boolean } {
  if (!Number.isFinite(raw)) return { value: FAN_RANGE.min, clamped: true };
  const value = Math.min(FAN_RANGE.max, Math.max(FAN_RANGE.min, Math.round(raw)));
  return { value, clamped: value !== raw };
}

export function sample(state: SamplerState): SamplingResult {
  return sampleInitializer({
    id: state.initializer,
    fanIn: state.fanIn,
    fanOut: state.fanOut,
    n: SAMPLES,
    seed: state.seed,
  });
}

/** Three significant digits, without exponent notation down to 1e-6. */
const fmt = (x: number) =>
  x === 0 ? "0" : Math.abs(x) >= 1e-6 ? String(Number(x.toPrecision(3))) : x.toExponential(2);

/** A sentence stating what the figure shows now, for the caption and for screen readers. */
export function summarize(result: SamplingResult): string {
  const { theory, sample: s, n } = result;
  const name = initializers[result.id].label;
  const draws = `${n.toLocaleString("en-US")} draws of ${name} (fan-in ${result.fans.fanIn}, fan-out ${result.fans.fanOut})`;
  if (theory.variance === 0)
    return `${draws}: every weight equals ${fmt(s.mean)}, a point mass with variance 0.`;
  const off = ((s.variance - theory.variance) / theory.variance) * 100;
  return `${draws}: sample variance ${fmt(s.variance)} against ${fmt(theory.variance)} from the formula (${off >= 0 ? "+" : "−"}${Math.abs(off).toFixed(1)} %).`;
}
