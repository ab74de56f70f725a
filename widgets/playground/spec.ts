/**
 * The two small charts as pure data (domains, ticks, series, rules), drawn by Chart.tsx. They are plain SVG
 * rather than Observable Plot: Plot would add some 80 KB of script to the one page that runs this island.
 */
import type { LayerRow, LossPoint } from "../../engine/experiments/playground";

/** Boxes of the two charts (width / height), on wide screens and on phones. */
export const LOSS_ASPECT = { wide: 420 / 200, narrow: 4 / 2.6 };
export const LAYER_ASPECT = { wide: 520 / 210, narrow: 4 / 3 };

export const LOSS_COLORS = { test: "var(--series-3)", train: "var(--series-4)" } as const;
export const LAYER_COLORS = { act: "var(--series-3)", grad: "var(--series-4)" } as const;

export interface Point {
  x: number;
  y: number;
}

/** A chart with a linear x axis and a logarithmic y axis. */
export interface ChartSpec {
  ariaLabel: string;
  description: string;
  x: { domain: [number, number]; ticks: number[]; label: string };
  /** Log scale: domain[0] > 0. */
  y: { domain: [number, number]; ticks: number[]; label: string };
  series: { points: Point[]; color: string; marker: "none" | "last" | "circle" | "cross" }[];
  rules: { y: number; color: string; dashed: boolean }[];
  notes: { x: number; y: number; text: string; color: string }[];
}

const FLOOR = 1e-12;
const finitePositive = (x: number) => Number.isFinite(x) && x > 0;

/** Powers of ten inside [lo, hi], at most six of them. */
export function decades(lo: number, hi: number): number[] {
  const a = Math.ceil(Math.log10(lo) - 1e-9);
  const b = Math.floor(Math.log10(hi) + 1e-9);
  const stride = Math.max(1, Math.ceil((b - a + 1) / 6));
  const out: number[] = [];
  for (let e = a; e <= b; e += stride) out.push(10 ** e);
  return out.length > 0 ? out : [10 ** Math.round(Math.log10(Math.sqrt(lo * hi)))];
}

/** About five round ticks over [0, max]. */
export function niceTicks(max: number): number[] {
  const raw = max / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = 0; t <= max + 1e-9; t += step) out.push(Number(t.toPrecision(6)));
  return out;
}

/** The loss axis stops here: a diverging run leaves the chart through its top instead of squashing it. */
const LOSS_CEILING = 100;

/**
 * Train and test loss per epoch on a log axis, with the loss of the best constant prediction (dashed): a run
 * that stays on that line has learned nothing. Losses above the ceiling are clipped and non-finite ones (a
 * diverged run) left out; a diverged run is labelled where it left the chart.
 */
export function lossSpec(history: readonly LossPoint[], baseline: number, description: string): ChartSpec {
  const thin = Math.max(1, Math.ceil(history.length / 400));
  const kept = history.filter((_, i) => i % thin === 0 || i === history.length - 1);
  const series = (key: "test" | "train") =>
    kept.filter((p) => finitePositive(p[key])).map((p) => ({ x: p.epoch, y: p[key] }));
  const test = series("test");
  const train = series("train");
  const values = [...test, ...train].map((p) => p.y).concat(finitePositive(baseline) ? [baseline] : []);
  const lo = Math.max(FLOOR, Math.min(1e-2, ...values));
  const hi = Math.min(LOSS_CEILING, Math.max(1, ...values));
  const last = kept.length > 0 ? kept[kept.length - 1].epoch : 0;
  const xMax = Math.max(10, last);
  const exit = history.find((p) => !(p.test <= LOSS_CEILING));
  return {
    ariaLabel: "Train and test loss by epoch, log scale",
    description,
    x: { domain: [0, xMax], ticks: niceTicks(xMax), label: "epoch" },
    y: { domain: [lo, hi], ticks: decades(lo, hi), label: "loss (½·squared error)" },
    series: [
      { points: train, color: LOSS_COLORS.train, marker: "last" },
      { points: test, color: LOSS_COLORS.test, marker: "last" },
    ],
    rules: finitePositive(baseline) ? [{ y: baseline, color: "var(--fg-muted)", dashed: true }] : [],
    notes: exit
      ? [{ x: exit.epoch, y: hi, text: `diverged at epoch ${exit.epoch}`, color: "var(--focus)" }]
      : [],
  };
}

/**
 * Per weight layer, the variance of the activations and of the back-propagated gradient for the current
 * weights, on a log axis: a signal or a gradient that fades by orders of magnitude is why a run stalls.
 * Zero variances (a constant network) cannot sit on a log axis; the table beside the chart lists them.
 */
export function layerSpec(rows: readonly LayerRow[], description: string): ChartSpec {
  const act = rows.filter((r) => finitePositive(r.actVar)).map((r) => ({ x: r.layer, y: r.actVar }));
  const grad = rows.filter((r) => finitePositive(r.gradVar)).map((r) => ({ x: r.layer, y: r.gradVar }));
  const values = [...act, ...grad].map((p) => p.y);
  const lo0 = values.length > 0 ? Math.min(...values) : 1e-3;
  const hi0 = values.length > 0 ? Math.max(...values) : 1;
  const lo = Math.min(lo0, hi0 / 10) / 1.5;
  const hi = Math.max(hi0, lo0 * 10) * 1.5;
  return {
    ariaLabel: "Activation and gradient variance by layer, log scale",
    description,
    x: {
      domain: [0.5, rows.length + 0.5],
      ticks: rows.map((r) => r.layer),
      label: "layer (the last is the output)",
    },
    y: { domain: [lo, hi], ticks: decades(lo, hi), label: "variance (log)" },
    series: [
      { points: act, color: LAYER_COLORS.act, marker: "circle" },
      { points: grad, color: LAYER_COLORS.grad, marker: "cross" },
    ],
    rules: [],
    notes: [],
  };
}
