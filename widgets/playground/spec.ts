import * as Plot from "@observablehq/plot";
import type { FigureSize } from "../ui/figure-size";
import type { LayerRow, LossPoint } from "./run";

/** Boxes of the two Plot charts, on wide screens and on phones. */
export const LOSS_ASPECT = { wide: 420 / 200, narrow: 4 / 2.6 };
export const LAYER_ASPECT = { wide: 520 / 210, narrow: 4 / 3 };

export const LOSS_COLORS = { test: "var(--series-3)", train: "var(--series-4)" } as const;
export const LAYER_COLORS = { act: "var(--series-3)", grad: "var(--series-4)" } as const;

const FLOOR = 1e-12;
const finitePositive = (x: number) => Number.isFinite(x) && x > 0;

/** Powers of ten inside [lo, hi], at most six of them. */
function decades(lo: number, hi: number): number[] {
  const a = Math.ceil(Math.log10(lo) - 1e-9);
  const b = Math.floor(Math.log10(hi) + 1e-9);
  const stride = Math.max(1, Math.ceil((b - a + 1) / 6));
  const out: number[] = [];
  for (let e = a; e <= b; e += stride) out.push(10 ** e);
  return out.length > 0 ? out : [10 ** Math.round(Math.log10(Math.sqrt(lo * hi)))];
}

const formatDecade = (x: number) => {
  const e = Math.round(Math.log10(x));
  return e >= -3 && e <= 2 ? String(Number(x.toPrecision(1))) : `1e${e}`;
};

/** The loss axis stops here: a diverging run leaves the chart through its top instead of squashing it. */
const LOSS_CEILING = 100;

/**
 * Train and test loss per epoch on a log axis, with the loss of the best constant prediction (dashed): a run
 * that stays on that line has learned nothing. Losses above the ceiling are clipped and non-finite ones (a
 * diverged run) left out; a diverged run is labelled where it left the chart.
 */
export function lossSpec(history: readonly LossPoint[], baseline: number, description: string) {
  const thin = Math.max(1, Math.ceil(history.length / 400));
  const points = history.filter((_, i) => i % thin === 0 || i === history.length - 1);
  const data = points.flatMap((p) => [
    ...(finitePositive(p.test) ? [{ epoch: p.epoch, loss: p.test, set: "test" }] : []),
    ...(finitePositive(p.train) ? [{ epoch: p.epoch, loss: p.train, set: "train" }] : []),
  ]);
  const values = [...data.map((d) => d.loss), baseline].filter(finitePositive);
  const lo = Math.max(FLOOR, Math.min(1e-2, ...values));
  const hi = Math.min(LOSS_CEILING, Math.max(1, ...values));
  const last = points.length > 0 ? points[points.length - 1].epoch : 0;
  const blownUp = history.some((p) => !(p.test <= LOSS_CEILING));
  const exit = history.find((p) => !(p.test <= LOSS_CEILING));
  return ({ width, height }: FigureSize): Plot.PlotOptions => ({
    width,
    height,
    marginTop: 22,
    marginLeft: 48,
    marginRight: 16,
    marginBottom: 34,
    style: { fontSize: "12px", background: "transparent" },
    ariaLabel: "Train and test loss by epoch, log scale",
    ariaDescription: description,
    x: {
      label: "epoch",
      domain: [0, Math.max(10, last)],
      labelAnchor: "center",
      labelArrow: "none",
      ticks: 5,
    },
    y: {
      type: "log",
      domain: [lo, hi],
      label: "loss (½·squared error)",
      grid: true,
      ticks: decades(lo, hi),
      tickFormat: formatDecade,
    },
    color: { domain: ["test", "train"], range: [LOSS_COLORS.test, LOSS_COLORS.train] },
    clip: true,
    marks: [
      Plot.ruleY([baseline], { stroke: "var(--fg-muted)", strokeDasharray: "4 4" }),
      Plot.line(data, { x: "epoch", y: "loss", z: "set", stroke: "set", strokeWidth: 2 }),
      ...(blownUp && exit
        ? [
            Plot.text([exit], {
              x: "epoch",
              y: () => hi,
              text: () => `diverged at epoch ${exit.epoch}`,
              dy: 12,
              dx: 4,
              textAnchor: "start",
              fill: "var(--focus)",
              fontWeight: 600,
              clip: false,
            }),
          ]
        : []),
      Plot.dot(
        data.filter((d) => d.epoch === last),
        { x: "epoch", y: "loss", fill: "set", r: 3 },
      ),
    ],
  });
}

/**
 * Per weight layer, the variance of the activations and of the back-propagated gradient for the current
 * weights, on a log axis: a signal or a gradient that fades by orders of magnitude is why a run stalls.
 * Zero variances (a constant network) cannot sit on a log axis; the table beside the chart lists them.
 */
export function layerSpec(rows: readonly LayerRow[], description: string) {
  const data = rows.flatMap((r) => [
    ...(finitePositive(r.actVar) ? [{ layer: r.layer, value: r.actVar, kind: "act" }] : []),
    ...(finitePositive(r.gradVar) ? [{ layer: r.layer, value: r.gradVar, kind: "grad" }] : []),
  ]);
  const values = data.map((d) => d.value);
  const lo = values.length > 0 ? Math.min(...values) : 1e-3;
  const hi = values.length > 0 ? Math.max(...values) : 1;
  const L = rows.length;
  return ({ width, height }: FigureSize): Plot.PlotOptions => ({
    width,
    height,
    marginTop: 22,
    marginLeft: 52,
    marginRight: 16,
    marginBottom: 34,
    style: { fontSize: "12px", background: "transparent" },
    ariaLabel: "Activation and gradient variance by layer, log scale",
    ariaDescription: description,
    x: {
      label: "layer (the last is the output)",
      domain: [0.5, L + 0.5],
      ticks: rows.map((r) => r.layer),
      tickFormat: (x: number) => String(x),
      labelAnchor: "center",
      labelArrow: "none",
    },
    y: {
      type: "log",
      domain: [Math.min(lo, hi / 10), Math.max(hi, lo * 10)],
      label: "variance (log)",
      grid: true,
      ticks: decades(Math.min(lo, hi / 10), Math.max(hi, lo * 10)),
      tickFormat: formatDecade,
    },
    color: { domain: ["act", "grad"], range: [LAYER_COLORS.act, LAYER_COLORS.grad] },
    marks: [
      Plot.line(data, { x: "layer", y: "value", z: "kind", stroke: "kind", strokeWidth: 2 }),
      Plot.dot(data, { x: "layer", y: "value", fill: "kind", r: 4, symbol: "kind" }),
    ],
  });
}
