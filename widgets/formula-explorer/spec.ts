import * as Plot from "@observablehq/plot";
import type { SamplingResult } from "../../engine/experiments/sampling";
import type { FigureSpec } from "../ui/PlotFigure";

/** The figure box: wide and short beside the text, taller on a phone so the bars stay readable. */
export const ASPECT = { wide: 640 / 280, narrow: 4 / 3.2 };

/** Histogram of the sampled weights (bars) with the theoretical density on top (line), and ±bound rules. */
export function samplesFigure(result: SamplingResult, summary: string): FigureSpec {
  const { id, fans, params, n, seed } = result;
  const bound = result.theory.bound;
  return {
    key: `${JSON.stringify({ id, fans, params, n, seed })}|${summary}`,
    plot: ({ width, height }) => ({
      width,
      height,
      marginLeft: 48,
      marginRight: 20,
      marginBottom: 36,
      style: { fontSize: "12px", background: "transparent" },
      ariaLabel: "Histogram of sampled weights with the theoretical density",
      ariaDescription: summary,
      x: { label: "weight value", labelAnchor: "center", labelArrow: "none", nice: true },
      y: { label: "density", grid: true },
      marks: [
        Plot.rectY(result.histogram, {
          x1: "x0",
          x2: "x1",
          y: "density",
          fill: "var(--series-1)",
          fillOpacity: 0.55,
          insetLeft: 0.5,
          insetRight: 0.5,
        }),
        Plot.line(result.density, { x: "x", y: "density", stroke: "var(--series-2)", strokeWidth: 2 }),
        ...(bound === null
          ? []
          : [Plot.ruleX([-bound, bound], { stroke: "var(--fg-muted)", strokeDasharray: "4 3" })]),
        Plot.ruleY([0], { stroke: "var(--fg-muted)" }),
      ],
    }),
  };
}
