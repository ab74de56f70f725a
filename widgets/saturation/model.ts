import {
  createSaturationRun,
  saturationDefaults,
  saturationSnapshot,
  stepSaturationInPlace,
  type SaturationOptions,
  type SaturationStepper,
} from "../../engine/experiments/saturation";
import { histogram } from "../../engine/histogram";
import { initializers } from "../../engine/initializers";
import { forward } from "../../engine/network";
import { derivativeValues, isDiverged, moments } from "../../engine/stats";
import { choiceField, numberField, seedField, type Schema } from "../ui/url-state";
import { groupDigits } from "../ui/format";

/** Everything the demo shows is a function of this state (and of how many steps have been trained). */
export interface SaturationState {
  /** Weight scale s: every weight of the scaled net ~ N(0, s²). */
  scale: number;
  activation: "tanh" | "sigmoid";
  seed: number;
}

export const NAMESPACE = "sat";
export const ANCHOR = "demo-saturation";
export const TITLE = "Weight scale, saturation and a stalling loss";
export const SCALE_RANGE = { min: 0.01, max: 10 } as const;
export const ACTIVATIONS = ["tanh", "sigmoid"] as const;

export const DEFAULT_STATE: SaturationState = { scale: 10, activation: "tanh", seed: 1 };

/** URL fields: `sat.scale`, `sat.activation`, `sat.seed`. */
export const schema: Schema<SaturationState> = {
  scale: numberField("weight scale", SCALE_RANGE.min, SCALE_RANGE.max, { digits: 3 }),
  activation: choiceField("activation", ACTIVATIONS, "tanh"),
  seed: seedField(),
};

/**
 * Validates author-supplied props and fills defaults. Invalid props fail the build loudly: they are typos in
 * the article, not reader input.
 */
export function stateFromProps(props: Partial<SaturationState>): SaturationState {
  const state = { ...DEFAULT_STATE, ...props };
  const { min, max } = SCALE_RANGE;
  if (!(Number.isFinite(state.scale) && state.scale >= min && state.scale <= max)) {
    throw new Error(`SaturationDemo: scale must be a number in [${min}, ${max}], got ${state.scale}`);
  }
  if (!ACTIVATIONS.includes(state.activation)) {
    throw new Error(
      `SaturationDemo: activation must be "tanh" or "sigmoid", got "${String(state.activation)}"`,
    );
  }
  if (!Number.isInteger(state.seed) || state.seed < 0 || state.seed > 2 ** 32 - 1) {
    throw new Error(`SaturationDemo: seed must be an integer in [0, 2³² − 1], got ${state.seed}`);
  }
  return state;
}

/**
 * Training settings per activation. tanh learns the circle in 1,000 steps at lr 0.03 (the experiment's
 * defaults); sigmoid, with σ′ ≤ ¼, needs lr 0.3 and 2,000 steps for Xavier to get off its plateau (the claim
 * test's sigmoid setting).
 */
export const TRAINING = {
  tanh: { lr: 0.03, steps: 1000 },
  sigmoid: { lr: 0.3, steps: 2000 },
} as const;

/** Steps per animation frame: a whole run takes about 200 frames (≈ 3 s at 60 Hz). */
export const stepsPerFrame = (state: SaturationState): number => TRAINING[state.activation].steps / 200;

export function experimentOptions(state: SaturationState): SaturationOptions {
  return {
    ...saturationDefaults,
    seed: state.seed,
    activation: state.activation,
    scale: state.scale,
    ...TRAINING[state.activation],
  };
}

/** The two runs that train side by side: N(0, s²) and the Xavier baseline, same data, seed and batches. */
export interface Runs {
  state: SaturationState;
  /** Steps trained, the same for both runs (a diverged run stops working but keeps the count). */
  step: number;
  scaled: SaturationStepper;
  baseline: SaturationStepper;
  /** Step at which each run first had a non-finite weight or loss (null while finite). */
  divergedAt: { scaled: number | null; baseline: number | null };
}

export function createRuns(state: SaturationState): Runs {
  const o = experimentOptions(state);
  return {
    state,
    step: 0,
    scaled: createSaturationRun("scaled", o),
    baseline: createSaturationRun("baseline", o),
    divergedAt: { scaled: null, baseline: null },
  };
}

export const horizon = (runs: Runs): number => runs.scaled.options.steps;
export const stepOf = (runs: Runs): number => runs.step;
export const finished = (runs: Runs): boolean =>
  stepOf(runs) >= horizon(runs) || (runs.divergedAt.scaled !== null && runs.divergedAt.baseline !== null);

const lastLoss = (run: SaturationStepper) => run.loss[run.loss.length - 1].loss;

