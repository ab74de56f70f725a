/** What the saturation demo says about a snapshot: run labels, the regime, and the spoken summary. */
import type { SaturationRunSnapshot, SaturationSnapshot } from "../../engine/experiments/saturation";
import { count, factor, percent, sig } from "../ui/format";
import { showScale } from "./state";

export const scaleLabel = (scale: number): string => `N(0, ${showScale(scale)}²)`;

/** "N(0, 10²)" or "Xavier". */
export const runLabel = (snap: SaturationSnapshot, run: SaturationRunSnapshot): string =>
  run.key === "scaled" ? scaleLabel(snap.options.scale) : "Xavier";

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** Two significant digits, as every number in this demo's sentences. */
const num = (x: number) => sig(x, 2, { pad: true });

/** The regime the scaled net is in: what the summary leads with. */
export function regimeOf(snap: SaturationSnapshot): "saturated" | "vanishing" | "balanced" {
  const s = snap.scaled.layers;
  const b = snap.baseline.layers;
  if (mean(s.map((l) => l.saturated)) >= 0.5) return "saturated";
  const last = s.length - 1;
  if (s[last]!.zStd < 0.1 * b[last]!.zStd) return "vanishing";
  return "balanced";
}

/** "55× smaller than Xavier's" / "3.1× larger than Xavier's" / "about the same as Xavier's". */
function ratioPhrase(value: number, reference: number): string {
  if (!(value > 0 && reference > 0)) return `against ${num(reference)} for Xavier`;
  const r = reference / value;
  if (r >= 1.5) return `${factor(r)} smaller than Xavier's`;
  if (r <= 1 / 1.5) return `${factor(1 / r)} larger than Xavier's`;
  return `about the same as Xavier's (${num(reference)})`;
}

/**
 * Which way the scaled net's gradient norms change toward the input, when they change by 3× or more: saturated
 * tanh can make them GROW (the Random page's "Saturated tanh can explode gradients").
 */
function directionSentence(snap: SaturationSnapshot): string {
  const layers = snap.scaled.layers;
  const first = layers[0]!.gradNorm;
  const last = layers[layers.length - 1]!.gradNorm;
  if (!(first > 0 && last > 0)) return "";
  const label = runLabel(snap, snap.scaled);
  const r = first / last;
  const n = layers.length;
  if (r >= 3) return `In the ${label} net, gradient norms grow ${factor(r)} from layer ${n} down to layer 1.`;
  if (r <= 1 / 3)
    return `In the ${label} net, gradient norms shrink ${factor(1 / r)} from layer ${n} down to layer 1.`;
  return "";
}

const lossStart = (run: SaturationRunSnapshot) => run.loss[0]!.loss;
export const lossNow = (run: SaturationRunSnapshot): number => run.loss[run.loss.length - 1]?.loss ?? NaN;

function trainingSentence(snap: SaturationSnapshot): string {
  const { scaled, baseline, step } = snap;
  if (step === 0) {
    const constant =
      Math.abs(lossStart(scaled) - snap.constantLoss) < 0.02 ? ", what a constant output scores," : "";
    return `Loss ${num(lossStart(scaled))}${constant} against ${num(lossStart(baseline))} for Xavier; press Play to train both on the same data from the same seed.`;
  }
  const describe = (run: SaturationRunSnapshot) =>
    run.verdict === "diverged"
      ? `diverged at step ${count(run.divergedAt!)} (a weight or the loss became infinite)`
      : `went from ${num(lossStart(run))} to ${num(lossNow(run))}` +
        (run.verdict === "untrained" ? "" : ` (${run.verdict})`);
  return `After ${count(step)} steps the loss of ${runLabel(snap, scaled)} ${describe(scaled)}; Xavier's ${describe(baseline)}.`;
}

/** A sentence stating what the figures show now, for the caption and for screen readers. */
export function summarize(snap: SaturationSnapshot): string {
  const { scaled, baseline, options } = snap;
  const s = scaled.layers;
  const b = baseline.layers;
  const head = `With s = ${showScale(options.scale)} and ${options.activation}`;
  const sat = mean(s.map((l) => l.saturated));
  const satX = mean(b.map((l) => l.saturated));
  const d = mean(s.map((l) => l.meanDerivative));
  const dX = mean(b.map((l) => l.meanDerivative));
  const g = s[0]!.gradNorm;
  const gX = b[0]!.gradNorm;
  const last = s.length - 1;
  const grad = `the layer-1 gradient norm is ${num(g)}, ${ratioPhrase(g, gX)}`;
  const lead = {
    saturated: `${head}, ${percent(sat)} of hidden units are saturated (Xavier: ${percent(satX)}) and the mean f′(z) is ${num(d)} (Xavier: ${num(dX)}); ${grad}.`,
    vanishing: `${head}, nothing saturates (${percent(sat)}; mean f′(z) ${num(d)}), but the signal vanishes instead: the spread of the pre-activations shrinks to ${num(s[last]!.zStd)} by layer ${last + 1} (Xavier: ${num(b[last]!.zStd)}) and ${grad}.`,
    balanced: `${head}, ${percent(sat)} of hidden units are saturated (Xavier: ${percent(satX)}), the mean f′(z) is ${num(d)} (Xavier: ${num(dX)}) and ${grad}.`,
  }[regimeOf(snap)];
  return [lead, directionSentence(snap), trainingSentence(snap)].filter((x) => x !== "").join(" ");
}
