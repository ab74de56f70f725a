/**
 * The saturation demo's figures. Each returns a FigureSpec: the Plot part (axes, the live band, the layer
 * facets — fixed domains, so it redraws only when its key changes) and the live marks that move while
 * training (histogram areas, loss curves), drawn in Plot's own scales.
 */
import * as Plot from "@observablehq/plot";
import type {
  SaturationLayerSnapshot,
  SaturationRunSnapshot,
  SaturationSnapshot,
} from "../../engine/experiments/saturation";
import type { FigureSize } from "../ui/figure-size";
import { decade, decadeDomain, percent, sig } from "../ui/format";
import type { LivePath, LiveText } from "../ui/live-marks";
import type { FigureSpec } from "../ui/PlotFigure";

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

const layerAxis = { label: null, tickFormat: (d: number) => `layer ${d}`, padding: 0.16 } as const;

/** Share axes only take these tops, so the Plot part redraws only when a histogram outgrows one. */
const SHARE_TOPS = [0.1, 0.2, 0.3, 0.5, 0.75, 1];
const shareTop = (max: number) => SHARE_TOPS.find((t) => max <= t) ?? 1;

/** A histogram (shares in equal bins over [lo, hi]) as one closed step outline from the baseline. */
function stepOutline(shares: readonly number[], lo: number, hi: number): [number, number][] {
  const w = (hi - lo) / shares.length;
  const points: [number, number][] = [[lo, 0]];
  shares.forEach((s, i) => points.push([lo + i * w, s], [lo + (i + 1) * w, s]));
  points.push([hi, 0]);
  return points;
}

const box = (x0: number, x1: number, h: number): [number, number][] => [
  [x0, 0],
  [x0, h],
  [x1, h],
  [x1, 0],
];

/** The scaled run as filled areas, Xavier as outlines: one pair of paths per layer (plus tail bars). */
function histogramMarks(
  snap: SaturationSnapshot,
  pick: (l: SaturationLayerSnapshot) => readonly number[],
  domain: [number, number],
  tails?: { lo: [number, number]; hi: [number, number] },
): LivePath[] {
  const marks: LivePath[] = [];
  const draw = (run: SaturationRunSnapshot, filled: boolean) => {
    for (const l of run.layers) {
      const style: Omit<LivePath, "points"> = filled
        ? { fill: COLOR[run.key], fillOpacity: 0.8, closed: true, fy: l.layer }
        : { stroke: COLOR[run.key], strokeWidth: 1.5, fy: l.layer };
      marks.push({ points: stepOutline(pick(l), domain[0], domain[1]), ...style });
      if (tails) {
        marks.push({ points: box(tails.lo[0], tails.lo[1], l.below), ...style, closed: true });
        marks.push({ points: box(tails.hi[0], tails.hi[1], l.above), ...style, closed: true });
      }
    }
  };
  draw(snap.scaled, true);
  draw(snap.baseline, false);
  return marks;
}

function maxShare(snap: SaturationSnapshot, pick: (l: SaturationLayerSnapshot) => number[]): number {
  return Math.max(...[snap.scaled, snap.baseline].flatMap((r) => r.layers.flatMap(pick)));
}

/** Histogram panels: the layer names on the left, the share axis on the right. */
function histogramFrame(top: number, layers: number) {
  return {
    marginLeft: 50,
    marginRight: 34,
    marginBottom: 32,
    y: { domain: [0, top], label: null, ticks: 2, tickFormat: "%", grid: true, axis: "right" },
    // facets far enough apart that one panel's top tick label clears the next panel's 0 %
    fy: {
      ...layerAxis,
      padding: 0.28,
      axis: "left",
      domain: Array.from({ length: layers }, (_, i) => i + 1),
    },
  } as const;
}

/**
 * Pre-activations per hidden layer on a fixed window ±zLimit, with everything beyond it stacked into two tail
 * bars, so "piled up at the tails" and "squeezed to 0" both read off one scale. The shaded band is where the
 * unit is not saturated. Filled: the N(0, s²) net; outline: Xavier.
 */