/**
 * Advances both runs together by up to `n` steps (never past the horizon). A run that diverges stops there;
 * the other keeps training.
 */
export function advanceInPlace(runs: Runs, n: number): void {
  const k = Math.min(n, horizon(runs) - runs.step);
  if (k <= 0) return;
  runs.step += k;
  for (const key of ["scaled", "baseline"] as const) {
    const run = runs[key];
    if (runs.divergedAt[key] !== null) continue;
    stepSaturationInPlace(run, k);
    if (isDiverged(run.trainer.net, undefined, lastLoss(run))) runs.divergedAt[key] = run.trainer.step;
  }
}

/** A histogram bin as a share of all values of the layer (so bins and tails share one y scale). */
export interface ShareBin {
  x0: number;
  x1: number;
  share: number;
}

/** One hidden layer of one run, as the figures draw it. */
export interface LayerView {
  /** 1-based hidden layer number. */
  layer: number;
  /** Pre-activations on the fixed window [−zLimit, zLimit]; `below` / `above` are the shares outside it. */
  z: { bins: ShareBin[]; below: number; above: number; std: number };
  /** f′(z) on [0, f′ max]. */
  derivative: ShareBin[];
  /** Fraction of saturated units over the data (engine definition: tanh |a| > 0.99, sigmoid σ′ < 0.01). */
  saturated: number;
  meanDerivative: number;
  /** ‖∂L/∂W‖₂ of the weights into this layer. */
  gradNorm: number;
}

export type RunStatus = "untrained" | "learning" | "stalled" | "diverged";

export interface RunView {
  key: "scaled" | "baseline";
  /** "N(0, 10²)" or "Xavier". */
  label: string;
  layers: LayerView[];
  loss: { step: number; loss: number }[];
  lossStart: number;
  lossNow: number;
  status: RunStatus;
  divergedAt: number | null;
}

/** What the figures and the summary read: one snapshot of both runs at the current step. */
export interface SaturationView {
  state: SaturationState;
  step: number;
  /** The step the per-layer statistics were taken at (while playing they refresh less often than the loss). */
  layersStep: number;
  horizon: number;
  /** The histogram window of z: values beyond ±zLimit are drawn as the two tail bars. */
  zLimit: number;
  /** |z| below which the unit is not saturated (the engine's thresholds, solved for z). */
  liveEdge: number;
  /** The largest value of f′: 1 for tanh, ¼ for sigmoid. */
  derivativeMax: number;
  /** ½·Var(y): the loss of the best constant output (the same data for both runs). */
  constantLoss: number;
  scaled: RunView;
  baseline: RunView;
}

/**
 * Where stats.fractionSaturated draws its line, as |z|: tanh |a| > 0.99 ⇔ |z| > atanh(0.99) ≈ 2.65;
 * sigmoid σ′ < 0.01 ⇔ |z| > ln((1 + √0.96) / (1 − √0.96)) ≈ 4.60. The window shows a little more than that.
 */
const WINDOW = {
  tanh: { liveEdge: 2.647, zLimit: 6, derivativeMax: 1 },
  sigmoid: { liveEdge: 4.595, zLimit: 10, derivativeMax: 0.25 },
} as const;
export const Z_BINS = 25;
export const DERIVATIVE_BINS = 20;

export const scaleLabel = (scale: number): string => `N(0, ${formatScale(scale)}²)`;
export const BASELINE_LABEL = "Xavier";

/**
 * The loss of the best constant output, ½·Var(y) — what a net that ignores its input reaches. A run is
 * "learning" once its loss is below 90 % of both its start and this level (judged from step 100 on), and
 * "stalled" otherwise.
 */
export function constantOutputLoss(run: SaturationStepper): number {
  return moments(run.data.Y).variance / 2;
}

export function statusOf(
  loss: { start: number; now: number; constant: number },
  step: number,
  divergedAt: number | null,
): RunStatus {
  if (divergedAt !== null) return "diverged";
  if (step < 100) return "untrained";
  return loss.now < 0.9 * Math.min(loss.start, loss.constant) ? "learning" : "stalled";
}

function shares(bins: { x0: number; x1: number; count: number }[], n: number): ShareBin[] {
  return bins.map((b) => ({ x0: b.x0, x1: b.x1, share: n > 0 ? b.count / n : 0 }));
}

