import { activations, type ActivationName } from "../../engine/activations";
import type { DatasetName } from "../../engine/datasets";
import {
  createSymmetryRun,
  movement,
  symmetryDefaults,
  type SymmetryRun,
} from "../../engine/experiments/symmetry";
import {
  boolField,
  choiceField,
  intField,
  numberField,
  seedField,
  type Field,
  type Schema,
} from "../ui/url-state";
import { groupDigits } from "../ui/format";

/** Everything the reader can set; the run at step 0 is a pure function of it (speed only paces playback). */
export interface SymmetryDemoState {
  activation: ActivationName;
  dataset: DatasetName;
  /** The constant c every weight starts at. */
  constant: number;
  /** Whether ε·N(0, 1) noise is added to every initial weight. */
  noise: boolean;
  /** ε, used when `noise` is on. */
  epsilon: number;
  lr: number;
  /** SGD steps per animation frame (at most; a frame also stops at its time budget). */
  speed: number;
  seed: number;
}

/** The URL namespace: `sym.c=0.5&sym.noise=1…`. */
export const NAMESPACE = "sym";
/** The section id a copied link scrolls to (the Symmetric page's demo anchor). */
export const DEMO_ID = "demo-symmetry";
/** Training stops by itself here, so a forgotten tab does not spin forever. */
export const MAX_STEPS = 20_000;

export const ACTIVATION_CHOICES = ["tanh", "relu", "sigmoid", "linear", "leaky_relu"] as const;
export const DATASET_CHOICES = ["xor", "circle", "gaussian", "spiral"] as const;
export const SPEED_CHOICES = [1, 5, 20, 100] as const;
export const RANGES = {
  constant: { min: -2, max: 2, step: 0.05 },
  epsilon: { min: 0.001, max: 0.5 },
  lr: { min: 0.001, max: 10 },
} as const;

/** tanh on XOR from c = 0.5 with the noise off: the tie is the first thing a reader sees. */
export const DEFAULT_STATE: SymmetryDemoState = {
  activation: "tanh",
  dataset: "xor",
  constant: 0.5,
  noise: false,
  epsilon: 0.05,
  lr: symmetryDefaults.lr,
  speed: 20,
  seed: 1,
};

/** Steps per frame: one of SPEED_CHOICES; any other number takes the nearest with a note. */
const speedField: Field<number> = {
  label: "speed",
  parse(raw) {
    const parsed = intField("speed", 1, 100).parse(raw);
    const nearest = SPEED_CHOICES.reduce((a, b) =>
      Math.abs(b - parsed.value) < Math.abs(a - parsed.value) ? b : a,
    );
    if (nearest === parsed.value) return parsed;
    return {
      value: nearest,
      note: `speed “${raw}” is not one of ${SPEED_CHOICES.join(", ")}; using ${nearest}.`,
    };
  },
  format: (v) => String(v),
};

/** URL codecs: every field clamps or falls back with a note, never throws. */
export const schema: Schema<SymmetryDemoState> = {
  activation: choiceField("activation", ACTIVATION_CHOICES, DEFAULT_STATE.activation),
  dataset: choiceField("data set", DATASET_CHOICES, DEFAULT_STATE.dataset),
  constant: numberField("constant c", RANGES.constant.min, RANGES.constant.max),
  noise: boolField("noise"),
  epsilon: numberField("ε", RANGES.epsilon.min, RANGES.epsilon.max, { digits: 3 }),
  lr: numberField("learning rate", RANGES.lr.min, RANGES.lr.max, { digits: 3 }),
  speed: speedField,
  seed: seedField(),
};

/**
 * Validates author-supplied props and fills defaults. Invalid props fail the build loudly: they are typos in
 * the article, not reader input.
 */
