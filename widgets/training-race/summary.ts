/** What the race says about a snapshot: lane names, verdict badges, boundary descriptions and the summary. */
import type { RaceLaneSnapshot } from "../../engine/experiments/trainingRace";
import { initializers, type InitializerId } from "../../engine/initializers";
import type { Verdict } from "../../engine/verdict";
import { count, percent, sig } from "../ui/format";
import type { Boundary, RaceSnapshot } from "./run";

/** A short name for legends: the registry label without its parentheses ("He normal"), numbered if repeated. */
export function laneNames(inits: readonly InitializerId[]): string[] {
  const base = inits.map((id) =>
    initializers[id].label
      .replace(/\s*\([^)]*\)/g, "")
      .replace(/\s+/g, " ")
      .trim(),
  );
  return base.map((name, i) =>
    base.filter((b) => b === name).length > 1
      ? `${name} #${base.slice(0, i + 1).filter((b) => b === name).length}`
      : name,
  );
}

const verdictText: Record<Verdict, string> = {
  untrained: "not judged yet",
  learning: "learning",
  learned: "learned",
  stalled: "stalled",
  diverged: "diverged",
};

/** A badge's text. */
export const verdictLabel = (v: Verdict): string => verdictText[v];

/**
 * What a boundary panel shows, in words: how decided the net is. While training the words only (so they
 * change rarely); paused, with the step and the output's range.
 */
export function boundaryDescription(name: string, boundary: Boundary | null, running = false): string {
  if (boundary === null) return `${name}: output over the input plane, not evaluated yet.`;
  const finite = [...boundary.values].filter(Number.isFinite);
  const spread = finite.length ? Math.max(...finite) - Math.min(...finite) : 0;
  const shape =
    spread < 0.1
      ? "flat: the net predicts about the same everywhere"
      : spread > 1e3
        ? "exploding"
        : "the net separates regions of the plane";
  if (running) return `${name}, output over the input plane: ${shape}.`;
  return `${name} at step ${count(boundary.step)}: the output over the input plane ranges over ${sig(spread)} (${shape}).`;
}

/** One lane in one clause: "He normal: learned — loss 0.0063, 1.3 % of a constant prediction's". */
function laneSentence(lane: RaceLaneSnapshot, name: string, constantLoss: number, numbers: boolean): string {
  if (lane.verdict === "diverged")
    return `${name}: diverged at step ${count(lane.step)} — its loss blew up, so its training stopped`;
  if (!numbers || lane.recentLoss === null) return `${name}: ${verdictText[lane.verdict]}`;
  return `${name}: ${verdictText[lane.verdict]} — loss ${sig(lane.recentLoss)}, ${percent(lane.recentLoss / constantLoss)} of a constant prediction's`;
}

/**
 * What the figures show now, for the caption and screen readers. While training the sentence names only
 * the verdicts (so the polite live region is not flooded with numbers); paused or finished, it gives the losses.
 */
export function summarize(snap: RaceSnapshot, running: boolean): string {
  const o = snap.options;
  const names = laneNames(o.inits);
  const net = `${o.depth} hidden ReLU layers of ${o.width}, learning rate ${sig(o.lr)}, ${o.dataset} data`;
  if (snap.step === 0)
    return `Step 0 of ${count(snap.horizon)}: ${names.join(" vs ")} on the same ${net}, same seed and batches. Press Play to train.`;
  const lanes = snap.lanes.map((l, k) => laneSentence(l, names[k]!, snap.constantLoss, !running)).join("; ");
  const where = running
    ? "Training"
    : snap.step >= snap.horizon || snap.lanes.every((l) => l.divergedAt !== null)
      ? `Finished at step ${count(snap.step)}`
      : `Paused at step ${count(snap.step)} of ${count(snap.horizon)}`;
  return `${where} (${net}). ${lanes}.`;
}
