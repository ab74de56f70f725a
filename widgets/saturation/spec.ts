import * as Plot from "@observablehq/plot";
import type { FigureSize } from "../ui/figure-size";
import {
  formatNumber,
  powerOfTen,
  type LayerView,
  type RunView,
  type SaturationView,
  type ShareBin,
} from "./model";

/** Figure boxes (width / height): two histogram panels and two per-layer panels side by side, then the loss. */
export const ASPECT = {
  histogram: { wide: 380 / 270, narrow: 330 / 300 },
  perLayer: { wide: 380 / 150, narrow: 330 / 160 },
  loss: { wide: 780 / 240, narrow: 330 / 220 },
} as const;

/** The width a half-width panel is drawn at in the build-time SVG, so its text matches the live figure's. */
export const HALF_STATIC_WIDTH = 380;

export const COLOR = { scaled: "var(--series-2)", baseline: "var(--series-1)" } as const;

const base = (size: FigureSize) => ({
  width: size.width,
  height: size.height,
  style: { fontSize: "11px", background: "transparent", overflow: "visible" },
});

/** A histogram's outline as one polyline (0 → bin tops → 0), drawn over the other run's bars. */
function outline(bins: ShareBin[], layer: number) {
  const points = [{ x: bins[0].x0, share: 0, layer }];
  for (const b of bins) points.push({ x: b.x0, share: b.share, layer }, { x: b.x1, share: b.share, layer });
  points.push({ x: bins[bins.length - 1].x1, share: 0, layer });
  return points;
}

const bars = (run: RunView, pick: (l: LayerView) => ShareBin[]) =>
  run.layers.flatMap((l) => pick(l).map((b) => ({ ...b, layer: l.layer })));
const outlines = (run: RunView, pick: (l: LayerView) => ShareBin[]) =>
  run.layers.flatMap((l) => outline(pick(l), l.layer));

const layerAxis = {
  label: null,
  tickFormat: (d: number) => `layer ${d}`,
  padding: 0.16,
} as const;

/** Histogram panels: the layer names on the left, the share axis on the right. */
const histogramAxes = {
  y: { label: null, ticks: 2, tickFormat: "%", grid: true, axis: "right" },
  fy: { ...layerAxis, axis: "left" },
} as const;

/**
 * Pre-activations per hidden layer on a fixed window ±zLimit, with everything beyond it stacked into two tail
 * bars, so "piled up at the tails" and "squeezed to 0" both read off one scale. The shaded band is where the
 * unit is not saturated. Bars: the N(0, s²) net; outline: Xavier.
 */
export function zSpec(view: SaturationView, summary?: string) {
  const { zLimit, liveEdge } = view;
  const w = (2 * zLimit) / view.scaled.layers[0].z.bins.length;
  const gap = 0.6 * w;
  const tail = 2.5 * w;
  const lo: [number, number] = [-zLimit - gap - tail, -zLimit - gap];
  const hi: [number, number] = [zLimit + gap, zLimit + gap + tail];
  const tails = (run: RunView) =>
    run.layers.flatMap((l) => [
      { x0: lo[0], x1: lo[1], share: l.z.below, layer: l.layer },
      { x0: hi[0], x1: hi[1], share: l.z.above, layer: l.layer },
    ]);
  const tailTick = { below: (lo[0] + lo[1]) / 2, above: (hi[0] + hi[1]) / 2 };
  return (size: FigureSize): Plot.PlotOptions => ({
    ...base(size),
    marginLeft: 50,
    marginRight: 34,
    marginBottom: 32,
    ariaLabel: "Histograms of the pre-activations z of each hidden layer",
    ariaDescription: summary,
    x: {
      domain: [lo[0], hi[1]],
      ticks: [tailTick.below, -zLimit / 2, 0, zLimit / 2, tailTick.above],
      tickFormat: (d: number) =>
        d === tailTick.below
          ? `< −${zLimit}`
          : d === tailTick.above
            ? `> ${zLimit}`
            : String(d).replace("-", "−"),
      label: "pre-activation z",
      labelAnchor: "center",
      labelArrow: "none",
    },
    ...histogramAxes,
    marks: [
      Plot.rect([{ x1: -liveEdge, x2: liveEdge }], {
        x1: "x1",
        x2: "x2",
        fill: "var(--fg-muted)",
        fillOpacity: 0.12,
      }),
      Plot.rectY(
        bars(view.scaled, (l) => l.z.bins),
        {
          x1: "x0",
          x2: "x1",
          y: "share",
          fy: "layer",
          fill: COLOR.scaled,
          fillOpacity: 0.8,
          insetLeft: 0.5,
          insetRight: 0.5,
        },
      ),
      Plot.rectY(tails(view.scaled), {
        x1: "x0",
        x2: "x1",
        y: "share",
        fy: "layer",
        fill: COLOR.scaled,
        fillOpacity: 0.8,
      }),
      Plot.line(
        outlines(view.baseline, (l) => l.z.bins),
        {
          x: "x",
          y: "share",
          fy: "layer",
          z: "layer",
          stroke: COLOR.baseline,
          strokeWidth: 1.5,
        },
      ),
      Plot.rectY(tails(view.baseline), {
        x1: "x0",
        x2: "x1",
        y: "share",
        fy: "layer",
        fill: "none",
        stroke: COLOR.baseline,
        strokeWidth: 1.5,
      }),
      Plot.ruleY([0], { stroke: "var(--fg-muted)" }),
    ],
  });
}

