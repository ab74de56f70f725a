/**
 * The ONE rule every demo uses to say how a training run is going, from its loss alone. The reference is
 * L_const, the loss of the best constant prediction (½·Var y for ½·MSE): a net that ignores its input scores
 * exactly that, so "barely below L_const" means it has not learned anything about the input.
 *
 *   "diverged"  — a loss or weight is NaN/±∞, or the recent loss exceeds DIVERGED_RATIO · L_const;
 *   "untrained" — fewer steps than the experiment's warm-up (too early to judge);
 *   "learned"   — the recent loss is at most LEARNED_RATIO · L_const (it fits the data);
 *   "stalled"   — the recent loss is above STALLED_RATIO · min(L_start, L_const): it has not got clearly
 *                 below what a constant output scores (nor below where it started);
 *   "learning"  — otherwise: clearly below a constant output, not yet fitted.
 *
 * "Recent loss" is the mean of the last TAIL recorded points, so one noisy mini-batch cannot flip a verdict.
 */

export type Verdict = "untrained" | "learning" | "learned" | "stalled" | "diverged";

/** A loss above this many times L_const is a blow-up, not slow learning. */
export const DIVERGED_RATIO = 10;
/** At or below this fraction of L_const the run has fitted the data. */
export const LEARNED_RATIO = 0.1;
/** Above this fraction of min(L_start, L_const) the run has not learned anything a constant could not. */
export const STALLED_RATIO = 0.7;
/** Recorded loss points averaged into the recent loss. */
export const TAIL = 3;

export interface VerdictInput {
  /** Recorded losses in order, the first at step 0 (non-finite values mean the run diverged). */
  losses: readonly number[];
  /** The best constant prediction's loss on the same data. */
  constantLoss: number;
  /** Steps (or epochs) trained so far. */
  step: number;
  /** Steps before which the run is "untrained" (the experiment's own warm-up; 1 judges from the first step). */
  warmup: number;
  /** True if any weight became non-finite (the loss alone may not show it yet). */
  diverged?: boolean;
}

/** The mean of the last TAIL recorded losses (NaN if there are none). */
export function recentLoss(losses: readonly number[]): number {
  const tail = losses.slice(-TAIL);
  return tail.reduce((s, v) => s + v, 0) / tail.length;
}

/** The verdict of the module comment. */
export function verdictOf({ losses, constantLoss, step, warmup, diverged = false }: VerdictInput): Verdict {
  const recent = recentLoss(losses);
  if (diverged || losses.some((l) => !Number.isFinite(l)) || recent > DIVERGED_RATIO * constantLoss)
    return "diverged";
  if (step < warmup || losses.length === 0) return "untrained";
  if (recent <= LEARNED_RATIO * constantLoss) return "learned";
  if (recent > STALLED_RATIO * Math.min(losses[0]!, constantLoss)) return "stalled";
  return "learning";
}

/** True for the verdicts that count as progress ("learning" or "learned"). */
export const isLearning = (v: Verdict): boolean => v === "learning" || v === "learned";
