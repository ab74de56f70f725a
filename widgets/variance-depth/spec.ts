/**
 * The variance-by-depth figures: variance per layer (measured and mean-field theory, for the chosen
 * initializer and the comparison) and per-layer histograms. Each is a FigureSpec keyed by the runs it draws,
 * so the island redraws a figure only when a new run arrives.
 */
import * as Plot from "@observablehq/plot";
import type { VarianceByDepthResult } from "../../engine/experiments/varianceByDepth";
import { decade, decadeTicks } from "../ui/format";
import type { FigureSpec } from "../ui/PlotFigure";
import type { VarianceRuns } from "./run";

/** Wide-screen and phone boxes, the same for every chart of the demo. */
export const ASPECT = { wide: 480 / 300, narrow: 4 / 3.4 };

export const RUN_COLORS = ["var(--series-1)", "var(--series-2)"] as const;
export const LAYER_COLORS = [
  "var(--series-1)",
  "var(--series-3)",
  "var(--series-2)",
  "var(--series-4)",
  "var(--fg-muted)",
] as const;

export type Quantity = "z" | "dz";

const QUANTITY_LABEL: Record<Quantity, string> = {
  z: "Var z (pre-activation)",
  dz: "Var ∂L/∂z (back-propagated)",
};

const frame = { marginTop: 28, marginRight: 16, marginBottom: 36 };
const style = { fontSize: "12px", background: "transparent" };
const runKey = (r: VarianceByDepthResult | null) => (r ? JSON.stringify(r.options) : "none");

interface Point {
  layer: number;
  value: number;
  run: number;
  kind: "measured" | "theory";
}

function points(result: VarianceByDepthResult, run: number, quantity: Quantity): Point[] {
  const out: Point[] = [];
  for (const l of result.layers) {
    const measured = l[quantity].variance;
    const theory = quantity === "z" ? l.predicted.varZ : l.predicted.varDz;
    if (Number.isFinite(measured) && measured > 0)
      out.push({ layer: l.layer, value: measured, run, kind: "measured" });
    if (Number.isFinite(theory) && theory > 0)
      out.push({ layer: l.layer, value: theory, run, kind: "theory" });
  }
  return out;
}

/**
 * Variance of one quantity per layer on a log axis: measured (solid, dots) and mean-field theory (dashed),
 * for the main run and the comparison run. Non-finite or zero variances are left out (the view says why).
 */
export function varianceFigure(runs: VarianceRuns, quantity: Quantity, summary: string): FigureSpec {
  const all = [runs.main, runs.compare];
  const data = all.flatMap((r, i) => (r ? points(r, i, quantity) : []));
  const depth = runs.main.options.depth;
  const measured = data.filter((d) => d.kind === "measured");
  return {
    key: `${quantity}|${all.map(runKey).join("|")}|${summary}`,
    plot: ({ width, height }) => ({
      width,
      height,
      ...frame,
      marginLeft: 56,
      style,
      ariaLabel: `${QUANTITY_LABEL[quantity]} by layer, log scale`,
      ariaDescription: summary,
      x: {
        label: "layer",
        domain: [1, Math.max(2, depth)],
        labelAnchor: "center",
        labelArrow: "none",
        ticks: Math.min(depth, 10),
      },
      y: {
        type: "log",
        label: QUANTITY_LABEL[quantity],
        grid: true,
        ticks: decadeTicks(data.map((d) => d.value)),
        tickFormat: decade,
      },
      color: { type: "ordinal", domain: [0, 1], range: [...RUN_COLORS] },
      marks: [
        Plot.line(
          data.filter((d) => d.kind === "theory"),
          {
            x: "layer",
            y: "value",
            z: "run",
            stroke: "run",
            strokeDasharray: "5 4",
            strokeWidth: 1.5,
            strokeOpacity: 0.9,
          },
        ),
        Plot.line(measured, { x: "layer", y: "value", z: "run", stroke: "run", strokeWidth: 2 }),
        Plot.dot(measured, { x: "layer", y: "value", fill: "run", r: depth > 20 ? 2 : 3 }),
      ],
    }),
  };
}

/** Up to five layers spread over the depth, first and last included. */
export function sampledLayers(depth: number): number[] {
  const count = Math.min(5, depth);
  const picked = new Set<number>();
  for (let i = 0; i < count; i++) picked.add(1 + Math.round((i * (depth - 1)) / Math.max(1, count - 1)));
  return [...picked];
}

/**
 * Histograms of one quantity for a few layers, overlaid as density lines coloured by layer (the view of
 * Glorot & Bengio's Fig. 6 for activations and Fig. 7 for back-propagated gradients).
 */
export function histogramFigure(
  result: VarianceByDepthResult,
  quantity: "a" | "dz",
  summary: string,
): FigureSpec {
  const layers = sampledLayers(result.layers.length);
  const data = layers.flatMap((layer, i) =>
    result.layers[layer - 1][quantity].histogram
      .filter((b) => Number.isFinite(b.density))
      .map((b) => ({ x: (b.x0 + b.x1) / 2, density: b.density, layer: i })),
  );
  const label = quantity === "a" ? "activation value a" : "back-propagated gradient ∂L/∂z";
  return {
    key: `${quantity}|${runKey(result)}|${summary}`,
    plot: ({ width, height }) => ({
      width,
      height,
      ...frame,
      marginLeft: 48,
      style,
      ariaLabel: `Histograms of ${label} for layers ${layers.join(", ")}`,
      ariaDescription: summary,
      x: { label, labelAnchor: "center", labelArrow: "none", nice: true, ticks: 6 },
      y: { label: "density", grid: true, ticks: 5 },
      color: { type: "ordinal", domain: layers.map((_, i) => i), range: [...LAYER_COLORS] },
      marks: [
        Plot.ruleY([0], { stroke: "var(--fg-muted)" }),
        Plot.line(data, {
          x: "x",
          y: "density",
          z: "layer",
          stroke: "layer",
          strokeWidth: 1.75,
          curve: "step",
        }),
      ],
    }),
  };
}

/** The demo's four figures for a pair of runs, in the order the view shows them. */
export function figures(runs: VarianceRuns, summary: string) {
  return {
    forward: varianceFigure(runs, "z", summary),
    backward: varianceFigure(runs, "dz", summary),
    activations: histogramFigure(runs.main, "a", summary),
    gradients: histogramFigure(runs.main, "dz", summary),
  };
}