function layerViews(run: SaturationStepper): LayerView[] {
  const { net } = run.trainer;
  const { data } = run;
  const window = WINDOW[run.options.activation];
  const trace = forward(net, data.X, data.n);
  const stats = saturationSnapshot(net, data, run.options.bins);
  return stats.map((s, l) => {
    const z = trace.z[l];
    const n = z.length;
    let below = 0;
    let above = 0;
    for (let i = 0; i < n; i++) {
      if (z[i] < -window.zLimit) below++;
      else if (z[i] > window.zLimit) above++;
    }
    const derivative = derivativeValues(run.options.activation, z, trace.a[l + 1]);
    return {
      layer: l + 1,
      z: {
        bins: shares(histogram(z, { bins: Z_BINS, domain: [-window.zLimit, window.zLimit] }), n),
        below: below / n,
        above: above / n,
        std: moments(z).std,
      },
      derivative: shares(
        histogram(derivative, { bins: DERIVATIVE_BINS, domain: [0, window.derivativeMax] }),
        n,
      ),
      saturated: s.saturated,
      meanDerivative: s.meanDerivative,
      gradNorm: s.gradNorm,
    };
  });
}

function runView(runs: Runs, key: "scaled" | "baseline", layers: LayerView[], step: number): RunView {
  const run = runs[key];
  const divergedAt = runs.divergedAt[key];
  const loss = run.loss.filter((p) => Number.isFinite(p.loss));
  const lossStart = run.loss[0].loss;
  const lossNow = loss.length > 0 ? loss[loss.length - 1].loss : NaN;
  return {
    key,
    label: key === "scaled" ? scaleLabel(runs.state.scale) : BASELINE_LABEL,
    layers,
    loss,
    lossStart,
    lossNow,
    status: statusOf({ start: lossStart, now: lossNow, constant: constantOutputLoss(run) }, step, divergedAt),
    divergedAt,
  };
}

/** Per-layer statistics of both runs at one step (the expensive part of a view, refreshed separately). */
export interface LayerSnapshot {
  step: number;
  scaled: LayerView[];
  baseline: LayerView[];
}

/**
 * Per-layer statistics of both runs now. Pass the previous snapshot of the same runs: a diverged run keeps its
 * last finite layers rather than drawing NaN.
 */
export function layerSnapshot(runs: Runs, previous?: LayerSnapshot): LayerSnapshot {
  const layersOf = (key: "scaled" | "baseline") =>
    runs.divergedAt[key] !== null && previous ? previous[key] : layerViews(runs[key]);
  return { step: runs.step, scaled: layersOf("scaled"), baseline: layersOf("baseline") };
}

/** The snapshot the figures draw: losses now, per-layer statistics from `layers` (default: taken now). */
export function viewOf(runs: Runs, layers: LayerSnapshot = layerSnapshot(runs)): SaturationView {
  const step = stepOf(runs);
  return {
    state: runs.state,
    step,
    layersStep: layers.step,
    horizon: horizon(runs),
    ...WINDOW[runs.state.activation],
    constantLoss: constantOutputLoss(runs.scaled),
    scaled: runView(runs, "scaled", layers.scaled, step),
    baseline: runView(runs, "baseline", layers.baseline, step),
  };
}

/** The same view with other per-layer statistics (figures that refresh on a different frame). */
export function withLayers(view: SaturationView, layers: LayerSnapshot): SaturationView {
  return {
    ...view,
    layersStep: layers.step,
    scaled: { ...view.scaled, layers: layers.scaled },
    baseline: { ...view.baseline, layers: layers.baseline },
  };
}

/** The baseline's full registry name, for the caption. */
export const baselineName = initializers[saturationDefaults.baseline].label;

const SUPERSCRIPT: Record<string, string> = {
  "-": "⁻",
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
};

/** Two significant digits ("0.50", "1.0", "54", "370"); below 0.001 as m × 10ⁿ. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  if (Math.abs(x) >= 10) return groupDigits(Number(x.toPrecision(2)));
  if (Math.abs(x) >= 1e-3) return x.toPrecision(2);
  const [m, e] = x.toExponential(1).split("e");
  return `${m} × ${powerOfTen(Number(e))}`;
}

/** 10ⁿ with a superscript exponent ("10⁻⁴"). */
export function powerOfTen(n: number): string {
  const exponent = String(n)
    .split("")
    .map((c) => SUPERSCRIPT[c] ?? c)
    .join("");
  return `10${exponent}`;
}

/** The weight scale as the slider shows it (up to 3 significant digits, no padding: "0.01", "2.5", "10"). */
export const formatScale = (s: number): string => String(Number(s.toPrecision(3)));

const percent = (x: number) => `${Math.round(x * 100)} %`;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** A factor: "3.3", "54", "20,000". */
const times = (x: number) => (x >= 10 ? formatNumber(x) : x.toFixed(1));