export function stateFromProps(props: Partial<SymmetryDemoState>): SymmetryDemoState {
  const s = { ...DEFAULT_STATE };
  for (const [key, value] of Object.entries(props) as [keyof SymmetryDemoState, unknown][]) {
    if (value !== undefined) (s as Record<string, unknown>)[key] = value;
  }
  const fail = (what: string) => {
    throw new Error(`SymmetryDemo: ${what}`);
  };
  if (!(ACTIVATION_CHOICES as readonly string[]).includes(s.activation))
    fail(`unknown activation "${String(s.activation)}" (one of ${ACTIVATION_CHOICES.join(", ")})`);
  if (!(DATASET_CHOICES as readonly string[]).includes(s.dataset))
    fail(`unknown dataset "${String(s.dataset)}" (one of ${DATASET_CHOICES.join(", ")})`);
  const inRange = (key: "constant" | "epsilon" | "lr") => {
    const v = s[key];
    const { min, max } = RANGES[key];
    if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max)
      fail(`${key} must be a number in [${min}, ${max}], got ${String(v)}`);
  };
  inRange("constant");
  inRange("epsilon");
  inRange("lr");
  if (typeof s.noise !== "boolean") fail(`noise must be true or false, got ${String(s.noise)}`);
  if (!(SPEED_CHOICES as readonly number[]).includes(s.speed))
    fail(`speed must be one of ${SPEED_CHOICES.join(", ")}, got ${String(s.speed)}`);
  if (!Number.isInteger(s.seed) || s.seed < 0 || s.seed > 2 ** 32 - 1)
    fail(`seed must be an integer in [0, 2^32 − 1], got ${String(s.seed)}`);
  return s;
}

/** The ε actually added: 0 when the switch is off. */
export const noiseOf = (s: SymmetryDemoState): number => (s.noise ? s.epsilon : 0);

/** A new run at step 0 for this state (the engine's seeded experiment; its defaults fix the 2-4-4-1 net). */
export function createRun(s: SymmetryDemoState): SymmetryRun {
  return createSymmetryRun({
    seed: s.seed,
    activation: s.activation,
    dataset: s.dataset,
    constant: s.constant,
    noise: noiseOf(s),
    lr: s.lr,
  });
}

/** The key of everything that changes the run (not the speed): a new key means a new run. */
export const runKey = (s: SymmetryDemoState): string =>
  JSON.stringify([s.activation, s.dataset, s.constant, noiseOf(s), s.lr, s.seed]);

/** One weight layer as the figures show it: W (out × in, row-major) and b, plus the engine's measures. */
export interface LayerView {
  nIn: number;
  nOut: number;
  W: number[];
  b: number[];
  /** Largest spread among this layer's tied weights (engine stats.symmetrySpread). */
  weightSpread: number;
  /** Spread of the biases (hidden layers), null for the output layer. */
  biasSpread: number | null;
  /** Largest |ΔW| and |Δb| since initialisation (engine movement). */
  weightsMoved: number;
  biasesMoved: number;
}

/** What the figures and readouts draw: plain, finite numbers copied out of the run. */
export interface Snapshot {
  step: number;
  loss: number;
  /** Largest spread among tied weights over the whole net; exactly 0 while the units are tied. */
  spread: number;
  layers: LayerView[];
}

/** Copies the run's current state out (the run keeps training in place). */
export function snapshot(run: SymmetryRun): Snapshot {
  const { state } = run;
  const rec = state.history[state.history.length - 1];
  const moved = movement(state);
  const { net } = state.trainer;
  return {
    step: rec.step,
    loss: rec.loss,
    spread: rec.spread,
    layers: net.layers.map(({ W, b }, l) => ({
      nIn: net.sizes[l],
      nOut: net.sizes[l + 1],
      W: Array.from(W),
      b: Array.from(b),
      weightSpread: rec.perLayer[l].weights,
      biasSpread: rec.perLayer[l].biases,
      weightsMoved: moved[l].weights,
      biasesMoved: moved[l].biases,
    })),
  };
}

/** True when training blew up: a loss or a parameter is NaN or infinite. */
export function isDiverged(s: Snapshot): boolean {
  if (!Number.isFinite(s.loss) || !Number.isFinite(s.spread)) return true;
  return s.layers.some((l) => !l.W.every(Number.isFinite) || !l.b.every(Number.isFinite));
}