/** f′(z) per hidden layer on [0, f′ max]: saturated units pile up in the first bin. */
export function derivativeSpec(view: SaturationView, summary?: string) {
  return (size: FigureSize): Plot.PlotOptions => ({
    ...base(size),
    marginLeft: 50,
    marginRight: 34,
    marginBottom: 32,
    ariaLabel: "Histograms of the activation's slope f′(z) in each hidden layer",
    ariaDescription: summary,
    x: {
      domain: [0, view.derivativeMax],
      label: "slope f′(z)",
      labelAnchor: "center",
      labelArrow: "none",
      ticks: 5,
    },
    ...histogramAxes,
    marks: [
      Plot.rectY(
        bars(view.scaled, (l) => l.derivative),
        {
          x1: "x0",
          x2: "x1",
          y: "share",
          fy: "layer",
          fill: COLOR.scaled,
          fillOpacity: 0.8,
          insetLeft: 0.5,
          insetRight: 0.5,
        },
      ),
      Plot.line(
        outlines(view.baseline, (l) => l.derivative),
        {
          x: "x",
          y: "share",
          fy: "layer",
          z: "layer",
          stroke: COLOR.baseline,
          strokeWidth: 1.5,
        },
      ),
      Plot.ruleY([0], { stroke: "var(--fg-muted)" }),
    ],
  });
}

/** One value per layer for both runs, joined by a rule: a dumbbell per layer. */
function dumbbell(
  view: SaturationView,
  value: (l: LayerView) => number,
  options: { ariaLabel: string; summary?: string; x: Plot.ScaleOptions; format: (x: number) => string },
) {
  const rows = view.scaled.layers.map((l, i) => ({
    layer: l.layer,
    scaled: value(l),
    baseline: value(view.baseline.layers[i]),
  }));
  const points = rows.flatMap((r) => [
    { layer: r.layer, x: r.scaled, run: "scaled" as const },
    { layer: r.layer, x: r.baseline, run: "baseline" as const },
  ]);
  return (size: FigureSize): Plot.PlotOptions => ({
    ...base(size),
    marginLeft: 52,
    marginRight: 16,
    marginTop: 8,
    marginBottom: 32,
    ariaLabel: options.ariaLabel,
    ariaDescription: options.summary,
    x: { labelAnchor: "center", labelArrow: "none", grid: true, ...options.x },
    y: { ...layerAxis, type: "band", domain: rows.map((r) => r.layer) },
    marks: [
      Plot.ruleY(rows, {
        y: "layer",
        x1: "baseline",
        x2: "scaled",
        stroke: "var(--fg-muted)",
        strokeWidth: 1.5,
      }),
      Plot.dot(points, {
        x: "x",
        y: "layer",
        r: 5,
        fill: (d: (typeof points)[number]) => COLOR[d.run],
        stroke: "var(--bg-raised)",
      }),
      Plot.text(
        points.filter((p) => p.run === "scaled"),
        {
          x: "x",
          y: "layer",
          text: (d: (typeof points)[number]) => options.format(d.x),
          dy: -11,
          fill: "var(--fg)",
        },
      ),
    ],
  });
}

