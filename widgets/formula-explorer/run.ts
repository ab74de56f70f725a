import { sampleInitializer, type SamplingOptions } from "../../engine/experiments/sampling";
import { fansOf } from "../../engine/fans";
import type { Fans } from "../../engine/initializers";
import { paramsOf, type ExplorerState } from "./state";

/** Weights drawn per run. */
export const SAMPLES = 10_000;
/** Orthogonal sampling runs a QR per matrix: keep it to 1,024 × 1,024 here. */
export const ORTHOGONAL_MAX_FAN = 1024;

/** Fans of the layer the state describes (Keras' rule; PyTorch's gives the same numbers). */
export function fansOfState(s: ExplorerState): Fans {
  return s.kernel === "dense"
    ? { fanIn: s.fanIn, fanOut: s.fanOut }
    : fansOf([s.kh, s.kw, s.inChannels, s.outChannels], "keras");
}

/** The sampling run for a state, and a note when it had to be made smaller than the layer. */
export function samplingOptions(s: ExplorerState): { options: SamplingOptions; notes: string[] } {
  let { fanIn, fanOut } = fansOfState(s);
  const notes: string[] = [];
  if (s.initializer === "orthogonal" && Math.max(fanIn, fanOut) > ORTHOGONAL_MAX_FAN) {
    const k = ORTHOGONAL_MAX_FAN / Math.max(fanIn, fanOut);
    fanIn = Math.max(1, Math.round(fanIn * k));
    fanOut = Math.max(1, Math.round(fanOut * k));
    notes.push(
      `Orthogonal matrices are sampled at ${fanOut} × ${fanIn} here (a QR per matrix); the formula uses the same fans.`,
    );
  }
  const options = {
    id: s.initializer,
    fanIn,
    fanOut,
    params: paramsOf(s),
    n: SAMPLES,
    seed: s.seed,
    bins: 40,
  };
  return { options, notes };
}

export const sample = (s: ExplorerState) => sampleInitializer(samplingOptions(s).options);