export function zFigure(snap: SaturationSnapshot, summary?: string): FigureSpec {
  const { zLimit, liveEdge } = snap.window;
  const w = (2 * zLimit) / snap.scaled.layers[0]!.z.length;
  const gap = 0.6 * w;
  const tail = 2.5 * w;
  const lo: [number, number] = [-zLimit - gap - tail, -zLimit - gap];
  const hi: [number, number] = [zLimit + gap, zLimit + gap + tail];
  const tick = { below: (lo[0] + lo[1]) / 2, above: (hi[0] + hi[1]) / 2 };
  const top = shareTop(maxShare(snap, (l) => [...l.z, l.below, l.above]));
  const layers = snap.scaled.layers.length;
  return {
    key: `z|${zLimit}|${top}|${layers}|${summary ?? ""}`,
    plot: (size) => ({
      ...base(size),
      ...histogramFrame(top, layers),
      ariaLabel: "Histograms of the pre-activations z of each hidden layer",
      ariaDescription: summary,
      x: {
        domain: [lo[0], hi[1]],
        ticks: [tick.below, -zLimit / 2, 0, zLimit / 2, tick.above],
        tickFormat: (d: number) =>
          d === tick.below ? `< −${zLimit}` : d === tick.above ? `> ${zLimit}` : String(d).replace("-", "−"),
        label: "pre-activation z",
        labelAnchor: "center",
        labelArrow: "none",
      },
      marks: [
        Plot.rect(
          Array.from({ length: layers }, (_, i) => ({ layer: i + 1 })),
          { x1: -liveEdge, x2: liveEdge, fy: "layer", fill: "var(--fg-muted)", fillOpacity: 0.12 },
        ),
        Plot.ruleY([0], { stroke: "var(--fg-muted)" }),
      ],
    }),
    live: histogramMarks(snap, (l) => l.z, [-zLimit, zLimit], { lo, hi }),
  };
}

/** f′(z) per hidden layer on [0, f′ max]: saturated units pile up in the first bin. */
export function derivativeFigure(snap: SaturationSnapshot, summary?: string): FigureSpec {
  const max = snap.window.derivativeMax;
  const top = shareTop(maxShare(snap, (l) => l.derivative));
  const layers = snap.scaled.layers.length;
  return {
    key: `d|${max}|${top}|${layers}|${summary ?? ""}`,
    plot: (size) => ({
      ...base(size),
      ...histogramFrame(top, layers),
      ariaLabel: "Histograms of the activation's slope f′(z) in each hidden layer",
      ariaDescription: summary,
      x: { domain: [0, max], label: "slope f′(z)", labelAnchor: "center", labelArrow: "none", ticks: 5 },
      marks: [
        Plot.ruleY([0], { stroke: "var(--fg-muted)" }),
        // an invisible mark in every facet, so Plot lays out the facets the live marks are drawn into
        Plot.dot(
          Array.from({ length: layers }, (_, i) => ({ layer: i + 1 })),
          { x: 0, y: 0, fy: "layer", r: 0 },
        ),
      ],
    }),
    live: histogramMarks(snap, (l) => l.derivative, [0, max]),
  };
}

/** One value per layer for both runs, joined by a rule: a dumbbell per layer (redrawn with the layer stats). */
function dumbbell(
  snap: SaturationSnapshot,
  name: string,
  value: (l: SaturationLayerSnapshot) => number,
  options: { ariaLabel: string; summary?: string; x: Plot.ScaleOptions; format: (x: number) => string },
): FigureSpec {
  const rows = snap.scaled.layers.map((l, i) => ({
    layer: l.layer,
    scaled: value(l),
    baseline: value(snap.baseline.layers[i]!),
  }));
  const points = rows.flatMap((r) => [
    { layer: r.layer, x: r.scaled, run: "scaled" as const },
    { layer: r.layer, x: r.baseline, run: "baseline" as const },
  ]);
  // the Plot part is the axes; the dumbbells move with every refresh of the layer statistics, as live marks
  return {
    key: `${name}|${rows.length}|${JSON.stringify(options.x)}|${options.summary ?? ""}`,
    plot: (size) => ({
      ...base(size),
      marginLeft: 52,
      marginRight: 16,
      marginTop: 8,
      marginBottom: 32,
      ariaLabel: options.ariaLabel,
      ariaDescription: options.summary,
      x: { labelAnchor: "center", labelArrow: "none", grid: true, ...options.x },
      y: { ...layerAxis, type: "band", domain: rows.map((r) => r.layer) },
      // an invisible mark on every row, so Plot draws the axes the live marks are placed in
      marks: [Plot.dot(rows, { x: "baseline", y: "layer", r: 0 })],
    }),
    live: [
      ...rows.map((r): LivePath => ({
        points: [
          [r.baseline, r.layer],
          [r.scaled, r.layer],
        ],
        stroke: "var(--fg-muted)",
        strokeWidth: 1.5,
      })),
      ...points.map((p): LivePath => ({ points: [[p.x, p.layer]], stroke: COLOR[p.run], endDot: 5 })),
      ...points
        .filter((p) => p.run === "scaled")
        .map((p): LiveText => ({
          text: options.format(p.x),
          x: p.x,
          y: p.layer,
          dy: -11,
          fill: "var(--fg)",
        })),
    ],
  };
}

