import { activations } from "../../engine/activations";
import { initializers } from "../../engine/initializers";
import type { PlaygroundState } from "./model";
import { epochOf, LEARNED_LOSS, verdictOf, type LayerRow, type Run } from "./run";

/** A number for prose: 3 significant digits, exponent form when tiny or huge. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e4 ? String(Number(x.toPrecision(3))) : x.toExponential(1);
}

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
  if (rows.length > 1) {
    const first = rows[0].gradVar;
    const last = rows[rows.length - 1].gradVar;
    if (first > 0 && last > 0 && first / last < 1e-4)
      return `the gradient reaching layer 1 has ${num(first / last)} of the output's variance (vanishing)`;
  }
  return null;
}

/** One sentence for the live region and the caption: where the run is, and why when it does not learn. */
export function summarize(run: Run, rows: readonly LayerRow[]): string {
  const { state } = run;
  const setup = `${initializers[state.init].label}, ${activations[state.activation].label}, ${architecture(state)}, learning rate ${num(state.lr)}`;
  const epoch = epochOf(run);
  const last = run.history[run.history.length - 1];
  const verdict = verdictOf(run);
  if (verdict === "diverged")
    return `${setup}: diverged at epoch ${epoch} — the weights or the loss overflowed. Lower the learning rate and press Reset.`;
  const losses = `test loss ${num(last.test)}, train loss ${num(last.train)}`;
  const reason = stallReason(rows);
  if (verdict === "untrained") return `${setup}: before training, ${losses}${reason ? `; ${reason}` : ""}.`;
  if (verdict === "learned" && run.learned)
    return `${setup}: learned — the test loss fell below ${LEARNED_LOSS} at epoch ${run.learned.epoch} (${num(run.learned.test)}); at epoch ${epoch}, ${losses}.`;
  if (verdict === "stalled")
    return `${setup}: stalled — epoch ${epoch}, ${losses}, barely better than predicting the average label (${num(run.baseline)})${reason ? `: ${reason}` : ""}.`;
  return `${setup}: learning — epoch ${epoch}, ${losses}${reason ? `; ${reason}` : ""}.`;
}