/** "55× smaller than Xavier's" / "3.1× larger than Xavier's" / "about the same as Xavier's". */
function ratioPhrase(value: number, reference: number): string {
  if (!(value > 0 && reference > 0)) return `against ${formatNumber(reference)} for Xavier`;
  const r = reference / value;
  if (r >= 1.5) return `${times(r)}× smaller than Xavier's`;
  if (r <= 1 / 1.5) return `${times(1 / r)}× larger than Xavier's`;
  return `about the same as Xavier's (${formatNumber(reference)})`;
}

/** The regime the scaled net is in at initialisation-like statistics: what the summary leads with. */
export function regimeOf(view: SaturationView): "saturated" | "vanishing" | "balanced" {
  const s = view.scaled.layers;
  const b = view.baseline.layers;
  if (mean(s.map((l) => l.saturated)) >= 0.5) return "saturated";
  const last = s.length - 1;
  if (s[last].z.std < 0.1 * b[last].z.std) return "vanishing";
  return "balanced";
}

/**
 * Which way the scaled net's gradient norms change toward the input, when they change by 3× or more: saturated
 * tanh can make them GROW (the Random page's "Saturated tanh can explode gradients").
 */
function directionSentence(run: RunView): string {
  const first = run.layers[0].gradNorm;
  const last = run.layers[run.layers.length - 1].gradNorm;
  if (!(first > 0 && last > 0)) return "";
  const n = run.layers.length;
  const r = first / last;
  if (r >= 3)
    return `In the ${run.label} net, gradient norms grow ${times(r)}× from layer ${n} down to layer 1.`;
  if (r <= 1 / 3)
    return `In the ${run.label} net, gradient norms shrink ${times(1 / r)}× from layer ${n} down to layer 1.`;
  return "";
}

function trainingSentence(view: SaturationView): string {
  const { scaled, baseline, step } = view;
  if (step === 0) {
    const constant =
      Math.abs(scaled.lossStart - view.constantLoss) < 0.02 ? ", what a constant output scores," : "";
    return `Loss ${formatNumber(scaled.lossStart)}${constant} against ${formatNumber(baseline.lossStart)} for Xavier; press Play to train both on the same data from the same seed.`;
  }
  const describe = (run: RunView) =>
    run.status === "diverged"
      ? `diverged at step ${groupDigits(run.divergedAt!)} (a weight or the loss became infinite)`
      : `went from ${formatNumber(run.lossStart)} to ${formatNumber(run.lossNow)}` +
        (run.status === "untrained" ? "" : ` (${run.status})`);
  return `After ${groupDigits(step)} steps the loss of ${scaled.label} ${describe(scaled)}; Xavier's ${describe(baseline)}.`;
}

/** A sentence stating what the figures show now, for the caption and for screen readers. */
export function summarize(view: SaturationView): string {
  const { scaled: s, baseline: b, state } = view;
  const head = `With s = ${formatScale(state.scale)} and ${state.activation}`;
  const sat = mean(s.layers.map((l) => l.saturated));
  const satX = mean(b.layers.map((l) => l.saturated));
  const d = mean(s.layers.map((l) => l.meanDerivative));
  const dX = mean(b.layers.map((l) => l.meanDerivative));
  const g = s.layers[0].gradNorm;
  const gX = b.layers[0].gradNorm;
  const last = s.layers.length - 1;
  let state_: string;
  switch (regimeOf(view)) {
    case "saturated":
      state_ = `${head}, ${percent(sat)} of hidden units are saturated (Xavier: ${percent(satX)}) and the mean f′(z) is ${formatNumber(d)} (Xavier: ${formatNumber(dX)}); the layer-1 gradient norm is ${formatNumber(g)}, ${ratioPhrase(g, gX)}.`;
      break;
    case "vanishing":
      state_ = `${head}, nothing saturates (${percent(sat)}; mean f′(z) ${formatNumber(d)}), but the signal vanishes instead: the spread of the pre-activations shrinks to ${formatNumber(s.layers[last].z.std)} by layer ${last + 1} (Xavier: ${formatNumber(b.layers[last].z.std)}) and the layer-1 gradient norm is ${formatNumber(g)}, ${ratioPhrase(g, gX)}.`;
      break;
    case "balanced":
      state_ = `${head}, ${percent(sat)} of hidden units are saturated (Xavier: ${percent(satX)}), the mean f′(z) is ${formatNumber(d)} (Xavier: ${formatNumber(dX)}) and the layer-1 gradient norm is ${formatNumber(g)}, ${ratioPhrase(g, gX)}.`;
      break;
  }
  return [state_, directionSentence(s), trainingSentence(view)].filter((x) => x !== "").join(" ");
}