/**
 * Advances the run by up to `steps` SGD steps, stopping early at `deadline` (performance.now() time; checked
 * after every step) or at MAX_STEPS. Keeps only the newest history record, so memory stays flat however long
 * it plays. Returns the number of steps taken.
 */
export function advance(run: SymmetryRun, steps: number, deadline = Infinity, now = () => 0): number {
  let taken = 0;
  while (taken < steps && run.state.trainer.step < MAX_STEPS) {
    run.step(1);
    taken++;
    if (now() >= deadline) break;
  }
  const { history } = run.state;
  if (history.length > 1) history.splice(0, history.length - 1);
  return taken;
}

/** Up to 3 significant digits, no exponent down to 1e-4; exact 0 stays "0". */
export function fmt(x: number): string {
  if (x === 0) return "0";
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  const s = a >= 1e-4 ? String(Number(a.toPrecision(3))) : a.toExponential(1);
  return x < 0 ? `−${s}` : s;
}

/** The readout of a spread: exactly 0 means the tied values are bit-identical. */
export function spreadText(spread: number): string {
  return spread === 0 ? "0 — bit-identical" : `${fmt(spread)} — units differ`;
}

/** "exactly 0" is only said when not one bit changed. */
export function movedText(moved: number): string {
  return moved === 0 ? "exactly 0" : fmt(moved);
}

export const LAYER_NAMES = ["input → hidden 1", "hidden 1 → hidden 2", "hidden 2 → output"];

/** Readout rows, one per weight layer, all numbers from the engine's measures. */
export function readoutRows(s: Snapshot) {
  return s.layers.map((l, i) => ({
    name: `W${i + 1}`,
    label: LAYER_NAMES[i] ?? `layer ${i + 1}`,
    spread: fmt(l.weightSpread),
    tied: l.weightSpread === 0,
    weightsMoved: movedText(l.weightsMoved),
    biasesMoved: movedText(l.biasesMoved),
  }));
}

/** True when every weight is frozen at its start but some bias learned (zero init, tanh/ReLU). */
export function onlyBiasesMoved(s: Snapshot): boolean {
  return s.layers.every((l) => l.weightsMoved === 0) && s.layers.some((l) => l.biasesMoved > 0);
}

/** One line on what has moved so far (always some text, so the readout keeps its height). */
export function movementSentence(s: Snapshot): string {
  if (s.step === 0) return "Step 0: nothing has trained yet. Press Play, or Step.";
  if (onlyBiasesMoved(s)) return "Only biases move: every weight is still exactly at its starting value.";
  if (s.spread === 0)
    return "Weights move, yet the units of each layer stay exact copies: training cannot tell them apart.";
  return "The tie is broken: the units of each layer now learn different weights.";
}

/** A sentence stating what the figures show now, for the caption and for screen readers. */
export function summarize(s: Snapshot, st: SymmetryDemoState, diverged: number | null = null): string {
  const act = activations[st.activation].label;
  if (diverged !== null)
    return `Training diverged at step ${groupDigits(diverged)}: the loss or a weight became NaN or infinite (learning rate ${fmt(st.lr)} is too large). The figures show the last finite state; reset or lower the learning rate.`;
  const at = `Step ${groupDigits(s.step)} (${act}, c = ${fmt(st.constant)}${st.noise ? `, ε = ${fmt(st.epsilon)}` : ", no noise"}):`;
  const tie =
    s.spread === 0
      ? "the largest spread among tied weights is 0 — bit-identical, so the 4 units of each hidden layer are still copies of one another"
      : `the largest spread among tied weights is ${fmt(s.spread)}, so the hidden units now differ`;
  const moved = onlyBiasesMoved(s)
    ? " Only biases moved: every weight is still exactly where it started."
    : s.step > 0 && s.layers.every((l) => l.weightsMoved === 0 && l.biasesMoved === 0)
      ? " Nothing has moved yet."
      : "";
  return `${at} ${tie}; loss ${fmt(s.loss)}.${moved}`;
}