/** Fraction of saturated units per layer, N(0, s²) against Xavier. */
export function saturatedFigure(snap: SaturationSnapshot, summary?: string): FigureSpec {
  return dumbbell(snap, "saturated", (l) => l.saturated, {
    ariaLabel: "Fraction of saturated units per hidden layer",
    summary,
    x: { domain: [0, 1], label: "fraction of units saturated", tickFormat: "%", ticks: 5 },
    format: (x) => percent(x),
  });
}

/** Gradient norm of the weights into each layer, on a log axis (it spans orders of magnitude). */
export function gradientFigure(snap: SaturationSnapshot, summary?: string): FigureSpec {
  const all = [...snap.scaled.layers, ...snap.baseline.layers].map((l) => l.gradNorm).filter((g) => g > 0);
  const [floor, ceiling] = all.length > 0 ? decadeDomain(Math.min(...all), Math.max(...all)) : [1e-3, 1];
  const lo = Math.round(Math.log10(floor));
  const hi = Math.round(Math.log10(ceiling));
  const stride = Math.ceil((hi - lo + 1) / 6);
  const ticks: number[] = [];
  for (let e = hi; e >= lo; e -= stride) ticks.push(10 ** e);
  return dumbbell(snap, "gradient", (l) => Math.max(l.gradNorm, floor), {
    ariaLabel: "Gradient norm of the weights into each hidden layer, log scale",
    summary,
    x: { type: "log", domain: [floor, ceiling], ticks, tickFormat: decade, label: "‖∂L/∂W‖ (log scale)" },
    format: (x) => sig(x, 2, { pad: true }),
  });
}

/** Loss axis tops: the constant-output level and above, doubling, so the axis redraws only when outgrown. */
function lossTop(snap: SaturationSnapshot): number {
  const max = Math.max(
    snap.constantLoss,
    ...[snap.scaled, snap.baseline].flatMap((r) => r.loss.map((p) => p.loss)),
  );
  let top = snap.constantLoss * 1.5;
  while (top < max) top *= 2;
  return top;
}

/**
 * Loss curves of both runs on the full-data ½·MSE, over the whole training horizon, with the constant-output
 * level. `hint` (live figure only: Play needs JavaScript) says how to start while nothing has been trained.
 */
export function lossFigure(snap: SaturationSnapshot, summary?: string, hint = false): FigureSpec {
  const top = lossTop(snap);
  const showHint = hint && snap.step === 0;
  return {
    key: `loss|${snap.horizon}|${top}|${snap.constantLoss}|${showHint}|${summary ?? ""}`,
    plot: (size) => ({
      ...base(size),
      marginLeft: 44,
      marginRight: 16,
      marginTop: 26, // room for the y label above the top tick
      marginBottom: 32,
      ariaLabel: "Training loss of the N(0, s²) net and of the Xavier net, per step",
      ariaDescription: summary,
      x: { domain: [0, snap.horizon], label: "step", labelAnchor: "center", labelArrow: "none" },
      y: { domain: [0, top], label: "loss (½·MSE)", labelArrow: "none", grid: true, ticks: 4 },
      marks: [
        Plot.ruleY([snap.constantLoss], { stroke: "var(--fg-muted)", strokeDasharray: "4 3" }),
        Plot.text([snap.constantLoss], {
          y: (d: number) => d,
          x: snap.horizon,
          text: () => "constant output",
          textAnchor: "end",
          dy: -7,
          fill: "var(--fg-muted)",
        }),
        ...(showHint
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
    }),
    live: [snap.scaled, snap.baseline].map((r) => ({
      points: r.loss.map((p) => [p.step, p.loss] as [number, number]),
      stroke: COLOR[r.key],
      strokeWidth: 2.25,
      endDot: 4,
    })),
  };
}
