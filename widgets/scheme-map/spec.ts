import * as Plot from "@observablehq/plot";
import type { SignalBySchemeResult } from "../../engine/experiments/signalByScheme";
import type { InitializerId } from "../../engine/initializers";
import { decade, decadeTicks } from "../ui/format";
import type { FigureSpec } from "../ui/PlotFigure";
import { FAMILIES } from "./summary";

export const ASPECT = { wide: 640 / 300, narrow: 4 / 3.6 };

/**
 * Pre-activation variance Var z by layer relative to layer 1, one line per initializer coloured by family, on a log
 * axis: a scheme that holds the signal stays on the line at 1.
 */
export function schemeMapFigure(
  result: SignalBySchemeResult,
  highlight: InitializerId | "none",
  summary: string,
): FigureSpec {
  const rows = result.profiles.flatMap((p) =>
    p.preactivation
      .map((v, i) => ({ id: p.id, family: p.family, layer: i + 1, v: v / p.preactivation[0]! }))
      .filter((r) => Number.isFinite(r.v) && r.v > 0),
  );
  const depth = result.options.depth;
  const strong = rows.filter((r) => r.id === highlight);
  return {
    key: `${JSON.stringify(result.options)}|${highlight}|${summary}`,
    plot: ({ width, height }) => ({
      width,
      height,
      marginTop: 28,
      marginLeft: 52,
      marginRight: 16,
      marginBottom: 36,
      style: { fontSize: "12px", background: "transparent" },
      ariaLabel: "Pre-activation variance by layer relative to layer 1, for every initializer, log scale",
      ariaDescription: summary,
      x: { label: "layer", domain: [1, depth], labelAnchor: "center", labelArrow: "none" },
      y: {
        type: "log",
        label: "Var zˡ / Var z¹",
        grid: true,
        ticks: decadeTicks(rows.map((r) => r.v)),
        tickFormat: decade,
      },
      color: { type: "ordinal", domain: FAMILIES.map((f) => f.family), range: FAMILIES.map((f) => f.color) },
      marks: [
        Plot.ruleY([1], { stroke: "var(--fg-muted)", strokeDasharray: "2 3" }),
        Plot.line(rows, {
          x: "layer",
          y: "v",
          z: "id",
          stroke: "family",
          strokeWidth: 1.5,
          strokeOpacity: highlight === "none" ? 0.85 : 0.35,
        }),
        Plot.line(strong, { x: "layer", y: "v", z: "id", stroke: "family", strokeWidth: 3.5 }),
      ],
    }),
  };
}
