import { activations } from "../../engine/activations";
import type { LayerRow, PlaygroundSnapshot } from "../../engine/experiments/playground";
import { initializers } from "../../engine/initializers";
import { DIVERGED_RATIO, LEARNED_RATIO } from "../../engine/verdict";
import { sig } from "../ui/format";
import type { PlaygroundState } from "./state";

/** A number for prose and the readout: 3 significant digits. */
export const num = (x: number): string => sig(x, 3);

/** The test loss under which a run counts as learned: LEARNED_RATIO · L_const. */
export const learnedLoss = (snap: PlaygroundSnapshot): string => sig(LEARNED_RATIO * snap.baseline, 1);

export function architecture(state: PlaygroundState): string {
  const h = state.hidden;
  return h.length === 0 ? "no hidden layer" : `hidden layers ${h.join("-")}`;
}

/** Why a run does not learn, read off the per-layer numbers (the first reason that applies). */
export function stallReason(rows: readonly LayerRow[]): string | null {
  const tied = rows.filter((r) => r.tied).map((r) => r.layer);
  if (tied.length > 0)
    return `every unit of hidden layer${tied.length > 1 ? "s" : ""} ${tied.join(", ")} is identical (tied weights), so the layer acts as one unit`;
  const hidden = rows.slice(0, -1);
  const silent = hidden.find((r) => r.actVar === 0);
  if (silent)
    return `hidden layer ${silent.layer} outputs the same value for every point (activation variance 0)`;
  const dead = hidden.find((r) => r.dead === 1);
  if (dead) return `every ReLU of hidden layer ${dead.layer} is dead`;
  const saturated = hidden.find((r) => r.saturated !== null && r.saturated > 0.9);
  if (saturated)
    return `${Math.round(100 * (saturated.saturated ?? 0))} % of hidden layer ${saturated.layer}'s units are saturated`;
  const first = rows[0]?.gradVar ?? 0;
  const last = rows[rows.length - 1]?.gradVar ?? 0;
  if (rows.length > 1 && first > 0 && last > 0 && first / last < 1e-4)
    return `the gradient reaching layer 1 has ${num(first / last)} of the output's variance (vanishing)`;
  return null;
}

/** One sentence for the live region and the captions: where the run is, and why when it does not learn. */
export function summarize(snap: PlaygroundSnapshot, state: PlaygroundState): string {
  const setup = `${initializers[state.init].label}, ${activations[state.activation].label}, ${architecture(state)}, learning rate ${num(state.lr)}`;
  const { epoch, verdict, learned } = snap;
  if (verdict === "diverged")
    return `${setup}: diverged at epoch ${epoch} — the loss overflowed or grew past ${DIVERGED_RATIO}× that of predicting the average label. Lower the learning rate and press Reset.`;
  const last = snap.history[snap.history.length - 1]!;
  const losses = `test loss ${num(last.test)}, train loss ${num(last.train)}`;
  const reason = stallReason(snap.rows);
  if (verdict === "learned" && learned)
    return `${setup}: learned — the test loss fell below ${learnedLoss(snap)} at epoch ${learned.epoch} (${num(learned.test)}); at epoch ${epoch}, ${losses}.`;
  if (verdict === "stalled")
    return `${setup}: stalled — epoch ${epoch}, ${losses}, barely better than predicting the average label (${num(snap.baseline)})${reason ? `: ${reason}` : ""}.`;
  const when = verdict === "untrained" && epoch === 0 ? "before training" : `learning — epoch ${epoch}`;
  return `${setup}: ${when}, ${losses}${reason ? `; ${reason}` : ""}.`;
}
