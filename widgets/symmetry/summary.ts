/** What the symmetry demo says about a snapshot: the readouts, the per-layer rows and the spoken summary. */
import { activations } from "../../engine/activations";
import type { SymmetrySnapshot } from "../../engine/experiments/symmetry";
import { count, sig } from "../ui/format";
import type { SymmetryState } from "./state";

/** The readout of a spread: exactly 0 means the tied values are bit-identical. */
export const spreadText = (spread: number): string =>
  spread === 0 ? "0 — bit-identical" : `${sig(spread)} — units differ`;

/** "exactly 0" is only said when not one bit changed. */
export const movedText = (moved: number): string => (moved === 0 ? "exactly 0" : sig(moved));

const LAYER_NAMES = ["input → hidden 1", "hidden 1 → hidden 2", "hidden 2 → output"];

/** Readout rows, one per weight layer, all numbers from the engine's measures. */
export const layerRows = (s: SymmetrySnapshot) =>
  s.layers.map((l, i) => ({
    name: `W${i + 1}`,
    label: LAYER_NAMES[i] ?? `layer ${i + 1}`,
    spread: sig(l.weightSpread),
    tied: l.weightSpread === 0,
    weightsMoved: movedText(l.weightsMoved),
    biasesMoved: movedText(l.biasesMoved),
  }));

/** True when every weight is frozen at its start but some bias learned (zero init, tanh/ReLU). */
export const onlyBiasesMoved = (s: SymmetrySnapshot): boolean =>
  s.layers.every((l) => l.weightsMoved === 0) && s.layers.some((l) => l.biasesMoved > 0);

/** One line on what has moved so far (always some text, so the readout keeps its height). */
export function movementSentence(s: SymmetrySnapshot): string {
  if (s.step === 0) return "Step 0: nothing has trained yet. Press Play, or Step.";
  if (onlyBiasesMoved(s)) return "Only biases move: every weight is still exactly at its starting value.";
  if (s.spread === 0)
    return "Weights move, yet the units of each layer stay exact copies: training cannot tell them apart.";
  return "The tie is broken: the units of each layer now learn different weights.";
}

/** A sentence stating what the figures show now, for the caption and for screen readers. */
export function summarize(s: SymmetrySnapshot, st: SymmetryState): string {
  if (s.divergedAt !== null)
    return `Training diverged at step ${count(s.divergedAt)}: the loss or a weight became NaN or infinite (learning rate ${sig(st.lr)} is too large). The figures show the last finite state; reset or lower the learning rate.`;
  const at = `Step ${count(s.step)} (${activations[st.activation].label}, c = ${sig(st.constant)}${st.noise ? `, ε = ${sig(st.epsilon)}` : ", no noise"}):`;
  const tie =
    s.spread === 0
      ? "the largest spread among tied weights is 0 — bit-identical, so the 4 units of each hidden layer are still copies of one another"
      : `the largest spread among tied weights is ${sig(s.spread)}, so the hidden units now differ`;
  const moved = onlyBiasesMoved(s)
    ? " Only biases moved: every weight is still exactly where it started."
    : s.step > 0 && s.layers.every((l) => l.weightsMoved === 0 && l.biasesMoved === 0)
      ? " Nothing has moved yet."
      : "";
  return `${at} ${tie}; loss ${sig(s.loss)}.${moved}`;
}