/** Fraction of saturated units per layer, N(0, s²) against Xavier. */
export function saturatedSpec(view: SaturationView, summary?: string) {
  return dumbbell(view, (l) => l.saturated, {
    ariaLabel: "Fraction of saturated units per hidden layer",
    summary,
    x: { domain: [0, 1], label: "fraction of units saturated", tickFormat: "%", ticks: 5 },
    format: (x) => `${Math.round(x * 100)} %`,
  });
}

/** Gradient norm of the weights into each layer, on a log axis (it spans orders of magnitude). */
export function gradientSpec(view: SaturationView, summary?: string) {
  const all = [...view.scaled.layers, ...view.baseline.layers].map((l) => l.gradNorm).filter((g) => g > 0);
  // Whole decades, at least one, so the axis always shows labelled powers of ten.
  const lo = all.length > 0 ? Math.floor(Math.log10(Math.min(...all))) : -3;
  const hi = all.length > 0 ? Math.max(lo + 1, Math.ceil(Math.log10(Math.max(...all)))) : 0;
  const stride = Math.ceil((hi - lo + 1) / 6);
  const ticks: number[] = [];
  for (let e = hi; e >= lo; e -= stride) ticks.push(10 ** e);
  const floor = 10 ** lo;
  return dumbbell(view, (l) => Math.max(l.gradNorm, floor), {
    ariaLabel: "Gradient norm of the weights into each hidden layer, log scale",
    summary,
    x: {
      type: "log",
      domain: [floor, 10 ** hi],
      ticks,
      tickFormat: (x: number) =>
        Math.abs(Math.log10(x)) <= 2 ? String(x) : powerOfTen(Math.round(Math.log10(x))),
      label: "‖∂L/∂W‖ (log scale)",
    },
    format: formatNumber,
  });
}

/**
 * Loss curves of both runs on the full-data ½·MSE, over the whole training horizon, with the constant-output
 * level. `hint` (live figure only: Play needs JavaScript) says how to start while nothing has been trained.
 */
export function lossSpec(view: SaturationView, summary?: string, hint = false) {
  const runs = [view.scaled, view.baseline];
  const curves = runs.flatMap((r) => r.loss.map((p) => ({ ...p, run: r.key })));
  const top = Math.max(view.constantLoss, ...curves.map((p) => p.loss));
  const ends = runs
    .filter((r) => r.loss.length > 0)
    .map((r) => ({ ...r.loss[r.loss.length - 1], run: r.key }));
  return (size: FigureSize): Plot.PlotOptions => ({
    ...base(size),
    marginLeft: 44,
    marginRight: 16,
    marginTop: 12,
    marginBottom: 32,
    ariaLabel: "Training loss of the N(0, s²) net and of the Xavier net, per step",
    ariaDescription: summary,
    x: { domain: [0, view.horizon], label: "step", labelAnchor: "center", labelArrow: "none" },
    y: { domain: [0, top * 1.08], label: "loss (½·MSE)", labelArrow: "none", grid: true, ticks: 4 },
    marks: [
      Plot.ruleY([view.constantLoss], { stroke: "var(--fg-muted)", strokeDasharray: "4 3" }),
      Plot.text([view.constantLoss], {
        y: (d: number) => d,
        x: view.horizon,
        text: () => "constant output",
        textAnchor: "end",
        dy: -7,
        fill: "var(--fg-muted)",
      }),
      Plot.line(curves, {
        x: "step",
        y: "loss",
        z: "run",
        stroke: (d: (typeof curves)[number]) => COLOR[d.run],
        strokeWidth: 2.25,
      }),
      Plot.dot(ends, {
        x: "step",
        y: "loss",
        r: 4,
        fill: (d: (typeof ends)[number]) => COLOR[d.run],
      }),
      ...(hint && view.step === 0
        ? [
            Plot.text(["Press Play to train both nets"], {
              frameAnchor: "bottom",
              dy: -26,
              fill: "var(--fg-muted)",
              fontSize: 13,
            }),
          ]
        : []),
      Plot.ruleY([0], { stroke: "var(--fg-muted)" }),
    ],
  });
}
