import * as Plot from "@observablehq/plot";
import type { VarianceByDepthResult } from "../../engine/experiments/varianceByDepth";
import type { FigureSize } from "../ui/figure-size";

/** Wide-screen and phone boxes for the two kinds of chart. */
export const ASPECT = { wide: 480 / 300, narrow: 4 / 3.4 };

export const RUN_COLORS = ["var(--series-1)", "var(--series-2)"] as const;
export const LAYER_COLORS = [
  "var(--series-1)",
  "var(--series-3)",
  "var(--series-2)",
  "var(--series-4)",
  "var(--fg-muted)",
] as const;

export type Quantity = "z" | "dz" | "dW";

const QUANTITY_LABEL: Record<Quantity, string> = {
  z: "Var z (pre-activation)",
  dz: "Var ∂L/∂z (back-propagated)",
  dW: "Var ∂L/∂W (weight gradient)",
};

/** Powers of ten spanning the values, thinned so at most seven are labelled. */
export function decadeTicks(values: number[]): number[] {
  if (values.length === 0) return [1];
  const lo = Math.floor(Math.log10(Math.min(...values)));
  const hi = Math.ceil(Math.log10(Math.max(...values)));
  const stride = Math.max(1, Math.ceil((hi - lo + 1) / 7));
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e += stride) ticks.push(10 ** e);
  return ticks;
}

/** 0.01 … 100 as decimals, other powers of ten as 1e−k. */
export function formatDecade(x: number): string {
  const e = Math.round(Math.log10(x));
  return e >= -2 && e <= 2 ? String(Number(x.toPrecision(1))) : `1e${e < 0 ? "−" : ""}${Math.abs(e)}`;
}

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
    const theory =
      quantity === "z" ? l.predicted.varZ : quantity === "dz" ? l.predicted.varDz : l.predicted.varDW;
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
export function varianceSpec(
  runs: (VarianceByDepthResult | null)[],
  quantity: Quantity,
  description: string,
) {
  const data = runs.flatMap((r, i) => (r ? points(r, i, quantity) : []));
  const depth = runs[0]?.options.depth ?? 1;
  return ({ width, height }: FigureSize): Plot.PlotOptions => ({
    width,
    height,
    marginTop: 28,
    marginLeft: 56,
    marginRight: 16,
    marginBottom: 36,
    style: { fontSize: "12px", background: "transparent" },
    ariaLabel: `${QUANTITY_LABEL[quantity]} by layer, log scale`,
    ariaDescription: description,
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
      tickFormat: formatDecade,
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
      Plot.line(
        data.filter((d) => d.kind === "measured"),
        { x: "layer", y: "value", z: "run", stroke: "run", strokeWidth: 2 },
      ),
      Plot.dot(
        data.filter((d) => d.kind === "measured"),
        { x: "layer", y: "value", fill: "run", r: depth > 20 ? 2 : 3 },
      ),
    ],
  });
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
export function histogramSpec(result: VarianceByDepthResult, quantity: "a" | "dz", description: string) {
  const layers = sampledLayers(result.layers.length);
  const data = layers.flatMap((layer, i) =>
    result.layers[layer - 1][quantity].histogram
      .filter((b) => Number.isFinite(b.density))
      .map((b) => ({ x: (b.x0 + b.x1) / 2, density: b.density, layer: i })),
  );
  const label = quantity === "a" ? "activation value a" : "back-propagated gradient ∂L/∂z";
  return ({ width, height }: FigureSize): Plot.PlotOptions => ({
    width,
    height,
    marginTop: 28,
    marginLeft: 48,
    marginRight: 16,
    marginBottom: 36,
    style: { fontSize: "12px", background: "transparent" },
    ariaLabel: `Histograms of ${label} for layers ${layers.join(", ")}`,
    ariaDescription: description,
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
  });
}
